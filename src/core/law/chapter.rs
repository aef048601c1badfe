//! The table of the Code's 84 chapters (plus the 附则), with their article ranges.

use super::Book;

/// One chapter (章) of the Code: its Book, 分编 where the Book has them, title and articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chapter {
    pub book: Book,
    pub part: Option<&'static str>,
    pub title: &'static str,
    pub first: u16,
    pub last: u16,
}

impl Chapter {
    /// The chapter an article sits in, or `None` outside 1..=1260.
    pub fn of_article(article: u16) -> Option<&'static Chapter> {
        CHAPTERS
            .iter()
            .find(|chapter| (chapter.first..=chapter.last).contains(&article))
    }

    /// The chapters of one Book, in order.
    pub fn of_book(book: Book) -> impl Iterator<Item = &'static Chapter> {
        CHAPTERS.iter().filter(move |chapter| chapter.book == book)
    }

    /// A stable index of the chapter in the Code (0-based), usable as a key.
    pub fn index(&self) -> usize {
        CHAPTERS
            .iter()
            .position(|chapter| chapter.first == self.first)
            .expect("a chapter from the table")
    }
}

/// Every chapter of the Code in order; the 附则, which has no chapters, is its own entry.
pub static CHAPTERS: [Chapter; 85] = [
    Chapter {
        book: Book::General,
        part: None,
        title: "第一章 基本规定",
        first: 1,
        last: 12,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第二章 自然人",
        first: 13,
        last: 56,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第三章 法人",
        first: 57,
        last: 101,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第四章 非法人组织",
        first: 102,
        last: 108,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第五章 民事权利",
        first: 109,
        last: 132,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第六章 民事法律行为",
        first: 133,
        last: 160,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第七章 代理",
        first: 161,
        last: 175,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第八章 民事责任",
        first: 176,
        last: 187,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第九章 诉讼时效",
        first: 188,
        last: 199,
    },
    Chapter {
        book: Book::General,
        part: None,
        title: "第十章 期间计算",
        first: 200,
        last: 204,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第一分编 通则"),
        title: "第一章 一般规定",
        first: 205,
        last: 208,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第一分编 通则"),
        title: "第二章 物权的设立、变更、转让和消灭",
        first: 209,
        last: 232,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第一分编 通则"),
        title: "第三章 物权的保护",
        first: 233,
        last: 239,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第二分编 所有权"),
        title: "第四章 一般规定",
        first: 240,
        last: 245,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第二分编 所有权"),
        title: "第五章 国家所有权和集体所有权、私人所有权",
        first: 246,
        last: 270,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第二分编 所有权"),
        title: "第六章 业主的建筑物区分所有权",
        first: 271,
        last: 287,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第二分编 所有权"),
        title: "第七章 相邻关系",
        first: 288,
        last: 296,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第二分编 所有权"),
        title: "第八章 共有",
        first: 297,
        last: 310,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第二分编 所有权"),
        title: "第九章 所有权取得的特别规定",
        first: 311,
        last: 322,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第三分编 用益物权"),
        title: "第十章 一般规定",
        first: 323,
        last: 329,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第三分编 用益物权"),
        title: "第十一章 土地承包经营权",
        first: 330,
        last: 343,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第三分编 用益物权"),
        title: "第十二章 建设用地使用权",
        first: 344,
        last: 361,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第三分编 用益物权"),
        title: "第十三章 宅基地使用权",
        first: 362,
        last: 365,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第三分编 用益物权"),
        title: "第十四章 居住权",
        first: 366,
        last: 371,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第三分编 用益物权"),
        title: "第十五章 地役权",
        first: 372,
        last: 385,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第四分编 担保物权"),
        title: "第十六章 一般规定",
        first: 386,
        last: 393,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第四分编 担保物权"),
        title: "第十七章 抵押权",
        first: 394,
        last: 424,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第四分编 担保物权"),
        title: "第十八章 质权",
        first: 425,
        last: 446,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第四分编 担保物权"),
        title: "第十九章 留置权",
        first: 447,
        last: 457,
    },
    Chapter {
        book: Book::RealRights,
        part: Some("第五分编 占有"),
        title: "第二十章 占有",
        first: 458,
        last: 462,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第一章 一般规定",
        first: 463,
        last: 468,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第二章 合同的订立",
        first: 469,
        last: 501,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第三章 合同的效力",
        first: 502,
        last: 508,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第四章 合同的履行",
        first: 509,
        last: 534,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第五章 合同的保全",
        first: 535,
        last: 542,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第六章 合同的变更和转让",
        first: 543,
        last: 556,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第七章 合同的权利义务终止",
        first: 557,
        last: 576,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第一分编 通则"),
        title: "第八章 违约责任",
        first: 577,
        last: 594,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第九章 买卖合同",
        first: 595,
        last: 647,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十章 供用电、水、气、热力合同",
        first: 648,
        last: 656,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十一章 赠与合同",
        first: 657,
        last: 666,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十二章 借款合同",
        first: 667,
        last: 680,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十三章 保证合同",
        first: 681,
        last: 702,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十四章 租赁合同",
        first: 703,
        last: 734,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十五章 融资租赁合同",
        first: 735,
        last: 760,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十六章 保理合同",
        first: 761,
        last: 769,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十七章 承揽合同",
        first: 770,
        last: 787,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十八章 建设工程合同",
        first: 788,
        last: 808,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第十九章 运输合同",
        first: 809,
        last: 842,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十章 技术合同",
        first: 843,
        last: 887,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十一章 保管合同",
        first: 888,
        last: 903,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十二章 仓储合同",
        first: 904,
        last: 918,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十三章 委托合同",
        first: 919,
        last: 936,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十四章 物业服务合同",
        first: 937,
        last: 950,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十五章 行纪合同",
        first: 951,
        last: 960,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十六章 中介合同",
        first: 961,
        last: 966,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第二分编 典型合同"),
        title: "第二十七章 合伙合同",
        first: 967,
        last: 978,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第三分编 准合同"),
        title: "第二十八章 无因管理",
        first: 979,
        last: 984,
    },
    Chapter {
        book: Book::Contracts,
        part: Some("第三分编 准合同"),
        title: "第二十九章 不当得利",
        first: 985,
        last: 988,
    },
    Chapter {
        book: Book::PersonalityRights,
        part: None,
        title: "第一章 一般规定",
        first: 989,
        last: 1001,
    },
    Chapter {
        book: Book::PersonalityRights,
        part: None,
        title: "第二章 生命权、身体权和健康权",
        first: 1002,
        last: 1011,
    },
    Chapter {
        book: Book::PersonalityRights,
        part: None,
        title: "第三章 姓名权和名称权",
        first: 1012,
        last: 1017,
    },
    Chapter {
        book: Book::PersonalityRights,
        part: None,
        title: "第四章 肖像权",
        first: 1018,
        last: 1023,
    },
    Chapter {
        book: Book::PersonalityRights,
        part: None,
        title: "第五章 名誉权和荣誉权",
        first: 1024,
        last: 1031,
    },
    Chapter {
        book: Book::PersonalityRights,
        part: None,
        title: "第六章 隐私权和个人信息保护",
        first: 1032,
        last: 1039,
    },
    Chapter {
        book: Book::MarriageFamily,
        part: None,
        title: "第一章 一般规定",
        first: 1040,
        last: 1045,
    },
    Chapter {
        book: Book::MarriageFamily,
        part: None,
        title: "第二章 结婚",
        first: 1046,
        last: 1054,
    },
    Chapter {
        book: Book::MarriageFamily,
        part: None,
        title: "第三章 家庭关系",
        first: 1055,
        last: 1075,
    },
    Chapter {
        book: Book::MarriageFamily,
        part: None,
        title: "第四章 离婚",
        first: 1076,
        last: 1092,
    },
    Chapter {
        book: Book::MarriageFamily,
        part: None,
        title: "第五章 收养",
        first: 1093,
        last: 1118,
    },
    Chapter {
        book: Book::Succession,
        part: None,
        title: "第一章 一般规定",
        first: 1119,
        last: 1125,
    },
    Chapter {
        book: Book::Succession,
        part: None,
        title: "第二章 法定继承",
        first: 1126,
        last: 1132,
    },
    Chapter {
        book: Book::Succession,
        part: None,
        title: "第三章 遗嘱继承和遗赠",
        first: 1133,
        last: 1144,
    },
    Chapter {
        book: Book::Succession,
        part: None,
        title: "第四章 遗产的处理",
        first: 1145,
        last: 1163,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第一章 一般规定",
        first: 1164,
        last: 1178,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第二章 损害赔偿",
        first: 1179,
        last: 1187,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第三章 责任主体的特殊规定",
        first: 1188,
        last: 1201,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第四章 产品责任",
        first: 1202,
        last: 1207,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第五章 机动车交通事故责任",
        first: 1208,
        last: 1217,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第六章 医疗损害责任",
        first: 1218,
        last: 1228,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第七章 环境污染和生态破坏责任",
        first: 1229,
        last: 1235,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第八章 高度危险责任",
        first: 1236,
        last: 1244,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第九章 饲养动物损害责任",
        first: 1245,
        last: 1251,
    },
    Chapter {
        book: Book::Torts,
        part: None,
        title: "第十章 建筑物和物件损害责任",
        first: 1252,
        last: 1258,
    },
    Chapter {
        book: Book::Supplementary,
        part: None,
        title: "附则",
        first: 1259,
        last: 1260,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::law::LAST_ARTICLE;

    #[test]
    fn the_code_has_84_chapters_and_the_supplementary_provisions() {
        let chapters = CHAPTERS
            .iter()
            .filter(|c| c.book != Book::Supplementary)
            .count();
        assert_eq!(chapters, 84);
    }

    #[test]
    fn chapters_are_contiguous_and_stay_inside_their_books() {
        let mut next = 1;
        for chapter in &CHAPTERS {
            assert_eq!(
                chapter.first, next,
                "{} starts right after the last",
                chapter.title
            );
            assert!(chapter.first <= chapter.last);
            assert_eq!(Book::of_article(chapter.first), Some(chapter.book));
            assert_eq!(Book::of_article(chapter.last), Some(chapter.book));
            next = chapter.last + 1;
        }
        assert_eq!(next, LAST_ARTICLE + 1);
    }

    #[test]
    fn articles_find_their_chapter() {
        assert_eq!(Chapter::of_article(17).unwrap().title, "第二章 自然人");
        let high_rise = Chapter::of_article(1254).unwrap();
        assert_eq!(high_rise.title, "第十章 建筑物和物件损害责任");
        assert_eq!(high_rise.book, Book::Torts);
        assert_eq!(
            Chapter::of_article(300).unwrap().part,
            Some("第二分编 所有权")
        );
        assert_eq!(Chapter::of_article(0), None);
        assert_eq!(Chapter::of_book(Book::Contracts).count(), 29);
        assert_eq!(Chapter::of_article(1260).unwrap().index(), 84);
    }
}
