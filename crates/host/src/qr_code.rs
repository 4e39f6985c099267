//! The handout's QR code of a link: its dark modules as one SVG path, so the printed page
//! carries the link to the figures for a phone to open.

use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};

/// The light border around the code, in modules (the standard's quiet zone).
const QUIET_ZONE: usize = 4;

/// A QR code drawn as an SVG path: `width` modules square, quiet zone included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    /// The side of the square, in modules.
    pub width: usize,
    /// The dark modules, one `M x y h n v 1 h -n z` per horizontal run.
    pub path: String,
}

fn encode(text: &str) -> Option<QrCode> {
    let segments = QrSegment::make_segments(text);
    let mask = Some(Mask::new(0));
    QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        mask,
        true,
    )
    .ok()
}

/// The dark modules of `code`, row by row.
fn rows(code: &QrCode) -> Vec<Vec<bool>> {
    let side = code.size();
    (0..side)
        .map(|y| (0..side).map(|x| code.get_module(x, y)).collect())
        .collect()
}

/// The QR code of `text`, or `None` when it is too long to fit: at least medium error
/// correction (more where it fits the same size), with one mask, not the best of eight: a
/// tenth of the time (BENCHMARKS.md), and any reader reads every mask.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = encode(text)?;
    let modules = usize::try_from(code.size()).ok()?;
    let mut path = String::new();
    for (y, row) in rows(&code).iter().enumerate() {
        let mut x = 0;
        while x < modules {
            if !row[x] {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|dark| **dark).count();
            let (left, top) = (x + QUIET_ZONE, y + QUIET_ZONE);
            path.push_str(&format!("M{left} {top}h{run}v1h-{run}z"));
            x += run;
        }
    }
    Some(QrPath {
        width: modules + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules the path draws, as (x, y) without the quiet zone.
    fn drawn(qr: &QrPath) -> Vec<(usize, usize)> {
        let mut dark = Vec::new();
        for part in qr.path.split('z').filter(|part| !part.is_empty()) {
            let numbers: Vec<usize> = part
                .trim_start_matches('M')
                .split([' ', 'h', 'v'])
                .filter(|n| !n.is_empty() && !n.starts_with('-'))
                .map(|n| n.parse().unwrap())
                .collect();
            let [x, y, run, 1] = numbers[..] else {
                panic!("unexpected part {part}");
            };
            dark.extend((x..x + run).map(|x| (x - QUIET_ZONE, y - QUIET_ZONE)));
        }
        dark
    }

    #[test]
    fn the_path_draws_exactly_the_codes_dark_modules() {
        let text = "https://vendor.example/partners#partner-roi=3~example-cloud~gold~40~6";
        let qr = qr_path(text).unwrap();
        let code = encode(text).unwrap();
        assert_eq!(qr.width, code.size() as usize + 8);
        let expected: Vec<(usize, usize)> = rows(&code)
            .iter()
            .enumerate()
            .flat_map(|(y, row)| {
                row.iter()
                    .enumerate()
                    .filter(|(_, dark)| **dark)
                    .map(move |(x, _)| (x, y))
            })
            .collect();
        assert_eq!(drawn(&qr), expected);
    }

    #[test]
    fn the_finder_patterns_sit_in_three_corners_not_the_fourth() {
        let qr = qr_path("https://vendor.example/p").unwrap();
        let dark = drawn(&qr);
        let side = qr.width - 2 * QUIET_ZONE;
        // A finder's outer ring: its top row is seven dark modules.
        for (left, top) in [(0, 0), (side - 7, 0), (0, side - 7)] {
            assert!((left..left + 7).all(|x| dark.contains(&(x, top))));
        }
        let bottom_right = side - 7;
        assert!(!(bottom_right..side).all(|x| dark.contains(&(x, bottom_right))));
    }

    #[test]
    fn a_text_too_long_for_any_code_has_none() {
        assert_eq!(qr_path(&"x".repeat(3_000)), None);
    }
}
