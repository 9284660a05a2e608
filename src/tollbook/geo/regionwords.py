"""Words of first-level divisions and of the links that put a place inside one (data only).

Read by places.py ("the province of Cabo Delgado" prefers the region reading) and by
enclosing.py ("the village of Karvessa in Niger's Tillaberi region": Karvessa lies inside
Tillaberi). Words are plain; DIVISION_KEYS and LINK_KEYS are the same words folded with `name_key`.
"""

from __future__ import annotations

from tollbook.geo.names import name_key

__all__ = ["DIVISION_KEYS", "DIVISION_NOUNS", "ENCLOSING_LINKS", "ENCLOSING_MAX_GAP", "LINK_KEYS"]

#: Nouns of administrative divisions. Before "of" ("the province of X") or after a name
#: ("Borno State", "Tillaberi region") they make the name a division, read as a region.
DIVISION_NOUNS = frozenset(
    "region province state governorate department district county prefecture oblast rayon "
    "raion municipality wilaya emirate canton "
    # "the southern countryside of Idlib", "Hama countryside": the governorate's rural part
    "countryside".split()
)
#: Words allowed between a place and the division or country that encloses it, besides
#: commas, other division nouns and possessive country names: "Karvessa, in the Tillaberi
#: region", "Karvessa in Niger's Tillaberi", "near Karvessa, Tillaberi region".
ENCLOSING_LINKS = frozenset(
    "in of the within northern southern eastern western central rural".split()
)  # "Tel Samir in the southern countryside of Idlib"
#: Characters at most between the end of a place and the start of what encloses it.
ENCLOSING_MAX_GAP = 40

#: The same words folded as the place finder folds names (what places.py and enclosing.py match).
DIVISION_KEYS = frozenset(name_key(w) for w in DIVISION_NOUNS)
LINK_KEYS = frozenset(name_key(w) for w in ENCLOSING_LINKS | DIVISION_NOUNS)
