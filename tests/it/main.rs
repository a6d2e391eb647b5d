//! The integration tests, one binary: fixture sites built by the real
//! binary, the downloads, the schema, search, the preview server, and
//! property tests of the parsers.

#[allow(dead_code)]
mod common;

mod collation;
mod content_sources;
mod data;
mod drafts;
mod invalid_content;
mod placeholders;
mod properties;
mod roundtrip;
mod scale;
mod schema;
mod search;
mod serve;
mod sheets;
mod site;
mod status;

/// What the unit tests share (copying a fixture).
#[path = "../../src/testing.rs"]
#[allow(dead_code)]
mod testing;

/// The synthetic-site generator of `examples/synth`.
#[path = "../../examples/synth/generate.rs"]
#[allow(dead_code)]
mod synth;
