"""Command-line/environment options -> WebSettings, the one explicit configuration of the app."""

from __future__ import annotations

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
