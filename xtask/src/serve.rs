//! `cargo xtask serve`: a tiny static file server for dist/ (std::net only).

use crate::cmd::Result;
use crate::dist::DIST;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

const DEFAULT_PORT: u16 = 8000;
const MAX_HEADER_BYTES: usize = 16 * 1024;

pub fn serve() -> Result {
    let port = match std::env::var("PORT") {
        Ok(text) => text
            .trim()
            .parse::<u16>()
            .map_err(|_| format!("PORT must be a port number, got `{text}`"))?,
        Err(_) => DEFAULT_PORT,
    };
    if !Path::new(DIST).join("index.html").is_file() {
        return Err(format!(
            "{DIST}/index.html not found: run `cargo xtask dist` first"
        ));
    }
    let root = fs::canonicalize(DIST).map_err(|e| format!("cannot open {DIST}/: {e}"))?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("serving {DIST}/ at http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    println!("open http://127.0.0.1:{port}/index.html");
    let _ = std::io::stdout().flush();
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

fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let head = read_head(&mut stream)?;
    let mut words = head.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, content_type, body) = respond(method, target, root);
    println!("{method} {target} {status}");
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
