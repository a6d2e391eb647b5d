//! Writing the built site: all or nothing. Pages go to a fresh folder beside
//! the output, which then replaces the old one, so a failed build never
//! leaves a half-written site and a reader never sees half a page.

use crate::diagnostics::Message;
use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub mod record;

use record::Written;

/// One file of the built site: path relative to the output root, and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The one hash of the crate: xxh3, fast, and the same on every platform
/// and Rust release (the build record keeps these across builds).
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A short name from a file's bytes, for names that change when the file
/// does and so can be cached for ever (`style.<hash>.css`, search files).
pub fn hash_name(bytes: &[u8]) -> String {
    format!("{:010x}", hash(bytes) & 0xff_ffff_ffff)
}

/// Whether a build may write into `out`: it is absent or empty, or an
/// earlier build's output (it holds the dataset every build writes, or the
/// record of a build is beside it); and it is neither the project folder,
/// nor holds it, nor lies inside `content/`, `themes/` or `i18n/`. A build
/// replaces the folder's contents, so anything else would be lost.
pub fn check_out(root: &Path, out: &Path) -> Result<(), Message> {
    let root = real(root);
    let out = real(out);
    let path = out.display().to_string();
    if root.starts_with(&out) {
        return Err(Message::new("err-out-is-project").arg("path", path));
    }
    if let Some(folder) = ["content", "themes", "i18n"]
        .iter()
        .find(|f| out.starts_with(root.join(f)))
    {
        return Err(Message::new("err-out-inside")
            .arg("path", path)
            .arg("folder", folder));
    }
    let empty = match fs::read_dir(&out) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => {
            return Err(Message::new("err-out-unreadable")
                .arg("path", path)
                .arg("reason", err));
        }
        Ok(mut entries) => entries.next().is_none(),
    };
    if empty || is_ours(&out) {
        Ok(())
    } else {
        Err(Message::new("err-out-foreign").arg("path", path))
    }
}

/// Whether `out` holds a build's output: its dataset, which every build
/// writes whatever the theme, or the record of a build beside it.
pub fn is_ours(out: &Path) -> bool {
    let mut head = [0u8; 64];
    let dataset = fs::File::open(out.join(crate::urls::DATASET))
        .and_then(|mut file| io::Read::read(&mut file, &mut head));
    let signed = dataset.is_ok_and(|n| {
        String::from_utf8_lossy(&head[..n])
            .replace([' ', '\n'], "")
            .starts_with("{\"format\":\"tuloskortti-dataset\"")
    });
    signed || record::record_path(out).is_file()
}

/// `path` made absolute, with its existing part resolved (links, `..`).
fn real(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(resolved) = existing.canonicalize() {
            return rest.iter().rev().fold(resolved, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// A new site being written beside `out`, file by file, in as many batches
/// as the build likes (so that no build holds all its pages in memory). It
/// replaces `out` only on `commit`; dropped before that, it is removed and
/// `out` stays as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    retired: PathBuf,
    committed: bool,
    written: HashMap<String, Written>,
}

impl Staging {
    pub fn create(out: &Path) -> io::Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        clean_up_after_crashes(parent, &name, out)?;
        let dir = parent.join(format!(".{name}.new-{}", std::process::id()));
        let retired = parent.join(format!(".{name}.old-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            retired,
            committed: false,
            written: HashMap::new(),
        })
    }

    /// Write a batch of files, in parallel (IO), noting each one as
    /// [`Written`]. Each file's memory is freed on a worker thread, as it
    /// was allocated (pages render on the worker threads), which the
    /// allocator's per-thread arenas reuse best.
    pub fn write(&mut self, files: Vec<OutputFile>) -> io::Result<()> {
        let written = last_of_each(files)
            .into_par_iter()
            .map(|file| {
                let path = safe_join(&self.dir, &file.path)?;
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir)?;
                }
                Ok((file.path, write_noting(&path, &file.bytes)?))
            })
            .collect::<io::Result<Vec<_>>>()?;
        self.written.extend(written);
        Ok(())
    }

    /// Put the new site in the place of the old one. Where the system can
    /// (Linux's `renameat2` with `RENAME_EXCHANGE`), the two folders trade
    /// places in one step, so there is never a moment without a site, nor a
    /// crash that leaves none; then the old one, now under the staging
    /// name, is removed. Elsewhere two renames, so the old site stays whole
    /// until the new one is complete (a crash between them is put right by
    /// the next build). Returns every file written.
    pub fn commit(mut self) -> io::Result<HashMap<String, Written>> {
        let had_old = self.out.exists();
        if had_old && exchange(&self.dir, &self.out)? {
            self.committed = true;
            fs::remove_dir_all(&self.dir)?;
            return Ok(std::mem::take(&mut self.written));
        }
        if had_old {
            fs::rename(&self.out, &self.retired)?;
        }
        if let Err(err) = fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = fs::rename(&self.retired, &self.out);
            }
            return Err(err);
        }
        self.committed = true;
        if had_old {
            fs::remove_dir_all(&self.retired)?;
        }
        Ok(std::mem::take(&mut self.written))
    }
}

/// Swap two folders in one step; false where the system or the file system
/// cannot (nothing happened then).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL in a path"))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated strings that live through the
    // call; renameat2 reads them and keeps no pointer.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        return Ok(true);
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        // Not supported by this kernel or file system: use two renames.
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Ok(false),
        _ => Err(err),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// What a build that was killed left beside `out`: a half-written
/// `.<name>.new-<pid>` (removed), and, if it died between the two renames
/// of its commit, the complete old site as `.<name>.old-<pid>` with no
/// `out` (put back, so the folder holds a whole site again; otherwise
/// removed). Only folders of processes that no longer run are touched.
fn clean_up_after_crashes(parent: &Path, name: &str, out: &Path) -> io::Result<()> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<(PathBuf, bool)> = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else {
            continue;
        };
        let (kind, pid) = match rest.split_once('-') {
            Some((kind @ ("new" | "old"), pid)) => (kind, pid),
            _ => continue,
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid == std::process::id() || process_runs(pid) {
            continue;
        }
        leftovers.push((entry.path(), kind == "old"));
    }
    leftovers.sort();
    for (path, old) in leftovers {
        if old && !out.exists() {
            fs::rename(&path, out)?;
        } else {
            fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

/// Whether a process of this id runs (on Linux, where /proc says so;
/// elsewhere every process is taken to run, and nothing is removed).
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// A folder of built files written in place: each changed file through a
/// temporary file and a rename (a reader sees the old file or the new one,
/// never half of one), files no longer built removed with the folders they
/// leave empty. It knows what the folder holds (path, size, time and hash of
/// each file), so a file whose bytes are the same is not written again.
///
/// A build gives it the last build's record and [`InPlace::add`]s every
/// batch, keeping the changed files in memory until every page has rendered
/// (up to a budget past which the build starts afresh), then
/// [`InPlace::commit`]s. The preview server keeps one for its folder and
/// [`InPlace::write`]s and [`InPlace::remove`]s as each edit needs.
pub struct InPlace {
    out: PathBuf,
    /// Every file in `out`, as written.
    known: HashMap<String, Written>,
    changed: Vec<OutputFile>,
    changed_bytes: usize,
    /// The files added whose bytes are as in `out`.
    unchanged: HashMap<String, Written>,
}

impl InPlace {
    /// `known`: every file now in `out`, as the last build wrote it.
    pub fn new(out: &Path, known: HashMap<String, Written>) -> InPlace {
        InPlace {
            out: out.to_path_buf(),
            known,
            changed: Vec::new(),
            changed_bytes: 0,
            unchanged: HashMap::new(),
        }
    }

    /// What `out` holds, read from the disk (each file read once, to hash
    /// it): for a folder of which no record is kept.
    pub fn scan(out: &Path) -> io::Result<InPlace> {
        let mut paths = Vec::new();
        files_under(out, out, &mut paths)?;
        let known = paths
            .into_par_iter()
            .map(|relative| {
                let file = fs::File::open(out.join(&relative))?;
                let mut bytes = Vec::new();
                io::Read::read_to_end(&mut &file, &mut bytes)?;
                Ok((relative, Written::of(&file, &bytes)?))
            })
            .collect::<io::Result<HashMap<_, _>>>()?;
        Ok(InPlace::new(out, known))
    }

    /// Keep the files of a batch that differ from the output; false when
    /// more than `budget` bytes have changed.
    pub fn add(&mut self, files: Vec<OutputFile>, budget: usize) -> bool {
        for (file, hash) in hashed(files) {
            match self.known.get(&file.path) {
                Some(old) if old.hash == hash => {
                    self.unchanged.insert(file.path, *old);
                }
                _ => {
                    self.changed_bytes += file.bytes.len();
                    self.changed.push(file);
                }
            }
        }
        self.changed_bytes <= budget
    }

    /// Write the changed files of every batch added, remove those no longer
    /// built; how many changed, and every file built.
    pub fn commit(mut self) -> io::Result<(usize, HashMap<String, Written>)> {
        let changed = std::mem::take(&mut self.changed);
        let mut built: std::collections::HashSet<String> = self.unchanged.keys().cloned().collect();
        built.extend(changed.iter().map(|f| f.path.clone()));
        let count = self.write(changed)?;
        self.retain(|path| built.contains(path))?;
        Ok((count, self.known))
    }

    /// Write the files whose bytes differ from the folder's now; how many.
    pub fn write(&mut self, files: Vec<OutputFile>) -> io::Result<usize> {
        let changed: Vec<OutputFile> = hashed(last_of_each(files))
            .into_iter()
            .filter(|(file, hash)| {
                self.known
                    .get(&file.path)
                    .is_none_or(|old| old.hash != *hash)
            })
            .map(|(file, _)| file)
            .collect();
        let written = changed
            .into_par_iter()
            .map(|file| {
                let noted = replace_file(&safe_join(&self.out, &file.path)?, &file.bytes)?;
                Ok((file.path, noted))
            })
            .collect::<io::Result<Vec<_>>>()?;
        let count = written.len();
        self.known.extend(written);
        Ok(count)
    }

    /// Remove these files (those the folder holds), and the folders they
    /// leave empty; how many.
    pub fn remove<'a>(&mut self, paths: impl IntoIterator<Item = &'a str>) -> io::Result<usize> {
        let mut removed = 0;
        for path in paths {
            if self.known.remove(path).is_none() {
                continue;
            }
            let path = safe_join(&self.out, path)?;
            match fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => return Err(err),
            }
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != self.out) {
                if fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        Ok(removed)
    }

    /// Remove every file for which `keep` says false; how many.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) -> io::Result<usize> {
        let stale: Vec<String> = self.known.keys().filter(|p| !keep(p)).cloned().collect();
        self.remove(stale.iter().map(String::as_str))
    }
}

/// Each file with the hash of its bytes (in parallel).
fn hashed(files: Vec<OutputFile>) -> Vec<(OutputFile, u64)> {
    files
        .into_par_iter()
        .map(|f| {
            let hash = hash(&f.bytes);
            (f, hash)
        })
        .collect()
}

/// Files under `dir`, as paths relative to `base` with `/`.
fn files_under(base: &Path, dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            files_under(base, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(base) {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// The files of a batch with only the last of any path that comes more than
/// once (the search index names its files by their bytes, so one file can
/// come twice). Two threads writing one path at once would leave it unsure
/// which write the record noted: the same bytes, but not the same time.
fn last_of_each(files: Vec<OutputFile>) -> Vec<OutputFile> {
    let keep: std::collections::HashSet<usize> = {
        let mut last = HashMap::with_capacity(files.len());
        for (i, file) in files.iter().enumerate() {
            last.insert(file.path.as_str(), i);
        }
        if last.len() == files.len() {
            return files;
        }
        last.into_values().collect()
    };
    files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, file)| file)
        .collect()
}

/// Write `bytes` into a new file at `path`, noting what was written.
fn write_noting(path: &Path, bytes: &[u8]) -> io::Result<Written> {
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    Written::of(&file, bytes)
}

/// Write a file through a temporary file and a rename, so that a reader
/// sees the old file or the new one, never half of it.
fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<Written> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let written = write_noting(&temporary, bytes)?;
    fs::rename(&temporary, path)?;
    Ok(written)
}

/// Join a relative output path, refusing anything that would leave `base`.
fn safe_join(base: &Path, relative: &str) -> io::Result<PathBuf> {
    let mut path = base.to_path_buf();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("output path leaves the folder: {relative}"),
                ));
            }
            part => path.push(part),
        }
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_xxh3_and_does_not_change() {
        // The build record keeps these across builds and toolchains: a
        // different hash would make every file of the last build look changed.
        assert_eq!(hash(b""), 0x2d06800538d394c2);
        assert_eq!(hash_name(b""), "0538d394c2");
    }

    fn file(path: &str, bytes: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: bytes.as_bytes().to_vec(),
        }
    }

    /// A whole site into a fresh folder that replaces `out`.
    fn write_site_atomically(out: &Path, files: &[OutputFile]) -> io::Result<()> {
        let mut staging = Staging::create(out)?;
        staging.write(files.to_vec())?;
        staging.commit().map(drop)
    }

    #[test]
    fn replaces_the_whole_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site_atomically(&out, &[file("a/index.html", "one"), file("old.html", "x")]).unwrap();
        write_site_atomically(&out, &[file("a/index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn a_site_written_in_batches_replaces_the_old_one_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site_atomically(&out, &[file("a/index.html", "old")]).unwrap();
        // A build that fails half-way: the staging folder goes, the old site stays.
        let mut staging = Staging::create(&out).unwrap();
        staging.write(vec![file("a/index.html", "new")]).unwrap();
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // Batches add up to one site.
        let mut staging = Staging::create(&out).unwrap();
        staging.write(vec![file("a/index.html", "new")]).unwrap();
        staging
            .write(vec![
                file("b/index.html", "two"),
                file("b/c/d.html", "three"),
            ])
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(out.join("b/c/d.html")).unwrap(), "three");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_path_twice_in_a_batch_is_written_once_and_noted_as_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut staging = Staging::create(&out).unwrap();
        let mut batch: Vec<OutputFile> = (0..64)
            .map(|i| file(&format!("search/p-{i}.bin"), "same"))
            .collect();
        batch.extend((0..64).map(|i| file(&format!("search/p-{i}.bin"), "same")));
        batch.push(file("a.html", "first"));
        batch.push(file("a.html", "last"));
        assert_eq!(last_of_each(batch.clone()).len(), 65);
        staging.write(batch).unwrap();
        let written = staging.commit().unwrap();
        assert_eq!(written.len(), 65);
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "last");
        for (path, noted) in &written {
            let metadata = fs::metadata(out.join(path)).unwrap();
            assert_eq!(noted.len, metadata.len(), "{path}");
            assert_eq!(noted.mtime, record::mtime(&metadata), "{path}");
        }
    }

    #[test]
    fn in_place_writes_only_changed_files_and_removes_with_empty_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let mut writer = InPlace::new(out, HashMap::new());
        let batch = || vec![file("a.html", "1"), file("b/c.html", "2")];
        assert_eq!(writer.write(batch()).unwrap(), 2);
        assert_eq!(writer.write(batch()).unwrap(), 0, "the same bytes");
        assert_eq!(
            writer
                .write(vec![file("a.html", "1"), file("b/c.html", "3")])
                .unwrap(),
            1
        );
        assert_eq!(fs::read_to_string(out.join("b/c.html")).unwrap(), "3");
        // What a scan of the folder finds is what the writer noted.
        let mut scanned = InPlace::scan(out).unwrap();
        assert_eq!(scanned.known, writer.known);
        assert_eq!(scanned.write(vec![file("b/c.html", "3")]).unwrap(), 0);
        // A file no longer built goes, and so does the folder it leaves empty.
        assert_eq!(writer.retain(|p| p == "a.html").unwrap(), 1);
        assert!(!out.join("b").exists());
        assert_eq!(writer.remove(["a.html", "never-written.html"]).unwrap(), 1);
        assert_eq!(fs::read_dir(out).unwrap().count(), 0);
    }

    /// A killed build's half-written folder goes; a site left renamed away
    /// by a build killed between its two renames comes back.
    #[test]
    fn leftovers_of_killed_builds_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // No process has an id this large (Linux's limit is 2^22).
        let dead = 4_000_000_000u32;
        let half = dir.path().join(format!(".public.new-{dead}"));
        fs::create_dir_all(half.join("fi")).unwrap();
        fs::write(half.join("fi/index.html"), "half").unwrap();
        let old = dir.path().join(format!(".public.old-{}", dead - 1));
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "the old site").unwrap();
        let staging = Staging::create(&out).unwrap();
        assert!(!half.exists(), "the half-written folder is removed");
        assert!(!old.exists());
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "the old site"
        );
        drop(staging);
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn refuses_paths_outside() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let bad = OutputFile {
            path: "../escape.html".into(),
            bytes: vec![],
        };
        assert!(write_site_atomically(&out, &[bad]).is_err());
        assert!(!dir.path().join("escape.html").exists());
        assert!(!out.exists());
    }
}
