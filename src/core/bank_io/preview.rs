//! The preview of an import: every question found, where it was (row or line) and what is
//! wrong with it, field by field. Saving takes all of it or, if the user says so, only the
//! questions without problems.

use super::Draft;

/// One problem with one field of a question (or of the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field as the template names it: 题型, 题干, 选项, 答案, 解析, 依据条文, 难度, 文件.
    pub field: String,
    pub message: String,
}

impl Problem {
    /// A problem with `field`.
    pub fn new(field: &str, message: impl Into<String>) -> Problem {
        Problem {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// One question found in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// The row (template) or first line (GIFT, Aiken) of the question, counted from 1.
    pub line: usize,
    /// The question as far as it could be read; `None` when too little was understood.
    pub draft: Option<Draft>,
    /// The start of the stem as written, to recognise the question by.
    pub label: String,
    pub problems: Vec<Problem>,
}

impl PreviewRow {
    /// A row from what a reader understood: its own problems, then the draft's.
    pub fn new(line: usize, label: &str, draft: Option<Draft>, mut problems: Vec<Problem>) -> Self {
        if let Some(draft) = &draft {
            problems.extend(draft.problems());
        }
        PreviewRow {
            line,
            draft,
            label: label.chars().take(40).collect(),
            problems,
        }
    }

    /// Whether the question can be saved as it is.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.draft.is_some()
    }
}

/// Everything a file held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub rows: Vec<PreviewRow>,
    /// Problems with the file as a whole (no header row, nothing found).
    pub problems: Vec<Problem>,
}

impl Preview {
    /// A preview of a file that could not be read at all.
    pub fn unreadable(message: impl Into<String>) -> Preview {
        Preview {
            rows: vec![],
            problems: vec![Problem::new("文件", message)],
        }
    }

    /// Adds the file-level problem "nothing found" when no question was found.
    pub(crate) fn finish(mut self) -> Preview {
        if self.rows.is_empty() && self.problems.is_empty() {
            self.problems
                .push(Problem::new("文件", "文件中没有找到题目"));
        }
        self
    }

    /// Whether every question is valid and the file has no problem of its own.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.rows.iter().all(PreviewRow::is_valid)
    }

    /// How many questions can be saved as they are.
    pub fn valid_count(&self) -> usize {
        self.rows.iter().filter(|r| r.is_valid()).count()
    }

    /// The questions to save: all of them when the file is clean, or — with `only_valid` —
    /// those without problems; `None` when the file is not clean and `only_valid` is not set,
    /// or nothing would be saved.
    pub fn drafts(&self, only_valid: bool) -> Option<Vec<Draft>> {
        if !self.is_clean() && !only_valid {
            return None;
        }
        let drafts: Vec<Draft> = self
            .rows
            .iter()
            .filter(|r| r.is_valid())
            .filter_map(|r| r.draft.clone())
            .collect();
        (!drafts.is_empty()).then_some(drafts)
    }
}
