//! Answering with the keyboard: A–F or 1–6 pick a choice.

/// The choice a key picks (`key` as the browser names it: "a", "B", "3"), if the question
/// has that many choices.
pub fn choice_for_key(key: &str, choices: usize) -> Option<u8> {
    let mut chars = key.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let index = match c.to_ascii_uppercase() {
        letter @ 'A'..='F' => letter as u8 - b'A',
        digit @ '1'..='6' => digit as u8 - b'1',
        _ => return None,
    };
    (usize::from(index) < choices).then_some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_pick_choices_within_range() {
        assert_eq!(choice_for_key("a", 4), Some(0));
        assert_eq!(choice_for_key("D", 4), Some(3));
        assert_eq!(choice_for_key("1", 2), Some(0));
        assert_eq!(choice_for_key("2", 2), Some(1));
        assert_eq!(
            choice_for_key("3", 2),
            None,
            "a judge question has two choices"
        );
        assert_eq!(choice_for_key("F", 6), Some(5));
        assert_eq!(choice_for_key("g", 6), None);
        assert_eq!(choice_for_key("Enter", 4), None);
        assert_eq!(choice_for_key("", 4), None);
    }
}
