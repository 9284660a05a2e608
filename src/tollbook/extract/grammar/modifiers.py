"""Post-modifiers of a noun phrase: the words that open what follows a person's head noun
and still belongs to it ("the Lebanese consul *in Barranquilla*", "a French national *living in
Algiers*", "an Iraqi *who works with coalition forces*") -> word tables postmodified.py reads.

A post-modifier opens with a preposition, a participle of where or how someone lives or works,
or a relative pronoun; it runs to the predicate, and holds no figure, no finite verb of its own
(FINITE_STOPS) and no clause break.
"""

from __future__ import annotations

from typing import Final

#: Prepositions that open a phrase modifying the noun before them.
PREPOSITIONS: Final[frozenset[str]] = frozenset(
    "in of from at for with near outside inside on to under within".split()
)
#: Participles that open a reduced relative clause: "living in", "working for", "based in".
PARTICIPLES: Final[frozenset[str]] = frozenset(
    """living working serving stationed based posted assigned employed travelling traveling
    visiting staying residing born known""".split()
)
#: Relative pronouns that open a relative clause: "who works with coalition forces".
RELATIVES: Final[frozenset[str]] = frozenset("who whose that".split())
#: Words a post-modifier never holds: a finite verb would be a predicate of its own
#: ("the man in the car was stopped and was killed"), a conjunction a second subject.
FINITE_STOPS: Final[frozenset[str]] = frozenset(
    "was were is are has have had and or but when while after before as because said".split()
)
#: The longest post-modifier read, in words.
MAX_WORDS: Final[int] = 12

#: Telegraphic syntax drops the article too: "Customs officer kidnapped, killed", "Malian army
#: officer killed by unknown gunmen", "Armed men killed forest guard". The words that may follow
#: such a predicate (or its bare object) and start the next phrase.
TELEGRAPHIC_NEXT: Final[frozenset[str]] = frozenset(
    """by in at on near after while during and as when following amid outside inside over from
    for with""".split()
)
#: The most words before a bare head ("Malian army officer", "former communal councilor").
MAX_BARE_MODIFIERS: Final[int] = 3
