"""Categorising a coordinated group: its figures and the cues around them -> the category,
detail, rule and flags each figure takes (step 4 and 5 of counts.py).

The cue directly before the group (active voice, nominal frames: "killing 12", "the death toll
rose to 40") wins, else the first cue after it (passive and intransitive verbs: "12 were
killed"), past the group's breakdown; then the flags: hedged ("may have been", another source's
frame within its clause), cumulative ("bringing the total to"), and "also"/"another" adding
people to those counted before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tollbook.extract.commemoration import commemorated
from tollbook.extract.cues import irrealis, left_result, needs_completion, relative_cue
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.count_patterns import ALSO_BEFORE as _ALSO_BEFORE
from tollbook.extract.grammar.count_patterns import ALSO_IN as _ALSO_IN
from tollbook.extract.grammar.count_patterns import APPOSITION as _APPOSITION
from tollbook.extract.grammar.count_patterns import COORDINATED as _COORDINATED
from tollbook.extract.grammar.count_patterns import EVENT_END as _EVENT_END
from tollbook.extract.grammar.count_patterns import FROM_ORIGIN as _FROM_ORIGIN
from tollbook.extract.grammar.count_patterns import NEW_SUBJECT as _NEW_SUBJECT
from tollbook.extract.grammar.count_patterns import OR_WOUNDED as _OR_WOUNDED
from tollbook.extract.grammar.count_patterns import OTHER_AFTER as _OTHER_AFTER
from tollbook.extract.grammar.count_patterns import OTHER_BEFORE as _OTHER_BEFORE
from tollbook.extract.grammar.count_patterns import OWN_WOUND_AFTER as _OWN_WOUND_AFTER
from tollbook.extract.grammar.count_patterns import REL_PRONOUN as _REL_PRONOUN
from tollbook.extract.grammar.count_patterns import STATUS_CATEGORIES as _STATUS_CATEGORIES
from tollbook.extract.grammar.count_patterns import UNKNOWN_FATE as _UNKNOWN_FATE
from tollbook.extract.grammar.victim_patterns import COUNT_BACKGROUND as _BACKGROUND
from tollbook.extract.grammar.victim_patterns import NEW_CLAUSE as _NEW_CLAUSE
from tollbook.extract.grammar.victim_patterns import NON_LETHAL as _UNDONE
from tollbook.extract.records import Figure, LeftCue, RightCue

__all__ = ["RULE_PREFIX", "categorise", "next_start"]

#: Every count rule's name starts so ("count.left:killed").
RULE_PREFIX = "count"


def next_start(figs: list[Figure], k: int, end: int) -> int:
    return figs[k + 1].num.span[0] if k + 1 < len(figs) else end


@dataclass(slots=True)
class _Reading:
    """What a group's cues say: its category and detail, the rule that read them, flags, and
    whether "also" adds its people to those counted before."""

    category: str | None = None
    detail: str | None = None
    rule: str = ""
    flags: list[str] = field(default_factory=list)
    also: bool = False  # "were also killed", "also killed 2 civilians"
    # the figures' own words say what happened, not a verb acting on them: "1,108 injured and
    # 32 missing" (no verb), "left 14 dead, 30 injured and 6 missing" (a verb completed by them)
    by_words: bool = False


def categorise(text: str, start: int, end: int, figs: list[Figure], group: list[int],
                parts: dict[int, list[int]], right: Callable[..., RightCue | None]) -> None:  # fmt: skip
    first, last = figs[group[0]], group[-1]
    tail = parts.get(last, [])
    last_idx = tail[-1] if tail else last
    left = first.left
    if irrealis(text, start, left[2] if left else first.num.span[0]):
        return
    if left is not None and _UNDONE.search(text, max(start, left[2] - 40), left[2]):
        return  # "nearly lynched two thieves", "tried to execute 3 hostages": nobody died
    if left is not None and first.num.written in ("article", "determiner") and _background(text, start, left[2]):
        return  # "demand justice for the killing of a labour organiser": a death as background
    if commemorated(text, start, first.num.span[0], figs[last_idx].span[1], end):
        return  # "the anniversary of the massacre, in which 40 died": remembered, not reported
    reading = _Reading()
    if left is not None:
        _read_left(text, start, end, figs, group, last_idx, left, reading)
    if reading.category is None:
        _read_right(text, end, figs, group, last_idx, right, reading)
    if reading.category is None and first.noun_category is not None:
        reading.category, reading.rule = first.noun_category, f"noun:{first.noun_category}"
        reading.by_words = True
    closing = figs[last]
    if reading.category is None and len(group) > 1 and closing.noun_category is not None \
            and _EVENT_END.search(text, closing.span[0], closing.span[1]):  # fmt: skip
        # "25 ADF fighters and 6 military fatalities": the closing noun counts every member.
        reading.category, reading.rule = closing.noun_category, f"noun:{closing.noun_category}"
    if reading.category is None:
        return
    _assign(text, start, end, figs, group, reading)


def _background(text: str, start: int, cue: int) -> bool:
    """Does a background word (a protest, a trial, a memorial) take the cue at `cue` as its
    complement ("protest against the killing of", "convicted of murdering")? Not across a comma
    or more than five words, nor when a new clause opens between them ("condemned the army
    after troops shot dead a fisherman", "protesters clashed with police, killing a youth")."""
    last = max(_BACKGROUND.finditer(text, start, cue), key=lambda m: m.start(), default=None)
    if last is None:
        return False
    gap = text[last.end() : cue]
    return "," not in gap and len(gap.split()) <= 5 and not _NEW_CLAUSE.search(gap)


def _read_left(text: str, start: int, end: int, figs: list[Figure], group: list[int], last_idx: int,
               left: LeftCue, reading: _Reading) -> None:  # fmt: skip
    """The category a cue before the group gives it ("killed 12", "the toll rose to 40")."""
    first = figs[group[0]]
    cat, note, _ = left
    if cat == "inherit":
        cat = next((f.category for f in reversed(figs[: group[0]]) if f.category and f.parent is None), "killed")
    if note == "fate":
        if _UNKNOWN_FATE.search(text, first.span[1], end):
            reading.category, reading.rule = "missing", "left:fate_unknown"
    elif cat in ("killed", "hostage", "displaced") and needs_completion(text, left[2], figs[last_idx].span[1], end) is False:
        pass
    else:
        # "left 14 dead, 30 injured and 6 missing", not "left two hostages dead"
        reading.by_words = needs_completion(text, left[2], figs[last_idx].span[1], end) is not None \
            and left_result(text, left[2], figs[last_idx].span[1], end) is None  # fmt: skip
        # "left 3 soldiers injured": the completing word, not the verb, says what happened.
        cat = (left_result(text, left[2], first.span[1], end) if first.noun_category is None else None) or cat
        reading.category, reading.rule = cat, f"left:{cat}" + (f".{note}" if note else "")
        reading.also = bool(_ALSO_BEFORE.search(text, max(start, left[2] - 6), left[2]))
        if note in ("update", "cumulative"):
            reading.flags.append(note)
        elif note == "among":
            reading.flags.append("part_of_previous")


def _read_right(text: str, end: int, figs: list[Figure], group: list[int], last_idx: int,
                right: Callable[..., RightCue | None], reading: _Reading) -> None:  # fmt: skip
    """The category of the first cue after the group ("27 people were killed"), and a second
    predicate of the same people ("abducted ... and killed") as `also` on its figures."""
    first, last = figs[group[0]], group[-1]
    stop = next_start(figs, last_idx, end)
    reach = 16 if _FROM_ORIGIN.match(text, figs[last_idx].span[1], stop) else 9
    cue = right(figs[last_idx].span[1], stop, reach)
    apposition = _APPOSITION.match(text, figs[last_idx].span[1], stop) if cue is None else None
    if apposition:
        cue = right(apposition.end(), stop)
    if cue is None and last_idx != last:
        cue = right(figs[last].span[1], figs[last + 1].num.span[0] if last + 1 < len(figs) else end)
    if cue is None and figs[last_idx].has_head and first.left is None:
        cue = relative_cue(text, figs[last_idx].span[1], figs[last_idx].num.value, stop)
    if cue is None:
        return
    category, detail, cue_end = cue
    reading.category, reading.detail, reading.rule = category, detail, f"right:{category}"
    reading.also = bool(_ALSO_IN.match(text, figs[last_idx].span[1], cue_end))
    if _REL_PRONOUN.match(text, figs[last_idx].span[1]):
        # "a person who was abducted ..., was found dead": the clause's verb, then the main one.
        main = relative_cue(text, figs[last_idx].span[1], figs[last_idx].num.value, stop, after=cue_end)
        if main is not None and main[0] != category:
            for k in group:
                figs[k].also.append((main[0], main[1]))
    if category == "killed" and _OR_WOUNDED.match(text, cue_end, end):
        # "7 militants were killed and wounded", "killed, injured or captured": the
        # source does not say how many died, as with "killing and injuring 20".
        category, reading.category, reading.rule = "casualties", "casualties", "right:casualties"
    # A coordinated second predicate counts the same people again: "abducted ... and killed".
    more = _COORDINATED.match(text, cue_end, end) if category != "casualties" else None
    # "... were killed and many more wounded": a new subject, other people.
    if more and _NEW_SUBJECT.match(text, more.end(), end):
        more = None
    second = right(cue_end, stop) if more else None
    if second is not None and second[0] != category:
        for k in group:
            figs[k].also.append((second[0], second[1]))


def _assign(text: str, start: int, end: int, figs: list[Figure], group: list[int], reading: _Reading) -> None:
    """The group's figures take the reading (a figure's own noun may keep its category)."""
    category, detail, rule, flags = reading.category, reading.detail, reading.rule, reading.flags
    first = figs[group[0]]
    sentence = text[start:end]
    clause = max((m.end() for m in lx.ALTERNATIVE_REPORT_END_RE.finditer(text, start, first.num.span[0])), default=start)
    if lx.HEDGE_RE.search(sentence) or lx.ALTERNATIVE_REPORT_RE.search(text, clause, first.num.span[0]):
        flags.append("hedged")  # "may have been"; "Some reports claim 32 dead": another source's figure
    if "cumulative" not in flags and lx.CUMULATIVE_RE.search(text[max(start, first.num.span[0] - 80) : first.num.span[0]]):
        flags.append("cumulative")
    for k in group:
        fig = figs[k]
        fig.category, fig.detail = category, detail
        fig.rule = f"{RULE_PREFIX}.{rule}" + ("+list" if len(group) > 1 else "")
        fig.flags = flags + (["additional"] if fig.num.additional or _more_people(text, start, fig, reading.also) else [])
        if fig.noun_category and fig.noun_category != category and (
            fig.noun_category != "killed" or rule.startswith("noun:")  # "45 wounded and 12 dead"
        ) and not (category in ("killed", "wounded") and fig.noun_category in _STATUS_CATEGORIES
                   and not reading.by_words) \
                and (fig.noun_category, category) != ("displaced", "returned"):  # fmt: skip
            # but "beheaded two hostages" kills them, and "600 displaced families have
            # returned home" says a return; a status noun beside another noun keeps its own
            # fate ("1,108 injured and 32 missing": no verb reads the list, each noun does)
            fig.category = fig.noun_category
        elif len(group) > 1 and k != group[0] and category == "killed" and rule.startswith("left:") \
                and _OWN_WOUND_AFTER.match(text, fig.span[1], end):  # fmt: skip
            fig.category, fig.rule = "wounded", f"{RULE_PREFIX}.left:wounded.own+list"  # "and a third severely wounded"


def _more_people(text: str, start: int, fig: Figure, also: bool) -> bool:
    """Said to add to people already counted: "2 other policemen were killed", "the other two
    victims died", "three members of his family were also killed"."""
    return also or bool(_OTHER_AFTER.match(text, fig.num.span[1])) \
        or bool(_OTHER_BEFORE.search(text, max(start, fig.num.span[0] - 10), fig.num.span[0]))  # fmt: skip
