"""Fuzz the JSON API from its own OpenAPI description with schemathesis (in process, bounded).

Every operation gets a few generated requests, with the write token so that changes are
exercised too; no response may be a server error and every status must be one the
description declares.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from tollbook.web.app import create_app
from tollbook.web.settings import WebSettings

from .test_web_support import STATEMENT, TOKEN, bearer, seed

_EXAMPLES = 10  # per operation; the whole run stays well under 30 s


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = tmp_path_factory.mktemp("fuzz") / "f.db"
    seed(db)
    app = create_app(WebSettings(db=str(db), write_token=TOKEN, max_upload_bytes=20_000))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


# schemathesis' pytest plugin (`from_fixture`) does not run under pytest 9, so each operation's
# strategy is driven by hypothesis directly.
def test_api_has_no_server_errors(web_schema: Any) -> None:
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def run(case: Any) -> None:
            case.call_and_validate(
                headers=bearer(), checks=[not_a_server_error, status_code_conformance]
            )

        run()


def test_fixture_exists() -> None:
    assert STATEMENT.exists()
