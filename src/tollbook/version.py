"""Package and extractor versions. Bump EXTRACTOR_VERSION whenever extraction output changes:
stored claims are keyed by it, and re-extraction replaces only the same version's claims."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "0.5.3"
