//! Segmentation in one call (issue 23, helper "segment"): a document's text -> the spans of
//! its paragraphs, sentences and quotations, in the order of src/tollbook/extract/segment.py's
//! `segment` (start, then paragraph < sentence < quote, then the longer first), and the
//! paragraphs that may hold list rows (Python reads those with its own `rows`).
//!
//! This is a transcription of the Python reference, which stays the reference
//! (tests/test_scan_segment.py compares the two): PARAGRAPH_RE, BOUNDARY_RE, LINE_END_CLOSES of
//! extract/grammar/segment_patterns.py, `_is_abbreviation`, the line-break rule, `_bounded` and
//! `quotations`. The Python side checks that those patterns are the ones transcribed here
//! before it uses this (scan/segments.py). Offsets are Python's code-point offsets: the text
//! is read as a vector of chars. Python's `\s` and `str.isspace` are Unicode White_Space and
//! U+001C..U+001F; `str.isupper` of a non-ASCII letter is asked of Python itself (`isupper`,
//! handed in), so that Unicode versions cannot differ.

use std::collections::HashSet;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Python's `str.isspace` and re's `\s` on str patterns.
fn space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
}

fn opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
}

fn upper_or_digit(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit()
}

fn line_closer(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':' | ';' | '"' | '”' | '’' | ')' | ']')
}

/// [start, end) without the whitespace at either side (`_add_trimmed`), None when empty.
fn trimmed(t: &[char], mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    while start < end && space(t[start]) {
        start += 1;
    }
    while end > start && space(t[end - 1]) {
        end -= 1;
    }
    (end > start).then_some((start, end))
}

/// `text.rfind(c, lo, hi)` (-1 as None).
fn rfind(t: &[char], c: char, lo: usize, hi: usize) -> Option<usize> {
    let hi = hi.min(t.len());
    (lo..hi).rev().find(|&i| t[i] == c)
}

/// The text as chars, a lone surrogate (valid in a Python str, not in UTF-8) as U+FFFD: one
/// char for one code point, and neither is a space, a letter or punctuation here.
fn chars_of(text: &PyString) -> PyResult<Vec<char>> {
    Ok(crate::text_of(text)?.chars().collect())
}

const PARAGRAPH: u8 = 0;
const SENTENCE: u8 = 1;
const QUOTE: u8 = 2;

/// The segmenter of one grammar: abbreviations, the short-line and longest-sentence limits,
/// the quotation marks, and Python's `str.isupper` for non-ASCII characters.
#[pyclass(module = "tollbook_scan")]
pub struct Segmenter {
    abbreviations: HashSet<String>,
    short_line: usize,
    max_sentence: usize,
    quote_pairs: Vec<(char, char)>,
    isupper: PyObject,
}

impl Segmenter {
    /// Paragraph spans: the blocks between matches of `\n[ \t]*\n+`, trimmed.
    fn paragraphs(&self, t: &[char]) -> Vec<(usize, usize)> {
        let n = t.len();
        let mut out = Vec::new();
        let (mut pos, mut i) = (0usize, 0usize);
        while i < n {
            if t[i] == '\n' {
                let mut j = i + 1;
                while j < n && (t[j] == ' ' || t[j] == '\t') {
                    j += 1;
                }
                if j < n && t[j] == '\n' {
                    while j < n && t[j] == '\n' {
                        j += 1;
                    }
                    out.extend(trimmed(t, pos, i));
                    pos = j;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        out.extend(trimmed(t, pos, n));
        out
    }

    /// `_is_abbreviation`: the letters and dots before the full stop at `dot` (in the 12
    /// characters before it; `$` also matches before a final newline) are an initial or a
    /// listed abbreviation.
    fn abbreviation(&self, t: &[char], dot: usize) -> bool {
        let mut end = dot;
        let lo = dot.saturating_sub(12);
        if end > lo && t[end - 1] == '\n' {
            end -= 1;
        }
        let mut k = end;
        while k > lo && (t[k - 1].is_ascii_alphabetic() || t[k - 1] == '.') {
            k -= 1;
        }
        let Some(first) = (k..end).find(|&i| t[i].is_ascii_alphabetic()) else { return false };
        let word: String = t[first..end].iter().collect::<String>().to_ascii_lowercase();
        let word = word.trim_end_matches('.');
        word.chars().count() == 1 || self.abbreviations.contains(word)
    }

    /// Python's `c.isupper()`: ASCII here, the rest asked of Python.
    fn is_upper(&self, py: Python<'_>, c: char) -> PyResult<bool> {
        if c.is_ascii() {
            return Ok(c.is_ascii_uppercase());
        }
        self.isupper.call1(py, (c.to_string(),))?.extract(py)
    }

    /// `sentences(text, start, stop)`: the trimmed pieces between the cuts.
    fn sentences(&self, py: Python<'_>, t: &[char], start: usize, stop: usize,
                 out: &mut Vec<(usize, usize)>) -> PyResult<()> {  // fmt: skip
        let n = t.len();
        let mut cuts: Vec<usize> = Vec::new();
        // BOUNDARY_RE: ([.!?…]+)(closing*)(\s+)(?=opening?[A-Z0-9]), searched within stop.
        let mut i = start;
        while i < stop {
            if !sentence_end(t[i]) {
                i += 1;
                continue;
            }
            let mut p = i;
            while p < stop && sentence_end(t[p]) {
                p += 1;
            }
            let mut q = p;
            while q < stop && closing(t[q]) {
                q += 1;
            }
            let mut r = q;
            while r < stop && space(t[r]) {
                r += 1;
            }
            let ahead = r < stop
                && (upper_or_digit(t[r]) || (opening(t[r]) && r + 1 < stop && upper_or_digit(t[r + 1])));
            if r > q && ahead {
                if !(p - i == 1 && t[i] == '.' && self.abbreviation(t, i)) {
                    cuts.push(q);
                }
                i = r;
            } else {
                i = p; // every later start inside the run meets the same text after it
            }
        }
        // A line break closes a sentence after punctuation or after a short title-like line.
        let mut line_start = start;
        for nl in start..stop {
            if t[nl] != '\n' {
                continue;
            }
            if let Some((a, b)) = trimmed(t, line_start, nl) {
                let closes = line_closer(t[b - 1]);
                let short = || -> PyResult<bool> {
                    if b - a >= self.short_line || t[b - 1] == ',' {
                        return Ok(false);
                    }
                    // text[nl + 1 : nl + 3].lstrip()[:1].isupper()
                    match (nl + 1..(nl + 3).min(n)).find(|&k| !space(t[k])) {
                        Some(k) => self.is_upper(py, t[k]),
                        None => Ok(false),
                    }
                };
                if closes || short()? {
                    cuts.push(nl);
                }
            }
            line_start = nl + 1;
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts.push(stop);
        let mut pos = start;
        for cut in cuts {
            // `_bounded`: pieces of at most max_sentence characters, cut at the last space.
            let mut pieces = Vec::new();
            let mut at = pos;
            while cut > at + self.max_sentence {
                let limit = at + self.max_sentence;
                let lo = at + self.max_sentence / 2;
                let gap = rfind(t, ' ', lo, limit).or_else(|| {
                    let (a, b) = (rfind(t, '\n', lo, limit), rfind(t, '\t', lo, limit));
                    a.max(b)
                });
                let piece = match gap {
                    Some(g) if g > at => g + 1,
                    _ => limit,
                };
                pieces.push(piece);
                at = piece;
            }
            pieces.push(cut);
            for piece in pieces {
                out.extend(trimmed(t, pos, piece));
                pos = piece;
            }
        }
        Ok(())
    }

    /// Whether a row of `rows` can start in [start, end): a line with a ';' and two ':', or a
    /// line opening with a bullet or a one- or two-digit number and '.' or ')' (a superset of
    /// ROW_RE's and BULLET_RE's matches: Python decides).
    fn may_hold_rows(&self, t: &[char], start: usize, end: usize) -> bool {
        let mut line = start;
        while line < end {
            let stop = (line..end).find(|&k| t[k] == '\n').unwrap_or(end);
            let body = &t[line..stop];
            let semis = body.iter().filter(|&&c| c == ';').count();
            let colons = body.iter().filter(|&&c| c == ':').count();
            if semis >= 1 && colons >= 2 {
                return true;
            }
            let mut k = 0;
            while k < body.len() && (body[k] == ' ' || body[k] == '\t') {
                k += 1;
            }
            let digitish = |c: char| c.is_ascii_digit() || !c.is_ascii();
            let numbered = |j: usize| j < body.len() && (body[j] == '.' || body[j] == ')');
            if k < body.len()
                && (matches!(body[k], '-' | '*' | '•' | '▪' | '‣')
                    || (digitish(body[k]) && (numbered(k + 1) || (k + 1 < body.len() && digitish(body[k + 1]) && numbered(k + 2)))))
            {
                return true;
            }
            line = stop + 1;
        }
        false
    }

    /// `quotations(text)`: the words inside each pair of marks, pair by pair.
    fn quotations(&self, t: &[char], out: &mut Vec<(u8, usize, usize)>) {
        let n = t.len();
        for &(open, close) in &self.quote_pairs {
            let mut pos = 0;
            while let Some(i) = (pos..n).find(|&k| t[k] == open) {
                let Some(j) = (i + 1..n).find(|&k| t[k] == close) else { break };
                if j - i > 1 {
                    out.push((QUOTE, i + 1, j));
                }
                pos = j + 1;
            }
        }
    }
}

#[pymethods]
impl Segmenter {
    #[new]
    fn new(abbreviations: Vec<String>, short_line: usize, max_sentence: usize, quote_pairs: Vec<(char, char)>,
           isupper: PyObject) -> PyResult<Self> {  // fmt: skip
        if max_sentence < 2 || abbreviations.iter().any(|a| !a.is_ascii() || a.to_ascii_lowercase() != *a) {
            return Err(PyValueError::new_err(
                "Segmenter needs lower-case ASCII abbreviations and max_sentence >= 2",
            ));
        }
        Ok(Segmenter { abbreviations: abbreviations.into_iter().collect(), short_line, max_sentence, quote_pairs, isupper })
    }

    /// (kinds, starts, ends, rows): the paragraphs (kind 0), sentences (1) and quotations (2)
    /// of `text` in segment.py's order, and the (start, end) of each paragraph that may hold
    /// list rows. Offsets are code points.
    #[allow(clippy::type_complexity)]
    fn spans(&self, py: Python<'_>, text: &PyString) -> PyResult<(Vec<u8>, Vec<usize>, Vec<usize>, Vec<(usize, usize)>)> {
        let t = chars_of(text)?;
        let mut items: Vec<(u8, usize, usize)> = Vec::new();
        let mut rows = Vec::new();
        let mut sentences = Vec::new();
        for (a, b) in self.paragraphs(&t) {
            items.push((PARAGRAPH, a, b));
            sentences.clear();
            self.sentences(py, &t, a, b, &mut sentences)?;
            items.extend(sentences.iter().map(|&(s, e)| (SENTENCE, s, e)));
            if self.may_hold_rows(&t, a, b) {
                rows.push((a, b));
            }
        }
        self.quotations(&t, &mut items);
        items.sort_by(|x, y| (x.1, x.0, y.2).cmp(&(y.1, y.0, x.2)));
        let kinds = items.iter().map(|x| x.0).collect();
        let starts = items.iter().map(|x| x.1).collect();
        let ends = items.iter().map(|x| x.2).collect();
        Ok((kinds, starts, ends, rows))
    }
}

/// Words of one list grouped by their first letter (all lower-case ASCII), indexed by it.
struct Words(Vec<Vec<Vec<char>>>);

impl Words {
    fn new(words: Vec<String>) -> Self {
        let mut table: Vec<Vec<Vec<char>>> = vec![Vec::new(); 128];
        for w in words {
            let w: Vec<char> = w.chars().collect();
            table[w[0] as usize].push(w);
        }
        Words(table)
    }

    /// The ends of the words of the list that `t` holds at `p`.
    fn ends_at<'a>(&'a self, t: &'a [char], p: usize) -> impl Iterator<Item = usize> + 'a {
        let words: &[Vec<char>] = match t.get(p) {
            Some(&c) if (c as u32) < 128 => &self.0[c as usize],
            _ => &[],
        };
        words.iter().filter(move |w| t[p..].starts_with(w)).map(move |w| p + w.len())
    }
}

/// extract/glue.py's `_candidate`: whether grammar/glue_patterns.py's LOWER_CANDIDATE matches
/// the lower-cased text or CASED_CANDIDATE the text, as a yes or no (so the regexes'
/// preferences among alternatives do not matter, only whether some way to match exists).
#[pyclass(module = "tollbook_scan")]
pub struct Glue {
    words: Words,
    before_digit: Words,
    after_digit: Words,
    aux: Words,
}

fn az(t: &[char], p: usize) -> bool {
    t.get(p).map_or(false, |c| c.is_ascii_lowercase())
}

fn letter(t: &[char], p: usize) -> bool {
    t.get(p).map_or(false, |c| c.is_ascii_alphabetic())
}

fn upper(t: &[char], p: usize) -> bool {
    t.get(p).map_or(false, |c| c.is_ascii_uppercase())
}

fn digit(t: &[char], p: usize) -> bool {
    t.get(p).map_or(false, |c| c.is_ascii_digit())
}

impl Glue {
    /// LOWER_CANDIDATE on the lower-cased text `l` (no non-ASCII digit in it).
    fn lower(&self, l: &[char]) -> bool {
        for p in 0..l.len() {
            if digit(l, p) && self.after_digit.ends_at(l, p + 1).any(|e| !az(l, e)) {
                return true; // \d(?:AFTER_DIGIT)(?![a-z])
            }
            if p > 0 && az(l, p - 1) {
                continue; // the other branches open with (?<![a-z])
            }
            for q in self.words.ends_at(l, p) {
                // WORDS(?:WORDS{1,2}(?![a-z])|\d)
                if digit(l, q) {
                    return true;
                }
                for r in self.words.ends_at(l, q) {
                    if !az(l, r) || self.words.ends_at(l, r).any(|s| !az(l, s)) {
                        return true;
                    }
                }
            }
            if self.before_digit.ends_at(l, p).any(|q| digit(l, q))
                || self.aux.ends_at(l, p).any(|q| !az(l, q))
            {
                return true;
            }
        }
        false
    }

    /// CASED_CANDIDATE on the text `t`.
    fn cased(&self, t: &[char]) -> bool {
        for p in 0..t.len() {
            // (?<![A-Za-z])(?:WORDS)[A-Z]
            if !(p > 0 && letter(t, p - 1)) && self.words.ends_at(t, p).any(|q| upper(t, q)) {
                return true;
            }
            // [A-Z]{2}(?:WORDS)(?![A-Za-z])
            if upper(t, p) && upper(t, p + 1) && self.words.ends_at(t, p + 2).any(|q| !letter(t, q)) {
                return true;
            }
            // [a-z]{3}\.[A-Z][a-z]
            if az(t, p) && az(t, p + 1) && az(t, p + 2) && t.get(p + 3) == Some(&'.') && upper(t, p + 4) && az(t, p + 5) {
                return true;
            }
        }
        false
    }
}

#[pymethods]
impl Glue {
    #[new]
    fn new(words: Vec<String>, before_digit: Vec<String>, after_digit: Vec<String>, aux: Vec<String>) -> PyResult<Self> {
        let all = words.iter().chain(&before_digit).chain(&after_digit).chain(&aux);
        if !all.into_iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())) {
            return Err(PyValueError::new_err("Glue needs non-empty lower-case ASCII words"));
        }
        Ok(Glue {
            words: Words::new(words),
            before_digit: Words::new(before_digit),
            after_digit: Words::new(after_digit),
            aux: Words::new(aux),
        })
    }

    /// Whether LOWER_CANDIDATE matches `lowered` (the text's `str.lower()`) or CASED_CANDIDATE
    /// `text`; None when `lowered` holds a non-ASCII digit-like character (re's `\d` is any
    /// Unicode decimal digit: the caller asks the reference then).
    fn candidate(&self, text: &PyString, lowered: &PyString) -> PyResult<Option<bool>> {
        let l = chars_of(lowered)?;
        if l.iter().any(|c| !c.is_ascii() && c.is_numeric()) {
            return Ok(None);
        }
        Ok(Some(self.lower(&l) || self.cased(&chars_of(text)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::{rfind, trimmed};

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn trims_python_whitespace() {
        let t = chars("\u{1f} a b\u{3000}");
        assert_eq!(trimmed(&t, 0, t.len()), Some((2, 5)));
        assert_eq!(trimmed(&t, 0, 2), None);
    }

    #[test]
    fn rfind_is_pythons() {
        let t = chars("a b c");
        assert_eq!(rfind(&t, ' ', 0, 5), Some(3));
        assert_eq!(rfind(&t, ' ', 0, 3), Some(1));
        assert_eq!(rfind(&t, ' ', 2, 3), None);
    }
}
