//! XLIFF 2.0 (OASIS), the exchange format of translation tools (Trados,
//! memoQ, OmegaT): one `<file>` per content file, one `<unit>` per text,
//! its source and (when there is one) its translation. The unit's `name`
//! is the field path, notes give the line and the nearest title, and the
//! unit's id carries the hashes that `translations import` checks.

use std::collections::BTreeMap;
use std::path::Path;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::reader::Reader;

use super::Messages;
use super::translations::{Export, Incoming, Received, slash};
use crate::diagnostics::{Diagnostic, Location};

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The export as an XLIFF 2.0 document.
pub fn write(export: &Export) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let io = |r: std::io::Result<()>| r.expect("writing into memory");
    io(writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))));
    let mut root = BytesStart::new("xliff");
    root.push_attribute(("xmlns", NAMESPACE));
    root.push_attribute(("version", "2.0"));
    root.push_attribute(("srcLang", export.source_lang.as_str()));
    root.push_attribute(("trgLang", export.target_lang.as_str()));
    io(writer.write_event(Event::Start(root)));
    let mut by_file: BTreeMap<String, Vec<&super::translations::Unit>> = BTreeMap::new();
    for unit in &export.units {
        by_file.entry(slash(&unit.file)).or_default().push(unit);
    }
    for (n, (file, units)) in by_file.iter().enumerate() {
        let mut start = BytesStart::new("file");
        let id = format!("f{}", n + 1);
        start.push_attribute(("id", id.as_str()));
        start.push_attribute(("original", file.as_str()));
        // Markdown and line breaks are kept as they are, and a unit is one
        // segment: a text goes back whole into its field.
        start.push_attribute(("canResegment", "no"));
        start.push_attribute(("xml:space", "preserve"));
        io(writer.write_event(Event::Start(start)));
        for unit in units {
            let mut start = BytesStart::new("unit");
            let id = unit.id();
            start.push_attribute(("id", id.as_str()));
            start.push_attribute(("name", unit.field.as_str()));
            io(writer.write_event(Event::Start(start)));
            io(writer.write_event(Event::Start(BytesStart::new("notes"))));
            let location = format!("{file}:{}", unit.line);
            let mut notes = vec![("location", location)];
            if let Some(context) = &unit.context {
                notes.push(("context", context.clone()));
            }
            if let Some(target) = &unit.target_file {
                notes.push(("target-file", slash(target)));
            }
            for (category, text) in notes {
                let mut note = BytesStart::new("note");
                note.push_attribute(("category", category));
                note.push_attribute(("appliesTo", "source"));
                io(writer.write_event(Event::Start(note)));
                io(writer.write_event(Event::Text(BytesText::new(&text))));
                io(writer.write_event(Event::End(BytesEnd::new("note"))));
            }
            io(writer.write_event(Event::End(BytesEnd::new("notes"))));
            let mut segment = BytesStart::new("segment");
            segment.push_attribute((
                "state",
                if unit.target.is_some() {
                    "translated"
                } else {
                    "initial"
                },
            ));
            io(writer.write_event(Event::Start(segment)));
            io(writer.write_event(Event::Start(BytesStart::new("source"))));
            io(writer.write_event(Event::Text(BytesText::new(&unit.source))));
            io(writer.write_event(Event::End(BytesEnd::new("source"))));
            if let Some(target) = &unit.target {
                io(writer.write_event(Event::Start(BytesStart::new("target"))));
                io(writer.write_event(Event::Text(BytesText::new(target))));
                io(writer.write_event(Event::End(BytesEnd::new("target"))));
            }
            io(writer.write_event(Event::End(BytesEnd::new("segment"))));
            io(writer.write_event(Event::End(BytesEnd::new("unit"))));
        }
        io(writer.write_event(Event::End(BytesEnd::new("file"))));
    }
    io(writer.write_event(Event::End(BytesEnd::new("xliff"))));
    let mut text = String::from_utf8(writer.into_inner()).expect("XML written from strings");
    text.push('\n');
    text
}

/// Line and column (1-based) of a byte of `text`.
fn line_col(text: &str, at: usize) -> (u32, u32) {
    let at = at.min(text.len());
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
    (line as u32, column as u32)
}

/// An XLIFF 2.x document as translations, or the first problem in it,
/// located in `path`.
pub fn read(path: &Path, text: &str, msg: &Messages) -> Result<Received, Diagnostic> {
    let at = |byte: u64| {
        let (line, column) = line_col(text, byte as usize);
        Location::new(path, line, column)
    };
    let broken = |byte: u64, detail: String| {
        Diagnostic::error(
            at(byte),
            msg.get("roundtrip-broken-xml", &[("detail", &detail)]),
        )
        .with_hint(msg.get("roundtrip-broken-hint", &[]))
    };
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut received: Option<Received> = None;
    let mut file: Option<String> = None;
    // (id, name, where) of the open unit.
    let mut unit: Option<(String, String, Location)> = None;
    // Which text is being read: "source" or "target", and what it has so far.
    let mut reading: Option<(&'static str, String)> = None;
    let mut target: Option<String> = None;
    // Elements open: a file cut short ends inside some.
    let mut open = 0usize;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| broken(reader.error_position(), e.to_string()))?;
        let attr = |e: &BytesStart, name: &str| -> Result<Option<String>, Diagnostic> {
            for a in e.attributes() {
                let a = a.map_err(|err| broken(position, err.to_string()))?;
                if a.key.as_ref() == name {
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| broken(position, err.to_string()))?;
                    return Ok(Some(value.into_owned()));
                }
            }
            Ok(None)
        };
        match event {
            // Inline codes (<ph/>, <pc>) have no place in a plain text.
            Event::Start(_) | Event::Empty(_) if reading.is_some() => {
                return Err(broken(position, msg.get("roundtrip-inline", &[])));
            }
            Event::Start(e) => {
                open += 1;
                let name = e.local_name();
                match name.as_ref() {
                    "xliff" => {
                        let version = attr(&e, "version")?.unwrap_or_default();
                        if !version.starts_with("2.")
                            || attr(&e, "xmlns")?.as_deref() != Some(NAMESPACE)
                        {
                            return Err(broken(position, msg.get("roundtrip-not-xliff2", &[])));
                        }
                        received = Some(Received {
                            source_lang: attr(&e, "srcLang")?.unwrap_or_default(),
                            target_lang: attr(&e, "trgLang")?.unwrap_or_default(),
                            at: at(position),
                            entries: Vec::new(),
                        });
                    }
                    _ if received.is_none() => {
                        return Err(broken(position, msg.get("roundtrip-not-xliff2", &[])));
                    }
                    "file" => file = attr(&e, "original")?,
                    "unit" => {
                        unit = Some((
                            attr(&e, "id")?.unwrap_or_default(),
                            attr(&e, "name")?.unwrap_or_default(),
                            at(position),
                        ));
                        target = None;
                    }
                    "source" if unit.is_some() => reading = Some(("source", String::new())),
                    "target" if unit.is_some() => reading = Some(("target", String::new())),
                    _ => {}
                }
            }
            Event::Empty(e) if e.local_name().as_ref() == "target" && unit.is_some() => {
                target.get_or_insert_with(String::new);
            }
            Event::Text(t) => {
                if let Some((_, so_far)) = reading.as_mut() {
                    so_far.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, so_far)) = reading.as_mut() {
                    so_far.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, so_far)) = reading.as_mut() {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = r.xml10_content();
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .ok_or_else(|| broken(position, format!("&{name};")))?
                                .to_string()
                        }
                        Err(err) => return Err(broken(position, err.to_string())),
                    };
                    so_far.push_str(&resolved);
                }
            }
            Event::End(e) => {
                open = open.saturating_sub(1);
                let name = e.local_name();
                match name.as_ref() {
                    "source" | "target" if reading.is_some() => {
                        if let Some(("target", text)) = reading.take() {
                            // Segments of one unit follow each other.
                            target.get_or_insert_with(String::new).push_str(&text);
                        }
                    }
                    "unit" => {
                        if let (Some((id, name, where_)), Some(received)) =
                            (unit.take(), received.as_mut())
                        {
                            received.entries.push(Incoming {
                                id,
                                file: file.clone().unwrap_or_default(),
                                field: name,
                                target: target.take(),
                                at: where_,
                            });
                        }
                    }
                    "file" => file = None,
                    _ => {}
                }
            }
            Event::Eof if open > 0 => {
                return Err(broken(
                    text.len() as u64,
                    msg.get("roundtrip-cut-short", &[]),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    received.ok_or_else(|| broken(0, msg.get("roundtrip-not-xliff2", &[])))
}
