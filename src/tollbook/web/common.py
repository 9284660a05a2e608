"""Request -> what every route needs: settings, rendered pages with a CSRF cookie, parsed forms,
and the store work run off the event loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from tollbook.model import CATEGORIES, POPULATION_CLASSES, QUALIFIERS
from tollbook.version import EXTRACTOR_VERSION, __version__
from tollbook.web.errors import BadRequest, PayloadTooLarge
from tollbook.web.security import CSRF_COOKIE, can_write, csrf_from_cookie, new_csrf_cookie
from tollbook.web.settings import WebSettings

T = TypeVar("T")


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def templates_of(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


async def in_thread(func: Callable[..., T], *args: Any) -> T:
    """Run blocking store/pipeline work in the thread pool."""
    return await run_in_threadpool(func, *args)


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """A page with the shared context; sets the signed CSRF cookie when the browser lacks one."""
    settings = settings_of(request)
    token = csrf_from_cookie(settings.secret, request.cookies.get(CSRF_COOKIE))
    cookie = None
    if token is None:
        token, cookie = new_csrf_cookie(settings.secret)
    ctx = {
        "request": request, "settings": settings, "csrf_token": token,
        "can_write": can_write(request, settings), "categories": CATEGORIES,
        "qualifiers": QUALIFIERS, "population_classes": POPULATION_CLASSES, "version": __version__, "extractor_version": EXTRACTOR_VERSION,
        **context,
    }  # fmt: skip
    html = templates_of(request).get_template(template).render(ctx)
    response = HTMLResponse(html, status_code=status)
    if cookie is not None:
        response.set_cookie(
            CSRF_COOKIE, cookie, httponly=True, samesite="strict", secure=settings.secure_cookies
        )
    return response


async def read_form(request: Request) -> FormData:
    """The form of a POST, with the app's size limits (the body itself is capped earlier)."""
    settings = settings_of(request)
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        raise BadRequest(
            f"expected a form (application/x-www-form-urlencoded or multipart/form-data), not {ctype or 'no content type'}",
            hint="submit the page's form",
        )
    try:
        return await request.form(
            max_files=1, max_fields=50, max_part_size=settings.max_upload_bytes
        )
    except (MultiPartException, HTTPException) as exc:
        # Starlette turns multipart errors into HTTPException(400); the size one gets 413.
        detail = str(getattr(exc, "detail", "") or exc)
        if "maximum size" in detail:
            raise PayloadTooLarge(
                f"a form field is larger than the limit of {settings.max_upload_bytes} bytes",
                hint="send a smaller file or text, or start the server with a larger --max-upload-bytes",
            ) from exc
        raise BadRequest(
            f"could not read the form: {detail}", hint="submit the page's form"
        ) from exc


def field(form: FormData | dict[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""
