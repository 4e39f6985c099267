//! The project's one static file server (std::net only), for dist/ by default:
//! `cargo serve` (its own binary, `main.rs`) and `cargo xtask serve`/`demo` run it.
//! Playwright's webServer starts it, and so do the browser scripts in tests/e2e
//! (`startServer` in `tests/e2e/support/chromium.js`, which reads the URL from the first
//! line it prints).
//!
//! GET and HEAD only; nothing outside the root (no `..`, no symlink out); a content type
//! for every file the bundle ships (`application/wasm` for streaming compilation);
//! `Cache-Control: no-cache`, so a rebuilt dist/ is what the next page load gets.
//! With `--gzip` it compresses text, JSON and wasm as a CDN would (`Content-Encoding: gzip`
//! when the request's `Accept-Encoding` allows it, `Vary: Accept-Encoding` either way): the
//! Lighthouse bench serves its host pages so.

use clap::Args;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

/// What is served when no `--root` is given (relative to the current directory).
pub const DEFAULT_ROOT: &str = "dist";
const DEFAULT_PORT: u16 = 8000;
const MAX_HEADER_BYTES: usize = 16 * 1024;

/// What to serve, where, and how.
#[derive(Clone, Debug, Args)]
pub struct Options {
    /// Directory to serve (relative to the current directory) [default: dist/]
    #[arg(long, value_name = "DIR", value_parser = absolute_path)]
    pub root: Option<PathBuf>,
    /// Port on 127.0.0.1; 0: any free one (the URL is printed) [default: $PORT, else 8000]
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// Answer with `Content-Encoding: gzip` when the request accepts it, as a CDN would.
    #[arg(long)]
    pub gzip: bool,
}

fn absolute_path(text: &str) -> Result<PathBuf, String> {
    std::path::absolute(text).map_err(|e| format!("cannot resolve `{text}`: {e}"))
}

/// Serves until the process is stopped; an error only when it cannot start.
pub fn serve(options: Options) -> Result<(), String> {
    let port = match options.port {
        Some(port) => port,
        None => port_from_env()?,
    };
    let (root, shown) = match &options.root {
        Some(root) => {
            if !root.is_dir() {
                return Err(format!("{} is not a directory", root.display()));
            }
            (root.clone(), root.display().to_string())
        }
        None => {
            if !Path::new(DEFAULT_ROOT).join("index.html").is_file() {
                return Err(format!(
                    "{DEFAULT_ROOT}/index.html not found: run `cargo xtask dist` first"
                ));
            }
            (PathBuf::from(DEFAULT_ROOT), DEFAULT_ROOT.to_owned())
        }
    };
    let root = fs::canonicalize(&root).map_err(|e| format!("cannot open {shown}/: {e}"))?;
    let gzip = options.gzip;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    // Port 0 asks for any free port: say which one it is.
    let port = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?
        .port();
    // The first line is read by tests/e2e/support/chromium.js: keep its shape.
    say(format_args!(
        "serving {shown}/ at http://127.0.0.1:{port}/ (Ctrl-C to stop){}",
        if gzip { ", gzip" } else { "" }
    ));
    say(format_args!("open http://127.0.0.1:{port}/index.html"));
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let root = root.clone();
                thread::spawn(move || {
                    if let Err(e) = handle(stream, &root, gzip) {
                        eprintln!("serve: {e}");
                    }
                });
            }
            Err(e) => eprintln!("serve: accept failed: {e}"),
        }
    }
    Ok(())
}

/// `$PORT`, else 8000.
fn port_from_env() -> Result<u16, String> {
    match std::env::var("PORT") {
        Ok(text) => text
            .trim()
            .parse::<u16>()
            .map_err(|_| format!("PORT must be a port number, got `{text}`")),
        Err(_) => Ok(DEFAULT_PORT),
    }
}

/// A line on stdout, flushed; never a panic when whoever started the server stopped
/// reading (a closed pipe).
fn say(line: std::fmt::Arguments) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

fn handle(mut stream: TcpStream, root: &Path, gzip: bool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let head = read_head(&mut stream)?;
    let (log, response) = answer(&head, root, gzip);
    say(format_args!("{log}"));
    stream.write_all(&response)?;
    stream.flush()
}

/// The log line and the full response (status line, headers and, unless HEAD, the body) to
/// a request's head.
fn answer(head: &str, root: &Path, gzip: bool) -> (String, Vec<u8>) {
    let mut words = head.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, content_type, body) = respond(method, target, root);
    let compressible = gzip && compressible(content_type);
    let encode = compressible && header(head, "accept-encoding").is_some_and(accepts_gzip);
    let body = if encode { gzipped(&body) } else { body };
    let mut header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        body.len()
    );
    if encode {
        header.push_str("Content-Encoding: gzip\r\n");
    }
    if compressible {
        // Caches must keep the gzip and the plain answer apart.
        header.push_str("Vary: Accept-Encoding\r\n");
    }
    header.push_str("\r\n");
    let mut response = header.into_bytes();
    if method != "HEAD" {
        response.extend_from_slice(&body);
    }
    let log = format!(
        "{method} {target} {status}{}",
        if encode { " (gzip)" } else { "" }
    );
    (log, response)
}

/// The value of the first header called `name` (any case) in a request's head.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines()
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter_map(|line| line.split_once(':'))
        .find(|(key, _)| key.trim().eq_ignore_ascii_case(name))
        .map(|(_, value)| value.trim())
}

/// Whether an `Accept-Encoding` value allows gzip: `gzip`, `x-gzip` or `*`, unless its
/// quality is 0 (`gzip;q=0`).
pub fn accepts_gzip(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim();
        let refused = parts.any(|param| {
            param
                .trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f64>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        !refused
            && ["gzip", "x-gzip", "*"]
                .iter()
                .any(|c| coding.eq_ignore_ascii_case(c))
    })
}

/// What a CDN compresses: text, scripts, JSON, SVG and wasm (not images or archives).
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || ["application/json", "application/wasm", "image/svg+xml"]
            .iter()
            .any(|t| content_type.starts_with(t))
}

/// `bytes` gzip-compressed at the default level (6), as CDNs compress on the fly.
fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    // Writing into a Vec cannot fail.
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("gzip into memory")
}

/// Reads the request line and headers (the body, if any, is ignored).
fn read_head(stream: &mut TcpStream) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_HEADER_BYTES {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

fn respond(method: &str, target: &str, root: &Path) -> (&'static str, &'static str, Vec<u8>) {
    let text = |status, body: &str| (status, "text/plain; charset=utf-8", body.into());
    if method != "GET" && method != "HEAD" {
        return text("405 Method Not Allowed", "only GET and HEAD\n");
    }
    let Some(relative) = request_path(target) else {
        return text("403 Forbidden", "forbidden path\n");
    };
    let mut path = root.join(relative);
    if path.is_dir() {
        path.push("index.html");
    }
    // Resolve symlinks too: whatever is served must live inside the root.
    match fs::canonicalize(&path) {
        Ok(real) if !real.starts_with(root) => text("403 Forbidden", "forbidden path\n"),
        Ok(real) if real.is_file() => match fs::read(&real) {
            Ok(body) => ("200 OK", content_type(&real), body),
            Err(_) => text("500 Internal Server Error", "cannot read file\n"),
        },
        _ => text("404 Not Found", "not found\n"),
    }
}

/// The file path (relative to the served root) for a request target, or
/// `None` for anything that could escape the root (`..`, backslashes, NUL).
pub fn request_path(target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            name => relative.push(name),
        }
    }
    if decoded.ends_with('/') || relative.as_os_str().is_empty() {
        relative.push("index.html");
    }
    Some(relative)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "css" => "text/css; charset=utf-8",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::{accepts_gzip, answer, content_type, handle, request_path};
    use flate2::read::GzDecoder;
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::path::{Path, PathBuf};

    #[test]
    fn maps_targets_to_files_under_the_root() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(request_path("/"), p("index.html"));
        assert_eq!(request_path("/index.html?x=1#top"), p("index.html"));
        assert_eq!(request_path("/a/./b%20c.js"), p("a/b c.js"));
        assert_eq!(request_path("/sub/"), p("sub/index.html"));
    }

    #[test]
    fn rejects_traversal() {
        for target in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/a%5c..%5cx",
            "x",
            "/%zz",
        ] {
            assert_eq!(request_path(target), None, "{target}");
        }
    }

    #[test]
    fn knows_content_types() {
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("a.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a.svg")), "image/svg+xml");
        assert_eq!(content_type(Path::new("a")), "application/octet-stream");
    }

    #[test]
    fn reads_accept_encoding() {
        for yes in [
            "gzip",
            "gzip, deflate, br, zstd",
            "br;q=1.0, GZIP;q=0.5",
            "*",
            "x-gzip",
        ] {
            assert!(accepts_gzip(yes), "{yes}");
        }
        for no in [
            "",
            "identity",
            "br",
            "gzip;q=0",
            "deflate, gzip ; q=0.0",
            "gzipped",
        ] {
            assert!(!accepts_gzip(no), "{no}");
        }
    }

    /// A served root with one page, unique to the test.
    fn root_with_page(name: &str, page: &str) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("static-server-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("page.html"), page).unwrap();
        std::fs::canonicalize(root).unwrap()
    }

    /// The head (as text) and the body of a response.
    fn split(response: &[u8]) -> (String, Vec<u8>) {
        let end = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a blank line after the headers");
        let head = String::from_utf8(response[..end].to_vec()).unwrap();
        (head, response[end + 4..].to_vec())
    }

    fn gunzip(bytes: &[u8]) -> String {
        let mut text = String::new();
        GzDecoder::new(bytes).read_to_string(&mut text).unwrap();
        text
    }

    const PAGE: &str = "<!doctype html><p>hello hello hello hello hello hello</p>\n";

    #[test]
    fn gzips_only_when_asked_and_allowed() {
        let root = root_with_page("negotiation", PAGE);
        let get = |accept: &str| format!("GET /page.html HTTP/1.1\r\nHost: x\r\n{accept}\r\n");
        let with = get("Accept-Encoding: gzip, deflate, br\r\n");
        let without = get("");

        let (log, response) = answer(&with, &root, true);
        let (head, body) = split(&response);
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("\r\nContent-Encoding: gzip"), "{head}");
        assert!(head.contains("\r\nVary: Accept-Encoding"), "{head}");
        assert!(
            head.contains(&format!("\r\nContent-Length: {}", body.len())),
            "{head}"
        );
        assert_eq!(gunzip(&body), PAGE);
        assert!(log.ends_with("200 OK (gzip)"), "{log}");

        let (_, response) = answer(&without, &root, true);
        let (head, body) = split(&response);
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert!(head.contains("\r\nVary: Accept-Encoding"), "{head}");
        assert_eq!(body, PAGE.as_bytes());

        // Without --gzip the server never compresses, nor says it varies.
        let (_, response) = answer(&with, &root, false);
        let (head, body) = split(&response);
        assert!(
            !head.contains("Content-Encoding") && !head.contains("Vary"),
            "{head}"
        );
        assert_eq!(body, PAGE.as_bytes());

        // HEAD: the headers of the gzip answer, no body.
        let (_, response) = answer(&with.replacen("GET", "HEAD", 1), &root, true);
        let (head, body) = split(&response);
        assert!(head.contains("Content-Encoding: gzip"), "{head}");
        assert!(body.is_empty());
    }

    #[test]
    fn gzips_over_a_socket() {
        let root = root_with_page("socket", PAGE);
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let address = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            for _ in 0..2 {
                let (stream, _) = listener.accept().unwrap();
                handle(stream, &root, true).unwrap();
            }
        });
        let fetch = |extra: &str| {
            let mut stream = TcpStream::connect(address).unwrap();
            write!(
                stream,
                "GET /page.html HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n"
            )
            .unwrap();
            let mut response = Vec::new();
            stream.read_to_end(&mut response).unwrap();
            split(&response)
        };
        let (head, body) = fetch("Accept-Encoding: gzip\r\n");
        assert!(head.contains("Content-Encoding: gzip"), "{head}");
        assert_eq!(gunzip(&body), PAGE);
        let (head, body) = fetch("");
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, PAGE.as_bytes());
        server.join().unwrap();
    }
}
