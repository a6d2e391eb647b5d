//! Measurements of a running `tuloskortti serve`, with the standard library
//! only (compiled by `run.sh` with rustc; not part of the test suite).
//!
//!   probe edit --root SITE --out PREVIEW --addr HOST:PORT --file content/scorecards/ORG/ID.yaml --runs N
//!       saves an edit of one follow-up text N times; for each, the time until
//!       the scorecard's page on disk has it, until open pages are told to
//!       reload (the server-sent event: every page that shows it is written),
//!       and until its JSON download has it (the last file of the edit).
//!   probe touch --addr HOST:PORT --file PATH --append TEXT
//!       appends TEXT to a file (a template, a UI string file) and prints the
//!       milliseconds until open pages are told to reload.
//!   probe load --addr HOST:PORT --requests 10000 --connections 50 --paths /fi/,/sv/...
//!       keep-alive GETs spread over the connections; requests per second,
//!       errors, and latency percentiles.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

fn args() -> HashMap<String, String> {
    let mut map = HashMap::new();
    let mut it = std::env::args().skip(2);
    while let Some(key) = it.next() {
        if let Some(name) = key.strip_prefix("--") {
            map.insert(name.to_string(), it.next().unwrap_or_default());
        }
    }
    map
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let a = args();
    match mode.as_str() {
        "edit" => edit(&a),
        "touch" => {
            let events = open_events(&a["addr"]);
            let path = PathBuf::from(&a["file"]);
            let mut text = std::fs::read_to_string(&path).unwrap();
            text.push_str(&a["append"]);
            let start = Instant::now();
            std::fs::write(&path, text).unwrap();
            events.recv_timeout(Duration::from_secs(600)).expect("a reload");
            println!("{:.1}", start.elapsed().as_secs_f64() * 1000.0);
        }
        "load" => load(&a),
        _ => {
            eprintln!("usage: probe edit|touch|load ...");
            std::process::exit(2);
        }
    }
}

/// Reload events, as the instant each arrived (the first, current build is skipped).
fn open_events(addr: &str) -> mpsc::Receiver<Instant> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET /__tuloskortti/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let (sender, receiver) = mpsc::channel();
    let (ready, is_ready) = mpsc::channel();
    thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        let mut seen = 0;
        while reader.read_line(&mut line).unwrap_or(0) > 0 {
            if line.starts_with("data: ") {
                seen += 1;
                if seen == 1 {
                    let _ = ready.send(());
                } else if sender.send(Instant::now()).is_err() {
                    break;
                }
            }
            line.clear();
        }
    });
    is_ready
        .recv_timeout(Duration::from_secs(10))
        .expect("the event stream opens");
    receiver
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn edit(a: &HashMap<String, String>) {
    let root = PathBuf::from(&a["root"]);
    let out = PathBuf::from(&a["out"]);
    let file = &a["file"];
    let runs: usize = a.get("runs").map_or(10, |r| r.parse().unwrap());
    let relative = file.strip_prefix("content/scorecards/").expect("a scorecard file");
    let (org, name) = relative.split_once('/').unwrap();
    let page = out.join(format!("fi/{org}/{}/index.html", name.trim_end_matches(".yaml")));
    let json = out.join(format!("data/{org}/{}.json", name.trim_end_matches(".yaml")));
    let events = open_events(&a["addr"]);
    let path = root.join(file);
    let original = std::fs::read_to_string(&path).unwrap();
    let nonce = std::process::id();
    let (mut on_disk, mut reloaded, mut downloads) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let marker = format!("Muokkaus{nonce}x{run}");
        let text = insert_marker(&original, &marker);
        let saved = Instant::now();
        std::fs::write(&path, &text).unwrap();
        let page_ms = wait_for_marker(&page, &marker, saved);
        let event = events
            .recv_timeout(Duration::from_secs(120))
            .expect("a reload event");
        let reload_ms = event.duration_since(saved).as_secs_f64() * 1000.0;
        // The scorecard's JSON download is written after its pages and the
        // listings: the last file of the edit (the dataset and the search
        // index follow when the server has been idle for a while).
        let data_ms = wait_for_marker(&json, &marker, saved);
        println!(
            "run {run}: page on disk {page_ms:.1} ms, reload event {reload_ms:.1} ms, all files {data_ms:.1} ms"
        );
        on_disk.push(page_ms);
        reloaded.push(reload_ms);
        downloads.push(data_ms);
        // A pause between saves, as between an author's edits.
        thread::sleep(Duration::from_millis(300));
        while events.try_recv().is_ok() {}
    }
    std::fs::write(&path, &original).unwrap();
    let _ = events.recv_timeout(Duration::from_secs(120));
    let (min, max) = (
        on_disk.iter().cloned().fold(f64::MAX, f64::min),
        on_disk.iter().cloned().fold(0.0, f64::max),
    );
    println!(
        "median page on disk {:.1} ms (min {min:.1}, max {max:.1}); median reload event {:.1} ms; median all files {:.1} ms",
        median(&mut on_disk),
        median(&mut reloaded),
        median(&mut downloads)
    );
}

/// Poll `path` until it holds `marker`; milliseconds since `saved`.
fn wait_for_marker(path: &std::path::Path, marker: &str, saved: Instant) -> f64 {
    loop {
        if std::fs::read_to_string(path).is_ok_and(|text| text.contains(marker)) {
            return saved.elapsed().as_secs_f64() * 1000.0;
        }
        if saved.elapsed() > Duration::from_secs(120) {
            panic!("{} never showed {marker}", path.display());
        }
        thread::sleep(Duration::from_micros(500));
    }
}

/// Put `marker` at the start of the first Finnish follow-up text.
fn insert_marker(text: &str, marker: &str) -> String {
    let at = text.find("follow_up:").expect("a follow_up in the scorecard");
    let fi = at + text[at..].find("fi: ").expect("a Finnish follow-up") + 4;
    let quoted = text[fi..].starts_with('"');
    let insert = if quoted { fi + 1 } else { fi };
    let mut out = String::with_capacity(text.len() + marker.len() + 1);
    out.push_str(&text[..insert]);
    out.push_str(marker);
    out.push(' ');
    out.push_str(&text[insert..]);
    out
}

/// One keep-alive GET; the status, or an error.
fn get(stream: &mut BufReader<TcpStream>, addr: &str, path: &str) -> std::io::Result<u16> {
    write!(stream.get_mut(), "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n")?;
    let mut line = String::new();
    stream.read_line(&mut line)?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = 0usize;
    let mut chunked = false;
    loop {
        line.clear();
        if stream.read_line(&mut line)? == 0 {
            return Err(std::io::Error::other("closed"));
        }
        if line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
            chunked |= k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked");
        }
    }
    if !chunked {
        let mut body = vec![0; length];
        stream.read_exact(&mut body)?;
        return Ok(status);
    }
    loop {
        line.clear();
        stream.read_line(&mut line)?;
        let size = usize::from_str_radix(line.trim(), 16)
            .map_err(|_| std::io::Error::other(format!("bad chunk size {line:?}")))?;
        let mut chunk = vec![0; size + 2];
        stream.read_exact(&mut chunk)?;
        if size == 0 {
            return Ok(status);
        }
    }
}

fn load(a: &HashMap<String, String>) {
    let addr = a["addr"].clone();
    let requests: usize = a["requests"].parse().unwrap();
    let connections: usize = a["connections"].parse().unwrap();
    let paths: Vec<String> = a["paths"].split(',').map(str::to_string).collect();
    let start = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|c| {
            let addr = addr.clone();
            let paths = paths.clone();
            let count = requests / connections + usize::from(c < requests % connections);
            thread::spawn(move || {
                let mut latencies = Vec::with_capacity(count);
                let mut errors = 0;
                let connect = || {
                    let stream = TcpStream::connect(&addr).expect("connect");
                    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                    stream.set_nodelay(true).unwrap();
                    BufReader::new(stream)
                };
                let mut stream = connect();
                for i in 0..count {
                    let path = &paths[(c + i) % paths.len()];
                    let sent = Instant::now();
                    match get(&mut stream, &addr, path) {
                        Ok(200) => latencies.push(sent.elapsed().as_secs_f64() * 1000.0),
                        Ok(status) => {
                            eprintln!("{path}: status {status}");
                            errors += 1;
                        }
                        Err(err) => {
                            eprintln!("{path}: {err}");
                            errors += 1;
                            stream = connect();
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (l, e) = worker.join().unwrap();
        latencies.extend(l);
        errors += e;
    }
    let elapsed = start.elapsed().as_secs_f64();
    latencies.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{} requests over {connections} connections in {elapsed:.2} s: {:.0} requests/s, {errors} errors, latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len() + errors,
        (latencies.len() + errors) as f64 / elapsed,
        pct(0.5),
        pct(0.99),
        latencies.last().copied().unwrap_or(0.0)
    );
    if errors > 0 {
        std::process::exit(1);
    }
}
