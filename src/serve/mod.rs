//! `tuloskortti serve`: build into a preview folder, serve it on this
//! machine, watch content/, themes/ and i18n/, rebuild what a save affects,
//! and reload open pages. A failed rebuild keeps the last good pages and
//! shows every problem over them.

pub mod api;
pub mod classify;
pub mod http;
pub mod incremental;
pub mod overlay;
pub mod paths;
pub mod preview;
pub mod watcher;

use std::collections::BTreeMap;
use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::diagnostics::Diagnostics;
use crate::i18n::I18n;
use overlay::Chrome;
use preview::{Outcome, Preview};

/// Worker threads answering requests (event streams have their own).
pub const WORKERS: usize = 8;
/// After a scorecard rebuild, the search index and the dataset are brought
/// up to date once no file has changed for this long (on a large site it
/// takes seconds).
pub const SEARCH_AFTER: Duration = Duration::from_secs(2);

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// The preview folder; one under the system's cache folder when not given.
    pub out: Option<PathBuf>,
    pub bind: IpAddr,
    pub port: u16,
    /// Poll the folders instead of using system file events.
    pub poll: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}", .0.id)]
    Usage(crate::diagnostics::Message),
    #[error("cannot listen on {addr}: {message}")]
    Bind { addr: SocketAddr, message: String },
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
    #[error("cannot watch the site's folders: {0}")]
    Watch(#[from] notify::Error),
}

impl ServeError {
    /// What went wrong, to be put into the reader's words; None for an I/O
    /// error, whose own words name the file.
    pub fn message(&self) -> Option<crate::diagnostics::Message> {
        use crate::diagnostics::Message;
        match self {
            ServeError::Usage(message) => Some(message.clone()),
            ServeError::Bind { addr, message } => Some(
                Message::new("err-serve-bind")
                    .arg("addr", addr)
                    .arg("reason", message),
            ),
            ServeError::Watch(err) => Some(Message::new("err-serve-watch").arg("reason", err)),
            ServeError::Io { .. } => None,
        }
    }
}

/// What every request needs to know, shared by the workers and the
/// rebuild loop.
pub struct State {
    /// The preview folder, canonical.
    pub out: PathBuf,
    /// Tells this server's builds from an earlier run's, so a page left
    /// open across a restart reloads too.
    run: String,
    status: Mutex<Status>,
    changed: Condvar,
    /// Open event streams.
    pub streams: AtomicUsize,
    /// Requests with a body being refused, each on a thread of its own.
    pub refusing: AtomicUsize,
    embedded: Arc<I18n>,
    /// The site folder, for `/api/search` (None in unit tests).
    pub root: Option<PathBuf>,
    /// tantivy indexes for `/api/search`, rebuilt after each rebuild.
    pub search: Mutex<Option<api::SearchCache>>,
    /// The server's port: requests must name it in `Host` (None in unit
    /// tests: any).
    pub port: Option<u16>,
}

impl State {
    /// Whether a request's `Host` names this server: `localhost` or an IP
    /// address, with its port. A web page on another site that points its
    /// own name at this machine (DNS rebinding) sends its own name, and is
    /// refused; a colleague who reaches `--bind 0.0.0.0` by the machine's
    /// address is not.
    pub fn host_allowed(&self, host: Option<&str>) -> bool {
        let (Some(port), Some(host)) = (self.port, host) else {
            return true;
        };
        let Some((name, host_port)) = host.rsplit_once(':') else {
            return false;
        };
        let name = name.trim_start_matches('[').trim_end_matches(']');
        host_port == port.to_string()
            && (name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok())
    }
}

/// The state of the last rebuild, as requests see it.
#[derive(Clone)]
pub struct Status {
    /// Goes up after every rebuild, good or failed.
    pub generation: u64,
    /// The site's languages, the default first.
    pub languages: Arc<Vec<String>>,
    /// While the last rebuild failed: the overlay for each language.
    pub overlays: Option<Arc<BTreeMap<String, String>>>,
    pub chrome: Arc<Chrome>,
}

impl State {
    pub fn new(out: PathBuf) -> State {
        let embedded = Chrome::embedded();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        State {
            out,
            run: format!("{:x}{:x}", std::process::id(), nanos & 0xffff_ffff),
            status: Mutex::new(Status {
                generation: 0,
                languages: Arc::new(vec!["fi".into(), "sv".into(), "en".into()]),
                overlays: None,
                chrome: Arc::new(Chrome::new(None, embedded.clone())),
            }),
            changed: Condvar::new(),
            streams: AtomicUsize::new(0),
            refusing: AtomicUsize::new(0),
            embedded,
            root: None,
            search: Mutex::new(None),
            port: None,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Status> {
        self.status
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn status(&self) -> Status {
        self.lock().clone()
    }

    /// The token open pages compare to know whether they show the latest build.
    pub fn token(&self, generation: u64) -> String {
        format!("{}-{generation}", self.run)
    }

    /// Record a rebuild's result and wake every event stream.
    pub fn publish(
        &self,
        i18n: Option<Arc<I18n>>,
        languages: Option<Vec<String>>,
        errors: Option<&Diagnostics>,
    ) {
        let chrome = Chrome::new(i18n, self.embedded.clone());
        let mut status = self.lock();
        if let Some(languages) = languages {
            status.languages = Arc::new(languages);
        }
        status.overlays = errors.map(|diagnostics| {
            Arc::new(
                status
                    .languages
                    .iter()
                    .map(|lang| (lang.clone(), overlay::overlay(&chrome, lang, diagnostics)))
                    .collect(),
            )
        });
        status.chrome = Arc::new(chrome);
        status.generation += 1;
        drop(status);
        self.changed.notify_all();
    }

    /// Tell open pages to reload, the rest unchanged (files changed after
    /// the rebuild was announced).
    pub fn announce(&self) {
        self.lock().generation += 1;
        self.changed.notify_all();
    }

    /// Wait until the generation differs from `seen`, at most `timeout`.
    pub fn wait_for_change(&self, seen: u64, timeout: Duration) -> Option<u64> {
        let status = self.lock();
        let (status, _) = self
            .changed
            .wait_timeout_while(status, timeout, |s| s.generation == seen)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (status.generation != seen).then_some(status.generation)
    }
}

/// The preview folder: `--out`, or one of its own for this site under the
/// system's cache folder (out of the folders staff browse). It must not be
/// the root, hold the root, or lie inside a watched folder (a rebuild would
/// trigger itself).
pub fn preview_folder(root: &Path, out: Option<&Path>) -> Result<PathBuf, ServeError> {
    preview_folder_with(root, out, &|name| std::env::var(name).ok())
}

/// The default preview folder of the site at `root` (canonical):
/// `<cache>/tuloskortti/preview-<hash of the site's path>`, where the
/// cache is `$XDG_CACHE_HOME`, else `~/.cache` (`~/Library/Caches` on
/// macOS, `%LOCALAPPDATA%` on Windows); `<root>/.tuloskortti/preview`
/// when there is none.
pub fn default_preview_folder(root: &Path, env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    let set = |name: &str| {
        env(name)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
    };
    let cache = set("XDG_CACHE_HOME").or_else(|| {
        if cfg!(windows) {
            set("LOCALAPPDATA")
        } else if cfg!(target_os = "macos") {
            set("HOME").map(|home| home.join("Library/Caches"))
        } else {
            set("HOME").map(|home| home.join(".cache"))
        }
    });
    match cache {
        Some(cache) => {
            let site = crate::output::hash(root.to_string_lossy().as_bytes());
            cache
                .join("tuloskortti")
                .join(format!("preview-{site:016x}"))
        }
        None => root.join(".tuloskortti").join("preview"),
    }
}

fn preview_folder_with(
    root: &Path,
    out: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<PathBuf, ServeError> {
    let out = match out {
        Some(out) if out.is_absolute() => out.to_path_buf(),
        Some(out) => std::env::current_dir()
            .map_err(|source| ServeError::Io {
                what: "cannot read the current folder".into(),
                source,
            })?
            .join(out),
        None => default_preview_folder(root, env),
    };
    std::fs::create_dir_all(&out).map_err(|source| ServeError::Io {
        what: format!("cannot create the preview folder {}", out.display()),
        source,
    })?;
    let out = out.canonicalize().map_err(|source| ServeError::Io {
        what: format!("cannot open the preview folder {}", out.display()),
        source,
    })?;
    let inside_watched = watcher::WATCHED
        .iter()
        .any(|folder| out.starts_with(root.join(folder)));
    if root.starts_with(&out) || inside_watched {
        return Err(ServeError::Usage(
            crate::diagnostics::Message::new("err-preview-folder-inside")
                .arg("path", out.display()),
        ));
    }
    // The preview folder is made to hold exactly the site: never take over
    // a folder of other files.
    let empty = std::fs::read_dir(&out).is_ok_and(|mut entries| entries.next().is_none());
    if !empty && !crate::output::is_ours(&out) {
        return Err(ServeError::Usage(
            crate::diagnostics::Message::new("err-preview-folder-foreign")
                .arg("path", out.display()),
        ));
    }
    Ok(out)
}

/// Problems as the terminal shows them: in the language of its locale,
/// else the site's first language.
fn for_terminal(preview: &Preview, diagnostics: &crate::diagnostics::Diagnostics) -> String {
    let languages = crate::content::load::site_languages(preview.root());
    let env = |name: &str| std::env::var(name).ok();
    let lang = crate::i18n::reader_language(None, &env, &languages);
    let site = preview.good().map(|g| g.i18n.clone());
    let mut diagnostics = diagnostics.clone();
    crate::i18n::localize(&mut diagnostics, &lang, site.as_deref());
    diagnostics.to_string()
}

fn log_outcome(outcome: &Outcome, state: &State, preview: &Preview) {
    match outcome {
        Outcome::Unchanged => return,
        Outcome::Built(report) => {
            if let Some(good) = preview.good() {
                eprint!("{}", for_terminal(preview, &good.warnings));
            }
            eprintln!("{}", report.summary());
        }
        Outcome::Failed(diagnostics) => {
            eprint!("{}", for_terminal(preview, diagnostics));
            eprintln!(
                "rebuild failed: {} error(s); still serving the last good pages",
                diagnostics.error_count()
            );
        }
    }
    let good = preview.good();
    state.publish(
        good.map(|g| g.i18n.clone()),
        good.map(|g| g.site.config.languages.clone()),
        match outcome {
            Outcome::Failed(diagnostics) => Some(diagnostics),
            _ => None,
        },
    );
}

/// Run the preview server until the process is stopped.
pub fn run(options: &ServeOptions) -> Result<(), ServeError> {
    let root = options
        .root
        .canonicalize()
        .map_err(|source| ServeError::Io {
            what: format!("cannot open the site folder {}", options.root.display()),
            source,
        })?;
    let out = preview_folder(&root, options.out.as_deref())?;
    let addr = SocketAddr::new(options.bind, options.port);
    let server = tiny_http::Server::http(addr).map_err(|err| ServeError::Bind {
        addr,
        message: err.to_string(),
    })?;
    let actual = server.server_addr().to_ip().ok_or_else(|| {
        ServeError::Usage(crate::diagnostics::Message::new("err-serve-no-address"))
    })?;
    let url = format!("http://{actual}/");
    let server = Arc::new(server);
    let mut state = State::new(out.clone());
    state.root = Some(root.clone());
    state.port = Some(actual.port());
    let state = Arc::new(state);
    // Watch before the first build, so a save during it is not lost.
    let watcher = watcher::FileWatcher::start(&root, options.poll)?;
    let mut preview = Preview::new(root.clone(), out.clone(), url.clone());
    let outcome = preview.build_all();
    log_outcome(&outcome, &state, &preview);
    let _workers = http::spawn_workers(server, state.clone(), WORKERS);
    // The first line of stdout is the address, for people and for scripts.
    println!("{url}");
    let _ = std::io::stdout().flush();
    eprintln!(
        "serving {} at {url} ({}watching content/, themes/ and i18n/; Ctrl+C stops)",
        out.display(),
        if watcher.polling { "polling, " } else { "" }
    );
    loop {
        let batch = if preview.search_stale() {
            watcher.next_batch_or_idle(SEARCH_AFTER)
        } else {
            watcher.next_batch()
        };
        let Some(paths) = batch else {
            break;
        };
        if paths.is_empty() {
            // Quiet for a while: bring the search index up to date.
            let started = std::time::Instant::now();
            match preview.write_site_wide() {
                Ok(update) => {
                    eprintln!(
                        "search index and dataset updated: {} index file(s), {} other file(s) written [{:.1} ms]",
                        update.index_files,
                        update.data_files,
                        started.elapsed().as_secs_f64() * 1000.0
                    );
                    if update.pages_changed {
                        state.announce();
                    }
                }
                Err(diagnostics) => eprint!("{diagnostics}"),
            }
            continue;
        }
        let outcome = preview.apply(&paths);
        log_outcome(&outcome, &state, &preview);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_folder_is_never_the_site_nor_someone_elses() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        let cache = dir.path().canonicalize().unwrap().join("cache");
        let cache_text = cache.to_string_lossy().into_owned();
        let env = move |name: &str| (name == "XDG_CACHE_HOME").then(|| cache_text.clone());
        let preview_folder = |root: &Path, out: Option<&Path>| preview_folder_with(root, out, &env);
        let default = preview_folder(&root, None).unwrap();
        // Out of the site's folder, one of its own for each site.
        assert!(
            default.starts_with(cache.join("tuloskortti")),
            "{}",
            default.display()
        );
        assert!(!default.starts_with(&root));
        let other = default_preview_folder(&cache.join("other-site"), &env);
        assert_ne!(other, default);
        // No cache folder at all: a hidden folder of the site's own.
        assert_eq!(
            default_preview_folder(&root, &|_| None),
            root.join(".tuloskortti/preview")
        );
        assert!(matches!(
            preview_folder(&root, Some(&root.join("content/preview"))),
            Err(ServeError::Usage(_))
        ));
        assert!(matches!(
            preview_folder(&root, Some(&root)),
            Err(ServeError::Usage(_))
        ));
        let documents = root.join("documents");
        std::fs::create_dir_all(&documents).unwrap();
        std::fs::write(documents.join("letter.txt"), "keep me").unwrap();
        assert!(matches!(
            preview_folder(&root, Some(&documents)),
            Err(ServeError::Usage(_))
        ));
        // Someone else's web site is not ours either.
        std::fs::write(default.join("index.html"), "<!DOCTYPE html>").unwrap();
        assert!(matches!(
            preview_folder(&root, None),
            Err(ServeError::Usage(_))
        ));
        // A folder that holds a built site (its dataset) may be reused.
        std::fs::create_dir_all(default.join("data")).unwrap();
        std::fs::write(
            default.join("data/tuloskortti.json"),
            "{\n  \"format\": \"tuloskortti-dataset\",\n  \"version\": 1\n}",
        )
        .unwrap();
        assert_eq!(preview_folder(&root, None).unwrap(), default);
    }

    #[test]
    fn publishing_wakes_the_streams_and_carries_the_overlay() {
        let state = State::new(PathBuf::from("/nonexistent"));
        let before = state.status().generation;
        assert_eq!(
            state.wait_for_change(before, Duration::from_millis(1)),
            None
        );
        let mut errors = Diagnostics::default();
        errors.error(
            crate::diagnostics::Location::new("content/a.yaml", 2, 3),
            "broken",
        );
        state.publish(None, Some(vec!["sv".into(), "fi".into()]), Some(&errors));
        let status = state.status();
        assert_eq!(
            state.wait_for_change(before, Duration::from_millis(1)),
            Some(before + 1)
        );
        let overlays = status.overlays.expect("an overlay while broken");
        assert!(overlays["sv"].contains("content/a.yaml:2:3:"));
        assert!(overlays["fi"].contains("lang=\"fi\""));
        state.publish(None, None, None);
        assert!(state.status().overlays.is_none());
        assert_ne!(state.token(1), State::new(PathBuf::new()).token(1));
    }
}
