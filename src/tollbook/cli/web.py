"""`tollbook serve`: options -> WebSettings -> the web app under uvicorn.

Registered on the `tollbook` group by cli/main.py. Needs the `web` extra (imported when run).
"""

from __future__ import annotations

import click

from tollbook._exceptions import ConfigError
from tollbook.cli.options import db_option, handle_errors
from tollbook.store.database import Store
from tollbook.web.settings import MAX_UPLOAD_BYTES


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
    help="Token that allows changes (reviews, ingest); without it the app is read-only. "
    "Or set TOLLBOOK_WRITE_TOKEN.",
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
@handle_errors
def _serve(host: str, port: int, db: str, write_token: str | None, max_upload_bytes: int,
          allow_private_urls: bool, no_gazetteer: bool) -> None:  # fmt: skip
    """Serve the web app (documents, review, ingest, events, JSON API) on --db."""
    try:
        import uvicorn

        from tollbook.web.app import create_app
    except ImportError as exc:  # the core install has no web server
        raise ConfigError(
            f"`tollbook serve` needs the web extra ({exc.name} is not installed): "
            "pip install 'tollbook[web]', or `make install-web` in a checkout"
        ) from exc
    from tollbook.web.settings import WebSettings

    Store.open(db).close()  # fail now, with the store's message, on a bad --db
    settings = WebSettings(
        db=db, write_token=write_token or None, max_upload_bytes=max_upload_bytes,
        allow_private_urls=allow_private_urls, gazetteer=not no_gazetteer,
    )  # fmt: skip
    mode = "read-write (write token set)" if settings.writable else "read-only (no write token)"
    click.echo(f"tollbook web on http://{host}:{port}/ over {db}, {mode}", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", server_header=False)


#: Typed explicitly: cli.py imports it while this module imports cli.py's options.
serve: click.Command = click.command(name="serve")(_serve)
