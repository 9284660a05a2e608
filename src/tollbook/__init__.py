"""tollbook: source-attributed casualty claims from news reports and official statements."""

from ._exceptions import (
    ConfigError,
    FieldError,
    InputError,
    MigrationError,
    NotFoundError,
    StoreError,
    TollbookError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from .model import (
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
from .version import EXTRACTOR_VERSION, __version__

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
    "FieldError",
    "GazetteerEntry",
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
