"""JSON API under /api/: the same view models as the pages, as JSON (see openapi.py).

Changes (corrections, ingest) need `Authorization: Bearer <write token>`; cookies never
authenticate the API, so it needs no CSRF token.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tollbook.model import Correction
from tollbook.web.budget import Budget, budgeted, cancellable, request_budget
from tollbook.web.common import field, in_thread, read_form, settings_of
from tollbook.web.errors import BadRequest
from tollbook.web.ingesting import IngestOutcome, IngestRequest, run_ingest
from tollbook.web.openapi import openapi_document
from tollbook.web.reviewing import correction_from
from tollbook.web.security import require_write_api
from tollbook.web.settings import WebSettings
from tollbook.web.views import (
    MAX_PAGE,
    DocQuery,
    correction_to_dict,
    doc_query,
    document_view,
    document_view_to_dict,
    list_documents,
    open_store,
    positive_int,
    summary_to_dict,
)

#: Deepest nesting and longest integer a JSON body may have: no field of the API needs more,
#: and deeper or longer ones cost the parser (recursion) or float() (OverflowError).
MAX_JSON_DEPTH = 32
MAX_JSON_DIGITS = 30


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_DIGITS:
        raise ValueError(f"an integer of {len(text)} digits is longer than {MAX_JSON_DIGITS}")
    return int(text)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _check_values(data: object) -> None:
    """Refuse nesting deeper than MAX_JSON_DEPTH and strings that are not Unicode text (a
    lone surrogate such as \\ud800 cannot be stored or encoded)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError("a string holds a lone surrogate (\\ud800-\\udfff)") from exc
        elif isinstance(value, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise ValueError(f"nested deeper than {MAX_JSON_DEPTH} levels")
            items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items)


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """A request body -> a JSON object, or a 422 that says what is wrong with it."""
    try:
        data = json.loads(raw or b"null", parse_int=_bounded_int, parse_constant=_no_constant)
        _check_values(data)
    except RecursionError as exc:
        raise BadRequest(f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels",
                         hint="send a flat JSON object") from exc  # fmt: skip
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(f"the body is not valid JSON: {exc}", hint="send a JSON object") from exc
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object", hint='e.g. {"verdict": "correct", ...}')
    return data


async def _json_body(request: Request) -> dict[str, Any]:
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith("application/json"):
        raise BadRequest(
            f"expected a JSON body (Content-Type: application/json), not {ctype or 'none'}",
            hint="send a JSON object",
        )
    return parse_json_object(await request.body())


def _documents(settings: WebSettings, q: DocQuery, budget: Budget) -> dict[str, Any]:
    with open_store(settings) as store, budgeted(store, budget):
        page = list_documents(store, q, with_chars=True)
    query = {k: v for k, v in (("q", q.q), ("category", q.category), ("place", q.place),
             ("source", q.source), ("date_from", q.date_from), ("date_to", q.date_to)) if v}  # fmt: skip
    docs = page.summaries
    return {"query": query, "count": len(docs), "page": page.page, "more": page.more,
            "scan_capped": page.capped, "documents": [summary_to_dict(d) for d in docs]}  # fmt: skip


async def api_documents(request: Request) -> Response:
    settings = settings_of(request)
    q = doc_query(request.query_params, settings.page_size)
    budget = request_budget(settings)
    return JSONResponse(await cancellable(request, budget, _documents, settings, q, budget))


def _document(settings: WebSettings, doc_id: str, part: int, budget: Budget) -> dict[str, Any]:
    with open_store(settings) as store, budgeted(store, budget):
        view = document_view(store, doc_id, part, settings.text_window)
        return document_view_to_dict(view)


async def api_document(request: Request) -> Response:
    settings = settings_of(request)
    part = positive_int(request.query_params.get("part"), "part", MAX_PAGE)
    budget = request_budget(settings)
    doc_id = request.path_params["doc_id"]
    return JSONResponse(await cancellable(request, budget, _document, settings, doc_id, part, budget))


def _corrections(settings: WebSettings, doc_id: str, claim_id: str) -> dict[str, Any]:
    with open_store(settings) as store:
        full = store.resolve(doc_id)
        store.claim(claim_id, doc_id=full)  # 404 for an unknown claim
        items = store.corrections(full, claim_id)
    return {
        "doc_id": full,
        "claim_id": claim_id,
        "corrections": [correction_to_dict(c) for c in items],
    }


async def api_corrections(request: Request) -> Response:
    settings = settings_of(request)
    p = request.path_params
    return JSONResponse(await in_thread(_corrections, settings, p["doc_id"], p["claim_id"]))


def _add_correction(
    settings: WebSettings, doc_id: str, claim_id: str, body: dict[str, Any]
) -> Correction:
    with open_store(settings) as store:
        full = store.resolve(doc_id)
        return store.add_correction(correction_from(full, claim_id, body))


async def api_add_correction(request: Request) -> Response:
    settings = settings_of(request)
    require_write_api(request, settings)
    body = await _json_body(request)
    p = request.path_params
    saved = await in_thread(_add_correction, settings, p["doc_id"], p["claim_id"], body)
    return JSONResponse(correction_to_dict(saved), status_code=201)


def _ingest(settings: WebSettings, req: IngestRequest) -> IngestOutcome:
    with open_store(settings) as store:
        return run_ingest(store, req, settings)


def _opt(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(f"{name} must be a string, not {type(value).__name__}")
    return value.strip()


async def api_ingest(request: Request) -> Response:
    settings = settings_of(request)
    require_write_api(request, settings)
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await read_form(request)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise BadRequest(
                "a multipart ingest needs a 'file' part", hint="attach the file as 'file'"
            )
        body: dict[str, Any] = {k: field(form, k) for k in ("title", "publisher", "published")}
        req = IngestRequest(filename=upload.filename or "upload", data=await upload.read(),
                            content_type=upload.content_type or "", title=body["title"] or None,
                            publisher=body["publisher"] or None, published=body["published"] or None)  # fmt: skip
    else:
        body = await _json_body(request)
        req = IngestRequest(
            text=_opt(body, "text"), url=_opt(body, "url"), title=_opt(body, "title") or None,
            publisher=_opt(body, "publisher") or None, published=_opt(body, "published") or None,
        )  # fmt: skip
    outcome = await in_thread(_ingest, settings, req)
    docs = [{"doc_id": d, "title": t, "claims": n, "url_page": f"/documents/{d}"}
            for d, t, n in outcome.documents]  # fmt: skip
    failures = [{"source": s, "message": m} for s, m in outcome.failures]
    status = 201 if docs else 422
    if not docs:
        message = failures[0]["message"] if failures else "nothing to ingest"
        return JSONResponse({"error": {"type": "IngestError", "message": message,
                                       "hint": "check the input's format"}, "failures": failures},
                            status_code=status)  # fmt: skip
    return JSONResponse({"documents": docs, "failures": failures}, status_code=status)


async def api_openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


ROUTES = [
    Route("/api/openapi.json", api_openapi, methods=["GET"]),
    Route("/api/documents", api_documents, methods=["GET"]),
    Route("/api/documents/{doc_id}", api_document, methods=["GET"]),
    Route("/api/claims/{doc_id}/{claim_id}/corrections", api_corrections, methods=["GET"]),
    Route("/api/claims/{doc_id}/{claim_id}/corrections", api_add_correction, methods=["POST"]),
    Route("/api/ingest", api_ingest, methods=["POST"]),
]
