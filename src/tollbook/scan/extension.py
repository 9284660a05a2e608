"""The compiled scanner's extension (`tollbook_scan`, rust/, built by `make rust`) -> its
classes, and the one choice every stage makes between its compiled engine and its pure-Python
reference by `Settings.scanner`.

- `extension_available()`: can the extension be imported?
- `extension_class(name, what)`: the extension's class `name`, or EngineUnavailable saying what
  to do when the extension is missing or was built before the class existed;
- `choose(choice, compiled, reference, stage, notices, says_missing)`: "python" -> the
  reference; "compiled" -> the compiled engine, or its EngineUnavailable; "auto" -> the
  compiled engine when the extension is installed and current, else the reference. An
  extension older than the checkout is said once per `notices` and stage; a missing one only
  by the stage that `says_missing` (the cue pre-filter, scan/cues.py), not again by every stage.
- `Notices`: what one pipeline has said (Pipeline.notices, handed to every stage's choice):
  explicit state of the pipeline, not of the process, so a pipeline says each fallback once
  whichever pipelines ran before it. Without one (None), a choice says its fallback each time.

Both engines of a stage give the same output (each stage's differential test), so the choice
only decides the speed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from tollbook._exceptions import ConfigError
from tollbook.scan.marks import SCANNER_CHOICES, EngineUnavailable, ScannerChoice

__all__ = ["MISSING", "NOT_INSTALLED", "Notices", "check_choice", "choose", "extension_available", "extension_class"]

log = logging.getLogger("tollbook.scan")

T = TypeVar("T")

#: What to do when the extension cannot be imported.
MISSING = (
    "scanner='compiled' needs the tollbook_scan extension, which is not installed: "
    "run `make rust` (Rust toolchain, maturin and Debian's librust-pyo3-dev, "
    "librust-aho-corasick-dev), or choose scanner='python' or 'auto'"
)

#: Why "auto" took the reference when the extension cannot be imported (said by one stage).
NOT_INSTALLED = "the tollbook_scan extension is not installed (`make rust` builds it)"


class Notices:
    """What one pipeline has said about its engines: each stage's fallback to its pure-Python
    reference, said once (api.extract_text and Spark partitions build a pipeline per call, so
    a pipeline per call says it per call; a long run, once)."""

    def __init__(self) -> None:
        self._said: set[str] = set()

    def say_python(self, stage: str, why: str) -> None:
        """Log that `stage` uses its pure-Python reference, and `why`, unless said already."""
        if stage not in self._said:
            self._said.add(stage)
            say_python(stage, why)


def say_python(stage: str, why: str) -> None:
    """Log that `stage` uses its pure-Python reference, and `why` (stderr through logging)."""
    log.warning("%s: %s uses its pure-Python reference; output is the same", why, stage)


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


def choose(choice: ScannerChoice, compiled: Callable[[], T], reference: Callable[[], T], stage: str,
           notices: Notices | None = None, says_missing: bool = False) -> T:  # fmt: skip
    """The engine `choice` names for `stage` (see the module docstring)."""
    check_choice(choice)
    say = notices.say_python if notices is not None else say_python
    if choice == "python":
        return reference()
    if choice == "auto" and not extension_available():
        if says_missing:
            say(stage, NOT_INSTALLED)
        return reference()
    try:
        return compiled()
    except EngineUnavailable as exc:  # "auto" with a build older than the checkout
        if choice == "compiled":
            raise
        say(stage, str(exc))
        return reference()
