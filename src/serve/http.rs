//! The HTTP side: a pool of workers taking requests from tiny_http, static
//! files from the preview folder with the reload script (and the error
//! overlay) added to HTML, and one thread per open event stream so that
//! long-lived connections never hold a worker.

use std::fs;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use tiny_http::{Method, Request, Server};

use super::overlay::{self, EVENTS_PATH};
use super::paths::{self, Resolved};
use super::{State, Status, api};

/// Open event streams (one per open tab) beyond this are refused.
pub const MAX_STREAMS: usize = 256;
/// Requests with a body being refused at once; see [`refuse_body`].
const MAX_REFUSING: usize = 256;
/// A comment line on idle streams, so closed tabs are noticed.
const HEARTBEAT: Duration = Duration::from_secs(10);

/// Start `workers` threads answering requests until the server is dropped.
pub fn spawn_workers(
    server: Arc<Server>,
    state: Arc<State>,
    workers: usize,
) -> Vec<JoinHandle<()>> {
    (0..workers.max(1))
        .map(|i| {
            let server = server.clone();
            let state = state.clone();
            thread::Builder::new()
                .name(format!("http-{i}"))
                .spawn(move || {
                    while let Ok(request) = server.recv() {
                        handle(request, &state);
                    }
                })
                .expect("a worker thread starts")
        })
        .collect()
}

/// A response, written in one piece: status line, headers and body in a
/// single write. (tiny_http writes the head and the body separately, and the
/// body's last small segment then waits for the client's delayed ACK: 40 ms
/// per page on keep-alive connections.)
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type,
            headers: Vec::new(),
            body,
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    fn reason(&self) -> &'static str {
        match self.status {
            200 => "OK",
            302 => "Found",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            413 => "Content Too Large",
            503 => "Service Unavailable",
            _ => "",
        }
    }

    /// Send it; errors writing to a closed connection are ignored.
    pub fn send(self, request: Request) {
        let head_only = *request.method() == Method::Head;
        let close = request
            .headers()
            .iter()
            .any(|h| h.field.equiv("Connection") && h.value.as_str().eq_ignore_ascii_case("close"));
        let mut bytes = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n",
            self.status,
            self.reason(),
            self.content_type,
            self.body.len()
        );
        for (name, value) in &self.headers {
            // Values are ours (paths, numbers); never let one end the head.
            let value: String = value.chars().filter(|c| !c.is_control()).collect();
            bytes.push_str(&format!("{name}: {value}\r\n"));
        }
        if close {
            bytes.push_str("Connection: close\r\n");
        }
        bytes.push_str("\r\n");
        let mut bytes = bytes.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        let mut writer = request.into_writer();
        let _ = writer.write_all(&bytes).and_then(|()| writer.flush());
    }
}

/// Answer one request.
pub fn handle(request: Request, state: &Arc<State>) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if !state.host_allowed(host.as_deref()) {
        Reply::new(403, "text/plain; charset=utf-8", Vec::new()).send(request);
        return;
    }
    let has_body = request.body_length().is_some_and(|n| n > 0)
        || request
            .headers()
            .iter()
            .any(|h| h.field.equiv("Transfer-Encoding"));
    if has_body {
        refuse_body(request, state);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        Reply::new(405, "text/plain; charset=utf-8", Vec::new())
            .with("Allow", "GET, HEAD")
            .send(request);
        return;
    }
    let target = request.url().to_string();
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH {
        events(request, state);
        return;
    }
    if path == overlay::SCRIPT_PATH || path == overlay::STYLE_PATH {
        let (content_type, body) = if path == overlay::SCRIPT_PATH {
            ("text/javascript; charset=utf-8", overlay::SCRIPT)
        } else {
            ("text/css; charset=utf-8", overlay::STYLE)
        };
        Reply::new(200, content_type, body.as_bytes().to_vec())
            .with("Cache-Control", "no-store")
            .send(request);
        return;
    }
    if path == "/api" || path.starts_with("/api/") {
        api::respond(request, state);
        return;
    }
    let status = state.status();
    let lang = page_language(&target, &status);
    match paths::resolve(&state.out, &target) {
        Resolved::File(file) => match fs::read(&file) {
            Ok(bytes) => {
                let content_type = paths::content_type(&file);
                let body = if content_type.starts_with("text/html") {
                    page(state, &status, &lang, bytes)
                } else {
                    bytes
                };
                Reply::new(200, content_type, body).send(request);
            }
            Err(_) => not_found(request, state, &status, &lang),
        },
        Resolved::Redirect(location) => {
            Reply::new(302, "text/plain; charset=utf-8", Vec::new())
                .with("Location", location)
                .send(request);
        }
        Resolved::NotFound => not_found(request, state, &status, &lang),
    }
}

/// The preview takes no request bodies: 413, on a thread of its own. When
/// the request is let go, tiny_http reads what remains of its body, so a
/// client that declares a large body and sends nothing would hold the
/// thread until it gives up; the workers stay free for everyone else.
fn refuse_body(request: Request, state: &Arc<State>) {
    let reply =
        || Reply::new(413, "text/plain; charset=utf-8", Vec::new()).with("Connection", "close");
    if state.refusing.fetch_add(1, Ordering::SeqCst) >= MAX_REFUSING {
        state.refusing.fetch_sub(1, Ordering::SeqCst);
        reply().send(request);
        return;
    }
    let state = state.clone();
    let spawned = thread::Builder::new().name("refuse".into()).spawn(move || {
        reply().send(request);
        state.refusing.fetch_sub(1, Ordering::SeqCst);
    });
    if spawned.is_err() {
        // No thread to be had: this worker answers, as before.
        eprintln!("cannot start a thread to refuse a request body");
    }
}

/// The language of the page asked for: its first path segment when that is
/// a site language, else the default language.
fn page_language(target: &str, status: &Status) -> String {
    paths::segments(target)
        .and_then(|(segments, _)| segments.into_iter().next())
        .filter(|first| status.languages.contains(first))
        .or_else(|| status.languages.first().cloned())
        .unwrap_or_else(|| "fi".to_string())
}

/// An HTML file as served: with the reload script, and the overlay while
/// the last rebuild failed. Other bytes pass unchanged.
fn page(state: &State, status: &Status, lang: &str, bytes: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(bytes) {
        Ok(html) => {
            let overlay = status
                .overlays
                .as_ref()
                .and_then(|o| o.get(lang).or_else(|| o.values().next()));
            let script = overlay::script(&state.token(status.generation));
            overlay::inject(&html, overlay.map(String::as_str), &script).into_bytes()
        }
        Err(err) => err.into_bytes(),
    }
}

/// The theme's 404 page of the language (or the root one), status 404.
fn not_found(request: Request, state: &State, status: &Status, lang: &str) {
    let theme_page = [format!("{lang}/404.html"), "404.html".to_string()]
        .into_iter()
        .find_map(|candidate| {
            let file = paths::inside(&state.out, &state.out.join(candidate))?;
            fs::read(file).ok()
        });
    let bytes =
        theme_page.unwrap_or_else(|| overlay::placeholder(&status.chrome, lang).into_bytes());
    let html = page(state, status, lang, bytes);
    Reply::new(404, "text/html; charset=utf-8", html).send(request);
}

/// Server-Sent Events: the current build's token at once, then each new one.
/// tiny_http buffers a streamed response, so the stream is written by hand
/// on the raw connection and flushed after every event, on its own thread.
fn events(request: Request, state: &Arc<State>) {
    if state.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        state.streams.fetch_sub(1, Ordering::SeqCst);
        Reply::new(503, "text/plain; charset=utf-8", Vec::new())
            .with("Retry-After", "5")
            .send(request);
        return;
    }
    let head = *request.method() == Method::Head;
    let writer = request.into_writer();
    let for_thread = state.clone();
    let spawned = thread::Builder::new().name("events".into()).spawn(move || {
        let _ = stream(writer, &for_thread, head);
        for_thread.streams.fetch_sub(1, Ordering::SeqCst);
    });
    if spawned.is_err() {
        // The closure, and with it the connection, was dropped.
        state.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

fn stream(mut writer: Box<dyn Write + Send>, state: &State, head: bool) -> io::Result<()> {
    writer.write_all(
        concat!(
            "HTTP/1.1 200 OK\r\n",
            "Content-Type: text/event-stream; charset=utf-8\r\n",
            "Cache-Control: no-store\r\n",
            "X-Content-Type-Options: nosniff\r\n",
            "Connection: close\r\n",
            "\r\n",
        )
        .as_bytes(),
    )?;
    if head {
        return writer.flush();
    }
    let mut seen = state.status().generation;
    write!(
        writer,
        "retry: 1000\n\nevent: build\ndata: {}\n\n",
        state.token(seen)
    )?;
    writer.flush()?;
    loop {
        match state.wait_for_change(seen, HEARTBEAT) {
            Some(generation) => {
                seen = generation;
                write!(writer, "event: build\ndata: {}\n\n", state.token(seen))?;
            }
            None => writer.write_all(b": still here\n\n")?,
        }
        writer.flush()?;
    }
}
