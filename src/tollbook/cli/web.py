"""`tollbook serve`: options -> WebSettings -> the web app under uvicorn (tollbook.web.server).

Registered on the `tollbook` group by cli/main.py. Needs the `web` extra (imported when run).
"""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from tollbook import api
from tollbook._exceptions import ConfigError
from tollbook.cli.options import db_option, handle_errors
from tollbook.web.settings import (
    KEEP_ALIVE,
    LIMIT_CONCURRENCY,
    MAX_UPLOAD_BYTES,
    MIN_TOKEN_LENGTH,
    READ_TIMEOUT,
    ServerLimits,
    allowed_hosts,
    is_loopback,
)


def _token(ctx: click.Context, write_token: str | None, token_file: Path | None) -> str | None:
    """The write token from TOLLBOOK_WRITE_TOKEN or --write-token-file; never from argv,
    where every user of the machine can read it (`ps`)."""
    if write_token and ctx.get_parameter_source("write_token") == ParameterSource.COMMANDLINE:
        raise ConfigError(
            "--write-token on the command line is visible to every user of this machine "
            "(ps, /proc); set TOLLBOOK_WRITE_TOKEN or pass --write-token-file PATH instead"
        )
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read --write-token-file {token_file}: {exc}; "
                              "check the path and its permissions") from exc  # fmt: skip
        write_token = lines[0].strip() if lines else ""
        if not write_token:
            raise ConfigError(f"--write-token-file {token_file} is empty; write the token "
                              "on its first line")  # fmt: skip
    return write_token or None


@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@db_option
@click.option(
    "--write-token",
    envvar="TOLLBOOK_WRITE_TOKEN",
    default=None,
    help="Token that allows changes (reviews, ingest), at least "
    f"{MIN_TOKEN_LENGTH} characters; without it the app is read-only. Set it in "
    "TOLLBOOK_WRITE_TOKEN (given on the command line it is refused: `ps` shows it).",
)
@click.option(
    "--write-token-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Read the write token from the first line of this file.",
)
@click.option(
    "--allowed-host",
    "allowed_host",
    multiple=True,
    help="A host name the server answers to (repeatable); loopback names are allowed when "
    "listening on loopback. Other Host headers get 400 (DNS rebinding).",
)
@click.option(
    "--secure-cookies",
    is_flag=True,
    help="Mark cookies Secure (set it when the app is served over HTTPS).",
)
@click.option(
    "--read-timeout",
    default=READ_TIMEOUT,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Seconds a client has to send a whole request; slower connections are closed.",
)
@click.option(
    "--limit-concurrency",
    default=LIMIT_CONCURRENCY,
    show_default=True,
    type=click.IntRange(1),
    help="Connections served at once; beyond it the server answers 503.",
)
@click.option(
    "--max-upload-bytes",
    default=MAX_UPLOAD_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Largest accepted upload, pasted text or fetched page.",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let URL ingest fetch loopback, private and link-local addresses (tests only).",
)
@click.option("--no-gazetteer", is_flag=True, help="Do not resolve places of ingested documents.")
@click.pass_context
@handle_errors
def _serve(ctx: click.Context, host: str, port: int, db: str, write_token: str | None,
          write_token_file: Path | None, allowed_host: tuple[str, ...], secure_cookies: bool,
          read_timeout: float, limit_concurrency: int, max_upload_bytes: int,
          allow_private_urls: bool, no_gazetteer: bool) -> None:  # fmt: skip
    """Serve the web app (documents, review, ingest, events, JSON API) on --db."""
    try:
        import uvicorn

        from tollbook.web.server import uvicorn_config
    except ImportError as exc:  # the core install has no web server
        raise ConfigError(
            f"`tollbook serve` needs the web extra ({exc.name} is not installed): "
            "pip install 'tollbook[web]', or `make install-web` in a checkout"
        ) from exc
    from tollbook.web.settings import WebSettings

    token = _token(ctx, write_token, write_token_file)
    if not is_loopback(host) and not allowed_host:
        raise ConfigError(
            f"--host {host} listens beyond this machine: name the host names it answers to "
            "with --allowed-host (e.g. --allowed-host tollbook.example.org)"
        )
    # Fail now, with the store's message, on a bad --db; a path with no database is refused
    # like the other reading commands do, rather than served as a new empty store.
    api.open_existing(db).close()
    settings = WebSettings(
        db=db, write_token=token, max_upload_bytes=max_upload_bytes,
        allow_private_urls=allow_private_urls, gazetteer=not no_gazetteer,
        allowed_hosts=allowed_hosts(host, allowed_host), secure_cookies=secure_cookies,
    )  # fmt: skip
    mode = "read-write (write token set)" if settings.writable else "read-only (no write token)"
    click.echo(f"tollbook web on http://{host}:{port}/ over {db}, {mode}", err=True)
    limits = ServerLimits(read_timeout=read_timeout, limit_concurrency=limit_concurrency,
                          keep_alive=KEEP_ALIVE)  # fmt: skip
    uvicorn.Server(uvicorn_config(settings, host, port, limits, log_level="info")).run()


serve: click.Command = click.command(name="serve")(_serve)
