"""Deaths of the wounded, told after the toll: a sentence's figures -> the same, flagged.

"Two people were killed and five wounded. One of the wounded later died." (3), "He died of his
wounds the next day", "Four later succumbed to their injuries": people who die later of their
wounds were not among the dead the toll counted when it was written; their figure is
additional (the tally adds it to the toll before it; a later total, "raising the number of dead
to 22", still replaces both).

Guards: the death is told as later or of wounds (a bare "died" is a toll of its own); only
figures whose own predicate it is (right after the subject, maybe past an apposition); not a
pronoun or a name ("He died of his wounds", "Yuksel died later" may be one the toll counts), nor
a group restated whole ("All five died of their injuries"), nor a definite phrase ("The victim
died from his injuries later": someone told before).
"""

from __future__ import annotations

from tollbook.extract.grammar.later_patterns import DEFINITE as _DEFINITE
from tollbook.extract.grammar.later_patterns import LATER_DEATH as _LATER_DEATH
from tollbook.extract.grammar.later_patterns import RESTATED as _RESTATED
from tollbook.extract.records import Figure

__all__ = ["flag_later_deaths"]

#: "He died of his wounds", "Yuksel died later in hospital": a pronoun or a name may be a person
#: the toll already counts.
_NAMED_RULES = ("victim_pronoun:killed", "victim_died:killed", "victim_subject:killed", "victim_object:killed",
                  "victim_list:killed+list")  # fmt: skip


def flag_later_deaths(text: str, end: int, figures: list[Figure]) -> None:
    """Flag as additional each killed figure whose predicate is a later death of wounds."""
    for fig in figures:
        if fig.category == "killed" and "additional" not in fig.flags and not fig.rule.endswith(_NAMED_RULES) \
                and not _RESTATED.search(text, max(0, fig.span[0] - 5), fig.span[0] + 5) \
                and not _DEFINITE.match(text, fig.span[0], fig.span[1]) and _LATER_DEATH.match(text, fig.span[1], end):  # fmt: skip
            fig.flags.append("additional")
