use std::process::ExitCode;

use clap::Parser;
use tuloskortti::build::{self, BuildError, BuildOptions};
use tuloskortti::cli::{Cli, Command, NewCommand, SheetCommand, TranslationsCommand};
use tuloskortti::content::translations::missing_translations;
use tuloskortti::diagnostics::Diagnostics;
use tuloskortti::placeholders::Placeholders;

/// mimalloc rather than the system's malloc: at a million pages glibc's
/// malloc took about a fifth of the build's time, growing faster than the
/// pages, and held more memory (BENCHMARKS.md, "One million pages").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes: 0 ok, 1 content errors, 2 usage or I/O errors.
fn main() -> ExitCode {
    let cli = Cli::parse();
    // A site folder that is not there is a mistake in the command (exit 2),
    // not a content error (exit 1).
    if let Some(root) = cli.command.root()
        && !root.is_dir()
    {
        let lang = reader(root, None);
        let path = root.display().to_string();
        eprintln!(
            "{}",
            words(&lang, "err-cli-root-not-folder", &[("path", path)])
        );
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            force,
            drafts,
            strict,
            lang,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            let reader = reader(&root, lang.as_deref());
            let t = |id: &str, args: &[(&'static str, String)]| words(&reader, id, args);
            let shown = out.display().to_string();
            let said = {
                let root = root.clone();
                let lang = lang.clone();
                move |d: &Diagnostics| say(d, &root, lang.as_deref())
            };
            let bar = indicatif::ProgressBar::hidden();
            let progress = progress_on_terminal(&bar, &root, lang.as_deref());
            let built = build::build(&BuildOptions {
                root,
                out: out.clone(),
                base_url,
                force,
                drafts,
                strict,
                progress,
            });
            bar.finish_and_clear();
            match built {
                Ok(report) if report.up_to_date => {
                    eprint!("{}", report.warnings_text);
                    let ms: u128 = report.timings.iter().map(|(_, d)| d.as_millis()).sum();
                    let args = [
                        ("pages", report.pages.to_string()),
                        ("files", report.files.to_string()),
                        ("out", shown.clone()),
                        ("ms", ms.to_string()),
                    ];
                    eprintln!("{}", t("err-summary-up-to-date", &args));
                    ExitCode::SUCCESS
                }
                Ok(report) => {
                    eprint!("{}", said(&report.warnings));
                    let timings: Vec<String> = report
                        .timings
                        .iter()
                        .map(|(stage, d)| format!("{stage} {} ms", d.as_millis()))
                        .collect();
                    let mut args = vec![
                        ("pages", report.pages.to_string()),
                        ("files", report.files.to_string()),
                        ("out", shown.clone()),
                    ];
                    let id = match report.changed {
                        Some(changed) => {
                            args.push(("changed", changed.to_string()));
                            "err-summary-built-changed"
                        }
                        None => "err-summary-built",
                    };
                    eprintln!("{} [{}]", t(id, &args), timings.join(", "));
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diagnostics)) => {
                    eprint!("{}", said(&diagnostics));
                    let args = [
                        ("count", diagnostics.error_count().to_string()),
                        ("out", shown.clone()),
                    ];
                    eprintln!("{}", t("err-summary-build-failed", &args));
                    ExitCode::from(1)
                }
                Err(err) => {
                    match err.message() {
                        Some(message) => eprintln!("{}", t(message.id, &message.args)),
                        None => eprintln!("error: {err}"),
                    }
                    ExitCode::from(2)
                }
            }
        }
        Command::Check {
            root,
            translations,
            lang,
        } => match build::load(&root, None) {
            Ok(loaded) => {
                let reader = reader(&root, lang.as_deref());
                eprint!("{}", say(&loaded.warnings, &root, lang.as_deref()));
                if translations {
                    let languages = &loaded.site.config.languages;
                    let placeholders = Placeholders::of(&loaded.i18n, languages);
                    let missing =
                        missing_translations(&loaded.site, &|text| placeholders.contains(text));
                    for m in &missing {
                        let args = [("languages", m.missing.join(", "))];
                        let languages = words(&reader, "err-summary-missing-languages", &args);
                        println!("{}: {}: {languages}", m.file.display(), m.field);
                    }
                    let args = [("count", missing.len().to_string())];
                    eprintln!("{}", words(&reader, "err-summary-missing", &args));
                }
                eprintln!("{}", words(&reader, "err-summary-ok", &[]));
                ExitCode::SUCCESS
            }
            Err(diagnostics) => {
                eprint!("{}", say(&diagnostics, &root, lang.as_deref()));
                let args = [("count", diagnostics.error_count().to_string())];
                let reader = reader(&root, lang.as_deref());
                eprintln!("{}", words(&reader, "err-summary-errors", &args));
                ExitCode::from(1)
            }
        },
        Command::Serve {
            root,
            port,
            bind,
            out,
            poll,
        } => {
            let lang = reader(&root, None);
            let options = tuloskortti::serve::ServeOptions {
                root,
                out,
                bind,
                port,
                poll,
            };
            match tuloskortti::serve::run(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    match err.message() {
                        Some(message) => eprintln!("{}", words(&lang, message.id, &message.args)),
                        None => eprintln!("error: {err}"),
                    }
                    ExitCode::from(2)
                }
            }
        }
        Command::New { root, what } => new(&root, what),
        Command::Translations { root, what } => translations(&root, what),
        Command::Sheet { root, what } => sheet(&root, what),
        Command::Schema { kind, out, lang } => {
            schema(kind.as_deref(), out.as_deref(), lang.as_deref())
        }
        Command::Search {
            query,
            root,
            lang,
            json,
            filters,
            limit,
            batch,
        } => search(
            &root,
            &lang,
            query.as_deref().unwrap_or_default(),
            json,
            &filters,
            limit,
            batch,
        ),
    }
}

/// A build's progress on the terminal (stage, pages done of all), once it
/// has taken two seconds; nothing when standard error is not a terminal.
fn progress_on_terminal(
    bar: &indicatif::ProgressBar,
    root: &std::path::Path,
    lang: Option<&str>,
) -> build::Progress {
    use tuloskortti::diagnostics::Message;
    let languages = tuloskortti::content::load::site_languages(root);
    let env = |name: &str| std::env::var(name).ok();
    let lang = tuloskortti::i18n::reader_language(lang, &env, &languages);
    let started = std::time::Instant::now();
    let bar = bar.clone();
    build::Progress::new(move |stage, done, total| {
        if started.elapsed() < std::time::Duration::from_secs(2) {
            return;
        }
        if bar.is_hidden() {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
        }
        // Pages done of all; a stage without a count only says its name.
        let template = if total > 0 {
            "{msg} {wide_bar} {pos}/{len}"
        } else {
            "{spinner} {msg}"
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        let id = match stage {
            build::Stage::SearchIndex => "progress-search-index",
            build::Stage::Pages => "progress-pages",
            build::Stage::Downloads => "progress-downloads",
            build::Stage::Writing => "progress-writing",
        };
        let words = tuloskortti::i18n::say(&Message::new(id), &lang, None).unwrap_or_default();
        bar.set_message(words);
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
}

/// The reader's language: `--lang`, the locale, the site's first language.
fn reader(root: &std::path::Path, lang: Option<&str>) -> String {
    let languages = tuloskortti::content::load::site_languages(root);
    let env = |name: &str| std::env::var(name).ok();
    tuloskortti::i18n::reader_language(lang, &env, &languages)
}

/// A line of the command's own, in the reader's language.
fn words(lang: &str, id: &str, args: &[(&'static str, String)]) -> String {
    tuloskortti::i18n::say_id(id, args, lang, None).unwrap_or_else(|| id.to_string())
}

/// The report of `diagnostics` in the reader's language (`--lang`, the
/// locale, the site's first language).
fn say(diagnostics: &Diagnostics, root: &std::path::Path, lang: Option<&str>) -> String {
    let languages = tuloskortti::content::load::site_languages(root);
    let lang = reader(root, lang);
    let site = tuloskortti::i18n::I18n::load(&root.join("i18n"), &languages).ok();
    let mut diagnostics = diagnostics.clone();
    tuloskortti::i18n::localize(&mut diagnostics, &lang, site.as_ref());
    diagnostics.to_string()
}

fn new(root: &std::path::Path, what: NewCommand) -> ExitCode {
    use tuloskortti::scaffold;
    let lang = reader(root, None);
    let site_words = scaffold::Words::load(root);
    let today = tuloskortti::content::Date::today_utc();
    let files = match what {
        NewCommand::Scorecard { org, slug } => {
            scaffold::scorecard_files(root, &site_words, &org, &slug, today)
        }
        NewCommand::Update { slug } => scaffold::post_files(root, &site_words, &slug, today),
    };
    match files.and_then(|files| scaffold::write_new(root, &files).map(|()| files)) {
        Ok(files) => {
            for file in &files {
                println!("{}", file.path.display());
            }
            eprintln!("{}", words(&lang, "err-new-done", &[]));
            ExitCode::SUCCESS
        }
        Err(err) => {
            let message = err.message();
            eprintln!("{}", words(&lang, message.id, &message.args));
            ExitCode::from(2)
        }
    }
}

/// The site and its content files, or the errors printed (exit code 1).
fn load_for_roundtrip(
    root: &std::path::Path,
) -> Result<(build::Loaded, tuloskortti::content::load::ContentFiles), ExitCode> {
    let report = |diagnostics: &Diagnostics| {
        eprint!("{}", say(diagnostics, root, None));
        let count = [("count", diagnostics.error_count().to_string())];
        eprintln!(
            "{}",
            words(&reader(root, None), "err-summary-errors", &count)
        );
    };
    let loaded = build::load(root, None).map_err(|diagnostics| {
        report(&diagnostics);
        ExitCode::from(1)
    })?;
    let files = tuloskortti::content::load::read_content(root).map_err(|diagnostics| {
        report(&diagnostics);
        ExitCode::from(1)
    })?;
    Ok((loaded, files))
}

fn translations(root: &std::path::Path, what: TranslationsCommand) -> ExitCode {
    use tuloskortti::roundtrip::{self, Messages, translations, xliff};
    let (loaded, files) = match load_for_roundtrip(root) {
        Ok(both) => both,
        Err(code) => return code,
    };
    let site = &loaded.site;
    let msg = Messages {
        i18n: &loaded.i18n,
        lang: roundtrip::reader_language(&site.config.languages),
    };
    match what {
        TranslationsCommand::Export {
            lang,
            missing,
            format,
            out,
        } => {
            if !site.config.languages.contains(&lang) {
                eprintln!(
                    "error: {}",
                    msg.get(
                        "roundtrip-unknown-lang",
                        &[
                            ("lang", &lang),
                            ("languages", &site.config.languages.join(", "))
                        ]
                    )
                );
                return ExitCode::from(2);
            }
            let extension = match format.as_str() {
                "xliff" => "xlf",
                "xlsx" => "xlsx",
                _ => {
                    eprintln!(
                        "error: {}",
                        msg.get("roundtrip-unknown-format", &[("format", &format)])
                    );
                    return ExitCode::from(2);
                }
            };
            let out = out.unwrap_or_else(|| format!("translations-{lang}.{extension}").into());
            let export = translations::export(site, &files, &lang, missing);
            let bytes = match format.as_str() {
                "xliff" => xliff::write(&export).into_bytes(),
                _ => roundtrip::table::xlsx(&export, &msg),
            };
            write_new_file(&out, &bytes, &msg, || {
                msg.get(
                    "roundtrip-exported",
                    &[
                        ("count", &export.units.len().to_string()),
                        ("lang", &lang),
                        ("file", &out.display().to_string()),
                    ],
                )
            })
        }
        TranslationsCommand::Import { file } => {
            let received = match std::fs::read(&file) {
                Ok(bytes) => roundtrip::table::read_any(&file, &bytes, &msg),
                Err(err) => {
                    eprintln!("error: {}: {err}", file.display());
                    return ExitCode::from(2);
                }
            };
            let planned = received
                .map_err(Diagnostics::from)
                .and_then(|received| translations::plan_import(site, &files, &received, &msg));
            finish_import(root, planned, &msg, "roundtrip-imported")
        }
    }
}

fn sheet(root: &std::path::Path, what: SheetCommand) -> ExitCode {
    use tuloskortti::roundtrip::{self, Messages, sheet};
    let (loaded, files) = match load_for_roundtrip(root) {
        Ok(both) => both,
        Err(code) => return code,
    };
    let site = &loaded.site;
    let msg = Messages {
        i18n: &loaded.i18n,
        lang: roundtrip::reader_language(&site.config.languages),
    };
    match what {
        SheetCommand::Export {
            scorecard,
            out,
            format,
        } => {
            if format != "xlsx" {
                eprintln!(
                    "error: {}",
                    msg.get("sheet-unknown-format", &[("format", &format)])
                );
                return ExitCode::from(2);
            }
            let scorecard = match sheet::find_scorecard(site, &scorecard, &msg) {
                Ok(scorecard) => scorecard,
                Err(message) => {
                    eprintln!("error: {message}");
                    return ExitCode::from(2);
                }
            };
            let out = out.unwrap_or_else(|| {
                format!("{}-{}.xlsx", scorecard.organisation(), scorecard.id).into()
            });
            let bytes = sheet::export(site, scorecard, &msg);
            let rows = sheet::rows(scorecard).len();
            write_new_file(&out, &bytes, &msg, || {
                msg.get(
                    "sheet-exported",
                    &[
                        ("rows", &rows.to_string()),
                        ("scorecard", &sheet::name_of(scorecard)),
                        ("file", &out.display().to_string()),
                    ],
                )
            })
        }
        SheetCommand::Import { file } => {
            let bytes = match std::fs::read(&file) {
                Ok(bytes) => bytes,
                Err(err) => {
                    eprintln!("error: {}: {err}", file.display());
                    return ExitCode::from(2);
                }
            };
            let planned = sheet::plan_import(site, &files, &file, &bytes, &msg);
            if let Ok((written, 0)) = &planned
                && written.is_empty()
            {
                eprintln!("{}", msg.get("sheet-nothing-changed", &[]));
                return ExitCode::SUCCESS;
            }
            finish_import(root, planned, &msg, "sheet-imported")
        }
    }
}

/// Write a file that must not exist yet (exports never overwrite).
fn write_new_file(
    out: &std::path::Path,
    bytes: &[u8],
    msg: &tuloskortti::roundtrip::Messages,
    done: impl FnOnce() -> String,
) -> ExitCode {
    use std::io::Write;
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out);
    let mut file = match created {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {}",
                msg.get(
                    "roundtrip-out-exists",
                    &[("file", &out.display().to_string())]
                )
            );
            return ExitCode::from(2);
        }
        Err(err) => {
            eprintln!("error: {}: {err}", out.display());
            return ExitCode::from(2);
        }
    };
    if let Err(err) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        drop(file);
        let _ = std::fs::remove_file(out);
        eprintln!("error: {}: {err}", out.display());
        return ExitCode::from(2);
    }
    eprintln!("{}", done());
    ExitCode::SUCCESS
}

/// Write what an import planned, or print every problem and write nothing.
fn finish_import(
    root: &std::path::Path,
    planned: Result<
        (Vec<(std::path::PathBuf, String)>, usize),
        tuloskortti::diagnostics::Diagnostics,
    >,
    msg: &tuloskortti::roundtrip::Messages,
    done: &str,
) -> ExitCode {
    match planned {
        Ok((files, count)) => match tuloskortti::roundtrip::write_files(root, &files) {
            Ok(()) => {
                for (path, _) in &files {
                    println!("{}", path.display());
                }
                eprintln!(
                    "{}",
                    msg.get(
                        done,
                        &[
                            ("count", &count.to_string()),
                            ("files", &files.len().to_string())
                        ]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(2)
            }
        },
        Err(mut problems) => {
            let files = tuloskortti::content::load::read_content(root)
                .map(|f| f.files)
                .unwrap_or_default();
            tuloskortti::content::attach_sources(&mut problems, &files);
            let problems = problems.sorted();
            eprint!("{problems}");
            eprintln!(
                "{}",
                msg.get(
                    "roundtrip-refused",
                    &[("count", &problems.error_count().to_string())]
                )
            );
            ExitCode::from(1)
        }
    }
}

fn schema(kind: Option<&str>, out: Option<&std::path::Path>, lang: Option<&str>) -> ExitCode {
    use tuloskortti::schema::{KINDS, in_language};
    // The site in this folder, if it is one, gives its first language.
    let languages = tuloskortti::content::load::site_languages(std::path::Path::new("."));
    let env = |name: &str| std::env::var(name).ok();
    let lang = tuloskortti::i18n::reader_language(lang, &env, &languages);
    let say = |id: &str| tuloskortti::i18n::say_id(id, &[], &lang, None);
    let described = |mut schema: serde_json::Value| {
        in_language(&mut schema, &say);
        schema
    };
    let bundle = || described(tuloskortti::schema::bundle());
    let for_kind = |kind: &str| tuloskortti::schema::for_kind(kind).map(described);
    let pretty = |value: &serde_json::Value| {
        let mut text = serde_json::to_string_pretty(value).expect("a schema serializes");
        text.push('\n');
        text
    };
    if let Some(dir) = out {
        let written = std::fs::create_dir_all(dir).and_then(|()| {
            for kind in KINDS {
                let schema = for_kind(kind).expect("a known kind");
                std::fs::write(dir.join(format!("{kind}.schema.json")), pretty(&schema))?;
            }
            std::fs::write(dir.join("content.schema.json"), pretty(&bundle()))
        });
        return match written {
            Ok(()) => {
                let args = [
                    ("count", (KINDS.len() + 1).to_string()),
                    ("path", dir.display().to_string()),
                ];
                eprintln!("{}", words(&lang, "err-schema-written", &args));
                ExitCode::SUCCESS
            }
            Err(err) => {
                let args = [
                    ("path", dir.display().to_string()),
                    ("reason", err.to_string()),
                ];
                eprintln!("{}", words(&lang, "err-cannot-write", &args));
                ExitCode::from(2)
            }
        };
    }
    let schema = match kind {
        None => bundle(),
        Some(kind) => match for_kind(kind) {
            Some(schema) => schema,
            None => {
                let args = [("kind", kind.to_string()), ("kinds", KINDS.join(", "))];
                eprintln!("{}", words(&lang, "err-schema-unknown-kind", &args));
                return ExitCode::from(2);
            }
        },
    };
    print!("{}", pretty(&schema));
    ExitCode::SUCCESS
}

fn search(
    root: &std::path::Path,
    lang: &str,
    query: &str,
    json: bool,
    filters: &[String],
    limit: usize,
    batch: bool,
) -> ExitCode {
    use std::collections::BTreeMap;
    use std::io::BufRead;
    use tuloskortti::search::{LangIndex, query};
    // The index's language is `lang`; the command's own lines are the reader's.
    let reader = reader(root, None);

    let loaded = match build::load(root, None) {
        // What the published site's search finds: no drafts.
        Ok(mut loaded) => {
            loaded.site = loaded
                .site
                .without_drafts(tuloskortti::content::Date::today_utc());
            loaded
        }
        Err(diagnostics) => {
            eprint!("{}", say(&diagnostics, root, None));
            let count = [("count", diagnostics.error_count().to_string())];
            eprintln!("{}", words(&reader, "err-summary-errors", &count));
            return ExitCode::from(1);
        }
    };
    if !loaded.site.config.languages.iter().any(|l| l == lang) {
        eprintln!(
            "error: the site has no language `{lang}`; it has {}",
            loaded.site.config.languages.join(", ")
        );
        return ExitCode::from(2);
    }
    let index = match LangIndex::build(&loaded.site, &loaded.i18n, lang) {
        Ok(index) => index,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let answer = |request: &query::Request| match query::search(&index, request) {
        Ok(results) => Ok(results),
        Err(err) => Err(format!("search failed: {err}")),
    };
    if batch {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            let request = query::Request::from_json(&value, limit);
            match answer(&request) {
                Ok(results) => println!("{}", serde_json::to_string(&results).unwrap_or_default()),
                Err(err) => println!("{}", serde_json::json!({ "error": err })),
            }
        }
        return ExitCode::SUCCESS;
    }
    let mut request = query::Request {
        text: query.to_string(),
        filters: BTreeMap::new(),
        limit,
    };
    for filter in filters {
        let Some((facet, value)) = filter.split_once('=') else {
            eprintln!("{}", words(&reader, "err-search-filter", &[]));
            return ExitCode::from(2);
        };
        if !tuloskortti::search::FACETS.contains(&facet) {
            eprintln!(
                "error: unknown facet `{facet}`; facets are {}",
                tuloskortti::search::FACETS.join(", ")
            );
            return ExitCode::from(2);
        }
        request
            .filters
            .entry(facet.to_string())
            .or_default()
            .push(value.to_string());
    }
    match answer(&request) {
        Ok(results) if json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&results).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Ok(results) => {
            if results.results.is_empty() {
                eprintln!("{}", words(&reader, "err-search-none", &[]));
            }
            for (i, hit) in results.results.iter().enumerate() {
                println!(
                    "{:>2}. {}  ({:.3})\n    {}",
                    i + 1,
                    hit.title,
                    hit.score,
                    hit.url
                );
            }
            if results.total > results.results.len() {
                let args = [
                    ("shown", results.results.len().to_string()),
                    ("total", results.total.to_string()),
                ];
                eprintln!("{}", words(&reader, "err-search-some", &args));
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
