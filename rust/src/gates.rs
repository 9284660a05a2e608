//! Word gates over marks (issue 23, "rules over marks"; module of the helper "gates"): a text
//! and ranges of it -> for each range, which declared gates (extract/grammar/literals.py
//! `Gate`) hold one of their words there, as a bitmask.
//!
//! Every word of every declared gate is known once the grammar is imported; Python hands them
//! to `Gates` with, for each word, the mask of the gates that declare it. The text is folded
//! once per call exactly as literals.fold folds it, one byte per code point: ASCII letters
//! lower-cased, the few non-ASCII letters `re.IGNORECASE` equates with ASCII ones
//! (literals.FOLDS_TO_ASCII, handed in with their letters) mapped to them, and every other
//! character to 0x80, which no word holds (Python's lower() of any other character is not
//! ASCII: tests/test_gates.py). So a code-point offset is a byte offset of the folded text,
//! and a word occurs in fold(text[s:e]) exactly when it occurs in folded[s..e]. Occurrences
//! are read overlapping, so words of different gates that overlap or contain each other are
//! all found. The pure-Python reference is src/tollbook/scan/gates.py `PythonGates`.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The byte standing for every character that folds to nothing ASCII.
const OTHER: u8 = 0x80;

/// literals.fold of one character, as one byte (`folds`: non-ASCII letter -> ASCII letter).
fn fold_char(c: char, folds: &HashMap<char, u8>) -> u8 {
    if c.is_ascii() {
        (c as u8).to_ascii_lowercase()
    } else {
        *folds.get(&c).unwrap_or(&OTHER)
    }
}

/// The words, their automaton (overlapping matches) and each word's gate mask.
struct Matcher {
    automaton: AhoCorasick,
    masks: Vec<u128>,
}

impl Matcher {
    fn new(words: &[String], masks: Vec<u128>) -> Result<Self, &'static str> {
        if words.is_empty() || words.len() != masks.len() {
            return Err("Gates needs at least one word, and one mask per word");
        }
        if words.iter().any(|w| w.is_empty() || !w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())) {
            return Err("Gates needs words of lower-case ASCII, none empty");
        }
        let automaton = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).dfa(true).build(words);
        Ok(Matcher { automaton, masks })
    }

    /// The gates one of whose words occurs in `folded` (every occurrence, overlapping).
    fn mask(&self, folded: &[u8]) -> u128 {
        let mut mask = 0u128;
        for m in self.automaton.find_overlapping_iter(folded) {
            mask |= self.masks[m.pattern()];
        }
        mask
    }
}

/// Every declared gate word, found in one pass per range.
#[pyclass(module = "tollbook_scan")]
pub(crate) struct Gates {
    matcher: Matcher,
    folds: HashMap<char, u8>,
}

#[pymethods]
impl Gates {
    /// `words` (lower-case ASCII), `masks[i]`: the gates (bit k: the k-th gate) declaring
    /// words[i]; `folds`: each non-ASCII letter case-blind patterns equate with an ASCII one.
    #[new]
    fn new(words: Vec<String>, masks: Vec<u128>, folds: Vec<(char, char)>) -> PyResult<Self> {
        if !folds.iter().all(|(c, a)| !c.is_ascii() && a.is_ascii_lowercase()) {
            return Err(PyValueError::new_err("Gates' folds map non-ASCII letters to lower-case ASCII ones"));
        }
        let matcher = Matcher::new(&words, masks).map_err(PyValueError::new_err)?;
        Ok(Gates { matcher, folds: folds.into_iter().map(|(c, a)| (c, a as u8)).collect() })
    }

    /// One mask per range text[starts[i]:ends[i]] (code points): the gates holding a word there.
    /// A lone surrogate (valid in a Python str, not in UTF-8) is one character folding to 0x80.
    fn masks(&self, py: Python<'_>, text: &PyString, starts: Vec<usize>, ends: Vec<usize>) -> PyResult<Vec<u128>> {
        if starts.len() != ends.len() {
            return Err(PyValueError::new_err("starts and ends differ in length"));
        }
        // a lone surrogate reads as U+FFFD (crate::text_of), which folds to OTHER like any non-ASCII
        let folded: Vec<u8> = crate::text_of(text)?.chars().map(|c| fold_char(c, &self.folds)).collect();
        if let Some((s, e)) = starts.iter().zip(&ends).find(|(&s, &e)| s > e || e > folded.len()) {
            return Err(PyValueError::new_err(format!(
                "range {}..{} is not inside the text ({} characters)", s, e, folded.len()
            )));
        }
        let matcher = &self.matcher;
        Ok(py.allow_threads(|| starts.iter().zip(&ends).map(|(&s, &e)| matcher.mask(&folded[s..e])).collect()))
    }

    /// How many words the automaton holds.
    #[getter]
    fn size(&self) -> usize {
        self.matcher.masks.len()
    }
}

#[cfg(test)]
mod tests {
    use super::{fold_char, Matcher, OTHER};
    use std::collections::HashMap;

    fn folded(text: &str) -> Vec<u8> {
        let folds: HashMap<char, u8> = [('\u{212a}', b'k'), ('\u{17f}', b's'), ('\u{130}', b'i'), ('\u{131}', b'i')].into();
        text.chars().map(|c| fold_char(c, &folds)).collect()
    }

    #[test]
    fn folding_keeps_one_byte_per_code_point() {
        assert_eq!(folded("Kıll\u{212a}é"), vec![b'k', b'i', b'l', b'l', b'k', OTHER]);
        assert_eq!(folded("\u{130}S\u{17f}"), b"iss".to_vec());
    }

    #[test]
    fn overlapping_and_contained_words_are_all_found() {
        let words: Vec<String> = ["abc", "cde", "kill", "killed"].iter().map(|w| w.to_string()).collect();
        let m = Matcher::new(&words, vec![1, 2, 4, 8]).unwrap();
        assert_eq!(m.mask(&folded("xABCDEx")), 3);
        assert_eq!(m.mask(&folded("were \u{212a}illed")), 12);
        assert_eq!(m.mask(&folded("kil led")), 0);
        assert_eq!(m.mask(b""), 0);
        assert!(Matcher::new(&["Kill".to_string()], vec![1]).is_err() && Matcher::new(&[], vec![]).is_err());
    }
}
