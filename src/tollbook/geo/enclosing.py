"""Place mentions of a text -> the same mentions, an unresolved name given what encloses it.

"in the village of Karvessa in Niger's Tillaberi region": the gazetteer lacks Karvessa but
reads Niger and Tillaberi right after it, joined only by link words (`regionwords`), commas,
division nouns and possessives. The most specific of those that is a division or a country
becomes the name's `within`: a first-level division before a lower one, any division before
a country. A town read there ("near Karvessa, in Tillaberi", where Tillaberi is also a town)
counts through the division of the same name in its country, if the gazetteer has one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from tollbook.geo.names import COUNTRY_FEATURES, REGION_FEATURES, fold_token, name_key
from tollbook.geo.places import Gazetteer
from tollbook.geo.regionwords import DIVISION_KEYS as _DIVISION_KEYS
from tollbook.geo.regionwords import ENCLOSING_MAX_GAP
from tollbook.geo.regionwords import LINK_KEYS as _LINK_KEYS
from tollbook.model import GazetteerEntry, PlaceMention

__all__ = ["enclose"]

_GAP_WORD = re.compile(r"[^\W\d_]+|['’]s\b|[,\s]+")
#: Rank of a feature as an enclosing place: lower is more specific.
_RANK = {"ADM1": 0, "ADM2": 0, "ADMD": 1, "RGN": 1}


def _link_gap(gap: str) -> bool:
    """Whether `gap` holds only link words, commas and spaces (and is short)."""
    if len(gap) > ENCLOSING_MAX_GAP or "\n\n" in gap:
        return False
    pos = 0
    while pos < len(gap):
        m = _GAP_WORD.match(gap, pos)
        if m is None:
            return False
        word = m.group()
        # a run of letters is one word: its name_key is its fold_token (cached)
        if word[0].isalpha() and fold_token(word) not in _LINK_KEYS:
            return False
        pos = m.end()
    return True


def _as_enclosing(p: PlaceMention, gazetteer: Gazetteer | None) -> GazetteerEntry | None:
    e = p.entry
    if e is None:
        return None
    if e.feature in COUNTRY_FEATURES or e.feature in REGION_FEATURES:
        return e
    return gazetteer.division(p.text, e.country) if gazetteer is not None else None


def _rank(e: GazetteerEntry) -> int:
    return 9 if e.feature in COUNTRY_FEATURES else _RANK.get(e.feature, 2)


def enclose(
    text: str, places: Sequence[PlaceMention], gazetteer: Gazetteer | None
) -> tuple[PlaceMention, ...]:
    """`places` (sorted, disjoint spans) with `within` set on each unresolved name that the
    text puts inside a division or country it names right after (see the module doc)."""
    out = list(places)
    for k, p in enumerate(places):
        if p.entry is not None or p.within is not None or name_key(p.text) in _DIVISION_KEYS:
            continue  # a division noun read as a name ("the Prefecture of ...") is no town
        found: list[GazetteerEntry] = []
        end = p.span[1]
        for q in places[k + 1 :]:
            if not _link_gap(text[end : q.span[0]]):
                break
            e = _as_enclosing(q, gazetteer)
            if e is None:
                break
            found.append(e)
            end = q.span[1]
        if found:
            best = min(found, key=_rank)  # stable: the first of equal rank
            out[k] = dataclasses.replace(p, within=best)
    return tuple(out)
