//! Every mistake of a YAML file's shape, each at its line and in plain
//! words: the file as a tree with the position of every key and value
//! (granit-parser, the parser serde-saphyr reads with), checked against the
//! schema derived from the model (jsonschema), so that four mistakes in one
//! file give four messages. Run only for a file the model did not accept,
//! so that the files without mistakes are read once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use granit_parser::{ErrorKind, Event, Parser, ScalarStyle, ScanError};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::{Map, Number, Value};

use crate::diagnostics::{Diagnostic, Location, Message, Severity, closest};

/// A YAML document as JSON, with the position (line, column; 1-based) of
/// each value and key by JSON Pointer (`/themes/0/goals/1/status`).
pub struct Tree {
    pub value: Value,
    values: HashMap<String, (u32, u32)>,
    keys: HashMap<String, (u32, u32)>,
    /// Keys written twice in one mapping: their pointer and position.
    pub duplicates: Vec<(String, (u32, u32))>,
}

impl Tree {
    /// Where the key of `pointer` is written, else its value, else the
    /// nearest enclosing value.
    fn position(&self, pointer: &str, prefer_key: bool) -> (u32, u32) {
        let mut pointer = pointer.to_string();
        loop {
            let found = if prefer_key {
                self.keys
                    .get(&pointer)
                    .or_else(|| self.values.get(&pointer))
            } else {
                self.values
                    .get(&pointer)
                    .or_else(|| self.keys.get(&pointer))
            };
            if let Some(&at) = found {
                return at;
            }
            match pointer.rfind('/') {
                Some(cut) => pointer.truncate(cut),
                None => return (1, 1),
            }
        }
    }
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// A plain scalar as YAML 1.2's core schema reads it, as serde-saphyr does.
fn plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = text.parse::<i64>()
    {
        return Value::Number(n.into());
    }
    let numeric = digits
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits.bytes().any(|b| b.is_ascii_digit());
    if numeric && let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
        return Value::Number(n);
    }
    Value::String(text.to_string())
}

enum Frame {
    Map {
        map: Map<String, Value>,
        pointer: String,
        key: Option<String>,
    },
    Seq {
        items: Vec<Value>,
        pointer: String,
    },
}

const TOO_MANY_REPEATS: &str = "too many repeats";

/// How many values `value` holds, itself included.
fn size(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(size).sum::<usize>(),
        _ => 1,
    }
}

/// The tree of `text`, or the first syntax error.
pub fn tree(text: &str) -> Result<Tree, ScanError> {
    let mut tree = Tree {
        value: Value::Null,
        values: HashMap::new(),
        keys: HashMap::new(),
        duplicates: Vec::new(),
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Value> = HashMap::new();
    let mut open_anchors: Vec<(usize, usize)> = Vec::new();
    let mut root: Option<Value> = None;
    // Repeats (`&a` ... `*a`) may not grow the tree past what such a text
    // could hold (a "billion laughs" would take all memory).
    let budget = text.len() + 10_000;
    let mut nodes = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event?;
        nodes += 1;
        if nodes > budget {
            return Err(ScanError::new(span.start, TOO_MANY_REPEATS));
        }
        let at = (span.start.line() as u32, span.start.col() as u32 + 1);
        // The pointer of the node that starts here, or None for a key.
        let here = match stack.last_mut() {
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Map {
                pointer,
                key: Some(key),
                ..
            }) => Some(format!("{pointer}/{}", escape(key))),
            Some(Frame::Seq { items, pointer }) => Some(format!("{pointer}/{}", items.len())),
            None => Some(String::new()),
        };
        let node = match event {
            Event::Scalar(value, style, anchor, _) => {
                let Some(pointer) = here else {
                    // A key.
                    if let Some(Frame::Map { map, pointer, key }) = stack.last_mut() {
                        let path = format!("{pointer}/{}", escape(&value));
                        if map.contains_key(value.as_ref()) {
                            tree.duplicates.push((path.clone(), at));
                        }
                        tree.keys.insert(path, at);
                        *key = Some(value.into_owned());
                    }
                    continue;
                };
                tree.values.insert(pointer, at);
                let node = match style {
                    ScalarStyle::Plain => plain(&value),
                    _ => Value::String(value.into_owned()),
                };
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Alias(anchor) => {
                if let Some(pointer) = here {
                    tree.values.insert(pointer, at);
                }
                let node = anchors.get(&anchor).cloned().unwrap_or(Value::Null);
                nodes += size(&node);
                if nodes > budget {
                    return Err(ScanError::new(span.start, TOO_MANY_REPEATS));
                }
                node
            }
            Event::MappingStart(_, anchor, _) | Event::SequenceStart(_, anchor, _) => {
                // A mapping or list as a key is never a field name.
                let pointer = here.unwrap_or_else(|| "/?".to_string());
                tree.values.insert(pointer.clone(), at);
                if anchor != 0 {
                    open_anchors.push((stack.len(), anchor));
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map {
                        map: Map::new(),
                        pointer,
                        key: None,
                    }
                } else {
                    Frame::Seq {
                        items: Vec::new(),
                        pointer,
                    }
                });
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let node = match stack.pop() {
                    Some(Frame::Map { map, .. }) => Value::Object(map),
                    Some(Frame::Seq { items, .. }) => Value::Array(items),
                    None => continue,
                };
                if let Some(&(depth, anchor)) = open_anchors.last()
                    && depth == stack.len()
                {
                    open_anchors.pop();
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            _ => continue,
        };
        match stack.last_mut() {
            Some(Frame::Map { map, key, .. }) => {
                if let Some(key) = key.take() {
                    map.insert(key, node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            None => root = Some(node),
        }
    }
    tree.value = root.unwrap_or(Value::Null);
    Ok(tree)
}

/// The compiled schema of each kind of content file.
fn validator(kind: &str) -> Option<&'static Validator> {
    static VALIDATORS: OnceLock<HashMap<&'static str, Validator>> = OnceLock::new();
    let validators = VALIDATORS.get_or_init(|| {
        let definitions = super::model::schema_definitions();
        [
            "site",
            "organisation",
            "scorecard",
            "metrics",
            "networks",
            "update",
            "page",
        ]
        .into_iter()
        .filter_map(|kind| {
            let schema = serde_json::json!({
                "$ref": format!("#/$defs/{kind}"),
                "$defs": definitions.clone(),
            });
            Some((kind, jsonschema::validator_for(&schema).ok()?))
        })
        .collect()
    });
    validators.get(kind)
}

fn schema_root() -> &'static Value {
    static ROOT: OnceLock<Value> = OnceLock::new();
    ROOT.get_or_init(|| serde_json::json!({"$defs": super::model::schema_definitions()}))
}

/// The schema node at a keyword location (`/$defs/goal/additionalProperties`,
/// as jsonschema gives it, without the `$ref`s taken), and the name of the
/// definition it is in (`date`, `id`, `level`, ...).
fn schema_at(path: &str) -> (Option<&'static Value>, Option<String>) {
    let def = path
        .rsplit_once("/$defs/")
        .map(|(_, rest)| unescape(rest.split('/').next().unwrap_or_default()));
    (schema_root().pointer(path), def)
}

/// Status words staff write in Finnish, Swedish or plain English, and the
/// value the file format has for each.
const STATUS_WORDS: &[(&str, &str)] = &[
    ("valmis", "achieved"),
    ("saavutettu", "achieved"),
    ("toteutunut", "achieved"),
    ("toteutui", "achieved"),
    ("klar", "achieved"),
    ("uppnått", "achieved"),
    ("done", "achieved"),
    ("completed", "achieved"),
    ("kesken", "on-track"),
    ("etenee", "on-track"),
    ("käynnissä", "on-track"),
    ("pågår", "on-track"),
    ("pågående", "on-track"),
    ("in-progress", "on-track"),
    ("in progress", "on-track"),
    ("vaarassa", "at-risk"),
    ("riskissä", "at-risk"),
    ("i fara", "at-risk"),
    ("hotad", "at-risk"),
    ("ei toteutunut", "not-achieved"),
    ("ei saavutettu", "not-achieved"),
    ("inte uppnått", "not-achieved"),
    ("ej uppnått", "not-achieved"),
    ("failed", "not-achieved"),
    ("ei arvioitu", "not-assessed"),
    ("inte bedömt", "not-assessed"),
    ("ej bedömt", "not-assessed"),
    ("vihreä", "green"),
    ("grön", "green"),
    ("keltainen", "yellow"),
    ("gul", "yellow"),
    ("punainen", "red"),
    ("röd", "red"),
];

/// The value meant by `word`: a known status word, else the nearest value.
fn meant(word: &str, options: &[&str]) -> Option<String> {
    let lower = word.trim().to_lowercase();
    STATUS_WORDS
        .iter()
        .find(|(w, v)| *w == lower && options.contains(v))
        .map(|(_, v)| v.to_string())
        .or_else(|| closest(&lower, options.iter().copied()).map(str::to_string))
}

/// The last key of a pointer: the field a message is about.
fn field_of(pointer: &str) -> String {
    let segments: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
    segments
        .iter()
        .rev()
        .find(|s| s.parse::<usize>().is_err())
        .cloned()
        .unwrap_or_default()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn type_word(kind: &TypeKind) -> &'static str {
    let name = match kind {
        TypeKind::Single(t) => format!("{t:?}"),
        TypeKind::Multiple(ts) => ts
            .iter()
            .map(|t| format!("{t:?}"))
            .find(|t| t != "Null")
            .unwrap_or_default(),
    };
    match name.as_str() {
        "Integer" => "integer",
        "Number" => "number",
        "Array" => "list",
        "Object" => "group",
        "Boolean" => "yes-no",
        _ => "text",
    }
}

/// One problem, as a message at its place in the tree.
struct Problem {
    pointer: String,
    at_key: bool,
    message: Message,
    hint: Message,
}

/// The most specific problems of a schema error (for `anyOf`, those of
/// the alternative the writer meant).
fn problems(error: &ValidationError, out: &mut Vec<Problem>) {
    let pointer = error.instance_path().as_str().to_string();
    let field = field_of(&pointer);
    let instance = error.instance();
    match error.kind() {
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // The alternative the writer meant: not one that only differs in type.
            let only_type = |errors: &Vec<ValidationError<'static>>| {
                errors.iter().all(|e| {
                    matches!(e.kind(), ValidationErrorKind::Type { .. })
                        && e.instance_path().as_str() == pointer
                })
            };
            match context
                .iter()
                .filter(|c| !only_type(c))
                .min_by_key(|c| c.len())
            {
                Some(errors) => {
                    for e in errors {
                        problems(e, out);
                    }
                }
                None => {
                    let expected = context
                        .iter()
                        .flatten()
                        .find_map(|e| match e.kind() {
                            ValidationErrorKind::Type { kind }
                                if type_word(kind) != "text" || !instance.is_string() =>
                            {
                                Some(type_word(kind))
                            }
                            _ => None,
                        })
                        .unwrap_or("text");
                    out.push(wrong_type(&pointer, &field, instance, expected));
                }
            }
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            // The object whose `additionalProperties` this is has the fields.
            let (node, _) = schema_at(parent_path(error.schema_path().as_str()));
            let allowed: Vec<String> = node
                .and_then(|n| n["properties"].as_object())
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            for name in unexpected {
                let hint = match closest(name, allowed.iter().map(String::as_str)) {
                    Some(best) => Message::new("err-did-you-mean-field").arg("suggestion", best),
                    None => Message::new("err-allowed-fields").arg("fields", allowed.join(", ")),
                };
                out.push(Problem {
                    pointer: format!("{pointer}/{}", escape(name)),
                    at_key: true,
                    message: Message::new("err-unknown-field").arg("field", name),
                    hint,
                });
            }
        }
        ValidationErrorKind::Enum { options } => {
            let options: Vec<&str> = options
                .as_array()
                .map(|o| o.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let word = value_text(instance);
            let hint = match meant(&word, &options) {
                Some(best) => Message::new("err-did-you-mean-value").arg("suggestion", best),
                None => Message::new("err-allowed-values").arg("values", options.join(", ")),
            };
            out.push(Problem {
                pointer,
                at_key: false,
                message: Message::new("err-unknown-value")
                    .arg("field", &field)
                    .arg("value", word),
                hint: hint.arg("values", options.join(", ")),
            });
        }
        ValidationErrorKind::Type { kind } => {
            out.push(wrong_type(&pointer, &field, instance, type_word(kind)));
        }
        ValidationErrorKind::Required { property } => {
            let name = value_text(property);
            out.push(Problem {
                pointer,
                at_key: true,
                message: Message::new("err-missing-field").arg("field", &name),
                hint: Message::new("err-missing-field-hint").arg("field", name),
            });
        }
        ValidationErrorKind::Minimum { .. }
        | ValidationErrorKind::Maximum { .. }
        | ValidationErrorKind::ExclusiveMinimum { .. }
        | ValidationErrorKind::ExclusiveMaximum { .. } => {
            let (node, _) = schema_at(parent_path(error.schema_path().as_str()));
            let limit = |key: &str| {
                node.and_then(|n| n.get(key))
                    .map(value_text)
                    .unwrap_or_else(|| "–".into())
            };
            out.push(Problem {
                pointer,
                at_key: false,
                message: Message::new("err-out-of-range")
                    .arg("field", &field)
                    .arg("value", value_text(instance)),
                hint: Message::new("err-out-of-range-hint")
                    .arg("min", limit("minimum"))
                    .arg("max", limit("maximum")),
            });
        }
        ValidationErrorKind::Pattern { .. } => {
            let (_, def) = schema_at(error.schema_path().as_str());
            let value = value_text(instance);
            let (message, hint) = match def.as_deref() {
                Some("date") => ("err-bad-date", "err-bad-date-hint"),
                Some("period") => ("err-bad-period", "err-bad-period-hint"),
                Some("id") => ("err-bad-id", "err-bad-id-hint"),
                Some("language") => ("err-bad-language", "err-bad-language-hint"),
                Some("related") => ("err-bad-related", "err-bad-related-hint"),
                _ if field == "base_url" => ("err-bad-address", "err-bad-address-hint"),
                _ => ("err-bad-form", "err-bad-form-hint"),
            };
            out.push(Problem {
                pointer,
                at_key: false,
                message: Message::new(message)
                    .arg("field", &field)
                    .arg("value", &value),
                hint: Message::new(hint).arg("value", super::model::slugify(&value)),
            });
        }
        ValidationErrorKind::MinItems { .. } => out.push(Problem {
            pointer,
            at_key: true,
            message: Message::new("err-empty-list").arg("field", &field),
            hint: Message::new("err-empty-list-hint"),
        }),
        ValidationErrorKind::UniqueItems => out.push(Problem {
            pointer,
            at_key: true,
            message: Message::new("err-listed-twice").arg("field", &field),
            hint: Message::new("err-listed-twice-hint"),
        }),
        _ => out.push(Problem {
            pointer,
            at_key: false,
            message: Message::new("err-bad-form")
                .arg("field", &field)
                .arg("value", value_text(instance)),
            hint: Message::new("err-bad-form-hint"),
        }),
    }
}

/// Whether the colon the parser stopped at is the first of its line, so
/// that the line is a field of its own (then its indentation is wrong).
fn is_first_colon(lines: &[&str], line: usize, column: usize) -> bool {
    let source = lines.get(line - 1).copied().unwrap_or_default();
    let first = source.find(':').map(|at| source[..at].chars().count() + 1);
    first == Some(column)
}

fn parent_path(path: &str) -> &str {
    path.rfind('/').map(|cut| &path[..cut]).unwrap_or(path)
}

fn wrong_type(pointer: &str, field: &str, instance: &Value, expected: &str) -> Problem {
    let value = value_text(instance);
    let decimal_comma = instance.as_str().is_some_and(|s| {
        let s = s.trim().trim_start_matches('-');
        s.split_once(',').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        })
    });
    if decimal_comma && matches!(expected, "number" | "integer") {
        return Problem {
            pointer: pointer.to_string(),
            at_key: false,
            message: Message::new("err-decimal-comma")
                .arg("field", field)
                .arg("value", &value),
            hint: Message::new("err-decimal-comma-hint").arg("value", value.replace(',', ".")),
        };
    }
    Problem {
        pointer: pointer.to_string(),
        at_key: false,
        message: Message::new("err-wrong-type")
            .arg("field", field)
            .arg("value", &value)
            .arg("expected", expected),
        hint: Message::new("err-wrong-type-hint").arg("expected", expected),
    }
}

/// The located problems of one file of `kind` (`scorecard`, `update`, ...);
/// `line_offset`: lines before the YAML starts (front matter).
pub fn check(path: &Path, text: &str, kind: &str, line_offset: u32) -> Vec<Diagnostic> {
    let tree = match tree(text) {
        Ok(tree) => tree,
        Err(err) => return vec![syntax(path, text, &err, line_offset)],
    };
    let mut found = Vec::new();
    for (pointer, _) in &tree.duplicates {
        found.push(Problem {
            pointer: pointer.clone(),
            at_key: true,
            message: Message::new("err-duplicate-field").arg("field", field_of(pointer)),
            hint: Message::new("err-duplicate-field-hint"),
        });
    }
    if let Some(validator) = validator(kind) {
        for error in validator.iter_errors(&tree.value) {
            problems(&error, &mut found);
        }
    }
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for problem in found {
        let (line, column) = if let Some(at) = tree
            .duplicates
            .iter()
            .find(|(p, _)| *p == problem.pointer && problem.message.id == "err-duplicate-field")
            .map(|(_, at)| *at)
        {
            at
        } else {
            tree.position(&problem.pointer, problem.at_key)
        };
        let diagnostic = Diagnostic::new(
            Severity::Error,
            Location::new(path, line + line_offset, column),
            problem.message,
        )
        .hint(problem.hint);
        if !diagnostics.contains(&diagnostic) {
            diagnostics.push(diagnostic);
        }
    }
    diagnostics.sort_by(|a, b| a.location.cmp(&b.location));
    diagnostics
}

/// A syntax error in plain words, at the line the writer has to change.
fn syntax(path: &Path, text: &str, err: &ScanError, line_offset: u32) -> Diagnostic {
    let lines: Vec<&str> = text.lines().collect();
    let marker = err.marker();
    let (mut line, mut column) = (marker.line().max(1), marker.col() + 1);
    let located =
        |line: usize, column: usize| Location::new(path, line as u32 + line_offset, column as u32);
    // A tab anywhere in the indentation is the cause, wherever the parser
    // noticed it.
    if let Some((number, text)) = lines.iter().enumerate().find(|(_, l)| {
        l.chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    }) {
        let at = text.find('\t').unwrap_or(0);
        return Diagnostic::new(
            Severity::Error,
            located(number + 1, at + 1),
            Message::new("err-tab"),
        )
        .hint(Message::new("err-tab-hint"));
    }
    match err.kind() {
        ErrorKind::MappingValueNotAllowed | ErrorKind::InvalidColonPlacement
            if !is_first_colon(&lines, line, column) =>
        {
            // The text with a colon: the value after the first `: ` on the line.
            let source = lines.get(line - 1).copied().unwrap_or_default();
            if let Some(start) = source.find(": ") {
                column = start + 3;
            }
            Diagnostic::new(
                Severity::Error,
                located(line, column),
                Message::new("err-unquoted-colon"),
            )
            .hint(Message::new("err-unquoted-colon-hint"))
        }
        // `key: value` indented under a line that has a value of its own.
        ErrorKind::MappingValueNotAllowed
        | ErrorKind::InvalidColonPlacement
        | ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::InvalidIndentation
        | ErrorKind::UnexpectedEofBlockMapping
        | ErrorKind::UnexpectedEofBlockSequence => {
            let indent = |l: &str| l.len() - l.trim_start().len();
            let content = |l: &&str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
            // The line out of step: the parser's line, or the last one before it.
            if lines.get(line - 1).is_none_or(|l| !content(l)) {
                line = (1..line)
                    .rev()
                    .find(|n| lines.get(n - 1).is_some_and(content))
                    .unwrap_or(line);
            }
            let here = lines.get(line - 1).copied().unwrap_or_default();
            // The line before it that it should line up with.
            let before = (1..line)
                .rev()
                .find(|n| lines.get(n - 1).is_some_and(content))
                .unwrap_or(line);
            let above = lines.get(before - 1).copied().unwrap_or_default();
            Diagnostic::new(
                Severity::Error,
                located(line, indent(here) + 1),
                Message::new("err-wrong-indentation")
                    .arg("spaces", indent(here))
                    .arg("line", before as u32 + line_offset)
                    .arg("other", indent(above)),
            )
            .hint(
                Message::new("err-wrong-indentation-hint")
                    .arg("line", before as u32 + line_offset)
                    .arg("other", indent(above)),
            )
        }
        ErrorKind::Custom(message) if message == TOO_MANY_REPEATS => Diagnostic::new(
            Severity::Error,
            located(line, column),
            Message::new("err-too-many-repeats"),
        )
        .hint(Message::new("err-too-many-repeats-hint")),
        ErrorKind::BlockEntryInFlowCollection | ErrorKind::BlockSequenceEntryNotAllowed => {
            Diagnostic::new(
                Severity::Error,
                located(line, column),
                Message::new("err-dash-in-brackets"),
            )
            .hint(Message::new("err-dash-in-brackets-hint"))
        }
        ErrorKind::UnclosedQuotedScalar | ErrorKind::UnexpectedEof => Diagnostic::new(
            Severity::Error,
            located(line, column),
            Message::new("err-unclosed-quote"),
        )
        .hint(Message::new("err-unclosed-quote-hint")),
        ErrorKind::UnclosedFlowCollection { .. }
        | ErrorKind::UnexpectedEofFlowSequence
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::MismatchedFlowCollectionEnd { .. }
        | ErrorKind::MisplacedFlowCollectionEnd
        | ErrorKind::ExpectedFlowMappingSeparator
        | ErrorKind::ExpectedFlowSequenceSeparator => Diagnostic::new(
            Severity::Error,
            located(line, column),
            Message::new("err-unclosed-brackets"),
        )
        .hint(Message::new("err-unclosed-brackets-hint")),
        _ => {
            if column == 0 {
                column = 1;
            }
            Diagnostic::new(
                Severity::Error,
                located(line, column),
                Message::new("err-not-readable"),
            )
            .hint(Message::new("err-not-readable-hint"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str, kind: &str) -> Vec<(u32, String, Option<String>)> {
        check(Path::new("f.yaml"), text, kind, 0)
            .into_iter()
            .map(|d| {
                let said = d.said.unwrap();
                (
                    d.location.line,
                    said.message.id.to_string(),
                    said.hint.map(|h| {
                        h.args
                            .iter()
                            .find(|(n, _)| *n == "suggestion")
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default()
                    }),
                )
            })
            .collect()
    }

    #[test]
    fn repeats_cannot_take_all_memory() {
        let mut text = String::from("a: &a [1,1,1,1,1,1,1,1,1,1]\n");
        for (name, before) in [
            ("b", "a"),
            ("c", "b"),
            ("d", "c"),
            ("e", "d"),
            ("f", "e"),
            ("g", "f"),
        ] {
            let refs = vec![format!("*{before}"); 10].join(",");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let found = check(Path::new("x.yaml"), &text, "organisation", 0);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].said.as_ref().unwrap().message.id,
            "err-too-many-repeats"
        );
        // A few repeats are fine.
        assert!(tree("a: &x {b: 1}\nc: *x\n").is_ok());
    }

    #[test]
    fn positions_of_keys_and_values() {
        let tree = tree("a: 1\nb:\n  - x: 2\n    y: [3, 4]\n").unwrap();
        assert_eq!(tree.value["b"][0]["y"][1], 4);
        assert_eq!(tree.position("/b/0/y", true), (4, 5));
        assert_eq!(tree.position("/b/0/y/1", false), (4, 12));
        assert_eq!(tree.value["a"], 1);
        assert_eq!(plain("10,5"), Value::String("10,5".into()));
        assert_eq!(plain("3.5"), serde_json::json!(3.5));
        assert_eq!(plain("2021-07-31"), Value::String("2021-07-31".into()));
    }

    #[test]
    fn four_mistakes_give_four_messages() {
        let risk = "  - theme: a\n    title: x\n    likelihood: 9\n    impact: 1\n    mitigation: m\n    status: green\n";
        let text = format!(
            "organisation: testila\nunit: U\nkind: scorecard\nyear: twenty\nstatus_date: 2024-06-30\nthemes:\n  - id: a\n    title: A\n    goals:\n      - id: g\n        title: G\n        statsu: on-track\n      - id: h\n        title: H\n        status: done\nrisks:\n{risk}"
        );
        let found = ids(&text, "scorecard");
        assert_eq!(
            found,
            vec![
                (4, "err-wrong-type".into(), Some(String::new())),
                (12, "err-unknown-field".into(), Some("status".into())),
                (15, "err-unknown-value".into(), Some("achieved".into())),
                (19, "err-out-of-range".into(), Some(String::new())),
            ],
            "{found:?}"
        );
    }

    #[test]
    fn status_words_of_staff_are_understood() {
        let options = [
            "achieved",
            "on-track",
            "at-risk",
            "not-achieved",
            "not-assessed",
        ];
        assert_eq!(meant("valmis", &options).as_deref(), Some("achieved"));
        assert_eq!(meant("Kesken", &options).as_deref(), Some("on-track"));
        assert_eq!(meant("klar", &options).as_deref(), Some("achieved"));
        assert_eq!(meant("pågår", &options).as_deref(), Some("on-track"));
        assert_eq!(meant("at-rsk", &options).as_deref(), Some("at-risk"));
    }

    #[test]
    fn syntax_mistakes_are_named_at_their_line() {
        let colon = ids("title: Tavoite: parempi palvelu\n", "page");
        assert_eq!(colon[0].0, 1);
        assert_eq!(colon[0].1, "err-unquoted-colon");
        let tab = ids("title: a\nsummary:\n\tb\n", "page");
        assert_eq!((tab[0].0, tab[0].1.as_str()), (3, "err-tab"));
        let comma = ids("title: a\nvalue: 10,5\n", "page");
        assert_eq!(
            comma.iter().filter(|p| p.1 == "err-unknown-field").count(),
            1
        );
        let indentation = ids("organisation: a\nunit: U\n  kind: scorecard\n", "scorecard");
        assert_eq!(indentation[0].1, "err-wrong-indentation", "{indentation:?}");
    }
}
