"""A place name a person typed (a reviewer's correction) + the countries it is likely in -> the
gazetteer entry it names, or None.

The one way for stages after extraction to ask the gazetteer about a name: they never reach
into the place finder (geo.places), and the gazetteer loads only when a name is looked up.
"""

from __future__ import annotations

from tollbook.model import GazetteerEntry

__all__ = ["resolve_name"]


def resolve_name(name: str, countries: tuple[str, ...] = ()) -> GazetteerEntry | None:
    """The entry `name` resolves to, preferring `countries` (ISO codes); None if unknown."""
    from tollbook.geo.places import Gazetteer  # the gazetteer loads on the first look-up only

    return Gazetteer.load().resolve(name.strip(), countries=countries)
