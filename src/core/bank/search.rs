//! Searching the bank: by words in a question, or by the article it cites.

use crate::core::law::parse_article;

use super::{Bank, Question};

/// What a learner searched for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchQuery {
    /// An article, written "1254", "第1254条" or "第一千二百五十四条".
    Article(u16),
    /// Words that must all occur in the stem, the options or the explanation.
    Words(Vec<String>),
}

impl SearchQuery {
    /// Reads a search box; `None` when it holds nothing to search for.
    pub fn parse(text: &str) -> Option<SearchQuery> {
        if let Some(article) = parse_article(text) {
            return Some(SearchQuery::Article(article));
        }
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '，' || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        (!words.is_empty()).then_some(SearchQuery::Words(words))
    }

    /// Whether a question matches.
    pub fn matches(&self, question: &Question) -> bool {
        match self {
            SearchQuery::Article(article) => question.articles.contains(article),
            SearchQuery::Words(words) => {
                let text = format!(
                    "{}\n{}\n{}",
                    question.stem,
                    question.options.join("\n"),
                    question.explanation
                )
                .to_lowercase();
                words.iter().all(|word| text.contains(word.as_str()))
            }
        }
    }
}

impl Bank {
    /// The questions matching a query, in bank order.
    pub fn search(&self, query: &SearchQuery) -> Vec<&Question> {
        self.questions()
            .iter()
            .filter(|q| query.matches(q))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::{Answer, QuestionKind};

    fn question(id: &str, stem: &str, articles: Vec<u16>, explanation: &str) -> Question {
        Question {
            id: id.into(),
            kind: QuestionKind::Judge,
            stem: stem.into(),
            options: vec![],
            answer: Answer::Verdict(true),
            articles,
            explanation: explanation.into(),
            difficulty: 1,
            case: None,
            tags: vec![],
        }
    }

    #[test]
    fn all_three_article_forms_search_by_article() {
        for text in ["1254", "第1254条", "第一千二百五十四条", " 第1254条 "] {
            assert_eq!(
                SearchQuery::parse(text),
                Some(SearchQuery::Article(1254)),
                "{text}"
            );
        }
        assert_eq!(
            SearchQuery::parse("高空 抛物"),
            Some(SearchQuery::Words(vec!["高空".into(), "抛物".into()]))
        );
        assert_eq!(SearchQuery::parse("  "), None);
        assert_eq!(
            SearchQuery::parse("9999"),
            Some(SearchQuery::Words(vec!["9999".into()])),
            "a number past the Code's end is just text"
        );
    }

    #[test]
    fn searches_find_questions_by_article_or_by_all_words() {
        let bank = Bank::new(
            vec![
                question(
                    "B7-0001",
                    "从高楼抛掷物品致人损害",
                    vec![1254],
                    "禁止从建筑物中抛掷物品。",
                ),
                question(
                    "B7-0002",
                    "饲养动物致人损害",
                    vec![1245, 1254],
                    "动物饲养人应当承担侵权责任。",
                ),
                question(
                    "B1-0001",
                    "成年人的年龄",
                    vec![17],
                    "十八周岁以上的自然人为成年人。",
                ),
            ],
            vec![],
        );
        let ids = |query: &str| -> Vec<String> {
            bank.search(&SearchQuery::parse(query).unwrap())
                .iter()
                .map(|q| q.id.clone())
                .collect()
        };
        assert_eq!(ids("第一千二百五十四条"), ["B7-0001", "B7-0002"]);
        assert_eq!(ids("17"), ["B1-0001"]);
        assert_eq!(ids("致人损害 建筑物"), ["B7-0001"], "every word must occur");
        assert_eq!(ids("成年人"), ["B1-0001"]);
        assert!(ids("合同").is_empty());
    }
}
