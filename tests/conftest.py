"""Shared fixtures: one pipeline per session (the gazetteer loads once) and ../shared paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.pipeline import Pipeline, Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "tests" / "corpus"
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or skip saying why (the project must pass without it)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (seeds, gold, external data) lives beside the "
                    "project checkout and is not part of it; clone it there to run this test")
    return path
