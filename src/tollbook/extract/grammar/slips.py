"""Typing slips of the cue verbs: a cue verb row (category, participle, -ing form) -> rows for
its one-letter slips ("inured" / "inuring", "wonded" / "wonding"), read as the verb itself.

Reports written fast drop or swap a letter of the verb that carries the figure ("Two were
inured", "injring four"). A slip is made in the verb's stem only (the letters the participle
and the -ing form share), after its first letter: one letter dropped, or two neighbours
swapped; the first letter and the ending are kept, which keeps a slip far from other words
("founded", "rounds" differ in the first letter and are never made). A slip that is a word of
its own ("inured to violence": hardened) is refused before "to" (SLIP_GUARD).
Only the categories in SLIP_CATEGORIES are slipped (issue 20: the wounded, whose cues are
misspelt in the labelled sets; the others' verbs are many and short).
"""

from __future__ import annotations

from typing import Final

#: Categories whose cue verbs are read with their slips.
SLIP_CATEGORIES: Final[tuple[str, ...]] = ("wounded",)
#: After a slip, what makes it a word of its own: "inured to", "inuring them to".
SLIP_GUARD: Final[str] = r"(?!\s+(?:\w+\s+)?to\b)"


def _stem_slips(stem: str) -> list[str]:
    """The stem with one letter dropped or two neighbours swapped, the first letter kept."""
    out = [stem[:i] + stem[i + 1 :] for i in range(1, len(stem))]
    out += [stem[:i] + stem[i + 1] + stem[i] + stem[i + 2 :] for i in range(1, len(stem) - 1) if stem[i] != stem[i + 1]]
    return list(dict.fromkeys(out))


def _shared_start(a: str, b: str) -> str:
    """The letters two forms open with alike: the stem ("injur" of "injured", "injuring")."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def slip_rows(rows: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """Rows (category, participle slip + guard, -ing slip + guard) for the rows of SLIP_CATEGORIES;
    no slip equal to a declared form."""
    forms = {f for _c, p, ing in rows for f in (p, ing)}
    out: list[tuple[str, str, str]] = []
    for category, participle, ing in rows:
        if category not in SLIP_CATEGORIES:
            continue
        stem = _shared_start(participle, ing)
        for s in _stem_slips(stem):
            p, g = s + participle[len(stem) :], s + ing[len(stem) :]
            if p not in forms and g not in forms:
                out.append((category, p + SLIP_GUARD, g + SLIP_GUARD))
    return tuple(out)
