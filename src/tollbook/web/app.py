"""WebSettings -> the Starlette app: pages, JSON API, static assets, error handling, security.

    from tollbook.web.app import create_app, WebSettings
    app = create_app(WebSettings(db="conflict.db", write_token=os.environ["TOLLBOOK_WRITE_TOKEN"]))

Templates are Jinja2 with autoescaping on, so document text and metadata are always inert
text; a strict Content-Security-Policy allows only the app's own script and styles.
"""

from __future__ import annotations

import math
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from tollbook._exceptions import TollbookError
from tollbook.web import api_routes, events_pages, pages
from tollbook.web.errors import handle
from tollbook.web.security import BodyLimit, HostAllowList, SecurityHeaders
from tollbook.web.sessions import Sessions, Throttle
from tollbook.web.settings import WebSettings

HERE = Path(__file__).resolve().parent

__all__ = ["WebSettings", "create_app"]


def fmt_number(value: object) -> str:
    """613 -> "613", 1275 -> "1,275", 2.5 -> "2.5"; None -> "" (for tables)."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def http_url(value: object) -> str | None:
    """The URL when it is http(s), else None: a `javascript:` URL is never made a link."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    env.filters["num"] = fmt_number
    env.filters["http_url"] = http_url
    return Jinja2Templates(env=env)


def create_app(settings: WebSettings) -> Starlette:
    """The web app on settings.db; read-only unless settings.write_token is set."""
    routes = [
        *pages.ROUTES,
        *events_pages.ROUTES,
        *api_routes.ROUTES,
        Mount(
            "/static", StaticFiles(directory=HERE / "static", follow_symlink=False), name="static"
        ),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            *([Middleware(HostAllowList, hosts=settings.allowed_hosts)]
              if settings.allowed_hosts is not None else []),
            Middleware(SecurityHeaders),
            Middleware(BodyLimit, limit=settings.max_upload_bytes),
        ],
        exception_handlers={HTTPException: handle, TollbookError: handle, Exception: handle},
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.events_cache = events_pages.EventsCache()
    app.state.sessions = Sessions()
    app.state.throttle = Throttle()
    return app
