//! The forms in which a typed answer is compared: case, accents and
//! punctuation folded away, numbers written in words read as digits
//! ("sepuluh", "twenty-one"), "&", "dan" and "and" as one word; and the
//! shorter forms an item may be named by (a side of "atau", the part outside
//! or inside parentheses, a distinctive part of a name).

use crate::text::fold;

/// An answer or a spelling, ready to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The words run together: what is compared, letter by letter.
    pub key: String,
    /// The numbers in it, by value, in order.
    pub numbers: Vec<String>,
    /// How many words are not numbers.
    pub words: usize,
    /// No number and no "and": the key is the text folded, nothing read.
    plain: bool,
}

impl Form {
    /// Reads `text` in one pass over its folded words, without a string
    /// per word: a typed answer is compared with every spelling of every
    /// candidate, which may be every entry of the pack.
    pub fn new(text: &str) -> Self {
        // ASCII folds to its lower case: no decomposition to work out.
        let folded = if text.is_ascii() {
            text.to_ascii_lowercase()
        } else {
            fold(text)
        };
        let tokens: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric() && c != '&')
            .flat_map(split_ampersands)
            .filter(|t| !t.is_empty())
            .collect();
        let mut key = String::with_capacity(folded.len());
        let mut numbers = Vec::new();
        let mut words = 0;
        let mut ands = false;
        let mut k = 0;
        while k < tokens.len() {
            if let Some((value, used)) = number_at(&tokens[k..]) {
                let value = value.to_string();
                key.push_str(&value);
                numbers.push(value);
                k += used;
                continue;
            }
            let token = tokens[k];
            k += 1;
            if matches!(token, "&" | "dan" | "and") {
                ands = true;
                key.push_str("dan");
                words += 1;
                continue;
            }
            let mut runs = digit_runs(token).peekable();
            if runs.peek().is_none() {
                key.push_str(token);
                words += 1;
                continue;
            }
            if token.chars().all(|c| c.is_ascii_digit()) {
                let trimmed = token.trim_start_matches('0');
                key.push_str(if trimmed.is_empty() { "0" } else { trimmed });
            } else {
                key.push_str(token);
            }
            numbers.extend(runs.map(|run| {
                let trimmed = run.trim_start_matches('0');
                if trimmed.is_empty() { "0" } else { trimmed }.to_owned()
            }));
        }
        Self {
            plain: numbers.is_empty() && !ands,
            key,
            numbers,
            words,
        }
    }

    /// The form of a spelling to compare with a typed answer that has no
    /// number and no "and" ([`Form::is_plain`]): such an answer reads the
    /// same folded either way, and a spelling with any number can only be a
    /// wrong number for it, so the spelling's words need no reading (a typed
    /// question compares an answer with every entry of the pack).
    pub fn plain(text: &str) -> Self {
        let key = super::grade::normalize(text);
        let numbers = if key.bytes().any(|b| b.is_ascii_digit()) {
            vec![key.clone()]
        } else {
            Vec::new()
        };
        let plain = numbers.is_empty();
        Self {
            key,
            numbers,
            words: 0,
            plain,
        }
    }

    /// Whether the text holds no number (in digits or words) and no "and".
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// "10" names "10 asas" and "sepuluh asas" names "10": one number, the
    /// same on both sides, and one side is that number alone (the noun is
    /// the question's, not the answer's).
    pub fn same_number(&self, other: &Self) -> bool {
        self.numbers.len() == 1
            && self.numbers == other.numbers
            && (self.words == 0 || other.words == 0)
            && self.words.max(other.words) <= MAX_NOUN_WORDS
    }
}

/// How many words may stand beside a number for the number alone to name
/// it ("10 asas pelayanan sosial" still is "10").
const MAX_NOUN_WORDS: usize = 3;

/// The runs of ASCII digits in a word.
fn digit_runs(word: &str) -> impl Iterator<Item = &str> {
    word.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
}

/// A token with its "&"s split off as tokens of their own ("a&b" is "a",
/// "&", "b").
fn split_ampersands(token: &str) -> Vec<&str> {
    if !token.contains('&') {
        return vec![token];
    }
    let mut parts = Vec::new();
    let mut rest = token;
    while let Some(at) = rest.find('&') {
        parts.push(&rest[..at]);
        parts.push("&");
        rest = &rest[at + 1..];
    }
    parts.push(rest);
    parts
}

/// The value of a number word alone: Indonesian and English, 0 to 20, the
/// tens, and the words that stand for one of something.
fn word_value(word: &str) -> Option<u32> {
    let value = match word {
        "nol" | "zero" => 0,
        "satu" | "one" => 1,
        "dua" | "two" => 2,
        "tiga" | "three" => 3,
        "empat" | "four" => 4,
        "lima" | "five" => 5,
        "enam" | "six" => 6,
        "tujuh" | "seven" => 7,
        "delapan" | "eight" => 8,
        "sembilan" | "nine" => 9,
        "sepuluh" | "ten" => 10,
        "sebelas" | "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "seratus" | "hundred" => 100,
        _ => return None,
    };
    Some(value)
}

/// A number written in words at the start of `tokens`, and how many tokens
/// it takes: "dua belas" is 12, "tiga puluh lima" 35, "twenty one" 21.
fn number_at(tokens: &[&str]) -> Option<(u32, usize)> {
    let first = word_value(tokens.first()?)?;
    let next = |k: usize| tokens.get(k).copied();
    let unit = |k: usize| next(k).and_then(word_value).filter(|v| (1..=9).contains(v));
    if (1..=9).contains(&first) {
        match next(1) {
            Some("belas") => return Some((10 + first, 2)),
            Some("puluh") => {
                return Some(match unit(2) {
                    Some(u) => (first * 10 + u, 3),
                    None => (first * 10, 2),
                });
            }
            _ => {}
        }
    }
    if (20..=90).contains(&first)
        && first % 10 == 0
        && let Some(u) = unit(1)
    {
        return Some((first + u, 2));
    }
    Some((first, 1))
}

/// Particles a name may hold in lower case ("Bank of Indonesia", "Ahmad bin
/// Abdullah"); they never name it alone.
const NAME_PARTICLES: [&str; 10] = [
    "bin", "binti", "van", "von", "de", "der", "of", "the", "dan", "and",
];

/// The fewest letters a part of a name needs to name it alone ("Hatta", not
/// "Ki").
const MIN_NAME_PART: usize = 4;

/// The most words a name has for its parts to name it ("Ki Hajar Dewantara"
/// is one, a title in capitals such as "Badan Pusat Statistik Nasional" is
/// not).
const MAX_NAME_WORDS: usize = 3;

/// The parts of a name that may name it alone: "Mohammad Hatta" gives
/// "Mohammad" and "Hatta". A text is taken for a name when it has two or
/// three words each starting with a capital followed by lower case (so an
/// acronym or a sentence-case phrase such as "Transport layer" is not),
/// particles aside.
pub(crate) fn name_parts(text: &str) -> Vec<&str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    let names: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
        .collect();
    let is_name = (2..=MAX_NAME_WORDS).contains(&names.len())
        && names.iter().all(|w| capitalised(w))
        && words
            .iter()
            .all(|w| capitalised(w) || NAME_PARTICLES.contains(w));
    if !is_name {
        return Vec::new();
    }
    names
        .into_iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_PART)
        .collect()
}

/// The ways an item may be named: in full, each side of an "atau" / "or" /
/// "/", without its part in parentheses or only that part, and a
/// distinctive part of a name. "fasilitator atau pendamping" is named by
/// "fasilitator" too, "Pembela (advocate)" by "pembela" or "advocate",
/// "Mohammad Hatta" by "Hatta". Which of these stay accepted is up to the
/// other candidates: a form two of them share names neither (see
/// `grade::without_shared_spellings`).
pub fn item_spellings(item: &str) -> Vec<String> {
    let mut all = vec![item.trim().to_owned()];
    let mut add = |spelling: &str| {
        let spelling = spelling.trim();
        if !spelling.is_empty() && !all.iter().any(|s| s == spelling) {
            all.push(spelling.to_owned());
        }
    };
    let mut outside = item.to_owned();
    if let (Some(open), Some(close)) = (item.find('('), item.rfind(')'))
        && open < close
    {
        outside = format!("{}{}", &item[..open], &item[close + 1..]);
        add(&outside);
        add(&item[open + 1..close]);
    }
    // The part outside parentheses only: "TCP/IP" is one name.
    for separator in [" atau ", " or ", "/"] {
        if outside.contains(separator) {
            outside.split(separator).for_each(&mut add);
        }
    }
    for part in name_parts(outside.trim()) {
        add(part);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> String {
        Form::new(text).key
    }

    #[test]
    fn number_words_read_as_digits() {
        assert_eq!(key("sepuluh asas"), key("10 asas"));
        assert_eq!(key("Dua belas"), "12");
        assert_eq!(key("tiga puluh lima"), "35");
        assert_eq!(key("dua puluh"), "20");
        assert_eq!(key("twenty-one"), "21");
        assert_eq!(key("Twelve"), "12");
        assert_eq!(key("nol"), "0");
        assert_eq!(Form::new("Pasal 03 ayat 12").numbers, vec!["3", "12"]);
    }

    #[test]
    fn every_and_is_one_word() {
        assert_eq!(key("hak & kewajiban"), key("hak dan kewajiban"));
        assert_eq!(key("rights&duties"), key("rights and duties"));
    }

    #[test]
    fn a_number_alone_names_the_number_with_its_noun() {
        let ten = Form::new("10");
        assert!(ten.same_number(&Form::new("10 asas")));
        assert!(Form::new("sepuluh").same_number(&Form::new("10 asas")));
        assert!(Form::new("10 asas").same_number(&ten));
        assert!(!Form::new("11").same_number(&Form::new("10 asas")));
        // Both with a noun: the nouns are compared as any words are.
        assert!(!Form::new("10 prinsip").same_number(&Form::new("10 asas")));
        assert!(!Form::new("3").same_number(&Form::new("Pasal 3 ayat 2")));
    }

    #[test]
    fn names_are_named_by_their_distinctive_parts() {
        assert_eq!(
            item_spellings("Mohammad Hatta"),
            vec!["Mohammad Hatta", "Mohammad", "Hatta"]
        );
        assert_eq!(
            item_spellings("Ki Hajar Dewantara"),
            vec!["Ki Hajar Dewantara", "Hajar", "Dewantara"]
        );
        // Sentence case, acronyms and long titles are not names.
        assert_eq!(item_spellings("Transport layer"), vec!["Transport layer"]);
        assert_eq!(item_spellings("UU ITE"), vec!["UU ITE"]);
        assert_eq!(
            item_spellings("Badan Pusat Statistik Nasional"),
            vec!["Badan Pusat Statistik Nasional"]
        );
        assert_eq!(
            item_spellings("Transport layer (TCP/IP)"),
            vec!["Transport layer (TCP/IP)", "Transport layer", "TCP/IP"]
        );
    }
}
