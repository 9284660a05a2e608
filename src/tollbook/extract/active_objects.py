"""Objects of an active lethal or wounding verb that no other rule read: sentence text -> Victim*.

"killing its civilian driver and a soldier" (2), "The NPA killed a U.S. Marine" (1),
"assassinated University of San Carlos professor Flavio Quesada" (1), "killing all 47
passengers" (47), the historic present "Gunmen kill APC deputy ward chairman" (1), "murdered them" (the group counted before), "killing them both" (2): the
object of "killed", "murdered", "shot dead", "shot and killed"... dies. The object is a noun
phrase opened by a determiner, a figure, "all" and a figure, a capitalised word (a name, a
title, a nationality) or a pronoun; a second member after "and" adds its own count.
When a rule read the first member only ("killed a thief and his accomplice", "a thief" read),
the second is captives.find_second_objects' to read, for every category.

Guards: the verb is active (not after "was", "been", a determiner: "the killing of"), not
undone or hypothetical (victims.undone_before), not part of a mixed toll ("killed or wounded");
an object already read (any rule's figure overlaps it) is not read again; reflexives and zeros
are no objects (grammar/active_objects.NOT_OBJECTS); a plural head without a figure ("their
bodyguards") counts nobody; "them" needs a group counted before (anaphora.antecedent).

The wounding verbs are read the same way, as wounded (grammar/active_objects.WOUNDING_VERBS:
"wounding the three people in the vehicle", "shot and injured one of the perpetrators",
"stabbed an Israeli woman"), unless a lethal result follows the object ("stabbed him to death"),
a pronoun restates it ("stabbed a boy, wounding him") or "or" makes a mixed toll ("killed or
wounded five soldiers"). A definite object may state its figure ("the other two"), and a figure
of two or more may stand alone ("wounded eight before they fled").
"""

from __future__ import annotations

from tollbook.extract import anaphora, member_lists, persons, victims
from tollbook.extract.grammar import active_objects as ob
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import member_list_patterns as ml
from tollbook.extract.grammar import numberwords as nw
from tollbook.extract.grammar.active_object_patterns import ALL as _ALL
from tollbook.extract.grammar.active_object_patterns import AND_MEMBER as _AND_MEMBER
from tollbook.extract.grammar.active_object_patterns import LAST_WORD as _LAST_WORD
from tollbook.extract.grammar.active_object_patterns import LETHAL_AFTER_OBJECT as _LETHAL
from tollbook.extract.grammar.active_object_patterns import LIST_MEMBER as _LIST_MEMBER
from tollbook.extract.grammar.active_object_patterns import ONE_OF as _ONE_OF
from tollbook.extract.grammar.active_object_patterns import OTHERS as _OTHERS
from tollbook.extract.grammar.active_object_patterns import RESTATED_AFTER as _RESTATED_AFTER
from tollbook.extract.grammar.active_object_patterns import THE_FIGURE as _THE_FIGURE
from tollbook.extract.grammar.active_object_patterns import THEM as _THEM
from tollbook.extract.grammar.active_object_patterns import VERB as _VERB
from tollbook.extract.grammar.active_object_patterns import VERB_GATE as _VERB_GATE
from tollbook.extract.grammar.active_object_patterns import WORD as _WORD
from tollbook.extract.grammar.active_object_patterns import WOUND_VERB as _WOUND_VERB
from tollbook.extract.grammar.active_object_patterns import WOUND_VERB_GATE as _WOUND_VERB_GATE
from tollbook.extract.grammar.victim_patterns import PRESENT_NOT_AFTER as _PRESENT_NOT_AFTER
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span, overlaps

__all__ = ["find_objects", "member", "members"]


def _plural(word: str) -> bool:
    low = word.lower()
    return word.islower() and low.endswith(ob.PLURAL_NOUN_ENDINGS) and not low.endswith(ob.NOT_PLURAL_ENDINGS)


def _participle_after_head(tok: str, last: str) -> bool:
    """"three tourists returning from", "two men suspected of": a participle after the head
    modifies it ("a sleeping guard": before the head, it is part of the phrase)."""
    low = last.lower()
    return tok.islower() and tok.endswith(("ing", "ed")) and low not in ob.DETERMINERS \
        and not low[:1].isdigit() and low.split("-")[0] not in nw.NUMBER_WORDS  # fmt: skip


def _title_before_name(text: str, pos: int, end: int) -> bool:
    """"militant Basque separatist Juan Lopategui": lowercase singular words of a title, then a
    capitalised word within three words (no preposition between)."""
    p = pos
    for _ in range(3):
        w = _WORD.match(text, p, end)
        if w is None or text[p : w.start("w")].strip():
            return False
        tok = w.group("w")
        if tok[:1].isupper():
            return p > pos
        if tok.lower() in ob.NP_STOPS or tok.lower() in ob.DETERMINERS or tok.lower() in ob.QUANTIFIERS \
                or _plural(tok) or not tok.isalpha():  # fmt: skip
            return False
        p = w.end()
    return False


def _pronoun_ends(text: str, pos: int, end: int) -> bool:
    """Does the object end after "him"/"her" (punctuation, an adverb, a preposition)?"""
    w = _WORD.match(text, pos, end)
    word = w.group("w").lower().rstrip(".") if w is not None else ""
    return w is None or bool(text[pos : w.start("w")].strip()) or word in ob.NP_STOPS or word.endswith("ly")


def members(text: str, pos: int, end: int) -> tuple[int, int, float] | None:
    """(end of the first member, end of the object, count) of the object starting at `pos`:
    one member, or two joined by "and" ("his driver and a bodyguard"); None when it names no
    people."""
    first = member(text, pos, end)
    if first is None:
        return None
    joined = _AND_MEMBER.match(text, first[0], end)
    second = member(text, joined.end(), end) if joined is not None else None
    if second is None:
        return first[0], first[0], first[1]
    return first[0], second[0], first[1] + second[1]


def member(text: str, pos: int, end: int) -> tuple[int, float] | None:
    """(end, count) of one member of the object starting at `pos`, or None when it names no
    countable people."""
    p = pos
    all_ = _ALL.match(text, p, end)
    if all_ is not None:
        p = all_.end()
    first = _WORD.match(text, p, end)
    if first is None:
        return None
    word = first.group("w")
    low = word.lower().rstrip(".")
    value: float | None = None
    partitive = False
    if word[0].isdigit() or low.split("-")[0] in nw.NUMBER_WORDS:
        nums = [n for n in find_numbers(text, first.start("w"), min(end, first.start("w") + 40)) if n.kind == "cardinal"]
        partitive = _ONE_OF.match(text, first.start("w"), end) is not None
        if nums and nums[0].span[0] == first.start("w") and nums[0].written in ("digits", "words"):
            value, p = nums[0].value, nums[0].span[1]
        elif partitive:
            value, p = 1.0, first.end()  # "killing one of the province's clerics"
        else:
            return None
    elif low in ob.ONE_PRONOUNS and all_ is None and _pronoun_ends(text, first.end(), end):
        return first.end(), 1.0  # "killing him instantly" ("her driver": a possessive)
    elif all_ is not None or low in ob.NOT_OBJECTS:
        return None  # "killing all the occupants": how many is not said
    elif low in ob.DETERMINERS or word[0].isupper() or _title_before_name(text, first.start("w"), end):
        value, p = 1.0, first.start("w")
        the = _THE_FIGURE.match(text, first.start("w"), end)
        nums = [n for n in find_numbers(text, the.end(), min(end, the.end() + 40)) if n.kind == "cardinal"] if the else []
        if the is not None and nums and nums[0].span[0] == the.end() and nums[0].written in ("digits", "words"):
            value, p = nums[0].value, nums[0].span[1]  # "the three people", "the other two"
    else:
        return None
    last: str | None = None
    head_before_of: str | None = None
    np_end = p
    for _ in range(10):
        w = _WORD.match(text, np_end, end)
        if w is None or text[np_end : w.start("w")].strip():
            break  # punctuation ends the phrase
        tok = w.group("w")
        if last is not None and (tok.lower().rstrip(".") in ob.NP_STOPS or _participle_after_head(tok, last)):
            break
        if last is None and p > first.start("w") and tok.lower().rstrip(".") in ob.NP_STOPS:
            break  # "wounded eight before they fled": the figure stands alone
        if tok.lower() == ob.COMPLEMENT_OF and head_before_of is None and last is not None:
            head_before_of = last
        last, np_end = tok, w.end()
        if tok.endswith(".") and not tok[:-1].replace(".", "").isupper():
            np_end -= 1  # a full stop, not an abbreviation
            break
    if last is None:
        # "wounded eight before", "wounding the other two.": a figure of two or more is its own phrase
        return (p, value) if value is not None and value >= 2 and p > first.start("w") and not partitive else None
    head = (head_before_of if head_before_of is not None and not partitive else last).rstrip(".")
    if head.lower() in lx.NON_PERSON or (value == 1.0 and _plural(head) and not partitive):
        return None  # "15 cows", "a car", "their bodyguards"
    return np_end, value


def _listed(text: str, first_start: int, first: tuple[int, float], end: int) -> tuple[int, float] | None:
    """(end, count) of an object listing three or more members, commas and a final "and"
    ("the First Secretary, his driver and two others"), or None. A list whose members a rule
    read in part still counts them all (the tally keeps the larger)."""
    p, total, n, commas = first[0], first[1], 1, False
    while n < ml.MAX_MEMBERS:
        sep = _LIST_MEMBER.match(text, p, end)
        if sep is None:
            return None
        nxt = member(text, sep.end(), end)
        others = _OTHERS.match(text, sep.end(), end) if nxt is None else None
        if others is not None:
            found = [n for n in find_numbers(text, others.start(), others.end()) if n.kind == "cardinal"]
            nxt = (others.end(), found[0].value) if found else None
        if nxt is None:
            return None
        p, total, n = nxt[0], total + nxt[1], n + 1
        if "and" in sep.group(0).lower():
            if not commas or n < 3:
                return None
            value = member_lists.list_value(text, (first_start, p))  # an apposition is one person
            return (p, value) if value is not None else None
        commas = True
    return None


def _person_object(text: str, verb: str, pos: int, np_end: int) -> bool:
    """May the member text[pos:np_end] after `verb` be people (persons.person_object)?"""
    words = text[pos:np_end].split()
    if ob.COMPLEMENT_OF in words[2:]:  # not a partitive's ("one of the village's elders")
        words = words[: words.index(ob.COMPLEMENT_OF, 2)]  # "two effigies of the governor": effigies
    head = words[-1].rstrip(".") if words else ""
    return not head or head.lower() in lx.POPULATIONS or persons.person_object(verb, head, " ".join(words[:-1]))


def find_objects(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people the objects of active lethal verbs in text[start:end] count, unless a `taken`
    span overlaps the object."""
    out: list[victims.Victim] = []
    verbs = [(m, "killed") for m in _VERB.finditer(text, start, end)] if literals.gate(text, start, end, _VERB_GATE) else []
    if literals.gate(text, start, end, _WOUND_VERB_GATE):
        verbs += [(m, "wounded") for m in _WOUND_VERB.finditer(text, start, end)]
    for m, category in sorted(verbs, key=lambda mc: mc[0].start()):
        before = _LAST_WORD.search(text, max(start, m.start() - 20), m.start())
        word = before.group(1).lower() if before is not None else ""
        gerund = m.group(0).split()[0].lower().endswith("ing")
        if word in ob.NOT_ACTIVE_BEFORE or (gerund and word in ob.GERUND_UNDONE) or word in ob.MIXED_BEFORE or word in ob.HEDGES:
            continue  # "was killed by", "the killing of", "suggested killing her"
        if victims.undone_before(text, start, m.start()):
            continue
        if m.groupdict().get("present") and _PRESENT_NOT_AFTER.search(text, max(start, m.start() - 12), m.start()):  # WOUND_VERB has no present
            continue  # "vowed to kill", "will not kill": no deed told
        pos = m.end()
        nxt = _WORD.match(text, pos, end)
        if nxt is None or nxt.group("w").lower() in ob.MIXED_AFTER or nxt.group("w").lower() in ob.COPULA_AFTER:
            continue
        listed: tuple[int, float] | None = None
        them = _THEM.match(text, pos, end)
        if them is not None:
            span = them.span()
            if them.group("both") or them.group("both2"):
                value: float | None = 2.0
            else:
                found = anaphora.antecedent(text, m.start(), None)
                value = found[0] if found else None
        else:
            first = member(text, pos, end)
            if first is None:
                continue
            span, value = (pos, first[0]), first[1]
            if not _person_object(text, m.group(0), pos, first[0]):
                continue  # "hanged two effigies": things
            joined = _AND_MEMBER.match(text, first[0], end)
            second = member(text, joined.end(), end) if joined is not None else None
            if second is not None:
                span, value = (pos, second[0]), value + second[1]
                # "killed a thief and his accomplice" with "a thief" read: the second member is
                # captives.find_second_objects' (one reader for every category), not read here
            listed = _listed(text, pos, first, end) if category in ml.CATEGORIES else None
            if listed is not None:
                span, value = (pos, listed[0]), listed[1]  # "injuring a French man, a Togolese and a Beninese woman"
        if value is None or span[1] <= span[0]:
            continue
        if category == "wounded" and (_LETHAL.match(text, span[1], end) or _RESTATED_AFTER.match(text, span[1], end)):
            continue  # "stabbed him to death"; "stabbed a boy, wounding him" (the pronoun is read)
        if (listed is None and overlaps(span[0], span[1], taken)) \
                or (listed is not None and not member_lists.unread(text, span, taken)) \
                or overlaps(span[0], span[1], (v.span for v in out)):  # fmt: skip
            continue
        m_pop = lx.POP_RE.search(text, span[0], span[1]) if _AND_MEMBER.search(text, span[0], span[1]) is None else None
        population, cls = lx.POPULATIONS[m_pop.group(0).lower()][:2] if m_pop else ("people", "unknown")
        out.append(victims.Victim(span, category, population, cls, "active_object", value=value))
    return out
