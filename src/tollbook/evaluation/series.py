"""A figure stated across a series of incidents -> one incident's share of it, for files that
code one row per incident (GTD).

GTD codes a multi-part attack as several incidents and, when a report gives a figure for the
whole series only, divides it evenly among them (the remainder to the first ones). Its texts say
both things: "This was one of two related attacks ... Seven assailants were killed across both
attacks" is coded 4 and 3. tollbook's claim stays what the text says (7, for the series); this
adapter turns it into the incident's share for scoring: the series' size comes from the scope
("across all three attacks", "between two of the attacks") or else from the sentence that
places the incident in its series ("one of three related attacks"); a figure stated for the
incident itself ("killed in this attack") or with no scope keeps its value.

Which incident of the series a row is, the text does not say, so the share is the total over
the size rounded to the nearest, a half up: with the remainder given to the first incidents,
the nearest is the likelier share, and a lone death across two attacks is not read as none.
"""

from __future__ import annotations

import math

from tollbook.evaluation.labelled import Predictor
from tollbook.evaluation.series_patterns import (
    OWN_INCIDENT_RE,
    SCOPE_SIZE_RE,
    SERIES_RE,
    SERIES_SCOPE_RE,
    SIZE_WORDS,
)
from tollbook.model import Claim, Extraction

__all__ = ["scope_size", "series_size", "share", "split_series"]


def _size(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word) if int(word) >= 2 else None
    return SIZE_WORDS.get(word)


def series_size(text: str) -> int | None:
    """How many incidents the text says its own is one of ("one of three related attacks")."""
    m = SERIES_RE.search(text)
    return _size(m.group(1)) if m else None


def scope_size(text: str, claim: Claim, series: int | None) -> int | None:
    """The number of incidents `claim`'s figure is stated across, or None when it is stated for
    the incident itself or with no scope. The scope is the first one written after the figure
    in its sentence ("one soldier was killed in this attack while six assailants were killed
    across the clashes"), else the nearest before it ("Across both attacks, seven ...")."""
    start, end = claim.sentence_span
    scopes = sorted([(m.start(), m.group(0), True) for m in SERIES_SCOPE_RE.finditer(text, start, end)]
                    + [(m.start(), m.group(0), False) for m in OWN_INCIDENT_RE.finditer(text, start, end)])
    later = [s for s in scopes if s[0] >= claim.span[1]]
    earlier = [s for s in scopes if s[0] < claim.span[0]]
    chosen = later[0] if later else earlier[-1] if earlier else None
    if chosen is None or not chosen[2]:
        return None
    written = SCOPE_SIZE_RE.search(chosen[1])
    return _size(written.group(1)) if written else series


def share(total: float, size: int) -> float:
    """One incident's share of a total stated across `size` incidents: the nearest whole
    number, a half up (see the module docstring)."""
    return float(math.floor(total / size + 0.5))


def split_series(predictor: Predictor) -> Predictor:
    """`predictor` with every stated (not vague) figure of the category's tally that is stated
    across a series replaced by one incident's share of it; the figures stated across the
    same number of incidents are summed before they are divided."""

    def predict(category: str, result: Extraction) -> tuple[float, str, str]:
        value, rule, figure = predictor(category, result)
        tally = result.tally.get(category)
        text = result.document.text
        series = series_size(text)
        if tally is None or value <= 0:
            return value, rule, figure
        by_size: dict[int, float] = {}
        for claim in result.claims:
            if claim.claim_id in tally.claim_ids and claim.qualifier != "vague":
                size = scope_size(text, claim, series)
                if size is not None:
                    by_size[size] = by_size.get(size, 0.0) + claim.value
        if not by_size:
            return value, rule, figure
        shared = sum(share(total, size) for size, total in by_size.items())
        sizes = ",".join(str(s) for s in sorted(by_size))
        return value - sum(by_size.values()) + shared, f"{rule}+series_share/{sizes}", figure

    return predict
