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
        /// Build even when nothing changed since the last build into the folder.
        #[arg(long)]
        force: bool,
        /// Publish drafts (`draft: true`) and updates dated later too.
        #[arg(long)]
        drafts: bool,
        /// Fail on warnings too: placeholders, example addresses (for a publishing pipeline).
        #[arg(long)]
        strict: bool,
        /// The language of the messages: fi, sv or en [default: the locale's, else the site's first language].
        #[arg(long)]
        lang: Option<String>,
    },
    /// Check the content and report every problem, without building.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Also list the texts that still lack a translation, per file and field.
        #[arg(long)]
        translations: bool,
        /// The language of the messages: fi, sv or en [default: the locale's, else the site's first language].
        #[arg(long)]
        lang: Option<String>,
    },
    /// Build into a preview folder, serve it, and rebuild and reload on every save.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on; 0 picks a free one. The address is printed first.
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Address to listen on; only this machine by default.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The preview folder [default: one of its own under the system's cache folder]; public/ is never touched.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Poll the folders instead of using the system's file events (network drives).
        #[arg(long)]
        poll: bool,
    },
    /// Write a commented starting file into content/, in every site language.
    New {
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Print the JSON Schema (draft 2020-12) of the content files, for editors.
    Schema {
        /// One file kind only: site, organisation, scorecard, metrics, networks, update, page.
        #[arg(long)]
        kind: Option<String>,
        /// Write one `<kind>.schema.json` per file kind into this folder instead.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The language of the descriptions: fi, sv or en [default: the locale's, else the site's first language].
        #[arg(long)]
        lang: Option<String>,
    },
    /// Hand the texts to a translator and write the translations back in place.
    Translations {
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        #[command(subcommand)]
        what: TranslationsCommand,
    },
    /// Hand a scorecard's follow-up to a spreadsheet and write it back in place.
    Sheet {
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        #[command(subcommand)]
        what: SheetCommand,
    },
    /// Search the site's content with the same index and ranking as the site's search page.
    Search {
        /// The words to search for; the last one also matches as a prefix.
        #[arg(required_unless_present = "batch")]
        query: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The language whose texts to search.
        #[arg(long, default_value = "fi")]
        lang: String,
        /// Print JSON: {"results": [{"title", "url", "score", ...}], "total": N}.
        #[arg(long)]
        json: bool,
        /// Keep only documents with this facet value, e.g. `organisation=espoo`
        /// (repeatable; values of one facet are alternatives).
        #[arg(long = "filter", value_name = "FACET=VALUE")]
        filters: Vec<String>,
        /// How many results to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Read one JSON request per line from standard input
        /// (`{"q": "...", "filters": {...}, "limit": 10}`) and answer each on one line.
        #[arg(long, hide = true)]
        batch: bool,
    },
}

impl Command {
    /// The site folder the command works in, if it has one.
    pub fn root(&self) -> Option<&std::path::Path> {
        match self {
            Command::Build { root, .. }
            | Command::Check { root, .. }
            | Command::Serve { root, .. }
            | Command::New { root, .. }
            | Command::Translations { root, .. }
            | Command::Sheet { root, .. }
            | Command::Search { root, .. } => Some(root),
            Command::Schema { .. } => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum TranslationsCommand {
    /// Write the texts to translate into LANG, with their context and ids.
    Export {
        /// The language to translate into, e.g. sv.
        #[arg(long)]
        lang: String,
        /// Only the texts that have no LANG version yet.
        #[arg(long)]
        missing: bool,
        /// xliff (XLIFF 2.0, for translation tools) or xlsx (for a spreadsheet).
        #[arg(long, default_value = "xliff")]
        format: String,
        /// The file to write [default: translations-LANG.xlf or .xlsx]; never overwritten.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the translations of an exported file into the content files, in place.
    Import {
        /// The file exported by `translations export`, translated.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum SheetCommand {
    /// Write a workbook with one row per goal, target and indicator: status,
    /// follow-up in each language, indicator values.
    Export {
        /// The scorecard: ORG/SCORECARD (e.g. espoo/2021-kaupunkitekniikka), or its id.
        scorecard: String,
        /// The file to write [default: ORG-SCORECARD.xlsx]; never overwritten.
        #[arg(long)]
        out: Option<PathBuf>,
        /// xlsx (an Excel workbook).
        #[arg(long, default_value = "xlsx")]
        format: String,
    },
    /// Write the statuses, follow-ups and values changed in an exported sheet
    /// into the scorecard's file, in place.
    Import {
        /// The workbook written by `sheet export`, edited.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// content/scorecards/ORG/SLUG.yaml (and organisations/ORG.yaml if it is missing).
    Scorecard {
        /// The organisation's id, e.g. espoo.
        org: String,
        /// The scorecard's id, e.g. 2026-kaupunkitekniikka.
        slug: String,
    },
    /// content/updates/<today>-SLUG.<lang>.md, one file per site language.
    Update {
        /// The post's id, e.g. uudet-verkkosivut (a leading YYYY-MM-DD- sets the date).
        slug: String,
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
