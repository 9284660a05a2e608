"""WebSettings + where to listen -> uvicorn serving the app, with limits for slow clients.

uvicorn alone keeps a connection open as long as its client sends a byte now and then: its
keep-alive timer is reset by any data, and it has no deadline for reading a request. So a
client that trickles header bytes held a worker slot forever (1,000 such connections were
all held). `read_timeout_protocol` is uvicorn's h11 protocol with one more timer: from the
first byte of a request (or the connection's start) until the request is read whole
(headers and body), at most `read_timeout` seconds; past it the connection is closed. With
`limit_concurrency` (uvicorn answers 503 beyond it) the number of connections a slow client
can hold at once, and for how long, is bounded. docs/web.md describes the production setup
(TLS and a reverse proxy in front).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from tollbook.web.settings import READ_TIMEOUT, ServerLimits, WebSettings


class ReadTimeoutH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for reading each request (see the module)."""

    read_timeout: float = READ_TIMEOUT
    _read_timer: asyncio.TimerHandle | None = None

    def _owed(self) -> bool:
        """Whether the client still owes part of a request (headers or body)."""
        return self.conn.their_state in (h11.IDLE, h11.SEND_BODY)

    def _arm(self) -> None:
        if self._read_timer is None:
            self._read_timer = self.loop.call_later(self.read_timeout, self._read_timed_out)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _read_timed_out(self) -> None:
        self._read_timer = None
        if self._owed() and not self.transport.is_closing():
            self.logger.warning("closed a connection that sent no whole request in %.3g s",
                                self.read_timeout)  # fmt: skip
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._owed():
            self._arm()  # a new request starts (the first, or the next on a kept-alive one)
        super().data_received(data)
        if not self._owed():
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def read_timeout_protocol(read_timeout: float) -> type[ReadTimeoutH11Protocol]:
    """The protocol class with its deadline (uvicorn instantiates the class itself)."""
    return type("ReadTimeoutH11Protocol", (ReadTimeoutH11Protocol,),
                {"read_timeout": read_timeout})  # fmt: skip


def uvicorn_config(
    settings: WebSettings, host: str, port: int, limits: ServerLimits, **extra: Any
) -> Any:
    """A uvicorn.Config for the app with the protocol and limits above."""
    import uvicorn

    from tollbook.web.app import create_app

    return uvicorn.Config(
        create_app(settings), host=host, port=port, server_header=False,
        http=read_timeout_protocol(limits.read_timeout), limit_concurrency=limits.limit_concurrency,
        timeout_keep_alive=limits.keep_alive, timeout_graceful_shutdown=10,
        h11_max_incomplete_event_size=16 * 1024, **extra,
    )  # fmt: skip
