//! Reading `content/` from disk: the only IO of the content stage.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Location, Message, Severity};

fn error(at: Location, message: Message, hint: Message) -> Diagnostic {
    Diagnostic::new(Severity::Error, at, message).hint(hint)
}

/// Files larger than this are refused rather than read.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Site,
    Metrics,
    Networks,
    Organisation { stem: String },
    Scorecard { folder: String, stem: String },
    Post { stem: String, lang: String },
    Page { stem: String, lang: String },
}

/// One content file's text; `path` is relative to the site root.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub kind: FileKind,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct ContentFiles {
    pub files: Vec<SourceFile>,
    /// Problems found while reading that do not stop the build.
    pub warnings: Diagnostics,
}

/// Read every content file under `root/content`, in a stable order.
pub fn read_content(root: &Path) -> Result<ContentFiles, Diagnostics> {
    let content = root.join("content");
    let mut diagnostics = Diagnostics::default();
    let mut paths = Vec::new();
    if let Err(err) = walk(&content, &mut paths) {
        diagnostics.push(error(
            Location::file("content"),
            Message::new("err-no-content-folder")
                .arg("folder", content.display())
                .arg("reason", err),
            Message::new("err-no-content-folder-hint"),
        ));
        return Err(diagnostics);
    }
    paths.sort();
    let mut files = ContentFiles::default();
    for absolute in paths {
        let relative = absolute
            .strip_prefix(root)
            .unwrap_or(&absolute)
            .to_path_buf();
        let Some(kind) = classify(&relative) else {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    Location::file(&relative),
                    Message::new("err-not-content"),
                )
                .hint(Message::new("err-not-content-hint")),
            );
            continue;
        };
        if !within(root, &absolute) {
            diagnostics.push(outside(&relative));
            continue;
        }
        match read_text(&absolute, &relative) {
            Ok(text) => files.files.push(SourceFile {
                path: relative,
                kind,
                text,
            }),
            Err(d) => diagnostics.push(d),
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    files.warnings = diagnostics;
    Ok(files)
}

/// The languages `content/site.yaml` lists, as far as they can be read
/// (IO; empty when the file is missing or broken), for the messages that
/// report why the site could not be read.
pub fn site_languages(root: &Path) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Languages {
        #[serde(default)]
        languages: Vec<String>,
    }
    fs::read_to_string(root.join("content/site.yaml"))
        .ok()
        .and_then(|text| {
            let options = serde_saphyr::options! { with_snippet: false };
            serde_saphyr::from_str_with_options::<Languages>(&text, options).ok()
        })
        .map(|site| site.languages)
        .unwrap_or_default()
}

/// Whether `path`, a file found under `root`, is still inside `root` once
/// links are followed (a file that cannot be resolved is left for its read
/// to report).
pub fn within(root: &Path, path: &Path) -> bool {
    match (fs::canonicalize(root), fs::canonicalize(path)) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => true,
    }
}

/// The error for a link that leads out of the project: nothing of what it
/// points to is read, published or shown.
pub fn outside(relative: &Path) -> Diagnostic {
    error(
        Location::file(relative),
        Message::new("err-link-outside"),
        Message::new("err-link-outside-hint"),
    )
}

/// One content file (`relative` to `root`), read as [`read_content`] reads
/// it; `Ok(None)` when it does not exist.
pub fn read_file(root: &Path, relative: &Path) -> Result<Option<SourceFile>, Diagnostic> {
    let kind = classify(relative).ok_or_else(|| {
        Diagnostic::new(
            Severity::Warning,
            Location::file(relative),
            Message::new("err-not-content"),
        )
        .hint(Message::new("err-not-content-hint"))
    })?;
    if !within(root, &root.join(relative)) {
        return Err(outside(relative));
    }
    match read_text(&root.join(relative), relative) {
        Ok(text) => Ok(Some(SourceFile {
            path: relative.to_path_buf(),
            kind,
            text,
        })),
        Err(_) if !root.join(relative).exists() => Ok(None),
        Err(d) => Err(d),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Editor backups and hidden files are not content.
        if name.starts_with('.') || name.ends_with('~') || name.starts_with('#') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// What a path under `content/` holds, from its place and name.
pub fn classify(relative: &Path) -> Option<FileKind> {
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let strip = |name: &str, ext: &str| name.strip_suffix(ext).map(str::to_string);
    match parts.as_slice() {
        ["content", "site.yaml"] => Some(FileKind::Site),
        ["content", "metrics.yaml"] => Some(FileKind::Metrics),
        ["content", "networks.yaml"] => Some(FileKind::Networks),
        ["content", "organisations", name] => {
            strip(name, ".yaml").map(|stem| FileKind::Organisation { stem })
        }
        ["content", "scorecards", folder, name] => {
            strip(name, ".yaml").map(|stem| FileKind::Scorecard {
                folder: folder.to_string(),
                stem,
            })
        }
        ["content", "updates", name] => {
            split_lang(name).map(|(stem, lang)| FileKind::Post { stem, lang })
        }
        ["content", "pages", name] => {
            split_lang(name).map(|(stem, lang)| FileKind::Page { stem, lang })
        }
        _ => None,
    }
}

/// `slug.fi.md` -> (`slug`, `fi`)
fn split_lang(name: &str) -> Option<(String, String)> {
    let base = name.strip_suffix(".md")?;
    let (stem, lang) = base.rsplit_once('.')?;
    Some((stem.to_string(), lang.to_string()))
}

/// A content file's text: without a byte-order mark, with `\n` line ends.
/// Its size is checked before it is read, and only a regular file is read.
fn read_text(absolute: &Path, relative: &Path) -> Result<String, Diagnostic> {
    let cannot_read = |err: std::io::Error| {
        error(
            Location::file(relative),
            Message::new("err-cannot-read").arg("reason", err),
            Message::new("err-cannot-read-hint"),
        )
    };
    let metadata = fs::metadata(absolute).map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(error(
            Location::file(relative),
            Message::new("err-not-a-file"),
            Message::new("err-not-content-hint"),
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(error(
            Location::file(relative),
            Message::new("err-too-large")
                .arg("bytes", metadata.len())
                .arg("limit", MAX_FILE_BYTES),
            Message::new("err-too-large-hint"),
        ));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    fs::File::open(absolute)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(error(
            Location::file(relative),
            Message::new("err-too-large")
                .arg("bytes", bytes.len())
                .arg("limit", MAX_FILE_BYTES),
            Message::new("err-too-large-hint"),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.replace("\r\n", "\n")),
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count() as u32
                + 1;
            Err(error(
                Location::new(relative, line, column),
                Message::new("err-not-utf8"),
                Message::new("err-not-utf8-hint"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A huge file and a device are refused with a located error, without
    /// reading them (a sparse 3 GB file takes no room and no time to make).
    #[test]
    fn huge_and_special_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let pages = dir.path().join("content/pages");
        fs::create_dir_all(&pages).unwrap();
        let huge = fs::File::create(pages.join("iso.fi.md")).unwrap();
        huge.set_len(3 << 30).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("/dev/zero", pages.join("nolla.fi.md")).unwrap();
        // A pipe inside the project: not a regular file, never opened.
        #[cfg(unix)]
        assert!(
            std::process::Command::new("mkfifo")
                .arg(pages.join("putki.fi.md"))
                .status()
                .unwrap()
                .success()
        );
        let found = read_content(dir.path()).unwrap_err();
        // Each file with its message (put into words at the edge).
        let said = |file: &str| {
            found
                .iter()
                .find(|d| d.location == Location::file(file))
                .and_then(|d| d.said.as_ref())
                .map(|said| said.message.clone())
                .unwrap_or_else(|| panic!("{file}: {found:?}"))
        };
        #[cfg(unix)]
        assert_eq!(said("content/pages/putki.fi.md").id, "err-not-a-file");
        let huge = said("content/pages/iso.fi.md");
        assert_eq!(huge.id, "err-too-large");
        assert!(huge.args.contains(&("bytes", "3221225472".to_string())));
        // A link to a device is a link out of the project, refused unread.
        #[cfg(unix)]
        assert_eq!(said("content/pages/nolla.fi.md").id, "err-link-outside");
    }
}
