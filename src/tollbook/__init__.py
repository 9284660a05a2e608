"""tollbook: source-attributed casualty claims from news reports and official statements.

The package exports the records of the output contract (`tollbook.model`), the errors
(`tollbook._exceptions`) and the versions; the functions that read, extract, store and
reconcile are `tollbook.api` (its `__all__`). Everything else is internal to a stage package
(README, "How the code is laid out").
"""

from tollbook._exceptions import (
    ConfigError,
    ExtractionError,
    FieldError,
    GrammarError,
    InputError,
    MigrationError,
    NotFoundError,
    StoreError,
    TollbookError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from tollbook.model import (
    Attribution,
    CategoryTally,
    Claim,
    DateMention,
    DateValue,
    Document,
    Extraction,
    GazetteerEntry,
    PlaceMention,
    Segment,
    SourceLink,
    Tally,
)
from tollbook.version import EXTRACTOR_VERSION, __version__

__all__ = [
    "EXTRACTOR_VERSION",
    "Attribution",
    "CategoryTally",
    "Claim",
    "ConfigError",
    "DateMention",
    "DateValue",
    "Document",
    "Extraction",
    "ExtractionError",
    "FieldError",
    "GazetteerEntry",
    "GrammarError",
    "InputError",
    "MigrationError",
    "NotFoundError",
    "PlaceMention",
    "Segment",
    "SourceLink",
    "StoreError",
    "Tally",
    "TollbookError",
    "UnreadableInputError",
    "UnsupportedFormatError",
    "__version__",
]
