//! Edits of a YAML file in place: the scalar at a field path is found in
//! the parser's event stream (with its byte span), and only its bytes are
//! replaced, so comments, key order, quoting and the layout of every other
//! line stay as they were.
//!
//! Field paths are those of [`crate::content::texts`]: `title`,
//! `themes[elinvoima].goals[kuntalaisia-varten].follow_up`, `[metric-id].title`
//! (an element of a list whose elements have an `id` is named by it, any
//! other by its index).

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span, StructureStyle};

/// A node of the YAML tree, with where it is in the source.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// Byte offsets of the node's text (for a collection, of its start).
    pub start: usize,
    pub end: usize,
    /// 1-based line and 0-based column of the start.
    pub line: usize,
    pub col: usize,
    /// Inside a flow collection (`[...]` or `{...}`).
    pub in_flow: bool,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Scalar {
        value: String,
        style: ScalarStyle,
    },
    Seq {
        items: Vec<Node>,
    },
    Map {
        flow: bool,
        entries: Vec<(Node, Node)>,
    },
}

/// One replacement of the bytes `start..end` of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The file is not YAML the parser reads (message, line, column).
    Syntax(String, usize, usize),
    /// Anchors and aliases share a node between places; a text there is not edited.
    Alias(usize),
    /// No node at the path.
    NotFound,
    /// The node at the path is not a text (line).
    NotText(usize),
}

fn byte_of(text: &str, marker: &serde_saphyr::granit_parser::Marker) -> usize {
    marker.byte_offset().unwrap_or_else(|| {
        text.char_indices()
            .nth(marker.index())
            .map(|(i, _)| i)
            .unwrap_or(text.len())
    })
}

/// The tree of the first document of `text`.
pub fn parse(text: &str) -> Result<Node, EditError> {
    /// An open collection: its node, whether it is a flow one, its children.
    struct Open {
        node: Node,
        flow: bool,
        children: Vec<Node>,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Node> = None;
    let node_at = |span: &Span, kind: Kind, stack: &[Open]| Node {
        kind,
        start: byte_of(text, &span.start),
        end: byte_of(text, &span.end),
        line: span.start.line(),
        col: span.start.col(),
        in_flow: stack.iter().any(|open| open.flow),
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|err| {
            let marker = err.marker();
            EditError::Syntax(err.info().to_string(), marker.line(), marker.col() + 1)
        })?;
        let finished = match event {
            Event::Alias(_) | Event::UnresolvedAlias(_) => {
                return Err(EditError::Alias(span.start.line()));
            }
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(_, anchor, _)
            | Event::MappingStart(_, anchor, _)
                if anchor != 0 =>
            {
                return Err(EditError::Alias(span.start.line()));
            }
            Event::Scalar(value, style, _, _) => Some(node_at(
                &span,
                Kind::Scalar {
                    value: value.into_owned(),
                    style,
                },
                &stack,
            )),
            Event::SequenceStart(style, _, _) => {
                let node = node_at(&span, Kind::Seq { items: Vec::new() }, &stack);
                stack.push(Open {
                    node,
                    flow: style == StructureStyle::Flow,
                    children: Vec::new(),
                });
                None
            }
            Event::MappingStart(style, _, _) => {
                let flow = style == StructureStyle::Flow;
                let node = node_at(
                    &span,
                    Kind::Map {
                        flow,
                        entries: Vec::new(),
                    },
                    &stack,
                );
                stack.push(Open {
                    node,
                    flow,
                    children: Vec::new(),
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => stack.pop().map(|open| {
                let mut node = open.node;
                node.kind = match node.kind {
                    Kind::Map { flow, .. } => {
                        let mut entries = Vec::new();
                        let mut children = open.children.into_iter();
                        while let (Some(key), Some(value)) = (children.next(), children.next()) {
                            entries.push((key, value));
                        }
                        Kind::Map { flow, entries }
                    }
                    _ => Kind::Seq {
                        items: open.children,
                    },
                };
                node
            }),
            Event::DocumentEnd => break,
            _ => None,
        };
        if let Some(node) = finished {
            match stack.last_mut() {
                Some(open) => open.children.push(node),
                None => root = Some(node),
            }
        }
    }
    root.ok_or(EditError::NotFound)
}

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Element(String),
}

fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']').unwrap_or(after.len());
            out.push(Step::Element(after[..close].to_string()));
            rest = after.get(close + 1..).unwrap_or("");
        } else {
            let rest_key = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_key.find(['.', '[']).unwrap_or(rest_key.len());
            out.push(Step::Key(rest_key[..end].to_string()));
            rest = &rest_key[end..];
        }
    }
    out
}

impl Node {
    pub fn scalar(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The value of the mapping entry `key`, with its key node.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.kind {
            Kind::Map { entries, .. } => entries
                .iter()
                .find(|(k, _)| k.scalar() == Some(key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The byte after the node's last text: for a collection, the end of
    /// its last scalar (a collection's own span is only its start).
    pub fn deep_end(&self) -> usize {
        match &self.kind {
            Kind::Scalar { .. } => self.end,
            Kind::Seq { items } => items.last().map_or(self.end, Node::deep_end),
            Kind::Map { entries, .. } => entries.last().map_or(self.end, |(_, v)| v.deep_end()),
        }
    }

    /// The element a path names `name`: by its `id`, or by its index.
    fn element(&self, name: &str) -> Option<&Node> {
        let Kind::Seq { items } = &self.kind else {
            return None;
        };
        items.iter().enumerate().find_map(|(i, item)| {
            let named = match item.entry("id").and_then(|(_, v)| v.scalar()) {
                Some(id) => id == name,
                None => i.to_string() == name,
            };
            named.then_some(item)
        })
    }
}

/// Where a node sits: what holds it, which matters for how a scalar can be
/// turned into a mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The value of a block mapping entry whose key is at this column.
    BlockValue {
        key_col: usize,
    },
    /// An element of a block sequence.
    BlockElement,
    /// Inside a flow collection.
    Flow,
    Top,
}

/// The node at `path`, and its place.
pub fn find<'n>(root: &'n Node, path: &str) -> Option<(&'n Node, Place)> {
    let mut node = root;
    let mut place = Place::Top;
    for step in steps(path) {
        match step {
            Step::Key(key) => {
                let (k, v) = node.entry(&key)?;
                place = if v.in_flow || matches!(node.kind, Kind::Map { flow: true, .. }) {
                    Place::Flow
                } else {
                    Place::BlockValue { key_col: k.col }
                };
                node = v;
            }
            Step::Element(name) => {
                let element = node.element(&name)?;
                place = if element.in_flow || node.in_flow {
                    Place::Flow
                } else {
                    Place::BlockElement
                };
                node = element;
            }
        }
    }
    Some((node, place))
}

/// A string as a YAML double-quoted scalar, every character that needs it escaped.
pub fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if (c as u32) < 0x20 || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A value written for a block context whose content is indented by
/// `indent` spaces: one line double-quoted, several lines as a literal
/// block (`|`, `|-` or `|+` after how the text ends), when a literal block
/// can hold it exactly.
pub fn block_value(value: &str, indent: usize) -> String {
    let literal_ok = value.contains('\n')
        && !value.starts_with([' ', '\n'])
        && value.split('\n').all(|line| {
            let control = line
                .chars()
                .any(|c| (c.is_control() && c != '\t') || c == '\u{feff}');
            // A line of only spaces would be read as an empty one.
            let blank_with_spaces = !line.is_empty() && line.trim().is_empty();
            !control && !blank_with_spaces
        });
    if !literal_ok {
        return double_quoted(value);
    }
    let body = value.trim_end_matches('\n');
    let trailing = value.len() - body.len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let pad = " ".repeat(indent);
    let mut out = format!("|{chomp}");
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    for _ in 1..trailing {
        out.push('\n');
    }
    out
}

/// The byte after the end of the line holding the last byte before `at`
/// (so after the value that ends at `at`, and a comment behind it).
fn after_line(text: &str, at: usize) -> usize {
    // A block scalar's span ends after its line break and the next line's
    // indentation.
    let trimmed = text[..at].trim_end_matches(' ').len();
    if trimmed > 0 && text.as_bytes()[trimmed - 1] == b'\n' {
        return trimmed;
    }
    match text[at..].find('\n') {
        Some(i) => at + i + 1,
        None => text.len(),
    }
}

/// The edit that sets the `lang` version of the text at `path`, given the
/// site's languages (the first is the default, which a plain string is in).
pub fn set_text(
    text: &str,
    root: &Node,
    path: &str,
    lang: &str,
    value: &str,
    languages: &[String],
) -> Result<Edit, EditError> {
    let (node, place) = find(root, path).ok_or(EditError::NotFound)?;
    let default = languages.first().map(String::as_str).unwrap_or("fi");
    match &node.kind {
        Kind::Map { flow, entries } => {
            if let Some((key, old)) = entries.iter().find(|(k, _)| k.scalar() == Some(lang)) {
                if old.scalar().is_none() {
                    return Err(EditError::NotText(old.line));
                }
                let replacement = if *flow || old.in_flow {
                    double_quoted(value)
                } else {
                    block_value(value, key.col + 2)
                };
                return Ok(replace_scalar(text, old, replacement));
            }
            // After the language that comes before it on the site, or the last.
            let order = |l: &str| languages.iter().position(|x| x == l).unwrap_or(usize::MAX);
            let after = entries
                .iter()
                .filter(|(k, _)| k.scalar().is_some_and(|l| order(l) < order(lang)))
                .max_by_key(|(k, _)| order(k.scalar().unwrap_or_default()))
                .or(entries.last())
                .ok_or(EditError::NotText(node.line))?;
            let (key, previous) = after;
            if *flow || node.in_flow {
                let at = previous.end;
                return Ok(Edit {
                    start: at,
                    end: at,
                    text: format!(", {lang}: {}", double_quoted(value)),
                });
            }
            let at = after_line(text, previous.end);
            let mut line = String::new();
            if at == text.len() && !text.ends_with('\n') {
                line.push('\n');
            }
            line.push_str(&" ".repeat(key.col));
            line.push_str(&format!("{lang}: {}\n", block_value(value, key.col + 2)));
            Ok(Edit {
                start: at,
                end: at,
                text: line,
            })
        }
        Kind::Scalar { .. } if lang == default => {
            // A plain string is the default language's text: replaced as it is.
            let replacement = match place {
                Place::BlockValue { key_col } => block_value(value, key_col + 2),
                Place::BlockElement => block_value(value, node.col),
                Place::Flow => double_quoted(value),
                Place::Top => return Err(EditError::NotText(node.line)),
            };
            Ok(replace_scalar(text, node, replacement))
        }
        Kind::Scalar { value: old, style } => {
            // A plain string is the default language's text; it becomes a
            // mapping of both.
            let single_line = node.line == line_of(text, node.end.saturating_sub(1))
                && !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
            let verbatim = &text[node.start..node.end];
            let edit_text = match place {
                Place::Flow => format!(
                    "{{{default}: {}, {lang}: {}}}",
                    if single_line {
                        verbatim.to_string()
                    } else {
                        double_quoted(old)
                    },
                    double_quoted(value)
                ),
                Place::BlockValue { key_col } => {
                    let pad = " ".repeat(key_col + 2);
                    let first = if single_line {
                        verbatim.to_string()
                    } else {
                        block_value(old, key_col + 4)
                    };
                    format!(
                        "\n{pad}{default}: {first}\n{pad}{lang}: {}",
                        block_value(value, key_col + 4)
                    )
                }
                Place::BlockElement => {
                    let pad = " ".repeat(node.col);
                    let first = if single_line {
                        verbatim.to_string()
                    } else {
                        block_value(old, node.col + 2)
                    };
                    format!(
                        "{default}: {first}\n{pad}{lang}: {}",
                        block_value(value, node.col + 2)
                    )
                }
                Place::Top => return Err(EditError::NotText(node.line)),
            };
            let mut edit = replace_scalar(text, node, edit_text);
            if let Place::BlockValue { .. } = place {
                // `title: Foo` -> `title:` and the mapping on the lines below.
                let before = text[..edit.start].trim_end_matches(' ');
                if before.ends_with(':') {
                    edit.start = before.len();
                }
            }
            Ok(edit)
        }
        Kind::Seq { .. } => Err(EditError::NotText(node.line)),
    }
}

/// The edit that sets the scalar at `path` (a status, a number) to `value`
/// as written (a plain YAML scalar the caller has checked).
pub fn set_scalar(root: &Node, text: &str, path: &str, value: &str) -> Result<Edit, EditError> {
    let (node, _) = find(root, path).ok_or(EditError::NotFound)?;
    if node.scalar().is_none() {
        return Err(EditError::NotText(node.line));
    }
    Ok(replace_scalar(text, node, value.to_string()))
}

/// The edit that adds `key: value` (already written) to the block mapping
/// at `path`, after its entry `after` (or its last).
pub fn add_entry(
    root: &Node,
    text: &str,
    path: &str,
    after: &[&str],
    key: &str,
    value: &str,
) -> Result<Edit, EditError> {
    let (node, _) = find(root, path).ok_or(EditError::NotFound)?;
    let Kind::Map { flow, entries } = &node.kind else {
        return Err(EditError::NotText(node.line));
    };
    let (k, v) = after
        .iter()
        .rev()
        .find_map(|name| entries.iter().find(|(k, _)| k.scalar() == Some(name)))
        .or(entries.last())
        .ok_or(EditError::NotText(node.line))?;
    if *flow || node.in_flow {
        return Ok(Edit {
            start: v.end,
            end: v.end,
            text: format!(", {key}: {value}"),
        });
    }
    let at = after_line(text, v.deep_end());
    let mut line = String::new();
    if at == text.len() && !text.ends_with('\n') {
        line.push('\n');
    }
    // A value on the lines below (`key:` and a block) has no space after the colon.
    let gap = if value.starts_with('\n') { "" } else { " " };
    line.push_str(&format!("{}{key}:{gap}{value}\n", " ".repeat(k.col)));
    Ok(Edit {
        start: at,
        end: at,
        text: line,
    })
}

/// The column of a mapping's keys, for writing a value under one of them.
pub fn key_col(root: &Node, path: &str) -> Option<usize> {
    match &find(root, path)?.0.kind {
        Kind::Map { entries, .. } => entries.first().map(|(k, _)| k.col),
        _ => None,
    }
}

/// The edit that appends an element to the block sequence at `path`: the
/// mapping `entries` (each `key: value`, the value already written), as
/// the sequence's other elements are indented.
pub fn add_item(
    root: &Node,
    text: &str,
    path: &str,
    entries: &[(&str, String)],
) -> Result<Edit, EditError> {
    let (node, _) = find(root, path).ok_or(EditError::NotFound)?;
    let Kind::Seq { items } = &node.kind else {
        return Err(EditError::NotText(node.line));
    };
    let last = items.last().ok_or(EditError::NotText(node.line))?;
    if node.in_flow || last.in_flow {
        return Err(EditError::NotText(node.line));
    }
    // The element's `-` is before its first text on the same line.
    let line_start = text[..last.start].rfind('\n').map_or(0, |i| i + 1);
    let dash = text[line_start..last.start]
        .rfind('-')
        .ok_or(EditError::NotText(last.line))?;
    let item_col = last.start - line_start;
    let at = after_line(text, last.deep_end());
    let mut out = String::new();
    if at == text.len() && !text.ends_with('\n') {
        out.push('\n');
    }
    for (i, (key, value)) in entries.iter().enumerate() {
        if i == 0 {
            out.push_str(&format!(
                "{}-{}{key}: {value}\n",
                " ".repeat(dash),
                " ".repeat(item_col - dash - 1)
            ));
        } else {
            out.push_str(&format!("{}{key}: {value}\n", " ".repeat(item_col)));
        }
    }
    Ok(Edit {
        start: at,
        end: at,
        text: out,
    })
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Replace a scalar's bytes. A block scalar's span runs over the line
/// break that ends it; that break stays.
fn replace_scalar(text: &str, node: &Node, replacement: String) -> Edit {
    let (mut start, mut end) = (node.start, node.end);
    if matches!(
        node.kind,
        Kind::Scalar {
            style: ScalarStyle::Literal | ScalarStyle::Folded,
            ..
        }
    ) {
        // The span covers the content; the `|-` or `>` header is before it.
        let span = &text[start..end];
        end -= span.len() - span.trim_end_matches(['\n', ' ']).len();
        if let Some(header) = text[..start].rfind(['|', '>']) {
            start = header;
        }
    }
    Edit {
        start,
        end,
        text: replacement,
    }
}

/// `text` with the edits made; they must not overlap.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + 256);
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.start]);
        out.push_str(&edit.text);
        at = edit.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        ["fi", "sv", "en"].map(String::from).to_vec()
    }

    fn set(text: &str, path: &str, lang: &str, value: &str) -> String {
        let root = parse(text).unwrap();
        let edit = set_text(text, &root, path, lang, value, &langs()).unwrap();
        apply(text, &[edit])
    }

    #[test]
    fn a_missing_language_is_a_new_line_after_the_one_before_it() {
        let text = "# c\ntitle:\n  fi: Tavoite  # k\n  en: Goal\nnext: 1\n";
        assert_eq!(
            set(text, "title", "sv", "Mål \"x\""),
            "# c\ntitle:\n  fi: Tavoite  # k\n  sv: \"Mål \\\"x\\\"\"\n  en: Goal\nnext: 1\n"
        );
    }

    #[test]
    fn a_plain_string_becomes_a_mapping_of_both_languages() {
        let text = "goals:\n  - id: a\n    title: Tavoite # k\n    x: 1\n";
        assert_eq!(
            set(text, "goals[a].title", "sv", "Mål"),
            "goals:\n  - id: a\n    title:\n      fi: Tavoite\n      sv: \"Mål\" # k\n    x: 1\n"
        );
        let list = "actions:\n  - Toimi\n  - Tee\n";
        assert_eq!(
            set(list, "actions[1]", "sv", "Gör"),
            "actions:\n  - Toimi\n  - fi: Tee\n    sv: \"Gör\"\n"
        );
        let flow = "actions: [Toimi, Tee]\n";
        assert_eq!(
            set(flow, "actions[0]", "en", "Act"),
            "actions: [{fi: Toimi, en: \"Act\"}, Tee]\n"
        );
    }

    #[test]
    fn flow_mappings_and_block_scalars_are_edited_in_their_style() {
        assert_eq!(
            set("t: {fi: A, en: B}\n", "t", "sv", "C"),
            "t: {fi: A, sv: \"C\", en: B}\n"
        );
        let text = "f:\n  fi: |-\n    Yksi\n\n    Kaksi\n  sv: |-\n    Gammal\n  en: X\n";
        assert_eq!(
            set(text, "f", "sv", "Ett\n\nTvå"),
            "f:\n  fi: |-\n    Yksi\n\n    Kaksi\n  sv: |-\n    Ett\n\n    Två\n  en: X\n"
        );
        let text = "f:\n  fi: |\n    Yksi\n  en: X\n";
        assert_eq!(
            set(text, "f", "sv", "Ett\n"),
            "f:\n  fi: |\n    Yksi\n  sv: |\n    Ett\n  en: X\n"
        );
    }

    #[test]
    fn every_written_value_reads_back_the_same() {
        for value in [
            "a: b",
            "- lista",
            "#no",
            "  lead",
            "tab\there",
            "multi\nline\n",
            "x\n\n\n",
            "'q' \"d\" \\",
            "\u{7}bell",
            "yes",
            "null",
            "12",
        ] {
            let text = set("t:\n  fi: A\n", "t", "sv", value);
            let parsed: std::collections::BTreeMap<
                String,
                std::collections::BTreeMap<String, String>,
            > = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{value:?}: {e}\n{text}"));
            assert_eq!(parsed["t"]["sv"], value, "{text}");
        }
    }

    #[test]
    fn elements_are_found_by_id_or_by_index() {
        let text = "- id: m\n  title: M\n- id: n\n  title: N\n";
        let root = parse(text).unwrap();
        let (node, _) = find(&root, "[n].title").unwrap();
        assert_eq!(node.scalar(), Some("N"));
        assert!(find(&root, "[1].title").is_none());
        let root = parse("a:\n  - x\n  - y\n").unwrap();
        assert_eq!(find(&root, "a[1]").unwrap().0.scalar(), Some("y"));
    }

    #[test]
    fn the_default_language_of_a_plain_string_is_replaced_in_place() {
        let text = "f: Vanha # k\nx: 1\n";
        assert_eq!(set(text, "f", "fi", "Uusi"), "f: \"Uusi\" # k\nx: 1\n");
        let text = "f: |-\n  Yksi\n  Kaksi\nx: 1\n";
        assert_eq!(
            set(text, "f", "fi", "Kolme\nNeljä"),
            "f: |-\n  Kolme\n  Neljä\nx: 1\n"
        );
    }

    #[test]
    fn entries_go_after_the_whole_value_and_items_after_the_last() {
        let text = "g:\n  title:\n    fi: A\n    sv: B\n  # c\n  follow_up: F\n";
        let root = parse(text).unwrap();
        let edit = add_entry(&root, text, "g", &["title"], "status", "achieved").unwrap();
        assert_eq!(
            apply(text, &[edit]),
            "g:\n  title:\n    fi: A\n    sv: B\n  status: achieved\n  # c\n  follow_up: F\n"
        );
        let text = "values:\n  - period: 2020\n    value: 1\n    note:\n      fi: N\nnext: 1\n";
        let root = parse(text).unwrap();
        let entries = [("period", "2021".to_string()), ("value", "2.5".to_string())];
        let edit = add_item(&root, text, "values", &entries).unwrap();
        assert_eq!(
            apply(text, &[edit]),
            "values:\n  - period: 2020\n    value: 1\n    note:\n      fi: N\n  - period: 2021\n    value: 2.5\nnext: 1\n"
        );
        assert_eq!(key_col(&root, "values[0]"), Some(4));
    }

    #[test]
    fn anchors_are_not_edited() {
        assert_eq!(parse("a: &x T\nb: *x\n").unwrap_err(), EditError::Alias(1));
    }
}
