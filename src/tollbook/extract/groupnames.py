"""A vague amount of a named group's members: (text, end of the amount) -> (end, head) of the
group's name, or None.

Coders and wire copy count fighters by the name of their group with no noun for its members:
"Military forces kill dozens of Boko Haram", "several Taliban were killed", "killing a number of
al-Shabaab". A figure in digits or words already reads a capitalised head as a people's name
("11 Boko Haram": phrases.open_np); a vague amount did not, because most vague amounts with no
people noun count things ("dozens of houses"). Here the words after the amount (and an "of")
must all be capitalised, as a name is, and the name is no listed thing (lexicon.NON_PERSON);
the count rules then keep the figure only beside its cue, as for any open noun phrase.
"""

from __future__ import annotations

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.groupname_patterns import MAX_NAME_WORDS, NAME_WORD, OF_GROUP

__all__ = ["vague_group"]


def vague_group(text: str, pos: int, stop: int) -> tuple[int, str] | None:
    """(end, last word lowercased) of a group's name after the vague amount ending at `pos`."""
    of = OF_GROUP.match(text, pos, stop)
    p = of.end() if of is not None else pos
    last: str | None = None
    for _ in range(MAX_NAME_WORDS):
        m = NAME_WORD.match(text, p, stop)
        if m is None:
            break
        last, p = m.group("w"), m.end()
    if last is None:
        return None
    head = last.lower().rstrip(".")
    if head in lx.NON_PERSON or head in lx.POPULATIONS or not head.replace("-", "").isalpha():
        return None  # a listed noun reads as a head noun already; a thing is no group
    return (p - 1 if last.endswith(".") else p), head
