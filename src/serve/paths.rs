//! Request paths to files, inside the output folder only. Every decision is
//! made on decoded path segments, then checked again on the real file system
//! (a symlink may point anywhere).

use std::fs;
use std::path::{Path, PathBuf};

/// What a request path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A regular file inside the output folder.
    File(PathBuf),
    /// A folder asked for without its trailing slash: send the browser here.
    Redirect(String),
    NotFound,
}

/// Split a request target into its decoded path segments, or refuse it.
/// The target's query and fragment are ignored. Refused: anything not
/// starting with `/`, backslashes, `.` and `..` segments (also encoded),
/// encoded `/` or `\`, NUL and other control characters, empty segments
/// (`//`), hidden names (`.well-known`, temporary files), invalid UTF-8 and
/// malformed percent escapes.
pub fn segments(target: &str) -> Option<(Vec<String>, bool)> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix('/')?;
    if rest.is_empty() {
        return Some((Vec::new(), true));
    }
    let trailing_slash = rest.ends_with('/');
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut out = Vec::new();
    for raw in rest.split('/') {
        if raw.contains('\\') {
            return None;
        }
        let decoded = String::from_utf8(percent_decode(raw)?).ok()?;
        let refused = decoded.is_empty()
            || decoded.starts_with('.')
            || decoded.contains(['/', '\\', ':'])
            || decoded.chars().any(char::is_control);
        if refused {
            return None;
        }
        out.push(decoded);
    }
    Some((out, trailing_slash))
}

fn percent_decode(raw: &str) -> Option<Vec<u8>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Resolve a request target inside `root`, which must be canonical (see
/// [`fs::canonicalize`]). Folders are served by their `index.html`; there
/// are no listings.
pub fn resolve(root: &Path, target: &str) -> Resolved {
    let Some((segments, trailing_slash)) = segments(target) else {
        return Resolved::NotFound;
    };
    let mut candidate = root.to_path_buf();
    candidate.extend(&segments);
    let Ok(metadata) = fs::metadata(&candidate) else {
        return Resolved::NotFound;
    };
    let file = if metadata.is_dir() {
        if !trailing_slash {
            let path = target.split(['?', '#']).next().unwrap_or("/");
            return Resolved::Redirect(format!("{path}/"));
        }
        candidate.join("index.html")
    } else if trailing_slash {
        return Resolved::NotFound;
    } else {
        candidate
    };
    match inside(root, &file) {
        Some(file) => Resolved::File(file),
        None => Resolved::NotFound,
    }
}

/// The file's real path, when it is a regular file under `root` (after
/// following every symlink).
pub fn inside(root: &Path, file: &Path) -> Option<PathBuf> {
    let real = fs::canonicalize(file).ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

/// The `Content-Type` of a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if name == "atom.xml" => "application/atom+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/vnd.microsoft.icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("public");
        fs::create_dir_all(root.join("fi/espoo")).unwrap();
        fs::write(root.join("index.html"), "root").unwrap();
        fs::write(root.join("fi/index.html"), "fi").unwrap();
        fs::write(root.join("fi/espoo/index.html"), "espoo").unwrap();
        fs::create_dir_all(root.join("empty")).unwrap();
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        let root = fs::canonicalize(root).unwrap();
        (dir, root)
    }

    #[test]
    fn folders_and_files() {
        let (_dir, root) = site();
        assert_eq!(resolve(&root, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/fi/?q=1"),
            Resolved::File(root.join("fi/index.html"))
        );
        assert_eq!(resolve(&root, "/fi"), Resolved::Redirect("/fi/".into()));
        assert_eq!(
            resolve(&root, "/fi/espoo?x#y"),
            Resolved::Redirect("/fi/espoo/".into())
        );
        assert_eq!(
            resolve(&root, "/fi/index.html"),
            Resolved::File(root.join("fi/index.html"))
        );
        assert_eq!(resolve(&root, "/fi/index.html/"), Resolved::NotFound);
        // A folder without index.html is not listed.
        assert_eq!(resolve(&root, "/empty/"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/nothing/"), Resolved::NotFound);
    }

    #[test]
    fn nothing_outside_the_folder() {
        let (_dir, root) = site();
        for target in [
            "/../secret.txt",
            "/fi/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/.%2e/secret.txt",
            "/fi/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/..\\secret.txt",
            "/fi/..%00/secret.txt",
            "/%00",
            "//secret.txt",
            "secret.txt",
            "http://example.fi/../secret.txt",
            "/C:/secret.txt",
            "/%c0%ae%c0%ae/secret.txt",
            "/%2",
            "/%zz",
            "/fi/./index.html",
        ] {
            assert_eq!(resolve(&root, target), Resolved::NotFound, "{target}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_folder_are_not_followed() {
        let (dir, root) = site();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), root.join("up")).unwrap();
        std::os::unix::fs::symlink(root.join("fi/index.html"), root.join("inside.html")).unwrap();
        assert_eq!(resolve(&root, "/link.txt"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/up/secret.txt"), Resolved::NotFound);
        assert_eq!(
            resolve(&root, "/inside.html"),
            Resolved::File(root.join("fi/index.html"))
        );
    }

    #[test]
    fn content_types() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("assets/style.0123456789.css")),
            "text/css; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("fi/updates/atom.xml")),
            "application/atom+xml"
        );
        assert_eq!(content_type(Path::new("sitemap.xml")), "application/xml");
        assert_eq!(content_type(Path::new("data/a.json")), "application/json");
        assert_eq!(content_type(Path::new("x")), "application/octet-stream");
    }
}
