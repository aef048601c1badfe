//! Practice sets: which questions a set holds, how it is ordered, and how it is written in a
//! link (`/set?scope=chapter:12&order=shuffle&seed=7&mix=1`), so a reload gives the same set.

use crate::core::bank::{Bank, Question, QuestionKind, SearchQuery, UNIT_BANK};
use crate::core::bank_io::imported_set_of;
use crate::core::law::{Book, Chapter, CHAPTERS};

use super::{arrange, Day, LearnerState, Order};

/// Which questions a practice set holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everything in the bank.
    All,
    Book(Book),
    /// A chapter, by its index in the Code's table.
    Chapter(usize),
    Kind(QuestionKind),
    /// 1 easy, 2 medium, 3 hard.
    Difficulty(u8),
    /// A single question (the question of the day).
    Question(String),
    /// The results of a search.
    Search(String),
    /// The 错题本, all of it or one chapter's group.
    Wrong(Option<usize>),
    /// The 错题本's group of imported questions that rest on no article of the Code.
    WrongUnit,
    /// The imported questions (本单位题库): all sets, or one set by its id.
    Unit(Option<String>),
    /// The questions due for review today.
    Review,
}

/// A practice set as chosen: scope, order and whether options are shuffled per showing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetSpec {
    pub scope: Scope,
    pub order: Order,
    /// Whether each showing of a question puts its options in a fresh order.
    pub shuffle_options: bool,
}

impl Scope {
    fn encode(&self) -> String {
        match self {
            Scope::All => "all".into(),
            Scope::Book(book) => format!("book:{}", book.number()),
            Scope::Chapter(index) => format!("chapter:{index}"),
            Scope::Kind(kind) => format!("kind:{}", kind_code(*kind)),
            Scope::Difficulty(level) => format!("level:{level}"),
            Scope::Question(id) => format!("q:{id}"),
            Scope::Search(text) => format!("search:{text}"),
            Scope::Wrong(None) => "wrong".into(),
            Scope::Wrong(Some(index)) => format!("wrong:{index}"),
            Scope::WrongUnit => "wrong:unit".into(),
            Scope::Unit(None) => "unit".into(),
            Scope::Unit(Some(set)) => format!("unit:{set}"),
            Scope::Review => "review".into(),
        }
    }

    fn decode(text: &str) -> Option<Scope> {
        let (name, arg) = text.split_once(':').unwrap_or((text, ""));
        let chapter = |arg: &str| arg.parse::<usize>().ok().filter(|&i| i < CHAPTERS.len());
        Some(match (name, arg) {
            ("all", "") => Scope::All,
            ("book", n) => Scope::Book(Book::from_number(n.parse().ok()?)?),
            ("chapter", n) => Scope::Chapter(chapter(n)?),
            ("kind", k) => Scope::Kind(
                [
                    QuestionKind::Single,
                    QuestionKind::Multiple,
                    QuestionKind::Judge,
                ]
                .into_iter()
                .find(|kind| kind_code(*kind) == k)?,
            ),
            ("level", n) => Scope::Difficulty(n.parse().ok().filter(|l| (1..=3).contains(l))?),
            ("q", id) if !id.is_empty() => Scope::Question(id.into()),
            ("search", text) if !text.trim().is_empty() => Scope::Search(text.into()),
            ("wrong", "") => Scope::Wrong(None),
            ("wrong", "unit") => Scope::WrongUnit,
            ("unit", "") => Scope::Unit(None),
            ("unit", set) => Scope::Unit(Some(set.into())),
            ("wrong", n) => Scope::Wrong(Some(chapter(n)?)),
            ("review", "") => Scope::Review,
            _ => return None,
        })
    }
}

fn kind_code(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "single",
        QuestionKind::Multiple => "multiple",
        QuestionKind::Judge => "judge",
    }
}

/// The name of a difficulty level.
pub fn difficulty_label(level: u8) -> &'static str {
    match level {
        1 => "容易",
        2 => "中等",
        _ => "较难",
    }
}

impl SetSpec {
    /// A set in the Code's order with options as written.
    pub fn sequential(scope: Scope) -> SetSpec {
        SetSpec {
            scope,
            order: Order::Sequential,
            shuffle_options: false,
        }
    }

    /// The link's query parameters (values not yet percent-encoded).
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![("scope", self.scope.encode())];
        if let Order::Shuffled(seed) = self.order {
            params.push(("order", "shuffle".into()));
            params.push(("seed", seed.to_string()));
        }
        if self.shuffle_options {
            params.push(("mix", "1".into()));
        }
        params
    }

    /// Reads a set from a link's (decoded) query parameters; `None` if it names no valid set.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Option<SetSpec> {
        let scope = Scope::decode(&get("scope")?)?;
        let order = match get("order").as_deref() {
            Some("shuffle") => Order::Shuffled(get("seed")?.parse().ok()?),
            None | Some("seq") => Order::Sequential,
            Some(_) => return None,
        };
        Some(SetSpec {
            scope,
            order,
            shuffle_options: get("mix").as_deref() == Some("1"),
        })
    }

    /// The set's heading.
    pub fn title(&self) -> String {
        match &self.scope {
            Scope::All => "全部题目".into(),
            Scope::Book(book) => book.heading().into(),
            Scope::Chapter(index) => chapter_heading(&CHAPTERS[*index]),
            Scope::Kind(kind) => kind.label().into(),
            Scope::Difficulty(level) => format!("难度：{}", difficulty_label(*level)),
            Scope::Question(_) => "每日一题".into(),
            Scope::Search(text) => format!("搜索“{text}”"),
            Scope::Wrong(None) => "错题本 · 全部重做".into(),
            Scope::Wrong(Some(index)) => format!("错题本 · {}", chapter_heading(&CHAPTERS[*index])),
            Scope::WrongUnit => format!("错题本 · {UNIT_BANK}"),
            Scope::Unit(_) => UNIT_BANK.into(),
            Scope::Review => "今日复习".into(),
        }
    }

    /// Whether the set goes round, preferring questions not yet answered (topic practice),
    /// rather than going through its questions once and ending (错题本, review, search).
    pub fn goes_round(&self) -> bool {
        matches!(
            self.scope,
            Scope::All
                | Scope::Book(_)
                | Scope::Chapter(_)
                | Scope::Kind(_)
                | Scope::Difficulty(_)
                | Scope::Unit(_)
        )
    }

    /// The set's questions in order. The 错题本 and review scopes read the learner's state as
    /// it is now, so the set is fixed when it starts even as answers change that state.
    pub fn questions<'a>(
        &self,
        bank: &'a Bank,
        learner: &LearnerState,
        today: Day,
    ) -> Vec<&'a Question> {
        let by_ids = |ids: Vec<String>| -> Vec<&'a Question> {
            ids.iter().filter_map(|id| bank.question(id)).collect()
        };
        let all = bank.questions().iter();
        let chosen: Vec<&Question> = match &self.scope {
            Scope::All => all.collect(),
            Scope::Book(book) => bank.in_book(*book).collect(),
            Scope::Chapter(index) => all
                .filter(|q| q.chapter().is_some_and(|c| c.index() == *index))
                .collect(),
            Scope::Kind(kind) => all.filter(|q| q.kind == *kind).collect(),
            Scope::Difficulty(level) => all.filter(|q| q.difficulty == *level).collect(),
            Scope::Question(id) => bank.question(id).into_iter().collect(),
            Scope::Search(text) => SearchQuery::parse(text)
                .map(|query| bank.search(&query))
                .unwrap_or_default(),
            Scope::Wrong(None) => by_ids(learner.wrong.redo_all_ids(bank, &learner.progress)),
            Scope::Wrong(Some(index)) => learner
                .wrong
                .groups(bank, &learner.progress)
                .into_iter()
                .find(|group| group.chapter.is_some_and(|c| c.index() == *index))
                .map(|group| by_ids(group.redo_ids()))
                .unwrap_or_default(),
            Scope::WrongUnit => learner
                .wrong
                .groups(bank, &learner.progress)
                .into_iter()
                .find(|group| group.chapter.is_none())
                .map(|group| by_ids(group.redo_ids()))
                .unwrap_or_default(),
            Scope::Unit(set) => all
                .filter(|q| {
                    imported_set_of(&q.id).is_some_and(|s| set.as_ref().is_none_or(|set| s == set))
                })
                .collect(),
            Scope::Review => {
                let due = learner.schedule.due(today);
                return due.iter().filter_map(|id| bank.question(id)).collect();
            }
        };
        arrange(chosen, self.order)
    }
}

/// A chapter as a heading: "第七编 侵权责任 · 第十章 建筑物和物件损害责任".
pub fn chapter_heading(chapter: &Chapter) -> String {
    if chapter.book == Book::Supplementary {
        chapter.title.to_string()
    } else {
        format!("{} · {}", chapter.book.heading(), chapter.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Answer;

    fn question(id: &str, article: u16, kind: QuestionKind, difficulty: u8) -> Question {
        Question {
            id: id.into(),
            kind,
            stem: format!("{id} 的题干"),
            options: vec!["甲".into(), "乙".into()],
            answer: Answer::Choices(vec![0]),
            articles: vec![article],
            explanation: format!("第{article}条。"),
            difficulty,
            case: None,
            tags: vec![],
        }
    }

    fn bank() -> Bank {
        Bank::new(
            vec![
                question("B1-0002", 18, QuestionKind::Single, 1),
                question("B1-0001", 17, QuestionKind::Multiple, 2),
                question("B1-0003", 60, QuestionKind::Single, 3),
                question("B7-0001", 1254, QuestionKind::Judge, 2),
            ],
            vec![],
        )
    }

    fn ids(spec: &SetSpec, learner: &LearnerState) -> Vec<String> {
        let today = Day::from_ymd(2024, 3, 2).unwrap();
        spec.questions(&bank(), learner, today)
            .iter()
            .map(|q| q.id.clone())
            .collect()
    }

    #[test]
    fn scopes_select_by_book_chapter_kind_difficulty_and_search() {
        let learner = LearnerState::default();
        let natural = Chapter::of_article(17).unwrap().index();
        let cases = [
            (Scope::All, vec!["B1-0001", "B1-0002", "B1-0003", "B7-0001"]),
            (
                Scope::Book(Book::General),
                vec!["B1-0001", "B1-0002", "B1-0003"],
            ),
            (Scope::Chapter(natural), vec!["B1-0001", "B1-0002"]),
            (
                Scope::Kind(QuestionKind::Single),
                vec!["B1-0002", "B1-0003"],
            ),
            (Scope::Difficulty(2), vec!["B1-0001", "B7-0001"]),
            (Scope::Question("B1-0003".into()), vec!["B1-0003"]),
            (Scope::Search("第1254条".into()), vec!["B7-0001"]),
        ];
        for (scope, expected) in cases {
            assert_eq!(
                ids(&SetSpec::sequential(scope.clone()), &learner),
                expected,
                "{scope:?}"
            );
        }
    }

    #[test]
    fn wrong_and_review_sets_come_from_the_learner() {
        let mut learner = LearnerState::default();
        let day = Day::from_ymd(2024, 3, 1).unwrap();
        learner.record_answer("B7-0001", false, day);
        learner.record_answer("B1-0002", false, day);
        learner.record_answer("B1-0003", true, day);
        assert_eq!(
            ids(&SetSpec::sequential(Scope::Wrong(None)), &learner),
            ["B1-0002", "B7-0001"]
        );
        let torts = Chapter::of_article(1254).unwrap().index();
        assert_eq!(
            ids(&SetSpec::sequential(Scope::Wrong(Some(torts))), &learner),
            ["B7-0001"]
        );
        assert_eq!(
            ids(&SetSpec::sequential(Scope::Review), &learner),
            ["B1-0002", "B7-0001"]
        );
    }

    #[test]
    fn sets_round_trip_through_links() {
        let specs = [
            SetSpec::sequential(Scope::Book(Book::Torts)),
            SetSpec {
                scope: Scope::Search("高空 抛物: 责任".into()),
                order: Order::Shuffled(42),
                shuffle_options: true,
            },
            SetSpec::sequential(Scope::Wrong(Some(84))),
            SetSpec::sequential(Scope::Kind(QuestionKind::Judge)),
            SetSpec::sequential(Scope::Review),
            SetSpec::sequential(Scope::WrongUnit),
            SetSpec::sequential(Scope::Unit(None)),
            SetSpec::sequential(Scope::Unit(Some("1a2b3c4d".into()))),
        ];
        for spec in specs {
            let params = spec.to_params();
            let get = |key: &str| {
                params
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
            };
            assert_eq!(SetSpec::from_params(get), Some(spec.clone()));
        }
        let bad = |scope: &'static str| {
            SetSpec::from_params(move |k| (k == "scope").then(|| scope.to_string()))
        };
        assert_eq!(bad("chapter:85"), None);
        assert_eq!(bad("level:4"), None);
        assert_eq!(bad("book:9"), None);
        assert_eq!(bad("search:  "), None);
        assert_eq!(SetSpec::from_params(|_| None), None);
    }

    #[test]
    fn topic_sets_go_round_and_the_others_end() {
        assert!(SetSpec::sequential(Scope::Chapter(3)).goes_round());
        assert!(!SetSpec::sequential(Scope::Wrong(None)).goes_round());
        assert!(!SetSpec::sequential(Scope::Search("x".into())).goes_round());
        assert_eq!(
            SetSpec::sequential(Scope::Chapter(Chapter::of_article(1254).unwrap().index())).title(),
            "第七编 侵权责任 · 第十章 建筑物和物件损害责任"
        );
    }

    #[test]
    fn imported_sets_are_practised_whole_or_set_by_set_and_after_the_code() {
        let mut bank_questions = bank().questions().to_vec();
        let mut unit = |id: &str, articles: Vec<u16>| {
            let mut q = question(id, 1, QuestionKind::Judge, 2);
            q.articles = articles;
            bank_questions.push(q);
        };
        unit("Uaaaa-0002", vec![]);
        unit("Uaaaa-0001", vec![1254]);
        unit("Ubbbb-0001", vec![]);
        let bank = Bank::new(bank_questions, vec![]);
        let today = Day::from_ymd(2024, 3, 2).unwrap();
        let mut learner = LearnerState::default();
        let ids = |scope: Scope, learner: &LearnerState| -> Vec<String> {
            SetSpec::sequential(scope)
                .questions(&bank, learner, today)
                .iter()
                .map(|q| q.id.clone())
                .collect()
        };
        assert_eq!(
            ids(Scope::Unit(None), &learner),
            ["Uaaaa-0001", "Uaaaa-0002", "Ubbbb-0001"]
        );
        assert_eq!(
            ids(Scope::Unit(Some("aaaa".into())), &learner),
            ["Uaaaa-0001", "Uaaaa-0002"]
        );
        assert_eq!(
            ids(Scope::Book(Book::Torts), &learner),
            ["B7-0001", "Uaaaa-0001"],
            "an imported question on an article of the Code joins its Book"
        );
        for id in ["Uaaaa-0002", "Uaaaa-0001", "B1-0001"] {
            learner.record_answer(id, false, today);
        }
        assert_eq!(ids(Scope::WrongUnit, &learner), ["Uaaaa-0002"]);
        let groups = learner.wrong.groups(&bank, &learner.progress);
        assert_eq!(groups.len(), 3);
        assert!(
            groups[2].chapter.is_none(),
            "questions on no article come last"
        );
        assert!(SetSpec::sequential(Scope::Unit(None)).goes_round());
        assert_eq!(SetSpec::sequential(Scope::Unit(None)).title(), "本单位题库");
    }
}
