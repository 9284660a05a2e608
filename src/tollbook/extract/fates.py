"""Later fates: a sentence's figures -> Figure* for the wounded who died of it, counted dead
("Abdelgadir, a community leader, was wounded in the attack and later died of his injuries",
"another soldier was injured before succumbing to his wounds").

The count rules give a figure the category of its first predicate; when the people it counts
were wounded and, in the same clause, died of it ("and later died", "and succumbed", "before
succumbing"), their fate is death: the figure is counted killed too (they were wounded first,
and stay counted wounded). Not read: a death with its own subject ("..., and a soldier later
died": another figure, or words between "and" and the verb), a death in another clause ("; one
later died", "while ... died").
"""

from __future__ import annotations

from dataclasses import replace

from tollbook.extract.grammar.fate_patterns import LATER_DEATH as _LATER_DEATH
from tollbook.extract.records import Figure

__all__ = ["later_deaths"]

def later_deaths(text: str, end: int, figures: list[Figure]) -> list[Figure]:
    """The killed figures of the wounded of text[...:end] whose people died of it (the
    wounded figures stay: they were wounded first)."""
    out: list[Figure] = []
    for k, fig in enumerate(figures):
        if fig.category != "wounded" or fig.parent is not None \
                or any(f.span == fig.span and f.category == "killed" for f in figures):  # fmt: skip
            continue  # already read as a second predicate ("injured and subsequently succumbed")
        stop = min((f.span[0] for f in figures[k + 1 :] if f.span[0] > fig.span[1]), default=end)
        if _LATER_DEATH.match(text, fig.span[1], stop):
            out.append(replace(fig, category="killed", rule=fig.rule.replace(":wounded", ":killed") + "+died_later",
                               flags=list(fig.flags), also=[]))  # fmt: skip
    return out
