use std::process::ExitCode;

use clap::Parser;
use tuloskortti::build::{self, BuildError, BuildOptions};
use tuloskortti::cli::{Cli, Command, NewCommand, SheetCommand, TranslationsCommand};
use tuloskortti::content::translations::missing_translations;
use tuloskortti::diagnostics::Diagnostics;

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
        eprintln!("error: --root {} is not a folder", root.display());
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            force,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            match build::build(&BuildOptions {
                root,
                out: out.clone(),
                base_url,
                force,
            }) {
                Ok(report) if report.up_to_date => {
                    eprint!("{}", report.warnings_text);
                    eprintln!(
                        "up to date: {} pages ({} files) in {}, nothing changed since the last build (checked in {} ms; --force builds anyway)",
                        report.pages,
                        report.files,
                        out.display(),
                        report
                            .timings
                            .iter()
                            .map(|(_, d)| d.as_millis())
                            .sum::<u128>()
                    );
                    ExitCode::SUCCESS
                }
                Ok(report) => {
                    eprint!("{}", report.warnings_text);
                    let timings: Vec<String> = report
                        .timings
                        .iter()
                        .map(|(stage, d)| format!("{stage} {} ms", d.as_millis()))
                        .collect();
                    let changed = report
                        .changed
                        .map(|n| format!(", {n} of them changed"))
                        .unwrap_or_default();
                    eprintln!(
                        "built {} pages ({} files) into {}{changed} [{}]",
                        report.pages,
                        report.files,
                        out.display(),
                        timings.join(", ")
                    );
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diagnostics)) => {
                    eprint!("{diagnostics}");
                    eprintln!(
                        "build failed: {} error(s); the previous output in {} is unchanged",
                        diagnostics.error_count(),
                        out.display()
                    );
                    ExitCode::from(1)
                }
                Err(err) => {
                    eprintln!("error: {err}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Check { root, translations } => match build::load(&root, None) {
            Ok(loaded) => {
                eprint!("{}", loaded.warnings);
                if translations {
                    let missing = missing_translations(&loaded.site);
                    for m in &missing {
                        println!(
                            "{}: {}: missing {}",
                            m.file.display(),
                            m.field,
                            m.missing.join(", ")
                        );
                    }
                    eprintln!("{} text(s) lack a translation", missing.len());
                }
                eprintln!("ok: no errors");
                ExitCode::SUCCESS
            }
            Err(diagnostics) => {
                eprint!("{diagnostics}");
                eprintln!("{} error(s)", diagnostics.error_count());
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
                    eprintln!("error: {err}");
                    ExitCode::from(2)
                }
            }
        }
        Command::New { root, what } => new(&root, what),
        Command::Translations { root, what } => translations(&root, what),
        Command::Sheet { root, what } => sheet(&root, what),
        Command::Schema { kind, out } => schema(kind.as_deref(), out.as_deref()),
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

fn new(root: &std::path::Path, what: NewCommand) -> ExitCode {
    use tuloskortti::scaffold;
    let words = scaffold::Words::load(root);
    let today = tuloskortti::content::Date::today_utc();
    let files = match what {
        NewCommand::Scorecard { org, slug } => {
            scaffold::scorecard_files(root, &words, &org, &slug, today)
        }
        NewCommand::Update { slug } => scaffold::post_files(root, &words, &slug, today),
    };
    match files.and_then(|files| scaffold::write_new(root, &files).map(|()| files)) {
        Ok(files) => {
            for file in &files {
                println!("{}", file.path.display());
            }
            eprintln!("edit the texts, then run `tuloskortti check`");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// The site and its content files, or the errors printed (exit code 1).
fn load_for_roundtrip(
    root: &std::path::Path,
) -> Result<(build::Loaded, tuloskortti::content::load::ContentFiles), ExitCode> {
    let loaded = build::load(root, None).map_err(|diagnostics| {
        eprint!("{diagnostics}");
        eprintln!("{} error(s)", diagnostics.error_count());
        ExitCode::from(1)
    })?;
    let files = tuloskortti::content::load::read_content(root).map_err(|diagnostics| {
        eprint!("{diagnostics}");
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

fn schema(kind: Option<&str>, out: Option<&std::path::Path>) -> ExitCode {
    use tuloskortti::schema::{KINDS, bundle, for_kind};
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
                eprintln!("wrote {} schemas into {}", KINDS.len() + 1, dir.display());
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: cannot write {}: {err}", dir.display());
                ExitCode::from(2)
            }
        };
    }
    let schema = match kind {
        None => bundle(),
        Some(kind) => match for_kind(kind) {
            Some(schema) => schema,
            None => {
                eprintln!("error: unknown kind `{kind}`; one of {}", KINDS.join(", "));
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

    let loaded = match build::load(root, None) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            eprintln!("{} error(s)", diagnostics.error_count());
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
            eprintln!("error: --filter takes FACET=VALUE, e.g. organisation=espoo");
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
                eprintln!("no results");
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
                eprintln!("{} of {} results", results.results.len(), results.total);
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
