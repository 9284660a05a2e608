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
Explicit zeros ("nobody was killed") become figures with value 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tollbook.extract import attackers, headlines, phrases, victims
from tollbook.extract.cues import (
    ahead,
    irrealis,
    left_cue,
    left_result,
    needs_completion,
    one_was_cue,
    relative_cue,
    right_cue,
    toll_category,
)
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.heads import OF_THEM, head_of, singular_head, were_population
from tollbook.extract.numbers import NumberMention, find_numbers
from tollbook.model import Span
from tollbook.tally.rules import ATTACKER_SELF_RULE

RULE_PREFIX = "count"

_EVENT_END = re.compile(r"\b(?:fatalities|fatality|deaths|casualties)\Z", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:his|her|their)\b", re.I)
_AND_NEXT = re.compile(
    r"\s*(?:,\s*)?(?:and|as\s+well\s+as)\s+(?:\d|an?\b|the\b|his\b|her\b|their\b|one\b|two\b|three\b)", re.I
)
#: "including five with disabilities and 90 infants": a part the rules could not read (no head
#: noun) still opens the list, so the next figure is a part too, not a new group.
_UNREAD_PART = re.compile(
    r"\s*(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|"
    r"hundreds|several|some)\s+(?:with|in|on|under|over|from|of|aged|who\s+\w+)\s+[^,;:.()\d]{0,40}?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)\Z",
    re.IGNORECASE,
)
_POSTED = re.compile(r"arriv|\bbases?\b|\bcompounds?\b", re.IGNORECASE)
#: "More than 150 people, the whole population of Sarn, were displaced": an apposition
#: (closed by its comma) may stand between a figure and its predicate.
_APPOSITION = re.compile(
    r"\s*,\s+(?:the|a|an|mostly|mainly|many|most|all|almost|nearly|some)\s[^,;.:()]{0,80}?"
    r"(?:\([^()]{0,60}\))?\s*,(?=\s)", re.IGNORECASE
)
#: "About 400 people from the town of Pital in the south-east sought refuge": an origin phrase
#: may hold the predicate further off than other words do.
_FROM_ORIGIN = re.compile(r"\s+from\s+(?:the\s+)?(?:[A-Z]|(?:town|village|city|district|area|region|province)s?\b)")
_BY_BEFORE = re.compile(r"\bby\s+\Z")
_NEW_SUBJECT = re.compile(
    r"\s*(?:many|more|others?|several|some|few|dozens|scores|hundreds|thousands|numerous|countless|"
    r"a\s+(?:number|few|handful)|an\s+unknown)\b", re.IGNORECASE)
#: Categories a noun gives people before the event: killing or wounding them changes nothing.
_STATUS_CATEGORIES = frozenset({"hostage", "detained", "displaced", "missing"})
_MORE = re.compile(r"\s+more\b(?!\s+than\b)", re.IGNORECASE)
_FREE_AFTER = re.compile(
    r"^\s*(?:(?-i:[A-Z]{2,}[\w/-]*)\b|[,.;:)\]]|—|–|-\s|and\b|or\b|in\b|on\b|at\b|near\b|during\b|when\b|after\b|"
    r"as\b|since\b|across\b|around\b|amid\b|amidst\b|so\s+far|last\b|this\b|overnight\b|$)",
    re.IGNORECASE,
)
_OR_WOUNDED = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+|\s*/\s*)(?:injured|wounded|hurt)\b(?!\s+(?:\d|an?\b|the\b|his\b|her\b|one\b|two\b|three\b|four\b|five\b|several\b|dozens\b|others?\b|many\b|more\b))",
                         re.IGNORECASE)  # fmt: skip
_COORDINATED = re.compile(r"(?:\s+by\s+[^,.;]{1,40}?)?\s*,?\s+(?:and|before\s+being|then)\s", re.IGNORECASE)
_UNKNOWN_FATE = re.compile(r"\b(?:unknown|unclear|not\s+known|undetermined)\b", re.IGNORECASE)
_CONTAINER_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b)(?:among|of)\s+the\s*$", re.IGNORECASE)
_WERE_AMONG = re.compile(r"^\s*(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?$", re.IGNORECASE)
_ATTACKER_SELF = re.compile(
    r"\b(?P<who>suicide\s+bomber|bomber|attacker|gunman|assailant|militant)\b[^.;]{0,120}?"
    r"\b(?:killed|blew\s+up|shot|turn(?:ed|ing)?\s+the\s+gun\s+on)\s+(?P<self>himself|herself)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Figure:
    """A count found in a sentence; mutable while the sentence's structure is worked out."""

    num: NumberMention
    span: Span  # the figure and its head noun as written
    population: str
    population_class: str
    unit: str
    category: str | None = None
    detail: str | None = None
    parent: int | None = None  # index into the sentence's figure list
    relation: str | None = None
    rule: str = ""
    flags: list[str] = field(default_factory=list)
    noun_category: str | None = None
    also: list[tuple[str, str | None]] = field(default_factory=list)  # "abducted and killed"
    has_head: bool = False
    left: tuple[str, str, int] | None = None  # (category, note, cue start)


def _adjacent(text: str, fig: Figure, end: int, figures: list[Figure]) -> bool:
    """An open-class figure counts only next to its cue: a cue verb right before it, a
    predicate right after it, or coordination with a neighbouring figure."""
    head = text[fig.num.span[1] : fig.span[1]].split()
    if fig.num.written == "determiner" and head and head[-1][:1].isupper():
        return False  # "the Lorsk Human Rights Centre": a name, not people
    if _POSSESSIVE.match(fig.num.text) and head and head[-1].lower() not in lx.POPULATIONS:
        return False  # "his son" is a person, "his head" or "his unit" is not
    if fig.left is not None:
        cue = text[fig.left[2] : fig.num.span[0]]
        if len(cue.split()) > 4 or re.search(r"\d", cue):
            return False  # a toll's frame ("stands at 48, according to"), not a verb on them
        return bool(_FREE_AFTER.match(ahead(text, fig.span[1], end)) or phrases.AFTER_OBJECT.match(text, fig.span[1], end))
    after = ahead(text, fig.span[1], end)
    # "The leader of a local group was shot dead": the cue may follow an of-complement.
    tail = phrases.OF_TAIL.match(after)
    starts = [0] + ([m.end() for m in re.finditer(r"[\w'’.-]+", tail.group(0))] if tail else [])
    joined = bool(figures) and re.match(r"^\s*,?\s*(?:and|as\s+well\s+as)\s+$",
                                         text[figures[-1].span[1] : fig.num.span[0]]) is not None  # fmt: skip
    for at in starts:
        rest = after[at:].lstrip(" ,")
        if lx.RIGHT_CUE_ANY.match(rest):
            # "the border were abducted": a singular noun is not the subject of "were".
            return at > 0 or joined or fig.num.value != 1 or not _WERE_FIRST.match(rest) \
                or (bool(head) and head[-1].lower() in phrases.EITHER_NUMBER)  # fmt: skip
    if joined:
        return True
    return bool(_AND_NEXT.match(after))


_WERE_FIRST = re.compile(r"(?:who\s+|that\s+)?(?:were|are|have)\b", re.IGNORECASE)

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
                  has_head=True, left=(category, "cumulative", cue_start))  # fmt: skip


_FAMILY_OF = re.compile(r"\b(?:a|one|an\s+entire|a\s+whole)\s+family\s+of\s+\Z", re.IGNORECASE)
def _with_more(text: str, num: NumberMention, end: int) -> NumberMention:
    """"3 more people died", "two more were wounded": the figure adds to those counted before."""
    m = _MORE.match(text, num.span[1], end) if num.kind == "cardinal" else None
    if m is None:
        return num
    return replace(num, span=(num.span[0], m.end()), text=text[num.span[0] : m.end()], additional=True)


#: A determiner after a partitive or collective "of" starts no count of its own.
_OF_COMPLEMENT = re.compile(
    r"(?:\b(?:members?|some|most|many|all|each|none|several|dozens|hundreds|scores|part|rest|remainder|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d)\s+of\s+\Z", re.IGNORECASE
)
_REL_PRONOUN = re.compile(r"\s*,?\s*(?:who|that)\b", re.IGNORECASE)
def find_figures(text: str, start: int, end: int, exclude: list[Span]) -> list[Figure]:
    """All count figures of the sentence text[start:end] (absolute spans)."""
    figures: list[Figure] = []
    # Telegraphic figures ("Four killed, one injured") are read first; the rules below skip them.
    telegraphic = headlines.find_headlines(text, start, end)
    exclude = exclude + [h.num.number_span for h in telegraphic]
    numbers = [_with_more(text, n, end) for n in find_numbers(text, start, end)]
    taken = [n.span for n in numbers if n.kind == "cardinal"]
    singulars = list(lx.SINGULAR_RE.finditer(text, start, end))
    for m in singulars:
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        # "another soldier", "a fourth person": one more than those already counted
        more = m.group("a").lower() == "another" or bool(_ORDINAL.search(m.group(0)))
        numbers.append(NumberMention(span=m.span("a"), number_span=m.span("a"), text=m.group("a"),
                                     value=1.0, low=1.0, high=1.0, qualifier="exact", kind="cardinal",
                                     additional=more, written="article"))  # fmt: skip
    taken += [m.span() for m in singulars]
    numbers += phrases.pronouns(text, start, end) + phrases.determiners(text, start, end, taken)
    numbers.sort(key=lambda n: n.span[0])
    for num in numbers:
        if num.kind != "cardinal" or any(s < num.number_span[1] and num.number_span[0] < e for s, e in exclude):
            continue
        if _BY_BEFORE.search(text[max(start, num.span[0] - 4) : num.span[0]]):
            continue  # "abducted by four men": the agents, not the victims
        if num.written == "pronoun":
            left = left_cue(text, start, num.span[0])
            if (left is not None and left[0] == "killed" and _FREE_AFTER.match(ahead(text, num.span[1], end))) \
                    or re.match(r"\s+(?:dead|killed)\b", ahead(text, num.span[1], end)) \
                    or num.text.lower().endswith(" death"):  # "resulting in his death"  # fmt: skip
                figures.append(Figure(num=num, span=num.span, population="people", population_class="unknown",
                                      unit="people", has_head=True, left=left or ("killed", "", num.span[0])))  # fmt: skip
            continue
        if num.written in ("determiner", "article") \
                and _OF_COMPLEMENT.search(text, max(start, num.span[0] - 30), num.span[0]):  # fmt: skip
            continue  # "five members of an indigenous guard": the group they belong to
        if num.written == "determiner":
            head = None
        elif num.written == "article":
            head = singular_head(text, num, end)
            if head is None:
                continue
        else:
            head = head_of(text, num, end)
        open_class = head is None and num.written in ("determiner", "digits", "words")
        if open_class:
            remains = phrases.HUMAN_REMAINS.match(text, num.span[1], end)
            opened = phrases.open_np(text, num.span[1], end, plural=num.value > 1)
            if num.written == "determiner" and opened is None and not remains:
                continue  # most determiners start no count: skip the costly cue scan
        left = left_cue(text, start, num.span[0])
        if left is not None and left[1] == "ahead":
            total = _total_ahead(text, num, end, left[2])
            if total is not None:
                figures.append(total)
                continue
            left = None
        family = _FAMILY_OF.search(text, max(start, num.span[0] - 16), num.span[0]) if head is None else None
        if family is not None and left is None:
            left = left_cue(text, start, family.start())  # "killed a family of three": 3 people
        if open_class:
            if remains and re.search(r"human|skull", remains.group(0), re.I):
                fig = Figure(num=num, span=(num.span[0], remains.end()), population="people",
                             population_class="unknown", unit="people", noun_category="killed",
                             has_head=True, left=left)  # fmt: skip
                figures.append(fig)
                continue
            if opened is not None and num.written == "determiner" and num.text.lower() in ("a", "an") \
                    and phrases.DEAD_BODY.search(text[num.span[1] : opened[0]].strip()):  # fmt: skip
                figures.append(Figure(num=num, span=(num.span[0], opened[0]), population="people",
                                      population_class="unknown", unit="people", noun_category="killed",
                                      has_head=True, left=left))  # fmt: skip
                continue  # "a female body was found": one dead person
            if opened is not None:
                np_end, word = opened
                population, cls, unit = lx.POPULATIONS.get(word, ("people", "unknown", "people"))
                fig = Figure(num=num, span=(num.span[0], np_end), population=population,
                             population_class=cls, unit=unit, has_head=True, left=left)  # fmt: skip
                if _adjacent(text, fig, end, figures):
                    figures.append(fig)
                continue
            if num.written == "determiner":
                continue
        if head is None:
            if num.written == "words" and num.value == 1 and left is None \
                    and not one_was_cue(text, start, num.span, end):  # fmt: skip
                continue  # "one of the worst": a pronoun, not a count ("and one was killed" is)
            bare_cue = any(rx.match(text, num.span[1] + 1, end) for rx, _c, _d in lx.RIGHT_CUE_RES[:1] + lx.DISPLACED_CUE_RES) \
                and text[num.span[1] : num.span[1] + 1].isspace()  # "Around 100,000 fled"  # fmt: skip
            if left is None and not bare_cue and not re.match(r"^\s+(?:were|was|are|who|that|had|have)\b", ahead(text, num.span[1], end)):
                continue
            if left is not None and not _FREE_AFTER.match(ahead(text, num.span[1], end)):
                continue  # "killed 15 cows"
            fig = Figure(num=num, span=num.span, population="people", population_class="unknown",
                         unit="people", left=left)  # fmt: skip
            if left is not None:
                # "the number of soldiers killed ... to 300": the toll names its people.
                pm = lx.POP_RE.search(text, left[2], num.span[0])
                if pm and family is None and pm.group(0).lower() not in ("dead", "casualties", "lives", "victims"):
                    fig.population, fig.population_class, fig.unit = lx.POPULATIONS[pm.group(0).lower()]
        else:
            population, cls, unit, np_end, noun_cat = head
            fig = Figure(num=num, span=(num.span[0], np_end), population=population,
                         population_class=cls, unit=unit, noun_category=noun_cat,
                         has_head=True, left=left)  # fmt: skip
        figures.append(fig)
    _structure(text, start, end, figures)
    for fig in list(figures):
        for category, detail in fig.also:
            twin = Figure(num=fig.num, span=fig.span, population=fig.population,
                          population_class=fig.population_class, unit=fig.unit, category=category,
                          detail=detail, rule=fig.rule.replace(f":{fig.category}", f":{category}") + "+coordinated",
                          flags=list(fig.flags), has_head=fig.has_head)  # fmt: skip
            figures.append(twin)
    for fig in figures:
        if fig.category == "displaced" and fig.population_class == "combatant" \
                and _POSTED.search(text, fig.span[1], min(end, fig.span[1] + 60)):  # fmt: skip
            fig.category = None  # "200 soldiers arrived in the town": reinforcements, not displacement
        elif fig.category == "returned" and fig.population_class == "combatant":
            fig.category = None  # "troops returned to base"
    for fig in figures:
        if fig.category is not None and victims.undone_after(text, fig.span[1], end):
            fig.category = None  # "a suspected thief was nearly lynched"
    for h in telegraphic:
        figures.append(Figure(num=h.num, span=h.span, population=h.population, population_class=h.population_class,
                              unit="people", category=h.category, rule=f"{RULE_PREFIX}.headline_{h.how}:{h.category}",
                              flags=["additional"] if h.num.additional else [], has_head=True))  # fmt: skip
    for v in victims.find_victims(text, start, end, [f.span for f in figures if f.category is not None] + exclude):
        listed = "+list" if v.how == "list" else ""
        if v.counted:  # a list member already read: it adds up with the others
            for f in figures:
                if f.span[0] < v.span[1] and v.span[0] < f.span[1] and f.category == v.category \
                        and not f.rule.endswith("+list"):  # fmt: skip
                    f.rule += listed
            continue
        figures.append(Figure(num=phrases.mention(v.span, text[v.span[0] : v.span[1]], v.value, "name"), span=v.span,
                              population=v.population, population_class=v.population_class, unit="people",
                              category=v.category, rule=f"{RULE_PREFIX}.victim_{v.how}:{v.category}{listed}",
                              has_head=True))  # fmt: skip
    _drop_agents(text, figures)
    for a in attackers.find_attacker_deaths(text, start, end):
        spans = [a.span] + ([a.figure] if a.figure else [])
        if not any(f.span[0] < b and s < f.span[1] and f.category is not None for f in figures for s, b in spans):
            figures.append(Figure(num=phrases.mention(a.span, text[a.span[0] : a.span[1]], a.value, "pronoun"),
                                  span=a.span, population="militants", population_class="combatant",
                                  unit="people", category="killed", rule=ATTACKER_SELF_RULE,
                                  flags=["attackers"], has_head=True))  # fmt: skip
    for fig in figures:
        if fig.category is not None and "attackers" not in fig.flags and attackers.is_attacker(
                text[fig.span[0] : fig.span[1]]):  # fmt: skip
            fig.flags.append("attackers")
    if not any(f.category is not None for f in figures):
        found = phrases.unquantified(text, start, end, lambda at: irrealis(text, start, at))
        if found is not None:
            num, category = found
            figures.append(Figure(num=num, span=num.span, population="people", population_class="unknown",
                                  unit="people", category=category, rule=f"{RULE_PREFIX}.unquantified:{category}",
                                  flags=["unquantified"], has_head=True))  # fmt: skip
    kept = [k for k, f in enumerate(figures) if f.category is not None]
    new_index = {old: new for new, old in enumerate(kept)}
    out = []
    for k in kept:
        fig = figures[k]
        fig.parent = new_index.get(fig.parent) if fig.parent is not None else None
        fig.relation = fig.relation if fig.parent is not None else None
        out.append(fig)
    return out


_AGENT_GAP = re.compile(r"^[^,;:.()]{1,40}$")


def _drop_agents(text: str, figures: list[Figure]) -> None:
    """"A crowd stoned to death a suspected informer": the figure before an active verb whose
    victims were read after it is the agent, not the dead."""
    victims_after = [f for f in figures if f.rule.split(":")[0].endswith(("victim_object", "victim_role", "headline_active"))]
    for fig in figures:
        if fig.category is None or ".right:" not in fig.rule:
            continue
        for v in victims_after:
            if v.span[0] > fig.span[1] and _AGENT_GAP.match(text[fig.span[1] : v.span[0]]):
                fig.category = None
                break


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
    memo: dict[tuple[int, int, int], tuple[str, str | None, int] | None] = {}

    def cue_after(at: int, stop: int, reach: int = 9) -> tuple[str, str | None, int] | None:
        # The breakdown check and the categorisation read the same figure's right cue.
        if (at, stop, reach) not in memo:
            memo[at, stop, reach] = right_cue(text, at, stop, reach)
        return memo[at, stop, reach]

    for k, fig in enumerate(figs):
        prev = figs[k - 1] if k else None
        between = text[prev.span[1] : fig.num.span[0]] if prev else ""
        first_part = breakdown_end >= 0 and (not text[breakdown_end : fig.num.span[0]].strip()
                                             or bool(_UNREAD_PART.match(text, breakdown_end, fig.num.span[0])))  # fmt: skip
        if prev is not None and breakdown_parent is not None and (
            first_part or (k - 1 in parts.get(breakdown_parent, []) and lx.LIST_SEP_RE.match(between))
        ) and _part_ok(text, fig, end):
            breakdown_end = -1
            _make_part(figs, parts, k, breakdown_parent)
            continue
        if container is not None and k == container + 1 and re.search(r"(?:\bwere|\bwas|,)\s*$", between) \
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
        breakdown_parent, breakdown_end, container = None, -1, None
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
        elif prev is not None and groups and re.match(r"^\s*(?:\(|,?\s*or)\s*$", between) and prev.unit != fig.unit:
            groups[-1].append(k)  # "125 families (about 800 people)": one group, said twice
        elif prev is not None and lx.LIST_SEP_RE.match(between) and fig.left is None and fig.has_head and groups:
            groups[-1].append(k)
        else:
            groups.append([k])
        if _CONTAINER_BEFORE.search(text[max(start, fig.num.span[0] - 12) : fig.num.span[0]]):
            container = k
        # A breakdown may follow the noun phrase directly, after the predicate, or later.
        nxt = _next_start(figs, k, end)
        cue = cue_after(fig.span[1], nxt)
        for at in (fig.span[1], cue[2] if cue else -1):
            bm = lx.BREAKDOWN_RE.match(ahead(text, at, end)) if at >= 0 else None
            if bm:
                breakdown_parent, breakdown_end = k, at + bm.end()
                break
        else:
            am = lx.BREAKDOWN_ANYWHERE_RE.search(text, fig.span[1], nxt)
            if am and nxt < end:
                breakdown_parent, breakdown_end = k, am.end()
    for k in range(1, len(figs)):
        fig, prev_fig = figs[k], figs[k - 1]
        if fig.noun_category and fig.population == "people" and prev_fig.has_head and prev_fig.unit == "people" \
                and re.match(r"^\s*(?:were\s+\w+\s+)?and\s+$", text[prev_fig.span[1] : fig.num.span[0]].split(",")[-1]):  # fmt: skip
            fig.population, fig.population_class = prev_fig.population, prev_fig.population_class
    for group in groups:
        _categorise(text, start, end, figs, group, parts, cue_after)
    for fig in figs:
        if fig.relation == "part" and fig.parent is not None:
            parent = figs[fig.parent]
            fig.category, fig.detail = parent.category, fig.detail or parent.detail
            fig.rule = parent.rule + "+part"
            fig.flags = list(parent.flags)
        if fig.parent is not None and figs[fig.parent].category is None:
            fig.parent, fig.relation = None, None


def _next_start(figs: list[Figure], k: int, end: int) -> int:
    return figs[k + 1].num.span[0] if k + 1 < len(figs) else end


def _categorise(text: str, start: int, end: int, figs: list[Figure], group: list[int],
                parts: dict[int, list[int]], right: Callable[..., tuple[str, str | None, int] | None]) -> None:  # fmt: skip
    first, last = figs[group[0]], group[-1]
    tail = parts.get(last, [])
    last_idx = tail[-1] if tail else last
    category: str | None = None
    detail: str | None = None
    rule = ""
    flags: list[str] = []
    left = first.left
    also = False  # "were also killed", "also killed 2 civilians": more than those counted before
    if irrealis(text, start, left[2] if left else first.num.span[0]):
        return
    if left is not None:
        cat, note, _ = left
        if cat == "inherit":
            cat = next((f.category for f in reversed(figs[: group[0]]) if f.category and f.parent is None), "killed")
        if note == "fate":
            if _UNKNOWN_FATE.search(text, first.span[1], end):
                category, rule = "missing", "left:fate_unknown"
        elif cat in ("killed", "hostage", "displaced") and needs_completion(text, left[2], figs[last_idx].span[1], end) is False:
            pass
        else:
            # "left 3 soldiers injured": the completing word, not the verb, says what happened.
            cat = (left_result(text, left[2], first.span[1], end) if first.noun_category is None else None) or cat
            category, rule = cat, f"left:{cat}" + (f".{note}" if note else "")
            also = bool(_ALSO_BEFORE.search(text, max(start, left[2] - 6), left[2]))
            if note in ("update", "cumulative"):
                flags.append(note)
            elif note == "among":
                flags.append("part_of_previous")
    if category is None:
        stop = _next_start(figs, last_idx, end)
        reach = 16 if _FROM_ORIGIN.match(text, figs[last_idx].span[1], stop) else 9
        cue = right(figs[last_idx].span[1], stop, reach)
        apposition = _APPOSITION.match(text, figs[last_idx].span[1], stop) if cue is None else None
        if apposition:
            cue = right(apposition.end(), stop)
        if cue is None and last_idx != last:
            cue = right(figs[last].span[1], figs[last + 1].num.span[0] if last + 1 < len(figs) else end)
        if cue is None and figs[last_idx].has_head and first.left is None:
            cue = relative_cue(text, figs[last_idx].span[1], figs[last_idx].num.value, stop)
        if cue is not None:
            category, detail, cue_end = cue
            rule = f"right:{category}"
            also = bool(_ALSO_IN.match(text, figs[last_idx].span[1], cue_end))
            if _REL_PRONOUN.match(text, figs[last_idx].span[1]):
                # "a person who was abducted ..., was found dead": the clause's verb, then the main one.
                main = relative_cue(text, figs[last_idx].span[1], figs[last_idx].num.value, stop, after=cue_end)
                if main is not None and main[0] != category:
                    for k in group:
                        figs[k].also.append((main[0], main[1]))
            if category == "killed" and _OR_WOUNDED.match(text, cue_end, end):
                # "7 militants were killed and wounded", "killed, injured or captured": the
                # source does not say how many died, as with "killing and injuring 20".
                category, rule = "casualties", "right:casualties"
            # A coordinated second predicate counts the same people again: "abducted ... and killed".
            more = _COORDINATED.match(text, cue_end, end) if category != "casualties" else None
            # "... were killed and many more wounded": a new subject, other people.
            if more and _NEW_SUBJECT.match(text, more.end(), end):
                more = None
            second = right(cue_end, stop) if more else None
            if second is not None and second[0] != category:
                for k in group:
                    figs[k].also.append((second[0], second[1]))
    if category is None and first.noun_category is not None:
        category, rule = first.noun_category, f"noun:{first.noun_category}"
    closing = figs[last]
    if category is None and len(group) > 1 and closing.noun_category is not None \
            and _EVENT_END.search(text, closing.span[0], closing.span[1]):  # fmt: skip
        # "25 ADF fighters and 6 military fatalities": the closing noun counts every member.
        category, rule = closing.noun_category, f"noun:{closing.noun_category}"
    if category is None:
        return
    sentence = text[start:end]
    if lx.HEDGE_RE.search(sentence):
        flags.append("hedged")
    if "cumulative" not in flags and lx.CUMULATIVE_RE.search(text[max(start, first.num.span[0] - 80) : first.num.span[0]]):
        flags.append("cumulative")
    for k in group:
        fig = figs[k]
        fig.category, fig.detail = category, detail
        fig.rule = f"{RULE_PREFIX}.{rule}" + ("+list" if len(group) > 1 else "")
        fig.flags = flags + (["additional"] if fig.num.additional or _more_people(text, start, fig, also) else [])
        if fig.noun_category and fig.noun_category != category and (
            fig.noun_category != "killed" or rule.startswith("noun:")  # "45 wounded and 12 dead"
        ) and not (category in ("killed", "wounded") and fig.noun_category in _STATUS_CATEGORIES) \
                and (fig.noun_category, category) != ("displaced", "returned"):  # fmt: skip
            # but "beheaded two hostages" kills them, and "600 displaced families have
            # returned home" says a return
            fig.category = fig.noun_category


_ALSO_BEFORE = re.compile(r"\balso\s+\Z", re.IGNORECASE)
_ALSO_IN = re.compile(r"\s*(?:were|was|have\s+been|had\s+been|has\s+been)\s+also\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)
# "2 more policemen" is flagged by _with_more, which reads "more" with the number.
_OTHER_AFTER = re.compile(r"\s+(?:other|additional|further)\b(?!\s+than)", re.IGNORECASE)
_OTHER_BEFORE = re.compile(r"\b(?:the\s+)?other\s+\Z", re.IGNORECASE)


def _more_people(text: str, start: int, fig: Figure, also: bool) -> bool:
    """Said to add to people already counted: "2 other policemen were killed", "the other two
    victims died", "three members of his family were also killed"."""
    return also or bool(_OTHER_AFTER.match(text, fig.num.span[1])) \
        or bool(_OTHER_BEFORE.search(text, max(start, fig.num.span[0] - 10), fig.num.span[0]))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Zero:
    """An explicit zero: "nobody was killed"."""

    span: Span
    category: str
    text: str


def find_zeros(text: str, start: int, end: int) -> list[Zero]:
    """Explicit zeros; "no casualties" counts as nobody killed (the narrower reading)."""
    out: list[Zero] = []
    for m in lx.ZERO_RE.finditer(text, start, end):
        z = m.group("z").lower()
        if irrealis(text, start, m.start()):
            continue
        category = "wounded" if re.search(r"injur|hurt|wound|harm", z) else "killed"
        out.append(Zero(span=m.span("z"), category=category, text=m.group(0)))
    return out


def find_attackers(text: str, start: int, end: int) -> list[Span]:
    """'a suicide bomber killed himself': the span of 'himself' (one attacker killed)."""
    return [m.span("self") for m in _ATTACKER_SELF.finditer(text, start, end)]
