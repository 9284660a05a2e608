"""Event and compare routes (pages and JSON) over `tollbook.api.events/event/compare`.

Events and findings are computed from reviewed claims (the api applies corrections), so a
reviewer's correction shows in the event's figures too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tollbook import api
from tollbook.events.compare import Comparison, comparison_rows
from tollbook.events.reconcile import EventFindings, analyse
from tollbook.model import Document, Tally
from tollbook.output.events_json import event_findings_to_dict, event_to_dict, finding_to_dict
from tollbook.output.serialize import tally_to_dict
from tollbook.store import pages
from tollbook.store.database import Store
from tollbook.web.charts import Chart, MapModel, chart, event_map
from tollbook.web.common import in_thread, render, settings_of
from tollbook.web.errors import BadRequest
from tollbook.web.settings import WebSettings
from tollbook.web.views import (
    MAX_PAGE,
    document_heads,
    newest_heads,
    open_store,
    positive_int,
    public_document_dict,
)


class EventsCache:
    """The events of the store, computed once per state of the store.

    Events are read off every document and claim (grouping, near-duplicates), so computing
    them per request let each visitor start the whole analysis again (33 s per request on a
    store with one 50 MB document). The result is kept with a fingerprint of the store
    (documents, extractions, corrections) and computed again only when that changes, by one
    thread at a time: while it computes, others get the previous result (an ingest that
    writes all the time would otherwise make every visitor wait), or wait for the first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._value: tuple[EventFindings, ...] | None = None

    def get(self, store: Store) -> tuple[EventFindings, ...]:
        key = pages.state_fingerprint(store)
        if key == self._key and self._value is not None:
            return self._value
        if self._value is not None and not self._lock.acquire(blocking=False):
            return self._value  # another thread is computing the new state
        if self._value is None:
            self._lock.acquire()
        try:
            if key != self._key or self._value is None:
                self._value = compute_events(store)
                self._key = key
            return self._value
        finally:
            self._lock.release()


def compute_events(store: Store) -> tuple[EventFindings, ...]:
    """api.events, reading only the documents that have claims: a document without claims
    takes part in no event, and reading (and date-scanning) a 50 MB one for nothing cost
    every computation seconds and hundreds of MB."""
    claims = api.reviewed_claims(store)
    ids = sorted({c.doc_id for c in claims})
    return analyse(tuple(store.document(d) for d in ids), claims)


def _cache(request: Request) -> EventsCache:
    cache: EventsCache = request.app.state.events_cache
    return cache


def _events(settings: WebSettings, cache: EventsCache) -> tuple[EventFindings, ...]:
    with open_store(settings) as store:
        return cache.get(store)


def _find(events: tuple[EventFindings, ...], event_id: str) -> EventFindings:
    """One event by id or unique id prefix (>= 4 characters), as api.event finds it; the
    message names no store location."""
    return api.find_event(events, event_id, missing="; the events page lists them")


def _event(
    settings: WebSettings, cache: EventsCache, event_id: str
) -> tuple[EventFindings, dict[str, Document]]:
    with open_store(settings) as store:
        ef = _find(cache.get(store), event_id)
        heads = document_heads(store, ef.event.doc_ids)
        return ef, {d.doc_id: d for d in heads}


def _page(events: tuple[EventFindings, ...], page: int, size: int) -> tuple[EventFindings, ...]:
    start = (page - 1) * size
    if start and start >= len(events):
        raise BadRequest(f"page {page} is past the last page of events",
                         hint="go back to /events")  # fmt: skip
    return events[start : start + size]


async def events_page(request: Request) -> Response:
    settings = settings_of(request)
    page = positive_int(request.query_params.get("page"), "page", MAX_PAGE)
    events = await in_thread(_events, settings, _cache(request))
    shown = _page(events, page, settings.page_size)
    more = page * settings.page_size < len(events)
    return render(request, "events.html", {"events": shown, "total": len(events), "page": page,
                                           "more": more})  # fmt: skip


async def event_page(request: Request) -> Response:
    ef, docs = await in_thread(_event, settings_of(request), _cache(request), request.path_params["event_id"])
    model: Chart = chart(ef)
    places: MapModel = event_map(ef)
    return render(request, "event.html", {"ef": ef, "e": ef.event, "docs": docs, "chart": model,
                                          "map": places})  # fmt: skip


async def api_events(request: Request) -> Response:
    settings = settings_of(request)
    page = positive_int(request.query_params.get("page"), "page", MAX_PAGE)
    events = await in_thread(_events, settings, _cache(request))
    shown = _page(events, page, settings.page_size)
    rows = []
    for ef in shown:
        row = event_to_dict(ef.event)
        row["findings"] = [finding_to_dict(f) for f in ef.findings]
        row["url_page"] = f"/events/{ef.event.event_id}"
        rows.append(row)
    more = page * settings.page_size < len(events)
    return JSONResponse({"count": len(rows), "total": len(events), "page": page, "more": more,
                         "events": rows})  # fmt: skip


async def api_event(request: Request) -> Response:
    ef, _ = await in_thread(_event, settings_of(request), _cache(request), request.path_params["event_id"])
    out = event_findings_to_dict(ef)
    out["url_page"] = f"/events/{ef.event.event_id}"
    return JSONResponse(out)


@dataclass(frozen=True, slots=True)
class CompareView:
    """Two documents, their tallies (as reviewed) and the claim-by-claim comparison."""

    a: Document
    b: Document
    tally_a: Tally
    tally_b: Tally
    comparison: Comparison


def _compare(settings: WebSettings, a: str, b: str) -> CompareView:
    with open_store(settings) as store:
        cmp = api.compare(store, a, b)
        tallies = {t.doc_id: t for t in api.reviewed_tallies(store)}
        empty_a, empty_b = Tally(cmp.doc_a, ()), Tally(cmp.doc_b, ())
        heads = {d.doc_id: d for d in document_heads(store, (cmp.doc_a, cmp.doc_b))}
        return CompareView(
            a=heads[cmp.doc_a], b=heads[cmp.doc_b],
            tally_a=tallies.get(cmp.doc_a, empty_a), tally_b=tallies.get(cmp.doc_b, empty_b),
            comparison=cmp,
        )  # fmt: skip


#: Documents offered in the compare page's pickers (newest first); ids can be typed too.
_PICKER = 1000


def _docs(settings: WebSettings) -> tuple[Document, ...]:
    with open_store(settings) as store:
        return newest_heads(store, _PICKER)


def _pair(request: Request, *, required: bool) -> tuple[str, str] | None:
    a = (request.query_params.get("a") or "").strip()
    b = (request.query_params.get("b") or "").strip()
    if a and b:
        return a, b
    if required:
        raise BadRequest("compare needs two documents: a and b", hint="e.g. /api/compare?a=ID&b=ID")
    return None


async def compare_page(request: Request) -> Response:
    settings = settings_of(request)
    pair = _pair(request, required=False)
    docs = await in_thread(_docs, settings)
    view = await in_thread(_compare, settings, *pair) if pair else None
    return render(request, "compare.html", {
        "docs": docs, "view": view, "a": request.query_params.get("a", ""),
        "b": request.query_params.get("b", ""),
    })  # fmt: skip


async def api_compare(request: Request) -> Response:
    pair = _pair(request, required=True)
    assert pair is not None
    view = await in_thread(_compare, settings_of(request), *pair)
    out: dict[str, Any] = {
        "a": public_document_dict(view.a, with_text=False), "b": public_document_dict(view.b, with_text=False),
        "tally_a": tally_to_dict(view.tally_a), "tally_b": tally_to_dict(view.tally_b),
        "counts": {s: len(view.comparison.of(s)) for s in ("added", "removed", "changed", "unchanged")},
        "rows": comparison_rows(view.comparison),
    }  # fmt: skip
    return JSONResponse(out)


ROUTES = [
    Route("/events", events_page, methods=["GET"], name="events"),
    Route("/events/{event_id}", event_page, methods=["GET"]),
    Route("/compare", compare_page, methods=["GET"], name="compare"),
    Route("/api/events", api_events, methods=["GET"]),
    Route("/api/events/{event_id}", api_event, methods=["GET"]),
    Route("/api/compare", api_compare, methods=["GET"]),
]
