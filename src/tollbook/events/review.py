"""Claims + reviewers' corrections -> reviewed claims.

A `Correction` never overwrites what the extractor produced (the store keeps both); this
stage computes the view that tallies, findings and exports use. The newest correction of a
claim applies: `wrong` drops the claim (and the parts that hang from it keep their own
judgement), `corrected` replaces the corrected fields and flags the claim "corrected",
`correct` flags it "reviewed".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from tollbook._exceptions import FieldError
from tollbook.model import CATEGORIES, Attribution, Claim, Correction

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


def apply_correction(claim: Claim, correction: Correction) -> Claim | None:
    """The claim as the reviewer says it is; None when they judged it wrong."""
    if correction.verdict == "wrong":
        return None
    if correction.verdict == "correct":
        return replace(claim, flags=_flag(claim.flags, REVIEWED))
    changes: dict[str, object] = {}
    if correction.value is not None:
        if correction.value < 0:
            raise FieldError(
                f"corrected value {correction.value} is negative; give a count of 0 or more",
                source=correction.claim_id,
            )
        # A corrected figure is the reviewer's exact reading: its range collapses onto it.
        v = float(correction.value)
        changes.update(value=v, low=v, high=v, qualifier="exact")
    if correction.category is not None:
        if correction.category not in CATEGORIES:
            raise FieldError(
                f"unknown category {correction.category!r}; use one of: {', '.join(CATEGORIES)}",
                source=correction.claim_id,
            )
        changes["category"] = correction.category
    if correction.population is not None:
        changes["population"] = correction.population or None
    if correction.source is not None:
        old = claim.source
        changes["source"] = Attribution(
            speaker=correction.source or None, span=None, cue=CORRECTED, chain=old.chain
        )
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
