//! Open data, feeds and the sitemap: they round-trip, parse, and point at
//! files that exist.

use crate::common::{TestSite, snapshot, status_counts, stderr, table_cells};
use quick_xml::Reader;
use quick_xml::events::Event;
use tuloskortti::content::ScorecardFile;
use tuloskortti::open_data::Dataset;

fn built() -> (TestSite, std::collections::BTreeMap<String, Vec<u8>>) {
    let site = TestSite::fixture("minimal");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let files = snapshot(&site.out());
    (site, files)
}

#[test]
fn scorecard_json_round_trips_to_the_same_model() {
    let (_site, files) = built();
    let bytes = &files["data/testila/2024-tekniikka.json"];
    let model: ScorecardFile = serde_json::from_slice(bytes).expect("the JSON loads back");
    let again = tuloskortti::open_data::to_json(&model);
    assert_eq!(
        String::from_utf8_lossy(&again),
        String::from_utf8_lossy(bytes)
    );
    assert_eq!(
        model.key_figures[0].rows[0].values.value,
        vec![Some(-1234567.0), Some(-1300000.0)]
    );
    assert_eq!(
        model.themes[0].goals[0].targets[0].indicators[0].values[0].value,
        3.5
    );

    let dataset: Dataset =
        serde_json::from_slice(&files["data/tuloskortti.json"]).expect("the dataset loads back");
    assert_eq!(dataset.languages, ["fi", "sv", "en"]);
    assert_eq!(dataset.scorecards.len(), 1);
    assert_eq!(dataset.licence, "CC BY 4.0");
}

#[test]
fn csv_has_one_row_per_value_and_a_bom() {
    let (_site, files) = built();
    let csv = String::from_utf8(files["data/testila/2024-tekniikka.csv"].clone()).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    // 1 indicator value + 3 filled key-figure cells (one cell is empty).
    assert_eq!(rows.len(), 1 + 4, "{csv}");
    assert_eq!(
        rows[0].split(',').count(),
        tuloskortti::open_data::CSV_HEADER.len()
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Uudet pyörätiet,Nya cykelvägar,New cycle paths,2024-H1,,3.5,km")),
        "{csv}"
    );
    assert!(rows.iter().any(|r| r.ends_with("talous,Toimintamenot,Verksamhetens kostnader,Operating expenses,2023,actual,-1234567,EUR")), "{csv}");
}

/// Parse XML fully; return the text of every `tag` element and every `attr` value.
fn xml_values(bytes: &[u8], tag: &str, attr: &str) -> (Vec<String>, Vec<String>) {
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let (mut texts, mut attrs) = (Vec::new(), Vec::new());
    let mut inside = false;
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                inside = e.local_name().as_ref() == tag;
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    if a.key.local_name().as_ref() == attr {
                        attrs.push(
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        );
                    }
                }
            }
            Event::Text(t) if inside => texts.push(t.into_inner().into_owned()),
            Event::End(_) => inside = false,
            _ => {}
        }
        buf.clear();
    }
    (texts, attrs)
}

fn local(url: &str) -> String {
    let path = url
        .strip_prefix("https://tavoitteet.example.fi/")
        .expect("a URL of this site");
    if path.ends_with('/') || path.is_empty() {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

#[test]
fn feeds_and_sitemap_are_well_formed_and_point_at_real_pages() {
    let (_site, files) = built();
    let (locs, alternates) = xml_values(&files["sitemap.xml"], "loc", "href");
    assert!(locs.len() > 20, "{} URLs", locs.len());
    assert_eq!(alternates.len(), locs.len() * 3, "three alternates per URL");
    for url in locs.iter().chain(&alternates) {
        assert!(
            files.contains_key(&local(url)),
            "sitemap names a missing page: {url}"
        );
    }
    for lang in ["fi", "sv", "en"] {
        let feed = &files[&format!("{lang}/updates/atom.xml")];
        let (ids, links) = xml_values(feed, "id", "href");
        assert_eq!(ids.len(), 2, "feed id + one entry");
        for link in &links {
            assert!(
                files.contains_key(&local(link)),
                "{lang} feed links a missing file: {link}"
            );
        }
        let text = String::from_utf8_lossy(feed);
        assert!(text.contains(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
        )));
        assert!(text.contains("<updated>2024-07-01T00:00:00Z</updated>"));
    }
    let robots = String::from_utf8_lossy(&files["robots.txt"]).into_owned();
    assert!(robots.contains("Sitemap: https://tavoitteet.example.fi/sitemap.xml"));
}

#[test]
fn pages_link_their_downloads_and_feed() {
    let (site, _files) = built();
    let page = site.read("public/fi/testila/2024-tekniikka/index.html");
    assert!(
        page.contains("href=\"../../../data/testila/2024-tekniikka.json\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../../data/testila/2024-tekniikka.csv\""));
    assert!(page.contains("Lataa tämän tuloskortin tiedot: <a href=\"../../../data/testila/2024-tekniikka.csv\" type=\"text/csv\">taulukkona (CSV)</a>"), "{page}");
    let sv = site.read("public/sv/index.html");
    assert!(sv.contains("Alla data (JSON)"));
    assert!(
        sv.contains("type=\"application/atom+xml\" href=\"updates/atom.xml\""),
        "{sv}"
    );
    assert!(sv.contains("<meta property=\"og:title\""));
}

/// The numbers printed under the bars of each chart on a page.
fn chart_values(html: &str) -> Vec<Vec<String>> {
    html.split("<svg class=\"chart")
        .skip(1)
        .map(|rest| {
            let svg = format!(
                "<svg class=\"chart{}",
                &rest[..rest.find("</svg>").expect("closed svg") + 6]
            );
            let (values, _) = xml_values(svg.as_bytes(), "text", "class");
            assert!(svg.contains("<title id="), "every chart has a title: {svg}");
            // Legend and group labels are text too; the values are the bar labels.
            let mut reader = Reader::from_reader(svg.as_bytes());
            let mut buf = Vec::new();
            let mut numbers = Vec::new();
            let mut in_value = false;
            loop {
                match reader
                    .read_event_into(&mut buf)
                    .expect("charts are well-formed XML")
                {
                    Event::Eof => break,
                    Event::Start(e) => {
                        in_value = e
                            .attributes()
                            .any(|a| a.is_ok_and(|a| &*a.value == "chart-value"));
                    }
                    Event::Text(t) if in_value => numbers.push(t.into_inner().into_owned()),
                    Event::End(_) => in_value = false,
                    _ => {}
                }
                buf.clear();
            }
            let _ = values;
            numbers
        })
        .collect()
}

#[test]
fn charts_are_valid_svg_and_show_the_content_numbers() {
    let site = TestSite::fixture("minimal");
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    // A second measurement gives the indicator a chart.
    site.write(file, site.read(file).replace("                  - {period: 2024-H1, value: 3.5}", "                  - {period: 2024-H1, value: 3.5}\n                  - {period: 2023, value: 1.25}"));
    assert!(site.build().status.success());
    let fi = site.read("public/fi/testila/2024-tekniikka/index.html");
    let en = site.read("public/en/testila/2024-tekniikka/index.html");
    let (fi_charts, en_charts) = (chart_values(&fi), chart_values(&en));
    // The indicator (2 values) and the one euro row; the percent row has
    // no chart. The statuses of the scorecard and of its one theme
    // (achieved 1, on track 1, at risk 0, not achieved 0, not assessed 0)
    // are tables, not charts.
    assert_eq!(fi_charts.len(), 2, "{fi_charts:?}");
    assert_eq!(
        status_counts(&fi, "status_all").unwrap(),
        ["1", "1", "0", "0", "0"]
    );
    assert_eq!(
        status_counts(&fi, "status_liikenne"),
        status_counts(&fi, "status_all")
    );
    // The counts are a table and one sentence above it (tests/it/status.rs),
    // and what "not assessed" means is said once a page.
    assert!(
        !fi.contains("status-summary"),
        "the counts a third time, as a list"
    );
    assert_eq!(fi.matches("Ei arvioitu: seurannassa ei kerrota").count(), 1);
    assert_eq!(
        fi_charts[0],
        ["1,25", "3,5"],
        "indicator values in period order"
    );
    assert_eq!(
        fi_charts[1],
        ["-1\u{a0}234\u{a0}567", "-1\u{a0}300\u{a0}000"]
    );
    assert_eq!(en_charts[1], ["-1,234,567", "-1,300,000"]);
    // The same numbers are in the data table next to the chart.
    for n in &fi_charts[1] {
        assert!(table_cells(&fi).contains(n), "table has {n}");
    }
    // And they are the content file's numbers.
    let (loaded, _) = tuloskortti::content::load_site(site.root()).unwrap();
    let row = &loaded.scorecards[0].data.key_figures[0].rows[0];
    assert_eq!(row.values.value, vec![Some(-1234567.0), Some(-1300000.0)]);
    assert!(
        fi.contains("<figcaption>Toimintamenot: TP 2023 -1\u{a0}234\u{a0}567\u{a0}€.</figcaption>"),
        "{fi}"
    );
}

#[test]
fn a_shared_metric_has_a_page_comparing_organisations() {
    let site = TestSite::fixture("minimal");
    site.write("content/metrics.yaml", "- id: pyoratiet\n  title: {fi: Uudet pyörätiet, sv: Nya cykelvägar, en: New cycle paths}\n  unit: {fi: km, sv: km, en: km}\n  direction: increase\n");
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    site.write(
        file,
        site.read(file).replace(
            "                unit: {fi: km, sv: km, en: km}",
            "                metric: pyoratiet\n                unit: {fi: km, sv: km, en: km}",
        ),
    );
    site.write(
        "content/organisations/toinen.yaml",
        "name: {fi: Toisen kunta, sv: Andra kommun, en: Other Municipality}\n",
    );
    site.write(
        "content/scorecards/toinen/2024-tekniikka.yaml",
        "organisation: toinen\nunit: {fi: Tekniikka, sv: Teknik, en: Technology}\nkind: scorecard\nyear: 2024\nstatus_date: 2024-06-30\nthemes:\n  - id: t\n    title: {fi: T, sv: T, en: T}\n    goals:\n      - id: g\n        title: {fi: G, sv: G, en: G}\n        indicators:\n          - title: {fi: Pyörätiet, sv: Cykelvägar, en: Cycle paths}\n            metric: pyoratiet\n            values: [{period: 2024-H1, value: 7}]\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/sv/metrics/pyoratiet/index.html");
    assert!(page.contains("<h1>Nya cykelvägar</h1>"));
    assert!(
        page.contains("Testby stad") && page.contains("Andra kommun"),
        "both organisations"
    );
    assert!(
        table_cells(&page).contains(&"3,5".to_string())
            && table_cells(&page).contains(&"7".to_string())
    );
    // Organisations in Swedish alphabetical order: Andra kommun, Testby stad.
    assert_eq!(
        chart_values(&page),
        vec![vec!["7".to_string(), "3,5".to_string()]]
    );
    assert!(
        site.read("public/fi/index.html")
            .contains("href=\"metrics/pyoratiet/\"")
    );
}

#[test]
fn a_goal_links_its_versions_in_other_follow_ups() {
    let site = TestSite::fixture("minimal");
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    let earlier = site
        .read(file)
        .replace("year: 2024", "year: 2023")
        .replace("status_date: 2024-06-30", "status_date: 2023-12-31")
        .replace("status: on-track", "status: at-risk");
    site.write("content/scorecards/testila/2023-tekniikka.yaml", earlier);
    assert!(site.build().status.success());
    let page = site.read("public/en/testila/2024-tekniikka/pyoraily/index.html");
    assert!(
        page.contains("The goal&#39;s status in each follow-up")
            || page.contains("The goal's status in each follow-up"),
        "{page}"
    );
    // Oldest first: the earlier follow-up's row comes before this one's.
    let versions = &page[page.find("versions-heading").expect("the versions section")..];
    let earlier_at = versions
        .find("31 December 2023")
        .expect("the earlier follow-up");
    let later_at = versions.find("30 June 2024").expect("this follow-up");
    assert!(earlier_at < later_at, "oldest first");
    assert!(
        page.contains("href=\"../../2023-tekniikka/pyoraily/\""),
        "{page}"
    );
    assert!(
        page.contains("status-at-risk"),
        "the earlier status is shown"
    );
}

/// Fields of CSV text (RFC 4180: quoted fields, doubled quotes, CRLF).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "the CSV ends with a line end"
    );
    records
}

/// Every way a CSV breaks its CSVW table schema: header, required cells,
/// datatypes (integer, double, string with a format).
fn csvw_errors(columns: &[serde_json::Value], records: &[Vec<String>]) -> Vec<String> {
    let mut errors = Vec::new();
    let titles: Vec<&str> = columns
        .iter()
        .map(|c| c["titles"].as_str().unwrap())
        .collect();
    if records
        .first()
        .map(|h| h.iter().map(String::as_str).collect::<Vec<_>>())
        != Some(titles.clone())
    {
        errors.push(format!("the header is not {titles:?}"));
    }
    for (n, record) in records.iter().enumerate().skip(1) {
        if record.len() != columns.len() {
            errors.push(format!("row {n}: {} fields", record.len()));
            continue;
        }
        for (column, cell) in columns.iter().zip(record) {
            let name = column["name"].as_str().unwrap();
            if cell.is_empty() {
                if column["required"] == true {
                    errors.push(format!("row {n}: `{name}` is empty"));
                }
                continue;
            }
            let datatype = &column["datatype"];
            let base = datatype["base"].as_str().or(datatype.as_str()).unwrap();
            let ok = match base {
                "integer" => cell.parse::<i64>().is_ok(),
                "double" => cell.parse::<f64>().is_ok_and(f64::is_finite),
                "string" => match datatype["format"].as_str() {
                    Some(pattern) => jsonschema::is_valid(
                        &serde_json::json!({"type": "string", "pattern": pattern}),
                        &serde_json::json!(cell),
                    ),
                    None => true,
                },
                other => panic!("datatype {other} is not checked here"),
            };
            if !ok {
                errors.push(format!(
                    "row {n}: `{name}` = {cell:?} is not a {base} {datatype}"
                ));
            }
        }
    }
    errors
}

#[test]
fn downloads_validate_against_the_schemas_they_publish() {
    use serde_json::{Value, json};
    let loaded =
        tuloskortti::build::load(&crate::common::repo_root(), None).expect("the example loads");
    let files: std::collections::BTreeMap<String, Vec<u8>> =
        tuloskortti::open_data::export(&loaded.site)
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect();
    let value = |path: &str| -> Value { serde_json::from_slice(&files[path]).unwrap() };
    let errors = |schema: &jsonschema::Validator, instance: &Value| -> Vec<String> {
        schema
            .iter_errors(instance)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect()
    };

    // The dataset and each scorecard's JSON, against the JSON Schemas beside them.
    let dataset_schema =
        jsonschema::validator_for(&value(tuloskortti::urls::DATASET_SCHEMA)).unwrap();
    let scorecard_schema =
        jsonschema::validator_for(&value(tuloskortti::urls::SCORECARD_SCHEMA)).unwrap();
    let dataset = value(tuloskortti::urls::DATASET);
    assert_eq!(errors(&dataset_schema, &dataset), Vec::<String>::new());
    let scorecard_files: Vec<&String> = files
        .keys()
        .filter(|p| p.ends_with(".json") && p.matches('/').count() == 2)
        .collect();
    assert_eq!(scorecard_files.len(), loaded.site.scorecards.len());
    for path in &scorecard_files {
        assert_eq!(
            errors(&scorecard_schema, &value(path)),
            Vec::<String>::new(),
            "{path}"
        );
    }
    // The schemas reject what the model would not load.
    let mut broken = dataset.clone();
    broken["scorecards"][0]["year"] = json!("2021");
    broken["scorecards"][0]["themes"][0]["goals"][0]["status"] = json!("done");
    assert_eq!(
        errors(&dataset_schema, &broken).len(),
        2,
        "{:?}",
        errors(&dataset_schema, &broken)
    );
    let mut without_id = value(scorecard_files[0]);
    without_id.as_object_mut().unwrap().remove("id");
    assert!(!scorecard_schema.is_valid(&without_id));

    // Each CSV against the CSVW metadata: every table listed, every row valid.
    let metadata = value(tuloskortti::urls::CSV_METADATA);
    let columns = metadata["tableSchema"]["columns"].as_array().unwrap();
    let listed: Vec<String> = metadata["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| format!("data/{}", t["url"].as_str().unwrap()))
        .collect();
    let csvs: Vec<String> = files
        .keys()
        .filter(|p| p.ends_with(".csv"))
        .cloned()
        .collect();
    assert_eq!(listed, csvs);
    let mut rows = 0;
    for path in &csvs {
        let text = std::str::from_utf8(&files[path]).unwrap();
        let records = csv_records(text.strip_prefix('\u{feff}').expect("a BOM"));
        assert_eq!(
            csvw_errors(columns, &records),
            Vec::<String>::new(),
            "{path}"
        );
        rows += records.len() - 1;
    }
    let values: usize = loaded
        .site
        .scorecards
        .iter()
        .map(tuloskortti::open_data::value_count)
        .sum();
    assert_eq!(rows, values, "one row per value in the content");
    // The check is not a yes-to-everything either.
    let text = std::str::from_utf8(&files[&csvs[0]]).unwrap();
    let mut records = csv_records(text.trim_start_matches('\u{feff}'));
    let value_column = columns.iter().position(|c| c["name"] == "value").unwrap();
    records[1][value_column] = "1 234,5".into();
    records[1][3] = "forecast".into();
    assert_eq!(csvw_errors(columns, &records).len(), 2);
}

/// The chart whose id is `id` on a page: its SVG, well-formed, and the
/// numbers printed on its bars.
fn chart_by_id(html: &str, id: &str) -> Option<(String, Vec<String>)> {
    let at = html.find(&format!("<title id=\"{id}_title\">"))?;
    let start = html[..at].rfind("<svg").unwrap();
    let svg = &html[start..start + html[start..].find("</svg>").unwrap() + 6];
    let values = chart_values(svg).pop().unwrap();
    Some((svg.to_string(), values))
}

/// A number as the Finnish pages print it: no-break spaces between
/// thousands, a decimal comma.
fn parse_fi(text: &str) -> f64 {
    text.replace(['\u{a0}', ' '], "")
        .replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

#[test]
fn every_chart_of_the_example_site_has_a_title_a_table_and_the_content_numbers() {
    use tuloskortti::content::{FigureUnit, Status};
    let loaded =
        tuloskortti::build::load(&crate::common::repo_root(), None).expect("the example loads");
    let pages: std::collections::BTreeMap<String, String> = tuloskortti::build::render(&loaded)
        .unwrap()
        .into_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect();

    // Every chart on every page: well-formed SVG (chart_values parses it),
    // a title and a description, and each printed number in a table cell
    // of the same page.
    let mut charts = 0;
    for (path, html) in &pages {
        let cells = table_cells(html);
        for (n, values) in chart_values(html).iter().enumerate() {
            let svg = html.split("<svg class=\"chart").nth(n + 1).unwrap();
            let svg = &svg[..svg.find("</svg>").unwrap()];
            for tag in ["<title id=", "<desc id="] {
                assert!(svg.contains(tag), "{path}: chart {n} lacks {tag}");
            }
            assert!(!values.is_empty(), "{path}: chart {n} shows no numbers");
            for value in values {
                assert!(
                    cells
                        .iter()
                        .any(|c| c == value || c.starts_with(&format!("{value} ("))),
                    "{path}: chart {n} shows {value}, which no table cell of the page has"
                );
            }
            charts += 1;
        }
        // The phone's drawing of each chart shows the same numbers.
        let narrow: Vec<Vec<String>> = chart_values(
            &html
                .replace("<svg class=\"chart\"", "<svg class=\"wide\"")
                .replace("<svg class=\"narrow-chart\"", "<svg class=\"chart\""),
        );
        assert_eq!(narrow, chart_values(html), "{path}: the phone's charts");
    }
    assert!(charts >= 60, "{charts} charts");

    // The numbers are the content's: parsed back from the Finnish pages.
    let (mut figure_charts, mut status_tables) = (0, 0);
    for scorecard in &loaded.site.scorecards {
        let page = &pages[&format!(
            "fi/{}/{}/index.html",
            scorecard.organisation(),
            scorecard.id
        )];
        for table in &scorecard.data.key_figures {
            for (i, row) in table.rows.iter().enumerate() {
                let chart = chart_by_id(page, &format!("chart-{}-{i}", table.id.value));
                if row.unit != FigureUnit::Eur || row.values.value.iter().all(Option::is_none) {
                    assert!(chart.is_none(), "only euro rows with values have a chart");
                    continue;
                }
                let (_, shown) = chart.expect("a euro row has a chart");
                let shown: Vec<f64> = shown.iter().map(|v| parse_fi(v)).collect();
                let content: Vec<f64> = row.values.value.iter().flatten().copied().collect();
                assert_eq!(shown, content, "{}: {}", scorecard.id, table.id.value);
                figure_charts += 1;
            }
        }
        // The status table counts each goal once: its own status, or the
        // weakest of its targets' (not achieved, at risk, not assessed, on
        // track, achieved), not assessed without any.
        let shown = status_counts(page, "status_all").expect("a status table");
        let weakest = [
            Status::NotAchieved,
            Status::AtRisk,
            Status::NotAssessed,
            Status::OnTrack,
            Status::Achieved,
        ];
        let statuses: Vec<Status> = scorecard
            .goals()
            .map(|(_, goal)| match goal.status {
                Some(status) => status,
                None => weakest
                    .into_iter()
                    .find(|w| {
                        goal.targets
                            .iter()
                            .any(|t| t.status.unwrap_or(Status::NotAssessed) == *w)
                    })
                    .unwrap_or(Status::NotAssessed),
            })
            .collect();
        let counts: Vec<String> = Status::ALL
            .iter()
            .map(|s| statuses.iter().filter(|x| *x == s).count().to_string())
            .collect();
        assert_eq!(shown, counts, "{}", scorecard.id);
        status_tables += 1;
    }
    assert!(figure_charts >= 10, "{figure_charts} key-figure charts");
    assert_eq!(status_tables, loaded.site.scorecards.len());
}

/// Every key-figure chart of the Kemijärvi scorecards states the change of
/// the amount, in words, in fi, sv and en: a cost that went from -84 611 €
/// to -63 859 € fell by 24,5 %; it did not rise.
#[test]
fn key_figure_changes_are_stated_as_changes_of_the_amount() {
    use tuloskortti::content::{ColumnKind, FigureUnit};
    let loaded =
        tuloskortti::build::load(&crate::common::repo_root(), None).expect("the example loads");
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    let output = crate::common::run_in(
        &crate::common::repo_root(),
        &["build", "--root", ".", "--out", dir.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let mut checked = 0;
    for scorecard in loaded
        .site
        .scorecards
        .iter()
        .filter(|s| s.organisation().as_str() == "kemijarvi")
    {
        for table in &scorecard.data.key_figures {
            for row in table.rows.iter().filter(|r| r.unit == FigureUnit::Eur) {
                let actuals: Vec<f64> = table
                    .columns
                    .value
                    .iter()
                    .zip(&row.values.value)
                    .filter(|(c, _)| c.kind == ColumnKind::Actual)
                    .filter_map(|(_, v)| *v)
                    .collect();
                let [.., previous, latest] = actuals[..] else {
                    continue;
                };
                let (previous, latest) = (f64::abs(previous), f64::abs(latest));
                if previous == 0.0 {
                    continue;
                }
                let percent = (latest - previous) / previous * 100.0;
                for lang in ["fi", "sv", "en"] {
                    let size = format!("{:.1}", percent.abs());
                    let expected = match (lang, percent > 0.0) {
                        _ if size == "0.0" => continue,
                        ("fi", true) => format!("; nousi {} %.", size.replace('.', ",")),
                        ("fi", false) => format!("; laski {} %.", size.replace('.', ",")),
                        ("sv", true) => format!("; ökade med {} %.", size.replace('.', ",")),
                        ("sv", false) => format!("; minskade med {} %.", size.replace('.', ",")),
                        (_, true) => format!("; rose by {size}%."),
                        (_, false) => format!("; fell by {size}%."),
                    };
                    let label = row.label.get(lang, "fi").unwrap();
                    let page = std::fs::read_to_string(
                        dir.join(format!("{lang}/kemijarvi/{}/index.html", scorecard.id)),
                    )
                    .unwrap();
                    let statement = page
                        .split(&format!("{label}: "))
                        .skip(1)
                        .find_map(|s| s.split('<').next().filter(|s| s.contains(';')))
                        .unwrap_or_else(|| {
                            panic!("{lang} {}: no statement for {label}", scorecard.id)
                        });
                    // Without the grouping of thousands (1 387,6 and 1,387.6).
                    let statement = statement.replace('\u{a0}', "");
                    let statement = if lang == "en" {
                        statement.replace(',', "")
                    } else {
                        statement
                    };
                    assert!(
                        statement.ends_with(&expected),
                        "{lang} {}: {label}: {statement:?} should end with {expected:?}",
                        scorecard.id
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 15 * 3, "{checked} statements checked");
}

/// No cell of a CSV download starts as a formula would (`=`, `+`, `-`,
/// `@`) unless it is a number: a title such as `=HYPERLINK(...)` reaches
/// Excel as text.
#[test]
fn csv_cells_are_never_formulas() {
    let site = TestSite::fixture("minimal");
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    let text = site.read(file);
    let title =
        "              - title: {fi: Uudet pyörätiet, sv: Nya cykelvägar, en: New cycle paths}";
    let hostile = "              - title: {fi: '=HYPERLINK(\"https://x.example\",\"klikkaa\")', sv: '@SUM(A1)', en: '+A1-B1'}";
    assert!(text.contains(title), "the fixture's indicator title");
    site.write(file, text.replacen(title, hostile, 1));
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = site.read("public/data/testila/2024-tekniikka.csv");
    let records = csv_records(csv.trim_start_matches('\u{feff}'));
    let mut neutralised = 0;
    for cell in records.iter().flatten() {
        if cell.starts_with(['=', '+', '-', '@']) {
            assert!(
                cell.parse::<f64>().is_ok(),
                "a formula reaches Excel: {cell}"
            );
        }
        neutralised +=
            usize::from(cell.starts_with("'=") || cell.starts_with("'@") || cell.starts_with("'+"));
    }
    assert!(neutralised >= 3, "{csv}");
    // Every table download, CSV or XLSX, of the built site.
    let files = snapshot(&site.out());
    let mut checked = 0;
    for (path, bytes) in &files {
        let cells: Vec<String> = if path.ends_with(".csv") {
            let text = std::str::from_utf8(bytes).unwrap();
            csv_records(text.trim_start_matches('\u{feff}'))
                .into_iter()
                .flatten()
                .collect()
        } else if path.ends_with(".xlsx") {
            xlsx_rows(bytes)
                .into_iter()
                .flatten()
                .filter_map(|cell| match cell {
                    calamine::Data::String(s) => Some(s),
                    _ => None,
                })
                .collect()
        } else {
            continue;
        };
        for cell in &cells {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']) || cell.parse::<f64>().is_ok(),
                "{path}: a formula reaches Excel: {cell}"
            );
        }
        assert!(cells.iter().any(|c| c.starts_with("'=")), "{path}");
        checked += 1;
    }
    assert_eq!(
        checked, 3,
        "the CSV and XLSX of the scorecard and the dataset's XLSX"
    );
}

/// The rows of an XLSX workbook's first sheet, read with calamine.
fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

/// The XLSX downloads hold the values of the JSON downloads: every
/// indicator value and key-figure cell, as numbers, with their labels.
#[test]
fn xlsx_downloads_hold_the_values_of_the_json() {
    use calamine::Data;
    let (_site, files) = built();
    let json: ScorecardFile =
        serde_json::from_slice(&files["data/testila/2024-tekniikka.json"]).unwrap();
    // (record, goal or table, Finnish label, period or column year, value)
    let mut expected: Vec<(String, String, String, String, f64)> = Vec::new();
    for theme in &json.themes {
        for goal in &theme.goals {
            let indicators = goal
                .indicators
                .iter()
                .chain(goal.targets.iter().flat_map(|t| &t.indicators));
            for indicator in indicators {
                for value in &indicator.values {
                    expected.push((
                        "indicator".into(),
                        goal.id.value.to_string(),
                        indicator.title.get("fi", "fi").unwrap().to_string(),
                        value.period.to_string(),
                        value.value,
                    ));
                }
            }
        }
    }
    for table in &json.key_figures {
        for row in &table.rows {
            for (column, value) in table.columns.value.iter().zip(&row.values.value) {
                if let Some(value) = value {
                    expected.push((
                        "key_figure".into(),
                        table.id.value.to_string(),
                        row.label.get("fi", "fi").unwrap().to_string(),
                        column.year.to_string(),
                        *value,
                    ));
                }
            }
        }
    }
    assert!(expected.len() >= 4);
    let text = |cell: &Data| match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("a text cell holds {other:?}"),
    };
    for path in ["data/testila/2024-tekniikka.xlsx", "data/tuloskortti.xlsx"] {
        let rows = xlsx_rows(&files[path]);
        let header: Vec<String> = rows[0].iter().map(text).collect();
        assert_eq!(header, tuloskortti::open_data::CSV_HEADER, "{path}");
        let got: Vec<(String, String, String, String, f64)> = rows[1..]
            .iter()
            .map(|row| {
                let record = text(&row[3]);
                let part = if record == "indicator" {
                    text(&row[5])
                } else {
                    text(&row[7])
                };
                assert_eq!(row[2], Data::Float(2024.0), "the year is a number");
                let Data::Float(value) = row[13] else {
                    panic!("{path}: the value is a number: {:?}", row[13]);
                };
                (record, part, text(&row[8]), text(&row[11]), value)
            })
            .collect();
        assert_eq!(got, expected, "{path}");
    }
}
