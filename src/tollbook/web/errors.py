"""Exceptions of any request -> one error shape.

JSON (under /api/, or when the client asks for JSON): {"error": {"type", "message", "hint"?}}
with the HTTP status; HTML pages show the same fields in a page. Tollbook errors map to
statuses by class (NotFoundError 404, InputError 422, ...); anything else is a 500 whose
message hides internals (it is logged with its traceback).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from tollbook._exceptions import ConfigError, InputError, NotFoundError, TollbookError
from tollbook.store.backends import redact

log = logging.getLogger("tollbook.web")


class WebError(TollbookError):
    """A request the app refuses: carries its HTTP status, a type name and a hint."""

    status = 400
    type_name = "BadRequest"

    def __init__(self, message: str, *, hint: str | None = None, source: str | None = None):
        super().__init__(message, source=source)
        self.hint = hint


class BadRequest(WebError):
    """A malformed request (bad JSON, missing field, wrong value)."""

    status = 422
    type_name = "ValidationError"


class Unauthorized(WebError):
    """A change asked for without the write token."""

    status = 401
    type_name = "Unauthorized"


class ReadOnly(WebError):
    """A change asked of an app started without a write token."""

    status = 403
    type_name = "ReadOnly"


class CSRFError(WebError):
    """A form POST without a valid CSRF token."""

    status = 403
    type_name = "CSRFError"


class PayloadTooLarge(WebError):
    """A request body or a fetched page over the size limit."""

    status = 413
    type_name = "PayloadTooLarge"


class FetchRefused(WebError):
    """A URL the app will not fetch (scheme, private address, size, time)."""

    status = 422
    type_name = "FetchRefused"


_HTTP_TYPES = {
    400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound",
    405: "MethodNotAllowed", 413: "PayloadTooLarge", 415: "UnsupportedMediaType",
    422: "ValidationError", 500: "ServerError",
}  # fmt: skip
_HTTP_HINTS = {
    404: "check the address; /documents lists the documents and /api/openapi.json the API",
    405: "see /api/openapi.json for the methods each route accepts",
}


def error_body(type_name: str, message: str, hint: str | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"type": type_name, "message": message}
    if hint:
        err["hint"] = hint
    return {"error": err}


def classify(exc: BaseException) -> tuple[int, dict[str, Any]]:
    """An exception -> (status, error body)."""
    if isinstance(exc, WebError):
        return exc.status, error_body(exc.type_name, exc.message, exc.hint)
    if isinstance(exc, HTTPException):
        status = exc.status_code
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return status, error_body(
            _HTTP_TYPES.get(status, "HTTPError"), message, _HTTP_HINTS.get(status)
        )
    if isinstance(exc, NotFoundError):
        return 404, error_body("NotFound", exc.message)
    if isinstance(exc, InputError):
        return 422, error_body(type(exc).__name__, exc.message)
    if isinstance(exc, ConfigError):
        return 500, error_body("ConfigError", exc.message)
    if isinstance(exc, TollbookError):
        log.error("request failed: %s", exc)
        return 500, error_body(type(exc).__name__, exc.message)
    log.exception("unexpected error", exc_info=exc)
    return 500, error_body(
        "ServerError", "the server failed to answer this request",
        "try again; if it keeps failing, the server log has the traceback",
    )  # fmt: skip


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _scrub(message: str, db: str) -> str:
    """The message without the database's location: store errors name their file (useful on
    the command line), which tells a web visitor where the server keeps its data."""
    if not db or db == ":memory:":
        return message
    for form in sorted({db, redact(db), str(Path(db).expanduser()),
                        str(Path(db).expanduser().resolve())},
                       key=len, reverse=True):  # fmt: skip
        message = message.replace(form, "the database")
    return message


def error_response(request: Request, exc: BaseException) -> Response:
    status, body = classify(exc)
    settings = getattr(request.app.state, "settings", None)
    db = getattr(settings, "db", "")
    body["error"]["message"] = _scrub(str(body["error"]["message"]), db)
    headers = dict(exc.headers) if isinstance(exc, HTTPException) and exc.headers else None
    if wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    html = templates.get_template("error.html").render(
        request=request,
        status=status,
        error=body["error"],
        settings=request.app.state.settings,
        csrf_token="",
    )
    return HTMLResponse(html, status_code=status, headers=headers)


async def handle(request: Request, exc: Exception) -> Response:
    return error_response(request, exc)
