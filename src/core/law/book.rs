//! The Code's seven Books and the 附则, each with its article range.

use serde::{Deserialize, Serialize};

/// One of the Civil Code's parts: the seven Books (编) and the supplementary provisions (附则).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Book {
    General,
    RealRights,
    Contracts,
    PersonalityRights,
    MarriageFamily,
    Succession,
    Torts,
    Supplementary,
}

/// The highest article number of the Code.
pub const LAST_ARTICLE: u16 = 1260;

impl Book {
    /// All Books in the Code's order.
    pub const ALL: [Book; 8] = [
        Book::General,
        Book::RealRights,
        Book::Contracts,
        Book::PersonalityRights,
        Book::MarriageFamily,
        Book::Succession,
        Book::Torts,
        Book::Supplementary,
    ];

    /// The Book's number as used in question ids and URLs: 1..=7, and 8 for 附则.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The Book with the given number (1..=8).
    pub fn from_number(number: u8) -> Option<Book> {
        Book::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// The first and last article of the Book.
    pub fn articles(self) -> (u16, u16) {
        match self {
            Book::General => (1, 204),
            Book::RealRights => (205, 462),
            Book::Contracts => (463, 988),
            Book::PersonalityRights => (989, 1039),
            Book::MarriageFamily => (1040, 1118),
            Book::Succession => (1119, 1163),
            Book::Torts => (1164, 1258),
            Book::Supplementary => (1259, LAST_ARTICLE),
        }
    }

    /// The Book an article belongs to, or `None` for a number outside 1..=1260.
    pub fn of_article(article: u16) -> Option<Book> {
        Book::ALL.into_iter().find(|book| {
            let (first, last) = book.articles();
            (first..=last).contains(&article)
        })
    }

    /// The short name: 总则, 物权, …, 附则.
    pub fn name(self) -> &'static str {
        match self {
            Book::General => "总则",
            Book::RealRights => "物权",
            Book::Contracts => "合同",
            Book::PersonalityRights => "人格权",
            Book::MarriageFamily => "婚姻家庭",
            Book::Succession => "继承",
            Book::Torts => "侵权责任",
            Book::Supplementary => "附则",
        }
    }

    /// The full heading as the Code prints it: 第一编 总则, …, 附则.
    pub fn heading(self) -> &'static str {
        match self {
            Book::General => "第一编 总则",
            Book::RealRights => "第二编 物权",
            Book::Contracts => "第三编 合同",
            Book::PersonalityRights => "第四编 人格权",
            Book::MarriageFamily => "第五编 婚姻家庭",
            Book::Succession => "第六编 继承",
            Book::Torts => "第七编 侵权责任",
            Book::Supplementary => "附则",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_map_to_their_books_at_every_boundary() {
        assert_eq!(Book::of_article(0), None);
        assert_eq!(Book::of_article(1), Some(Book::General));
        assert_eq!(Book::of_article(204), Some(Book::General));
        assert_eq!(Book::of_article(205), Some(Book::RealRights));
        assert_eq!(Book::of_article(988), Some(Book::Contracts));
        assert_eq!(Book::of_article(989), Some(Book::PersonalityRights));
        assert_eq!(Book::of_article(1118), Some(Book::MarriageFamily));
        assert_eq!(Book::of_article(1163), Some(Book::Succession));
        assert_eq!(Book::of_article(1254), Some(Book::Torts));
        assert_eq!(Book::of_article(1260), Some(Book::Supplementary));
        assert_eq!(Book::of_article(1261), None);
    }

    #[test]
    fn book_ranges_cover_the_code_without_gaps() {
        let mut next = 1;
        for book in Book::ALL {
            let (first, last) = book.articles();
            assert_eq!(first, next, "{book:?} starts where the previous Book ended");
            next = last + 1;
        }
        assert_eq!(next, LAST_ARTICLE + 1);
    }

    #[test]
    fn numbers_round_trip() {
        for book in Book::ALL {
            assert_eq!(Book::from_number(book.number()), Some(book));
        }
        assert_eq!(Book::from_number(0), None);
        assert_eq!(Book::from_number(9), None);
        assert_eq!(Book::Torts.number(), 7);
    }
}
