"""Issue 22, the server under slow and foreign clients: a request must arrive whole within the
read timeout, only allowed Host names are served, and `tollbook serve` refuses a token on the
command line, a short token, and a public address without --allowed-host. A real uvicorn
server on 127.0.0.1 (port 0) in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from tollbook._exceptions import ConfigError
from tollbook.cli.main import cli
from tollbook.web.server import uvicorn_config
from tollbook.web.settings import ServerLimits, WebSettings, allowed_hosts

from .test_web_support import TOKEN, seed


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    db = seed(tmp_path_factory.mktemp("srv") / "s.db")
    settings = WebSettings(db=str(db), allowed_hosts=allowed_hosts("127.0.0.1", ()))
    config = uvicorn_config(settings, "127.0.0.1", 0, ServerLimits(read_timeout=0.5),
                            log_level="warning")  # fmt: skip
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(600):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield "127.0.0.1", port
    srv.should_exit = True
    thread.join(timeout=15)


def _closed_after(sock: socket.socket, trickle: bytes) -> int:
    """Send `trickle` a byte at a time, 0.05 s apart; how many bytes went before the server
    closed the connection (len(trickle) when it never did)."""
    sock.settimeout(0.05)
    for i in range(len(trickle)):
        try:
            sock.sendall(trickle[i : i + 1])
            if sock.recv(1024) == b"":
                return i
        except TimeoutError:
            continue
        except (ConnectionResetError, BrokenPipeError):
            return i
    return len(trickle)


def test_a_client_trickling_its_headers_is_cut_off(server: tuple[str, int]) -> None:
    trickle = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 2000
    with socket.create_connection(server) as sock:
        sent = _closed_after(sock, trickle)
    # 2,000+ bytes at 0.05 s each is 100 s; the server's deadline is 0.5 s.
    assert sent < len(trickle)


def test_a_client_trickling_its_body_is_cut_off(server: tuple[str, int]) -> None:
    head = (b"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
            b"\r\nContent-Length: 5000\r\n\r\n")  # fmt: skip
    with socket.create_connection(server) as sock:
        sock.sendall(head)
        sent = _closed_after(sock, b"x" * 5000)
    assert sent < 5000


def test_a_silent_connection_is_closed(server: tuple[str, int]) -> None:
    with socket.create_connection(server) as sock:
        sock.settimeout(30)
        assert sock.recv(1024) == b""  # the server closed it; nothing was ever sent


def test_a_prompt_request_is_answered(server: tuple[str, int]) -> None:
    with socket.create_connection(server) as sock:
        sock.sendall(b"GET /api/documents?limit=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n"
                     b"Connection: close\r\n\r\n")  # fmt: skip
        sock.settimeout(30)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("host", [b"evil.example", b"127.0.0.1.evil.example", b"localhost.", b""])
def test_a_foreign_host_header_is_refused(server: tuple[str, int], host: bytes) -> None:
    with socket.create_connection(server) as sock:
        sock.sendall(b"GET /api/documents HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
        sock.settimeout(30)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 400"), data[:200]
    assert b"BadHost" in data and b"doc_id" not in data


def test_allowed_hosts() -> None:
    assert set(allowed_hosts("127.0.0.1", ())) >= {"localhost", "127.0.0.1", "[::1]"}
    assert allowed_hosts("0.0.0.0", ("tollbook.example.org",)) == ("tollbook.example.org",)
    assert "evil.example" not in allowed_hosts("::1", ())


def test_short_write_tokens_are_refused() -> None:
    with pytest.raises(ConfigError, match="at least"):
        WebSettings(write_token="a")
    assert WebSettings(write_token=TOKEN).writable


def test_serve_refuses_a_token_in_argv_a_short_token_and_a_public_bind(tmp_path: Path) -> None:
    db = str(seed(tmp_path / "c.db"))
    runner = CliRunner()
    r = runner.invoke(cli, ["serve", "--db", db, "--write-token", TOKEN])
    assert r.exit_code == 1 and "TOLLBOOK_WRITE_TOKEN" in r.output and "ps" in r.output
    r = runner.invoke(cli, ["serve", "--db", db], env={"TOLLBOOK_WRITE_TOKEN": "short"})
    assert r.exit_code == 1 and "at least" in r.output
    (tmp_path / "empty").write_text("\n")
    r = runner.invoke(cli, ["serve", "--db", db, "--write-token-file", str(tmp_path / "empty")])
    assert r.exit_code == 1 and "empty" in r.output
    r = runner.invoke(cli, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert r.exit_code == 1 and "--allowed-host" in r.output
