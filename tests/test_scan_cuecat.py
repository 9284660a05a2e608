"""The left-cue reader of extract/cues.py reads with fewer matches (issue 23, session 3):
`_left_cue` tries a left cue only where the words of its look-ahead start, found in the folded
window (literals.fold), instead of searching from every position. (A grouped reading of the
right cues was tried too and not merged: compiling its unions on a process's first document cost
more than it saved below about 2 MB; docs/marks.md.)

The reference is the code before, kept here (`_left_cue_before`). The
readers agree on generated text (hypothesis, with the letters `re.IGNORECASE` treats specially:
"ſ", "İ", "ı", the Kelvin sign, "ﬀ", combining marks) and on every word of the project corpus;
claims and tallies are byte-identical with the reference readers swapped in, on generated
reports, the project corpus and the demo, and rows of every file of ../shared/data (all rows
with TOLLBOOK_DIFF_ALL=1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import cues
from tollbook.extract.cues import (
    _DEATH_WORDS,
    _TOLL_NOT_FIGURE,
    last_word,
    toll_category,
)
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.records import LeftCue

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]


# --- the reference: the readers before -----------------------------------------------------


def _left_cue_before(text: str, start: int, at: int) -> LeftCue | None:
    before = text[max(start, at - 120) : at]
    last = last_word(before)
    for rx, cat, note in lx.left_cues_ending(last) if last is not None else ():
        m = rx.search(before)
        if m:
            if cat == "toll":
                if _TOLL_NOT_FIGURE.match(text, at):
                    return None
                words = m.group(0).lower()
                other = "inherit" if note == "cumulative" and not _DEATH_WORDS.search(words) else "killed"
                cat = toll_category(words, other)
            return LeftCue(cat, note, at - len(before) + m.start())
    return None


@contextmanager
def _reference() -> Iterator[None]:
    """The left-cue reader before."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cues, "_left_cue", _left_cue_before)
        yield


# --- the readers, word by word -------------------------------------------------------------

_WORDS = st.sampled_from([
    "12", "three", "one", "people", "were", "was", "are", "is", "who", "that", "have", "been", "to", "still",
    "brutally", "reportedly", "later", "internally", "killed", "dead", "died", "shot", "and", "wounded",
    "injured", "hospitalised", "taken", "hostage", "missing", "fled", "displaced", "forced", "flee",
    "returned", "home", "to", "Goma", "the", "a", "among", "death", "toll", "rose", "number", "of", "bodies",
    "body", "’s", "'s", "fate", "whereabouts", "lost", "their", "lives", "parents", "in", "camps", "shelters",
    "arrested", "detained", "recruited", "may", "could", "have", "but", ";", ".", ",", ":", "killing",
    "executed", "lynched", "burned", "alive", "claimed", "left", "his", "themselves", "five", "villagers",
    "KILLED", "\u212aILLED", "\u0131n", "ho\u017ftage", "\u0130njured", "e\ufb00ectively", "exe\u0301cuted",
    "displa\u0307ced", "\u017fhot", "x", "é", "fatally", "critically", "FATALLY", "fatally wounded",
])  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=16), st.sampled_from([" ", "  ", "\u00a0", "\t", ", "]))
def test_the_readers_agree_with_the_readers_before(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for at in range(len(text) + 1):
        assert cues._left_cue(text, 0, at) == _left_cue_before(text, 0, at), (text, at)


def test_the_readers_agree_over_every_word_of_the_corpus() -> None:
    text = "\n".join(corpus_texts())
    lefts = 0
    for m in re.finditer(r"[^\s,]+", text):
        at = m.start()
        left = cues._left_cue(text, max(0, at - 200), at)
        assert left == _left_cue_before(text, max(0, at - 200), at), text[max(0, at - 120) : at]
        lefts += left is not None
    assert lefts > 300


def test_every_left_cue_has_its_words() -> None:
    """A left cue whose look-ahead words could not be read would silently lose its speed-up."""
    for rx, _c, _n in lx.LEFT_CUE_RES:
        starts = cues._openings(rx)
        assert starts is not None and not starts.flags & re.IGNORECASE, rx.pattern[:80]
    assert cues._openings(re.compile("killed", re.IGNORECASE)) is None  # any other pattern: searched whole


# --- the whole path ------------------------------------------------------------------------


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    import tollbook.extract.counts  # noqa: F401 - imported before the reference is swapped in

    assert_path_agrees(texts, _reference, least_claims=least_claims)


_SENTENCES = st.sampled_from([
    "At least 12 people were brutally killed", "Three of his escorts were reportedly shot dead",
    "Some 3,000 people are estimated to have been internally displaced", "40 families fled to Goma",
    "Five were taken hostage and later killed", "The death toll rose to 40", "Gunmen killed 5 and wounded another",
    "Two people who were nurses were found dead", "2 children lost their parents", "1,200 remain in camps",
    "Militants burned alive two women", "The fate of the 3 crew is unknown", "Police arrested 20 protesters",
    "Six were wounded, two \u212aILLED", "Nine villagers were \u017fhot dead", "Two were \u0130njured",
    "Bandits lynched and burned two thieves", "Four soldiers were hurt and one died of his wounds",
    "Two were fatally wounded", "3 were critically injured",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SENTENCES, min_size=1, max_size=5), st.sampled_from([". ", "; ", ", ", " and "]))
def test_generated_reports_are_byte_identical(sentences: list[str], sep: str) -> None:
    _assert_identical([sep.join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    _assert_identical(texts, least_claims=300)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)
