//! tollbook's compiled scanner (issue 23): a document's text and its sentence bounds ->
//! whether each sentence holds a trigger word, in one call per document.
//!
//! The triggers are built once in Python from the declared grammar
//! (src/tollbook/extract/grammar/triggers.py) and handed to `Triggers`; they are found as
//! substrings, ASCII case-insensitively, exactly as the pure-Python reference
//! (src/tollbook/scan/cues.py, `PythonCues`) finds them. Offsets cross the boundary as
//! Python's code-point offsets and are converted to UTF-8 byte offsets here.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

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

/// Sentences that hold a trigger, with the automaton built once per process.
#[pyclass(module = "tollbook_scan")]
struct Triggers {
    automaton: AhoCorasick,
    count: usize,
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
        Ok(Triggers { automaton, count: literals.len() })
    }

    /// One flag per sentence: whether text[starts[i]:ends[i]] (code points) holds a trigger.
    /// A lone surrogate (valid in a Python str, not in UTF-8) reads as U+FFFD: one code point
    /// for one, so offsets still agree, and neither is a trigger.
    fn cued(&self, py: Python<'_>, text: &PyString, starts: Vec<usize>, ends: Vec<usize>) -> PyResult<Vec<bool>> {
        let owned: String;
        let text: &str = match text.to_str() {
            Ok(s) => s,
            Err(_) => {
                // One char per code point: UTF-32 keeps a surrogate pair's halves apart.
                let encoded = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
                let bytes: &PyBytes = encoded.downcast()?;
                owned = bytes
                    .as_bytes()
                    .chunks_exact(4)
                    .map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{FFFD}'))
                    .collect();
                &owned
            }
        };
        if starts.len() != ends.len() {
            return Err(PyValueError::new_err("starts and ends differ in length"));
        }
        let n = starts.len();
        let mut points = starts;
        points.extend_from_slice(&ends);
        let bytes = byte_offsets(text, &points).map_err(|p| {
            PyValueError::new_err(format!("offset {} is past the end of the text", p))
        })?;
        let automaton = &self.automaton;
        Ok(py.allow_threads(|| {
            (0..n)
                .map(|i| {
                    let (a, b) = (bytes[i], bytes[n + i]);
                    a < b && automaton.is_match(&text[a..b])
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::byte_offsets;

    #[test]
    fn offsets_count_code_points() {
        let text = "é killed ✓ x";
        assert_eq!(byte_offsets(text, &[0, 1, 2, 9, 10, 12]).unwrap(), vec![0, 2, 3, 10, 13, 15]);
        assert_eq!(byte_offsets(text, &[13]), Err(13));
        assert_eq!(byte_offsets("abc", &[3, 1]).unwrap(), vec![3, 1]);
    }
}
