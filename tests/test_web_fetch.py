"""Issue 22, the URL fetch: one deadline for the whole fetch even when the server trickles its
headers, the connection pinned to the address that was checked (no second DNS lookup), and
IPv6 addresses that carry a private IPv4 one (6to4, Teredo, NAT64) refused. Local servers on
127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from tollbook.web.errors import FetchRefused
from tollbook.web.fetching import blocked, check_url, fetch_url

BODY = b"17 people were killed."


def _serve_once(answer: Callable[[socket.socket], None]) -> Iterator[int]:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def run() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                try:
                    conn.recv(65536)  # the request
                    answer(conn)
                except OSError:
                    pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()


def _trickle(conn: socket.socket) -> None:
    """A valid answer whose headers take 15 s to arrive, a byte every 0.05 s."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Pad: " + b"a" * 300
    for i in range(len(head)):
        conn.sendall(head[i : i + 1])
        time.sleep(0.05)
    conn.sendall(b"\r\nContent-Length: %d\r\n\r\n" % len(BODY) + BODY)


def _plain(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                 b"Connection: close\r\n\r\n" % len(BODY) + BODY)  # fmt: skip


@pytest.fixture
def trickling() -> Iterator[int]:
    yield from _serve_once(_trickle)


@pytest.fixture
def plain() -> Iterator[int]:
    yield from _serve_once(_plain)


def test_trickled_headers_do_not_stretch_the_deadline(trickling: int) -> None:
    # Each byte comes well within any per-read timeout; only an overall deadline stops it.
    with pytest.raises(FetchRefused, match="longer than 1 s"):
        fetch_url(f"http://127.0.0.1:{trickling}/", max_bytes=10_000, timeout=1,
                  allow_private=True)  # fmt: skip


def test_the_connection_goes_to_the_address_that_was_checked(plain: int) -> None:
    answers: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        # The first answer is checked; a second lookup would get another address.
        answers.append(host)
        return ["127.0.0.1"] if len(answers) == 1 else ["10.255.255.1"]

    got = fetch_url(f"http://rebind.invalid:{plain}/page", max_bytes=10_000, timeout=10,
                    allow_private=True, resolve=rebinding)  # fmt: skip
    assert got.data == BODY
    assert answers == ["rebind.invalid"]  # resolved once, by the check


@pytest.mark.parametrize("address", [
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254 (cloud metadata)
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo, client 192.0.2.45 (not global)
])  # fmt: skip
def test_ipv6_carrying_a_private_ipv4_is_blocked(address: str) -> None:
    assert blocked(address)
    with pytest.raises(FetchRefused, match="private, loopback"):
        check_url(f"http://[{address}]/", allow_private=False)


def test_public_addresses_pass() -> None:
    assert not blocked("93.184.216.34")
    assert not blocked("2606:2800:220:1:248:1893:25c8:1946")
    assert check_url("http://news.example/", allow_private=False,
                     resolve=lambda h, p: ["93.184.216.34"]) == ["93.184.216.34"]  # fmt: skip
