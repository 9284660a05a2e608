"""A URL -> its bytes, fetched without reaching inside the network and within a deadline.

- http(s) only, no credentials in the URL; every hop (the URL and each redirect) is resolved
  once and refused when any address is loopback, private, link-local, multicast, reserved,
  or a public-looking IPv6 address that carries one (6to4 2002::/16, Teredo, NAT64), unless
  private addresses are allowed (tests).
- The connection goes to the address that was checked (`PinnedBackend`): the host name is
  not resolved a second time, so a DNS answer that changes between the check and the connect
  (rebinding) cannot send the fetch to 127.0.0.1. TLS still verifies the certificate against
  the host name.
- One deadline covers the whole fetch: every socket read and write waits at most the time
  left, so a server that trickles its headers a byte at a time cannot stretch a 10 s limit.
- The body is streamed with a size cap.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from tollbook.web.errors import FetchRefused, PayloadTooLarge

MAX_REDIRECTS = 5

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: the final URL (after redirects), its content type and bytes."""

    url: str
    content_type: str
    data: bytes


def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"cannot resolve host {host!r}: {exc}", hint="check the URL") from exc
    return sorted({str(info[4][0]) for info in infos})


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64)."""
    out = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo is not None:
        out.extend(ip.teredo)
    if ip in _NAT64:
        out.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return out


def _not_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return bool(
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )  # fmt: skip


def blocked(address: str) -> bool:
    """Whether the server must not connect to this address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded(ip)
        if any(_not_public(a) for a in inner):
            return True
        if ip.ipv4_mapped is not None:
            return False  # judged by its IPv4 address alone
    return _not_public(ip)


def check_url(url: str, *, allow_private: bool, resolve: Resolver = system_resolve) -> list[str]:
    """The addresses to connect to for url (resolved once); refuses what must not be fetched
    (see the module docstring)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(
            f"only http and https URLs can be fetched, not {parts.scheme or 'no scheme'!r}",
            hint="give a URL starting with https://",
        )
    if not parts.hostname:
        raise FetchRefused(f"the URL {url!r} has no host", hint="give a full URL")
    if parts.username or parts.password:
        raise FetchRefused("URLs with a user name or password are refused", hint="drop them")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchRefused(f"bad port in {url!r}", hint="check the URL") from exc
    try:
        addresses = [str(ipaddress.ip_address(parts.hostname))]  # a literal needs no lookup
    except ValueError:
        addresses = resolve(parts.hostname, port)
    if not addresses:
        raise FetchRefused(f"host {parts.hostname!r} has no address", hint="check the URL")
    if allow_private:
        return addresses
    for address in addresses:
        if blocked(address):
            raise FetchRefused(
                f"refused to fetch {parts.hostname}: it resolves to {address}, a private, "
                "loopback, link-local or reserved address",
                hint="only public addresses are fetched; upload the file instead",
            )
    return addresses


class _Timeout(httpcore.ReadTimeout):
    """The fetch's overall deadline passed."""


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write waits at most until the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def _left(self, timeout: float | None) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise _Timeout("the fetch's deadline passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:  # fmt: skip
        inner = self._inner.start_tls(ssl_context, server_hostname, self._left(timeout))
        return DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Connects (host, port) only to the address checked for it; any other is refused."""

    def __init__(self, deadline: float) -> None:
        self._pins: dict[tuple[str, int], str] = {}
        self._deadline = deadline
        self._sync = httpcore.SyncBackend()

    def pin(self, host: str, port: int, address: str) -> None:
        self._pins[(host.lower().strip("[]"), port)] = address

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:  # fmt: skip
        address = self._pins.get((host.lower().strip("[]"), port))
        if address is None:
            raise httpcore.ConnectError(f"{host}:{port} was not checked before connecting")
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise _Timeout("the fetch's deadline passed")
        stream = self._sync.connect_tcp(address, port, min(timeout or left, left), local_address,
                                        socket_options)  # fmt: skip
        return DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def _pinned_transport(backend: PinnedBackend) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx takes no network backend; its pool is swapped for one that uses ours.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend
    )
    return transport


def fetch_url(
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    allow_private: bool = False,
    resolve: Resolver = system_resolve,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """GET url with redirects checked one by one, a size cap and one deadline for it all.
    `transport` replaces the network (tests); without it connections are pinned."""
    deadline = time.monotonic() + timeout
    backend = PinnedBackend(deadline)
    headers = {"User-Agent": "tollbook (+https://example.invalid/tollbook)", "Accept": "*/*"}
    options: dict[str, Any] = {"timeout": httpx.Timeout(timeout), "follow_redirects": False,
                               "trust_env": False,
                               "transport": transport or _pinned_transport(backend)}  # fmt: skip
    with httpx.Client(headers=headers, **options) as client:
        for _ in range(MAX_REDIRECTS + 1):
            addresses = check_url(url, allow_private=allow_private, resolve=resolve)
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            backend.pin(parts.hostname or "", port, addresses[0])
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise FetchRefused(
                            f"{url} answered HTTP {response.status_code}",
                            hint="check that the page exists and is public",
                        )
                    data = _read_capped(response, max_bytes, deadline, url)
                    ctype = response.headers.get("content-type", "")
                    return Fetched(url=url, content_type=ctype, data=data)
            except httpx.TimeoutException as exc:
                raise FetchRefused(f"fetching {url} took longer than {timeout:g} s",
                                   hint="try again later, or download it and upload the file") from exc  # fmt: skip
            except httpx.HTTPError as exc:
                raise FetchRefused(
                    f"could not fetch {url}: {type(exc).__name__}: {exc}",
                    hint="check the URL and that the site answers",
                ) from exc
    raise FetchRefused(f"more than {MAX_REDIRECTS} redirects from {url}", hint="give the final URL")


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise PayloadTooLarge(
            f"{url} is {length} bytes, more than the limit of {max_bytes}",
            hint="download it and upload a smaller part, or raise --max-upload-bytes",
        )
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise PayloadTooLarge(
                f"{url} sent more than the limit of {max_bytes} bytes",
                hint="download it and upload a smaller part, or raise --max-upload-bytes",
            )
        if time.monotonic() > deadline:
            raise FetchRefused(f"fetching {url} took too long", hint="try again later")
        chunks.append(chunk)
    return b"".join(chunks)
