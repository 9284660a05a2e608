"""Fast paths must find exactly what the plain ones find: trie-shaped alternations, the
one-pass cue filters, the core-word shortcut of find_numbers. A speed-up that moved a figure
would move the evaluation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollbook.extract import glue
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.alternation import alternation, end_width, final_words
from tollbook.extract.numbers import QUALIFIERS, VAGUE

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


def test_left_cues_are_looked_for_only_where_they_can_end() -> None:
    """The first cue found from the words a window ends with is the first of the whole list."""
    text = _corpus_text()
    last_word = re.compile(r"([A-Za-z]+|[:,])\s*$")
    found = 0
    for m in re.finditer(r"\d+|\b(?:an?|the|his|her|their)\b", text):
        before = text[max(0, m.start() - 120) : m.start()]
        full = next(((c, rx.search(before).start()) for rx, c, _n in lx.LEFT_CUE_RES if rx.search(before)), None)  # type: ignore[union-attr]
        last = last_word.search(before)
        cues = lx.left_cues_ending(last.group(1).lower()) if last else ()
        fast = next(((c, rx.search(before).start()) for rx, c, _n in cues if rx.search(before)), None)  # type: ignore[union-attr]
        assert fast == full, before
        found += full is not None
    assert found > 50


def test_final_words_of_patterns() -> None:
    assert final_words(r"\b(?:killed|shot\s+dead)\s*$", re.I) == {"killed", "dead"}
    assert final_words(r"(?:,|and|along\s+with)\s*$") == {",", "and", "with"}
    assert final_words(r"\bkilled\s+[\w,]+\s*$") is None  # a class: any word
    assert final_words(r"\bkilled(?:\s+them)?\s*$") == {"killed", "them"}  # an optional end: either
    assert final_words(r"\bkilled(?:\s+\w+)?\s*$") is None  # an optional class: any word
    assert final_words(r"(?:included|include|includes)\s*:?\s*$") == {":", "include", "included", "includes"}
    assert final_words(r"death\s*$", re.I) == {"death"}
    assert all(e is None or e for e in lx.LEFT_CUE_ENDINGS)
    assert end_width(r"\b(?:killed|shot\s?dead)\s*$", re.I) == len("shot dead")
    assert end_width(r"\bkilled\s+them\s*$") > 10**6  # unbounded: search the whole window


def _numbers_by_plain_scan(text: str) -> list[tuple[int, int, float]]:
    """find_numbers as it was before its core-word shortcut: NUMBER_RE from every position."""
    from tollbook.extract.numbers import NUMBER_RE, _mention

    out, pos = [], 0
    while pos < len(text):
        m = NUMBER_RE.search(text, pos, len(text))
        if m is None:
            break
        mention = _mention(text, m, len(text))
        if mention is None:
            pos = m.end()
            continue
        out.append((*mention.span, mention.value))
        pos = mention.span[1]
    return out


_NUMBERISH = st.lists(
    st.sampled_from(
        "no fewer than an additional a further between and some about another half a dozen "
        "hundred thousand two ten tens of someone often 12 1,200 3.5 million an unknown number "
        "of few couple killed people at least up to , . - \n behalf Germany curfew weight "
        "tenfold twenty-one Nok-Ten _one 7th x2 anyone".split(" ")
    ),
    max_size=25,
)


@settings(max_examples=400, deadline=None)
@given(words=_NUMBERISH, gaps=st.lists(st.sampled_from([" ", "  ", "\n", " \t "]), min_size=25, max_size=25))
def test_find_numbers_equals_the_plain_scan(words: list[str], gaps: list[str]) -> None:
    from tollbook.extract.numbers import find_numbers

    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    assert [(*n.span, n.value) for n in find_numbers(text)] == _numbers_by_plain_scan(text)


def test_find_numbers_equals_the_plain_scan_on_the_corpus() -> None:
    from tollbook.extract.numbers import find_numbers

    text = _corpus_text()
    found = [(*n.span, n.value) for n in find_numbers(text)]
    assert found == _numbers_by_plain_scan(text) and len(found) > 500


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab Z:,.\n\t1é", max_size=30))
def test_last_word_is_what_the_end_anchored_pattern_finds(before: str) -> None:
    from tollbook.extract.cues import last_word as _last_word

    m = re.search(r"([A-Za-z]+|[:,])\s*$", before)
    assert _last_word(before) == (m.group(1).lower() if m else None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["no.", "No", "regiment", "resolution", "US$", "USD", "EUR", "Nr.", "#",
                              "the", "x", "battalion", "km", "flight"]), max_size=5),  # fmt: skip
    st.sampled_from(["", " ", "  ", "\n", " \t"]),
)
def test_money_and_identifier_windows_read_from_near_the_end(words: list[str], tail: str) -> None:
    from tollbook.extract.numbers import _BEFORE_IDENT, _BEFORE_MONEY, _PREFIX_REACH

    assert len("resolution") == _PREFIX_REACH
    before = (" ".join(words) + tail)[-30:]
    near = max(0, len(before.rstrip()) - _PREFIX_REACH)
    for rx in (_BEFORE_IDENT, _BEFORE_MONEY):
        assert bool(rx.search(before, near)) == bool(rx.search(before)), before


_NAME_TEXT = st.lists(
    st.tuples(
        st.sampled_from(["Ministry", "ministry", "Foreign", "The", "Defence", "aB", "of", "X.",
                         "O'Neil", "Neil", "Ministryx", "’s"]),
        st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\n\n", ", ", "(", "\"", "-", ""]),
    ),
    max_size=14,
).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=400, deadline=None)
@given(text=_NAME_TEXT, head=st.sampled_from(["ministry", "defence", "neil", "x."]))
def test_name_runs_scan_only_where_a_run_can_be(text: str, head: str) -> None:
    from tollbook.extract.attribution import Attributor, name_run_re
    from tollbook.ingest.sources import document_from_text

    rx = name_run_re(head)
    doc = document_from_text(text or "x")
    fast = Attributor(doc, [], [])._name_runs(rx, head.capitalize())
    plain = rx.finditer(doc.text)
    assert [m.span() for m in fast] == [m.span() for m in plain]


_STATEMENT_TEXT = st.lists(
    st.sampled_from([
        "The Ministry of Defence", " has issued a joint statement", " said in a statement",
        " released an official report", " made a declaration", "the statement by Army",
        "a statement from The Army (Press", " Office)", "Reporter", " reporter", " on", " said",
        " that", ".", ". ", ";", ":", ",", ", ", "(", ")", "\"", "“", "”", "\n", " ", "X", "joint",
    ]),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_STATEMENT_TEXT)
def test_first_statement_searches_only_where_a_match_can_be(text: str) -> None:
    from tollbook.extract.attribution import _STATEMENT_ISSUED, first_statement

    fast, plain = first_statement(text), _STATEMENT_ISSUED.search(text)
    assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def _plain_pronouns(text: str) -> list[tuple[int, int]]:
    from tollbook.extract.phrases import ONE_DEATH, PRONOUN_VICTIM

    return [m.span("a") for m in PRONOUN_VICTIM.finditer(text)] + [
        (m.start("a"), m.end()) for m in ONE_DEATH.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_pronouns_are_looked_for_only_in_sentences_with_their_words(data: st.DataObject) -> None:
    from tollbook.extract.phrases import ONE_DEATH, PRONOUN_VICTIM, pronouns

    parts = data.draw(st.lists(st.one_of(st.from_regex(PRONOUN_VICTIM), st.from_regex(ONE_DEATH),
                                         st.sampled_from([" ", ", ", "x", "HER", "Death"])), max_size=3))  # fmt: skip
    text = "".join(parts)
    assert [n.span for n in pronouns(text, 0, len(text))] == _plain_pronouns(text)


_GLUED_HYPHENS = st.sampled_from(sorted(glue.CONTENT)).flatmap(
    lambda w: st.integers(1, max(1, len(w) - 1)).map(lambda k: f"{w[:k]}-{w[k:]}")
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(_GLUED_HYPHENS, st.sampled_from(["x-ray", "A-b", "well", "-", "the"])), max_size=4))
def test_hyphen_repair_check_equals_the_plain_one(words: list[str]) -> None:
    text = " ".join(words)
    plain = bool(glue._LOWER_CANDIDATE.search(text.lower()) or glue._CASED_CANDIDATE.search(text)) or any(
        (m.group(1) + m.group(2)).lower() in glue.CONTENT for m in glue._HYPHEN.finditer(text)
    )
    assert glue._needs_repair(text) == plain


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_speech_cues_are_looked_for_only_in_sentences_with_a_speech_verb(data: st.DataObject) -> None:
    import tollbook.extract.attribution as attribution
    from tollbook.ingest.sources import document_from_text
    from tollbook.model import Segment

    said = data.draw(st.one_of(st.from_regex(attribution._X_SAID), st.from_regex(attribution._SAID_X)))
    text = said.replace("\n", " ") + " 12 people were killed."
    doc = document_from_text(text)
    assert doc.text == text
    sentence = Segment(kind="sentence", start=0, end=len(text), text=text)
    fast = attribution.Attributor(doc, [sentence], []).attribution(len(said) + 1, sentence)
    gate = attribution._SPEECH_WORD
    try:
        attribution._SPEECH_WORD = re.compile("")  # matches every text: the plain scan
        plain = attribution.Attributor(doc, [sentence], []).attribution(len(said) + 1, sentence)
    finally:
        attribution._SPEECH_WORD = gate
    assert fast == plain


def test_speech_gate_holds_every_verb() -> None:
    from tollbook.extract.attribution import _SAID_X, _SPEECH_WORD, _X_SAID
    from tollbook.extract.grammar.attribution_patterns import SPEECH_VERBS as _SPEECH_VERBS

    for verb in _SPEECH_VERBS:
        said = _X_SAID.search(f"The ministry {verb} 12 people were killed.")
        inverted = _SAID_X.search(f"“Twelve died,” {verb} the ministry.")
        assert said is not None or inverted is not None, verb
        assert _SPEECH_WORD.search(f"x{verb}x"), verb
