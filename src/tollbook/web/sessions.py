"""Sign-in state kept on the server: revocable sessions and a throttle on wrong tokens.

- `Sessions`: signing in with the write token makes a random session id (256 bits), kept in
  memory with its expiry; the browser's cookie holds only that id. Signing out deletes it,
  so a copied cookie stops working at logout (the old cookie was the same HMAC of the token
  at every login and could not be revoked). Sessions end with the process, and with
  `SESSION_SECONDS`; at most `MAX_SESSIONS` live at once (the oldest go first).
- `Throttle`: wrong write tokens (sign-in form and API bearer) are counted per client
  address; after `MAX_FAILURES` within `WINDOW_SECONDS`, that address gets 429 until the
  window passes, so the token cannot be guessed at the speed of the server.

Both are per app (`app.state`), guarded by a lock: handlers run on several threads.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from tollbook.web.errors import WebError

SESSION_SECONDS = 12 * 3600
MAX_SESSIONS = 1000
MAX_FAILURES = 5
WINDOW_SECONDS = 60.0
_MAX_CLIENTS = 10_000

Clock = Callable[[], float]


class TooManyAttempts(WebError):
    """Too many wrong write tokens from one client address."""

    status = 429
    type_name = "TooManyAttempts"


class Sessions:
    """Session id -> expiry (monotonic seconds)."""

    def __init__(self, clock: Clock = time.monotonic, lifetime: float = SESSION_SECONDS) -> None:
        self._clock = clock
        self._lifetime = lifetime
        self._lock = threading.Lock()
        self._live: OrderedDict[str, float] = OrderedDict()

    def create(self) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._live[sid] = self._clock() + self._lifetime
            while len(self._live) > MAX_SESSIONS:
                self._live.popitem(last=False)
        return sid

    def valid(self, sid: str) -> bool:
        if not sid:
            return False
        with self._lock:
            expiry = self._live.get(sid)
            if expiry is None:
                return False
            if expiry < self._clock():
                del self._live[sid]
                return False
            return True

    def revoke(self, sid: str) -> None:
        with self._lock:
            self._live.pop(sid, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._live)


class Throttle:
    """Client address -> times of its recent wrong tokens."""

    def __init__(self, clock: Clock = time.monotonic, max_failures: int = MAX_FAILURES,
                 window: float = WINDOW_SECONDS) -> None:  # fmt: skip
        self._clock = clock
        self._max = max_failures
        self._window = window
        self._lock = threading.Lock()
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._failures.get(client) or deque()
        while times and times[0] <= now - self._window:
            times.popleft()
        return times

    def check(self, client: str) -> None:
        """Raise TooManyAttempts while this client is locked out."""
        now = self._clock()
        with self._lock:
            times = self._recent(client, now)
            if len(times) >= self._max:
                wait = int(times[0] + self._window - now) + 1
                raise TooManyAttempts(
                    f"too many wrong write tokens from this address; wait {wait} s",
                    hint="check the token; attempts are limited to "
                    f"{self._max} per {self._window:g} s",
                )

    def failed(self, client: str) -> None:
        now = self._clock()
        with self._lock:
            times = self._recent(client, now)
            times.append(now)
            self._failures[client] = times
            self._failures.move_to_end(client)
            while len(self._failures) > _MAX_CLIENTS:
                self._failures.popitem(last=False)
