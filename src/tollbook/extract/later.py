"""Later deaths of the wounded: a sentence's figures -> the same, read, and Figure* for the
wounded who died of it in the clause of their wounding.

"Two farmers were killed and five wounded. One of the wounded later died." (3 killed, 4
wounded), "the two wounded later succumbed to their wounds", "One peacekeeper died of his
wounds", "A nurse was injured by shrapnel and subsequently succumbed to her wounds".

One rule: a person told to have died of their wounds counts among the killed, not among the
wounded. The count is of the final state, as GTD codes it (`nwound`: non-fatal injuries) and
as the tally reads the wounded (tally/rules._survivors: the survivors). Extraction keeps what
the source says and marks the death; the tally does the arithmetic:
- every later death is a killed figure flagged `additional` (those people are not among the
  dead counted before it: the tally adds them; a later total, "raising the number of dead to
  22", still replaces both) and, when the text ties it to wounds (the figure counted the
  wounded, the death is "of his wounds" or "succumbed", it is the wounded's second
  predicate, or the figure points back after a wounding: "two died later", "One of them later
  died", "One of the wounded later died"), `of_wounds` (they were among the wounded counted at or before them: the tally
  takes them out of the wounded; "A third guard died in hospital" takes no one);
- the death as the figure's own predicate (OWN_DEATH: "One of the wounded later died", "the
  two wounded later succumbed"): the figure is killed, whatever its noun said;
- the death as a second predicate of a wounded figure, in the clause of its wounding
  (SECOND_DEATH: "was wounded in the attack and later died of his injuries", "before
  succumbing to his wounds"): a killed figure is added on the same people (or the count rules'
  coordinated reading of it, "+coordinated", is flagged); the wounded figure stays (the source
  says they were wounded), and the tally takes them out of it. (A named victim's passive chain,
  victims._CHAIN: "X was wounded and later died", is read killed only, with no wounded figure.)
- the death in a relative clause on the wounded (RELATIVE_DEATH: "wounded another who
  succumbed the following day", "wounded a farmer who later died"), read as a second death;
- the death of a part of them, its noun elided (PART_DEATH: "Two farmers were shot, and one
  died", "Four soldiers were wounded, and one later died", "but two of them later succumbed"):
  a killed figure on the part's number, additional and of wounds; the harmed figure is wounded
  (the count rules' reading of the part's death as the whole's, right cue or "+coordinated",
  goes). Only a part smaller than its whole, a number with no noun of its own ("and one soldier
  died" may be someone else), after a harm the others survived ("were killed, and one died" is
  not read so); after people told wounded, the death told as later ("one later died", "two
  succumbed", "one died the next morning"): "were wounded and one died" may be one more.

Guards: the death is told as later or of wounds (a bare "died" is a toll of its own); only the
figure's own predicate (right after it, maybe past an apposition); not a pronoun or a name ("He
died of his wounds", "Yuksel died later" may be one the toll counts), nor a group restated whole
("All five died of their injuries"), nor a definite phrase counted dead ("The victim died from his
injuries later": someone told before; "the two wounded" are the wounded, and do add), nor a
part of a whole. A second death after the object of an active wounding ("A gunman wounded five
people before dying") is its subject's. A second death with its own subject (", and a soldier later died") or in
another clause ("; one later died", "while ... died") is not the wounded's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tollbook.extract import phrases
from tollbook.extract.cues import right_cue
from tollbook.extract.grammar.later import WOUND_REACH
from tollbook.extract.grammar.later_patterns import DEFINITE as _DEFINITE
from tollbook.extract.grammar.later_patterns import HARMED as _HARMED
from tollbook.extract.grammar.later_patterns import LATER_AFTER as _LATER_AFTER
from tollbook.extract.grammar.later_patterns import LATER_IN as _LATER_IN
from tollbook.extract.grammar.later_patterns import OF_WOUNDS as _OF_WOUNDS
from tollbook.extract.grammar.later_patterns import OWN_DEATH as _OWN_DEATH
from tollbook.extract.grammar.later_patterns import PART_DEATH as _PART_DEATH
from tollbook.extract.grammar.later_patterns import PASSIVE as _PASSIVE
from tollbook.extract.grammar.later_patterns import POINTS_BACK as _POINTS_BACK
from tollbook.extract.grammar.later_patterns import RELATIVE_DEATH as _RELATIVE_DEATH
from tollbook.extract.grammar.later_patterns import RESTATED as _RESTATED
from tollbook.extract.grammar.later_patterns import SAME_PEOPLE as _SAME_PEOPLE
from tollbook.extract.grammar.later_patterns import SECOND_DEATH as _SECOND_DEATH
from tollbook.extract.grammar.later_patterns import WOUND_BEFORE as _WOUND_BEFORE
from tollbook.extract.grammar.numberwords import UNITS
from tollbook.extract.records import Figure
from tollbook.model import OF_WOUNDS

__all__ = ["read_later_deaths"]

#: The rules of victims read as a pronoun or a name ("He died of his wounds", "Yuksel died later
#: in hospital"): maybe a person the toll already counts.
_NAMED_RULES = tuple(f"victim_{how}:{category}" for how in ("pronoun", "died", "subject", "object", "list")
                     for category in ("killed", "wounded"))  # fmt: skip


def read_later_deaths(text: str, end: int, figures: list[Figure]) -> list[Figure]:
    """Read the later deaths of text[...:end]: figures whose own predicate is one become
    killed; the killed figures of wounded ones who died in the clause of their wounding are
    returned (the caller adds them)."""
    out = _part_deaths(text, end, figures)
    for k, fig in enumerate(figures):
        if fig.category not in ("killed", "wounded") or fig.parent is not None or fig.rule.endswith(".whole"):
            continue  # "two of the 40 wounded died later": the death is the part's, not the set's
        death = _own_death(text, end, fig)
        if death is not None:
            of_wounds = fig.category == "wounded" or bool(death.group("wounds") or death.group("succumbed")) \
                or _OF_WOUNDS.match(text, death.end(), end) is not None or _points_back(text, fig)  # fmt: skip
            fig.category = "killed"
            fig.rule = fig.rule.replace(":wounded", ":killed")
            _mark(fig, of_wounds)
        elif fig.category == "wounded":
            stop = min((f.span[0] for f in figures[k + 1 :] if f.span[0] > fig.span[1]), default=end)
            # "wounded another who succumbed the next day": the relative pronoun is the
            # object's, whoever the subject; a second predicate is the subject's after an active
            if not _RELATIVE_DEATH.match(text, fig.span[1], stop) \
                    and (_object_of_active(fig) or not _SECOND_DEATH.match(text, fig.span[1], stop)):  # fmt: skip
                continue
            # the count rules may have read it as a coordinated predicate ("injured and succumbed")
            dead = next((f for f in figures if f.span == fig.span and f.category == "killed"), None)
            if dead is None:
                dead = replace(fig, category="killed", rule=fig.rule.replace(":wounded", ":killed") + "+died_later",
                               flags=list(fig.flags), also=[])  # fmt: skip
                out.append(dead)
            _mark(dead)
    return out


def _part_deaths(text: str, end: int, figures: list[Figure]) -> list[Figure]:
    """A part of the harmed who died, its noun elided ("Two farmers were shot, and one died",
    "Four soldiers were wounded, and one later died"): a killed figure on the part's number,
    additional and of wounds; the figure of the harmed is wounded (the count rules may have
    read the part's death as its predicate, or as a coordinated one: that reading goes)."""
    out: list[Figure] = []
    for fig in list(figures):
        bare = fig.category is None and fig.has_head and _PASSIVE.match(text, fig.span[1]) is not None
        if fig.parent is not None or fig.rule.endswith("+coordinated") \
                or not (bare or fig.category == "wounded" or (fig.category == "killed" and ".right:" in fig.rule)):  # fmt: skip
            continue
        part = _PART_DEATH.match(text, fig.span[1], end)
        if part is None:
            continue
        # the part's number may be a figure already ("two of them", "one died" read telegraphic,
        # "one of whom later died" read killed, "one later died" read by later_ones): it is the
        # part, killed and of wounds
        at = next((f for f in figures if f.span[0] == part.start("num")
                   and (f.category in (None, "killed") or ".headline_" in f.rule or ".victim_later:" in f.rule)), None)  # fmt: skip
        if any(fig.span[1] <= f.span[0] < part.end() for f in figures if f is not fig and f is not at):
            continue  # "... and one soldier died": another figure, its own subject
        word = part.group("num").lower()
        value = float(UNITS[word]) if word in UNITS else float(word)
        if value >= fig.num.value:
            continue  # "Two were shot and two died": no part
        own = right_cue(text, fig.span[1], part.start("num"), 40)
        if fig.category != "wounded" and not (own is None and _HARMED.search(part.group("gap"))):
            continue  # "Two farmers were killed, and one died later": no harm that others survived
        if own is not None and own.category != "wounded":
            continue
        if fig.category == "wounded" and not _LATER_IN.search(part.group(0), part.end("num") - part.start()) \
                and not _LATER_AFTER.match(text, part.end()):  # fmt: skip
            continue  # "were wounded and one died": maybe one more; "were shot, and one died" tells how it ended
        if fig.category != "wounded":
            rule = fig.rule.replace(":killed", ":wounded") if fig.rule else "count.right:wounded"
            fig.category, fig.rule = "wounded", rule + "+part_died"
        for twin in figures:  # "were wounded, and one later died" read as "wounded and died"
            if twin.span == fig.span and twin.category == "killed" and twin.rule.endswith("+coordinated"):
                twin.category = None
        rule = fig.rule.replace(":wounded", ":killed").removesuffix("+part_died") + "+part_died"
        if at is not None:
            at.category, at.rule = "killed", rule
            if at.population == "people":  # "two of them": the harmed's people
                at.population, at.population_class, at.unit = fig.population, fig.population_class, fig.unit
            _mark(at)
            continue
        span = part.span("num")
        dead = Figure(num=phrases.mention(span, part.group("num"), value, "cardinal"), span=span,
                      population=fig.population, population_class=fig.population_class, unit=fig.unit,
                      category="killed", rule=rule, flags=[], has_head=True)  # fmt: skip
        _mark(dead)
        out.append(dead)
    return out


def _own_death(text: str, end: int, fig: Figure) -> re.Match[str] | None:
    """The later death of its own people right after `fig`, if the guards let it be read."""
    if fig.num.written == "pronoun" or fig.rule.removesuffix("+list").endswith(_NAMED_RULES):
        return None  # "Yuksel died later in the hospital", "He died later": maybe one counted before
    death = _OWN_DEATH.match(text, fig.span[1], end)
    if death is None or _SAME_PEOPLE.search(text, max(0, fig.span[0] - 20), fig.span[0]) \
            or _RESTATED.search(text, max(0, fig.span[0] - 5), fig.span[0] + 5):  # fmt: skip
        return None  # "All five died of their injuries": the five counted before
    if fig.category == "killed" and _DEFINITE.match(text, fig.span[0], fig.span[1]):
        return None  # "The victim died from his injuries later": someone told before ("the two wounded" adds)
    return death


def _points_back(text: str, fig: Figure) -> bool:
    """"Three guards were injured; two died later", "One of the wounded later died": a bare
    figure or a partitive of them (or of the wounded) after a wounding are the wounded."""
    a, b = fig.span
    return _POINTS_BACK.match(text[a:b]) is not None and _WOUND_BEFORE.search(text, max(0, a - WOUND_REACH), a) is not None


def _object_of_active(fig: Figure) -> bool:
    """"A gunman wounded five people before dying", "The bomber injured six soldiers and died":
    the people an active verb wounded (the figure after its cue, or a victim read as its
    object); the death after them is the subject's, not theirs."""
    return ".left:" in fig.rule or ".victim_object:" in fig.rule or ".victim_active_object:" in fig.rule


def _mark(fig: Figure, of_wounds: bool = True) -> None:
    for flag in ("additional", OF_WOUNDS) if of_wounds else ("additional",):
        if flag not in fig.flags:
            fig.flags.append(flag)
