//! Located problems in content files, collected rather than returned at the first.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a content file; `path` is relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: u32, column: u32) -> Self {
        Location {
            path: path.into(),
            line,
            column,
        }
    }

    /// The whole file, when no finer position is known.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location::new(path, 1, 1)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}",
            self.path.display().to_string().replace('\\', "/"),
            self.line,
            self.column
        )
    }
}

/// A message as a UI string: its id (in `i18n/<lang>/errors.ftl`) and its
/// arguments, put into words in the reader's language at the edge
/// ([`Diagnostics::localize`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Message {
        self.args.push((name, value.to_string()));
        self
    }
}

/// Puts a [`Message`] into words in one language; `None` when it has none.
pub type Wording<'a> = dyn Fn(&Message) -> Option<String> + 'a;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    /// The words, as last put by [`Diagnostic::localize`] (or given so).
    pub message: String,
    pub hint: Option<String>,
    /// The offending source line, for the excerpt under the message.
    pub source_line: Option<String>,
    /// The message and hint as UI strings, kept so that each reader gets
    /// them in their own language.
    pub said: Option<Box<Said>>,
}

/// What a [`Diagnostic`] says, as UI strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub message: Message,
    pub hint: Option<Message>,
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location,
            message: message.into(),
            hint: None,
            source_line: None,
            said: None,
        }
    }

    /// A problem said by a UI string; its words come with [`Diagnostic::localize`].
    pub fn new(severity: Severity, location: Location, message: Message) -> Self {
        Diagnostic {
            severity,
            message: message.id.to_string(),
            said: Some(Box::new(Said {
                message,
                hint: None,
            })),
            ..Diagnostic::error(location, "")
        }
    }

    /// A hint said by a UI string.
    pub fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint.id.to_string());
        match &mut self.said {
            Some(said) => said.hint = Some(hint),
            None => {
                self.said = Some(Box::new(Said {
                    message: Message::new(""),
                    hint: Some(hint),
                }))
            }
        }
        self
    }

    /// Put the message and hint into the words of `wording`, where it has them.
    pub fn localize(&mut self, wording: &Wording) {
        let Some(said) = &self.said else { return };
        if let Some(text) = wording(&said.message) {
            self.message = text;
        }
        if let Some(text) = said.hint.as_ref().and_then(wording) {
            self.hint = Some(text);
        }
    }

    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(location, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The first line: `path:line:column: error: message`.
    pub fn headline(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!("{}: {kind}: {}", self.location, self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        if let Some(line) = &self.source_line {
            let number = self.location.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = line
                .chars()
                .take(self.location.column.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n{pad} |\n{number} | {line}\n{pad} | {caret_pad}^")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// All problems found in one run, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

/// A problem on its own, as the list that functions report.
impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Diagnostics {
        let mut all = Diagnostics::default();
        all.push(diagnostic);
        all
    }
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn error(&mut self, location: Location, message: impl Into<String>) {
        self.push(Diagnostic::error(location, message));
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file and position, so reports are stable between runs.
    pub fn sorted(mut self) -> Self {
        self.items.sort_by(|a, b| {
            (&a.location, a.severity, &a.message).cmp(&(&b.location, b.severity, &b.message))
        });
        self.items.dedup();
        self
    }

    /// Every message and hint in the words of `wording` (one language).
    pub fn localize(&mut self, wording: &Wording) {
        for d in &mut self.items {
            d.localize(wording);
        }
    }

    /// Warnings as errors (`build --strict`).
    pub fn warnings_as_errors(mut self) -> Self {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
        self
    }

    /// Attach the source line of each diagnostic that points into `path`.
    pub fn attach_source(&mut self, path: &Path, source: &str) {
        let lines: Vec<&str> = source.lines().collect();
        for d in self.items.iter_mut().filter(|d| d.location.path == path) {
            if let Some(line) = lines.get(d.location.line.saturating_sub(1) as usize) {
                d.source_line = Some(line.trim_end().to_string());
            }
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.items {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Closest candidate by edit distance, for "did you mean" hints.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 2).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        let fields = ["status", "title", "follow_up"];
        assert_eq!(closest("statsu", fields), Some("status"));
        assert_eq!(closest("folow_up", fields), Some("follow_up"));
        assert_eq!(closest("zzzzzzzz", fields), None);
    }

    #[test]
    fn renders_location_and_excerpt() {
        let mut all = Diagnostics::default();
        all.push(
            Diagnostic::error(Location::new("content/a.yaml", 2, 3), "bad")
                .with_hint("did you mean `x`?"),
        );
        all.attach_source(Path::new("content/a.yaml"), "one\n  two\n");
        let text = all.to_string();
        assert!(text.starts_with("content/a.yaml:2:3: error: bad"));
        assert!(text.contains("2 |   two"));
        assert!(text.contains("hint: did you mean `x`?"));
    }
}
