"""Store -> view models of the pages and the JSON API (frozen dataclasses, then dicts).

A document's page shows the claims as the reviewers left them: `review.apply_corrections`
over the extractor's claims, with the tally recomputed from those (`tally.tally`); the
extractor's own values stay visible beside every corrected one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any

from tollbook.api import Store, apply_corrections, latest_corrections, reviewed_claims, tally
from tollbook.model import CATEGORIES, CORRECTABLE, Claim, Correction, Document, Tally, number
from tollbook.output.serialize import claim_to_dict, document_to_dict, tally_to_dict
from tollbook.web.errors import BadRequest
from tollbook.web.settings import WebSettings

DATE_PATTERN = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_DATE = DATE_PATTERN


@contextmanager
def open_store(settings: WebSettings) -> Iterator[Store]:
    """A store per request: sqlite3 connections stay on the thread that opened them."""
    store = Store.open(settings.db)
    try:
        yield store
    finally:
        store.close()


@dataclass(frozen=True, slots=True)
class DocQuery:
    """The documents list's search box and filters."""

    q: str = ""
    category: str | None = None
    place: str | None = None
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 100

    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "limit")


def doc_query(params: Any, default_limit: int) -> DocQuery:
    """Query parameters -> DocQuery, refusing malformed values with a 422."""

    def get(name: str) -> str | None:
        value = params.get(name)
        return value.strip() or None if isinstance(value, str) else None

    category = get("category")
    if category is not None and category not in CATEGORIES:
        raise BadRequest(
            f"unknown category {category!r}", hint=f"use one of: {', '.join(CATEGORIES)}"
        )
    for name in ("date_from", "date_to"):
        value = get(name)
        if value is not None and not _DATE.fullmatch(value):
            raise BadRequest(
                f"{name} {value!r} is not a date", hint="write YYYY, YYYY-MM or YYYY-MM-DD"
            )
    raw_limit = get("limit")
    limit = default_limit
    if raw_limit is not None:
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 1000:
            raise BadRequest(f"limit {raw_limit!r} is not a number from 1 to 1000")
        limit = int(raw_limit)
    return DocQuery(
        q=get("q") or "", category=category, place=get("place"), source=get("source"),
        date_from=get("date_from"), date_to=get("date_to"), limit=limit,
    )  # fmt: skip


def fts_query(text: str) -> str:
    """Words as typed -> an FTS5 query that cannot be a syntax error (each word quoted)."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


@dataclass(frozen=True, slots=True)
class DocSummary:
    """One row of the documents list."""

    document: Document
    claims: int
    corrections: int
    tally: Tally  # as reviewed


def _matches(doc: Document, claims: Sequence[Claim], q: DocQuery) -> bool:
    if q.category and not any(c.category == q.category for c in claims):
        return False
    if q.place:
        want = q.place.casefold()
        names = [
            n for c in claims if c.place
            for n in (c.place.text, c.place.entry.name if c.place.entry else "")
        ]  # fmt: skip
        if not any(want in n.casefold() for n in names):
            return False
    if q.source:
        want = q.source.casefold()
        names = [doc.publisher or "", doc.aggregator or ""]
        names += [c.source.speaker or "" for c in claims]
        names += [link.name for c in claims for link in c.source.chain]
        if not any(want in n.casefold() for n in names):
            return False
    if q.date_from or q.date_to:
        lo = q.date_from or "0000"
        hi = (q.date_to or "9999") + "\uffff"  # "2024" covers every day of 2024
        spans = [(doc.published, doc.published)] if doc.published else []
        spans += [
            (c.event_date.value.start, c.event_date.value.end) for c in claims if c.event_date
        ]
        if not any(end >= lo and start <= hi for start, end in spans):
            return False
    return True


def list_documents(store: Store, q: DocQuery) -> tuple[DocSummary, ...]:
    """Documents matching the query: full-text search first (best first), then the filters."""
    if q.q:
        terms = fts_query(q.q)
        docs = store.search(terms, limit=max(q.limit * 5, 200)) if terms else ()
    else:
        docs = tuple(reversed(store.documents()))  # newest first
    claims_by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in reviewed_claims(store):
        claims_by_doc[c.doc_id].append(c)
    n_corrections: dict[str, int] = defaultdict(int)
    for corr in store.corrections():
        n_corrections[corr.doc_id] += 1
    out = []
    for doc in docs:
        claims = claims_by_doc.get(doc.doc_id, [])
        if _matches(doc, claims, q):
            out.append(
                DocSummary(doc, len(claims), n_corrections[doc.doc_id], tally(doc.doc_id, claims))
            )
            if len(out) >= q.limit:
                break
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as reviewed beside the extractor's record of it."""

    claim: Claim  # the reviewed claim (the extracted one when no correction applies)
    extracted: Claim
    status: str  # "extracted" | "reviewed" | "corrected" | "wrong"
    changed: tuple[str, ...]  # fields a correction changed
    history: tuple[Correction, ...]  # every correction of it, oldest first

    @property
    def claim_id(self) -> str:
        return self.extracted.claim_id


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of document text; a highlighted claim when claim_id is set."""

    text: str
    claim_id: str | None = None
    category: str | None = None
    status: str = ""


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Everything a document's page shows."""

    document: Document
    claims: tuple[ClaimView, ...]
    tally: Tally  # from the reviewed claims
    extracted_tally: Tally  # from the extractor's claims
    pieces: tuple[Piece, ...]
    corrections: tuple[Correction, ...]

    def claim(self, claim_id: str) -> ClaimView | None:
        return next((c for c in self.claims if c.claim_id == claim_id), None)


def _changed(old: Claim, new: Claim) -> tuple[str, ...]:
    out = [f for f in ("value", "category", "population") if getattr(old, f) != getattr(new, f)]
    if old.source.speaker != new.source.speaker:
        out.append("source")
    return tuple(out)


def claim_views(
    claims: Sequence[Claim], corrections: Sequence[Correction]
) -> tuple[ClaimView, ...]:
    latest = latest_corrections(corrections)
    by_claim: dict[str, list[Correction]] = defaultdict(list)
    for corr in corrections:
        by_claim[corr.claim_id].append(corr)
    reviewed = {c.claim_id: c for c in apply_corrections(claims, corrections)}
    views = []
    for c in claims:
        applied = latest.get((c.doc_id, c.claim_id))
        new = reviewed.get(c.claim_id)
        if applied is None:
            status = "extracted"
        elif new is None:
            status = "wrong"
        else:
            status = "corrected" if applied.verdict == "corrected" else "reviewed"
        views.append(ClaimView(
            claim=new or c, extracted=c, status=status,
            changed=_changed(c, new) if new is not None else (),
            history=tuple(by_claim.get(c.claim_id, ())),
        ))  # fmt: skip
    return tuple(views)


def pieces(text: str, claims: Sequence[ClaimView]) -> tuple[Piece, ...]:
    """The text cut at claim spans; an overlapping span is left unhighlighted (card only)."""
    out: list[Piece] = []
    pos = 0
    for cv in sorted(claims, key=lambda v: (v.extracted.span[0], -v.extracted.span[1])):
        start, end = cv.extracted.span
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            out.append(Piece(text[pos:start]))
        out.append(Piece(text[start:end], cv.claim_id, cv.claim.category, cv.status))
        pos = end
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return tuple(out)


def document_view(store: Store, doc_id: str) -> DocumentView:
    doc = store.document(doc_id)
    claims = store.claims(doc.doc_id)
    corrections = store.corrections(doc.doc_id)
    views = claim_views(claims, corrections)
    reviewed = [v.claim for v in views if v.status != "wrong"]
    return DocumentView(
        document=doc, claims=views, tally=tally(doc.doc_id, reviewed),
        extracted_tally=tally(doc.doc_id, claims), pieces=pieces(doc.text, views),
        corrections=corrections,
    )  # fmt: skip


# -- dicts for the JSON API ---------------------------------------------------------------------


def correction_to_dict(c: Correction) -> dict[str, Any]:
    out: dict[str, Any] = {
        "correction_id": c.correction_id, "doc_id": c.doc_id, "claim_id": c.claim_id,
        "verdict": c.verdict, "reviewer": c.reviewer, "reason": c.reason,
        "created_at": c.created_at,
    }  # fmt: skip
    for f in CORRECTABLE:
        value = getattr(c, f)
        out[f] = number(value) if isinstance(value, float) else value
    return out


def claim_view_to_dict(v: ClaimView) -> dict[str, Any]:
    out = claim_to_dict(v.claim)
    extracted = claim_to_dict(v.extracted)
    out["review_status"] = v.status
    out["corrected_fields"] = list(v.changed)
    out["extracted"] = {
        f: extracted[f]
        for f in ("value", "low", "high", "qualifier", "category", "population", "source")
    }
    out["corrections"] = [correction_to_dict(c) for c in v.history]
    return out


def summary_to_dict(s: DocSummary) -> dict[str, Any]:
    out = document_to_dict(s.document, with_text=False)
    out.update(claims=s.claims, corrections=s.corrections, tally=tally_to_dict(s.tally))
    out["url_page"] = f"/documents/{s.document.doc_id}"
    return out


def document_view_to_dict(v: DocumentView) -> dict[str, Any]:
    return {
        "document": document_to_dict(v.document),
        "tally": tally_to_dict(v.tally),
        "extracted_tally": tally_to_dict(v.extracted_tally),
        "claims": [claim_view_to_dict(c) for c in v.claims],
        "corrections": [correction_to_dict(c) for c in v.corrections],
    }
