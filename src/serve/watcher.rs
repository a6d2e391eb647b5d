//! File events from content/, themes/ and i18n/, gathered into batches: a
//! burst of saves (an editor's write and rename, a `git checkout`) is one
//! rebuild. The output folder is never watched, so a rebuild cannot
//! trigger another.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::{Config, Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders of a site that its pages are made of.
pub const WATCHED: [&str; 3] = ["content", "themes", "i18n"];

/// How long the folders must stay quiet before a batch is rebuilt: an
/// editor's save (write, rename, chmod) and a `git checkout` send their
/// events within a few milliseconds of each other, and a saved edit should
/// be on screen within 100 ms.
pub const QUIET: Duration = Duration::from_millis(50);
/// A batch is rebuilt after this long even if saves keep coming.
pub const LONGEST: Duration = Duration::from_millis(1000);
/// The polling fallback's interval.
pub const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// A running watcher: dropping it stops the events.
pub struct FileWatcher {
    _watcher: Box<dyn Watcher + Send>,
    events: Receiver<Vec<PathBuf>>,
    pub polling: bool,
}

impl FileWatcher {
    /// Watch the site's folders under `root` (IO). System events are used
    /// unless `poll` is set or they cannot be had (e.g. the inotify limit).
    pub fn start(root: &Path, poll: bool) -> notify::Result<FileWatcher> {
        let (sender, events) = channel();
        let folders: Vec<PathBuf> = WATCHED
            .iter()
            .map(|f| root.join(f))
            .filter(|f| f.is_dir())
            .collect();
        if !poll {
            match system_watcher(&folders, sender.clone()) {
                Ok(watcher) => {
                    return Ok(FileWatcher {
                        _watcher: watcher,
                        events,
                        polling: false,
                    });
                }
                Err(err) => eprintln!("file events unavailable ({err}); polling instead"),
            }
        }
        let config = Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(false);
        let mut watcher = PollWatcher::new(handler(sender), config)?;
        for folder in &folders {
            watcher.watch(folder, RecursiveMode::Recursive)?;
        }
        Ok(FileWatcher {
            _watcher: Box::new(watcher),
            events,
            polling: true,
        })
    }

    /// Wait for the next batch of changed paths; `None` when the watcher stopped.
    pub fn next_batch(&self) -> Option<Vec<PathBuf>> {
        next_batch(&self.events, QUIET, LONGEST)
    }

    /// As [`FileWatcher::next_batch`], but an empty batch when nothing
    /// changed for `idle`.
    pub fn next_batch_or_idle(&self, idle: Duration) -> Option<Vec<PathBuf>> {
        match self.events.recv_timeout(idle) {
            Ok(first) => {
                let mut batch = first;
                batch.extend(gather(&self.events, QUIET, LONGEST));
                batch.sort();
                batch.dedup();
                Some(batch)
            }
            Err(RecvTimeoutError::Timeout) => Some(Vec::new()),
            Err(RecvTimeoutError::Disconnected) => None,
        }
    }
}

fn system_watcher(
    folders: &[PathBuf],
    sender: Sender<Vec<PathBuf>>,
) -> notify::Result<Box<dyn Watcher + Send>> {
    let mut watcher = RecommendedWatcher::new(handler(sender), Config::default())?;
    for folder in folders {
        watcher.watch(folder, RecursiveMode::Recursive)?;
    }
    Ok(Box::new(watcher))
}

fn handler(sender: Sender<Vec<PathBuf>>) -> impl Fn(notify::Result<Event>) + Send + 'static {
    move |result: notify::Result<Event>| match result {
        // Reading a file (ours, the editor's) changes nothing.
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => {}
        Ok(event) => {
            let _ = sender.send(event.paths);
        }
        Err(err) => eprintln!("file watcher: {err}"),
    }
}

/// Block for a first event, then gather until the events have been quiet
/// for `quiet`, or `longest` has passed since the first.
pub fn next_batch(
    events: &Receiver<Vec<PathBuf>>,
    quiet: Duration,
    longest: Duration,
) -> Option<Vec<PathBuf>> {
    let mut batch = events.recv().ok()?;
    batch.extend(gather(events, quiet, longest));
    batch.sort();
    batch.dedup();
    Some(batch)
}

/// The events that follow a first one, until `quiet` passes without one or
/// `longest` has passed.
fn gather(events: &Receiver<Vec<PathBuf>>, quiet: Duration, longest: Duration) -> Vec<PathBuf> {
    let mut batch = Vec::new();
    let start = Instant::now();
    loop {
        let left = longest.saturating_sub(start.elapsed());
        if left.is_zero() {
            break;
        }
        match events.recv_timeout(quiet.min(left)) {
            Ok(paths) => batch.extend(paths),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_one_batch() {
        let (sender, receiver) = channel();
        for name in ["a", "b", "a"] {
            sender.send(vec![PathBuf::from(name)]).unwrap();
        }
        let batch = next_batch(&receiver, Duration::from_millis(20), Duration::from_secs(1));
        assert_eq!(batch, Some(vec![PathBuf::from("a"), PathBuf::from("b")]));
        drop(sender);
        assert_eq!(
            next_batch(&receiver, Duration::from_millis(20), Duration::from_secs(1)),
            None
        );
    }

    #[test]
    fn a_steady_stream_is_cut_at_the_longest_wait() {
        let (sender, receiver) = channel();
        let feeder = std::thread::spawn(move || {
            for i in 0..300 {
                if sender.send(vec![PathBuf::from(format!("f{i}"))]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        let start = Instant::now();
        let batch = next_batch(
            &receiver,
            Duration::from_millis(100),
            Duration::from_millis(150),
        )
        .unwrap();
        // Events keep coming for three seconds; the batch ends long before.
        assert!(start.elapsed() < Duration::from_millis(1500));
        assert!(batch.len() < 150, "{}", batch.len());
        drop(receiver);
        feeder.join().unwrap();
    }

    #[test]
    fn saving_a_file_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        for poll in [false, true] {
            let watcher = FileWatcher::start(dir.path(), poll).unwrap();
            assert_eq!(watcher.polling, poll);
            let file = dir.path().join(format!("content/site-{poll}.yaml"));
            std::fs::write(&file, "title: x\n").unwrap();
            let deadline = Instant::now() + Duration::from_secs(5);
            let mut seen = false;
            while !seen && Instant::now() < deadline {
                if let Ok(paths) = watcher.events.recv_timeout(Duration::from_millis(100)) {
                    seen = paths.iter().any(|p| p.ends_with(file.file_name().unwrap()));
                }
            }
            assert!(seen, "poll = {poll}");
        }
    }
}
