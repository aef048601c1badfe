//! Article numbers as people write them: 1254, 第1254条, 第一千二百五十四条.

use super::LAST_ARTICLE;

/// Reads a number written in Arabic digits or in Chinese numerals (一千二百五十四, 十七, 两百).
pub fn parse_number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    let (mut total, mut digit, mut seen) = (0u32, None::<u32>, false);
    for c in text.chars() {
        seen = true;
        match c {
            '零' | '〇' => digit = Some(0),
            '一' => digit = Some(1),
            '二' | '两' => digit = Some(2),
            '三' => digit = Some(3),
            '四' => digit = Some(4),
            '五' => digit = Some(5),
            '六' => digit = Some(6),
            '七' => digit = Some(7),
            '八' => digit = Some(8),
            '九' => digit = Some(9),
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total += digit.unwrap_or(1) * unit;
                digit = None;
            }
            _ => return None,
        }
    }
    seen.then_some(total + digit.unwrap_or(0))
}

/// Reads one article reference — "1254", "第1254条", "第一千二百五十四条" — if it names an
/// article of the Code (1..=1260).
pub fn parse_article(text: &str) -> Option<u16> {
    let text = text.trim();
    let inner = text
        .strip_prefix('第')
        .and_then(|rest| rest.strip_suffix('条'))
        .unwrap_or(text);
    let number = u16::try_from(parse_number(inner)?).ok()?;
    (1..=LAST_ARTICLE).contains(&number).then_some(number)
}

/// Every article named as 第…条 inside a longer text, in order of appearance.
pub fn articles_mentioned(text: &str) -> Vec<u16> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('第') {
        let after = &rest[start + '第'.len_utf8()..];
        let Some(end) = after.find('条') else { break };
        if let Some(number) = parse_article(&after[..end]) {
            found.push(number);
        }
        rest = after;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_read_as_people_write_them() {
        assert_eq!(parse_number("十七"), Some(17));
        assert_eq!(parse_number("十"), Some(10));
        assert_eq!(parse_number("二十"), Some(20));
        assert_eq!(parse_number("一百零四"), Some(104));
        assert_eq!(parse_number("一千二百五十四"), Some(1254));
        assert_eq!(parse_number("一千二百六十"), Some(1260));
        assert_eq!(parse_number("两百"), Some(200));
        assert_eq!(parse_number("1254"), Some(1254));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("十七条"), None);
    }

    #[test]
    fn all_three_article_forms_parse() {
        assert_eq!(parse_article("1254"), Some(1254));
        assert_eq!(parse_article("第1254条"), Some(1254));
        assert_eq!(parse_article("第一千二百五十四条"), Some(1254));
        assert_eq!(parse_article(" 第17条 "), Some(17));
        assert_eq!(parse_article("1261"), None);
        assert_eq!(parse_article("0"), None);
        assert_eq!(parse_article("第条"), None);
        assert_eq!(parse_article("高空抛物"), None);
    }

    #[test]
    fn mentions_are_found_inside_sentences() {
        let text = "第十七条规定成年年龄；另见第18条与第一千二百六十条。第三人不是条文。";
        assert_eq!(articles_mentioned(text), vec![17, 18, 1260]);
    }
}
