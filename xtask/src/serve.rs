//! `cargo xtask serve`: builds the app, serves it on 127.0.0.1 (loopback only, through the
//! tiny_http crate), and rebuilds whenever a source changes.
//!
//! By default the edit loop is a development build (cargo's dev profile; no `--converge`, no
//! terser) whose page listens on `/__dev/events` (server-sent events) and reloads itself after
//! each rebuild; a broken edit (a rule pack error, a compile error) is printed in the terminal
//! and shown over the page, which keeps the last good build until the edit is fixed. With
//! `--release` it serves the release build in `dist/` and has no reload channel: the pages
//! staff get never hold one. Build steps whose inputs did not change are skipped (`stamps`).

use crate::{build, root, setup};
use notify::{RecursiveMode, Watcher};
use std::io::Write;
use std::net::TcpListener;
use tiny_http::{Header, Method, Request, Response};
use std::path::{Component, Path, PathBuf};
use crate::cli::Mode;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Where the edit loop's site is written (the release site is `dist/`).
fn dev_site() -> PathBuf {
    root().join("target/dev-site")
}

/// The sources a rebuild follows: folders (recursively) and files of the project root.
const WATCHED_FOLDERS: &[&str] = &["src", "engine", "rules", "cases", "styles"];
const WATCHED_FILES: &[&str] = &["index.html", "build.rs", "Cargo.toml", "Cargo.lock"];

pub fn run(port: u16, mode: Mode) -> Result<(), String> {
    let tools = match mode {
        Mode::Release => Some(setup::ensure_build_tools()?),
        Mode::Dev => {
            setup::ensure_dev_tools()?;
            None
        }
    };
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let folder = match mode {
        Mode::Dev => dev_site(),
        Mode::Release => root().join("dist"),
    };
    let site = Arc::new(Mutex::new(Site { root: folder, build: 0, problem: None, listeners: Vec::new() }));
    let rebuild = |site: &Shared| {
        let started = Instant::now();
        let result = match &tools {
            Some(tools) => build::hosted(tools).map(|_| ()),
            None => build_dev_site(site.lock().map_or(0, |s| s.build) + 1),
        };
        let seconds = started.elapsed().as_secs_f64();
        match result {
            Ok(()) => {
                println!("serve: built in {seconds:.1} s");
                announce(site, None);
            }
            Err(problem) => {
                eprintln!("serve: the build failed after {seconds:.1} s; still serving the last good build:\n{problem}");
                announce(site, Some(problem));
            }
        }
    };
    rebuild(&site);
    if mode == Mode::Dev && site.lock().is_ok_and(|s| s.problem.is_some()) {
        // The first build failed: a page (with an earlier session's app, if any) that says why
        // and reloads once the edit is fixed. It carries build 0, as the server does.
        write_dev_page(0, dev_site().join("boot.js").exists())?;
    }
    {
        let site = site.clone();
        std::thread::spawn(move || serve_site(listener, site, mode));
    }
    let channel = if mode == Mode::Dev { "; the page reloads after each rebuild" } else { "" };
    println!("serve: serving http://127.0.0.1:{port}/ ({} build; watching the sources{channel}; Ctrl-C to stop)", if mode == Mode::Dev { "development" } else { "release" });
    watch(|changed| {
        println!("serve: {} changed, rebuilding …", changed.display());
        rebuild(&site);
    })
}

/// Calls `on_change` with the first changed path, once the sources have been quiet for a
/// moment (an editor's save is often several events).
fn watch(mut on_change: impl FnMut(&Path)) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| format!("cannot watch the sources: {e}"))?;
    let project = root();
    // The root itself, not its files: editors that save by renaming would end a file's watch.
    watcher.watch(&project, RecursiveMode::NonRecursive).map_err(|e| format!("cannot watch {}: {e}", project.display()))?;
    for folder in WATCHED_FOLDERS {
        let path = project.join(folder);
        watcher.watch(&path, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
    }
    let relevant = |event: &notify::Event| -> Option<PathBuf> {
        if event.kind.is_access() {
            return None;
        }
        event.paths.iter().find(|path| is_source(&project, path)).cloned()
    };
    loop {
        let first = match rx.recv() {
            Ok(Ok(event)) => relevant(&event),
            Ok(Err(e)) => return Err(format!("watching the sources failed: {e}")),
            Err(_) => return Err("the file watcher stopped".into()),
        };
        let Some(changed) = first else { continue };
        while rx.recv_timeout(Duration::from_millis(300)).is_ok() {}
        on_change(changed.strip_prefix(&project).unwrap_or(&changed));
    }
}

/// Whether a path is one of the sources a build reads (not an output, an editor's swap file
/// or anything under `target/`).
fn is_source(project: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(project) else { return false };
    let name = relative.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
        return false;
    }
    WATCHED_FILES.iter().any(|f| relative == Path::new(f)) || WATCHED_FOLDERS.iter().any(|f| relative.starts_with(f) && !relative.components().any(|c| c.as_os_str() == "target"))
}

/// The development site: the trainer-mode app as separate files, and a page that loads them
/// and the reload script. `build` is the number the page carries, to tell a newer build.
fn build_dev_site(build: u64) -> Result<(), String> {
    // The pack first, natively: its errors come back as file:line: reason, one per mistake.
    let pack = crate::cases::load_pack(None)?;
    let artifacts = build::dev()?;
    build::embed(&artifacts, &pack, &dev_site())?;
    write_dev_page(build, true)
}

/// The CSP of the development page: its own files only, and the reload channel.
const DEV_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
                       img-src data:; base-uri 'none'; form-action 'none'";

fn write_dev_page(build: u64, with_app: bool) -> Result<(), String> {
    let folder = dev_site();
    std::fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    build::write(&folder.join("dev-reload.js"), DEV_RELOAD_JS)?;
    let head = format!("<meta name=\"ethics-advisor-dev-build\" content=\"{build}\">{}", if with_app { "<link rel=\"stylesheet\" href=\"ethics-advisor.css\">" } else { "" });
    let app = if with_app { "<script type=\"module\" src=\"boot.js\"></script>" } else { "" };
    let page = build::page(DEV_CSP, &head, &format!("{app}<script type=\"module\" src=\"dev-reload.js\"></script>"))?;
    build::write(&folder.join("index.html"), &page)
}

/// The reload channel's client, served only by the development server. The error is set as
/// text, never as HTML.
const DEV_RELOAD_JS: &str = r#"// cargo xtask serve (development builds only): reload after each rebuild; show a broken edit.
const built = document.querySelector('meta[name="ethics-advisor-dev-build"]').content;
const events = new EventSource('/__dev/events');
let box = null;
events.addEventListener('build', (event) => {
  if (event.data !== built) location.reload();
});
events.addEventListener('problem', (event) => {
  if (!box) {
    box = document.createElement('div');
    box.id = 'ethics-advisor-dev-problem';
    box.setAttribute('role', 'alert');
    Object.assign(box.style, { position: 'fixed', top: '0', left: '0', right: '0', zIndex: '2147483647', maxHeight: '60vh', overflow: 'auto',
      background: '#fff', color: '#0b0c0c', border: '5px solid #d4351c', padding: '16px', font: '16px/1.4 monospace', whiteSpace: 'pre-wrap' });
    document.body.prepend(box);
  }
  box.textContent = 'The last edit does not build (cargo xtask serve). The page shows the last good build.\n\n' + event.data;
});
"#;

/// What the server knows of the last build, shared with every connection.
struct Site {
    root: PathBuf,
    /// Successful builds so far; a development page carries the number it was built with.
    build: u64,
    /// Why the last build failed, if it did.
    problem: Option<String>,
    /// Development pages listening for the next build.
    listeners: Vec<Box<dyn Write + Send>>,
}

type Shared = Arc<Mutex<Site>>;

/// Records a build's result and tells every listening page.
fn announce(site: &Shared, problem: Option<String>) {
    let Ok(mut site) = site.lock() else { return };
    if problem.is_none() {
        site.build += 1;
    }
    site.problem = problem;
    let message = events(&site);
    site.listeners.retain_mut(|stream| stream.write_all(message.as_bytes()).and_then(|()| stream.flush()).is_ok());
}

/// The events that bring a page up to date: the build number, then the problem if any.
fn events(site: &Site) -> String {
    let mut message = format!("event: build\ndata: {}\n\n", site.build);
    if let Some(problem) = &site.problem {
        message.push_str("event: problem\n");
        for line in problem.lines() {
            message.push_str(&format!("data: {line}\n"));
        }
        message.push('\n');
    }
    message
}

/// Serves `root` on `listener` until the process ends, one thread per connection.
pub fn serve_forever(listener: TcpListener, root: PathBuf) {
    serve_site(listener, Arc::new(Mutex::new(Site { root, build: 0, problem: None, listeners: Vec::new() })), Mode::Release);
}

fn serve_site(listener: TcpListener, site: Shared, mode: Mode) {
    let server = match tiny_http::Server::from_listener(listener, None) {
        Ok(server) => server,
        Err(e) => return eprintln!("serve: cannot serve: {e}"),
    };
    for request in server.incoming_requests() {
        respond(request, &site, mode);
    }
}

fn respond(request: Request, site: &Shared, mode: Mode) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return reply(request, 405, "text/plain", b"method not allowed\n".to_vec());
    }
    let path = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    if path == "/__dev/events" && mode == Mode::Dev {
        return listen(request.into_writer(), site);
    }
    let relative = if path.ends_with('/') { format!("{path}index.html") } else { path };
    let relative = Path::new(relative.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return reply(request, 400, "text/plain", b"bad path\n".to_vec());
    }
    let root = site.lock().map(|s| s.root.clone()).unwrap_or_default();
    match std::fs::read(root.join(relative)) {
        Ok(body) => reply(request, 200, content_type(relative), body),
        Err(_) => reply(request, 404, "text/plain", b"not found\n".to_vec()),
    }
}

/// Keeps a development page's event stream open: it gets the state now, and every build after.
fn listen(mut stream: Box<dyn Write + Send>, site: &Shared) {
    let Ok(mut site) = site.lock() else { return };
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n";
    if stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(events(&site).as_bytes())).and_then(|()| stream.flush()).is_ok() {
        site.listeners.push(stream);
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// Answers with the body and the headers every response of ours carries (nothing cached,
/// no sniffing, no referrer); tiny_http leaves the body out for HEAD.
fn reply(request: Request, status: u16, content_type: &str, body: Vec<u8>) {
    let mut response = Response::from_data(body).with_status_code(status);
    for (name, value) in [("Content-Type", content_type), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")] {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_trigger_a_rebuild() {
        let project = Path::new("/p");
        for (path, source) in [
            ("/p/rules/topics/1_gifts.toml", true),
            ("/p/src/components/question.rs", true),
            ("/p/engine/src/load.rs", true),
            ("/p/cases/told/gifts.toml", true),
            ("/p/index.html", true),
            ("/p/Cargo.toml", true),
            ("/p/target/debug/xtask", false),
            ("/p/engine/target/x", false),
            ("/p/dist/index.html", false),
            ("/p/rules/.1_gifts.toml.swp", false),
            ("/p/tests/e2e/gifts.test.mjs", false),
            ("/elsewhere/rules/a.toml", false),
        ] {
            assert_eq!(is_source(project, Path::new(path)), source, "{path}");
        }
    }

    #[test]
    fn a_problem_reaches_pages_line_by_line_after_the_build_number() {
        let site = Site { root: PathBuf::new(), build: 3, problem: Some("rules/a.toml:4: bad\nsecond line".into()), listeners: Vec::new() };
        assert_eq!(events(&site), "event: build\ndata: 3\n\nevent: problem\ndata: rules/a.toml:4: bad\ndata: second line\n\n");
    }
}
