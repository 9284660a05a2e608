"""Requests -> allowed or refused: CSRF, the write token, body size, URL fetching.

- CSRF (double submit): a random token lives in a cookie signed with the app secret; every
  form carries the same token in a hidden field; a POST passes only when both agree and the
  signature holds. JSON API calls authenticate with a bearer token instead of cookies, so
  they need no CSRF token.
- Write token: API changes need `Authorization: Bearer <token>`; in the browser the token is
  entered once on /login, which starts a server-side session (`tollbook.web.sessions`): the
  HttpOnly cookie holds a random session id, revoked at logout; wrong tokens are throttled.
- Body limit: an ASGI middleware refuses bodies over the limit with 413 (Content-Length
  first, then by counting what arrives).
- Host allow-list: a request for another Host name gets 400 (DNS rebinding).
- URL fetching: see `tollbook.web.fetching`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tollbook.web.errors import (
    CSRFError,
    PayloadTooLarge,
    ReadOnly,
    Unauthorized,
    error_body,
)
from tollbook.web.fetching import Fetched, check_url, fetch_url, system_resolve
from tollbook.web.sessions import Sessions, Throttle
from tollbook.web.settings import WebSettings

# URL fetching lives in tollbook.web.fetching; its names stay importable from here.
__all__ = ["Fetched", "check_url", "fetch_url", "system_resolve"]

CSRF_COOKIE = "tollbook_csrf"
CSRF_FIELD = "csrf_token"
WRITE_COOKIE = "tollbook_write"
MAX_REDIRECTS = 5
# Room for multipart boundaries and the small form fields beside an upload.
_FORM_OVERHEAD = 64 * 1024


def _sign(secret: bytes, value: str) -> str:
    return hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()


# -- CSRF ----------------------------------------------------------------------------------


def new_csrf_cookie(secret: bytes) -> tuple[str, str]:
    """(token for the form, cookie value = token.signature)."""
    token = secrets.token_urlsafe(24)
    return token, f"{token}.{_sign(secret, 'csrf:' + token)}"


def csrf_from_cookie(secret: bytes, cookie: str | None) -> str | None:
    """The token inside a correctly signed CSRF cookie, else None."""
    if not cookie or "." not in cookie:
        return None
    token, _, sig = cookie.rpartition(".")
    if hmac.compare_digest(sig, _sign(secret, "csrf:" + token)):
        return token
    return None


def check_csrf(request: Request, settings: WebSettings, submitted: object) -> None:
    token = csrf_from_cookie(settings.secret, request.cookies.get(CSRF_COOKIE))
    if token is None or not isinstance(submitted, str) or not hmac.compare_digest(token, submitted):
        raise CSRFError(
            "the form's CSRF token is missing or does not match this browser's cookie",
            hint="reload the page and submit the form again (cookies must be enabled)",
        )


# -- write token ---------------------------------------------------------------------------


def token_matches(settings: WebSettings, given: str) -> bool:
    expected = settings.write_token or ""
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def sessions_of(request: Request) -> Sessions:
    sessions: Sessions = request.app.state.sessions
    return sessions


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def check_token(request: Request, settings: WebSettings, given: str) -> bool:
    """Whether `given` is the write token; wrong ones count against the client's address
    (TooManyAttempts once it made too many, even for a right one)."""
    throttle: Throttle = request.app.state.throttle
    throttle.check(_client(request))
    if token_matches(settings, given):
        return True
    throttle.failed(_client(request))
    return False


def can_write(request: Request, settings: WebSettings) -> bool:
    """Whether this browser holds a live session from signing in with the write token."""
    if not settings.writable:
        return False
    return sessions_of(request).valid(request.cookies.get(WRITE_COOKIE, ""))


def require_write_api(request: Request, settings: WebSettings) -> None:
    """API changes: the bearer token must equal the configured write token."""
    if not settings.writable:
        raise ReadOnly(
            "this server is read-only: it was started without a write token",
            hint="start it with TOLLBOOK_WRITE_TOKEN to allow changes",
        )
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not check_token(request, settings, given.strip()):
        raise Unauthorized(
            "this change needs the write token",
            hint="send the header 'Authorization: Bearer <write token>'",
        )


def require_write_form(request: Request, settings: WebSettings) -> None:
    """Browser changes: signed in with the write token (cookie)."""
    if not settings.writable:
        raise ReadOnly(
            "this server is read-only: it was started without a write token",
            hint="start it with TOLLBOOK_WRITE_TOKEN to allow changes",
        )
    if not can_write(request, settings):
        raise Unauthorized("this change needs the write token", hint="sign in on /login first")


# -- body size -----------------------------------------------------------------------------


class _TooLarge(Exception):
    """Raised inside `receive` when the body passes the limit (caught by the middleware)."""


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets 413 with the error shape."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _refuse(self) -> JSONResponse:
        err = PayloadTooLarge("x")
        body = error_body(
            err.type_name,
            f"the request body is larger than the limit of {self.limit} bytes",
            "send a smaller file or text, or start the server with a larger --max-upload-bytes",
        )
        return JSONResponse(body, status_code=413)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit + _FORM_OVERHEAD
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._refuse()(scope, receive, send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if started:
                raise
            await self._refuse()(scope, receive, send)


def host_name(header: str) -> str:
    """A Host header -> its name without the port, lower case ("[::1]:8000" -> "[::1]")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    name, sep, port = header.rpartition(":")
    return name if sep and port.isdigit() else header


class HostAllowList:
    """ASGI middleware: a request whose Host header is not allowed gets 400.

    Without it, a page on any site could rebind its own name to 127.0.0.1 and read the
    store with the visitor's browser (DNS rebinding): the browser sends that site's name."""

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or []).get(b"host", b"")
        name = host_name(raw.decode("latin-1"))
        if name in self.hosts:
            await self.app(scope, receive, send)
            return
        body = error_body("BadHost", f"this server does not answer to the host name {name[:80]!r}",
                          "open the address the server printed at start, or start it with "
                          "--allowed-host NAME")  # fmt: skip
        await JSONResponse(body, status_code=400)(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: a strict Content-Security-Policy and friends on every response."""

    HEADERS = (
        (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; "
         b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
         b"frame-ancestors 'none'"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )  # fmt: skip

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.HEADERS if k not in names]
                if not static and b"cache-control" not in names:
                    # Pages carry CSRF tokens and what a signed-in reviewer saw: no cache
                    # (shared or the browser's back button) may keep them.
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
