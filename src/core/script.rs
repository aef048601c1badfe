//! Showing the app's Simplified Chinese in Traditional characters (简/繁): the learner's
//! choice, and a conversion table of characters and phrases applied by longest match.
//!
//! The table is generated at build time from OpenCC's dictionaries (`src/bin/xuefa_hant.rs`,
//! through the `ferrous-opencc` crate) into `hant.json`, which the app fetches only when the
//! learner chooses 繁體. Conversion is for display only: stored data and the bank stay as they
//! are.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

/// The localStorage key of the learner's choice (`"hans"` or `"hant"`).
pub const SCRIPT_KEY: &str = "xuefa.script";

/// The file holding the conversion table, next to `index.html`.
pub const TABLE_FILE: &str = "hant.json";

/// The version of the table file this build reads and writes.
pub const TABLE_VERSION: u64 = 1;

/// Which characters the app shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Script {
    /// 简体, as the app is written.
    #[default]
    Simplified,
    /// 繁體, converted on display.
    Traditional,
}

impl Script {
    /// The stored form of the choice.
    pub fn stored(self) -> &'static str {
        match self {
            Script::Simplified => "hans",
            Script::Traditional => "hant",
        }
    }

    /// Reads a stored choice; anything unknown is Simplified, the app's own script.
    pub fn from_stored(text: Option<&str>) -> Script {
        match text {
            Some("hant") => Script::Traditional,
            _ => Script::Simplified,
        }
    }

    /// The document's language tag.
    pub fn lang(self) -> &'static str {
        match self {
            Script::Simplified => "zh-CN",
            Script::Traditional => "zh-Hant",
        }
    }

    /// The other script, and the label of the button that switches to it.
    pub fn other(self) -> (Script, &'static str) {
        match self {
            Script::Simplified => (Script::Traditional, "繁體"),
            Script::Traditional => (Script::Simplified, "简体"),
        }
    }
}

/// The table file: characters as one string of (simplified, traditional) pairs, and phrases.
#[derive(Serialize, Deserialize)]
struct TableFile {
    version: u64,
    chars: String,
    phrases: BTreeMap<String, String>,
}

/// A Simplified → Traditional table: single characters, and phrases that convert otherwise
/// than character by character (头发 → 頭髮, not 頭發).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HantTable {
    chars: HashMap<char, char>,
    phrases: HashMap<String, String>,
    /// The longest phrase, in characters.
    longest: usize,
}

impl HantTable {
    /// Adds (or replaces) a character's conversion.
    pub fn insert_char(&mut self, simplified: char, traditional: char) {
        self.chars.insert(simplified, traditional);
    }

    /// Removes a character's conversion.
    pub fn remove_char(&mut self, simplified: char) {
        self.chars.remove(&simplified);
    }

    /// The conversion of one character, if it has one.
    pub fn char(&self, simplified: char) -> Option<char> {
        self.chars.get(&simplified).copied()
    }

    /// Adds a phrase converted as a whole.
    pub fn insert_phrase(&mut self, simplified: &str, traditional: &str) {
        self.longest = self.longest.max(simplified.chars().count());
        self.phrases
            .insert(simplified.to_string(), traditional.to_string());
    }

    /// How many characters and phrases the table holds.
    pub fn sizes(&self) -> (usize, usize) {
        (self.chars.len(), self.phrases.len())
    }

    /// Converts text: at each position the longest phrase that starts there, else the
    /// character's conversion, else the character itself.
    pub fn convert(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        'outer: while i < chars.len() {
            let longest = self.longest.min(chars.len() - i);
            for len in (2..=longest).rev() {
                let candidate: String = chars[i..i + len].iter().collect();
                if let Some(phrase) = self.phrases.get(&candidate) {
                    out.push_str(phrase);
                    i += len;
                    continue 'outer;
                }
            }
            out.push(self.char(chars[i]).unwrap_or(chars[i]));
            i += 1;
        }
        out
    }

    /// The table file's text.
    pub fn to_json(&self) -> String {
        let mut pairs: Vec<(char, char)> = self.chars.iter().map(|(&s, &t)| (s, t)).collect();
        pairs.sort_unstable();
        let file = TableFile {
            version: TABLE_VERSION,
            chars: pairs.into_iter().flat_map(|(s, t)| [s, t]).collect(),
            phrases: self.phrases.clone().into_iter().collect(),
        };
        serde_json::to_string(&file).expect("a table serialises")
    }

    /// Reads a table file.
    pub fn from_json(text: &str) -> Result<HantTable, String> {
        let file: TableFile =
            serde_json::from_str(text).map_err(|e| format!("繁体字表已损坏：{e}"))?;
        if file.version != TABLE_VERSION {
            return Err(format!("繁体字表的版本（{}）与本程序不符", file.version));
        }
        let chars: Vec<char> = file.chars.chars().collect();
        if chars.len() % 2 != 0 {
            return Err("繁体字表已损坏：字符不成对".into());
        }
        let mut table = HantTable::default();
        for pair in chars.chunks(2) {
            table.insert_char(pair[0], pair[1]);
        }
        for (simplified, traditional) in &file.phrases {
            table.insert_phrase(simplified, traditional);
        }
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> HantTable {
        let mut table = HantTable::default();
        for (s, t) in [('发', '發'), ('头', '頭'), ('权', '權'), ('继', '繼'), ('承', '承')] {
            table.insert_char(s, t);
        }
        table.insert_phrase("头发", "頭髮");
        table
    }

    #[test]
    fn phrases_win_over_characters_and_the_rest_is_kept() {
        let table = table();
        assert_eq!(table.convert("继承权"), "繼承權");
        assert_eq!(table.convert("头发与发生"), "頭髮与發生");
        assert_eq!(table.convert("第1条 A–F"), "第1条 A–F");
        assert_eq!(table.convert(""), "");
        let once = table.convert("头发权");
        assert_eq!(table.convert(&once), once, "converting twice changes nothing");
    }

    #[test]
    fn the_table_file_round_trips_and_broken_ones_are_refused() {
        let text = table().to_json();
        assert_eq!(HantTable::from_json(&text), Ok(table()));
        assert!(HantTable::from_json("{").is_err());
        assert!(HantTable::from_json(r#"{"version":9,"chars":"","phrases":{}}"#).is_err());
        assert!(HantTable::from_json(r#"{"version":1,"chars":"发","phrases":{}}"#).is_err());
    }

    #[test]
    fn the_choice_is_stored_as_a_short_word() {
        assert_eq!(Script::from_stored(Some("hant")), Script::Traditional);
        assert_eq!(Script::from_stored(None), Script::Simplified);
        assert_eq!(Script::from_stored(Some("klingon")), Script::Simplified);
        assert_eq!(Script::from_stored(Some(Script::Traditional.stored())), Script::Traditional);
        assert_eq!(Script::Simplified.other(), (Script::Traditional, "繁體"));
        assert_eq!(Script::Traditional.lang(), "zh-Hant");
    }
}
