//! A QR code of a text, drawn as SVG markup (no user text ends up in the markup: the text
//! is only encoded into the black and white modules).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of a QR code for `text` with medium error correction, or `None` if the text is
/// too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_draw_as_svg_and_overlong_text_is_refused() {
        let svg = qr_svg("XFR1.eyJlIjoiRTIwMjQifQ").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert!(!svg.contains("XFR1"), "the text is not in the markup");
        assert!(
            qr_svg(&"x".repeat(600)).is_some(),
            "a long result code fits"
        );
        assert_eq!(qr_svg(&"x".repeat(5000)), None);
    }
}
