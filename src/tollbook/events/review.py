"""Claims + reviewers' corrections -> reviewed claims.

A `Correction` never overwrites what the extractor produced (the store keeps both); this
stage computes the view that `show`, tallies, findings, events and exports use. The newest
correction of a claim applies: `wrong` drops the claim (and the parts that hang from it keep
their own judgement), `corrected` replaces the corrected fields and flags the claim
"corrected", `correct` flags it "reviewed".

Corrected fields: value (its range collapses onto it, or spans about 10% for "approx"),
qualifier, category, population (which takes its class from the grammar's population nouns
unless a class is given), population class, source (the speaker), place (a name, resolved
against the gazetteer), event date (ISO `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `start/end`, or a
written date such as "1 May 2023") and detail. `check_correction` validates a correction
before it is stored, with advice; applying a bad stored one raises the same `FieldError`.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from tollbook._exceptions import FieldError
from tollbook.geo.lookup import resolve_name
from tollbook.model import (
    CATEGORIES,
    CORRECTABLE,
    POPULATION_CLASSES,
    QUALIFIERS,
    VERDICTS,
    Attribution,
    Claim,
    Correction,
    DateMention,
    DateValue,
    PlaceMention,
)

REVIEWED = "reviewed"
CORRECTED = "corrected"


def latest_corrections(corrections: Iterable[Correction]) -> dict[tuple[str, str], Correction]:
    """(doc_id, claim_id) -> the correction that applies (highest id, else last given)."""
    out: dict[tuple[str, str], Correction] = {}
    for c in corrections:
        key = (c.doc_id, c.claim_id)
        old = out.get(key)
        if old is None or (c.correction_id or 0) >= (old.correction_id or 0):
            out[key] = c
    return out


def check_correction(c: Correction) -> None:
    """Refuse a correction that could not be applied, saying which field and what to give."""
    if c.verdict not in VERDICTS:
        raise FieldError(f"unknown verdict {c.verdict!r}; use one of: {', '.join(VERDICTS)}",
                         source=c.claim_id)  # fmt: skip
    if not c.reviewer.strip():
        raise FieldError("a correction needs a reviewer's name; give one", source=c.claim_id)
    given = [f for f in CORRECTABLE if getattr(c, f) is not None]
    if c.verdict == "corrected" and not given:
        raise FieldError(f"verdict 'corrected' needs a new value for at least one of "
                         f"{', '.join(CORRECTABLE)}", source=c.claim_id)  # fmt: skip
    if c.verdict != "corrected" and given:
        raise FieldError(f"verdict {c.verdict!r} cannot change {', '.join(given)}; use verdict "
                         "'corrected'", source=c.claim_id)  # fmt: skip
    _check_fields(c)


def _check_fields(c: Correction) -> None:
    if c.value is not None and (not math.isfinite(c.value) or c.value < 0):
        raise FieldError(f"corrected value {c.value} is negative or not a number; give a count "
                         "of 0 or more", source=c.claim_id)  # fmt: skip
    for name, allowed in (("category", CATEGORIES), ("qualifier", QUALIFIERS),
                          ("population_class", POPULATION_CLASSES)):  # fmt: skip
        value = getattr(c, name)
        if value is not None and value not in allowed:
            raise FieldError(f"unknown {name.replace('_', ' ')} {value!r}; use one of: "
                             f"{', '.join(allowed)}", source=c.claim_id)  # fmt: skip
    if c.event_date and date_value(c.event_date) is None:
        raise FieldError(f"event date {c.event_date!r} is not a date; write 2023-05-01, "
                         "2023-05, 2023, 2023-05-01/2023-05-03 or 1 May 2023", source=c.claim_id)  # fmt: skip


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _iso_part(text: str) -> DateValue | None:
    m = _ISO.fullmatch(text)
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month or 12)[1]
    if day is not None and not 1 <= day <= last:
        return None
    if day is not None:
        return DateValue(start=text, end=text, precision="day", iso=text)
    if month is not None:
        return DateValue(start=f"{text}-01", end=f"{text}-{last:02d}", precision="month", iso=text)
    return DateValue(start=f"{text}-01-01", end=f"{text}-12-31", precision="year", iso=text)


def date_value(text: str) -> DateValue | None:
    """A reviewer's event date -> DateValue; None when it is not one date or interval."""
    text = text.strip()
    first, sep, last = text.partition("/")
    if sep:
        a, b = _iso_part(first), _iso_part(last)
        if a is None or b is None or a.start > b.end:
            return None
        return DateValue(start=a.start, end=b.end, precision="day", iso=f"{a.iso}/{b.iso}")
    if (iso := _iso_part(text)) is not None:
        return iso
    from tollbook.extract.dates import parse_date  # the date grammar loads only when needed

    return parse_date(text)


def population_class_of(population: str) -> str:
    """The class the grammar gives a population noun ("villagers" -> civilian), else unknown."""
    from tollbook.extract.grammar.lexicon import POPULATIONS  # loads the grammar on first use

    found = POPULATIONS.get(" ".join(population.lower().split()))
    return found[1] if found else "unknown"


def _place(claim: Claim, name: str) -> PlaceMention | None:
    if not name.strip():
        return None
    old = claim.place
    countries = (old.entry.country,) if old is not None and old.entry is not None else ()
    entry = resolve_name(name, countries)  # the gazetteer loads only for a corrected place
    # The corrected place is not in the text: it keeps the span of what it replaces.
    return PlaceMention(text=name.strip(), span=old.span if old else claim.span, entry=entry)


def _event_date(claim: Claim, text: str) -> DateMention | None:
    if not text.strip():
        return None
    value = date_value(text)
    assert value is not None  # _check_fields refused it otherwise
    old = claim.event_date
    return DateMention(text=text.strip(), span=old.span if old else claim.span, value=value)


def apply_correction(claim: Claim, correction: Correction) -> Claim | None:
    """The claim as the reviewer says it is; None when they judged it wrong."""
    if correction.verdict == "wrong":
        return None
    if correction.verdict == "correct":
        return replace(claim, flags=_flag(claim.flags, REVIEWED))
    _check_fields(correction)
    c = correction
    changes: dict[str, object] = {}
    if c.value is not None or c.qualifier is not None:
        # A corrected figure is the reviewer's exact reading unless they qualify it.
        value = float(c.value) if c.value is not None else claim.value
        qualifier = c.qualifier or ("exact" if c.value is not None else claim.qualifier)
        from tollbook.extract.numbers import qualifier_bounds

        low, high = qualifier_bounds(value, qualifier)
        changes.update(value=value, low=low, high=high, qualifier=qualifier)
    if c.category is not None:
        changes["category"] = c.category
    if c.population is not None:
        changes["population"] = c.population.strip() or None
        changes["population_class"] = population_class_of(c.population)
    if c.population_class is not None:
        changes["population_class"] = c.population_class
    if c.source is not None:
        changes["source"] = Attribution(speaker=c.source or None, span=None, cue=CORRECTED,
                                        chain=claim.source.chain)  # fmt: skip
    if c.place is not None:
        changes["place"] = _place(claim, c.place)
    if c.event_date is not None:
        changes["event_date"] = _event_date(claim, c.event_date)
    if c.detail is not None:
        changes["detail"] = c.detail.strip() or None
    return replace(claim, flags=_flag(claim.flags, CORRECTED), **changes)  # type: ignore[arg-type]


def apply_corrections(
    claims: Sequence[Claim], corrections: Iterable[Correction]
) -> tuple[Claim, ...]:
    """Claims with the newest correction of each applied, in the same order."""
    latest = latest_corrections(corrections)
    if not latest:
        return tuple(claims)
    out: list[Claim] = []
    for claim in claims:
        c = latest.get((claim.doc_id, claim.claim_id))
        reviewed = claim if c is None else apply_correction(claim, c)
        if reviewed is not None:
            out.append(reviewed)
    return tuple(out)


def _flag(flags: tuple[str, ...], flag: str) -> tuple[str, ...]:
    return flags if flag in flags else (*flags, flag)
