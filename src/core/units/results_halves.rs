//! Reading a large results table in two halves at once (the native command has two cores):
//! the rows after the header are cut at a line end near the middle, and the second half is
//! read by a reader resuming there, as [`ResultsTableReader`] resumes between parts.

use std::borrow::Cow;

use super::{Halves, ResultRows, ResultsTableReader, RowProblem};
use crate::core::formats::decode_text;

/// [`read_results_table`](super::read_results_table), the rows after the header read in two
/// halves by `join`, which runs both jobs and returns when both are done (the text's UTF-8
/// check is made in two halves by it as well), and kept in
/// `results` (empty: all rows, or each person's counted result). The rows and problems are
/// the same whatever the cut: should the first half's last record not end where the second
/// half starts (a quoted cell spanning the cut), the second half's reading is dropped and the
/// first half's reader reads on.
pub fn read_results_table_in_halves<R: ResultRows + Send>(
    bytes: &[u8],
    results: R,
    join: impl Fn(Halves<'_>),
) -> Result<R, Vec<RowProblem>> {
    read_cut_after(bytes, results, None, join)
}

/// [`read_results_table_in_halves`], cut at the first line end from byte `from` of the text
/// (`None`: from the middle of the rows after the header).
fn read_cut_after<R: ResultRows + Send>(
    bytes: &[u8],
    results: R,
    from: Option<usize>,
    join: impl Fn(Halves<'_>),
) -> Result<R, Vec<RowProblem>> {
    let decoded = decoded_in_halves(bytes, &join);
    let text: &str = &decoded;
    let mut head = ResultsTableReader::uncounted(Cow::Borrowed(text), results);
    while !head.header_found() && !head.read(1) {}
    let read = head.offset();
    let from = from.unwrap_or(read + (text.len() - read) / 2).max(read);
    let Some(cut) = head.header_found().then(|| cut_after(text, from)).flatten() else {
        head.count_lines();
        head.read(usize::MAX);
        return head.finish();
    };
    let mut tail = head.resumed_at(text, cut);
    join((
        &mut || {
            head.count_lines();
            head.read_part(usize::MAX, cut);
        },
        &mut || {
            tail.count_lines();
            tail.read(usize::MAX);
        },
    ));
    if head.offset() == cut {
        head.take_over(tail);
    } else {
        head.read(usize::MAX);
    }
    head.finish()
}

/// The table's text as [`decode_text`] gives it, a text without a BOM checked for UTF-8 in two
/// halves by `join`: cut before a byte that starts a character, a UTF-8 text is two UTF-8
/// texts, and two UTF-8 texts one after the other are one.
fn decoded_in_halves<'b>(bytes: &'b [u8], join: impl Fn(Halves<'_>)) -> Cow<'b, str> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return decode_text(bytes).0;
    }
    let starts_character = |&b: &u8| !(0x80..0xC0).contains(&b);
    let middle = bytes.len() / 2;
    let cut = middle
        + bytes[middle..]
            .iter()
            .position(starts_character)
            .unwrap_or(0);
    let (first, second) = bytes.split_at(cut);
    let (mut first_is_utf8, mut second_is_utf8) = (false, false);
    join((
        &mut || first_is_utf8 = std::str::from_utf8(first).is_ok(),
        &mut || second_is_utf8 = std::str::from_utf8(second).is_ok(),
    ));
    if first_is_utf8 && second_is_utf8 {
        // SAFETY: the two parts are UTF-8, so their concatenation, `bytes`, is.
        Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(bytes) })
    } else {
        decode_text(bytes).0
    }
}

/// Where a reader's record ending at the first line end from byte `from` leaves off: after a
/// `\n`, or on the `\n` of a `\r\n` (the record ends with the `\r`). `None` when no line end
/// follows, or nothing after it.
fn cut_after(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let newline = from + bytes.get(from..)?.iter().position(|&b| b == b'\n')?;
    let cut = if newline > 0 && bytes[newline - 1] == b'\r' {
        newline
    } else {
        newline + 1
    };
    (cut < bytes.len()).then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exam::CountRule;
    use crate::core::units::{
        counted_results, one_after_another, read_results_table, CountedResults, ScoredResult,
    };

    #[test]
    fn every_cut_reads_the_same_rows_and_problems_as_the_whole() {
        let crlf = "某镇成绩汇总\r\n\r\n工号,姓名,单位,得分,交卷时间\r\n1,\"张\r\n三\",司法局,90,\r\n\r\n2,李四,财政局,优,\r\n3,王五,财政局,60,2026-11-20 09:30:00\r\n,赵六,司法局,70,\r\n4,钱七,司法局,75,\r\n5,\"孙\n八\",司法局,80,\r\n\r\n";
        let lf = crlf.replace("\r\n", "\n");
        let clean = "工号,姓名,单位,得分,交卷时间\n1,张三,司法局,90,\n2,李四,财政局,80,\r\n3,王五,财政局,60,2026-11-20 09:30:00\n4,钱七,司法局,75,";
        let no_header = "姓名,分数\n张三,90\n李四,80\n";
        let twice = "工号,姓名,单位,得分,交卷时间\n1,张三,司法局,70,\n2,李四,财政局,80,\n1,张三,司法局,90,\r\n3,王五,财政局,60,\n2,李四,财政局,80,\n1,张三,司法局,90,\n";
        for text in [crlf, &lf, clean, no_header, twice] {
            let bytes = text.as_bytes();
            let whole = read_results_table(bytes);
            let counted = whole
                .clone()
                .map(|rows| counted_results(rows, CountRule::Highest));
            for from in 0..=text.len() {
                let halves = read_cut_after(bytes, Vec::new(), Some(from), one_after_another);
                assert_eq!(halves, whole, "cut after byte {from} of {text:?}");
                let picked = CountedResults::<ScoredResult>::new(CountRule::Highest);
                let picked = read_cut_after(bytes, picked, Some(from), one_after_another);
                let picked = picked.map(CountedResults::into_results);
                assert_eq!(
                    picked, counted,
                    "counted, cut after byte {from} of {text:?}"
                );
            }
            let middle = read_results_table_in_halves(bytes, Vec::new(), one_after_another);
            assert_eq!(middle, whole);
        }
        assert!(read_results_table(clean.as_bytes()).is_ok_and(|rows| rows.len() == 4));
    }

    #[test]
    fn texts_checked_in_halves_decode_as_the_whole() {
        let pieces: [&[u8]; 9] = [
            b"a",
            b"\n",
            "张".as_bytes(),
            "😀".as_bytes(),
            "é".as_bytes(),
            b"\xEF\xBB\xBF",
            b"\xD5\xC5",
            b"\x80",
            b"\xE5\xBC",
        ];
        let mut texts = vec![Vec::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| [text, *piece].concat()))
                .collect();
        }
        for bytes in texts {
            let whole = decode_text(&bytes).0;
            assert_eq!(
                decoded_in_halves(&bytes, one_after_another),
                whole,
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn the_halves_are_cut_where_a_record_leaves_off() {
        assert_eq!(cut_after("a\nb\n", 0), Some(2));
        assert_eq!(cut_after("a\r\nb\r\n", 0), Some(2), "on the \\n of \\r\\n");
        assert_eq!(cut_after("a\nb\n", 2), None, "nothing after the last line");
        assert_eq!(cut_after("a,b", 0), None);
    }
}
