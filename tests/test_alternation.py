"""Trie-shaped alternations and the one-pass cue filters: the fast patterns must find exactly
what the plain ones find, or a speed-up would move the evaluation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollbook import lexicon as lx
from tollbook.alternation import alternation
from tollbook.numbers import QUALIFIERS, VAGUE

from .conftest import CORPUS


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_WORDS = st.lists(st.text(alphabet="ab c", min_size=1, max_size=5), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="ab cd", max_size=40))
def test_alternation_matches_as_the_longest_first_list(words: list[str], text: str) -> None:
    # Followed by a boundary, so a shorter word must be tried after a longer one fails.
    fast = re.compile(alternation(words) + r"(?![ab])")
    slow = re.compile(_plain(words) + r"(?![ab])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_alternation_of_the_number_words_on_real_phrases() -> None:
    words = [*QUALIFIERS, *VAGUE]
    fast = re.compile(r"\b" + alternation(words) + r"\b", re.IGNORECASE)
    slow = re.compile(r"\b" + _plain(words) + r"\b", re.IGNORECASE)
    text = " ".join(words) + " An Unknown Number Of no fewer   than hundreds of thousands"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
    assert fast.fullmatch("hundreds of thousands") and not fast.fullmatch("hundreds of")


def test_alternation_refuses_empty_input() -> None:
    with pytest.raises(ValueError):
        alternation([])
    with pytest.raises(ValueError):
        alternation(["a", ""])


def _corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.jsonl")))


def test_right_cue_filter_matches_where_a_cue_does() -> None:
    text = _corpus_text()
    starts = [m.start() for m in re.finditer(r"[^\s,]+", text)]
    hits = 0
    for at in starts:
        any_cue = any(rx.match(text, at) for rx, _c, _d in lx.RIGHT_CUE_RES)
        assert bool(lx.RIGHT_CUE_ANY.match(text, at)) == any_cue, text[at : at + 60]
        hits += any_cue
    assert hits > 100


def test_left_cue_filter_finds_where_a_cue_does() -> None:
    text = _corpus_text()
    hits = 0
    for m in re.finditer(r"\d+", text):
        before = text[max(0, m.start() - 120) : m.start()]
        any_cue = any(rx.search(before) for rx, _c, _n in lx.LEFT_CUE_RES)
        assert bool(lx.LEFT_CUE_ANY.search(before)) == any_cue, before
        hits += any_cue
    assert hits > 50
