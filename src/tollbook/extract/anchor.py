"""Anchoring: document text + sentences -> the event date and place that govern a position.

A figure's event date is an event date in its own sentence (one in the possessive, "Thursday's
attack", first; then the most precise), else the most
precise event date of the nearest earlier sentence that has one. Dates that open a period
("since October 1991"), close one, or name a commemoration ("marks the 25th anniversary")
never govern, nor do dates of a statement ("said on Friday"). The publication line of a
document and a dateline ("NIAMEY, March 14 (Reuters) -", the place and date of filing) are
not the event's.
A figure's place is the nearest place in its sentence (towns before countries), else the
nearest in earlier sentences of the same paragraph, then the document's most named town.
Names the gazetteer lacks are kept, unresolved, when the text marks them as places
("in Norvane", "the town of Port Castellan"), with the division or country the text puts
them in as `within` ("Karvessa, in Niger's Tillaberi region"; geo/enclosing.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from tollbook.extract.dates import find_dates
from tollbook.extract.grammar.anchor_patterns import BEFORE_PLACE_KEYS as _BEFORE_KEYS
from tollbook.extract.grammar.anchor_patterns import CARE_DESTINATION as _CARE_DESTINATION
from tollbook.extract.grammar.anchor_patterns import CARE_REACH as _CARE_REACH
from tollbook.extract.grammar.anchor_patterns import CARE_VERB as _CARE_VERB
from tollbook.extract.grammar.anchor_patterns import CARE_VERB_KEYS as _CARE_VERB_KEYS
from tollbook.extract.grammar.anchor_patterns import FACILITY as _FACILITY
from tollbook.extract.grammar.anchor_patterns import FACILITY_PLACED as _FACILITY_PLACED
from tollbook.extract.grammar.anchor_patterns import HELD_IN as _HELD_IN
from tollbook.extract.grammar.anchor_patterns import METADATA_LINE as _METADATA_LINE
from tollbook.extract.grammar.anchor_patterns import NOT_PLACES as _NOT_PLACES
from tollbook.extract.grammar.anchor_patterns import UNRESOLVED_PLACE as _UNRESOLVED_PLACE
from tollbook.extract.grammar.wire import DATELINE_RE
from tollbook.geo.enclosing import enclose
from tollbook.geo.places import Gazetteer
from tollbook.model import DateMention, Document, PlaceMention, Segment

if TYPE_CHECKING:
    from tollbook.scan.marks import Words

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_COUNTRY_FEATURES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
_REGION_FEATURES = frozenset({"ADM1", "ADM2", "ADM3", "ADMD", "RGN"})


def _is_country(p: PlaceMention) -> bool:
    return p.entry is not None and p.entry.feature in _COUNTRY_FEATURES


class Anchors:
    """Event dates and places of one document, answerable for any character position."""

    def __init__(self, doc: Document, sentences: Sequence[Segment], paragraphs: Sequence[Segment],
                 gazetteer: Gazetteer | None) -> None:  # fmt: skip
        self.text = doc.text
        self.sentences = list(sentences)
        self._sentence_starts = [s.start for s in self.sentences]
        self.paragraphs = list(paragraphs)
        self._paragraph_starts = [p.start for p in self.paragraphs]
        reference = _reference(doc.published)
        skip_end = self._metadata_end()
        # A dateline ("NIAMEY, March 14 (Reuters) -") says where and when the copy was filed.
        self.datelines = [m.span() for m in DATELINE_RE.finditer(self.text)]
        self.dates = tuple(d for d in find_dates(self.text, reference=reference)
                           if d.span[0] >= skip_end and not self._in_dateline(d.span[0]))  # fmt: skip
        self._date_starts = [d.span[0] for d in self.dates]
        self._gazetteer = gazetteer
        self._words: Words | None = None  # the scanner's words, kept by _find_places
        # (sentence, buildings) -> the places a figure's nearest is picked from (`_pool`)
        self._pools: dict[tuple[int, bool], list[PlaceMention]] = {}
        self._sentence_dates = self._governing_dates()

    def _metadata_end(self) -> int:
        first = self.text.split("\n", 1)[0]
        return len(first) if _METADATA_LINE.match(first) else 0

    def _in_dateline(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.datelines)

    @cached_property
    def places(self) -> tuple[PlaceMention, ...]:
        """Every place named in the document. Found when a claim first asks: most articles of
        an archive hold no figure, and reading their places would be most of their cost."""
        return self._find_places(self._gazetteer)

    @cached_property
    def _place_starts(self) -> list[int]:
        return [p.span[0] for p in self.places]

    def _find_places(self, gazetteer: Gazetteer | None) -> tuple[PlaceMention, ...]:
        # `found` stays sorted and its spans disjoint (gazetteer matches never overlap, and an
        # unresolved name replaces all it overlaps), so overlaps are a bisected slice.
        found: list[PlaceMention] = []
        scanned = gazetteer.scan(self.text) if gazetteer is not None else None
        self._words = None if scanned is None else scanned[0]
        if gazetteer is not None:
            found.extend(sorted(gazetteer.find_in_document(self.text, scanned), key=lambda p: p.span))
        starts = [p.span[0] for p in found]
        ends = [p.span[1] for p in found]
        for m in _unresolved(self.text, None if scanned is None else scanned[0]):
            group = "p" if m.group("p") else "q"
            name = m.group(group)
            if not _NOT_PLACES.isdisjoint(name.replace("-", " ").split(" ")):  # its words
                continue
            s, e = m.span(group)
            lo, hi = bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)
            # A longer name the gazetteer lacks wins over a real place inside it:
            # "Harrow Fields" is not Harrow, "Port Castellan" is not a town called Port.
            if any(p.span[1] - p.span[0] >= e - s for p in found[lo:hi]):
                continue
            found[lo:hi] = [PlaceMention(text=name, span=(s, e), entry=None)]
            starts[lo:hi], ends[lo:hi] = [s], [e]
        # "the village of Karvessa in Niger's Tillaberi region": Karvessa gets a `within`.
        found = list(enclose(self.text, found, gazetteer))
        if self.datelines:
            found = [p for p in found if not self._in_dateline(p.span[0])]
        return tuple(found)

    @cached_property
    def _care_places(self) -> frozenset[int]:
        """Starts of places where victims were taken ("taken to the District Hospital in
        Peshawar"): where they were treated, not hit; never a figure's nearest place, still
        the document's town when it names no other."""
        # A match opens with one of the verbs: places with none in reach are not searched.
        places = self.places  # first: it reads the scanner's words
        verbs = _care_verbs(self.text, self._words)
        if not verbs:
            return frozenset()
        found: set[int] = set()
        for p in places:
            lo, pos = max(0, p.span[0] - _CARE_REACH), p.span[0]
            k = bisect.bisect_left(verbs, lo)
            if k < len(verbs) and verbs[k] < pos and _CARE_DESTINATION.search(self.text, lo, pos):
                found.add(pos)
        return frozenset(found)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def _dates_within(self, start: int, end: int) -> list[DateMention]:
        lo, hi = bisect.bisect_left(self._date_starts, start), bisect.bisect_left(self._date_starts, end)
        return list(self.dates[lo:hi])

    def _places_within(self, start: int, end: int) -> list[PlaceMention]:
        lo, hi = bisect.bisect_left(self._place_starts, start), bisect.bisect_left(self._place_starts, end)
        return list(self.places[lo:hi])

    def _governing_dates(self) -> list[DateMention | None]:
        """Per sentence: its most precise event date, else the one governing the sentence before."""
        out: list[DateMention | None] = []
        current: DateMention | None = None
        for sent in self.sentences:
            inside = [d for d in self._dates_within(sent.start, sent.end) if d.role == "event"]
            if inside:
                # "Thursday's attack": a date owned by the incident's noun names the incident,
                # whatever else the sentence dates ("two more died on Saturday").
                owned = [d for d in inside if self.text.startswith(("'s", "’s"), d.span[1])]
                current = min(owned or inside,
                              key=lambda d: (_PRECISION_RANK.get(d.value.precision, 9), d.span[0]))
            out.append(current)
        return out

    @cached_property
    def _top_town(self) -> PlaceMention | None:
        """The document's most named town (resolved entries counted by id, others by name)."""
        towns = [p for p in self.places if not _is_country(p)
                 and not (p.entry is None and _FACILITY.match(self.text, p.span[1]))]
        if not towns:
            return None
        counts = Counter((p.entry.geonameid if p.entry else p.text) for p in towns)
        top = counts.most_common(1)[0][0]
        return next(p for p in towns if (p.entry.geonameid if p.entry else p.text) == top)

    def date_for(self, pos: int) -> DateMention | None:
        """The event date governing the figure at `pos` (a date after it in its sentence counts)."""
        return self._sentence_dates[self.sentence_index(pos)]

    def date_in(self, start: int, end: int) -> DateMention | None:
        inside = self._dates_within(start, end)
        return inside[0] if inside else None

    def place_for(self, pos: int) -> PlaceMention | None:
        """The place governing the figure at `pos`."""
        found = self._place_for(pos)
        if found is not None and _FACILITY.match(self.text, found.span[1]):
            # A building: its town, else the place the text gives around it. A name standing
            # alone keeps it ("Halvard station" is in Halvard), unless possessive: "St Luke's
            # church" is named after a person, not a town.
            fallback = None if self.text.startswith(("'s", "’s"), found.span[1]) else found
            return self._town_of(found) or self._place_for(pos, buildings=False) or fallback
        return found

    def _town_of(self, building: PlaceMention) -> PlaceMention | None:
        """Where the document puts a building's name: "Lindell shopping centre in Westmark"."""
        rx = re.compile(re.escape(building.text) + _FACILITY_PLACED, re.IGNORECASE)
        for m in rx.finditer(self.text):
            k = bisect.bisect_left(self._place_starts, m.end())
            if k < len(self.places) and self.places[k].span[0] == m.end():
                return self.places[k]
        return None

    def _not_building(self, p: PlaceMention) -> bool:
        return p.entry is not None or not _FACILITY.match(self.text, p.span[1])

    def _place_for(self, pos: int, buildings: bool = True) -> PlaceMention | None:
        idx = self.sentence_index(pos)
        pool = self._pool(idx, buildings)
        if pool:
            return _closest(pool, pos)
        k = bisect.bisect_right(self._paragraph_starts, pos) - 1  # sorted, disjoint paragraphs
        para_start = self.paragraphs[k].start if k >= 0 and pos < self.paragraphs[k].end else 0
        for i in range(idx - 1, -1, -1):
            s = self.sentences[i]
            if s.end < para_start:
                break
            pool = self._pool(i, buildings)
            if pool:
                return _closest(pool, s.end)
        return self._top_town

    def _pool(self, idx: int, buildings: bool) -> list[PlaceMention]:
        """The pool of sentence idx a figure's place is picked from (care places out; buildings too unless
        `buildings`): it depends on the sentence only, so the claims of one sentence and the
        sentences read back from later ones share it."""
        pool = self._pools.get((idx, buildings))
        if pool is None:
            sent, care = self.sentences[idx], self._care_places
            inside = [p for p in self._places_within(sent.start, sent.end) if p.span[0] not in care]
            if not buildings:
                inside = [p for p in inside if self._not_building(p)]
            pool = self._pools[idx, buildings] = _pool(inside, self.text)
        return pool

    def place_in(self, start: int, end: int) -> PlaceMention | None:
        inside = self._places_within(start, end)
        return inside[0] if inside else None


def _unresolved(text: str, words: Words | None) -> Iterator[re.Match[str]]:
    """`_UNRESOLVED_PLACE.finditer(text)`; given the scanner's words, the pattern is tried only
    where a match can start (tests/test_places_marked.py): at a word folding to a word before
    a place (the case-insensitive forms of those letters fold alike), at a capitalised word
    opening the text or following [.!?] and a space, or right after an apostrophe (a word
    boundary inside the scanner's word: "Jama'at Nusrat"). `match` at a position sees the text
    before it (word boundaries, look-behinds) as the search did."""
    if words is None:
        yield from _UNRESOLVED_PLACE.finditer(text)
        return
    starts = words.starts
    at = set(itertools.compress(starts, map(_BEFORE_KEYS.__contains__, words.keys)))
    at.update(s for s in itertools.compress(starts, words.caps)
              if s == 0 or (s >= 2 and text[s - 2] in ".!?"))  # fmt: skip
    for apostrophe in "'’ʼ":  # the scanner joins "Hay'at" into one word; the pattern may not
        q = text.find(apostrophe)
        while q >= 0:
            at.add(q + 1)
            q = text.find(apostrophe, q + 1)
    end = 0
    for pos in sorted(at):
        if pos >= end and (m := _UNRESOLVED_PLACE.match(text, pos)) is not None:
            end = m.end()
            yield m


def _care_verbs(text: str, words: Words | None) -> list[int]:
    """The starts of `CARE_VERB.finditer(text)`; given the scanner's words, the pattern is tried
    only where a match can start (tests/test_scan_places3.py): at a word folding to one of the
    verbs (every letter re's IGNORECASE equates with a verb's letter folds to it), or right
    after an apostrophe (the scanner's word "Hay'taken" holds one). Matches cannot overlap (a
    verb is letters, then a space), so the matches at those starts are the search's."""
    if words is None:
        return [m.start() for m in _CARE_VERB.finditer(text)]
    at = set(itertools.compress(words.starts, map(_CARE_VERB_KEYS.__contains__, words.keys)))
    for apostrophe in "'’ʼ":
        q = text.find(apostrophe)
        while q >= 0:
            at.add(q + 1)
            q = text.find(apostrophe, q + 1)
    match = _CARE_VERB.match
    return [s for s in sorted(at) if match(text, s)]


def _is_region(p: PlaceMention) -> bool:
    return p.entry is not None and p.entry.feature in _REGION_FEATURES


def _closest(pool: list[PlaceMention], pos: int) -> PlaceMention:
    return min(pool, key=lambda p: abs(p.span[0] - pos))  # the first of equals


def _pool(cands: list[PlaceMention], text: str) -> list[PlaceMention]:
    """The candidates a figure's nearest place is picked from (empty: none)."""
    if not cands:
        return []
    # A town before its region ("the market of Karvessa, in the Tillaberi region"), a region
    # before its country.
    towns, regions = [], []
    for p in cands:
        feature = None if p.entry is None else p.entry.feature
        if feature in _REGION_FEATURES:
            regions.append(p)
        elif feature not in _COUNTRY_FEATURES:
            towns.append(p)
    # "at Lindell shopping centre in Westmark": the building's name yields to the town.
    plain = [p for p in towns if not _FACILITY.match(text, p.span[1])]
    if len(plain) > 1:
        # "Mbalu in North Kivu's Masisi territory": a possessive place holds the other.
        plain = [p for p in plain if not text.startswith(("'s ", "’s "), p.span[1])] or plain
        # "Gidan Maso village in Kaura": the place after "in" holds the one before it (when the
        # gazetteer knows it: "near Ostrava in Norvane" does not put a known town in a name it
        # lacks).
        plain = [p for p in plain if p.entry is None or not any(
            q.span[1] < p.span[0] and _HELD_IN.fullmatch(text, q.span[1], p.span[0]) for q in plain)] or plain
    return plain or towns or regions or cands


def _reference(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
