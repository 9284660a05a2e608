"""A request's store work -> the same work, bounded: a step and time budget, and cancellation
when the client goes away.

SQLite runs a progress handler every `_EVERY` virtual-machine steps; it stops the statement
(sqlite3 raises "interrupted") once the request has used its steps or seconds, or once the
client disconnected. PostgreSQL gets a `statement_timeout`. A stopped query becomes a 503 that
says which limit it hit, so one hostile search cannot hold a worker thread, and a search whose
client left stops instead of running on and holding up shutdown.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from tollbook._exceptions import StoreError
from tollbook.store.backends import SQLite
from tollbook.store.database import Store
from tollbook.web.errors import WebError
from tollbook.web.settings import WebSettings

T = TypeVar("T")

#: SQLite virtual-machine steps between two budget checks.
_EVERY = 100


class BudgetExceeded(WebError):
    """A request's store work ran past its step or time budget, or its client left."""

    status = 503
    type_name = "BudgetExceeded"


@dataclass(slots=True)
class Budget:
    """What one request may spend on the store; `cancel` is set when its client disconnects.

    Mutable on purpose: the progress handler counts into it from the worker thread."""

    max_steps: int
    max_seconds: float
    cancel: threading.Event = field(default_factory=threading.Event)
    steps: int = 0
    stopped: str = ""
    _deadline: float = 0.0

    def start(self) -> None:
        self._deadline = time.monotonic() + self.max_seconds

    def tick(self) -> int:
        """The progress handler: nonzero stops the running statement."""
        self.steps += _EVERY
        if self.cancel.is_set():
            self.stopped = "the client disconnected"
        elif self.steps > self.max_steps:
            self.stopped = f"it needed more than {self.max_steps:,} database steps"
        elif time.monotonic() > self._deadline:
            self.stopped = f"it took more than {self.max_seconds:g} s"
        return 1 if self.stopped else 0


@contextmanager
def budgeted(store: Store, budget: Budget | None) -> Iterator[None]:
    """Run the block's queries under the budget; a stopped query raises BudgetExceeded."""
    if budget is None:
        yield
        return
    budget.start()
    backend = store.backend
    if isinstance(backend, SQLite):
        backend.set_progress_handler(budget.tick, _EVERY)
    elif backend.dialect == "postgresql":
        backend.execute(f"SET statement_timeout = {max(1, int(budget.max_seconds * 1000))}")
    try:
        yield
    except StoreError as exc:
        if budget.stopped or "statement timeout" in exc.message:
            raise BudgetExceeded(
                f"the request was stopped: {budget.stopped or 'it took too long'}",
                hint="search with fewer or more specific words, or add filters",
            ) from exc
        raise
    finally:
        if isinstance(backend, SQLite):
            backend.set_progress_handler(None, _EVERY)
    if budget.stopped:  # stopped between statements (Python-side work went on)
        raise BudgetExceeded(
            f"the request was stopped: {budget.stopped}",
            hint="search with fewer or more specific words, or add filters",
        )


async def _watch_disconnect(request: Request, cancel: threading.Event) -> None:
    """Set `cancel` when the client goes away (the ASGI server sends http.disconnect)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            cancel.set()
            return


async def cancellable(request: Request, budget: Budget, func: Callable[..., T], *args: Any) -> T:
    """Run func(*args) in the thread pool; a client disconnect sets budget.cancel meanwhile.

    Only for requests whose body is already read (or empty): the watcher consumes `receive`."""
    watcher = asyncio.ensure_future(_watch_disconnect(request, budget.cancel))
    try:
        return await run_in_threadpool(func, *args)
    finally:
        watcher.cancel()


def request_budget(settings: WebSettings) -> Budget:
    """A fresh budget for one request, from the server's settings."""
    return Budget(max_steps=settings.query_steps, max_seconds=settings.query_seconds)
