//! The preview server, driven over real sockets: pages in every language,
//! saved edits served within two seconds, the error overlay over the last
//! good pages, paths that try to leave the folder, and concurrent requests.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::common::TestSite;

const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";
const PAGE: &str = "/fi/testila/2024-tekniikka/";
const EVENTS: &str = "/__tuloskortti/events";

/// `tuloskortti serve --port 0` on a copy of the minimal fixture.
struct Preview {
    site: TestSite,
    child: Child,
    addr: SocketAddr,
    log: PathBuf,
}

impl Preview {
    fn start() -> Preview {
        let site = TestSite::fixture("minimal");
        let log = site.root().join("serve.log");
        let mut child = Command::new(env!("CARGO_BIN_EXE_tuloskortti"))
            .args(["serve", "--root", ".", "--port", "0"])
            // The preview folder goes under the cache folder: this one.
            .env("XDG_CACHE_HOME", site.root().join(".cache"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .current_dir(site.root())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(&log).unwrap())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        let first = lines
            .recv_timeout(Duration::from_secs(60))
            .expect("the server prints its address first");
        let addr = first
            .strip_prefix("http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|hostport| hostport.parse().ok())
            .unwrap_or_else(|| panic!("not an address: {first}"));
        Preview {
            site,
            child,
            addr,
            log,
        }
    }

    /// The preview folder, under the cache folder the server was given.
    fn out(&self) -> PathBuf {
        let cache = fs::canonicalize(self.site.root().join(".cache/tuloskortti")).unwrap();
        fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_dir())
            .expect("a preview folder")
    }

    fn get(&self, target: &str) -> Reply {
        request(self.addr, "GET", target)
    }

    fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Poll `target` until `done` holds, at most `limit`; the last reply.
    fn wait_for(&self, target: &str, limit: Duration, done: impl Fn(&Reply) -> bool) -> Reply {
        let deadline = Instant::now() + limit;
        loop {
            let reply = self.get(target);
            if done(&reply) {
                return reply;
            }
            if Instant::now() > deadline {
                panic!(
                    "{target}: not as expected after {limit:?}; server log:\n{}",
                    self.log()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// One HTTP/1.1 request with the target sent exactly as given.
fn request(addr: SocketAddr, method: &str, target: &str) -> Reply {
    request_as(addr, &addr.to_string(), method, target)
}

/// A request that names `host` in its `Host` header.
fn request_as(addr: SocketAddr, host: &str, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// An open event stream: reads `data:` lines of `build` events.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(stream, "GET {EVENTS} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        let mut line = String::new();
        let mut event_stream = false;
        while reader.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
            event_stream |= line
                .to_ascii_lowercase()
                .starts_with("content-type: text/event-stream");
            line.clear();
        }
        assert!(event_stream);
        Events { reader }
    }

    fn next_build(&mut self) -> String {
        let mut line = String::new();
        loop {
            line.clear();
            let read = self
                .reader
                .read_line(&mut line)
                .expect("an event within the timeout");
            assert!(read > 0, "the stream ended");
            if let Some(data) = line.strip_prefix("data: ") {
                return data.trim().to_string();
            }
        }
    }
}

#[test]
fn serves_every_language_and_a_saved_edit_within_two_seconds() {
    let preview = Preview::start();
    for lang in ["fi", "sv", "en"] {
        let home = preview.get(&format!("/{lang}/"));
        assert_eq!(home.status, 200, "{lang}");
        assert!(home.body.contains(&format!("<html lang=\"{lang}\">")));
        assert!(home.body.contains(EVENTS), "the reload script is added");
        // Under the page's own Content-Security-Policy: no inline script.
        assert!(
            home.body.contains(
                "Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';"
            ),
            "{}",
            home.body
        );
        assert!(!home.body.contains("<script>"), "no inline script");
        assert_eq!(
            home.header("Content-Type"),
            Some("text/html; charset=utf-8")
        );
        let scorecard = preview.get(&format!("/{lang}/testila/2024-tekniikka/"));
        assert_eq!(scorecard.status, 200);
    }
    assert!(
        preview
            .get("/sv/testila/2024-tekniikka/")
            .body
            .contains("Arbetet pågår.")
    );
    // The files on disk have no trace of the preview.
    assert!(
        !preview.site.root().join("target").exists(),
        "nothing in the site's folder"
    );
    let on_disk =
        fs::read_to_string(preview.out().join("fi/testila/2024-tekniikka/index.html")).unwrap();
    assert!(on_disk.contains("Työ on käynnissä."));
    assert!(!on_disk.contains("__tuloskortti"));

    let mut events = Events::open(preview.addr);
    let first = events.next_build();
    let text = preview.site.read(SCORECARD);
    preview.site.write(
        SCORECARD,
        text.replace("Työ on käynnissä.", "Pyörätiet valmistuivat syyskuussa.")
            .replace("Arbetet pågår.", "Cykelvägarna blev klara i september."),
    );
    let saved = Instant::now();
    preview.wait_for(PAGE, Duration::from_secs(2), |r| {
        r.body.contains("Pyörätiet valmistuivat syyskuussa.")
    });
    let elapsed = saved.elapsed();
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    eprintln!("edit served after {elapsed:?}");
    // The Swedish page too, within the same two seconds. (An editor's save
    // can be seen half-written, the Finnish line without the Swedish one;
    // the watcher's next event brings the rest.)
    preview.wait_for(
        "/sv/testila/2024-tekniikka/",
        Duration::from_secs(2).saturating_sub(saved.elapsed()),
        |r| r.body.contains("Cykelvägarna blev klara i september."),
    );
    // Open pages hear of the new build.
    assert_ne!(events.next_build(), first);
    assert!(
        preview.log().contains("scorecard rebuild"),
        "{}",
        preview.log()
    );
}

#[test]
fn the_search_page_follows_once_the_folders_are_quiet() {
    let preview = Preview::start();
    assert!(
        preview
            .get("/fi/search/")
            .body
            .contains("Kävely on turvallista.")
    );
    let text = preview.site.read(SCORECARD);
    preview.site.write(
        SCORECARD,
        text.replace("Kävely on turvallista.", "Kävely on turvallisempaa."),
    );
    preview.wait_for(
        "/fi/testila/2024-tekniikka/kavely/",
        Duration::from_secs(5),
        |r| r.body.contains("Kävely on turvallisempaa."),
    );
    // The scorecard's download comes with its pages ...
    preview.wait_for(
        "/data/testila/2024-tekniikka.json",
        Duration::from_secs(5),
        |r| r.body.contains("Kävely on turvallisempaa."),
    );
    // ... the A-Z list of goals, the index and the dataset a moment later,
    // by themselves.
    preview.wait_for("/fi/search/", Duration::from_secs(15), |r| {
        r.body.contains("Kävely on turvallisempaa.")
    });
    preview.wait_for("/data/tuloskortti.json", Duration::from_secs(5), |r| {
        r.body.contains("Kävely on turvallisempaa.")
    });
    let deadline = Instant::now() + Duration::from_secs(5);
    while !preview.log().contains("search index and dataset updated") {
        assert!(Instant::now() < deadline, "{}", preview.log());
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_broken_file_shows_the_overlay_over_the_last_good_page_until_fixed() {
    let preview = Preview::start();
    let good = preview.site.read(SCORECARD);
    let line = good
        .lines()
        .position(|l| l.trim() == "status: achieved")
        .unwrap()
        + 1;
    preview.site.write(
        SCORECARD,
        good.replace("status: achieved", "statsu: achieved"),
    );
    let broken = preview.wait_for(PAGE, Duration::from_secs(5), |r| {
        r.body.contains("role=\"alertdialog\"")
    });
    assert_eq!(broken.status, 200);
    let location = format!("{SCORECARD}:{line}:");
    assert!(broken.body.contains(&location), "{}", broken.body);
    // In the page's language, with the hint.
    assert!(
        broken.body.contains("Tässä ei ole kenttää `statsu`."),
        "{}",
        broken.body
    );
    assert!(broken.body.contains("tarkoititko `status`?"));
    assert!(broken.body.contains("Sivustoa ei voitu rakentaa"));
    assert!(broken.body.contains("Sulje"), "a close button");
    // The last good page is still what is shown under it.
    assert!(broken.body.contains("Työ on käynnissä."));
    // Every page, in its own language; the 404 page too.
    let sv = preview.get("/sv/");
    assert!(
        sv.body.contains("Webbplatsen kunde inte byggas"),
        "{}",
        sv.body
    );
    assert!(sv.body.contains("tabindex=\"-1\" lang=\"sv\">"));
    assert!(
        sv.body.contains("Här finns inget fält `statsu`."),
        "{}",
        sv.body
    );
    assert!(sv.body.contains("menade du `status`?"));
    let panel = &sv.body[sv.body.find("tuloskortti-overlay").unwrap()..];
    let panel = &panel[..panel.find("</ol>").unwrap()];
    assert!(
        !panel.contains("lang=\"en\""),
        "no English left in the panel: {panel}"
    );
    // The panel's style and script are files the page's policy allows: no
    // inline style or script.
    assert!(!broken.body.contains(" style=\""), "no style attribute");
    assert!(!broken.body.contains("<script>"), "no inline script");
    for (path, kind) in [
        ("/__tuloskortti/preview.js", "text/javascript"),
        ("/__tuloskortti/preview.css", "text/css"),
    ] {
        let file = preview.get(path);
        assert_eq!(file.status, 200, "{path}");
        assert!(file.header("Content-Type").unwrap().starts_with(kind));
        assert!(broken.body.contains(path), "{path} in the page");
    }
    let missing = preview.get("/en/nowhere/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("The site could not be built"));
    assert!(missing.body.contains("There is no field `statsu` here."));
    assert!(missing.body.contains(&location));

    preview.site.write(SCORECARD, &good);
    let fixed = preview.wait_for(PAGE, Duration::from_secs(5), |r| {
        !r.body.contains("alertdialog")
    });
    assert_eq!(fixed.status, 200);
    assert!(fixed.body.contains("Työ on käynnissä."));
    assert!(!preview.get("/sv/").body.contains("alertdialog"));
}

#[test]
fn paths_never_leave_the_preview_folder() {
    let preview = Preview::start();
    let root = fs::canonicalize(preview.site.root()).unwrap();
    let marker = "SECRET-OUTSIDE-THE-FOLDER";
    preview.site.write("secret.txt", marker);
    preview.site.write(".cache/tuloskortti/secret.txt", marker);
    let out = preview.out();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("secret.txt"), out.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(&root, out.join("up")).unwrap();
    }
    let absolute = root.join("secret.txt").display().to_string();
    let variants = [
        "/../../secret.txt".to_string(),
        "/../secret.txt".to_string(),
        "/fi/../../../secret.txt".to_string(),
        "/%2e%2e/%2e%2e/secret.txt".to_string(),
        "/%2E%2E/%2E%2E/secret.txt".to_string(),
        "/.%2e/.%2e/secret.txt".to_string(),
        "/..%2f..%2fsecret.txt".to_string(),
        "/%2e%2e%2f%2e%2e%2fsecret.txt".to_string(),
        "/..\\..\\secret.txt".to_string(),
        "/..%5c..%5csecret.txt".to_string(),
        "/%252e%252e/%252e%252e/secret.txt".to_string(),
        "/..%00/..%00/secret.txt".to_string(),
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt".to_string(),
        "//../../secret.txt".to_string(),
        "/fi/%2e%2e/%2e%2e/%2e%2e/secret.txt".to_string(),
        "/../../content/site.yaml".to_string(),
        "/../../../../../../../../etc/passwd".to_string(),
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd".to_string(),
        absolute.clone(),
        format!("/{absolute}"),
        format!("/%2f{}", absolute.trim_start_matches('/')),
        format!("http://{}/../../secret.txt", preview.addr),
        "/leak.txt".to_string(),
        "/up/secret.txt".to_string(),
        "/up/content/site.yaml".to_string(),
    ];
    for target in &variants {
        let reply = preview.get(target);
        assert!(
            matches!(reply.status, 400 | 404),
            "{target}: status {}",
            reply.status
        );
        assert!(!reply.body.contains(marker), "{target} leaked the file");
        assert!(!reply.body.contains("root:x:0:0"), "{target}");
        assert!(!reply.body.contains("accessibility:"), "{target}");
    }
}

#[test]
fn folders_types_errors_and_the_theme_404() {
    let preview = Preview::start();
    let redirect = preview.get("/fi");
    assert_eq!(redirect.status, 302);
    assert_eq!(redirect.header("Location"), Some("/fi/"));
    let root = preview.get("/");
    assert_eq!(root.status, 200);
    assert!(root.body.contains("<a href=\"sv/\" hreflang=\"sv\">"));
    for (target, content_type) in [
        ("/sitemap.xml", "application/xml"),
        ("/fi/updates/atom.xml", "application/atom+xml"),
        ("/data/tuloskortti.json", "application/json"),
        (
            "/data/testila/2024-tekniikka.csv",
            "text/csv; charset=utf-8",
        ),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/fi/index.html", "text/html; charset=utf-8"),
    ] {
        let reply = preview.get(target);
        assert_eq!(reply.status, 200, "{target}");
        assert_eq!(reply.header("Content-Type"), Some(content_type), "{target}");
        assert_eq!(reply.header("X-Content-Type-Options"), Some("nosniff"));
    }
    // The stylesheet, by the name the page links to.
    let home = preview.get("/fi/");
    let css = home.body.split("href=\"../assets/").nth(1).unwrap();
    let css = &css[..css.find('"').unwrap()];
    let reply = preview.get(&format!("/assets/{css}"));
    assert_eq!(
        reply.header("Content-Type"),
        Some("text/css; charset=utf-8")
    );
    // No listings; the theme's 404 page in the language of the path.
    assert_eq!(preview.get("/assets/").status, 404);
    let missing = preview.get("/sv/finns-inte/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("<html lang=\"sv\">"),
        "{}",
        missing.body
    );
    assert_eq!(
        missing.body.matches("<h1").count(),
        1,
        "the theme's page, not a bare error"
    );
    assert!(preview.get("/nowhere").body.contains("<html lang=\"fi\">"));
    // Only GET and HEAD.
    assert_eq!(request(preview.addr, "POST", "/fi/").status, 405);
    let head = request(preview.addr, "HEAD", "/fi/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    // Unknown API paths answer in JSON too.
    let api = preview.get("/api/nothing?q=py%C3%B6r%C3%A4ily");
    assert_eq!(api.status, 404);
    assert_eq!(api.header("Content-Type"), Some("application/json"));
}

#[test]
fn many_concurrent_requests_succeed() {
    let preview = Preview::start();
    let addr = preview.addr;
    // Open event streams must not take the workers away from pages.
    let _streams: Vec<Events> = (0..12).map(|_| Events::open(addr)).collect();
    let targets = [
        "/fi/",
        "/sv/testila/",
        "/en/testila/2024-tekniikka/",
        "/fi/testila/2024-tekniikka/pyoraily/",
        "/data/tuloskortti.json",
        "/sitemap.xml",
    ];
    let started = Instant::now();
    let threads: Vec<_> = (0..24)
        .map(|t| {
            thread::spawn(move || {
                (0..25)
                    .filter(|i| {
                        request(addr, "GET", targets[(t + i) % targets.len()]).status != 200
                    })
                    .count()
            })
        })
        .collect();
    let failures: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(failures, 0);
    eprintln!("600 requests in {:?}", started.elapsed());
}

#[test]
fn the_search_api_answers_as_the_search_command_does() {
    let preview = Preview::start();
    let reply = preview.get("/api/search?q=py%C3%B6r%C3%A4ilyn&lang=fi&limit=5");
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    let api: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert!(
        api["results"][0]["url"]
            .as_str()
            .unwrap()
            .contains("pyoraily"),
        "{api}"
    );
    // The same answer as `tuloskortti search --json` on the same content.
    let cli = preview.site.run(&[
        "search",
        "pyöräilyn",
        "--lang",
        "fi",
        "--json",
        "--root",
        ".",
        "--limit",
        "5",
    ]);
    let cli: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(api["results"], cli["results"]);
    let sv = preview.get("/api/search?q=cykling&lang=sv");
    assert!(sv.body.contains("pyoraily"), "{}", sv.body);
    assert_eq!(preview.get("/api/search?q=x&lang=de").status, 400);
    assert_eq!(preview.get("/api/nothing").status, 404);
    for hostile in [
        "",
        "%ff%fe",
        "q=%22%28%29*%3A",
        "q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&limit=999999",
    ] {
        let reply = preview.get(&format!("/api/search?{hostile}"));
        assert_eq!(reply.status, 200, "{hostile}: {}", reply.body);
    }
}

/// The preview answers only requests that name it: a web page elsewhere
/// that points its own name at this machine (DNS rebinding) gets 403, for
/// pages and for `/api/search` alike.
#[test]
fn a_foreign_host_is_refused() {
    let preview = Preview::start();
    let port = preview.addr.port();
    for target in ["/fi/", "/api/search?q=kavely&lang=fi"] {
        for host in [
            format!("evil.example:{port}"),
            format!("127.0.0.1.nip.io:{port}"),
            "localhost:1".into(),
        ] {
            let reply = request_as(preview.addr, &host, "GET", target);
            assert_eq!(reply.status, 403, "{host} {target}");
            assert!(
                !reply.body.contains("Testil"),
                "{host} {target}: nothing of the site"
            );
        }
        for host in [
            format!("localhost:{port}"),
            format!("127.0.0.1:{port}"),
            format!("LOCALHOST:{port}"),
        ] {
            assert_eq!(
                request_as(preview.addr, &host, "GET", target).status,
                200,
                "{host} {target}"
            );
        }
    }
}

/// Sixteen clients that declare a large request body and send none do not
/// hold the server: a normal request is answered within a second.
#[test]
fn stalled_requests_do_not_hold_the_server() {
    let preview = Preview::start();
    let addr = preview.addr;
    let stalled: Vec<TcpStream> = (0..16)
        .map(|i| {
            let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
            let method = if i % 2 == 0 {
                "GET /fi/"
            } else {
                "POST /api/search"
            };
            write!(
                stream,
                "{method} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 100000000\r\n\r\n"
            )
            .unwrap();
            stream
        })
        .collect();
    thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let reply = preview.get("/fi/");
    let elapsed = started.elapsed();
    assert_eq!(reply.status, 200);
    assert!(
        elapsed < Duration::from_secs(1),
        "answered after {elapsed:?}"
    );
    drop(stalled);
}

#[test]
fn the_preview_shows_drafts_with_their_banner_and_lists_them_at_home() {
    let preview = Preview::start();
    crate::drafts::add_drafts(&preview.site);
    let home = preview.wait_for("/fi/", Duration::from_secs(10), |r| {
        r.body.contains("drafts-heading") && r.body.contains("Luonnossivu")
    });
    for title in ["Keskeneräinen uutinen", "Tuleva uutinen"] {
        assert!(home.body.contains(title), "{title}: {}", home.body);
    }
    for page in [
        "/fi/testila/2025-luonnos/",
        "/fi/updates/tuleva/",
        "/fi/luonnos/",
    ] {
        let reply = preview.wait_for(page, Duration::from_secs(10), |r| r.status == 200);
        assert!(
            reply.body.contains("class=\"draft-banner\"") && reply.body.contains("Luonnos."),
            "{page}: {}",
            reply.body
        );
    }
    let en = preview.get("/en/testila/2025-luonnos/");
    assert!(en.body.contains("Draft."), "{}", en.body);
    // The published page of the same site has no banner.
    assert!(!preview.get(PAGE).body.contains("draft-banner"));
}

/// The four mistakes of one scorecard are four messages in the panel, each
/// at its line, in the page's language.
#[test]
fn four_mistakes_in_one_file_are_four_messages_in_the_panel() {
    let preview = Preview::start();
    let good = preview.site.read(SCORECARD);
    let broken = good
        .replacen("year: 2024", "year: twenty", 1)
        .replacen(
            "            status: on-track",
            "            statsu: on-track",
            1,
        )
        .replacen("        status: achieved", "        status: done", 1)
        .replacen("    likelihood: 2", "    likelihood: 9", 1);
    preview.site.write(SCORECARD, &broken);
    let line = |marker: &str| broken.lines().position(|l| l.contains(marker)).unwrap() + 1;
    let page = preview.wait_for(PAGE, Duration::from_secs(5), |r| {
        r.body.contains("role=\"alertdialog\"")
    });
    assert!(
        page.body
            .contains("4 virhettä estää sivuston rakentamisen."),
        "{}",
        page.body
    );
    for (marker, words) in [
        (
            "year: twenty",
            "Kentän `year` pitäisi olla kokonaisluku, mutta siinä on `twenty`.",
        ),
        ("statsu:", "Tässä ei ole kenttää `statsu`."),
        (
            "status: done",
            "`done` ei ole kentän `status` sallittu arvo.",
        ),
        (
            "likelihood: 9",
            "`9` on kentän `likelihood` sallitun välin ulkopuolella.",
        ),
    ] {
        let location = format!("{SCORECARD}:{}:", line(marker));
        assert!(page.body.contains(&location), "{location}: {}", page.body);
        assert!(page.body.contains(words), "{words}: {}", page.body);
    }
    assert!(page.body.contains("tarkoititko `achieved`?"));
    let en = preview.get("/en/");
    assert!(
        en.body.contains("4 errors stop the site from building."),
        "{}",
        en.body
    );
    assert!(
        en.body
            .contains("`9` is outside the range of `likelihood`.")
    );
}
