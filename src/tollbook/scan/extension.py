"""The compiled scanner's extension (`tollbook_scan`, rust/, built by `make rust`) -> its
classes, and the one choice every stage makes between its compiled engine and its pure-Python
reference by `Settings.scanner`.

- `extension_available()`: can the extension be imported?
- `extension_class(name, what)`: the extension's class `name`, or EngineUnavailable saying what
  to do when the extension is missing or was built before the class existed;
- `choose(choice, compiled, reference, stage)`: "python" -> the reference; "compiled" -> the
  compiled engine, or its EngineUnavailable; "auto" -> the compiled engine when the extension
  is installed and current, else the reference. An extension older than the checkout is said
  once per process and stage; a missing one is said once by the cue pre-filter (scan/cues.py),
  not again by every stage.

Both engines of a stage give the same output (each stage's differential test), so the choice
only decides the speed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from tollbook._exceptions import ConfigError
from tollbook.scan.marks import SCANNER_CHOICES, EngineUnavailable, ScannerChoice

__all__ = ["MISSING", "check_choice", "choose", "extension_available", "extension_class"]

log = logging.getLogger("tollbook.scan")

T = TypeVar("T")

#: What to do when the extension cannot be imported.
MISSING = (
    "scanner='compiled' needs the tollbook_scan extension, which is not installed: "
    "run `make rust` (Rust toolchain, maturin and Debian's librust-pyo3-dev, "
    "librust-aho-corasick-dev), or choose scanner='python' or 'auto'"
)


def extension_available() -> bool:
    """Whether the compiled scanner (`tollbook_scan`, rust/) can be imported."""
    try:
        import tollbook_scan  # noqa: F401
    except ImportError:
        return False
    return True


def extension_class(name: str, what: str) -> Any:
    """The extension's class `name` (`what`: what it does, for the message). Any: an older build
    of the extension, and its stub, may lack it."""
    try:
        import tollbook_scan
    except ImportError as exc:
        raise EngineUnavailable(MISSING) from exc
    cls = getattr(tollbook_scan, name, None)
    if cls is None:
        raise EngineUnavailable(
            f"the installed tollbook_scan extension is older than this checkout (it has no "
            f"{name}: {what}): rebuild it with `make rust`, or choose scanner='python'"
        )
    return cls


def check_choice(choice: str) -> None:
    """ConfigError unless `choice` is one of SCANNER_CHOICES."""
    if choice not in SCANNER_CHOICES:
        raise ConfigError(
            f"scanner must be one of {', '.join(SCANNER_CHOICES)}, not {choice!r}; "
            "leave it at 'auto' unless comparing engines"
        )


def choose(
    choice: ScannerChoice, compiled: Callable[[], T], reference: Callable[[], T], stage: str
) -> T:
    """The engine `choice` names for `stage` (see the module docstring)."""
    check_choice(choice)
    if choice == "python" or (choice == "auto" and not extension_available()):
        return reference()
    try:
        return compiled()
    except EngineUnavailable as exc:  # "auto" with a build older than the checkout
        if choice == "compiled":
            raise
        say_python_once(stage, str(exc))
        return reference()


@cache
def say_python_once(stage: str, why: str) -> None:
    # Once per process and stage: api.extract_text and Spark partitions build a pipeline per call.
    log.warning("%s: %s uses its pure-Python reference; output is the same", why, stage)
