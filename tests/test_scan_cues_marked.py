"""Per-figure cue readers that look only where a cue can be (issue 23): the right cues and
RIGHT_CUE_ANY open with a look-ahead of their first words (grammar/alternation.py `opening`,
read from re's parse), the left cues too, and are searched only after a word they can end
with (`final_words`, which now reads optional ends); headlines.py searches for an ACTIVE verb
only after a word one can end with.

The reference is the code before: the same cue patterns compiled without their look-aheads,
every left cue searched after any word of the cues, and the ACTIVE search before every figure.
Claims and tallies are byte-identical on generated sentences (hypothesis, with the non-ASCII
letters `re.IGNORECASE` equates with ASCII ones), the project corpus and the demo, and rows of
every file of ../shared/data (all of them with TOLLBOOK_DIFF_ALL=1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import headlines
from tollbook.extract.grammar import headline_patterns as hp
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.alternation import final_words, first_words, opening

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]


def _plain_right() -> tuple[tuple[tuple[re.Pattern[str], str, str | None], ...], re.Pattern[str]]:
    res = tuple((re.compile(lx._AUX + pat, re.IGNORECASE), cat, d) for pat, cat, d in lx.RIGHT_CUES)
    return res, re.compile(lx._AUX + lx._RIGHT_CUES_ANY, re.IGNORECASE)


_PLAIN_LEFT = tuple((re.compile(pat, re.IGNORECASE), cat, note) for pat, cat, note in lx.LEFT_CUES)


def _every_left_cue(word: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The reference: every left cue, in order, after any word the cues are written with."""
    return _PLAIN_LEFT if word in lx.LEFT_CUE_FINALS else ()


@contextmanager
def _reference() -> Iterator[None]:
    res, any_cue = _plain_right()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lx, "RIGHT_CUE_RES", res)
        mp.setattr(lx, "DISPLACED_CUE_RES", tuple(c for c in res if c[1] == "displaced" and c[2] is None))
        mp.setattr(lx, "RIGHT_CUE_ANY", any_cue)
        mp.setattr(lx, "left_cues_ending", _every_left_cue)
        mp.setattr(headlines, "_after_active", lambda before: True)
        yield


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    assert_path_agrees(texts, _reference, least_claims=least_claims)


# --- the grammar readers -------------------------------------------------------------------


def test_first_words_of_patterns() -> None:
    assert first_words(r"(?:killed|shot\s+dead)\b", flags=re.I) == {"killed", "shot"}
    assert first_words(r"(?<!\bwere\s)\bhanged") == {"hanged"}  # zero-width parts consume nothing
    assert first_words(r"(?:who\s+)?killed") == {"who", "killed"}  # an optional start: either
    assert first_words(r"b(?:eheaded|urned)") == {"beheaded", "burned"}  # a trie's branches
    assert first_words(r"['’]s\s+body") == {"'", "’"}
    assert first_words(r"\w+ly\s+killed") is None  # a class: any word
    assert first_words(r"(?:killed)?") is None  # may match nothing
    assert first_words(r"(?:who\s+)?", "killed") == {"who", "killed"}  # parts, one after the other
    assert opening(first_words(r"(?:kill|killed|shot)")) == "(?=(?:kill|shot))"  # the shortest only
    assert opening(first_words(r"\w+")) == ""


def test_every_cue_has_an_opening() -> None:
    """A cue whose first words could not be read would silently lose its speed-up."""
    for rx, _c, _d in (*lx.RIGHT_CUE_RES, *lx.LEFT_CUE_RES):
        assert rx.pattern.startswith("(?="), rx.pattern[:80]
    assert lx.RIGHT_CUE_ANY.pattern.startswith("(?=")
    assert all(ends for ends in lx.LEFT_CUE_ENDINGS)  # every left cue ends in known words now
    assert hp.ACTIVE_ENDS and final_words(hp.ACTIVE.pattern, hp.ACTIVE.flags) == set(hp.ACTIVE_ENDS)
    # headlines.py asks AND_ANOTHER's gate only when ANOTHER's passed
    assert set(hp.AND_ANOTHER_GATE.words) <= set(hp.ANOTHER_GATE.words)


_WORDS = st.sampled_from([
    "tragically died", "severely injured", "Two severely wounded", "who tragically perished",
    "12", "three", "one", "people", "were", "was", "brutally", "reportedly", "later", "killed", "dead",
    "shot", "and", "died", "wounded", "injured", "hospitalised", "taken", "hostage", "missing", "fled",
    "displaced", "returned", "home", "the", "death", "toll", "rose", "to", "of", "bodies", "fate",
    "whereabouts", "included", ":", ",", "’s", "body", "lynch", "executes", "burned", "alive", "put",
    "KILLED", "\u212aILLED", "kidnapped", "who", "that", "\u0131n", "ho\u017ftage", "\u0130njured",
    "claimed", "lives", "left", "forced", "among", "quickly", "x", "é", "execute\u017f", "\u212aill",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=14), st.sampled_from([" ", "  ", "\u00a0", "\t"]))
def test_gated_patterns_match_as_the_plain_ones(words: list[str], sep: str) -> None:
    text = sep.join(words)
    res, any_cue = _plain_right()
    for at in range(len(text) + 1):
        assert bool(lx.RIGHT_CUE_ANY.match(text, at)) == bool(any_cue.match(text, at))
        for (gated, _c, _d), (plain, _c2, _d2) in zip(lx.RIGHT_CUE_RES, res, strict=True):
            g, p = gated.match(text, at), plain.match(text, at)
            assert (g and g.span()) == (p and p.span()), (text, at, plain.pattern[:60])
    for (gated, _c, _n), (plain, _c2, _n2) in zip(lx.LEFT_CUE_RES, _PLAIN_LEFT, strict=True):
        g, p = gated.search(text), plain.search(text)
        assert (g and g.span()) == (p and p.span()), (text, plain.pattern[:60])
    active = hp.ACTIVE.search(text)
    assert active is None or headlines._after_active(text), text


def test_gated_patterns_match_as_the_plain_ones_over_the_corpus() -> None:
    text = "\n".join(corpus_texts())
    res, any_cue = _plain_right()
    hits = 0
    for at in (m.start() for m in re.finditer(r"[^\s,]+", text)):
        plain = bool(any_cue.match(text, at))
        assert bool(lx.RIGHT_CUE_ANY.match(text, at)) == plain, text[at : at + 60]
        hits += plain
        if plain:
            for (gated, _c, _d), (rx, _c2, _d2) in zip(lx.RIGHT_CUE_RES, res, strict=True):
                g, p = gated.match(text, at), rx.match(text, at)
                assert (g and g.span()) == (p and p.span()), text[at : at + 60]
    assert hits > 1000


# --- the whole path ------------------------------------------------------------------------

_SENTENCES = st.sampled_from([
    "At least 12 people were brutally killed", "Three of his escorts were reportedly shot dead",
    "Four killed, one injured", "Vigilantes lynch four suspected thieves", "2 die in blast",
    "The death toll rose to 40", "The fate of the 3 crew is unknown", "Gunmen killed 5 and wounded another",
    "The dead included 2 children", "Among the wounded were 6 soldiers", "The bodies of 4 men were found",
    "The attack claimed the lives of 9", "Rebels executed two hostages", "One \u212aILLED, two hurt",
    "Militants burned alive two women", "Five were taken hostage", "A man's body was found", "1,200 fled",
    "Police arrested 20 protesters", "Prices rose by 12 percent", "Two people who were nurses were found dead",
    "The whereabouts of 3 fishermen are unknown", "Two people tragically died", "4 severely injured", "Bandits execute\u017f 3 villagers",
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


def test_headline_verbs_are_looked_up_as_the_pattern_compared_them() -> None:
    """"executeſ" (long s) and "İnjured" match their patterns case-blind; their lookup once raised
    KeyError (found by the generated reports above)."""
    from tollbook import api

    ex = api.extract_text("Bandits execute\u017f 3 villagers. One \u0130njured.")
    assert [(c.category, c.value) for c in ex.claims] == [("killed", 3.0), ("wounded", 1.0)]


def test_the_openings_table_is_fresh() -> None:
    """lexicon.py reads each cue's look-ahead from cue_openings.py when it holds the cue's very
    parts (else it parses them: slower, never wrong); a stale table loses the start-up time."""
    import runpy

    from tollbook.extract.grammar.cue_openings import OPENINGS

    script = runpy.run_path(str(ROOT / "scripts" / "cue_openings.py"))
    assert script["table"]() == OPENINGS, "run `PYTHONPATH=src .venv/bin/python scripts/cue_openings.py`"
    assert len(OPENINGS) == len(lx.OPENED) == len(lx.RIGHT_CUES) + 1 + len(lx.LEFT_CUES)
