//! Text files as Chinese offices write them: UTF-8 with or without a BOM, or GBK / GB18030
//! (what Excel and WPS save as "CSV" on a Chinese Windows).

use std::borrow::Cow;

/// The encoding a file turned out to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8WithBom,
    Gb18030,
}

/// Decodes a file's bytes: UTF-8 when they are valid UTF-8 (a BOM is dropped), GB18030 (a
/// superset of GBK and GB2312) otherwise. GB18030 maps every byte sequence, so this never fails.
/// UTF-8 text is borrowed from the bytes, not copied.
pub fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    decode_text_with(bytes, |bytes| {
        encoding_rs::GB18030.decode(bytes).0.into_owned()
    })
}

/// [`decode_text`] with the GB18030 decoder given: the browser passes its own (`TextDecoder`)
/// so that the wasm does not carry encoding tables the browser already has.
pub fn decode_text_with(
    bytes: &[u8],
    gb18030: impl FnOnce(&[u8]) -> String,
) -> (Cow<'_, str>, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), Encoding::Utf8WithBom);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), Encoding::Utf8),
        Err(_) => (Cow::Owned(gb18030(bytes)), Encoding::Gb18030),
    }
}

/// Tidies one cell: trims spaces (also the ideographic space U+3000 and non-breaking spaces)
/// and turns full-width ASCII (０-９, Ａ-Ｚ, …) into ordinary characters.
pub fn normalize_cell(cell: &str) -> String {
    tidy_cell(cell).into_owned()
}

/// [`normalize_cell`] without copying a cell that only needs trimming (most cells): the
/// large-table readers call it for every cell.
pub fn tidy_cell(cell: &str) -> Cow<'_, str> {
    if !has_wide_characters(cell) {
        return Cow::Borrowed(trimmed(cell));
    }
    let wide: String = cell
        .chars()
        .map(|c| match c {
            '\u{3000}' | '\u{00A0}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    Cow::Owned(wide.trim().to_string())
}

/// Whether the cell holds U+3000, U+00A0 or full-width ASCII (U+FF01–U+FF5E), told from the
/// UTF-8 bytes: their encodings start E3 80 80, C2 A0, and EF BC 81–EF BD 9E.
/// `cell.trim()`, without decoding the characters at its ends when they are plainly not white
/// space (most cells): printable ASCII, or a character from U+4000 on (its first byte 0xE4 or
/// more; the white space of Unicode lies below U+3001).
fn trimmed(cell: &str) -> &str {
    let bytes = cell.as_bytes();
    let printable = |b: u8| (0x21..0x7F).contains(&b);
    let solid_start = bytes.first().is_some_and(|&b| printable(b) || b >= 0xE4);
    let solid_end = bytes.last().is_some_and(|&b| printable(b))
        || bytes.len() >= 3 && (0xE4..=0xEF).contains(&bytes[bytes.len() - 3]);
    if solid_start && solid_end {
        cell
    } else {
        cell.trim()
    }
}

fn has_wide_characters(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        0xC2 => bytes.get(i + 1) == Some(&0xA0),
        0xE3 => bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80]),
        0xEF => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0xBC), Some(0x81..=0xBF)) | (Some(0xBD), Some(0x80..=0x9E))
        ),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_trims_as_trim_does() {
        let pieces = [
            "", " ", "\t", "\u{b}", "\r\n", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}", "\u{3000}",
            "\u{3001}", "\u{feff}", "a", "~", "\u{1f}", "\u{7f}", "é", "张", "䀀", "\u{ff10}",
            "😀",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let cell = format!("{a}{b}{c}");
                    assert_eq!(trimmed(&cell), cell.trim(), "{cell:?}");
                }
            }
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode_text("姓名,单位".as_bytes()),
            ("姓名,单位".into(), Encoding::Utf8)
        );
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), "姓名".as_bytes()].concat();
        assert_eq!(
            decode_text(&with_bom),
            ("姓名".into(), Encoding::Utf8WithBom)
        );
    }

    #[test]
    fn gbk_bytes_decode_as_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode("工号,姓名,单位\r\n001,张三,司法局");
        let (text, encoding) = decode_text(&gbk);
        assert_eq!(encoding, Encoding::Gb18030);
        assert_eq!(text, "工号,姓名,单位\r\n001,张三,司法局");
        let (gb18030, _, _) = encoding_rs::GB18030.encode("䶮");
        assert_eq!(decode_text(&gb18030).0, "䶮");
    }

    #[test]
    fn the_given_decoder_is_used_only_for_text_that_is_not_utf8() {
        let marker = |_: &[u8]| "由浏览器解码".to_string();
        assert_eq!(
            decode_text_with("姓名".as_bytes(), marker),
            ("姓名".into(), Encoding::Utf8)
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名");
        assert_eq!(
            decode_text_with(&gbk, marker),
            ("由浏览器解码".into(), Encoding::Gb18030)
        );
    }

    #[test]
    fn cells_lose_stray_and_full_width_spaces_and_digits() {
        assert_eq!(normalize_cell("\u{3000} 张三 \t"), "张三");
        assert_eq!(normalize_cell("ＳＦ００１２"), "SF0012");
        assert_eq!(
            normalize_cell("司法局（机关）"),
            "司法局(机关)",
            "one spelling per unit"
        );
    }

    #[test]
    fn tidying_borrows_unless_a_character_changes() {
        assert!(matches!(tidy_cell(" 司法局 "), Cow::Borrowed("司法局")));
        assert!(matches!(tidy_cell("第102单位、"), Cow::Borrowed(_)));
        for cell in ["\u{3000}张三", "A\u{00A0}B", "ＳＦ", "～", "！"] {
            assert!(matches!(tidy_cell(cell), Cow::Owned(_)), "{cell}");
        }
        // Every character the byte check looks at, against the character rule.
        for c in ('\u{0}'..='\u{FFFF}').filter(|c| !c.is_control()) {
            let cell = format!("a{c}b");
            let wide = matches!(c, '\u{3000}' | '\u{00A0}' | '\u{FF01}'..='\u{FF5E}');
            assert_eq!(has_wide_characters(&cell), wide, "U+{:04X}", c as u32);
        }
    }
}
