"""areas.none_in (issue 23): whether no sentence or row of a document holds an area figure,
for most documents in one search of the whole text (grammar/area_patterns.py AREA_GATE)
instead of one per scope. The reference, the search of every scope, is kept here; the two
agree on generated text (area units in every case form, Unicode case folds and digits, scopes
ending mid-word), on the corpus, the demo and every text of ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollbook.extract.areas import find_areas, none_in
from tollbook.extract.segment import segment
from tollbook.model import Segment

from .conftest import SHARED, SHARED_TEXT_FILES, demo_texts, shared_texts

ROOT = Path(__file__).resolve().parents[1]


def _reference(text: str, scopes: list[Segment]) -> bool:
    return not any(find_areas(text, s.start, s.end) for s in scopes)


def _scopes(text: str) -> list[Segment]:
    """The pipeline's area scopes: rows, then sentences (claims._area_scopes)."""
    segs = segment(text)
    return [s for s in segs if s.kind == "row"] + [s for s in segs if s.kind == "sentence"]


_PIECES = st.sampled_from([
    "12", "1,200", "3.5", "0", "٣", " ", "\n", ". ", "; ", "Label: ", "thousand", " million", "km2", "KM²",
    "km^2", "sq km", "sq. km", "Sq.Mi", "square kilometres", "square miles", "kilometers squared", "hectares",
    "ha", "HA", "hat", "mi2", "mi²", "acres", "acre", "\u212am2", "ſq km", "s", "x", "_", "é", "2", "The area",
    "territory", "of",
])  # fmt: skip


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, list[Segment]]:
    text = "".join(draw(st.lists(st.one_of(_PIECES, _PIECES, st.text(max_size=2)), max_size=20)))
    bounds = draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=4)
    )
    scopes = [Segment("sentence", a, b, text[a:b]) for a, b in bounds if a < b]
    return text, draw(st.sampled_from([scopes, _scopes(text)]))


@settings(max_examples=1500, deadline=None)
@given(cases())
def test_generated_texts_and_scopes_agree(case: tuple[str, list[Segment]]) -> None:
    text, scopes = case
    assert none_in(text, scopes) == _reference(text, scopes)


def test_a_scope_ending_mid_word_is_searched() -> None:
    """ "5 ha" ends a scope cut before "lf": the scope's search sees "ha" end the text and
    finds an area, the whole text's gate ("5 half") does not; the scope end is a word
    character, so the scopes are searched."""
    text = "It was 5 half"
    scopes = [Segment("sentence", 0, 11, text[:11])]
    assert not _reference(text, scopes)
    assert not none_in(text, scopes)
    assert none_in(text, [Segment("sentence", 0, len(text), text)])


def test_the_corpus_demo_and_shared_data_agree() -> None:
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]  # fmt: skip
    texts += demo_texts()
    with_areas = 0
    for text in texts:
        scopes = _scopes(text)
        want = _reference(text, scopes)
        assert none_in(text, scopes) == want, text[:200]
        with_areas += not want
    assert with_areas >= 5


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_every_shared_text_agrees(name: str) -> None:
    path = SHARED / "data" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared lives beside the checkout)")
    for text in shared_texts(path):
        scopes = _scopes(text)
        assert none_in(text, scopes) == _reference(text, scopes), text[:200]
