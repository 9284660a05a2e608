"""Event and compare routes (pages and JSON) over `tollbook.api.events/event/compare`.

Events and findings are computed from reviewed claims (the api applies corrections), so a
reviewer's correction shows in the event's figures too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tollbook import api
from tollbook.events.compare import Comparison, comparison_rows
from tollbook.events.reconcile import EventFindings
from tollbook.model import Document, Tally
from tollbook.output.events_json import event_findings_to_dict, event_to_dict, finding_to_dict
from tollbook.output.serialize import document_to_dict, tally_to_dict
from tollbook.web.charts import Chart, MapModel, chart, event_map
from tollbook.web.common import in_thread, render, settings_of
from tollbook.web.errors import BadRequest
from tollbook.web.settings import WebSettings
from tollbook.web.views import open_store


def _events(settings: WebSettings) -> tuple[EventFindings, ...]:
    with open_store(settings) as store:
        return api.events(store)


def _event(settings: WebSettings, event_id: str) -> tuple[EventFindings, dict[str, Document]]:
    with open_store(settings) as store:
        ef = api.event(store, event_id)
        docs = {d: store.document(d) for d in ef.event.doc_ids}
        return ef, docs


async def events_page(request: Request) -> Response:
    events = await in_thread(_events, settings_of(request))
    return render(request, "events.html", {"events": events})


async def event_page(request: Request) -> Response:
    ef, docs = await in_thread(_event, settings_of(request), request.path_params["event_id"])
    model: Chart = chart(ef)
    places: MapModel = event_map(ef)
    return render(request, "event.html", {"ef": ef, "e": ef.event, "docs": docs, "chart": model,
                                          "map": places})  # fmt: skip


async def api_events(request: Request) -> Response:
    events = await in_thread(_events, settings_of(request))
    rows = []
    for ef in events:
        row = event_to_dict(ef.event)
        row["findings"] = [finding_to_dict(f) for f in ef.findings]
        row["url_page"] = f"/events/{ef.event.event_id}"
        rows.append(row)
    return JSONResponse({"count": len(rows), "events": rows})


async def api_event(request: Request) -> Response:
    ef, _ = await in_thread(_event, settings_of(request), request.path_params["event_id"])
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
        return CompareView(
            a=store.document(cmp.doc_a), b=store.document(cmp.doc_b),
            tally_a=tallies.get(cmp.doc_a, empty_a), tally_b=tallies.get(cmp.doc_b, empty_b),
            comparison=cmp,
        )  # fmt: skip


def _docs(settings: WebSettings) -> tuple[Document, ...]:
    with open_store(settings) as store:
        return tuple(reversed(store.documents()))


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
        "a": document_to_dict(view.a, with_text=False), "b": document_to_dict(view.b, with_text=False),
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
