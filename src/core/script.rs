//! Showing the app's Simplified Chinese in Traditional characters (简/繁): the learner's
//! choice, and a conversion table of characters and phrases applied by longest match.
//!
//! The table is generated at build time from OpenCC's dictionaries (`src/bin/xuefa_hant.rs`,
//! through the `ferrous-opencc` crate) into `hant.txt`, which the page fetches only when the
//! learner chooses 繁體. Conversion is for display only: stored data and the bank stay as they
//! are. In the browser, `public/hant.js` (loaded on demand too, so the switch costs the wasm
//! almost nothing) reads the same file and applies the same longest-match rule as
//! [`HantTable::convert`]; the generator checks that rule against OpenCC for the app's text.
//!
//! File format (version 1): a first line `xuefa-hant 1`; a second line of character pairs
//! (simplified, traditional, simplified, traditional, …); then one phrase a line,
//! `simplified<TAB>traditional`.

/// The localStorage key of the learner's choice (`"hans"` or `"hant"`).
pub const SCRIPT_KEY: &str = "xuefa.script";

/// The first line of a table file this build reads and writes.
const TABLE_HEADER: &str = "xuefa-hant 1";

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

    /// The other script, and the label of the button that switches to it.
    pub fn other(self) -> (Script, &'static str) {
        match self {
            Script::Simplified => (Script::Traditional, "繁體"),
            Script::Traditional => (Script::Simplified, "简体"),
        }
    }
}

/// A Simplified → Traditional table: single characters, and phrases that convert otherwise
/// than character by character (头发 → 頭髮, not 頭發).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HantTable {
    /// Sorted by the simplified character.
    chars: Vec<(char, char)>,
    /// Sorted by the simplified phrase.
    phrases: Vec<(String, String)>,
    /// The longest phrase, in characters.
    longest: usize,
}

impl HantTable {
    /// Adds (or replaces) a character's conversion.
    pub fn insert_char(&mut self, simplified: char, traditional: char) {
        match self.chars.binary_search_by_key(&simplified, |&(s, _)| s) {
            Ok(at) => self.chars[at].1 = traditional,
            Err(at) => self.chars.insert(at, (simplified, traditional)),
        }
    }

    /// Removes a character's conversion.
    pub fn remove_char(&mut self, simplified: char) {
        if let Ok(at) = self.chars.binary_search_by_key(&simplified, |&(s, _)| s) {
            self.chars.remove(at);
        }
    }

    /// The conversion of one character, if it has one.
    pub fn char(&self, simplified: char) -> Option<char> {
        self.chars
            .binary_search_by_key(&simplified, |&(s, _)| s)
            .ok()
            .map(|at| self.chars[at].1)
    }

    /// Adds (or replaces) a phrase converted as a whole.
    pub fn insert_phrase(&mut self, simplified: &str, traditional: &str) {
        self.longest = self.longest.max(simplified.chars().count());
        match self.find_phrase(simplified) {
            Ok(at) => self.phrases[at].1 = traditional.to_string(),
            Err(at) => self
                .phrases
                .insert(at, (simplified.to_string(), traditional.to_string())),
        }
    }

    fn find_phrase(&self, simplified: &str) -> Result<usize, usize> {
        self.phrases
            .binary_search_by(|(s, _)| s.as_str().cmp(simplified))
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
        let mut candidate = String::new();
        let mut i = 0;
        'outer: while i < chars.len() {
            let longest = self.longest.min(chars.len() - i);
            for len in (2..=longest).rev() {
                candidate.clear();
                candidate.extend(&chars[i..i + len]);
                if let Ok(at) = self.find_phrase(&candidate) {
                    out.push_str(&self.phrases[at].1);
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
    pub fn to_text(&self) -> String {
        let mut text = format!("{TABLE_HEADER}\n");
        text.extend(self.chars.iter().flat_map(|&(s, t)| [s, t]));
        for (simplified, traditional) in &self.phrases {
            text.push_str(&format!("\n{simplified}\t{traditional}"));
        }
        text.push('\n');
        text
    }

    /// Reads a table file.
    pub fn from_text(text: &str) -> Result<HantTable, String> {
        let broken = |what: &str| format!("繁体字表已损坏：{what}");
        let mut lines = text.lines();
        if lines.next() != Some(TABLE_HEADER) {
            return Err(broken("不是本版本的字表"));
        }
        let pairs: Vec<char> = lines.next().unwrap_or_default().chars().collect();
        if !pairs.len().is_multiple_of(2) {
            return Err(broken("字符不成对"));
        }
        let mut table = HantTable::default();
        for pair in pairs.chunks(2) {
            table.insert_char(pair[0], pair[1]);
        }
        for line in lines.filter(|line| !line.is_empty()) {
            let (simplified, traditional) = line.split_once('\t').ok_or_else(|| broken(line))?;
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
        for (s, t) in [
            ('发', '發'),
            ('头', '頭'),
            ('权', '權'),
            ('继', '繼'),
            ('承', '承'),
        ] {
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
        assert_eq!(
            table.convert(&once),
            once,
            "converting twice changes nothing"
        );
        assert_eq!(table.sizes(), (5, 1));
    }

    #[test]
    fn the_table_file_round_trips_and_broken_ones_are_refused() {
        let text = table().to_text();
        assert_eq!(HantTable::from_text(&text), Ok(table()));
        assert!(HantTable::from_text("{").is_err());
        assert!(HantTable::from_text("xuefa-hant 9\n").is_err());
        assert!(HantTable::from_text("xuefa-hant 1\n发\n").is_err());
        assert!(HantTable::from_text("xuefa-hant 1\n发發\n头发 頭髮\n").is_err());
    }

    #[test]
    fn the_choice_is_stored_as_a_short_word() {
        assert_eq!(Script::from_stored(Some("hant")), Script::Traditional);
        assert_eq!(Script::from_stored(None), Script::Simplified);
        assert_eq!(Script::from_stored(Some("klingon")), Script::Simplified);
        assert_eq!(
            Script::from_stored(Some(Script::Traditional.stored())),
            Script::Traditional
        );
        assert_eq!(Script::Simplified.other(), (Script::Traditional, "繁體"));
    }
}
