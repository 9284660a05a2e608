"""Property tests (hypothesis, derandomized): number parsing, date parsing and the extractor
never raise, and every answer keeps the promises the output contract makes.

Promises checked: spans lie inside the text and text[span] is the mention's or claim's text;
low <= value <= high; a claim's sentence contains its figure; ids are unique and parents
exist; a part has its whole's category and, when the text's breakdown is consistent, is no
larger than its whole; a tally's classes add up to its best figure.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tollbook.api import extract_text
from tollbook.extract.dates import find_dates, parse_date
from tollbook.extract.numbers import find_numbers, parse_figure, words_to_number
from tollbook.ingest.sources import document_from_text
from tollbook.model import CATEGORIES, KINDS, QUALIFIERS, Extraction
from tollbook.pipeline import Pipeline, Settings

FAST = settings(deadline=None, derandomize=True, max_examples=500,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
SLOW = settings(FAST, max_examples=400)
NO_GAZETTEER = Settings(gazetteer=False)

# Words the parsers react to, so that random sentences hit their rules, not only noise.
WORDS = (
    "at least", "about", "nearly", "more than", "up to", "some", "another", "dozens of",
    "hundreds", "a few", "several", "half a million", "two dozen", "between", "and", "to", "-",
    "–", "twenty-five", "one thousand two hundred", "3.5 million", "1,275", "613", "0", "12",
    "%", "$", "year-old", "days", "people", "civilians", "children", "women", "soldiers",
    "families", "killed", "wounded", "were", "was", "died", "missing", "displaced", "fled",
    "taken hostage", "including", "of whom", "among them", "out of", "rose from", "the toll",
    "the ministry said", "according to officials", "in Port Castellan", "in Valdoria", "on",
    "Monday", "May", "3 May 2024", "2024", "last week", "yesterday", "since", "km2", "hectares",
    ",", ".", ";", ":", "\n", "\n\n", '"', "(", ")", "No. 366", "the 32nd anniversary",
)  # fmt: skip
word = st.sampled_from(WORDS) | st.integers(0, 10**7).map(str) | st.text(max_size=6)
sentences = st.lists(word, max_size=30).map(" ".join)
texts = sentences | st.text(max_size=200)
references = st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31))

# --- numbers --------------------------------------------------------------------------------


@given(texts)
@FAST
def test_find_numbers_spans_and_bounds(text: str) -> None:
    end = 0
    for m in find_numbers(text):
        s, e = m.span
        assert end <= s < e <= len(text)  # sorted, not overlapping, inside the text
        end = e
        assert text[s:e] == m.text
        assert s <= m.number_span[0] < m.number_span[1] <= e
        assert m.low <= m.value <= m.high and m.low >= 0, m
        assert m.qualifier in QUALIFIERS and math.isfinite(m.high)


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen " \
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()  # fmt: skip
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def to_words(n: int) -> str:
    """An English numeral for 0 <= n < 10**9 ('one thousand two hundred and five')."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("-" + _ONES[n % 10] if n % 10 else "")
    for size, name in ((10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            tail = "" if not rest else (" and " if rest < 100 else " ") + to_words(rest)
            return f"{to_words(head)} {name}{tail}"
    raise AssertionError(n)


@given(st.integers(0, 999_999_999))
@FAST
def test_written_figures_parse_back(n: int) -> None:
    assert parse_figure(f"{n:,}") == n
    assert parse_figure(str(n)) == n
    assert words_to_number(to_words(n)) == n


@given(st.integers(1, 10**6), st.sampled_from(["at least", "more than", "about", "nearly", ""]))
@FAST
def test_figure_before_people_is_found_with_its_value(n: int, qualifier: str) -> None:
    text = f"Officials said {qualifier} {n:,} people were killed."
    (m,) = [m for m in find_numbers(text) if m.kind == "cardinal"]
    assert m.value == n and m.low <= n <= m.high
    assert m.qualifier == {"at least": "at_least", "more than": "more_than", "about": "approx",
                           "nearly": "approx", "": "exact"}[qualifier]  # fmt: skip


# --- dates ----------------------------------------------------------------------------------


@given(texts, references | st.none())
@FAST
def test_find_dates_spans_and_values(text: str, reference: dt.date | None) -> None:
    end = 0
    for m in find_dates(text, reference=reference):
        s, e = m.span
        assert end <= s < e <= len(text)
        end = e
        assert text[s:e] == m.text
        v = m.value
        assert dt.date.fromisoformat(v.start) <= dt.date.fromisoformat(v.end)
        assert v.precision in ("day", "week", "month", "year")
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?", v.iso), v
        assert m.role in ("event", "since", "until", "commemoration", "statement")  # model.DateMention.role
        assert reference is not None or not m.relative


_MONTHS = "January February March April May June July August September October November " \
          "December".split()  # fmt: skip


@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), references)
@FAST
def test_written_dates_parse_back(day: dt.date, reference: dt.date) -> None:
    month = _MONTHS[day.month - 1]
    for written in (f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}",
                    day.isoformat(), f"on {day.day} {month} {day.year}"):  # fmt: skip
        value = parse_date(written, reference=reference)
        assert value is not None, written
        assert (value.start, value.end, value.precision) == (
            day.isoformat(), day.isoformat(), "day",
        ), written  # fmt: skip


# --- the extractor --------------------------------------------------------------------------


def check_extraction(text: str, ex: Extraction) -> None:
    doc_text = ex.document.text
    ids = [c.claim_id for c in ex.claims]
    assert len(ids) == len(set(ids))
    by_id = {c.claim_id: c for c in ex.claims}
    for c in ex.claims:
        s, e = c.span
        assert 0 <= s < e <= len(doc_text)
        assert doc_text[s:e] == c.text
        ss, se = c.sentence_span
        assert ss <= s and e <= se and doc_text[ss:se] == c.sentence
        assert c.low <= c.value <= c.high and c.low >= 0, c
        assert c.qualifier in QUALIFIERS and c.kind in KINDS
        if c.kind == "count":
            assert c.category in CATEGORIES and c.unit in ("people", "families", "households", "dwellings")
        else:
            assert c.unit == "km2"
        assert (c.parent is None) == (c.relation is None)
        if c.parent is not None:
            assert c.parent in by_id and c.relation in ("part", "subset")
            if c.relation == "part":
                assert by_id[c.parent].category == c.category
    for cat in ex.tally.categories:
        assert cat.low <= cat.best <= cat.high
        assert min(cat.civilians, cat.combatants, cat.unknown) >= 0
        assert math.isclose(cat.civilians + cat.combatants + cat.unknown, cat.best)
        assert set(cat.claim_ids) <= set(ids)


@given(texts)
@SLOW
@example("613 people were killed, including 63 children and 106 women.")
@example("Of these, 150 people were killed\n\n\n")
def test_extract_text_never_raises_and_keeps_its_promises(text: str) -> None:
    check_extraction(text, extract_text(text, settings=NO_GAZETTEER))


@given(texts)
@settings(SLOW, max_examples=100)
def test_extraction_with_the_gazetteer_keeps_its_promises(pipeline: Pipeline, text: str) -> None:
    check_extraction(text, pipeline.run(document_from_text(text)))


POPULATIONS = ("children", "women", "civilians", "soldiers", "elderly people")
CATEGORY_VERBS = ("killed", "wounded", "taken hostage", "detained")


@given(
    whole=st.integers(2, 5000), shares=st.lists(st.floats(0, 1), min_size=1, max_size=3),
    pops=st.lists(st.sampled_from(POPULATIONS), min_size=3, max_size=3, unique=True),
    verb=st.sampled_from(CATEGORY_VERBS), cue=st.sampled_from(["including", "among them"]),
)  # fmt: skip
@SLOW
def test_parts_of_a_consistent_breakdown_are_within_their_whole(
    whole: int, shares: list[float], pops: list[str], verb: str, cue: str
) -> None:
    parts = [max(1, int(whole * share / len(shares))) for share in shares]
    listed = " and ".join(f"{n:,} {p}" for n, p in zip(parts, pops, strict=False))
    text = f"{whole:,} people were {verb} in Valdoria, {cue} {listed}, the ministry said."
    ex = extract_text(text, settings=NO_GAZETTEER)
    check_extraction(text, ex)
    by_id = {c.claim_id: c for c in ex.claims}
    tops = [c for c in ex.claims if c.parent is None]
    assert [c.value for c in tops] == [whole]
    for c in ex.claims:
        if c.parent is not None:
            assert c.relation == "part" and c.value <= by_id[c.parent].value
    assert sorted(c.value for c in ex.claims if c.parent) == sorted(parts)


@given(whole=st.integers(1, 500), extra=st.integers(1, 500))
@SLOW
def test_an_inconsistent_breakdown_is_kept_as_written_but_never_inflates_the_tally(
    whole: int, extra: int
) -> None:
    """The extractor records what the source says (a part larger than its whole stays a
    part, as written); the tally's split never lets the parts exceed the whole."""
    text = f"{whole} people were killed, including {whole + extra} children."
    ex = extract_text(text, settings=NO_GAZETTEER)
    check_extraction(text, ex)
    (part,) = [c for c in ex.claims if c.parent is not None]
    assert part.value == whole + extra
    killed = ex.tally.get("killed")
    assert killed is not None and killed.best == whole and killed.civilians <= whole
