"""Count extraction: one sentence -> Figure* (who was affected, how many, in what way).

Rules, not a model: every figure says which rule produced it. Per sentence:
1. number mentions (`numbers.find_numbers`) that are plain cardinals outside dates/areas;
2. the people each counts: the head noun after the number ("63 children", "70 elderly
   citizens"), "members of the security forces", or nothing when a cue frames it
   ("killing 12", "the death toll rose to 40");
3. structure: breakdowns ("including", "of whom") make parts, "out of N" makes N the set
   the group is a subset of, coordinated lists ("three soldiers and eight civilians") share
   one category;
4. the category: a cue directly before the group (active voice, nominal frames) or the first
   cue after it (passive and intransitive verbs), skipping its breakdown;
5. filters: hypotheticals and threats ("could kill thousands") are dropped; hedges,
   cumulative totals, updates and "another" are flagged.
Explicit zeros ("nobody was killed") are read by zeros.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tollbook.extract import background, groupnames, headlines, persons, phrases, readings, sets
from tollbook.extract.categorise import RULE_PREFIX, categorise, next_start
from tollbook.extract.cues import (
    ahead,
    irrealis,
    left_cue,
    one_was_cue,
    right_cue,
    toll_category,
)
from tollbook.extract.endings import ending
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import relations
from tollbook.extract.grammar.count_patterns import AND_BETWEEN as _AND_BETWEEN
from tollbook.extract.grammar.count_patterns import AND_NEXT as _AND_NEXT
from tollbook.extract.grammar.count_patterns import BODIES_OF as _BODIES_OF
from tollbook.extract.grammar.count_patterns import BODIES_PASSIVE_NEXT as _BODIES_PASSIVE_NEXT
from tollbook.extract.grammar.count_patterns import BREAKDOWN_CLOSE as _BREAKDOWN_CLOSE
from tollbook.extract.grammar.count_patterns import (
    BREAKDOWN_THEN_PREDICATE as _BREAKDOWN_THEN_PREDICATE,
)
from tollbook.extract.grammar.count_patterns import BY_BEFORE as _BY_BEFORE
from tollbook.extract.grammar.count_patterns import COMMA_AND as _COMMA_AND
from tollbook.extract.grammar.count_patterns import COMMA_ONLY as _COMMA_ONLY
from tollbook.extract.grammar.count_patterns import CONTAINER_BEFORE as _CONTAINER_BEFORE
from tollbook.extract.grammar.count_patterns import CUE_NEXT as _CUE_NEXT
from tollbook.extract.grammar.count_patterns import DEAD_AFTER as _DEAD_AFTER
from tollbook.extract.grammar.count_patterns import (
    FAMILY_OF,
    NUMBERED_PART_BEFORE,
    OF_COMPLEMENT,
    REL_CLAUSE_OPEN,
)
from tollbook.extract.grammar.count_patterns import FINITE_NEXT as _FINITE_NEXT
from tollbook.extract.grammar.count_patterns import FREE_AFTER as _FREE_AFTER
from tollbook.extract.grammar.count_patterns import GLOSS as _GLOSS
from tollbook.extract.grammar.count_patterns import HUMAN_OR_SKULL as _HUMAN_OR_SKULL
from tollbook.extract.grammar.count_patterns import JOINED_BY_AND as _JOINED_BY_AND
from tollbook.extract.grammar.count_patterns import MORE as _MORE
from tollbook.extract.grammar.count_patterns import NEXT_WORD as _NEXT_WORD
from tollbook.extract.grammar.count_patterns import OF_ONLY as _OF_ONLY
from tollbook.extract.grammar.count_patterns import OR_BETWEEN as _OR_BETWEEN
from tollbook.extract.grammar.count_patterns import ORDINAL as _ORDINAL
from tollbook.extract.grammar.count_patterns import POSSESSIVE as _POSSESSIVE
from tollbook.extract.grammar.count_patterns import POSTED as _POSTED
from tollbook.extract.grammar.count_patterns import PREDICATE_NEXT as _PREDICATE_NEXT
from tollbook.extract.grammar.count_patterns import UNNUMBERED_PART as _UNNUMBERED_PART
from tollbook.extract.grammar.count_patterns import UNREAD_PART as _UNREAD_PART
from tollbook.extract.grammar.count_patterns import WERE_AMONG as _WERE_AMONG
from tollbook.extract.grammar.count_patterns import WERE_FIRST as _WERE_FIRST
from tollbook.extract.grammar.count_patterns import WERE_OR_COMMA_END as _WERE_OR_COMMA_END
from tollbook.extract.grammar.literals import fold, required
from tollbook.extract.heads import OF_THEM, head_of, singular_head, were_population
from tollbook.extract.lost import elided_head, lost_combatants, lost_relation
from tollbook.extract.numbers import NumberMention, numbers_in
from tollbook.extract.records import Figure, LeftCue, RightCue
from tollbook.model import Span, overlaps

__all__ = ["RULE_PREFIX", "find_figures"]

# Searched before every figure: only where the window ends like a match (endings.py, issue 23).
_OF_COMPLEMENT = ending(OF_COMPLEMENT)
_NUMBERED_PART_BEFORE = ending(NUMBERED_PART_BEFORE)
_FAMILY_OF = ending(FAMILY_OF)
_REL_CLAUSE_OPEN = ending(REL_CLAUSE_OPEN)
#: One of these (folded) is in every match of both breakdown patterns ("including", "of whom",
#: ":"), read from re's parse ("" when one cannot be read: always found).
_BREAKDOWN_WORDS = tuple(sorted(set().union(*(w or {""} for w in map(required, (lx.BREAKDOWN_RE, lx.BREAKDOWN_ANYWHERE_RE))))))



def _bodies_found(text: str, left: LeftCue, at: int, pos: int, end: int) -> bool:
    """"The bodies of nine are discovered": a figure after "bodies of" followed by a passive."""
    return bool(_BODIES_OF.search(text, left[2], at)) and _BODIES_PASSIVE_NEXT.match(ahead(text, pos, end)) is not None


def _adjacent(text: str, fig: Figure, end: int, figures: list[Figure]) -> bool:
    """An open-class figure counts only next to its cue: a cue verb right before it, a
    predicate right after it, or coordination with a neighbouring figure."""
    if _not_people(text, fig.num, fig.span[1]):
        return False
    head = text[fig.num.span[1] : fig.span[1]].split()
    if fig.left is not None:
        cue = text[fig.left[2] : fig.num.span[0]]
        if len(cue.split()) > 4 or re.search(r"\d", cue):
            return False  # a toll's frame ("stands at 48, according to"), not a verb on them
        if head and not persons.person_object(cue, head[-1].rstrip(".,;:"), " ".join(head[:-1])):
            return False  # "hanged two banners", "set ablaze two tankers": things
        return bool(_FREE_AFTER.match(ahead(text, fig.span[1], end)) or phrases.AFTER_OBJECT.match(text, fig.span[1], end)
                    or _bodies_found(text, fig.left, fig.num.span[0], fig.span[1], end))
    after = _GLOSS.sub("", ahead(text, fig.span[1], end), count=1)  # "One ward chief (U Zaw) was killed"
    # "The leader of a local group was shot dead": the cue may follow an of-complement.
    tail = phrases.OF_TAIL.match(after)
    starts = [0] + ([m.end() for m in re.finditer(r"[\w'’.-]+", tail.group(0))] if tail else [])
    joined = bool(figures) and _JOINED_BY_AND.match(
                                         text[figures[-1].span[1] : fig.num.span[0]]) is not None  # fmt: skip
    for at in starts:
        rest = after[at:].lstrip(" ,")
        if lx.RIGHT_CUE_ANY.match(rest):
            # "the border were abducted": a singular noun is not the subject of "were".
            return at > 0 or joined or fig.num.value != 1 or not _WERE_FIRST.match(rest) \
                or (bool(head) and head[-1].lower() in phrases.EITHER_NUMBER)  # fmt: skip
    if joined:
        return True
    # "Ten Maoists, including two women cadres, were gunned down": the predicate after a breakdown
    if fig.num.value > 1 and _BREAKDOWN_THEN_PREDICATE.match(text, fig.span[1], end):
        return True
    return bool(_AND_NEXT.match(after))


def _not_people(text: str, num: NumberMention, np_end: int) -> bool:
    """The open noun phrase text[num.span[1]:np_end] after a determiner names no people,
    whatever cue is near: a name or a possessed thing."""
    head = text[num.span[1] : np_end].split()
    if num.written == "determiner" and head and head[-1][:1].isupper():
        return True  # "the Lorsk Human Rights Centre": a name, not people
    # "his son" is a person, "his head" or "his unit" is not
    return bool(_POSSESSIVE.match(num.text)) and bool(head) and head[-1].lower() not in lx.POPULATIONS


def _counts_no_one(text: str, end: int, num: NumberMention, remains: re.Match[str] | None,
                   opened: tuple[int, str]) -> bool:  # fmt: skip
    """Does _figure refuse the determiner's open noun phrase whatever its left cue? Only
    _open_class_figure's figures of remains and of "a body" and a total ahead ("brings to ...
    the number of") are kept without _adjacent, whose first test reads no cue (_not_people)."""
    if (remains and _HUMAN_OR_SKULL.search(remains.group(0))) or lx.TOTAL_AHEAD.match(text, num.span[1], end):
        return False
    if num.text.lower() in ("a", "an") and phrases.DEAD_BODY.search(text[num.span[1] : opened[0]].strip()):
        return False
    return _not_people(text, num, opened[0])


def _total_ahead(text: str, num: NumberMention, end: int, cue_start: int) -> Figure | None:
    """'brings to 332,000 the number of people displaced': the figure, named by what follows."""
    m = lx.TOTAL_AHEAD.match(text, num.span[1], end)
    if m is None:
        return None
    words = m.group("what").lower()
    category = toll_category(words, "killed")
    pop = (m.group("pop") or "").lower()
    population, cls, unit = lx.POPULATIONS.get(pop, ("people", "unknown", "people"))
    return Figure(num=num, span=num.span, population=population, population_class=cls, unit=unit,
                  has_head=True, left=LeftCue(category, "cumulative", cue_start))  # fmt: skip


def _with_more(text: str, num: NumberMention, end: int) -> NumberMention:
    """"3 more people died", "two more were wounded": the figure adds to those counted before."""
    m = _MORE.match(text, num.span[1], end) if num.kind == "cardinal" else None
    if m is None:
        return num
    return replace(num, span=(num.span[0], m.end()), text=text[num.span[0] : m.end()], additional=True)


def find_figures(text: str, start: int, end: int, exclude: list[Span], anchored: bool = True) -> list[Figure]:
    """All count figures of the sentence text[start:end] (absolute spans); `anchored`: see
    readings.complete."""
    figures: list[Figure] = []
    # Telegraphic figures ("Four killed, one injured") are read first; the rules below skip them.
    telegraphic = headlines.find_headlines(text, start, end)
    exclude = exclude + [h.num.number_span for h in telegraphic]
    for num in _mentions(text, start, end):
        if num.kind != "cardinal" or overlaps(num.number_span[0], num.number_span[1], exclude):
            continue
        if _BY_BEFORE.search(text[max(start, num.span[0] - 4) : num.span[0]]):
            continue  # "abducted by four men": the agents, not the victims
        lost = lost_relation(text, start, num, end)
        if lost is not None and figures and relations.SUBJECT_TO_LOST.match(text, figures[-1].span[1], lost):
            continue  # "130 children lost one parent": each child's parent, not a new victim
        if num.written == "determiner" and figures and _OF_ONLY.fullmatch(text, figures[-1].span[1], num.span[0]):
            continue  # "The first secretary of the embassy": the complement of the figure before
        if num.written == "pronoun":
            fig = _pronoun_figure(text, start, end, num)
        else:
            fig = _figure(text, start, end, num, figures, lost)
        if fig is not None:
            figures.append(fig)
    _structure(text, start, end, figures)
    _add_coordinated(figures)
    _drop_postings(text, end, figures)
    readings.complete(text, start, end, figures, exclude, telegraphic, anchored)  # issue 20's readings
    if not any(f.category is not None for f in figures):
        unquantified = _unquantified(text, start, end)
        if unquantified is not None:
            figures.append(unquantified)
    return _categorised(figures)


def _mentions(text: str, start: int, end: int) -> list[NumberMention]:
    """Everything in the sentence that may count people, in text order: numbers, "a"/"another"
    before a listed singular noun, pronouns and determiners."""
    numbers = [_with_more(text, n, end) for n in numbers_in(text, start, end)]
    taken = [n.span for n in numbers if n.kind == "cardinal"]
    singulars = list(lx.SINGULAR_RE.finditer(text, start, end))
    for m in singulars:
        if overlaps(m.start(), m.end(), taken):
            continue
        # "another soldier", "a fourth person": one more than those already counted
        more = m.group("a").lower() == "another" or bool(_ORDINAL.search(m.group(0)))
        numbers.append(NumberMention(span=m.span("a"), number_span=m.span("a"), text=m.group("a"),
                                     value=1.0, low=1.0, high=1.0, qualifier="exact", kind="cardinal",
                                     additional=more, written="article"))  # fmt: skip
    taken += [m.span() for m in singulars]
    numbers += phrases.pronouns(text, start, end) + phrases.determiners(text, start, end, taken)
    numbers.sort(key=lambda n: n.span[0])
    return numbers


def _pronoun_figure(text: str, start: int, end: int, num: NumberMention) -> Figure | None:
    """ "killing him", "wounding her", "resulting in his death": one person, beside a killing or
    a wounding only."""
    left = left_cue(text, start, num.span[0])
    if (left is not None and left[0] in ("killed", "wounded") and _FREE_AFTER.match(ahead(text, num.span[1], end))) \
            or _DEAD_AFTER.match(ahead(text, num.span[1], end)) \
            or num.text.lower().endswith(" death"):  # "resulting in his death"  # fmt: skip
        return Figure(num=num, span=num.span, population="people", population_class="unknown",
                      unit="people", has_head=True, left=left or LeftCue("killed", "", num.span[0]))  # fmt: skip
    return None


def _figure(text: str, start: int, end: int, num: NumberMention, figures: list[Figure],
            lost: int | None = None) -> Figure | None:  # fmt: skip
    """The figure a number, article or determiner starts (its people and left cue), or None;
    `lost`: where a "lost" whose object the number is starts (relations.LOST_BEFORE)."""
    if num.written in ("determiner", "article") and _OF_COMPLEMENT.search(text, max(start, num.span[0] - 30), num.span[0]):
        return None  # "five members of an indigenous guard": the group they belong to
    if num.written in ("digits", "words") and _NUMBERED_PART_BEFORE.search(text, max(start, num.span[0] - 30), num.span[0]):
        whole = head_of(text, num, end)  # "seven of the 90 passengers": the set the seven belong to,
        fate = whole[4] if whole is not None else None  # unless its noun names a fate ("two of the 9
        if whole is not None and fate is None:  # or a participle after it does ("of the 11 people killed were")
            fate = sets.set_fate(text, whole.end, end)
        if whole is None or fate is None:  # injured"): then the set is a figure of that fate,
            return None  # whatever the parts' predicate says
        population, cls, unit, np_end, _ = whole
        return Figure(num=num, span=(num.span[0], np_end), population=population, population_class=cls,
                      unit=unit, noun_category=fate, has_head=True, left=LeftCue(fate, "whole", num.span[0]))
    if num.written == "determiner":
        head = None
    elif num.written == "article":
        head = singular_head(text, num, end)
        if head is None:
            return None
    else:
        head = head_of(text, num, end)
    open_class = head is None and num.written in ("determiner", "digits", "words")
    remains = opened = None
    if open_class:
        remains = phrases.HUMAN_REMAINS.match(text, num.span[1], end)
        opened = phrases.open_np(text, num.span[1], end, plural=num.value > 1)
        if num.written == "determiner" and opened is None and not remains:
            return None  # most determiners start no count: skip the costly cue scan
        if num.written == "determiner" and opened is not None and _counts_no_one(text, end, num, remains, opened):
            return None  # "the Lorsk Centre", "his unit": refused by _adjacent whatever the cue (issue 23)
    elif head is None and num.written == "vague" and num.value > 1:
        opened = groupnames.vague_group(text, num.span[1], end)  # "dozens of Boko Haram"
        open_class = opened is not None
    left = left_cue(text, start, num.span[0])
    if left is not None and background.charged_killing(text, start, left.start):
        left = None  # "a man accused of murdering a woman": the woman died before the event
    if left is None and lost is not None and num.value >= 2:
        left = LeftCue("killed", "lost", lost)  # "the family lost 25 relatives": they died
    if left is not None and left[1] == "ahead":
        total = _total_ahead(text, num, end, left[2])
        if total is not None:
            return total
        left = None
    family = _FAMILY_OF.search(text, max(start, num.span[0] - 16), num.span[0]) if head is None else None
    if family is not None and left is None:
        left = left_cue(text, start, family.start())  # "killed a family of three": 3 people
    if open_class and left is None and opened is not None and num.value > 1 and persons.names_person(opened[1]):
        at = lost_combatants(text, start, num, opened[0], end)  # "the cartel lost nine sicarios": dead
        if at is not None and persons.force_before(text, start, at):
            left = LeftCue("killed", "lost", at)
    if open_class and left is None and num.written == "determiner" \
            and _REL_CLAUSE_OPEN.search(text, max(start, num.span[0] - 80), num.span[0]):  # fmt: skip
        return None  # "a trader who had refused to pay the levy was murdered": the clause's object
    if open_class:
        if (remains and _HUMAN_OR_SKULL.search(remains.group(0))) or opened is not None:
            return _open_class_figure(text, end, num, left, remains, opened, figures)
        if num.written == "determiner":
            return None
    if head is None:
        return _bare_figure(text, start, end, num, left, family is not None, figures)
    population, cls, unit, np_end, noun_cat = head
    if left is None and (cls == "combatant" or population == "men"):
        at = lost_combatants(text, start, num, np_end, end)  # "the army lost 17 soldiers": dead
        left = LeftCue("killed", "lost", at) if at is not None else None
    return Figure(num=num, span=(num.span[0], np_end), population=population,
                  population_class=cls, unit=unit, noun_category=noun_cat,
                  has_head=True, left=left)  # fmt: skip


def _open_class_figure(text: str, end: int, num: NumberMention, left: LeftCue | None,
                       remains: re.Match[str] | None, opened: tuple[int, str] | None,
                       figures: list[Figure]) -> Figure | None:  # fmt: skip
    """A figure whose head is no listed people noun: human remains ("two human heads"), "a
    female body", or an open noun phrase kept only next to its cue ("killed the driver")."""
    if remains and _HUMAN_OR_SKULL.search(remains.group(0)):
        return Figure(num=num, span=(num.span[0], remains.end()), population="people",
                      population_class="unknown", unit="people", noun_category="killed",
                      has_head=True, left=left)  # fmt: skip
    if opened is None:  # not reached: the caller asks only for remains of people or a noun phrase
        return None
    if num.written == "determiner" and num.text.lower() in ("a", "an") \
            and phrases.DEAD_BODY.search(text[num.span[1] : opened[0]].strip()):  # fmt: skip
        return Figure(num=num, span=(num.span[0], opened[0]), population="people",
                      population_class="unknown", unit="people", noun_category="killed",
                      has_head=True, left=left)  # "a female body was found": one dead person  # fmt: skip
    np_end, word = opened
    population, cls, unit = lx.POPULATIONS.get(word, ("people", "unknown", "people"))
    fig = Figure(num=num, span=(num.span[0], np_end), population=population,
                 population_class=cls, unit=unit, has_head=True, left=left)  # fmt: skip
    return fig if _adjacent(text, fig, end, figures) else None


def _bare_figure(text: str, start: int, end: int, num: NumberMention, left: LeftCue | None,
                 family: bool, figures: list[Figure]) -> Figure | None:  # fmt: skip
    """A number with no head noun: kept beside a cue ("killing 12", "Around 100,000 fled")."""
    if num.written == "words" and num.value == 1 and left is None \
            and not one_was_cue(text, start, num.span, end):  # fmt: skip
        return None  # "one of the worst": a pronoun, not a count ("and one was killed" is)
    bare_cue = any(rx.match(text, num.span[1] + 1, end) for rx, _c, _d in lx.RIGHT_CUE_RES[:1] + lx.DISPLACED_CUE_RES) \
        and text[num.span[1] : num.span[1] + 1].isspace()  # "Around 100,000 fled"  # fmt: skip
    elided = None if left or bare_cue else elided_head(text, num, end, figures)
    if left is None and not bare_cue and elided is None and not _PREDICATE_NEXT.match(ahead(text, num.span[1], end)) \
            and not _BREAKDOWN_THEN_PREDICATE.match(text, num.span[1], end):  # fmt: skip
        return None
    if left is not None and not _FREE_AFTER.match(ahead(text, num.span[1], end)) \
            and not _bodies_found(text, left, num.span[0], num.span[1], end):  # fmt: skip
        return None  # "killed 15 cows"
    thing = _NEXT_WORD.match(text, num.span[1], end) if left is not None else None
    if thing is not None and thing.group(1).lower() in lx.NON_PERSON and not thing.group(1).istitle():
        return None  # "neutralised 3 IEDs": an acronym is free after a figure, a thing's is not
    fig = Figure(num=num, span=num.span, population="people", population_class="unknown",
                 unit="people", left=left)  # fmt: skip
    if elided is not None:  # "... and 25 lost both": 25 children
        fig.population, fig.population_class, fig.unit = elided.population, elided.population_class, elided.unit
    if left is not None:
        # "the number of soldiers killed ... to 300": the toll names its people.
        pm = lx.POP_RE.search(text, left[2], num.span[0])
        if pm and not family and pm.group(0).lower() not in ("dead", "casualties", "lives", "victims"):
            fig.population, fig.population_class, fig.unit = lx.POPULATIONS[pm.group(0).lower()]
    return fig


def _add_coordinated(figures: list[Figure]) -> None:
    """ "abducted and killed": a twin figure for each further predicate of the same people."""
    for fig in list(figures):
        for category, detail in fig.also:
            twin = Figure(num=fig.num, span=fig.span, population=fig.population,
                          population_class=fig.population_class, unit=fig.unit, category=category,
                          detail=detail, rule=fig.rule.replace(f":{fig.category}", f":{category}") + "+coordinated",
                          flags=list(fig.flags), has_head=fig.has_head)  # fmt: skip
            figures.append(twin)


def _drop_postings(text: str, end: int, figures: list[Figure]) -> None:
    """Combatants who arrive or return are posted, not displaced: no category."""
    for fig in figures:
        if fig.category == "displaced" and fig.population_class == "combatant" \
                and _POSTED.search(text, fig.span[1], min(end, fig.span[1] + 60)):  # fmt: skip
            fig.category = None  # "200 soldiers arrived in the town": reinforcements, not displacement
        elif fig.category == "returned" and fig.population_class == "combatant":
            fig.category = None  # "troops returned to base"


def _unquantified(text: str, start: int, end: int) -> Figure | None:
    """ "fatalities were reported": deaths said to have happened, uncounted."""
    found = phrases.unquantified(text, start, end, lambda at: irrealis(text, start, at))
    if found is None:
        return None
    num, category = found
    return Figure(num=num, span=num.span, population="people", population_class="unknown",
                  unit="people", category=category, rule=f"{RULE_PREFIX}.unquantified:{category}",
                  flags=["unquantified"], has_head=True)  # fmt: skip


def _categorised(figures: list[Figure]) -> list[Figure]:
    """The figures that got a category, their parent links renumbered to the kept list."""
    kept = [k for k, f in enumerate(figures) if f.category is not None]
    new_index = {old: new for new, old in enumerate(kept)}
    out = []
    for k in kept:
        fig = figures[k]
        fig.parent = new_index.get(fig.parent) if fig.parent is not None else None
        fig.relation = fig.relation if fig.parent is not None else None
        out.append(fig)
    return out


def _part_ok(text: str, fig: Figure, end: int) -> bool:
    """A part names its people: "four children", or "35 were minors"."""
    if fig.has_head:
        return True
    named = were_population(text, fig.num.span[1], end)
    if named is None:
        return False
    (fig.population, fig.population_class, fig.unit), np_end = named
    fig.span = (fig.span[0], np_end)
    return True


def _make_part(figs: list[Figure], parts: dict[int, list[int]], k: int, parent: int) -> None:
    figs[k].parent, figs[k].relation = parent, "part"
    parts.setdefault(parent, []).append(k)


def _structure(text: str, start: int, end: int, figs: list[Figure]) -> None:
    """Assign parents, coordination and categories in place."""
    groups: list[list[int]] = []  # coordinated heads
    parts: dict[int, list[int]] = {}
    breakdown_parent: int | None = None
    breakdown_end = -1  # where the words "including" etc. end
    container: int | None = None  # "Among the 27 killed were nine children"
    memo: dict[tuple[int, int, int], RightCue | None] = {}

    def cue_after(at: int, stop: int, reach: int = 9) -> RightCue | None:
        # The breakdown check and the categorisation read the same figure's right cue.
        if (at, stop, reach) not in memo:
            memo[at, stop, reach] = right_cue(text, at, stop, reach)
        return memo[at, stop, reach]

    breakdown_last = _last_breakdown_word(text, start, end) if figs else -1
    for k, fig in enumerate(figs):
        prev = figs[k - 1] if k else None
        between = text[prev.span[1] : fig.num.span[0]] if prev else ""
        # "..., including a child, and nine others were injured", "..., including two assailants, and
        # three soldiers and four assailants were wounded": a new clause, not a list member; so is a
        # figure naming its own category, its auxiliary left out ("..., including an official, and
        # twenty-nine injured")
        new_clause = prev is not None and prev.relation == "part" and bool(_COMMA_AND.match(between)) \
            and (_own_predicate(text, figs, k) or fig.noun_category is not None)  # fmt: skip
        # "killing four elders, three others were abducted": the object ends at the comma
        new_clause = new_clause or (bool(groups) and figs[groups[-1][0]].left is not None
                                    and bool(_COMMA_ONLY.match(between)) and bool(_FINITE_NEXT.match(text, fig.span[1])))
        first_part = breakdown_end >= 0 and (not text[breakdown_end : fig.num.span[0]].strip()
                                             or bool(_UNREAD_PART.match(text, breakdown_end, fig.num.span[0]))
                                             # "including police officers and a journalist, were": unnumbered members first
                                             or bool(_UNNUMBERED_PART.fullmatch(text, breakdown_end, fig.num.span[0])
                                                     and _BREAKDOWN_CLOSE.match(text, fig.span[1])))  # fmt: skip
        if prev is not None and breakdown_parent is not None and (
            # "..., including 4 children, and 23 wounded": a figure naming its own category ends
            # the breakdown
            first_part or (k - 1 in parts.get(breakdown_parent, []) and lx.LIST_SEP_RE.match(between)
                           and fig.noun_category is None and not new_clause)
        ) and _part_ok(text, fig, end):
            breakdown_end = -1
            _make_part(figs, parts, k, breakdown_parent)
            continue
        if container is not None and k == container + 1 and _WERE_OR_COMMA_END.search(between) \
                and _part_ok(text, fig, end):  # fmt: skip
            _make_part(figs, parts, k, container)
            container = None
            continue
        if container is not None and k == container + 1 and re.search(r",\s*$", between) and not fig.has_head:
            # "Of the 64 people abducted, 19 are still missing": a subset with its own category.
            fig.parent, fig.relation = container, "subset"
        if prev is not None and groups and lx.LIST_SEP_RE.match(between) and OF_THEM.match(ahead(text, fig.num.span[1], end)):
            _make_part(figs, parts, k, groups[-1][0])  # "52 people, 17 of whom were students"
            continue
        container = None
        if new_clause:
            groups.append([k])
        else:
            _join(figs, parts, groups, k, between)
        if _CONTAINER_BEFORE.search(text[max(start, fig.num.span[0] - 12) : fig.num.span[0]]):
            container = k
        breakdown_parent, breakdown_end = _breakdown(text, end, figs, k, cue_after, breakdown_last)
    _share_populations(text, figs)
    for group in groups:
        categorise(text, start, end, figs, group, parts, cue_after)
    _inherit_from_parents(figs)


def _own_predicate(text: str, figs: list[Figure], k: int) -> bool:
    """Does figure k, alone or heading a coordinated list ("three soldiers and four assailants"),
    have a predicate of its own right after it ("were wounded")?"""
    last = k
    while last + 1 < len(figs) and lx.LIST_SEP_RE.match(text[figs[last].span[1] : figs[last + 1].num.span[0]]):
        last += 1
    return bool(_CUE_NEXT.match(text, figs[last].span[1]))


def _join(figs: list[Figure], parts: dict[int, list[int]], groups: list[list[int]], k: int, between: str) -> None:
    """Figure k joins the coordinated group before it ("three soldiers and eight civilians"),
    takes it as its part or subset ("were among the 40", "out of"), or starts a group."""
    fig = figs[k]
    prev = figs[k - 1] if k else None
    if prev is not None and _WERE_AMONG.match(between) and groups:
        # "Twelve police officers were among the 40 people wounded": the group is a part of k.
        for i in groups.pop():
            _make_part(figs, parts, i, k)
        groups.append([k])
    elif prev is not None and lx.SUBSET_RE.match(between) and groups:
        group_head = groups[-1][0]
        top = figs[group_head].parent if figs[group_head].relation == "part" else None
        figs[group_head if top is None else top].parent = k
        figs[group_head if top is None else top].relation = "subset"
        groups.append([k])
    elif prev is not None and groups and _OR_BETWEEN.match(between) and prev.unit != fig.unit:
        groups[-1].append(k)  # "125 families (about 800 people)": one group, said twice
    elif prev is not None and lx.LIST_SEP_RE.match(between) and fig.left is None and fig.has_head and groups:
        groups[-1].append(k)
    else:
        groups.append([k])


def _last_breakdown_word(text: str, start: int, end: int) -> int:
    """Where the sentence's last word that every lx.BREAKDOWN_RE match holds starts (-1: none):
    no breakdown starts after it (folded as the pattern compares, `literals.fold`, which keeps
    positions)."""
    low = text[start:end]
    low = low.lower() if low.isascii() else fold(low)  # fold maps only non-ASCII letters first
    found = max(map(low.rfind, _BREAKDOWN_WORDS))
    return start + found if found >= 0 else -1


def _breakdown(text: str, end: int, figs: list[Figure], k: int,
               cue_after: Callable[..., RightCue | None], last_word: int) -> tuple[int | None, int]:  # fmt: skip
    """(k, where the breakdown's words end) when a breakdown of figure k follows ("including",
    "of whom", "among them"), else (None, -1). It may follow the noun phrase directly, after
    the predicate, or later. `last_word`: _last_breakdown_word; the figure's right cue, read
    only to look for a breakdown after it, is not read when no breakdown word follows."""
    fig = figs[k]
    nxt = next_start(figs, k, end)
    if last_word < fig.span[1]:
        return None, -1  # every match below would hold a breakdown word at or after fig.span[1]
    cue = cue_after(fig.span[1], nxt)
    for at in (fig.span[1], cue[2] if cue else -1):
        bm = lx.BREAKDOWN_RE.match(ahead(text, at, end)) if at >= 0 else None
        if bm:
            return k, at + bm.end()
    am = lx.BREAKDOWN_ANYWHERE_RE.search(text, fig.span[1], nxt)
    if am and nxt < end:
        return k, am.end()
    return None, -1


def _share_populations(text: str, figs: list[Figure]) -> None:
    """ "45 civilians were wounded and 12 dead": a headless category noun counts the people named before."""
    for k in range(1, len(figs)):
        fig, prev_fig = figs[k], figs[k - 1]
        if fig.noun_category and fig.population == "people" and prev_fig.has_head and prev_fig.unit == "people" \
                and not (prev_fig.relation == "part" and fig.relation != "part") \
                and _AND_BETWEEN.match(text[prev_fig.span[1] : fig.num.span[0]].split(",")[-1]):  # fmt: skip
            fig.population, fig.population_class = prev_fig.population, prev_fig.population_class


def _inherit_from_parents(figs: list[Figure]) -> None:
    """Parts take their whole's category, rule and flags; a link to a whole without a category goes."""
    for fig in figs:
        if fig.relation == "part" and fig.parent is not None:
            parent = figs[fig.parent]
            fig.category, fig.detail = parent.category, fig.detail or parent.detail
            fig.rule = parent.rule + "+part"
            fig.flags = list(parent.flags)
        if fig.parent is not None and figs[fig.parent].category is None:
            fig.parent, fig.relation = None, None
