//! tuloskortti: municipal scorecards from YAML to a trilingual static site.

pub mod build;
pub mod cli;
pub mod content;
pub mod diagnostics;
pub mod escape;
pub mod i18n;
pub mod markdown;
pub mod open_data;
pub mod output;
pub mod placeholders;
pub mod render;
pub mod roundtrip;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
#[cfg(test)]
mod testing;
pub mod urls;
