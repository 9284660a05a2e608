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
from dataclasses import dataclass, fields, replace
from typing import Any

from tollbook.api import Store, apply_corrections, latest_corrections, tally
from tollbook.model import CATEGORIES, CORRECTABLE, Claim, Correction, Document, Tally, number
from tollbook.output.serialize import (
    claim_to_dict,
    document_from_dict,
    document_to_dict,
    tally_to_dict,
)
from tollbook.store import pages
from tollbook.web.errors import BadRequest
from tollbook.web.settings import TEXT_WINDOW, WebSettings

DATE_PATTERN = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_DATE = DATE_PATTERN

#: A search is at most this many characters and distinct words: FTS5's cost grows faster
#: than linearly in the number of terms (2,000 terms took 2.7 s, 14,000 took 130 s).
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 16
#: Highest page number of the documents list (each page is `limit` documents).
MAX_PAGE = 10_000
#: Documents a filtered listing looks through before it stops and says so.
MAX_SCAN = 5_000
_BATCH = 200




@contextmanager
def open_store(settings: WebSettings) -> Iterator[Store]:
    """A store per request: sqlite3 connections stay on the thread that opened them."""
    # `tollbook serve` checked the file at start; a per-request page-by-page check would
    # cost every request the whole file.
    store = Store.open(settings.db, check=False)
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
    page: int = 1

    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name not in ("limit", "page"))

    def filtered(self) -> bool:
        return any((self.category, self.place, self.source, self.date_from, self.date_to))


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
    page = positive_int(get("page"), "page", MAX_PAGE)
    q = get("q") or ""
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(
            f"the search is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}",
            hint="search with fewer words",
        )
    if len(query_words(q)) > MAX_QUERY_TERMS:
        raise BadRequest(
            f"the search has more than {MAX_QUERY_TERMS} different words",
            hint="search with fewer, more specific words",
        )
    return DocQuery(
        q=q, category=category, place=get("place"), source=get("source"),
        date_from=get("date_from"), date_to=get("date_to"), limit=limit, page=page,
    )  # fmt: skip


def positive_int(raw: str | None, name: str, most: int) -> int:
    """A page number from a query parameter: 1 when absent, else 1..most or a 422."""
    if raw is None:
        return 1
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9 or not 1 <= int(raw) <= most:
        raise BadRequest(f"{name} {raw[:20]!r} is not a number from 1 to {most}")
    return int(raw)


def query_words(text: str) -> list[str]:
    """The distinct words of a search, in order (a repeated word adds nothing but cost)."""
    seen: dict[str, None] = {}
    for w in re.findall(r"\w+", text):
        seen.setdefault(w.casefold(), None)
    return list(seen)


def fts_query(text: str) -> str:
    """Words as typed -> an FTS5 query that cannot be a syntax error (each word quoted)."""
    words = query_words(text)[:MAX_QUERY_TERMS]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


@dataclass(frozen=True, slots=True)
class DocSummary:
    """One row of the documents list (its document carries no text: only `chars`)."""

    document: Document
    claims: int
    corrections: int
    tally: Tally  # as reviewed
    chars: int = 0


@dataclass(frozen=True, slots=True)
class DocPage:
    """One page of the documents list; `more` when a next page has documents, `capped` when
    a filtered listing stopped after MAX_SCAN documents."""

    summaries: tuple[DocSummary, ...]
    page: int
    more: bool
    capped: bool = False


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


def document_heads(store: Store, ids: Sequence[str]) -> tuple[Document, ...]:
    """Documents by id without their text (text "") in the order given."""
    return tuple(document_from_dict({**r, "text": ""}) for r in pages.heads_by_id(store, list(ids)))


def newest_heads(store: Store, count: int) -> tuple[Document, ...]:
    """The `count` newest documents without their text."""
    return tuple(document_from_dict({**r, "text": ""}) for r in pages.newest_heads(store, 0, count))


def _summary(store: Store, row: dict[str, Any], q: DocQuery) -> DocSummary | None:
    doc = document_from_dict({**row, "text": ""})
    corrections = store.corrections(doc.doc_id)
    claims = apply_corrections(store.claims(doc.doc_id), corrections)
    if not _matches(doc, claims, q):
        return None
    return DocSummary(doc, len(claims), len(corrections), tally(doc.doc_id, claims))


def _candidates(store: Store, q: DocQuery, count: int) -> Iterator[dict[str, Any]]:
    """Document heads in list order (search rank, else newest first), at most `count`."""
    if q.q:
        if not store.has_fts():
            raise BadRequest(
                "full-text search is unavailable in this database (its SQLite lacked FTS5)",
                hint="filter by category, place, source or date instead",
            )
        terms = fts_query(q.q)
        ids = store.backend.search(terms, count) if terms else []
        for i in range(0, len(ids), _BATCH):
            yield from pages.heads_by_id(store, ids[i : i + _BATCH])
        return
    for start in range(0, count, _BATCH):
        rows = pages.newest_heads(store, start, min(_BATCH, count - start))
        yield from rows
        if len(rows) < min(_BATCH, count - start):
            return


def list_documents(store: Store, q: DocQuery, *, with_chars: bool = False) -> DocPage:
    """One page of documents matching the query: full-text search first (best first), then
    the filters. Work is bounded: one page of documents without filters, at most MAX_SCAN
    documents looked at with them. `with_chars` counts each listed document's characters."""
    page = _list(store, q)
    if not with_chars or not page.summaries:
        return page
    ids = [s.document.doc_id for s in page.summaries]
    chars = pages.count_chars(store, ids)
    summaries = tuple(replace(s, chars=chars.get(s.document.doc_id, 0)) for s in page.summaries)
    return replace(page, summaries=summaries)


def _list(store: Store, q: DocQuery) -> DocPage:
    skip = (q.page - 1) * q.limit
    if not q.filtered():
        if q.q:
            rows = list(_candidates(store, q, skip + q.limit + 1))[skip:]
        else:
            rows = pages.newest_heads(store, skip, q.limit + 1)
        found = [s for r in rows[: q.limit] if (s := _summary(store, r, q)) is not None]
        return DocPage(tuple(found), q.page, more=len(rows) > q.limit)
    out: list[DocSummary] = []
    seen = 0
    for row in _candidates(store, q, MAX_SCAN):
        seen += 1
        summary = _summary(store, row, q)
        if summary is None:
            continue
        if skip:
            skip -= 1
            continue
        if len(out) == q.limit:
            return DocPage(tuple(out), q.page, more=True)
        out.append(summary)
    return DocPage(tuple(out), q.page, more=False, capped=seen >= MAX_SCAN)


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
    """Everything a document's page shows: one part of its text (`start`:`end`, part `part`
    of `parts`) with the claims that start in it; the tallies count every claim."""

    document: Document
    claims: tuple[ClaimView, ...]  # those that start in this part
    tally: Tally  # from the reviewed claims
    extracted_tally: Tally  # from the extractor's claims
    pieces: tuple[Piece, ...]
    corrections: tuple[Correction, ...]
    part: int = 1
    parts: int = 1
    start: int = 0
    end: int = 0
    claims_total: int = 0
    chars: int = 0  # of the whole document; `document.text` holds this part only

    def claim(self, claim_id: str) -> ClaimView | None:
        return next((c for c in self.claims if c.claim_id == claim_id), None)


def _changed(old: Claim, new: Claim) -> tuple[str, ...]:
    fields = ("value", "qualifier", "category", "population", "population_class", "detail")
    out = [f for f in fields if getattr(old, f) != getattr(new, f)]
    if old.source.speaker != new.source.speaker:
        out.append("source")
    if (old.place and old.place.text) != (new.place and new.place.text):
        out.append("place")
    if (old.event_date and old.event_date.value) != (new.event_date and new.event_date.value):
        out.append("event_date")
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


def pieces(text: str, claims: Sequence[ClaimView], offset: int = 0) -> tuple[Piece, ...]:
    """The text cut at claim spans; an overlapping span is left unhighlighted (card only).
    `text` starts at `offset` of the document (claim spans count from the document's start);
    a span that runs past the text's end is left unhighlighted too."""
    out: list[Piece] = []
    pos = 0
    for cv in sorted(claims, key=lambda v: (v.extracted.span[0], -v.extracted.span[1])):
        start, end = cv.extracted.span[0] - offset, cv.extracted.span[1] - offset
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            out.append(Piece(text[pos:start]))
        out.append(Piece(text[start:end], cv.claim_id, cv.claim.category, cv.status))
        pos = end
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return tuple(out)


def document_view(
    store: Store, doc_id: str, part: int = 1, window: int = TEXT_WINDOW
) -> DocumentView:
    """A document's page: part `part` of its text, `window` characters each, so that a page's
    size and the memory it takes stay bounded whatever the document's (only that part of
    the text is read from the store)."""
    full = store.resolve(doc_id)
    start = (part - 1) * window
    row = pages.text_part(store, full, start, window)
    chars = int(row["chars"] or 0)
    parts = max(1, -(-chars // window))
    if part > parts:
        raise BadRequest(f"part {part} does not exist: this document has {parts}",
                         hint=f"ask for a part from 1 to {parts}")  # fmt: skip
    text = str(row.pop("part_text") or "")
    doc = document_from_dict({**row, "text": text})  # text: this part only
    end = start + len(text)
    corrections = store.corrections(full)
    if parts > 1 and not corrections:
        return _part_view(store, doc, text, corrections, part, parts, start, end, chars)
    claims = store.claims(full)
    views = claim_views(claims, corrections)
    reviewed = [v.claim for v in views if v.status != "wrong"]
    shown = tuple(v for v in views if start <= v.extracted.span[0] < end or parts == 1)
    return DocumentView(
        document=doc, claims=shown, tally=tally(full, reviewed),
        extracted_tally=tally(full, claims), pieces=pieces(text, shown, start),
        corrections=corrections, part=part, parts=parts, start=start, end=end,
        claims_total=len(views), chars=chars,
    )  # fmt: skip


def _part_view(store: Store, doc: Document, text: str, corrections: tuple[Correction, ...],
               part: int, parts: int, start: int, end: int, chars: int) -> DocumentView:  # fmt: skip
    """A part of a long document nobody corrected: only the claims that start in the part
    are read (a 50 MB document holds claims by the hundred thousand), and both tallies are
    the stored one, which is what recomputing from the uncorrected claims gives."""
    versions = store.versions(doc.doc_id)
    if not versions:
        empty = Tally(doc.doc_id, ())
        return DocumentView(doc, (), empty, empty, pieces(text, (), start), corrections,
                            part, parts, start, end, 0, chars)  # fmt: skip
    claims, total = pages.claims_in_window(store, doc.doc_id, versions[-1], start, end)
    views = claim_views(claims, corrections)
    stored = store.tally(doc.doc_id)
    return DocumentView(
        document=doc, claims=views, tally=stored, extracted_tally=stored,
        pieces=pieces(text, views, start), corrections=corrections, part=part, parts=parts,
        start=start, end=end, claims_total=total, chars=chars,
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


def public_document_dict(doc: Document, *, with_text: bool = True) -> dict[str, Any]:
    """document_to_dict without `path`: where an ingested file lay on the server is not for
    the web (it shows the server's directories)."""
    out = document_to_dict(doc, with_text=with_text)
    out.pop("path", None)
    return out


def summary_to_dict(s: DocSummary) -> dict[str, Any]:
    out = public_document_dict(s.document, with_text=False)
    out.update(chars=s.chars, claims=s.claims, corrections=s.corrections,
               tally=tally_to_dict(s.tally))  # fmt: skip
    out["url_page"] = f"/documents/{s.document.doc_id}"
    return out


def document_view_to_dict(v: DocumentView) -> dict[str, Any]:
    doc = public_document_dict(v.document)
    doc["chars"] = v.chars
    return {
        "document": doc,
        "text_part": {"part": v.part, "parts": v.parts, "start": v.start, "end": v.end},
        "claims_total": v.claims_total,
        "tally": tally_to_dict(v.tally),
        "extracted_tally": tally_to_dict(v.extracted_tally),
        "claims": [claim_view_to_dict(c) for c in v.claims],
        "corrections": [correction_to_dict(c) for c in v.corrections],
    }
