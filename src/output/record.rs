//! Whether a build would change anything (IO): a fingerprint of everything
//! a build reads (the content, themes and UI strings, the options, this
//! program, and today's date, on which the review-date warning depends) and
//! a record of the files the last build wrote. When the fingerprint is the
//! same and every written file is still there as written (same files, sizes
//! and modification times, nothing added), the build is up to date, as
//! `make` would say; anything else builds as usual.
//!
//! The record lives beside the output folder (`.public.build` for
//! `public/`), so it is never published.

use std::collections::HashMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3Default;

use super::hash;

/// 3: hashes are xxh3, the same for every Rust release (std's
/// `DefaultHasher` is documented as not stable across releases, so after a
/// toolchain update every file looked changed).
const FORMAT: u32 = 3;

/// What the last successful build into a folder wrote.
#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    format: u32,
    fingerprint: u64,
    pub pages: usize,
    pub files: usize,
    /// The warnings that build printed, printed again when nothing is built.
    pub warnings: String,
    /// Path under the output, size, modification time (ns since the epoch)
    /// and the hash of its bytes ([`crate::output::hash`]), sorted by path.
    outputs: Vec<(String, u64, u128, u64)>,
}

/// A file as a build wrote it: its size and modification time, read from
/// the open file just written, and the hash of its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub len: u64,
    pub mtime: u128,
    pub hash: u64,
}

impl Written {
    /// What was written to `file`: `bytes`, and nothing after.
    pub fn of(file: &fs::File, bytes: &[u8]) -> io::Result<Written> {
        let metadata = file.metadata()?;
        Ok(Written {
            len: metadata.len(),
            mtime: mtime(&metadata),
            hash: hash(bytes),
        })
    }
}

/// Add a file's bytes to `hasher`, read a piece at a time so that memory
/// stays small whatever its size; `None` for what is not a regular file (a
/// device or a FIFO would never end).
fn hash_file(path: &Path, hasher: &mut Xxh3Default) -> Option<()> {
    let metadata = fs::metadata(path).ok()?;
    if !metadata.is_file() {
        return None;
    }
    metadata.len().hash(hasher);
    let mut file = fs::File::open(path).ok()?.take(metadata.len());
    let mut buffer = vec![0; 64 * 1024];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return Some(()),
            Ok(n) => hasher.update(&buffer[..n]),
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// The fingerprint of a build's inputs, or `None` when one cannot be read
/// (the build then reports the problem itself).
pub fn inputs(root: &Path, out: &Path, base_url: Option<&str>, drafts: bool) -> Option<u64> {
    let mut hasher = Xxh3Default::new();
    FORMAT.hash(&mut hasher);
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    let program = fs::metadata(std::env::current_exe().ok()?).ok()?;
    program.len().hash(&mut hasher);
    mtime(&program).hash(&mut hasher);
    base_url.hash(&mut hasher);
    drafts.hash(&mut hasher);
    fs::canonicalize(root).ok()?.hash(&mut hasher);
    std::path::absolute(out).ok()?.hash(&mut hasher);
    let today = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs() / 86_400;
    today.hash(&mut hasher);
    for folder in ["content", "themes", "i18n"] {
        let mut files = Vec::new();
        walk(&root.join(folder), &mut files).ok()?;
        files.sort();
        for file in files {
            file.hash(&mut hasher);
            hash_file(&file, &mut hasher)?;
        }
    }
    Some(hasher.finish())
}

/// Where the record of builds into `out` is kept.
pub fn record_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.build"))
}

/// Whether an intact output's build had these inputs.
pub fn up_to_date_with(record: &Record, fingerprint: u64) -> bool {
    record.fingerprint == fingerprint
}

/// The record of the last build into `out`, if its output is untouched:
/// every file there as that build wrote it, and no other.
pub fn intact(out: &Path) -> Option<Record> {
    let bytes = fs::read(record_path(out)).ok()?;
    let record: Record = serde_json::from_slice(&bytes).ok()?;
    if record.format != FORMAT {
        return None;
    }
    let mut found = Vec::with_capacity(record.outputs.len());
    outputs(out, out, &mut found).ok()?;
    found.sort();
    let same = found.len() == record.outputs.len()
        && found
            .iter()
            .zip(&record.outputs)
            .all(|(f, r)| f.0 == r.0 && f.1 == r.1 && f.2 == r.2);
    same.then_some(record)
}

impl Record {
    /// Every file of the output as written, by path.
    pub fn into_written(self) -> HashMap<String, Written> {
        self.outputs
            .into_iter()
            .map(|(path, len, mtime, hash)| (path, Written { len, mtime, hash }))
            .collect()
    }
}

/// Remember what a build into `out` wrote (every file now there, as the
/// build noted it while writing: no walk over a million files at the end);
/// without a record the next build simply builds.
pub fn remember(
    out: &Path,
    fingerprint: u64,
    pages: usize,
    files: usize,
    warnings: String,
    written: HashMap<String, Written>,
) {
    let mut outputs: Vec<_> = written
        .into_iter()
        .map(|(path, w)| (path, w.len, w.mtime, w.hash))
        .collect();
    outputs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let record = Record {
        format: FORMAT,
        fingerprint,
        pages,
        files,
        warnings,
        outputs,
    };
    let path = record_path(out);
    let temporary = path.with_extension("build-new");
    let written = serde_json::to_vec(&record)
        .map_err(io::Error::other)
        .and_then(|bytes| fs::write(&temporary, bytes))
        .and_then(|()| fs::rename(&temporary, &path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
        let _ = fs::remove_file(&path);
    }
}

/// Forget the record, so that the next build into `out` builds.
pub fn forget(out: &Path) {
    let _ = fs::remove_file(record_path(out));
}

/// A file's modification time, in nanoseconds since the epoch (0 if unknown).
pub(crate) fn mtime(metadata: &fs::Metadata) -> u128 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), files)?;
        } else {
            files.push(entry.path());
        }
    }
    Ok(())
}

fn outputs(base: &Path, dir: &Path, found: &mut Vec<(String, u64, u128)>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            outputs(base, &path, found)?;
        } else {
            let metadata = entry.metadata()?;
            let relative = path
                .strip_prefix(base)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            found.push((relative, metadata.len(), mtime(&metadata)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up_to_date(out: &Path, fingerprint: u64) -> Option<Record> {
        intact(out).filter(|record| up_to_date_with(record, fingerprint))
    }

    #[test]
    fn a_build_is_up_to_date_only_while_inputs_and_output_stay_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content")).unwrap();
        fs::write(root.join("content/site.yaml"), "title: A\n").unwrap();
        let out = root.join("public");
        fs::create_dir_all(out.join("fi")).unwrap();
        fs::write(out.join("fi/index.html"), "<p>A</p>").unwrap();
        let fingerprint = inputs(root, &out, None, false).unwrap();
        assert_eq!(
            inputs(root, &out, None, false),
            Some(fingerprint),
            "the same inputs"
        );
        assert_ne!(
            inputs(root, &out, Some("https://x.fi/"), false),
            Some(fingerprint)
        );
        assert_ne!(inputs(root, &out, None, true), Some(fingerprint), "drafts");
        assert!(up_to_date(&out, fingerprint).is_none(), "no record yet");
        let page = fs::File::open(out.join("fi/index.html")).unwrap();
        let written = Written::of(&page, b"<p>A</p>").unwrap();
        remember(
            &out,
            fingerprint,
            1,
            1,
            String::new(),
            HashMap::from([("fi/index.html".to_string(), written)]),
        );
        assert_eq!(
            intact(&out).unwrap().into_written()["fi/index.html"].hash,
            hash(b"<p>A</p>")
        );
        assert!(up_to_date(&out, fingerprint).is_some());

        // An edited input changes the fingerprint.
        fs::write(root.join("content/site.yaml"), "title: B\n").unwrap();
        assert_ne!(inputs(root, &out, None, false), Some(fingerprint));
        // A file added to, changed in or removed from the output: not up to date.
        fs::write(out.join("extra.html"), "x").unwrap();
        assert!(up_to_date(&out, fingerprint).is_none());
        fs::remove_file(out.join("extra.html")).unwrap();
        assert!(up_to_date(&out, fingerprint).is_some());
        fs::write(out.join("fi/index.html"), "<p>AB</p>").unwrap();
        assert!(up_to_date(&out, fingerprint).is_none());
        fs::remove_file(out.join("fi/index.html")).unwrap();
        assert!(up_to_date(&out, fingerprint).is_none());
        forget(&out);
        assert!(!record_path(&out).exists());
    }
}
