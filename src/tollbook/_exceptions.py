"""Every error tollbook raises on purpose derives from `TollbookError`.

The hierarchy::

    TollbookError                 base; `str(err)` says what happened and what to try
    ├── InputError                a source could not be turned into documents
    │   ├── UnsupportedFormatError    no reader for this kind of file
    │   ├── UnreadableInputError      the file exists but its bytes could not be read/decoded
    │   └── FieldError                a --text-field/--id-field/--date-field is missing
    ├── StoreError                the database could not be opened, migrated or written
    │   ├── MigrationError            the schema is newer than this tollbook, or a step failed
    │   └── NoDatabaseError           a command that only reads was given a path with no database
    ├── ExtractionError           the pipeline failed on one document (a bug): it is skipped
    ├── NotFoundError             a document or claim id is not in the store
    └── ConfigError               settings that contradict each other or are malformed
        └── GrammarError              a grammar word declared twice with different meanings

Each error may carry `source` (a file name, URL or id) so batch runs can print one line
per failure: ``path: message``.
"""

from __future__ import annotations


class TollbookError(Exception):
    """Base of all tollbook errors. Message: what happened, then what to try."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        if self.source:
            return f"{self.source}: {self.message}"
        return self.message


class InputError(TollbookError):
    """A source could not be turned into documents."""


class UnsupportedFormatError(InputError):
    """No reader handles this kind of input."""


class UnreadableInputError(InputError):
    """The input exists but could not be read or decoded."""


class FieldError(InputError):
    """A table row lacks the field named by --text-field, --id-field or --date-field."""


class StoreError(TollbookError):
    """The store could not be opened, migrated or written."""


class MigrationError(StoreError):
    """The schema could not be brought to this version of tollbook."""


class NoDatabaseError(StoreError):
    """A read-only command was pointed at a SQLite path where no database exists."""


class ExtractionError(TollbookError):
    """The pipeline raised on one document; the batch reports it and goes on."""


class NotFoundError(TollbookError):
    """An id asked for is not in the store."""


class ConfigError(TollbookError):
    """Settings are malformed or contradict each other."""


class GrammarError(ConfigError):
    """The declared grammar (extract/grammar/) contradicts itself: one word, two meanings."""
