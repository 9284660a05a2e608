"""A reviewer's form or JSON body -> a validated `Correction` (stored by `Store.add_correction`).

Validation happens here, before the store, so that a bad request is a 422 that names the
field, never a server error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from tollbook._exceptions import FieldError
from tollbook.events.review import check_correction
from tollbook.model import CATEGORIES, CORRECTABLE, VERDICTS, Correction
from tollbook.web.errors import BadRequest

MAX_TEXT = {"reviewer": 200, "reason": 2000, "population": 100, "source": 300, "place": 200,
            "event_date": 40, "qualifier": 20, "detail": 300, "population_class": 20}


def _text(data: Mapping[str, Any], name: str, *, required: bool = False) -> str | None:
    value = data.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise BadRequest(f"{name} must be a string, not {type(value).__name__}")
    value = value.strip()
    if len(value) > MAX_TEXT.get(name, 200):
        raise BadRequest(f"{name} is longer than {MAX_TEXT.get(name, 200)} characters")
    if required and not value:
        raise BadRequest(f"{name} is required", hint=f"fill in {name}")
    return value or None


def _value(raw: object) -> float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise BadRequest("value must be a number, not true/false")
    try:
        value = float(raw.replace(",", "")) if isinstance(raw, str) else float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError) as exc:
        raise BadRequest(
            f"value {str(raw)[:40]!r} is not a number", hint="write a count such as 614"
        ) from exc
    if not math.isfinite(value) or value < 0 or value > 1e12:
        raise BadRequest(
            f"value {raw!r} is not a count from 0 to 10^12", hint="write a count such as 614"
        )
    return value


def correction_from(doc_id: str, claim_id: str, data: Mapping[str, Any]) -> Correction:
    """Fields of a review -> Correction; empty fields are 'not corrected'."""
    verdict = _text(data, "verdict", required=True)
    if verdict not in VERDICTS:
        raise BadRequest(f"unknown verdict {verdict!r}", hint=f"use one of: {', '.join(VERDICTS)}")
    reviewer = _text(data, "reviewer", required=True) or ""
    reason = _text(data, "reason") or ""
    category = _text(data, "category")
    if category is not None and category not in CATEGORIES:
        raise BadRequest(
            f"unknown category {category!r}", hint=f"use one of: {', '.join(CATEGORIES)}"
        )
    changes: dict[str, Any] = {
        name: _text(data, name) for name in CORRECTABLE if name not in ("value", "category")
    }
    changes.update(value=_value(data.get("value")), category=category)
    given = [f for f in CORRECTABLE if changes[f] is not None]
    if verdict == "corrected" and not given:
        raise BadRequest(
            f"a correction needs a new {', '.join(CORRECTABLE)}",
            hint="fill in at least one of them, or mark the claim correct or wrong",
        )
    if verdict != "corrected":
        if given:
            raise BadRequest(
                f"verdict {verdict!r} cannot change {', '.join(given)}",
                hint="use verdict 'corrected' to change fields",
            )
        changes = {}
    correction = Correction(
        doc_id=doc_id, claim_id=claim_id, verdict=verdict, reviewer=reviewer, reason=reason,
        **changes,
    )  # fmt: skip
    try:  # the library's checks: qualifier, population class, event date ...
        check_correction(correction)
    except FieldError as err:
        raise BadRequest(err.message) from err
    return correction
