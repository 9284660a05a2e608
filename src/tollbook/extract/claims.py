"""Extraction: Document + segments -> Claim* (counts and areas, anchored and attributed).

Needs: segments (sentences, paragraphs, quotations, rows) and, optionally, a gazetteer.
Produces: claims carrying their span, sentence, rule, extractor version, parent links,
event date, place, source chain and the source's own characterisation of the events.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tollbook.extract import glue
from tollbook.extract.anchor import Anchors
from tollbook.extract.areas import find_areas, none_in
from tollbook.extract.asides import blank_asides
from tollbook.extract.attribution import Attributor
from tollbook.extract.counts import find_figures
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar.attribution_patterns import INDEFINITE_ONE as _INDEFINITE_ONE
from tollbook.extract.grammar.captive_patterns import SUBSET_FLAG
from tollbook.extract.housing import find_housing
from tollbook.extract.incidents import mark_incidents
from tollbook.extract.records import Figure
from tollbook.extract.scare import blank_scare_quotes
from tollbook.extract.spelling import compose, respell
from tollbook.extract.zeros import find_zeros
from tollbook.geo.places import Gazetteer
from tollbook.model import (
    Attribution,
    Claim,
    Document,
    PlaceMention,
    Segment,
    Span,
)
from tollbook.scan.speech import SpeechEngine
from tollbook.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from tollbook.scan.gates import GateEngine

__all__ = ["CueFlags", "Readers", "claim_id", "extract_claims"]

#: (text, sentences) -> whether each sentence holds a trigger word (scan/cues.py's engines).
CueFlags = Callable[[str, Sequence[Segment]], list[bool]]


@dataclass(frozen=True, slots=True)
class Readers:
    """How the rules read a document (issue 23): the compiled scanner's engines or their
    pure-Python references, and the reading switches. Every choice gives the same claims; the
    defaults are the reference path (Pipeline.readers builds them from Settings).

    - `cued`: (text, sentences) -> one flag per sentence, False where it holds no trigger word
      (grammar/triggers.py) and no misspelt cue word (spelling.respell: "killled" holds no
      trigger stem), so that no count rule runs there (scan/cues.py); None: every sentence.
    - `anchored`: skip the readings whose anchor words a sentence lacks (readings.complete).
    - `glued`: glue.candidate or an engine with its answers (scan/repairs.py).
    - `gates`: the engine that marks the word gates of the cued sentences, so that each gate of
      their rules is a bit test (scan/gates.py; the marks travel with the text the rules read,
      literals.Marked); None: each gate searches.
    - `speech`: reads the attribution words of every sentence at once (scan/speech.py); None:
      each sentence is searched.
    """

    cued: CueFlags | None = None
    anchored: bool = True
    glued: Callable[[str], bool] = field(default=glue.candidate)
    gates: GateEngine | None = None
    speech: SpeechEngine | None = None


def claim_id(doc_id: str, kind: str, span: Span, category: str | None, population: str | None) -> str:
    """Stable across runs and versions: the same figure read the same way keeps its id."""
    key = f"{doc_id}|{kind}|{span[0]}-{span[1]}|{category}|{population}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def _characterisation(text: str, start: int, end: int) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in _characterisations(text, start, end):
        seen.setdefault(m.group(0).lower(), None)
    return tuple(seen)


def _characterisations(text: str, start: int, end: int) -> list[re.Match[str]]:
    """CHARACTERISATION_RE.finditer(text, start, end), its case-blind alternation tried only
    where one of its words stands in the folded range (issue 23: a paragraph is long)."""
    low = literals.fold(text[start:end])
    if len(low) != end - start:  # a letter folded to two: offsets differ, the reference
        gated = literals.gate(text, start, end, lx.CHARACTERISATION_GATE)
        return list(lx.CHARACTERISATION_RE.finditer(text, start, end)) if gated else []
    out: list[re.Match[str]] = []
    at = lx.CHARACTERISATION_START.search
    c = at(low)
    while c is not None:
        m = lx.CHARACTERISATION_RE.match(text, start + c.start(), end)
        if m is not None:
            out.append(m)
        c = at(low, m.end() - start if m is not None else c.start() + 1)
    return out


def extract_claims(doc: Document, segments: Sequence[Segment], gazetteer: Gazetteer | None,
                   version: str = EXTRACTOR_VERSION, readers: Readers = Readers()) -> tuple[Claim, ...]:  # fmt: skip
    """Every count and area claim of `doc`, in text order, read by `readers` (the same claims
    whichever they are: they only spare work)."""
    sentences = [s for s in segments if s.kind == "sentence"]
    paragraphs = [s for s in segments if s.kind == "paragraph"]
    quotes = [s for s in segments if s.kind == "quote"]
    rows = [s for s in segments if s.kind == "row"]
    if not sentences:
        return ()
    flags = readers.cued(doc.text, sentences) if readers.cued is not None else [True] * len(sentences)
    if not any(flags) and none_in(doc.text, _area_scopes(rows, sentences)):
        return ()  # no count and no area to anchor: most of an archive, spared its dates
    anchors = Anchors(doc, sentences, paragraphs, gazetteer)
    maker = _ClaimMaker(doc, version, sentences, paragraphs, quotes, readers.speech)
    claims, area_spans = _area_claims(maker, rows, sentences, anchors)
    exclude = _SpanIndex([d.span for d in anchors.dates] + area_spans)
    claims += _count_claims(maker, sentences, anchors, exclude, flags, readers)
    claims.sort(key=lambda c: (c.span[0], c.span[1], c.claim_id))
    return tuple(mark_incidents(maker.text, claims))  # "across both attacks": a total of incidents


class _ClaimMaker:
    """Claims of one document with their provenance: id, sentence, extractor version, the
    paragraph's characterisation and (built at the first claim) the source's attribution."""

    def __init__(self, doc: Document, version: str, sentences: list[Segment], paragraphs: list[Segment],
                 quotes: list[Segment], speech: SpeechEngine | None = None) -> None:  # fmt: skip
        self.doc, self.text, self.version, self._speech = doc, doc.text, version, speech
        self._sentences, self._paragraphs, self._quotes = sentences, paragraphs, quotes
        self._attributor: Attributor | None = None
        self._chars_by_para: dict[int, tuple[str, ...]] = {}  # the same paragraph holds many claims
        self._para_starts = [p.start for p in paragraphs]  # sorted, disjoint: bisect, not a scan per claim

    def source(self, pos: int, sentence: Segment) -> Attribution:
        # Built at the first claim: a document without figures needs no attribution.
        if self._attributor is None:
            self._attributor = Attributor(self.doc, self._sentences, self._quotes, self._speech)
        return self._attributor.attribution(pos, sentence)

    def characterisation(self, pos: int) -> tuple[str, ...]:
        i = bisect.bisect_right(self._para_starts, pos) - 1
        para = self._paragraphs[i] if i >= 0 and pos < self._paragraphs[i].end else None
        if para is None:
            return ()
        if para.start not in self._chars_by_para:
            self._chars_by_para[para.start] = _characterisation(self.text, para.start, para.end)
        return self._chars_by_para[para.start]

    def make(self, kind: str, span: Span, sentence: Segment, **kw: object) -> Claim:
        chars = self.characterisation(span[0])
        category = kw.get("category")
        population = kw.get("population")
        return Claim(
            claim_id=claim_id(self.doc.doc_id, kind, span, category, population),  # type: ignore[arg-type]
            doc_id=self.doc.doc_id, kind=kind, span=span, sentence_span=(sentence.start, sentence.end),
            sentence=sentence.text, text=self.text[span[0] : span[1]], extractor_version=self.version,
            characterisation=chars, **kw,  # type: ignore[arg-type]
        )  # fmt: skip


def _area_claims(maker: _ClaimMaker, rows: list[Segment], sentences: list[Segment],
                 anchors: Anchors) -> tuple[list[Claim], list[Span]]:  # fmt: skip
    """Area claims (rows first: a row's label is its place) and the spans they take."""
    text, make, source = maker.text, maker.make, maker.source
    claims: list[Claim] = []
    area_spans: list[Span] = []
    for row_or_sentence in _area_scopes(rows, sentences):
        for area in find_areas(text, row_or_sentence.start, row_or_sentence.end):
            if any(s <= area.span[0] < e for s, e in area_spans):
                continue
            area_spans.append(area.span)
            sentence = sentences[anchors.sentence_index(area.span[0])]
            is_row = row_or_sentence.kind == "row"
            label = re.search(r"([^:;]{1,60}):[^:]*$", row_or_sentence.text) if is_row else None
            place = anchors.place_in(row_or_sentence.start, row_or_sentence.end) if is_row else anchors.place_for(area.span[0])
            if label and (place is None or place.span[0] > row_or_sentence.start + label.end()):
                place = None
            date = anchors.date_in(row_or_sentence.start, row_or_sentence.end) if is_row else anchors.date_for(area.span[0])
            if place is None and label:
                s = row_or_sentence.start + label.start(1)
                place = PlaceMention(text=label.group(1).strip(), span=(s, s + len(label.group(1).strip())))
            claims.append(make(
                "area", area.span, sentence, category=None, population=None, population_class=None,
                value=area.value_km2, low=area.value_km2, high=area.value_km2, qualifier="exact",
                unit="km2", rule="area.unit" + (".row" if is_row else ""), place=place,
                event_date=date, source=source(area.span[0], sentence),
            ))  # fmt: skip
    return claims, area_spans


def _count_claims(maker: _ClaimMaker, sentences: list[Segment], anchors: Anchors,
                  exclude: _SpanIndex, flags: Sequence[bool], readers: Readers) -> list[Claim]:  # fmt: skip
    """Count claims, sentence by sentence: figures (parts linked to their whole, "Among the
    dead were" to the latest whole of its category), explicit zeros, attackers who died."""
    make, source, doc = maker.make, maker.source, maker.doc
    text = blank_scare_quotes(maker.text)  # same offsets: 'killing "many"' reads as killing many
    text = blank_asides(text)  # same offsets: 'Eleven (some sources claim 20) are dead'
    claims: list[Claim] = []
    # category -> latest top-level claim id and value, for "Among the dead were"
    last_whole: dict[str, tuple[str, float]] = {}
    # no trigger word: no category, so no count claim (grammar/triggers.py)
    cued = [s for s, flag in zip(sentences, flags, strict=True) if flag]
    if readers.gates is not None and cued:  # the rules read the marks with the text (literals.Marked)
        ranges = [(s.start, s.end) for s in cued]
        marked = literals.marked(text, ranges, readers.gates.masks(text, ranges), readers.gates.size)
        if text == maker.text:  # nothing blanked: the characterisation and incidents read them too
            maker.text = marked
        text = marked
    for sentence in cued:
        figures = _sentence_figures(text, sentence, exclude.overlapping(sentence.start, sentence.end),
                                    readers.anchored, readers.glued)  # fmt: skip
        ids = [claim_id(doc.doc_id, "count", f.span, f.category, f.population) for f in figures]
        subsets: set[int] = set()
        for i, fig in enumerate(figures):
            parent = ids[fig.parent] if fig.parent is not None else None
            if "part_of_previous" in fig.flags:
                fig.flags.remove("part_of_previous")
                if parent is None and fig.category in last_whole:
                    parent, fig.relation = last_whole[fig.category][0], "part"
            if SUBSET_FLAG in fig.flags:  # "Ten hostages were released": among those taken (captives.py)
                fig.flags.remove(SUBSET_FLAG)
                if parent is None:
                    parent = _taken_before(figures, ids, i, subsets, last_whole.get(fig.category or ""))
                    fig.relation = "subset" if parent else None
                subsets.add(i)
            claim = _count_claim(make, fig, sentence, anchors, source, parent)
            if not _is_own_speaker(claim, figures, fig):
                claims.append(claim)
        for i, (fig, cid) in enumerate(zip(figures, ids, strict=True)):
            if fig.parent is None and fig.category and "part_of_previous" not in fig.flags and i not in subsets:
                last_whole[fig.category] = cid, fig.num.value
        for zero in find_zeros(text, sentence.start, sentence.end):
            claims.append(make(
                "count", zero.span, sentence, category=zero.category, population="people",
                population_class="unknown", value=0.0, low=0.0, high=0.0, qualifier="exact",
                unit="people", rule=f"count.zero:{zero.category}", place=anchors.place_for(zero.span[0]),
                event_date=anchors.date_for(zero.span[0]),
                source=source(zero.span[0], sentence),
            ))  # fmt: skip
    return claims


def _taken_before(figures: Sequence[Figure], ids: Sequence[str], i: int, subsets: set[int],
                  before: tuple[str, float] | None) -> str | None:  # fmt: skip
    """The claim id of the latest figure of figures[i]'s category before it (in its sentence,
    else `before`, the latest of earlier sentences) that holds it: top-level, not freed itself
    (`subsets`) and as large."""
    fig = figures[i]
    for j in range(i - 1, -1, -1):
        f = figures[j]
        if f.category == fig.category and f.parent is None and f.span[1] <= fig.span[0] and j not in subsets:
            return ids[j] if f.num.value >= fig.num.value and f.num.qualifier != "vague" else None
    return before[0] if before is not None and before[1] >= fig.num.value else None


class _SpanIndex:
    """Spans answerable by overlap with a window: passing a sentence only the excluded spans
    that touch it keeps long documents linear (every date of the text, per sentence, is not)."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]
        self._longest = max((e - s for s, e in self._spans), default=0)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Every span with s < end and e > start (a superset of those overlapping any part)."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [(s, e) for s, e in self._spans[lo:hi] if e > start]


def _figures(text: str, start: int, end: int, excluded: list[Span], anchored: bool) -> list[Figure]:
    """Dwellings destroyed first: "destroyed 300 homes and displaced 2,000 people" gives the
    homes to housing, not to the displacement cue after them. Housing figures go last, so
    that the parent indices of find_figures stay valid."""
    housing = find_housing(text, start, end, excluded)
    return find_figures(text, start, end, excluded + [f.num.number_span for f in housing], anchored) + housing


def _sentence_figures(text: str, sentence: Segment, excluded: list[Span], anchored: bool,
                      glued: Callable[[str], bool] = glue.candidate) -> list[Figure]:  # fmt: skip
    """The sentence's figures, read through glue.repair when words are glued
    ("peoplewere evacuated") and spelling.respell when cue words are misspelt ("killled");
    spans are mapped back to the text as written."""
    view = glue.repair(text[sentence.start : sentence.end], glued)
    spelt = respell(view.text if view is not None else text[sentence.start : sentence.end])
    if spelt is not None:  # misspelt cue words ("killled") read as spelt right, spans mapped back
        view = compose(view, spelt) if view is not None else spelt
    if view is None:
        return _figures(text, sentence.start, sentence.end, excluded, anchored)
    base = sentence.start
    inside = [(view.view(max(s - base, 0)), view.view(min(e - base, sentence.end - base))) for s, e in excluded]
    figures = _figures(view.text, 0, len(view.text), inside, anchored)

    def back(span: Span) -> Span:
        a, b = view.original(*span)
        return a + base, b + base

    for fig in figures:
        fig.span = back(fig.span)
        span = back(fig.num.span)
        fig.num = replace(fig.num, span=span, number_span=back(fig.num.number_span), text=text[span[0] : span[1]])
    return figures


def _area_scopes(rows: list[Segment], sentences: list[Segment]) -> list[Segment]:
    """Rows first (their label is the place), then sentences for areas outside rows."""
    return [*rows, *sentences]


def _is_own_speaker(claim: Claim, figures: list[Figure], fig: Figure) -> bool:
    """"killing six people, a police officer told Horn Wire": a figure inside its own
    speaker's words is who speaks, not a victim (unless other figures are its parts)."""
    span = claim.source.span
    # the speaker is the figure's own words, nothing more ("An RTVE security guard who tried
    # to put out the fire was wounded": "put" misread a speaker that holds more than the figure)
    if span is None or not (claim.span[0] <= span[0] and span[1] <= claim.span[1]):
        return False
    if claim.value != 1 or not _INDEFINITE_ONE.match(claim.text):
        return False  # "One rebel death reported" is a death, whoever reported it
    k = figures.index(fig)
    return not any(f.parent == k for f in figures)


def _count_claim(make: Callable[..., Claim], fig: Figure, sentence: Segment, anchors: Anchors,
                 source: Callable[[int, Segment], Attribution], parent: str | None) -> Claim:  # fmt: skip
    pos = fig.num.number_span[0]
    return make(
        "count", fig.span, sentence, category=fig.category, population=fig.population,
        population_class=fig.population_class, value=float(fig.num.value), low=float(fig.num.low),
        high=float(fig.num.high), qualifier=fig.num.qualifier, unit=fig.unit, rule=fig.rule,
        parent=parent, relation=fig.relation if parent else None, detail=fig.detail,
        place=anchors.place_for(pos), event_date=anchors.date_for(pos),
        source=source(pos, sentence), flags=tuple(dict.fromkeys(fig.flags)),
    )  # fmt: skip
