use std::process::ExitCode;

use clap::Parser;
use tuloskortti::build::{self, BuildError, BuildOptions};
use tuloskortti::cli::{Cli, Command};
use tuloskortti::content::translations::missing_translations;

/// Exit codes: 0 ok, 1 content errors, 2 usage or I/O errors.
fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            match build::build(&BuildOptions {
                root,
                out: out.clone(),
                base_url,
            }) {
                Ok(report) => {
                    eprint!("{}", report.warnings);
                    let timings: Vec<String> = report
                        .timings
                        .iter()
                        .map(|(stage, d)| format!("{stage} {} ms", d.as_millis()))
                        .collect();
                    eprintln!(
                        "built {} pages ({} files) into {} [{}]",
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
    }
}
