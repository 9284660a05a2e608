//! tollbook's compiled scanner (issue 23): a document's text and its sentence bounds ->
//! whether each sentence holds a trigger word, in one call per document.
//!
//! The triggers are built once in Python from the declared grammar
//! (src/tollbook/extract/grammar/triggers.py) and handed to `Triggers`; they are found as
//! substrings, ASCII case-insensitively, exactly as the pure-Python reference
//! (src/tollbook/scan/cues.py, `PythonCues`) finds them. Offsets cross the boundary as
//! Python's code-point offsets and are converted to UTF-8 byte offsets here.
//!
//! A sentence is also flagged when it holds a misspelt cue word ("killled", "causalities"),
//! read exactly as src/tollbook/extract/spelling.py's `respell` reads one, from the table of
//! src/tollbook/extract/grammar/spelling_patterns.py handed to `Triggers.spelled`: the count
//! rules then run on it, and the sentences without either cost no Python work.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

// segmentation in one call (helper "segment", rust/src/segment.rs)
mod segment;

// Word gates over marks (helper "gates"): rust/src/gates.rs
mod gates;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

// The place stage's word pass (issue 23, helper `places`).
mod places;

/// A Python str as a Rust str, each lone surrogate (valid in a Python str, not in UTF-8) as
/// U+FFFD: one char for one code point, so Python's offsets still count the same chars. Every
/// class of the extension reads its text through this (borrowed when the text is valid UTF-8).
pub(crate) fn text_of(text: &PyString) -> PyResult<Cow<'_, str>> {
    match text.to_str() {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) => {
            // One char per code point: UTF-32 keeps a surrogate pair's halves apart.
            let encoded = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
            let bytes: &PyBytes = encoded.downcast()?;
            Ok(Cow::Owned(
                bytes
                    .as_bytes()
                    .chunks_exact(4)
                    .map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{FFFD}'))
                    .collect(),
            ))
        }
    }
}

/// Byte offsets of the code-point offsets `points` in `text` (any order; each <= chars).
fn byte_offsets(text: &str, points: &[usize]) -> Result<Vec<usize>, usize> {
    if text.is_ascii() {
        return match points.iter().find(|&&p| p > text.len()) {
            Some(&p) => Err(p),
            None => Ok(points.to_vec()),
        };
    }
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_unstable_by_key(|&i| points[i]);
    let mut out = vec![0usize; points.len()];
    let mut chars = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let (mut point, mut byte) = (0usize, chars.next().unwrap_or(0));
    for i in order {
        while point < points[i] {
            match chars.next() {
                Some(b) => {
                    byte = b;
                    point += 1;
                }
                None => return Err(points[i]),
            }
        }
        out[i] = byte;
    }
    Ok(out)
}

/// Python's `str.isspace` (what `str.split()` splits at): Unicode White_Space and the four
/// information separators U+001C..U+001F, which Python counts as whitespace and Rust does not.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// spelling.py's `_one_edit`: a != b, and one insertion, deletion, substitution or swap of two
/// neighbouring letters turns one into the other.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 1
            || (diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]);
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    short[i..] == long[i + 1..]
}

/// The misspelt cue words of grammar/spelling_patterns.py (all lower-case ASCII words).
struct Spelling {
    by_first: HashMap<u8, Vec<Vec<u8>>>,
    cue_words: HashSet<Vec<u8>>,
    real: HashSet<Vec<u8>>,
    variants: HashSet<Vec<u8>>,
    kept_before: HashMap<Vec<u8>, String>,
    min_length: usize,
}

impl Spelling {
    /// spelling.py's `correction(word) is not None` (`word` lower case).
    fn corrects(&self, word: &[u8]) -> bool {
        if self.variants.contains(word) {
            return true;
        }
        if word.len() < self.min_length || self.cue_words.contains(word) || self.real.contains(word) {
            return false;
        }
        let Some(words) = self.by_first.get(&word[0]) else { return false };
        let found: Vec<&Vec<u8>> = words.iter().filter(|w| one_edit(word, w)).collect();
        if found.len() > 1 {
            let tail = &word[word.len() - 2..];
            return found.iter().filter(|w| &w[w.len() - 2..] == tail).count() == 1;
        }
        found.len() == 1
    }

    /// spelling.py's `respell(text) is not None`: a token of ASCII letters it corrects, not
    /// kept as written before its declared next word ("inured to").
    fn misspelt(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let token = bytes[start..i].to_ascii_lowercase();
            if token.len() + 1 < self.min_length || !self.by_first.contains_key(&token[0]) || !self.corrects(&token) {
                continue;
            }
            if let Some(kept) = self.kept_before.get(&token) {
                // text[end:].split(None, 1)[:1] == [kept]
                let next = text[i..].trim_start_matches(py_space);
                let word = next.split(py_space).next().unwrap_or("");
                if !next.is_empty() && word == kept {
                    continue;
                }
            }
            return true;
        }
        false
    }
}

/// Sentences that hold a trigger (or, once `spelled`, a misspelt cue word), with the
/// automaton built once per process.
#[pyclass(module = "tollbook_scan")]
struct Triggers {
    automaton: AhoCorasick,
    count: usize,
    spelling: Option<Spelling>,
}

#[pymethods]
impl Triggers {
    #[new]
    fn new(literals: Vec<String>) -> PyResult<Self> {
        if literals.is_empty() || literals.iter().any(|l| l.is_empty()) {
            return Err(PyValueError::new_err(
                "Triggers needs at least one literal, and no empty one",
            ));
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .dfa(true)
            .build(&literals);
        Ok(Triggers { automaton, count: literals.len(), spelling: None })
    }

    /// Flag sentences holding a misspelt cue word too: the cue words (`by_first`: the words a
    /// misspelling is measured against, grouped by their first letter in Python), the real
    /// words never corrected, the habitual misspellings, the words kept before a given next
    /// word, and the shortest word corrected. Every word lower-case ASCII letters.
    fn spelled(&mut self, by_first: Vec<String>, cue_words: Vec<String>, real: Vec<String>, variants: Vec<String>,
               kept_before: Vec<(String, String)>, min_length: usize) -> PyResult<()> {
        let all = by_first.iter().chain(&cue_words).chain(&real).chain(&variants).chain(kept_before.iter().map(|(w, _)| w));
        if min_length < 3 || !all.into_iter().all(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase())) {
            return Err(PyValueError::new_err(
                "spelled needs lower-case ASCII words of two letters at least and min_length >= 3",
            ));
        }
        let mut grouped: HashMap<u8, Vec<Vec<u8>>> = HashMap::new();
        for w in by_first {
            grouped.entry(w.as_bytes()[0]).or_default().push(w.into_bytes());
        }
        let set = |v: Vec<String>| v.into_iter().map(String::into_bytes).collect::<HashSet<_>>();
        self.spelling = Some(Spelling {
            by_first: grouped,
            cue_words: set(cue_words),
            real: set(real),
            variants: set(variants),
            kept_before: kept_before.into_iter().map(|(w, k)| (w.into_bytes(), k)).collect(),
            min_length,
        });
        Ok(())
    }

    /// One flag per sentence: whether text[starts[i]:ends[i]] (code points) holds a trigger.
    /// A lone surrogate (valid in a Python str, not in UTF-8) reads as U+FFFD: one code point
    /// for one, so offsets still agree, and neither is a trigger.
    fn cued(&self, py: Python<'_>, text: &PyString, starts: Vec<usize>, ends: Vec<usize>) -> PyResult<Vec<bool>> {
        let text = text_of(text)?;
        let text: &str = &text;
        if starts.len() != ends.len() {
            return Err(PyValueError::new_err("starts and ends differ in length"));
        }
        let n = starts.len();
        let mut points = starts;
        points.extend_from_slice(&ends);
        let bytes = byte_offsets(text, &points).map_err(|p| {
            PyValueError::new_err(format!("offset {} is past the end of the text", p))
        })?;
        let (automaton, spelling) = (&self.automaton, &self.spelling);
        Ok(py.allow_threads(|| {
            (0..n)
                .map(|i| {
                    let (a, b) = (bytes[i], bytes[n + i]);
                    a < b
                        && (automaton.is_match(&text[a..b])
                            || spelling.as_ref().map_or(false, |s| s.misspelt(&text[a..b])))
                })
                .collect()
        }))
    }

    /// How many literals the automaton holds.
    #[getter]
    fn size(&self) -> usize {
        self.count
    }
}

#[pymodule]
fn tollbook_scan(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_class::<Triggers>()?;
    // places.rs: the place stage's words and names
    m.add_class::<places::PlaceWords>()?;
    // segmentation in one call (helper "segment", rust/src/segment.rs)
    m.add_class::<segment::Segmenter>()?;
    m.add_class::<segment::Glue>()?;

    // gates.rs: every declared gate word, one pass per range
    m.add_class::<gates::Gates>()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{byte_offsets, one_edit};

    #[test]
    fn one_edit_is_spellings() {
        assert!(one_edit(b"killled", b"killed") && one_edit(b"kilx", b"kill") && one_edit(b"kilel", b"kille"));
        assert!(!one_edit(b"killed", b"killed") && !one_edit(b"kxllex", b"killed") && !one_edit(b"kil", b"killed"));
    }

    #[test]
    fn offsets_count_code_points() {
        let text = "é killed ✓ x";
        assert_eq!(byte_offsets(text, &[0, 1, 2, 9, 10, 12]).unwrap(), vec![0, 2, 3, 10, 13, 15]);
        assert_eq!(byte_offsets(text, &[13]), Err(13));
        assert_eq!(byte_offsets("abc", &[3, 1]).unwrap(), vec![3, 1]);
    }
}
