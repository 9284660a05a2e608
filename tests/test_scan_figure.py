"""The per-figure count rule and the sentence structure, made cheaper byte-identically (issue 23):
- extract/endings.py: the end-anchored searches before each figure (counts.py's
  `_OF_COMPLEMENT`, `_NUMBERED_PART_BEFORE`, `_FAMILY_OF`) run only where the window ends with
  a word their matches end with (`alternation.final_words`);
- counts._breakdown reads a figure's right cue for the breakdown only when a word every
  breakdown holds (`literals.required` of both breakdown patterns) follows the figure in its
  sentence (`_last_breakdown_word`, once per sentence);
- counts._figure refuses a determiner's open noun phrase that names no people ("the Lorsk
  Centre", "his unit") before reading its left cue, when nothing but `_adjacent` (whose first
  test reads no cue) could keep it (`_counts_no_one`).

The reference is the code before, kept here: the plain patterns searched everywhere, a
`_last_breakdown_word` that never lets `_breakdown` skip, a `_counts_no_one` that refuses nothing. Claims and tallies are byte-identical
on generated reports (hypothesis, with the non-ASCII letters `re.IGNORECASE` equates with ASCII
ones and non-ASCII spaces), the project corpus and the demo, and rows of every file of
../shared/data (all of them with TOLLBOOK_DIFF_ALL=1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tollbook.extract import counts
from tollbook.extract.cues import ahead
from tollbook.extract.endings import Ending, ending
from tollbook.extract.grammar import count_patterns as cp
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.literals import proves

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]
_GATED = {"_OF_COMPLEMENT": cp.OF_COMPLEMENT, "_NUMBERED_PART_BEFORE": cp.NUMBERED_PART_BEFORE,
          "_FAMILY_OF": cp.FAMILY_OF, "_REL_CLAUSE_OPEN": cp.REL_CLAUSE_OPEN}  # fmt: skip


@contextmanager
def _reference() -> Iterator[None]:
    """The code before: the plain patterns (same `search(text, pos, endpos)`), no skipped cue."""
    with pytest.MonkeyPatch.context() as mp:
        for name, pattern in _GATED.items():
            mp.setattr(counts, name, pattern)
        mp.setattr(counts, "_last_breakdown_word", lambda text, start, end: end)
        mp.setattr(counts, "_counts_no_one", lambda text, end, num, remains, opened: False)
        yield


def _assert_identical(texts: list[str], *, least_claims: int, scanner: str = "python") -> None:
    assert_path_agrees(texts, _reference, least_claims=least_claims, scanners=(scanner,))


# --- the gated searches alone ----------------------------------------------------------------


def test_the_gates_are_read_from_the_patterns() -> None:
    assert counts._OF_COMPLEMENT.finals == ("of",)
    assert counts._NUMBERED_PART_BEFORE.finals == ("the", "these", "those")
    assert counts._FAMILY_OF.finals == ("of",)
    assert all(isinstance(getattr(counts, n), Ending) for n in _GATED)
    with pytest.raises(ValueError, match="not anchored"):
        ending(re.compile(r"of\s+$"))
    assert ending(re.compile(r"\w+\s+\Z")).finals is None  # a class at the end: always searched
    assert ending(re.compile(r"\w+\s+\Z")).needs is None
    assert counts._REL_CLAUSE_OPEN.finals is None and counts._REL_CLAUSE_OPEN.needs == ("who",)
    # every breakdown holds one of the words, and the words are not everything
    for pattern in (lx.BREAKDOWN_RE, lx.BREAKDOWN_ANYWHERE_RE):
        assert proves(counts._BREAKDOWN_WORDS, pattern)
    assert "" not in counts._BREAKDOWN_WORDS and ":" in counts._BREAKDOWN_WORDS


_WORDS = st.sampled_from([
    "of", "OF", "Of", "the", "THE", "these", "those", "tho\u017fe", "th\u0130s", "\u0131", "family", "a", "an", "entire",
    "whole", "members", "some", "seven", "who", "WHOM", "w\u0130ho", "Who", "said", "had", "refused", "12", "1,200", "five", "of\u00a0", "off", "proof", "bathe",
    "who", "were", "killed", "including", "Including", "among", "them", "of whom", ":", ",", "(", "\u2014",
    "mainly", "\u212a", "x", "\u00e9", "whom", "them:", "INCLUDING",
])  # fmt: skip
_SEPS = st.sampled_from([" ", "  ", "\u00a0", "\t", "\n", "\u2003", ""])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=12), _SEPS, _SEPS)
@example(["seven", "of", "tho\u017fe"], "\u00a0", " ")  # a long s, compared case-blind with "s"
@example(["a", "whole", "family", "OF"], " ", "\u2003")
def test_gated_searches_find_what_the_plain_ones_find(words: list[str], sep: str, tail: str) -> None:
    text = sep.join(words) + tail
    for name, plain in _GATED.items():
        gated = getattr(counts, name)
        for pos in range(0, len(text) + 1, 3):
            for endpos in range(pos, len(text) + 1):
                g, p = gated.search(text, pos, endpos), plain.search(text, pos, endpos)
                assert (g and g.span()) == (p and p.span()), (name, text, pos, endpos)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=12), _SEPS)
@example(["12", "killed", ",", "INCLUDING", "3", ",", "among", "them", ":"], " ")
def test_no_breakdown_starts_after_the_last_breakdown_word(words: list[str], sep: str) -> None:
    text = sep.join(words)
    start, end = 0, len(text)
    last = counts._last_breakdown_word(text, start, end)
    for at in range(len(text) + 1):
        found = lx.BREAKDOWN_RE.match(ahead(text, at, end)) or lx.BREAKDOWN_ANYWHERE_RE.search(text, at, end)
        assert found is None or last >= at, (text, at, last)


def test_gated_searches_over_the_corpus() -> None:
    """Before every number-like word of the corpus, in the windows the count rule uses."""
    text = "\n".join(corpus_texts())
    hits = skipped = 0
    for m in re.finditer(r"\b(?:\d[\d,]*|a|an|the|his|her|their|both|one|two|three|five|seven)\b", text):
        for name, plain in _GATED.items():
            lo = max(0, m.start() - 30)
            g, p = getattr(counts, name).search(text, lo, m.start()), plain.search(text, lo, m.start())
            assert (g and g.span()) == (p and p.span()), text[lo : m.end()]
            hits += p is not None
            finals = getattr(counts, name).finals
            skipped += finals is not None and not text[lo : m.start()].rstrip().lower().endswith(finals)
        lo = max(0, m.start() - 80)
        g, p = counts._REL_CLAUSE_OPEN.search(text, lo, m.start()), cp.REL_CLAUSE_OPEN.search(text, lo, m.start())
        assert (g and g.span()) == (p and p.span()), text[lo : m.end()]
        hits += p is not None
    assert hits > 20 and skipped > 5_000  # the searches matched, and most were skipped


def test_breakdown_gate_over_the_corpus() -> None:
    texts = corpus_texts()
    checked = 0
    for text in texts:
        last = counts._last_breakdown_word(text, 0, len(text))
        for m in re.finditer(r"\S+", text):
            found = lx.BREAKDOWN_RE.match(ahead(text, m.start(), len(text)))
            assert found is None or last >= m.start(), text
            checked += found is not None
    assert checked > 40  # breakdowns found (49 in the corpus of 2026-12-07)


# --- the whole path ------------------------------------------------------------------------

_SENTENCES = st.sampled_from([
    "Seven of the 90 passengers were killed", "Two of the 9 injured died", "five members of an indigenous guard died",
    "Gunmen killed a family of three", "Gunmen killed a whole \u017family of five", "SEVEN OF THOSE 12 MEN DIED",
    "Ten Maoists, including two women cadres, were gunned down", "12 people were killed, among them 4 children",
    "40 were wounded: 12 soldiers and 28 civilians", "Of the 64 people abducted, 19 are still missing",
    "52 people, 17 of whom were students, died", "The first secretary of the embassy was shot",
    "Three soldiers were killed and many of them were young", "Most of them fled", "The 3 men were killed mainly by shrapnel",
    "Among the 27 killed were nine children", "Seven of tho\u017fe  12 hostages were freed", "4 of the\u00a0 10 died",
    "A man who was abducted by gunmen was found dead", "Police arrested 20 protesters", "Four killed, one injured",
    "The dead included 2 children", "Rebels executed two hostages and the others: 3 women",
    "Gunmen killed a Female Body", "Militants shot the Lorsk Human Rights Centre guard", "Rebels killed his Son",
    "Soldiers killed his unit", "Troops killed his son and her brother", "The army lost the Tenth Brigade",
    "Gunmen killed the Villagers", "a human skull was found", "a trader who had refused to pay was murdered",
    "a man WHO had been warned was shot", "Gunmen shot a trader who said he refused", "The strike brings to 40 the number of dead",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SENTENCES, min_size=1, max_size=5), st.sampled_from([". ", "; ", ", ", " and "]))
def test_generated_reports_are_byte_identical(sentences: list[str], sep: str) -> None:
    _assert_identical([sep.join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    _assert_identical(texts, least_claims=300)
    _assert_identical(texts[::7], least_claims=30, scanner="auto")  # the compiled pre-filter, when built


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


def test_determiners_that_name_no_people_skip_the_cue_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """The skip is taken (it would otherwise read a left cue), and only where _adjacent refuses."""
    from tollbook.extract import cues

    asked: list[int] = []
    real = cues.left_cue
    monkeypatch.setattr(counts, "left_cue", lambda text, start, at: asked.append(at) or real(text, start, at))
    text = "Soldiers destroyed his unit."
    counts.find_figures(text, 0, len(text), [])
    assert text.index("his") not in asked
    text = "Gunmen killed his son."
    figures = counts.find_figures(text, 0, len(text), [])
    assert text.index("his") in asked and [f.category for f in figures] == ["killed"]
