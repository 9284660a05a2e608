"""What every claim gets after its figure (issue 23, session 3): its source (attribution), its
dates, its paragraph's characterisation and its incident scope, read with less work. Each
function below is the reference (the code as it was) of one that now skips a search where a
proven necessary condition fails or reads a fact once; the new ones give the same answers on
generated text (with the letters `re` folds specially: "ſ", "İ", "K", "ﬀ", combining marks),
the project corpus, the demo and sampled files of ../shared/data, and the whole path's claims
and tallies are identical with the references patched in."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import anchor, attribution, claims, dates, incidents
from tollbook.extract.grammar import attribution_patterns as ap
from tollbook.extract.grammar import date_patterns as gp
from tollbook.extract.grammar import incident_patterns as ip
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.segment import segment
from tollbook.ingest.sources import document_from_text
from tollbook.model import Claim
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan.cues import extension_available
from tollbook.scan.speech import PythonSpeech

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

_PUBLISHED = "2021-05-12"


# --- the references ----------------------------------------------------------------------------
def _declared_reference(text: str) -> int | None:
    m = ip.DECLARED.search(text)
    return incidents._number(m.group("n")) if m else None


def _incidents_reference(text: str, claim: Claim, declared: int | None, read: object = None) -> int | None:
    start, end = claim.sentence_span
    after = ip.SCOPE.search(text, claim.span[1], end) if literals.gate(text, start, end, ip.SCOPE_GATE) else None
    if after is not None:
        return incidents._scope(after, declared)
    lead = ip.LEADING_SCOPE.match(text, start)
    if lead is not None and lead.end() <= claim.span[0]:
        return incidents._scope(lead, declared)
    return None


def _dates_reference(text: str, *, reference: Any = None, start: int = 0, end: int | None = None) -> Any:
    """find_dates with every pattern scanning for itself (extract/date_starts.py's reference,
    tests/test_scan_dates.py), every relative window searched, and the functions it calls as
    they were (below)."""
    with pytest.MonkeyPatch.context() as mp:
        for module, name, ref in _DATE_REFERENCES:
            mp.setattr(module, name, ref)
        return dates.find_dates(text, reference=reference, start=start, end=end, reference_scan=True)


def _resolve_parts_reference(lo: Any, hi: Any, ref: dt.date | None) -> Any:
    relative = False
    if hi.year is None and lo.year is None:
        if ref is None or hi.month is None or hi.day is None:
            return None
        year = dates._latest_year(hi.month, hi.day, ref)
        if year is None:
            return None
        hi, relative = replace(hi, year=year), True
    if hi.year is None:
        later = (hi.month or 0, hi.day or 0) >= (lo.month or 0, lo.day or 0)
        hi = replace(hi, year=lo.year if later else lo.year + 1)
    if lo.year is None:
        earlier = (lo.month or 0, lo.day or 0) <= (hi.month or 0, hi.day or 0)
        lo = replace(lo, year=hi.year if earlier else hi.year - 1)
    if not (dates._valid(lo) and dates._valid(hi)):
        return None
    first, last = dates._first_day(lo), dates._last_day(hi)
    if first > last:
        return None
    precision = max(dates._unit(lo), dates._unit(hi), key=dates._UNIT_RANK.__getitem__)
    iso = dates._iso_part(lo) if lo == hi else f"{dates._iso_part(lo)}/{dates._iso_part(hi)}"
    return dates.DateValue(first.isoformat(), last.isoformat(), precision, iso), relative


def _role_reference(text: str, c: Any) -> str:
    before = dates._before(text, c.start)
    if dates._COMMEM_AFTER.match(text, c.end) or dates._COMMEM_BEFORE.search(before):
        return "commemoration"
    m = dates._ROLE_BEFORE.search(before) if dates.tail(before, hyphens=True) in dates._ROLE_TAIL else None
    if m is not None and text.startswith(("'s", "’s"), c.end):
        m = None
    if m is None:
        return "statement" if dates.STATEMENT_DATE_BEFORE_RE.search(before) else "event"
    word = m["w"].lower()
    if word == "from":
        return "event" if c.bounded else "since"
    return "since" if word == "since" else "until"


def _pick_reference(cluster: list[Any]) -> list[Any]:
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Any] = []
    for item in sorted(cluster, key=lambda t: (t[0].start - t[0].end, t[0].start)):
        c = item[0]
        i = bisect.bisect_left(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.insert(i, item)
    return kept


_DATE_REFERENCES = [(dates, "_resolve_parts", _resolve_parts_reference), (dates, "_role", _role_reference),
                    (dates, "_pick", _pick_reference)]  # fmt: skip


def _characterisation_reference(text: str, start: int, end: int) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    gated = literals.gate(text, start, end, lx.CHARACTERISATION_GATE)
    for m in lx.CHARACTERISATION_RE.finditer(text, start, end) if gated else ():
        seen.setdefault(m.group(0).lower(), None)
    return tuple(seen)


def _blank_lines_reference(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?=\n\n)", text)]


def _speech_matches_reference(rx: re.Pattern[str], text: str) -> Any:
    return rx.finditer(text)


_LAZY_INIT = attribution.Attributor.__init__


def _eager_init(self: attribution.Attributor, *args: Any, **kwargs: Any) -> None:
    """The Attributor as it was: who issued the statement read when it is built."""
    _LAZY_INIT(self, *args, **kwargs)
    assert self.statement_speaker == self._statement_speaker()


_REFERENCES: list[tuple[Any, str, Callable[..., Any]]] = [
    (incidents, "_declared", _declared_reference),
    (incidents, "_incidents", _incidents_reference),
    (claims, "_characterisation", _characterisation_reference),
    (anchor, "find_dates", _dates_reference),
    *_DATE_REFERENCES,
    (attribution, "_blank_lines", _blank_lines_reference),
    (attribution, "_speech_matches", _speech_matches_reference),
    (attribution.Attributor, "__init__", _eager_init),
]


def _reference(mp: pytest.MonkeyPatch) -> None:
    """Put every reference in place of the function it was."""
    for module, name, ref in _REFERENCES:
        mp.setattr(module, name, ref)


# --- generated text -------------------------------------------------------------------------------
_SPECIAL = ["ſ", "İ", "ı", "\u212a", "ﬀ", "e\u0301", "\u0130", "ẞ", "ß", "Ω"]
_WORDS = st.sampled_from([
    "one", "One", "ONE", "the", "The", "first", "last", "latest", "final", "second", "of", "Of",
    "these", "at", "least", "some", "three", "two", "12", "4", "related", "similar", "attacks",
    "attack", "Attacks", "bombings", "clashes", "clash", "incidents", "in", "across", "both",
    "between", "this", "and", "an", "a", "ensuing", "massacre", "genocide", "war", "crimes",
    "crime", "ethnic", "cleansing", "terrorist", "terror", "air", "strike", "airstrike",
    "counter-terrorism", "operation", "operations", "Massacre", "MASSACRE", "tragedy",
    "killed", "were", "people", ",", ".", "\n", "\n\n", "-", "o\u212ae", "ſlaughter", "clashe\u017f",
    "attac\u212a", "İncident", "ıncident", "additionally", "In addition", "Additionally,",
    *_SPECIAL,
])  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "", "  ", "\n", "\t", "\u00a0"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=24))
    return "".join(w + draw(_SEPARATORS) for w in words)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts(), st.data())
def test_generated_characterisation_and_series(text: str, data: st.DataObject) -> None:
    assert incidents._declared(text) == _declared_reference(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert claims._characterisation(text, start, end) == _characterisation_reference(text, start, end)
    assert [m.span() for m in claims._characterisations(text, start, end)] == [
        m.span() for m in lx.CHARACTERISATION_RE.finditer(text, start, end)
    ]


_SCOPES = st.sampled_from([
    "in the attack", "across both attacks", "in the two attacks", "between two of the attacks",
    "in this and two unrelated attacks", "across the ensuing clashes", "in the attacks", "12 were killed",
    "5 injured", "and", ",", "in this attack", "Across both attacks,", "İn the attacks", "in the attac\u212a",
])  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_texts(), st.lists(_SCOPES, max_size=8).map(" ".join)), st.data())
def test_generated_scope_searches(text: str, data: st.DataObject) -> None:
    """mark_incidents's memo of each sentence's SCOPE search answers as the search does."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    read = incidents._Read()
    for pos in sorted(data.draw(st.lists(st.integers(start, end), max_size=6))):
        got = read.scope_after(text, pos, start, end)
        want = ip.SCOPE.search(text, pos, end)
        assert (got.span() if got else None) == (want.span() if want else None), (pos, start, end)
        lead, got_lead = ip.LEADING_SCOPE.match(text, start), read.leading_scope(text, start)
        assert (got_lead.span() if got_lead else None) == (lead.span() if lead else None)


@pytest.mark.parametrize("text", [
    "This was one of three related attacks.", "It was ONE OF TWO bombings", "the last of 4 raids",
    "one of the one of two attacks", "o\u212ae of two attacks", "İ one of two attacks",
    "a massacre and war crimes", "War Crimes, massacres", "ſlaughter", "İ massacre", "the attac\u212a",
    "counter-terrorism operation", "terrorist attacks", "ethnic cleansingly", "air strikes",
])  # fmt: skip
def test_edges(text: str) -> None:
    assert incidents._declared(text) == _declared_reference(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert claims._characterisation(text, start, end) == _characterisation_reference(text, start, end)


def test_a_leading_scope_holds_a_word_of_the_scope_gate() -> None:
    """mark_incidents skips LEADING_SCOPE where the sentence holds no word of SCOPE_GATE."""
    assert literals.proves(ip.SCOPE_GATE.words, ip.LEADING_SCOPE)


def test_every_relative_date_holds_a_relative_word() -> None:
    """find_dates skips a trigger window without a RELATIVE_WORDS word (folded)."""
    assert literals.proves(gp.RELATIVE_WORDS, gp.P_RELATIVE)
    assert not literals.proves([w for w in gp.RELATIVE_WORDS if w != "ago"], gp.P_RELATIVE)
    assert {m.group() for m in gp.RELATIVE_WORD.finditer(" ".join(gp.RELATIVE_WORDS))} == set(gp.RELATIVE_WORDS)


_DATE_WORDS = st.sampled_from([
    "today", "Today", "TODAY", "tonight", "yesterday", "tomorrow", "overnight", "Monday", "sunday",
    "last", "next", "this", "previous", "earlier", "week", "weekend", "month", "year", "years", "ago",
    "day", "days", "night", "Night", "over", "the", "at", "during", "two", "an", "a", "3", "12",
    "said", "on", "morning", "40-year-old", "MONDAY", "\u212aday", "ſunday", "yeſterday", "İ", "ı",
    "ﬀ", "e\u0301", "-", ",", ".", "\n", "May", "3 May 2021", "in March", "1992",
    "on the 30th anniversary,", "ANNIVERSARY", "marks the anniversary", "from", "since", "until", "between", "and",
    "December 28 to January 3, 2021", "28 December to 3 January", "May 3", "3 and 5 March", "March 3 and 5, 2020", "to", "–", "told reporters", "'s", "Feb. 25-26",
])  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_DATE_WORDS, st.text(max_size=3)), max_size=30), _SEPARATORS, st.data())
def test_generated_relative_dates(words: list[str], sep: str, data: st.DataObject) -> None:
    text = sep.join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for ref in (None, dt.date(2021, 5, 12), dt.date(1, 1, 3)):
        assert _outcome(dates.find_dates, text, ref) == _outcome(_dates_reference, text, ref)
        got = _outcome(dates.find_dates, text, ref, start, end)
        assert got == _outcome(_dates_reference, text, ref, start, end)


def _outcome(find: Callable[..., Any], text: str, ref: Any, start: int = 0, end: int | None = None) -> Any:
    """The mentions. "yeſterday" and "ſunday", read as relative dates, used to fail their table
    look-up (KeyError); the day tables are WordTables now, so any error fails the test."""
    return find(text, reference=ref, start=start, end=end)


_SPEECH_PIECES = st.sampled_from([
    *ap.SPEECH_VERBS, "Said", "SAID", "ſaid", "told reporters", "police said,", "the army said;",
    "\"12 died,\" officials said", ", said the ministry,", "claimed 40 lives", "police", "The",
    "the ministry", "an official", ",", ", ", "\"", "“", "”", ")", " - ", " – ", "and", "but", "that",
    "as", "has", "also", "on Monday", "late on Friday", "yesterday", ".", ";", "\n", "\n\n", "\n\n\n",
    "İ", "\u212a", "ﬀ", "e\u0301", "12", "people", "were", "killed",
])  # fmt: skip


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_SPEECH_PIECES, st.text(max_size=3)), max_size=30), _SEPARATORS)
def test_generated_speech_matches(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    for rx in (ap.X_SAID, ap.SAID_X):
        assert [m.span() for m in attribution._speech_matches(rx, text)] == [m.span() for m in rx.finditer(text)]
    assert attribution._blank_lines(text) == _blank_lines_reference(text)


def test_every_speech_match_holds_a_verb_as_written() -> None:
    """_speech_matches stops where SPEECH_WORD finds no verb: each verb of both patterns is one."""
    assert set(ap.INVERTED_VERBS) <= set(ap.SPEECH_VERBS)
    assert all(ap.SPEECH_WORD.fullmatch(v) for v in ap.SPEECH_VERBS)
    assert set(ap.SPEECH_SPECIAL) <= set(ap.SPEECH_VERBS)
    assert all(ap.SPEECH_SPECIAL[v].startswith(v) for v in ap.SPEECH_SPECIAL)
    assert ap.X_SAID.pattern.endswith(ap.SPEECH + r"\b") and "(?:" + ap.INVERTED + r")" in ap.SAID_X.pattern


def test_a_commemoration_before_holds_anniversary() -> None:
    """dates._role searches COMMEM_BEFORE in an ASCII context only when it holds the word."""
    assert literals.proves(["anniversary"], gp.COMMEM_BEFORE)


@pytest.mark.parametrize("text", [
    "On the 30th anniversary, 3 May 2021 was a day of mourning.", "on the anniversary, on 3 May",
    "On the ANNIVERSARY, 3 May 2021", "on the anniverſary, 3 May 2021", "3 May 2021 marks the anniversary",
    "December 28 to January 3, 2021", "between 3 and 5 March", "from May 3 to May 5", "Monday, 3 May",
])  # fmt: skip
def test_date_edges(text: str) -> None:
    for ref in (None, dt.date(2021, 5, 12)):
        assert _outcome(dates.find_dates, text, ref) == _outcome(_dates_reference, text, ref)


@pytest.mark.parametrize("quoted", [True, False])
def test_a_sentence_holds_the_cues_of_its_quotations(quoted: bool) -> None:
    """The quotation cues are read into a sentence's cues when the document has some."""
    text = 'Police said: "Nine people were killed." The toll rose.' if quoted else "Police said 9 died."
    doc = document_from_text(text)
    segs = segment(text)
    sents = [s for s in segs if s.kind == "sentence"]
    quotes = [s for s in segs if s.kind == "quote"]
    a = attribution.Attributor(doc, sents, quotes, PythonSpeech(attribution.speech_words()))
    a.attribution(text.index("9" if not quoted else "Nine"), sents[0])
    cues = [c.cue for c in a._sentence_cues[sents[0].start]]
    assert cues == (["said", "quote_intro"] if quoted else ["said"])


def test_the_declared_start_is_the_opening_of_declared() -> None:
    assert ip.DECLARED.pattern.startswith(r"\b" + ip.DECLARED_START.pattern)
    assert all(w.isascii() and w == w.lower() for w in lx.CHARACTERISATION)
    assert lx.CHARACTERISATION_START.flags & re.IGNORECASE == 0


# --- documents, and the whole path -----------------------------------------------------------------
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
    scanners = ("compiled", "python") if extension_available() else ("python",)
    assert_path_agrees(texts, _code_before, least_claims=least_claims, scanners=scanners, outputs=_outputs)


_REPORTS = st.sampled_from([
    "This was one of three related attacks in Kunduz", "Eight assailants were killed across the clashes",
    "Additionally, two police officers were abducted", "Across both attacks, 11 people were injured",
    "The massacre killed 40 civilians, police said", "According to the ministry, 12 died",
    "\"Nine people were killed,\" the administrator said", "Twelve were killed in the attack",
    "The toll rose to 25 on Tuesday, officials told reporters", "One of two bombings killed 5 on 3 May",
    "Five were wounded in this and two unrelated attacks", "Since March, 300 people were displaced",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=6), st.sampled_from([". ", ".\n\n", ". \u212a ", ". İ "]))
def test_generated_reports_are_byte_identical(sentences: list[str], joint: str) -> None:
    _assert_identical([joint.join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    _assert_identical(corpus_texts() + demo_texts(), least_claims=300)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)
