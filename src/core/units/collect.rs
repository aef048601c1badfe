//! Collecting the results of one exam: every result file or code is read and its checksum
//! verified, its paper redrawn from the seed and re-graded from the answers against the bank,
//! and checked against the exam, its window and the roster. Records that fail a check are
//! listed apart with the reason; of a person's several accepted attempts the exam's
//! which-attempt-counts rule picks one.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{unit_report, Lines, Responses, Roster, ScoredResult, UnitReport};
use crate::core::bank::Bank;
use crate::core::exam::{
    bank_version, counted_attempt, decode_result_code, given_answers, mark_given,
    parse_result_file, CodeError, CountRule, DrawError, Drawer, ExamDefinition, ResultRecord,
    Score, RESULT_PREFIX,
};

/// Why a collected record does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Not a result file or code at all; the message says why.
    Unreadable(String),
    /// 校验码不符: changed after it was made, or mistyped.
    ChecksumMismatch,
    /// A result of another exam (or of another version of this one).
    OtherExam,
    /// Started before the window opened or handed in after it closed.
    OutsideWindow,
    /// The person's 工号 is not on the roster.
    NotOnRoster,
    /// The unit is not one of the roster's units (head-count rosters).
    UnknownUnit,
    /// Drawn from another bank version than the one loaded: it cannot be re-graded.
    BankVersionDiffers,
}

impl fmt::Display for Flag {
    /// The reason as the statistics page lists it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::Unreadable(why) => write!(f, "无法读取：{why}"),
            Flag::ChecksumMismatch => f.write_str("校验码不符"),
            Flag::OtherExam => f.write_str("不是本次考试的成绩"),
            Flag::OutsideWindow => f.write_str("不在考试时间内"),
            Flag::NotOnRoster => f.write_str("不在应考名单中"),
            Flag::UnknownUnit => f.write_str("单位不在名单中"),
            Flag::BankVersionDiffers => f.write_str("题库版本不同，无法复核"),
        }
    }
}

/// One input as collected: where it came from (a file name, "第 3 行") and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectedInput {
    pub source: String,
    pub text: String,
}

impl CollectedInput {
    /// One input per line of text that holds result codes (pasted, or a text file): blank lines
    /// skipped, each line trimmed, its source "`{place}`第 n 行" (n counted from 1, blank lines
    /// included, so it is the line the user sees).
    pub fn per_line(text: &str, place: &str) -> Vec<CollectedInput> {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| CollectedInput {
                source: format!("{place}第 {} 行", i + 1),
                text: line.trim().to_string(),
            })
            .collect()
    }
}

/// A record set apart, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct FlaggedRecord {
    pub source: String,
    pub flag: Flag,
    /// The record, when it could be read at all.
    pub record: Option<ResultRecord>,
}

/// A record that passed every check, with the score recomputed from its answers.
#[derive(Clone, Debug, PartialEq)]
pub struct AcceptedRecord {
    pub source: String,
    pub record: ResultRecord,
    score: Score,
    /// Each question of the paper, in paper order: its position in the exam's bank (see
    /// [`Collection::question_ids`]) and whether it was answered exactly right.
    pub outcomes: Vec<(u32, bool)>,
}

impl AcceptedRecord {
    /// The score as re-graded here (not as the participant's app claimed it).
    pub fn score(&self) -> Score {
        self.score
    }

    /// Whether the score the record claims differs from the re-graded one.
    pub fn claimed_score_differs(&self) -> bool {
        self.record.score != self.score()
    }
}

/// Everything collected for one exam.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collection {
    /// The attempt that counts for each person, in order of first appearance.
    pub counted: Vec<AcceptedRecord>,
    /// Accepted attempts that another attempt of the same person outranks.
    pub superseded: Vec<AcceptedRecord>,
    pub flagged: Vec<FlaggedRecord>,
    /// The ids of the exam's bank's questions, by position (what outcomes refer to).
    pub question_ids: Vec<String>,
}

impl Collection {
    /// The counted results as the per-unit report takes them, in points.
    pub fn scored(&self) -> Vec<ScoredResult> {
        self.counted
            .iter()
            .map(|a| ScoredResult {
                person_id: a.record.participant.staff_id.as_str().into(),
                name: a.record.participant.name.as_str().into(),
                unit: a.record.participant.unit.as_str().into(),
                score: a.score().as_points(),
                submitted_at: a.record.submitted_ms as i64,
            })
            .collect()
    }

    /// Each counted paper, for the item analysis.
    pub fn responses(&self) -> Vec<Responses<'_>> {
        self.counted
            .iter()
            .map(|a| Responses {
                score: a.score().as_points(),
                items: a
                    .outcomes
                    .iter()
                    .map(|&(at, correct)| (self.question_ids[at as usize].as_str(), correct))
                    .collect(),
            })
            .collect()
    }

    /// The per-unit report of the counted results, with the exam's lines.
    pub fn report(&self, exam: &ExamDefinition, roster: &Roster) -> UnitReport {
        self.report_with_tables(exam, roster, &[])
    }

    /// The per-unit report of the counted results together with rows of result tables other
    /// administrators exported (个人成绩); a person in both counts once, by the exam's rule.
    pub fn report_with_tables(
        &self,
        exam: &ExamDefinition,
        roster: &Roster,
        tables: &[ScoredResult],
    ) -> UnitReport {
        let lines = Lines {
            pass: f64::from(exam.pass_line),
            excellent: f64::from(exam.excellence_line),
        };
        let mut results = self.scored();
        results.extend_from_slice(tables);
        unit_report(roster, results, lines, exam.counts)
    }
}

/// Reads a result file (JSON) or a result code (`XFR1.…`), checksum verified.
fn read_record(text: &str) -> Result<ResultRecord, CodeError> {
    let text = text.trim();
    if text.starts_with(RESULT_PREFIX) {
        decode_result_code(text)
    } else {
        parse_result_file(text)
    }
}

/// Checks and re-grades every input against the exam, the bank and the roster, and picks
/// each person's counted attempt by the exam's rule.
pub fn collect_results(
    exam: &ExamDefinition,
    bank: &Bank,
    roster: &Roster,
    inputs: &[CollectedInput],
) -> Collection {
    // Papers are drawn from the built-in bank joined with the unit questions the exam carries.
    let joined = exam.joined_bank(bank);
    let exam_bank = joined.as_ref().unwrap_or(bank);
    let mut collector = Collector::new(exam, &bank_version(bank), exam_bank, roster);
    collector.add(inputs);
    collector.finish()
}

/// [`collect_results`] a part at a time, so a page can show progress between parts: the same
/// result whatever the parts.
pub struct Collector<'a> {
    exam: &'a ExamDefinition,
    roster: &'a Roster,
    drawer: Result<Drawer<'a>, DrawError>,
    exam_bank: &'a Bank,
    /// Each of the exam bank's questions' points on the exam's papers, by position.
    points: Vec<u16>,
    loaded_version: String,
    exam_hash: String,
    known_units: Vec<String>,
    flagged: Vec<FlaggedRecord>,
    accepted: Vec<AcceptedRecord>,
}

impl<'a> Collector<'a> {
    /// A collector with nothing added yet. `loaded_version` is the version of the loaded
    /// built-in bank (`bank_version(bank)`; records must name it); `exam_bank` is what the
    /// exam's papers are drawn from: the built-in bank joined with the unit questions the exam
    /// carries (`exam.joined_bank(bank)`), or the built-in bank itself.
    pub fn new(
        exam: &'a ExamDefinition,
        loaded_version: &str,
        exam_bank: &'a Bank,
        roster: &'a Roster,
    ) -> Collector<'a> {
        Collector {
            exam,
            roster,
            drawer: Drawer::new(&exam.blueprint, exam_bank),
            exam_bank,
            points: exam_bank
                .questions()
                .iter()
                .map(|q| exam.blueprint.points_for(q))
                .collect(),
            loaded_version: loaded_version.to_string(),
            exam_hash: exam.hash(),
            known_units: roster.units().into_iter().map(|(u, _)| u).collect(),
            flagged: Vec::new(),
            accepted: Vec::new(),
        }
    }

    /// Reads, checks and re-grades the next inputs.
    pub fn add(&mut self, inputs: &[CollectedInput]) {
        for input in inputs {
            let flagged = |flag, record| FlaggedRecord {
                source: input.source.clone(),
                flag,
                record,
            };
            let record = match read_record(&input.text) {
                Ok(record) => record,
                Err(CodeError::Checksum) => {
                    self.flagged.push(flagged(Flag::ChecksumMismatch, None));
                    continue;
                }
                Err(error) => {
                    self.flagged
                        .push(flagged(Flag::Unreadable(error.to_string()), None));
                    continue;
                }
            };
            let check = check_record(
                self.exam,
                &self.exam_hash,
                &self.loaded_version,
                self.roster,
                &self.known_units,
                &record,
            )
            .and_then(|()| self.regrade(&record));
            match check {
                Ok((score, outcomes)) => self.accepted.push(AcceptedRecord {
                    source: input.source.clone(),
                    record,
                    score,
                    outcomes,
                }),
                Err(flag) => self.flagged.push(flagged(flag, Some(record))),
            }
        }
    }

    /// Picks each person's counted attempt among everything added.
    pub fn finish(self) -> Collection {
        let (counted, superseded) = pick_counted(self.exam.counts, self.accepted);
        Collection {
            counted,
            superseded,
            flagged: self.flagged,
            question_ids: self
                .exam_bank
                .questions()
                .iter()
                .map(|q| q.id.clone())
                .collect(),
        }
    }

    /// Redraws the paper from the record's seed and grades the record's answers on it: the
    /// score `grade_answered` gives, and each question's position and whether it was right.
    fn regrade(&self, record: &ResultRecord) -> Result<(Score, Vec<(u32, bool)>), Flag> {
        let unreadable = |why: String| Flag::Unreadable(why);
        let paper = self
            .drawer
            .as_ref()
            .map_err(|e| unreadable(e.to_string()))?
            .draw_positions(record.seed)
            .map_err(|e| unreadable(e.to_string()))?;
        let questions = self.exam_bank.questions();
        let rule = self.exam.multiple_rule;
        let mut score = Score(0);
        let mut outcomes = Vec::with_capacity(paper.len());
        let mut given = given_answers(&record.answers);
        for &at in &paper {
            match given.next() {
                Some(answer) => {
                    let answer = answer.map_err(|e| unreadable(e.to_string()))?;
                    let (earned, right) = mark_given(&questions[at], answer, self.points[at], rule);
                    score.0 += earned.0;
                    outcomes.push((at as u32, right));
                }
                None => break,
            }
        }
        let answers = outcomes.len() + given.count();
        if answers != paper.len() {
            return Err(unreadable(format!(
                "答案有 {} 项，试卷有 {} 题",
                answers,
                paper.len()
            )));
        }
        Ok((score, outcomes))
    }
}

fn check_record(
    exam: &ExamDefinition,
    exam_hash: &str,
    loaded_version: &str,
    roster: &Roster,
    known_units: &[String],
    record: &ResultRecord,
) -> Result<(), Flag> {
    if record.exam_id != exam.id || record.exam_hash != exam_hash {
        return Err(Flag::OtherExam);
    }
    if record.bank_version != exam.bank_version || record.bank_version != loaded_version {
        return Err(Flag::BankVersionDiffers);
    }
    if let Some(window) = exam.window {
        if record.started_ms < window.opens_ms || record.submitted_ms > window.closes_ms {
            return Err(Flag::OutsideWindow);
        }
    }
    if roster.is_named() {
        if roster.person(&record.participant.staff_id).is_none() {
            return Err(Flag::NotOnRoster);
        }
    } else if !known_units.contains(&record.participant.unit) {
        return Err(Flag::UnknownUnit);
    }
    Ok(())
}

/// Splits accepted attempts into the one counted per person and the rest.
fn pick_counted(
    rule: CountRule,
    accepted: Vec<AcceptedRecord>,
) -> (Vec<AcceptedRecord>, Vec<AcceptedRecord>) {
    let mut by_person: Vec<Vec<AcceptedRecord>> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    for record in accepted {
        let id = record.record.participant.staff_id.clone();
        match position.get(&id) {
            Some(&i) => by_person[i].push(record),
            None => {
                position.insert(id, by_person.len());
                by_person.push(vec![record]);
            }
        }
    }
    let mut counted = Vec::with_capacity(by_person.len());
    let mut superseded = Vec::new();
    for attempts in by_person {
        let keys: Vec<(Score, u64)> = attempts
            .iter()
            .map(|a| (a.score(), a.record.submitted_ms))
            .collect();
        let chosen = counted_attempt(rule, &keys).expect("at least one attempt");
        for (i, attempt) in attempts.into_iter().enumerate() {
            if i == chosen {
                counted.push(attempt);
            } else {
                superseded.push(attempt);
            }
        }
    }
    (counted, superseded)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::exam::{draw, Attempt, Participant, Window};
    use crate::core::exam::{small_bank, small_blueprint, DrawOrder};
    use crate::core::units::roster::test_person as person;

    #[test]
    fn pasted_codes_are_one_input_per_line_named_by_the_line_the_user_sees() {
        let inputs = CollectedInput::per_line("  XF1-a \n\n \t\nXF1-b\r\nXF1-c", "粘贴");
        let got: Vec<(&str, &str)> = inputs
            .iter()
            .map(|i| (i.source.as_str(), i.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("粘贴第 1 行", "XF1-a"),
                ("粘贴第 4 行", "XF1-b"),
                ("粘贴第 5 行", "XF1-c")
            ]
        );
        assert!(CollectedInput::per_line("\n  \n", "粘贴").is_empty());
    }

    pub(crate) fn exam(bank: &Bank) -> ExamDefinition {
        let mut exam = ExamDefinition::mock("E1".into(), bank_version(bank));
        exam.title = "测试考试".into();
        exam.official = true;
        exam.blueprint = small_blueprint();
        exam.pass_line = 10;
        exam.excellence_line = 18;
        exam.window = Some(Window {
            opens_ms: 1_000_000,
            closes_ms: 9_000_000,
        });
        exam.units = vec!["司法局".into(), "财政局".into()];
        exam
    }

    /// A record of `who` in `unit` answering the first `right` questions with the key and
    /// the rest wrong or blank, handed in at `at`.
    pub(crate) fn record(
        exam: &ExamDefinition,
        bank: &Bank,
        who: &str,
        unit: &str,
        seed: u64,
        right: usize,
        at: u64,
    ) -> ResultRecord {
        let paper = draw(&exam.blueprint, bank, seed).unwrap();
        let participant = Participant::new(&format!("姓名{who}"), who, unit, &exam.units).unwrap();
        let mut attempt = Attempt::start(
            format!("{who}-{seed}"),
            exam.clone(),
            Some(participant),
            seed,
            paper,
            0,
            at - 100,
        )
        .unwrap();
        for item in attempt.paper.items.clone().iter().take(right) {
            let key = bank.question(&item.question).unwrap().answer.clone();
            attempt
                .set_answer(&item.question, Some(key), at - 50)
                .unwrap();
        }
        attempt.submit(at);
        let g = attempt.grade(bank).unwrap();
        ResultRecord::of(&attempt, &g).unwrap()
    }

    fn input(source: &str, text: String) -> CollectedInput {
        CollectedInput {
            source: source.into(),
            text,
        }
    }

    fn roster() -> Roster {
        Roster::of_people(vec![
            person("001", "司法局"),
            person("002", "司法局"),
            person("003", "财政局"),
        ])
    }

    #[test]
    fn every_kind_of_bad_record_is_listed_apart_with_its_reason() {
        let bank = small_bank();
        let exam = exam(&bank);
        let good = record(&exam, &bank, "001", "司法局", 1, 14, 2_000_000);
        let mut edited = good.clone();
        edited.score = Score(40);
        let mut other = exam.clone();
        other.id = "E2".into();
        let mut late = record(&exam, &bank, "002", "司法局", 2, 3, 8_000_000);
        late.submitted_ms = 9_000_001;
        late.checksum = forged_checksum(&late);
        let inputs = vec![
            input("good.json", good.to_json()),
            input("edited.json", edited.to_json()),
            input(
                "第 1 行",
                record(&other, &bank, "002", "司法局", 3, 3, 2_000_000).code(),
            ),
            input("late.json", late.to_json()),
            input(
                "stranger.json",
                record(&exam, &bank, "999", "财政局", 5, 3, 2_000_000).to_json(),
            ),
            input("第 2 行", "不是成绩".into()),
        ];
        let collection = collect_results(&exam, &bank, &roster(), &inputs);
        let flags: Vec<(&str, &Flag)> = collection
            .flagged
            .iter()
            .map(|f| (f.source.as_str(), &f.flag))
            .collect();
        assert_eq!(flags.len(), 5);
        assert_eq!(flags[0], ("edited.json", &Flag::ChecksumMismatch));
        assert_eq!(flags[1], ("第 1 行", &Flag::OtherExam));
        assert_eq!(flags[2], ("late.json", &Flag::OutsideWindow));
        assert_eq!(flags[3], ("stranger.json", &Flag::NotOnRoster));
        assert!(matches!(flags[4], ("第 2 行", Flag::Unreadable(_))));
        assert_eq!(collection.counted.len(), 1);
        assert_eq!(
            collection.counted[0].score(),
            Score::points(23),
            "all 14 right: 6×2 + 3×2 + 5×1"
        );
    }

    #[test]
    fn a_record_from_a_loaded_bank_of_another_version_is_refused() {
        let bank = small_bank();
        let exam = exam(&bank);
        let good = record(&exam, &bank, "001", "司法局", 1, 14, 2_000_000);
        let mut questions = bank.questions().to_vec();
        questions[0].stem.push('。');
        let edited_bank = Bank::new(questions, bank.cases().to_vec());
        let collection = collect_results(
            &exam,
            &edited_bank,
            &roster(),
            &[input("a", good.to_json())],
        );
        assert_eq!(collection.flagged[0].flag, Flag::BankVersionDiffers);
        assert!(collection.counted.is_empty());
    }

    #[test]
    fn scores_are_re_graded_from_the_answers_not_trusted() {
        let bank = small_bank();
        let exam = exam(&bank);
        let mut forged = record(&exam, &bank, "001", "司法局", 7, 2, 2_000_000);
        forged.score = Score::points(23);
        forged.checksum = forged_checksum(&forged);
        let collection = collect_results(&exam, &bank, &roster(), &[input("f", forged.to_json())]);
        let accepted = &collection.counted[0];
        assert!(accepted.claimed_score_differs());
        let first_two: u32 = draw(&exam.blueprint, &bank, 7).unwrap().items[..2]
            .iter()
            .map(|i| {
                let q = bank.question(&i.question).unwrap();
                exam.blueprint.section(q.kind).unwrap().points as u32
            })
            .sum();
        assert_eq!(accepted.score(), Score::points(first_two));
    }

    #[test]
    fn papers_are_redrawn_in_the_order_their_exam_draws_them() {
        let bank = small_bank();
        for order in [DrawOrder::WholeBank, DrawOrder::AsNeeded] {
            let mut exam = exam(&bank);
            exam.blueprint.draw = order;
            let all_right = record(&exam, &bank, "001", "司法局", 9, 14, 2_000_000);
            let inputs = [input("第 1 行", all_right.code())];
            let collection = collect_results(&exam, &bank, &roster(), &inputs);
            assert_eq!(collection.counted.len(), 1, "{order:?}");
            let counted = &collection.counted[0];
            assert_eq!(counted.score(), Score::points(23), "{order:?}");
            assert!(!counted.claimed_score_differs(), "{order:?}");
            assert!(
                counted.outcomes.iter().all(|&(_, right)| right),
                "{order:?}"
            );
        }
    }

    /// What a forger with the public code computes.
    fn forged_checksum(record: &ResultRecord) -> String {
        crate::core::exam::short_hash(
            format!("xuefa-result-1|{}", record.canonical()).as_bytes(),
            16,
        )
    }

    #[test]
    fn a_person_who_sat_twice_counts_once_by_the_exam_rule() {
        let bank = small_bank();
        // 001: all 14 right (23 points) at 2.0 M, then 4 right at 3.0 M; 003 once, none right.
        let collected = |rule| {
            let mut exam = exam(&bank);
            exam.counts = rule;
            let inputs: Vec<CollectedInput> = [
                record(&exam, &bank, "001", "司法局", 1, 14, 2_000_000),
                record(&exam, &bank, "001", "司法局", 2, 4, 3_000_000),
                record(&exam, &bank, "003", "财政局", 3, 0, 2_500_000),
            ]
            .iter()
            .enumerate()
            .map(|(i, r)| input(&format!("{i}.json"), r.to_json()))
            .collect();
            let c = collect_results(&exam, &bank, &roster(), &inputs);
            assert_eq!((c.counted.len(), c.superseded.len()), (2, 1));
            (c.report(&exam, &roster()), c)
        };
        let (report, c) = collected(CountRule::Highest);
        assert_eq!(c.counted[0].source, "0.json");
        let justice = &report.rows[0];
        assert_eq!(
            (
                justice.expected,
                justice.sat,
                justice.passed,
                justice.excellent
            ),
            (2, 1, 1, 1)
        );
        assert_eq!(justice.average(), Some(23.0));
        assert_eq!((report.rows[1].sat, report.rows[1].passed), (1, 0));
        assert_eq!(report.rows[1].average(), Some(0.0));
        assert_eq!(report.absent.len(), 1);
        assert_eq!(report.absent[0].id, "002");
        let (report, c) = collected(CountRule::Latest);
        assert_eq!(c.counted[0].source, "1.json");
        assert_eq!(report.rows[0].excellent, 0);
        let (_, c) = collected(CountRule::First);
        assert_eq!(c.counted[0].source, "0.json");
    }

    #[test]
    fn collecting_in_parts_gives_the_same_collection() {
        let bank = small_bank();
        let exam = exam(&bank);
        let inputs: Vec<CollectedInput> = [("001", 3, 9), ("002", 5, 1), ("001", 5, 4)]
            .iter()
            .map(|&(who, seed, right)| {
                let r = record(&exam, &bank, who, "司法局", seed, right, 2_000_000 + seed);
                input(who, r.to_json())
            })
            .chain([input("坏的", "not a result".into())])
            .collect();
        let roster = roster();
        let whole = collect_results(&exam, &bank, &roster, &inputs);
        let mut parts = Collector::new(&exam, &bank_version(&bank), &bank, &roster);
        for part in inputs.chunks(1) {
            parts.add(part);
        }
        let parts = parts.finish();
        assert_eq!(parts, whole);
        assert_eq!(
            (
                whole.counted.len(),
                whole.superseded.len(),
                whole.flagged.len()
            ),
            (2, 1, 1)
        );
    }

    #[test]
    fn table_rows_merge_with_collected_results() {
        let bank = small_bank();
        let exam = exam(&bank);
        let sat = record(&exam, &bank, "001", "司法局", 3, 4, 2_000_000);
        let c = collect_results(&exam, &bank, &roster(), &[input("a", sat.to_json())]);
        let row = |id: &str, unit: &str, score: f64| ScoredResult {
            person_id: id.into(),
            name: format!("姓名{id}").into(),
            unit: unit.into(),
            score,
            submitted_at: 0,
        };
        let tables = [row("001", "司法局", 100.0), row("003", "财政局", 5.0)];
        let report = c.report_with_tables(&exam, &roster(), &tables);
        let total = &report.total;
        assert_eq!((total.sat, total.passed, total.excellent), (2, 1, 1));
        assert_eq!(report.counted[0].score, 100.0, "the highest attempt counts");
        assert_eq!(c.report(&exam, &roster()).total.sat, 1);
    }

    #[test]
    fn head_count_rosters_flag_unknown_units() {
        let bank = small_bank();
        let mut exam = exam(&bank);
        exam.units.push("档案馆".into());
        let roster = Roster::of_headcounts(vec![("司法局".into(), 2), ("财政局".into(), 1)]);
        let inputs = [
            input(
                "a",
                record(&exam, &bank, "001", "档案馆", 1, 3, 2_000_000).to_json(),
            ),
            input(
                "b",
                record(&exam, &bank, "002", "财政局", 2, 3, 2_000_000).to_json(),
            ),
        ];
        let c = collect_results(&exam, &bank, &roster, &inputs);
        assert_eq!(c.flagged[0].flag, Flag::UnknownUnit);
        assert_eq!(c.counted.len(), 1);
    }

    #[test]
    fn answers_that_do_not_fit_the_paper_are_unreadable() {
        let bank = small_bank();
        let exam = exam(&bank);
        let mut short = record(&exam, &bank, "001", "司法局", 1, 3, 2_000_000);
        short.answers = "A.B".into();
        short.checksum = forged_checksum(&short);
        let c = collect_results(&exam, &bank, &roster(), &[input("s", short.to_json())]);
        assert_eq!(
            c.flagged[0].flag,
            Flag::Unreadable("答案有 2 项，试卷有 14 题".into())
        );
    }
}
