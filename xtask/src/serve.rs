//! `cargo xtask serve [--root DIR] [--port N]`: the project's one static file server
//! (std::net only), for dist/ by default. Playwright's webServer starts it, and so do the
//! browser scripts in tests/e2e (`startServer` in `tests/e2e/support/chromium.js`, which
//! reads the URL from the first line it prints).
//!
//! GET and HEAD only; nothing outside the root (no `..`, no symlink out); a content type
//! for every file the bundle ships (`application/wasm` for streaming compilation);
//! `Cache-Control: no-cache`, so a rebuilt dist/ is what the next page load gets.

use crate::cmd::Result;
use crate::dist::{self, DIST};
use crate::flags;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

const DEFAULT_PORT: u16 = 8000;
const MAX_HEADER_BYTES: usize = 16 * 1024;

impl flags::Demo {
    pub fn run(self) -> Result {
        dist::dist()?;
        flags::Serve {
            root: None,
            port: None,
        }
        .run()
    }
}

impl flags::Serve {
    pub fn run(self) -> Result {
        let port = match self.port {
            Some(port) => port,
            None => port_from_env()?,
        };
        let (root, shown) = match &self.root {
            Some(root) => {
                if !root.is_dir() {
                    return Err(format!("{} is not a directory", root.display()));
                }
                (root.clone(), root.display().to_string())
            }
            None => {
                if !Path::new(DIST).join("index.html").is_file() {
                    return Err(format!(
                        "{DIST}/index.html not found: run `cargo xtask dist` first"
                    ));
                }
                (PathBuf::from(DIST), DIST.to_owned())
            }
        };
        let root = fs::canonicalize(&root).map_err(|e| format!("cannot open {shown}/: {e}"))?;
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        // Port 0 asks for any free port: say which one it is.
        let port = listener
            .local_addr()
            .map_err(|e| format!("cannot read the listening address: {e}"))?
            .port();
        // The first line is read by tests/e2e/support/chromium.js: keep its shape.
        say(format_args!(
            "serving {shown}/ at http://127.0.0.1:{port}/ (Ctrl-C to stop)"
        ));
        say(format_args!("open http://127.0.0.1:{port}/index.html"));
        for stream in listener.incoming() {
            match stream {
                Ok(stream) => {
                    let root = root.clone();
                    thread::spawn(move || {
                        if let Err(e) = handle(stream, &root) {
                            eprintln!("serve: {e}");
                        }
                    });
                }
                Err(e) => eprintln!("serve: accept failed: {e}"),
            }
        }
        Ok(())
    }
}

/// `$PORT`, else 8000.
fn port_from_env() -> Result<u16> {
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

fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let head = read_head(&mut stream)?;
    let mut words = head.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, content_type, body) = respond(method, target, root);
    say(format_args!("{method} {target} {status}"));
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
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
    use super::{content_type, request_path};
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
}
