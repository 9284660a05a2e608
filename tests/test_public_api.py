"""The curated public API: every name in `tollbook.__all__` and `tollbook.api.__all__` imports,
has a docstring, and the api's names are documented in the api module's docstring."""

from __future__ import annotations

import importlib
import inspect

import pytest

import tollbook
from tollbook import api


@pytest.mark.parametrize("module", ["tollbook", "tollbook.api"])
def test_every_public_name_imports(module: str) -> None:
    mod = importlib.import_module(module)
    missing = [name for name in mod.__all__ if not hasattr(mod, name)]
    assert not missing, f"{module}.__all__ names what it does not define: {missing}"
    namespace: dict[str, object] = {}
    exec(f"from {module} import *", namespace)  # the star import gives exactly __all__
    assert set(mod.__all__) <= set(namespace)


def test_every_api_name_is_documented() -> None:
    undocumented = [n for n in api.__all__ if not inspect.getdoc(getattr(api, n))]
    assert not undocumented, f"api names without a docstring: {undocumented}"
    module_doc = api.__doc__ or ""
    unlisted = [n for n in api.__all__ if f"`{n}`" not in module_doc]
    assert not unlisted, f"list these in tollbook.api's docstring: {unlisted}"


def test_the_package_exports_the_contract_and_the_errors() -> None:
    assert {"Claim", "Tally", "Document", "TollbookError", "GrammarError", "EXTRACTOR_VERSION"} <= set(tollbook.__all__)
    assert all(not n.startswith("_") or n == "__version__" for n in tollbook.__all__ + api.__all__)
