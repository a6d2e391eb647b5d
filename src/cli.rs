//! Command-line interface: clap derive types only.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "tuloskortti",
    version,
    about = "Municipal scorecards from YAML to a trilingual, accessible static website"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from content/ into public/ (or --out).
    Build {
        /// The project folder, with content/, themes/ and i18n/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; replaced as a whole when the build succeeds.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The public address of the site, overriding base_url in site.yaml.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Check the content and report every problem, without building.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Also list the texts that still lack a translation, per file and field.
        #[arg(long)]
        translations: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
