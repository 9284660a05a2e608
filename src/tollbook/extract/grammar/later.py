"""Later deaths of the wounded: the words of "One of the wounded later died", "He died of his
wounds the next day", "the two wounded later succumbed", "was wounded and later died of his
injuries", "before succumbing to his wounds" -> tables extract/later.py reads.
"""

from __future__ import annotations

from typing import Final

#: Verbs of dying.
DIE_VERBS: Final[tuple[str, ...]] = ("died", "succumbed", "passed away", "perished")
#: Their gerunds, after "before": "before succumbing to his wounds", "before dying".
DIE_GERUNDS: Final[tuple[str, ...]] = ("succumbing", "dying")
#: Adverbs of a later time before or after the verb: "later died", "died later".
LATER: Final[tuple[str, ...]] = ("later", "subsequently", "soon", "eventually", "afterwards", "afterward")
#: Adverbs of a later time between "and" and a second predicate: "and subsequently succumbed".
THEN: Final[tuple[str, ...]] = ("later", "subsequently", "eventually", "then", "afterwards")
#: What the wounded die of: "died of his wounds", "succumbed to their injuries".
WOUNDS: Final[tuple[str, ...]] = ("wounds", "injuries", "wound", "injury", "burns")
#: Words that may stand between the subject and the verb ("also", "both", an apposition).
BETWEEN: Final[tuple[str, ...]] = ("also", "both", "all", "too")
#: Nouns that may follow a figure before its verb: "three injured victims succumbed".
PEOPLE: Final[tuple[str, ...]] = ("victims", "people", "persons", "others", "ones", "patients")
#: Auxiliaries before the verb: "had since died", "were later succumbed".
AUXILIARIES: Final[tuple[str, ...]] = ("were", "was", "are", "is", "had", "have", "has")
#: Words that end the clause of a wounding: a death after them is another clause's.
CLAUSE_ENDS: Final[tuple[str, ...]] = ("while", "but", "whereas", "although")
#: What stands right before a figure that restates the people counted before: "All five died of
#: their injuries", "these two later succumbed".
SAME_PEOPLE: Final[tuple[str, ...]] = ("all", "all of the", "the same", "these", "those")
#: Words of a wounding told before a bare figure that dies later ("Two were wounded. One later
#: died"): the figure's people are those wounded.
WOUND_WORDS: Final[tuple[str, ...]] = ("wounded", "injured", "hurt", "wounding", "injuring")
#: How far before a bare figure its wounding may be told, in characters.
WOUND_REACH: Final[int] = 300
#: Harms after which the people who did not die were wounded: "Two farmers were shot, and one
#: died" (one killed, one wounded). A death told of a part of them tells how the harm ended.
HARMS: Final[tuple[str, ...]] = ("shot", "wounded", "injured", "hurt", "stabbed", "hacked", "beaten", "burned", "burnt")
#: The words that join a part's death to its people's clause: "and one died", "but two later
#: succumbed".
PART_JOINS: Final[tuple[str, ...]] = ("and", "but")
#: After a death verb, what tells it came later than the wounding: "died the next morning", "died
#: in hospital", "died on the way to hospital" (with LATER and WOUNDS, "later died", "died of his
#: wounds"). A bare "and one died" after people told wounded may be another person.
LATER_PLACES: Final[tuple[str, ...]] = ("in hospital", "in the hospital", "on the way to hospital",
                                        "on the way to the hospital", "en route to hospital")
LATER_TIMES: Final[tuple[str, ...]] = ("day", "morning", "evening", "night", "week")
