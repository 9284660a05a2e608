"""HTML routes: documents (list, search, page), review forms, ingest, sign-in.

Each handler parses the request, runs the store work in a thread (`common.in_thread`) and
renders a template; every change needs the signed-in write token and the form's CSRF token.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from tollbook.model import CORRECTABLE
from tollbook.web.budget import Budget, budgeted, cancellable, request_budget
from tollbook.web.common import field, in_thread, read_form, render, settings_of
from tollbook.web.errors import BadRequest, Unauthorized
from tollbook.web.ingesting import IngestOutcome, IngestRequest, run_ingest
from tollbook.web.reviewing import correction_from
from tollbook.web.security import (
    WRITE_COOKIE,
    check_csrf,
    check_token,
    require_write_form,
    sessions_of,
)
from tollbook.web.settings import WebSettings
from tollbook.web.views import (
    MAX_PAGE,
    DocPage,
    DocQuery,
    DocumentView,
    doc_query,
    document_view,
    list_documents,
    open_store,
    positive_int,
)


def _list(settings: WebSettings, q: DocQuery, budget: Budget) -> tuple[DocPage, bool]:
    with open_store(settings) as store, budgeted(store, budget):
        return list_documents(store, q), store.has_fts()


async def documents_page(request: Request) -> Response:
    settings = settings_of(request)
    q = doc_query(request.query_params, settings.page_size)
    budget = request_budget(settings)
    page, fts = await cancellable(request, budget, _list, settings, q, budget)
    return render(request, "documents.html", {"docs": page.summaries, "page": page, "q": q,
                                              "fts": fts, "page_query": page_query(q)})  # fmt: skip


def page_query(q: DocQuery) -> str:
    """The list's query string without its page number (for next/previous links)."""
    pairs = [(k, v) for k, v in (("q", q.q), ("category", q.category), ("place", q.place),
             ("source", q.source), ("date_from", q.date_from), ("date_to", q.date_to),
             ("limit", str(q.limit))) if v]  # fmt: skip
    return urlencode(pairs)


def _view(settings: WebSettings, doc_id: str, part: int, budget: Budget) -> DocumentView:
    with open_store(settings) as store, budgeted(store, budget):
        return document_view(store, doc_id, part, settings.text_window)


async def document_page(request: Request) -> Response:
    settings = settings_of(request)
    part = positive_int(request.query_params.get("part"), "part", MAX_PAGE)
    budget = request_budget(settings)
    doc_id = request.path_params["doc_id"]
    view = await cancellable(request, budget, _view, settings, doc_id, part, budget)
    selected = request.query_params.get("claim")
    return render(
        request, "document.html", {"view": view, "doc": view.document, "selected": selected}
    )


def _save_correction(
    settings: WebSettings, doc_id: str, claim_id: str, data: dict[str, str]
) -> str:
    with open_store(settings) as store:
        full = store.resolve(doc_id)
        store.add_correction(correction_from(full, claim_id, data))
        return full


async def review_claim(request: Request) -> Response:
    settings = settings_of(request)
    form = await read_form(request)
    check_csrf(request, settings, form.get("csrf_token"))
    require_write_form(request, settings)
    names = ("verdict", "reviewer", "reason", *CORRECTABLE)
    data = {n: field(form, n) for n in names}
    doc_id, claim_id = request.path_params["doc_id"], request.path_params["claim_id"]
    full = await in_thread(_save_correction, settings, doc_id, claim_id, data)
    return RedirectResponse(f"/documents/{full}?claim={claim_id}#claim-{claim_id}", status_code=303)


async def ingest_page(request: Request) -> Response:
    return render(request, "ingest.html", {"outcome": None})


def _ingest(settings: WebSettings, req: IngestRequest) -> IngestOutcome:
    with open_store(settings) as store:
        return run_ingest(store, req, settings)


async def ingest_submit(request: Request) -> Response:
    settings = settings_of(request)
    form = await read_form(request)
    check_csrf(request, settings, form.get("csrf_token"))
    require_write_form(request, settings)
    upload = form.get("file")
    filename, data, ctype = "", b"", ""
    if upload is not None and not isinstance(upload, str) and upload.filename:
        filename, data = upload.filename, await upload.read()
        ctype = upload.content_type or ""
    req = IngestRequest(
        text=field(form, "text"), filename=filename, data=data, content_type=ctype,
        url=field(form, "url"), title=field(form, "title") or None,
        publisher=field(form, "publisher") or None, published=field(form, "published") or None,
    )  # fmt: skip
    outcome = await in_thread(_ingest, settings, req)
    if len(outcome.documents) == 1 and not outcome.failures:
        return RedirectResponse(f"/documents/{outcome.documents[0][0]}", status_code=303)
    status = 422 if outcome.failures and not outcome.documents else 200
    return render(request, "ingest.html", {"outcome": outcome}, status=status)


async def login_page(request: Request) -> Response:
    return render(request, "login.html", {"failed": False})


async def login_submit(request: Request) -> Response:
    settings = settings_of(request)
    form = await read_form(request)
    check_csrf(request, settings, form.get("csrf_token"))
    if not settings.writable:
        raise BadRequest("this server is read-only; there is nothing to sign in to",
                         hint="start it with --write-token to allow changes")  # fmt: skip
    if not check_token(request, settings, field(form, "token")):
        raise Unauthorized("wrong write token", hint="ask whoever started the server for it")
    target = field(form, "next")
    target = target if target.startswith("/") and not target.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    old = request.cookies.get(WRITE_COOKIE, "")
    if old:
        sessions_of(request).revoke(old)  # a fresh id at every sign-in (no session fixation)
    response.set_cookie(
        WRITE_COOKIE, sessions_of(request).create(), httponly=True, samesite="strict",
        secure=settings.secure_cookies,
    )  # fmt: skip
    return response


async def logout(request: Request) -> Response:
    settings = settings_of(request)
    form = await read_form(request)
    check_csrf(request, settings, form.get("csrf_token"))
    sessions_of(request).revoke(request.cookies.get(WRITE_COOKIE, ""))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(WRITE_COOKIE, httponly=True, samesite="strict",
                           secure=settings.secure_cookies)  # fmt: skip
    return response


ROUTES = [
    Route("/", documents_page, methods=["GET"], name="home"),
    Route("/documents", documents_page, methods=["GET"], name="documents"),
    Route("/documents/{doc_id}", document_page, methods=["GET"], name="document"),
    Route("/documents/{doc_id}/claims/{claim_id}/review", review_claim, methods=["POST"]),
    Route("/ingest", ingest_page, methods=["GET"], name="ingest"),
    Route("/ingest", ingest_submit, methods=["POST"]),
    Route("/login", login_page, methods=["GET"], name="login"),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
