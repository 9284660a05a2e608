//! The place stage's word pass (issue 23): a document's text -> its words as columns (text,
//! code-point start and end, folded key, capitalised, joined to the next word like the words of
//! one name) and the gazetteer's longest name at each capitalised word, in one call.
//!
//! It reproduces src/tollbook/scan/marks.py `words` (the reference) and `PythonNames.longest`
//! exactly. Nothing here knows Unicode: what a letter is (Python's `[^\W\d_]`), what is upper
//! case (`str.isupper`) and how a character folds (`str.casefold` then geo/names.py's `FOLD`
//! table) are asked of Python, through the `classify` callable handed in at construction, for
//! each character the first time a text holds it (the ASCII ones at construction). The
//! transliteration digraphs, applied in order with `str.replace`'s semantics, and the apostrophes
//! that join a word or cut a possessive come from Python too. The fold of a word is the fold of
//! its characters, digraphs replaced, runs of one character collapsed (`(.)\1+` -> `\1`).
//! Names are looked up in the gazetteer's own Python index (no copy: nothing to build).
//! tests/test_scan_places_rust.py compares every code point, generated mixed-script text and
//! real text with the Python reference.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// What Python says of one character.
#[derive(Clone, Copy, Default)]
struct Class {
    /// `[^\W\d_]`: a letter of a word.
    word: bool,
    /// `str.isupper`.
    upper: bool,
}

/// A word seen before: its Python text and key (reused: fewer allocations, hashes cached).
struct Seen {
    text: Py<PyString>,
    key: Py<PyString>,
}

/// Words seen before are kept up to this many; then the memo starts again.
const SEEN_LIMIT: usize = 200_000;

/// A document's text as chars (one per Python code point: a lone surrogate reads as U+FFFD,
/// which like a surrogate is no letter).
fn chars_of(text: &PyString) -> PyResult<Vec<char>> {
    Ok(crate::text_of(text)?.chars().collect())
}

/// `(.)\1+` -> `\1`: runs of one character (other than a newline) collapsed.
fn collapse_doubles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if prev == Some(c) && c != '\n' {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Python's `s.replace(a, b)` for each digraph in turn (both replace non-overlapping
/// occurrences from the left).
fn replace_digraphs(mut s: String, digraphs: &[(String, String)]) -> String {
    for (a, b) in digraphs {
        if s.contains(a.as_str()) {
            s = s.replace(a.as_str(), b);
        }
    }
    s
}

/// The longest name at each capitalised word (marks.py `PythonNames.longest`), asking the
/// gazetteer's own Python containers (`names`: its index, `firsts`: the first words of longer
/// names): no copy of 306k keys is built, and a key object's hash is computed once.
fn longest_names(
    py: Python<'_>,
    keys: &[&PyString],
    caps: &[bool],
    joins: &[bool],
    names: &PyAny,
    firsts: &PyAny,
    max_words: usize,
) -> PyResult<(Vec<usize>, Vec<usize>)> {
    let total = keys.len();
    let (mut at, mut lengths) = (Vec::new(), Vec::new());
    let mut joined = String::new();
    for i in 0..total {
        if !caps[i] {
            continue;
        }
        let mut n_max = 1;
        if firsts.contains(keys[i])? {
            while n_max < max_words && i + n_max < total && joins[i + n_max - 1] {
                n_max += 1;
            }
        }
        for n in (1..=n_max).rev() {
            if n > 1 && !caps[i + n - 1] {
                continue; // "Bosnia and Herzegovina", not "Barda and"
            }
            let found = if n == 1 {
                names.contains(keys[i])?
            } else {
                joined.clear();
                for (k, key) in keys[i..i + n].iter().enumerate() {
                    if k > 0 {
                        joined.push(' ');
                    }
                    joined.push_str(key.to_str()?);
                }
                names.contains(PyString::new(py, &joined))?
            };
            if found {
                at.push(i);
                lengths.push(n);
                break;
            }
        }
    }
    Ok((at, lengths))
}

/// What a process has learnt: Python's answers for non-ASCII characters, and the words seen.
#[derive(Default)]
struct Memo {
    classes: HashMap<char, Class>,
    /// Non-ASCII characters whose fold is not themselves.
    folds: HashMap<char, String>,
    /// Words seen before, by their text: an index into `seen_words`.
    seen: HashMap<String, usize>,
    seen_words: Vec<Seen>,
}

/// The place stage's words and names; see the module comment.
#[pyclass(module = "tollbook_scan")]
pub struct PlaceWords {
    classify: PyObject,
    ascii: [Class; 128],
    ascii_fold: Vec<String>,
    apostrophes: Vec<char>,
    digraphs: Vec<(String, String)>,
    names: PyObject,
    firsts: PyObject,
    max_words: usize,
    /// One pass per process serves every thread. A call that finds the memo in use (another
    /// thread ran while `classify` or an allocation let go of the GIL) starts from an empty
    /// one: slower, never another answer, never a borrow error.
    memo: RefCell<Memo>,
}

impl PlaceWords {
    fn class(&self, memo: &Memo, c: char) -> Class {
        if (c as u32) < 128 {
            self.ascii[c as usize]
        } else {
            memo.classes.get(&c).copied().unwrap_or_default()
        }
    }

    /// Ask `classify` about the characters of `chars` not asked about before.
    fn learn(&self, py: Python<'_>, memo: &mut Memo, chars: &[char]) -> PyResult<()> {
        let mut new: Vec<char> = Vec::new();
        let mut queued: HashSet<char> = HashSet::new();
        for &c in chars {
            if (c as u32) >= 128 && !memo.classes.contains_key(&c) && queued.insert(c) {
                new.push(c);
            }
        }
        if new.is_empty() {
            return Ok(());
        }
        let asked: String = new.iter().collect();
        let (words, uppers, folds) = self.ask(py, &asked)?;
        for (k, &c) in new.iter().enumerate() {
            memo.classes.insert(c, Class { word: words[k], upper: uppers[k] });
            if folds[k].chars().ne(std::iter::once(c)) {
                memo.folds.insert(c, folds[k].clone());
            }
        }
        Ok(())
    }

    fn ask(&self, py: Python<'_>, chars: &str) -> PyResult<(Vec<bool>, Vec<bool>, Vec<String>)> {
        let n = chars.chars().count();
        let answer: (Vec<bool>, Vec<bool>, Vec<String>) = self.classify.call1(py, (chars,))?.extract(py)?;
        if answer.0.len() != n || answer.1.len() != n || answer.2.len() != n {
            return Err(PyValueError::new_err("classify must answer one flag, flag and fold per character"));
        }
        Ok(answer)
    }

    /// geo/names.py `fold_token` (every character already learnt).
    fn fold_word(&self, memo: &Memo, word: &[char]) -> String {
        let mut s = String::with_capacity(word.len() + 4);
        for &c in word {
            if (c as u32) < 128 {
                s.push_str(&self.ascii_fold[c as usize]);
            } else if let Some(f) = memo.folds.get(&c) {
                s.push_str(f);
            } else {
                s.push(c);
            }
        }
        collapse_doubles(&replace_digraphs(s, &self.digraphs))
    }

    fn is_apostrophe(&self, c: char) -> bool {
        self.apostrophes.contains(&c)
    }
}

#[pymethods]
impl PlaceWords {
    /// `classify(chars) -> (letters, uppers, folds)`: per character, whether it matches
    /// `[^\W\d_]`, whether `str.isupper`, and its `casefold().translate(FOLD)`. `apostrophes`:
    /// the characters that join two runs of letters into one word and open a possessive 's.
    /// `digraphs`: (from, to) replaced in order after the characters fold. `names`: the
    /// gazetteer's keys (a container of str, words joined by single spaces); `firsts`: the
    /// first words of its keys of more than one word; `max_words`: the most words in a key.
    #[new]
    fn new(py: Python<'_>, classify: PyObject, apostrophes: &str, digraphs: Vec<(String, String)>, names: PyObject,
           firsts: PyObject, max_words: usize) -> PyResult<Self> {
        if digraphs.iter().any(|(a, _)| a.is_empty()) || max_words == 0 {
            return Err(PyValueError::new_err("a digraph to replace cannot be empty, and a name has a word at least"));
        }
        let mut this = PlaceWords {
            classify,
            ascii: [Class::default(); 128],
            ascii_fold: Vec::new(),
            apostrophes: apostrophes.chars().collect(),
            digraphs,
            names,
            firsts,
            max_words,
            memo: RefCell::new(Memo::default()),
        };
        let ascii: String = (0u8..128).map(char::from).collect();
        let (words, uppers, folds) = this.ask(py, &ascii)?;
        for i in 0..128 {
            this.ascii[i] = Class { word: words[i], upper: uppers[i] };
        }
        this.ascii_fold = folds;
        Ok(this)
    }

    /// The words of `text` and the longest names: (texts, starts, ends, keys, caps, joins,
    /// the first words of names, their lengths in words), offsets in code points.
    #[allow(clippy::type_complexity)]
    fn scan(&self, py: Python<'_>, text: &PyString) -> PyResult<PyObject> {
        let mut spare = Memo::default();
        let mut held = self.memo.try_borrow_mut();
        let memo: &mut Memo = match held {
            Ok(ref mut m) => m,
            Err(_) => &mut spare,
        };
        let cs = chars_of(text)?;
        if !text.to_str().map_or(false, |s| s.is_ascii()) {
            self.learn(py, memo, &cs)?;
        }
        let n = cs.len();
        // The regex's matches: letters, then (apostrophe, letters)*.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.class(memo, cs[i]).word {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && self.class(memo, cs[i]).word {
                i += 1;
            }
            while i + 1 < n && self.is_apostrophe(cs[i]) && self.class(memo, cs[i + 1]).word {
                i += 1;
                while i < n && self.class(memo, cs[i]).word {
                    i += 1;
                }
            }
            spans.push((start, i));
        }
        let count = spans.len();
        let mut ends: Vec<usize> = Vec::with_capacity(count);
        let mut possessive: Vec<bool> = Vec::with_capacity(count);
        for &(s, e) in &spans {
            let cut = e - s > 2 && self.is_apostrophe(cs[e - 2]) && (cs[e - 1] == 's' || cs[e - 1] == 'S');
            ends.push(if cut { e - 2 } else { e });
            possessive.push(cut);
        }
        let caps: Vec<bool> = spans.iter().map(|&(s, _)| self.class(memo, cs[s]).upper).collect();
        let mut joins: Vec<bool> = Vec::with_capacity(count);
        for k in 0..count {
            let gap_end = if k + 1 < count { spans[k + 1].0 } else { n };
            let gap = &cs[spans[k].1..gap_end];
            let joined = if k + 1 == count || possessive[k] {
                false
            } else if gap == [' '] || gap == ['-'] {
                true
            } else if gap == ['.'] {
                // "U.S.": single capitals
                ends[k] - spans[k].0 == 1 && ends[k + 1] - spans[k + 1].0 == 1 && caps[k] && caps[k + 1]
            } else {
                false
            };
            joins.push(joined);
        }
        if memo.seen.len() > SEEN_LIMIT {
            memo.seen.clear();
            memo.seen_words.clear();
        }
        let mut which: Vec<usize> = Vec::with_capacity(count);
        let mut word = String::new();
        for k in 0..count {
            let letters = &cs[spans[k].0..ends[k]];
            word.clear();
            word.extend(letters.iter());
            let index = match memo.seen.get(word.as_str()) {
                Some(&index) => index,
                None => {
                    let key = self.fold_word(memo, letters);
                    memo.seen_words.push(Seen {
                        text: PyString::new(py, &word).into(),
                        key: PyString::new(py, &key).into(),
                    });
                    memo.seen.insert(word.clone(), memo.seen_words.len() - 1);
                    memo.seen_words.len() - 1
                }
            };
            which.push(index);
        }
        let seen = &memo.seen_words;
        let texts: Vec<PyObject> = which.iter().map(|&w| seen[w].text.clone_ref(py).into_py(py)).collect();
        let keys: Vec<PyObject> = which.iter().map(|&w| seen[w].key.clone_ref(py).into_py(py)).collect();
        let key_refs: Vec<&PyString> = which.iter().map(|&w| seen[w].key.as_ref(py)).collect();
        let (at, lengths) = longest_names(py, &key_refs, &caps, &joins, self.names.as_ref(py), self.firsts.as_ref(py), self.max_words)?;
        let starts: Vec<usize> = spans.iter().map(|&(s, _)| s).collect();
        Ok((
            PyList::new(py, texts),
            PyList::new(py, starts),
            PyList::new(py, ends),
            PyList::new(py, keys),
            PyList::new(py, caps),
            PyList::new(py, joins),
            PyList::new(py, at),
            PyList::new(py, lengths),
        )
            .into_py(py))
    }

    /// `PythonNames.longest` over given columns: (first words of names, their lengths).
    fn longest(&self, py: Python<'_>, keys: Vec<&PyString>, caps: Vec<bool>, joins: Vec<bool>) -> PyResult<(Vec<usize>, Vec<usize>)> {
        if caps.len() != keys.len() || joins.len() != keys.len() {
            return Err(PyValueError::new_err("keys, caps and joins differ in length"));
        }
        longest_names(py, &keys, &caps, &joins, self.names.as_ref(py), self.firsts.as_ref(py), self.max_words)
    }

    /// geo/names.py `fold_token(word)`, as the scan folds a word.
    fn fold(&self, py: Python<'_>, word: &PyString) -> PyResult<String> {
        let mut spare = Memo::default();
        let mut held = self.memo.try_borrow_mut();
        let memo: &mut Memo = match held {
            Ok(ref mut m) => m,
            Err(_) => &mut spare,
        };
        let cs = chars_of(word)?;
        self.learn(py, memo, &cs)?;
        Ok(self.fold_word(memo, &cs))
    }

    /// The most words in a name (as the gazetteer's `_max_words`).
    #[getter]
    fn max_words(&self) -> usize {
        self.max_words
    }
}

#[cfg(test)]
mod tests {
    use super::{collapse_doubles, replace_digraphs};

    #[test]
    fn doubles_collapse_but_not_newlines() {
        assert_eq!(collapse_doubles("aaabccd\n\nee"), "abcd\n\ne");
        assert_eq!(collapse_doubles(""), "");
    }

    #[test]
    fn digraphs_replace_in_order() {
        let d = vec![("dzh".to_string(), "j".to_string()), ("j".to_string(), "c".to_string())];
        assert_eq!(replace_digraphs("dzhajj".to_string(), &d), "cacc");
    }
}
