"""Command-line/environment options -> WebSettings, the one explicit configuration of the app."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field

from tollbook._exceptions import ConfigError

#: Default upper bound of a request body (uploads, pasted text) and of a fetched URL.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Seconds a URL fetch may take in all (connect, redirects and body).
FETCH_TIMEOUT = 10.0
#: SQLite virtual-machine steps and seconds one request may spend on the store.
QUERY_STEPS = 200_000_000
QUERY_SECONDS = 10.0
#: Shortest write token accepted: a guessable token is no lock.
MIN_TOKEN_LENGTH = 16
#: Characters of document text per page (and per JSON answer).
TEXT_WINDOW = 200_000


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the web app runs.

    `write_token` None makes the app read-only. `secret` signs cookies (CSRF, sign-in); a
    random one per process when not given, so cookies end with the process.
    `allow_private_urls` lets ingest fetch loopback/private/link-local addresses (tests).
    """

    db: str = "tollbook.db"
    write_token: str | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    fetch_timeout: float = FETCH_TIMEOUT
    allow_private_urls: bool = False
    gazetteer: bool = True
    page_size: int = 100
    secure_cookies: bool = False  # set the Secure flag (behind HTTPS)
    query_steps: int = QUERY_STEPS
    query_seconds: float = QUERY_SECONDS
    text_window: int = TEXT_WINDOW
    # Host headers served; None serves any (in-process use). `tollbook serve` always sets it.
    allowed_hosts: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.write_token is not None and len(self.write_token) < MIN_TOKEN_LENGTH:
            raise ConfigError(
                f"the write token is {len(self.write_token)} characters long; use at least "
                f"{MIN_TOKEN_LENGTH} random ones, e.g. `openssl rand -hex 16`"
            )

    @property
    def writable(self) -> bool:
        return bool(self.write_token)


#: Seconds a client has to send a whole request (headers and body).
READ_TIMEOUT = 15.0
#: Connections and running requests served at once; beyond it uvicorn answers 503.
LIMIT_CONCURRENCY = 100
#: Seconds an idle keep-alive connection stays open.
KEEP_ALIVE = 5


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    """The Host headers to serve: loopback names when listening on loopback, the listening
    address itself otherwise, and every --allowed-host. Anything else gets 400, so that a
    page on another site cannot read the store through DNS rebinding."""
    names = list(extra)
    if is_loopback(host):
        names += ["localhost", "127.0.0.1", "[::1]", "::1"]
    elif host not in ("0.0.0.0", "::", ""):
        names.append(f"[{host}]" if ":" in host else host)
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """uvicorn's side of the limits."""

    read_timeout: float = READ_TIMEOUT
    limit_concurrency: int = LIMIT_CONCURRENCY
    keep_alive: int = KEEP_ALIVE
