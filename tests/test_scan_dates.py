"""Date marks (issue 23, extract/date_starts.py): the date patterns are tried only where a
match can start, found by one scan per family (digit runs, month names, capitalised month
names), and the context patterns are searched only when the text before a date ends in a
letter their words end in. The reference is `find_dates(..., reference_scan=True)` (each
pattern scans the text for itself, the month-led ones in the trigger windows) with the
context searches always run. Mentions, and the whole path's claims and tallies, are identical
on generated date expressions, the project corpus, the demo and sampled files of
../shared/data."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import anchor, date_starts, dates
from tollbook.extract.dates import find_dates
from tollbook.extract.grammar import anchor_patterns
from tollbook.extract.grammar import date_patterns as gp
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan.cues import extension_available

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

_REFS = (None, dt.date(2021, 5, 12), dt.date(1992, 2, 29))
_PUBLISHED = "2021-05-12"


class _Every(frozenset[str]):
    """A tail set that admits every character: the context searches always run."""

    def __contains__(self, item: object) -> bool:
        return True


_TAILS = ("_RANGE_TAIL", "_WEEKDAY_TAIL", "_ROLE_TAIL", "_YEAR_TAIL")


def _reference(mp: pytest.MonkeyPatch) -> None:
    """Make `find_dates` the reference: every pattern scans, every context search runs."""
    for name in _TAILS:
        mp.setattr(dates, name, _Every())
    mp.setattr(anchor, "find_dates", functools.partial(find_dates, reference_scan=True))


def _reference_dates(text: str, ref: dt.date | None, start: int = 0, end: int | None = None):  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as mp:
        _reference(mp)
        return find_dates(text, reference=ref, start=start, end=end, reference_scan=True)


def _assert_same_dates(text: str, start: int = 0, end: int | None = None) -> int:
    found = 0
    for ref in _REFS:
        got = find_dates(text, reference=ref, start=start, end=end)
        assert got == _reference_dates(text, ref, start, end), (text, ref)
        found += len(got)
    return found


# --- generated date expressions of every shape the grammar reads ----------------------------
_MONTH = st.sampled_from([
    "January", "february", "MARCH", "may", "May", "June", "Sept.", "Sept", "Sep", "oct", "Dec.",
    "Feb", "ſeptember", "Mar.", "march", "August",
])  # fmt: skip
_DAY = st.sampled_from(["1", "3", "08", "25", "26th", "31", "1st", "29", "30", "123", "7"])
_YEAR = st.sampled_from(["1992", "2021", "1991", "2099", "1899", "20", "92", "12345", "2000"])
_WEEKDAY = st.sampled_from(["Monday", "tuesday", "Sunday", "Friday,", "Saturday night"])
_CONN = st.sampled_from(["-", "–", " - ", " to ", " until ", " and ", "/", " through ", "  "])
_SPACE = st.sampled_from([" ", "  ", "\n", " " * 45, "\t", "\u00a0", "\x1c"])


@st.composite
def _expression(draw: st.DrawFn) -> str:
    d, m, y, c, s = draw(_DAY), draw(_MONTH), draw(_YEAR), draw(_CONN), draw(_SPACE)
    shapes = [
        f"On the night of {d}{c}{draw(_DAY)} {m} {y}",
        f"{m} {d}, {y}", f"{m} {d}{c}{draw(_DAY)},{s}{y}", f"{m}{c}{draw(_MONTH)} {y}",
        f"From {m} {y}", f"from {m}{s}{y} to {draw(_MONTH)} {draw(_YEAR)}", f"{d} of {m}",
        f"{draw(_WEEKDAY)} {d} {m}", f"{draw(_WEEKDAY)}, {m} {d}", f"{d}-{m}-{y}",
        f"{y}-{d}-{d}", f"{y}/{m}/{d}", f"{d}/{d}/{y}", f"{d}.{draw(_DAY)}.{y}",
        f"in {y}", f"since mid-{y}", f"between {y} and {draw(_YEAR)} people",
        f"a total of {y}", f"the {y} Geneva Conventions", f"in{s}early{s}{m}",
        f"since mid-{m}", f"By late {m}, 2020", f"during {m}", f"In {m} 15 people died",
        f"last {draw(_WEEKDAY)}", "yesterday", "overnight", "tomorrow", "three days ago",
        "earlier this week", "the last week of July", "over the weekend", "2 weeks ago",
        f"said on {draw(_WEEKDAY)}", f"{m} {d} marks the 30th anniversary",
        f"on the anniversary, on {d} {m}", f"until {d} {m}", f"Thursday's attack on {d} {m}",
        f"{d} and {draw(_DAY)} {m}", f"between {d} and {draw(_DAY)} {m}",
        f"{m} {d} and {draw(_DAY)}, {y}", f"at{s}{d}{c}{m}",
    ]  # fmt: skip
    return draw(st.sampled_from(shapes))


_FILLER = st.sampled_from([
    "", " ", ". ", ", ", "\n\n", "12 people were killed", "A320", "MH17", "1,275", "3.5", "x",
    "Many", "the market", "day", "said", "é", "\u212a", "(", "'s", "’s attack", "-", ":",
])  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_expression(), _FILLER, st.text(max_size=4)), max_size=10), st.data())
def test_generated_date_expressions(pieces: list[str], data: st.DataObject) -> None:
    text = data.draw(st.sampled_from([" ", "", "  "])).join(pieces)
    _assert_same_dates(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _assert_same_dates(text, start, end)  # a window cuts numbers and words
    digits = date_starts.digit_matches(text, start, end)
    for (pattern, _), found in zip(dates._DIGIT_FAMILY, digits, strict=True):
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text, start, end)]
    bare = date_starts.bare_month_matches(text, start, end)
    assert [m.span("m") for m in bare] == [
        m.span("m") for m in gp.P_BARE_MONTH.finditer(text, start, end)
    ]
    month_led = date_starts.month_led_matches(text, start, end)
    if month_led is not None:
        windowed = date_starts.month_led_windowed(text, start, end)
        assert [m.span() for m in month_led] == [m.span() for m in windowed]


@pytest.mark.parametrize("text", [
    "On the night of 25-26 February 1992 the town was shelled.",
    "may 08, 1992", "From October 1991 to March 1992", "3 may be", "in March 15 people died",
    "ſeptember 3, 2020 and Sept 4, 2020",  # no trigger of its own: the windows decide
    "May 3," + " " * 60 + "2020 was the day", "Mar " + " " * 50 + "2020", "since mid-March",
    "from early\n\n  April", "In  late - May", "Within March", "By May", "Friday, 3 May 2021",
    "Monday,\n\n3 May", "between 1900 and 2000 people", "a total of 2000", "the 1949 Conventions",
    "since mid-1990", "12345 6/7/2021 2021-02-30 9-May-20 ٣ May", "Jan.5, 2020", "Jan. 5, 2020",
])  # fmt: skip
def test_edges(text: str) -> None:
    _assert_same_dates(text)
    for start in range(0, len(text), 3):
        _assert_same_dates(text, start)


def test_a_long_or_untriggered_month_falls_back_to_the_windows() -> None:
    assert date_starts.month_led_matches("May 3," + " " * 60 + "2020", 0, 70) is None
    assert date_starts.month_led_matches("on ſeptember 3, 2020", 0, 20) is None
    found = date_starts.month_led_matches("on September 3, 2020", 0, 20)
    assert found is not None and [m[0] for m in found] == ["September 3, 2020"]


# --- the context searches: skipped only where they cannot match -----------------------------
_CONTEXT = st.sampled_from([
    "between", "from", "From", "since", "until", "till", "til", "by", "in", "of", "during",
    "before", "after", "through", "early", "late", "mid", "the", "end", "Monday", "Sunday,",
    "said", "total", "x", "9", "-", ",", " ", "  ", "\n", "\t", "\u00a0", "ſ", "İ", "ı", "K",
    "BETWEEN", "FROM", "SINCE", "MID", "BY",
])  # fmt: skip
_SKIPPED = (
    (gp.RANGE_PREFIX, date_starts.RANGE_TAIL, False),
    (gp.WEEKDAY_BEFORE, date_starts.WEEKDAY_TAIL, False),
    (gp.ROLE_BEFORE, date_starts.ROLE_TAIL, True),
    (gp.YEAR_CONTEXT, date_starts.YEAR_TAIL, True),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CONTEXT, max_size=8), st.sampled_from(["", " ", "-", "  ", " \n", "- "]))
def test_a_skipped_context_search_cannot_match(words: list[str], end: str) -> None:
    before = " ".join(words) + end
    for pattern, letters, hyphens in _SKIPPED:
        if pattern.search(before):
            assert date_starts.tail(before, hyphens) in letters, (pattern.pattern, before)


def test_the_tail_letters_hold_every_case_of_their_letters() -> None:
    """re.IGNORECASE folds a few letters beyond ASCII ("ſ" is "s"): none of ours."""
    chars = [chr(i) for i in range(0x300)] + ["\u0130", "\u0131", "\u017f", "\u212a", "\u1e9e"]
    for _, letters, _ in _SKIPPED:
        for letter in letters:
            fold = re.compile(re.escape(letter), re.IGNORECASE)
            assert {c for c in chars if fold.fullmatch(c)} <= letters, letter


def test_the_month_start_letters_are_every_case_of_a_month() -> None:
    chars = [chr(i) for i in range(0x300)] + ["\u0130", "\u0131", "\u017f", "\u212a", "\u1e9e"]
    first = re.compile(r"[jfmasond]", re.IGNORECASE)
    openers = {c for c in chars if first.fullmatch(c)}
    assert openers == set("JjFfMmAaSsOoNnDd\u017f")
    assert {c for c in openers if gp.MONTH_START.match(c + "an") or gp.MONTH_START.match(
        c + "ep") or gp.MONTH_START.match(c + "ov")} == openers  # fmt: skip


# --- documents, and the whole path -------------------------------------------------------------
def test_the_corpus_and_demo_dates_are_identical() -> None:
    texts = corpus_texts() + demo_texts()
    assert sum(_assert_same_dates(t) for t in texts) >= 300


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_dates_are_identical(name: str) -> None:
    texts = sampled_shared_texts(name, every=10)
    assert sum(_assert_same_dates(t) for t in texts) >= 1


def _outputs(texts: Sequence[str], scanner: str) -> list[str]:
    pipeline = Pipeline(Settings(scanner=scanner))  # type: ignore[arg-type]
    docs = (document_from_text(t, published=_PUBLISHED) for t in texts)
    return [repr((ex.claims, ex.tally)) for ex in map(pipeline.run, docs)]


@contextmanager
def _code_before() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        _reference(mp)
        yield


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    scanner = "compiled" if extension_available() else "python"
    assert_path_agrees(texts, _code_before, least_claims=least_claims, scanners=(scanner,), outputs=_outputs)


_REPORTS = st.sampled_from([
    "At least 12 people were killed on 3 May", "Three soldiers died on Tuesday",
    "On the night of 25-26 February 1992, 40 civilians were killed", "Since October 1991 some 2,000 died",
    "Between 1990 and 1995 about 300 people were killed", "Police said on Friday that 5 were wounded",
    "The attack, which marks the 30th anniversary, killed 7", "Yesterday 4 people were abducted",
    "In early March 15 people died", "may 08, 1992: 9 killed", "Two weeks ago 3 were shot dead",
])  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=5))
def test_generated_reports_are_byte_identical(sentences: list[str]) -> None:
    _assert_identical([". ".join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    _assert_identical(corpus_texts() + demo_texts(), least_claims=300)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


# --- anchor._care_places: the care pattern is searched only after one of its verbs ----------
_CARE_PIECES = st.sampled_from([
    "taken", "TAKEN", "ta\u212aen", "transferred", "rushed", "flown", "treated", "sent", "moved",
    "to", "at", "in", "the", "a", "District", "hospital", "clinics", "health centre", "infirmary",
    "of", "town", "Peshawar", "Goma", " ", "\n", "  ", "-", "'", "x" * 40, "retaken", "sent\n",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_CARE_PIECES, max_size=14))
def test_a_care_destination_opens_with_a_verb_in_reach(pieces: list[str]) -> None:
    text = " ".join(pieces) + " Mopti"
    verbs = [m.start() for m in anchor_patterns.CARE_VERB.finditer(text)]
    for pos in range(len(text) + 1):
        lo = max(0, pos - anchor_patterns.CARE_REACH)
        if anchor_patterns.CARE_DESTINATION.search(text, lo, pos):
            assert any(lo <= v < pos for v in verbs), (text, pos)


def test_care_places_are_the_searched_ones() -> None:
    texts = [t for t in corpus_texts() + demo_texts() if "hospital" in t or "taken" in t]
    pipeline = Pipeline(Settings(scanner="python"))
    seen = 0
    for text in texts:
        doc = document_from_text(text, published=_PUBLISHED)
        segs = pipeline.run(doc).segments
        sentences = [s for s in segs if s.kind == "sentence"]
        paragraphs = [s for s in segs if s.kind == "paragraph"]
        anchors = anchor.Anchors(doc, sentences, paragraphs, pipeline.gazetteer)
        every = frozenset(p.span[0] for p in anchors.places if anchor_patterns.CARE_DESTINATION.search(
            text, max(0, p.span[0] - anchor_patterns.CARE_REACH), p.span[0]))  # fmt: skip
        assert anchors._care_places == every
        seen += len(every)
    assert seen >= 1


def test_the_day_count_is_calendars() -> None:
    import calendar

    for year in (*range(1, 2200), 9999, 0, -4, 10000):
        for month in range(1, 13):
            assert dates._last_dom(year, month) == calendar.monthrange(year, month)[1]
