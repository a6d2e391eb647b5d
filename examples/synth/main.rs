//! A synthetic site of any size, the same for the same seed, for the
//! benchmarks and the tests that need a large site. Not part of the product:
//!
//!     cargo run --release --example synth -- --scorecards 3200 --out target/synth

mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generate a synthetic site's content, deterministically.
#[derive(Debug, Parser)]
struct Args {
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, default_value_t = 100)]
    scorecards: usize,
    /// The site folder to create; content/ is written inside it.
    #[arg(long)]
    out: PathBuf,
    /// A folder with fi.txt, sv.txt and en.txt, real word forms most
    /// frequent first (benches/search/vocabulary.py writes them from
    /// wordfreq): follow-ups then have a realistic vocabulary.
    #[arg(long)]
    vocabulary: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(dir) = &args.vocabulary {
        match generate::Vocabulary::read(dir) {
            Ok(vocabulary) => {
                let [fi, sv, en] = vocabulary.sizes();
                eprintln!("vocabulary: {fi} Finnish, {sv} Swedish, {en} English word forms");
                let _ = generate::VOCABULARY.set(vocabulary);
            }
            Err(err) => {
                eprintln!("error: {}: {err}", dir.display());
                return ExitCode::from(2);
            }
        }
    }
    let (files, counts) = generate::generate(args.seed, args.scorecards);
    match generate::write(&args.out, &files) {
        Ok(()) => {
            eprintln!(
                "wrote {} files into {}: {} organisations, {} scorecards, {} goals, {} updates; {} pages per language",
                files.len(),
                args.out.display(),
                counts.organisations,
                counts.scorecards,
                counts.goals,
                counts.updates,
                counts.pages_per_language
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
