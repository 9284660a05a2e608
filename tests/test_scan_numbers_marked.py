"""The number reader's faster scan (issue 23, extract/numbers.py) against the reader as it was.

`find_numbers` now searches with NUMBER_SCAN (NUMBER_RE tried only where one of its lead words
starts) from the last figure on, instead of a core-word search, eight words back, and NUMBER_RE
tried at every word start from there. It asks the five patterns after a figure as one
(`AFTER_ANY`) before asking each, parses plain digits directly and reads identifiers through a
trie of the same words (`BEFORE_IDENT`). The reference below is the old code, kept here and
patched in for the reference runs. Mentions must be equal for any range of any text (rules read
sub-ranges too), and the whole path's claims and tallies byte-identical on generated reports,
the corpus, the demo and ../shared/data texts (sampled; all with TOLLBOOK_DIFF_ALL=1).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import numbers
from tollbook.extract.grammar import number_patterns as grammar
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.numbers import find_numbers, numbers_in

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]

# --- the reference: the helpers of find_numbers before this change ------------------------------

_OLD_BEFORE_IDENT = re.compile(
    r"(?:\bno\.?|\bnumber|\bresolution|\barticle|\bregiment|\bbrigade|\bdivision|\bunit|"
    r"\bbattalion|\bchapter|\bsection|\bflight|\broute|\bhighway|\bpage|\bkm|\bnr\.?|#)\s*\Z",
    re.IGNORECASE,
)
_CALLS = {"reference": 0}
#: The old scan's patterns: the words every match contains, and the starts of words.
_CORE_RE = re.compile(
    r"\d|\b(?:" + alternation([*numbers.UNITS, *numbers.TENS, "hundred", "thousand", "million", "dozen", "half",
                              *numbers.VAGUE]) + ")",
    re.IGNORECASE,
)  # fmt: skip
_WORD_START = re.compile(r"\b(?=\w)")


def _old_words_back(text: str, floor: int, at: int, n: int) -> int:
    i = at
    for _ in range(n):
        while i > floor and not text[i - 1].isspace():
            i -= 1
        while i > floor and text[i - 1].isspace():
            i -= 1
        if i <= floor:
            return floor
    return i


def _old_first_match(text: str, lo: int, core: int, stop: int) -> re.Match[str] | None:
    _CALLS["reference"] += 1
    for w in _WORD_START.finditer(text, lo, core + 1):
        m = grammar.NUMBER_RE.match(text, w.start(), stop)
        if m is not None:
            return m
    return grammar.NUMBER_RE.search(text, core + 1, stop)


def _old_classify(text: str, start: int, end: int, digits: bool) -> tuple[str, int]:
    after = text[end : end + 40]
    before = text[max(0, start - 30) : start]
    near = max(0, len(before.rstrip()) - numbers._PREFIX_REACH)
    om = grammar.ORDINAL_SUFFIX.match(after)
    if digits and om:
        return "ordinal", end + om.end()
    pm = grammar.AFTER_PERCENT.match(after)
    if pm:
        return "percent", end + pm.end()
    mm = grammar.AFTER_MONEY.match(after)
    if mm or grammar.BEFORE_MONEY.search(before, near):
        return "money", end + (mm.end() if mm else 0)
    am = grammar.AGE_DURATION.match(after)
    if am:
        return ("age" if am.group("old") else "duration"), end + am.end()
    if digits:
        if _OLD_BEFORE_IDENT.search(before, near):
            return "ident", end
        glued = grammar.GLUED_BEFORE.search(before) or grammar.GLUED_AFTER.match(after)
        if glued and not re.match(r"(?:km2|km²|sq)", after, re.IGNORECASE):
            return "ident", end
    return "cardinal", end


def _old_parse_figure(text: str) -> float | None:
    t = text.strip().lower()
    m = grammar.FIGURE_TEXT.fullmatch(t)
    if m:
        digits, scale = m.group(1), m.group(2)
        if scale is None and grammar.DOT_GROUPED.fullmatch(digits):
            digits = digits.replace(".", "")
        elif scale is not None and grammar.DECIMAL_COMMA.fullmatch(digits):
            digits = digits.replace(",", ".")
        base = float(grammar.SEPARATORS.sub("", digits))
        if scale is None:
            return base
        if scale in numbers.SCALES:
            return base * numbers.SCALES[scale]
        if scale in numbers.SHORT_SCALES:
            return base * numbers.SHORT_SCALES[scale]
        return None
    return numbers.words_to_number(t)


#: Words a match may hold before its first core word (the old scan's bound).
_PREFIX_WORDS = max(len(q.split()) for q in numbers.QUALIFIERS) + 2 + 1 + 1 + 1


def _old_find_numbers(text: str, start: int = 0, end: int | None = None) -> tuple[numbers.NumberMention, ...]:
    """find_numbers as it was: the first core word, eight words back, NUMBER_RE at each word start."""
    stop = len(text) if end is None else end
    out: list[numbers.NumberMention] = []
    pos = start
    while pos < stop:
        core = _CORE_RE.search(text, pos, stop)
        if core is None:
            break
        m = _old_first_match(text, _old_words_back(text, pos, core.start(), _PREFIX_WORDS), core.start(), stop)
        if m is None:
            break
        mention = numbers._mention(text, m, stop)
        if mention is not None:
            out.append(mention)
            pos = mention.span[1]
        else:
            pos = m.end()
    return tuple(out)


@contextmanager
def _reference() -> Iterator[None]:
    """The number reader as it was, in every module that holds it: find_numbers, _classify and
    parse_figure; the sentence memo emptied on the way in and out, so neither run reads the
    other's mentions."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(numbers, "_classify", _old_classify)
        for module in list(sys.modules.values()):
            if module is None or not module.__name__.startswith("tollbook"):
                continue
            if getattr(module, "parse_figure", None) is numbers.parse_figure:
                mp.setattr(module, "parse_figure", _old_parse_figure)
            if getattr(module, "find_numbers", None) is numbers.find_numbers:
                mp.setattr(module, "find_numbers", _old_find_numbers)
        numbers_in.cache_clear()
        try:
            yield
        finally:
            numbers_in.cache_clear()


def _old_find(text: str, start: int, end: int) -> tuple[numbers.NumberMention, ...]:
    with _reference():
        return _old_find_numbers(text, start, end)


# --- mentions: any range of any text -------------------------------------------------------------

_PIECES = st.sampled_from([
    "12", "1,275", "3.5 million", "2m", "twenty-five", "one thousand two hundred", "a hundred", "dozens of",
    "two dozen", "half a dozen", "half a million", "between 10 and 12", "10-12", "10 to 12", "12 000",
    "12\u202f000", "2.300", "3,5 million", "at least", "no fewer than", "in excess of", "a total of",
    "up to", "revised up to", "rose from", "an estimated", "some", "another", "an additional", "a further",
    "tens of thousands", "an unknown number of", "a few", "several", "people", "were killed", "wounded",
    "of", "the", "and", "to", "-", "–", " ", "  ", ", ", ". ", "\n", "\u00a0", "\u2009", "\x1c", "(",
    "MH17", "F-16", "10:30", "5th", "3rd", "50%", "per cent", "$3", "US$", "USD", "EUR", "dollars", "No.",
    "no", "flight", "Resolution", "km", "km2", "sq", "aged 30", "2 years", "30-year-old", "hours", "first",
    "é", "\u212a", "\u017f", "Nok-Ten", "one", "someone", "behalf", "Germany", "x" * 170,
])  # fmt: skip
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=24).map(" ".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.data())
def test_mentions_equal_the_reference_over_any_range(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert find_numbers(text, 0, len(text)) == _old_find(text, 0, len(text))
    assert find_numbers(text, start, end) == _old_find(text, start, end)


def test_mentions_of_the_corpus_equal_the_reference_sentence_by_sentence() -> None:
    from tollbook.extract.segment import segment

    texts = corpus_texts()
    found = 0
    for text in texts:
        for s in segment(text):
            got = find_numbers(text, s.start, s.end)
            assert got == _old_find(text, s.start, s.end), text[s.start : s.end]
            found += len(got)
        assert find_numbers(text) == _old_find(text, 0, len(text))
    assert found > 1000


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_mentions_of_shared_texts_equal_the_reference(name: str) -> None:
    texts = sampled_shared_texts(name, every=10)
    found = [find_numbers(t) for t in texts]
    assert found == [_old_find(t, 0, len(t)) for t in texts]
    assert sum(map(len, found)) > len(texts)


# --- the parts, each against what it replaces ----------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.data())
def test_the_scan_matches_what_number_re_matches_at_every_position(text: str, data: st.DataObject) -> None:
    stop = data.draw(st.integers(0, len(text)))
    for at in range(stop + 1):
        plain = grammar.NUMBER_RE.match(text, at, stop)
        scan = grammar.NUMBER_SCAN.match(text, at, stop)
        assert (scan and (scan.span(), scan.groupdict())) == (plain and (plain.span(), plain.groupdict())), text[at:stop]


def test_the_scan_refuses_the_common_words_in_one_step() -> None:
    lead = re.compile(r"\b(?=" + grammar.NUMBER_LEADS + ")", re.IGNORECASE)
    assert [m.start() for m in lead.finditer("The officials said that the people in the town were there.")] == []
    assert [m.start() for m in lead.finditer("at least 5, a hundred, some")] == [0, 9, 12, 23]


_IDENT_BEFORE = st.lists(
    st.sampled_from(["no", "No.", "NR.", "nr", "number", "numbers", "Resolution", "unit", "units", "km", "#", "x",
                     "Flight", "page", "pages", "\u212am", "the", "snow", "US$", "$", "-", "a"]),
    max_size=4,
).map(" ".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_IDENT_BEFORE, st.sampled_from(["", " ", "  ", "\n", "\t "]))
def test_identifier_words_read_as_before(words: str, tail: str) -> None:
    before = words + tail
    for pos in range(len(before) + 1):
        assert bool(grammar.BEFORE_IDENT.search(before, pos)) == bool(_OLD_BEFORE_IDENT.search(before, pos))


_AFTER = st.lists(
    st.sampled_from(["th", "st", "%", "percent", "per cent", "pc", "dollars", "usd", "years", "-year", "old",
                     "km2", "km²", "sq", "Km", "\u212am2", "\u017fq", ":3", "/4", "x", "people", "were", " ",
                     "-", ".", ","]),
    max_size=4,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_AFTER)
def test_after_any_fails_only_where_every_pattern_fails(after: str) -> None:
    if grammar.AFTER_ANY.match(after) is None:
        for rx in (grammar.ORDINAL_SUFFIX, grammar.AFTER_PERCENT, grammar.AFTER_MONEY, grammar.AGE_DURATION,
                   grammar.GLUED_AFTER):  # fmt: skip
            assert rx.match(after) is None, (rx.pattern, after)
        assert re.match(r"(?:km2|km²|sq)", after, re.IGNORECASE) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 .,\u0663", min_size=1, max_size=12))
def test_plain_digits_parse_as_before(figure: str) -> None:
    assert numbers.parse_figure(figure) == _old_parse_figure(figure)


# --- the whole path -------------------------------------------------------------------------------

def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    numbers_in.cache_clear()
    before = _CALLS["reference"]
    got = assert_path_agrees(texts, _reference, least_claims=least_claims)
    assert _CALLS["reference"] > before or not any("Claim(" in r for r in got)  # the old scan ran


_REPORTS = st.lists(st.one_of(_PIECES, st.sampled_from([
    "At least 12 people were killed", "Three of his escorts were killed", "Four killed, one injured",
    "Gunmen destroyed 40 homes and displaced 2,000 people", "Dozens were wounded", "flight MH17 crashed",
    "Between 10 and 12 soldiers died", "The toll rose from 12 to 40", "No. 5 brigade lost 30 men",
    "Prices rose by 12 percent", "a 30-year-old man was shot dead", "Another 5 bodies were found",
])), min_size=1, max_size=8).map(" ".join)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=4))
def test_generated_reports_are_byte_identical(sentences: list[str]) -> None:
    _assert_identical([". ".join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    _assert_identical(texts, least_claims=300)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)
