"""Victims named without a number: sentence text -> Victim* (one person each).

"Assailants shot and killed Faiz Karimi, a religious scholar", "gunmen killed mayor Omar
Dallo", "Commander Ilyas Barre was killed", "Ishaya died of his wounds", "abducted Okoh
Enejor": a person's name (with its title) is the object of a verb of the families in
grammar/verbs.py, or the subject of its passive or of a verb of dying. Each is one person.

Guards: a verb undone before it ("nearly lynched", "tried to kill"), hypotheticals
(cues.irrealis), a nominal use ("the killing of"), a manner verb without its result ("shot
Omar" wounds or kills), and a death that is the background of the sentence (a protest, a
trial, a memorial: grammar/verbs.BACKGROUND_WORDS) start no victim. A name after a
preposition ("a soldier from Kano was killed") is a place, not the subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tollbook.extract.cues import irrealis
from tollbook.extract.endings import ending
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.victim_patterns import ACTIVE as _ACTIVE
from tollbook.extract.grammar.victim_patterns import ACTIVE_BEFORE as _ACTIVE_BEFORE
from tollbook.extract.grammar.victim_patterns import ACTIVE_GATE as _ACTIVE_GATE
from tollbook.extract.grammar.victim_patterns import AFTER_NAME as _AFTER_NAME
from tollbook.extract.grammar.victim_patterns import AND_POSSESSIVE as _AND_POSSESSIVE
from tollbook.extract.grammar.victim_patterns import ANOTHER_AFTER as _ANOTHER_AFTER
from tollbook.extract.grammar.victim_patterns import AUX_AHEAD as _AUX_AHEAD
from tollbook.extract.grammar.victim_patterns import BACKGROUND as _BACKGROUND
from tollbook.extract.grammar.victim_patterns import CLAUSE_PUNCT as _CLAUSE_PUNCT
from tollbook.extract.grammar.victim_patterns import CLAUSE_START_BACK as _CLAUSE_START_BACK
from tollbook.extract.grammar.victim_patterns import DIED as _DIED
from tollbook.extract.grammar.victim_patterns import GAPPED as _GAPPED
from tollbook.extract.grammar.victim_patterns import GAPPED_BEFORE as _GAPPED_BEFORE
from tollbook.extract.grammar.victim_patterns import INDEFINITE as _INDEFINITE
from tollbook.extract.grammar.victim_patterns import JOINERS as _JOINERS
from tollbook.extract.grammar.victim_patterns import NAME_RE
from tollbook.extract.grammar.victim_patterns import NOMINAL as _NOMINAL
from tollbook.extract.grammar.victim_patterns import NON_LETHAL as _NON_LETHAL
from tollbook.extract.grammar.victim_patterns import NUMBER_WORDS as _NUMBER_WORDS
from tollbook.extract.grammar.victim_patterns import PAIR as _PAIR
from tollbook.extract.grammar.victim_patterns import PARTITIVE as _PARTITIVE
from tollbook.extract.grammar.victim_patterns import PASSIVE as _PASSIVE
from tollbook.extract.grammar.victim_patterns import PASSIVE_PLURAL as _PASSIVE_PLURAL
from tollbook.extract.grammar.victim_patterns import PLACE_NAME_HEADS as _PLACE_NAME_HEADS
from tollbook.extract.grammar.victim_patterns import PLURAL_ENDINGS as _PLURAL_ENDINGS
from tollbook.extract.grammar.victim_patterns import PREDICATE_GATE as _PREDICATE_GATE
from tollbook.extract.grammar.victim_patterns import PREPOSITION_BEFORE as _PREPOSITION_BEFORE
from tollbook.extract.grammar.victim_patterns import PRESENT_NOT_AFTER as _PRESENT_NOT_AFTER
from tollbook.extract.grammar.victim_patterns import PRONOUN as _PRONOUN
from tollbook.extract.grammar.victim_patterns import ROLE_DET as _ROLE_DET
from tollbook.extract.grammar.victim_patterns import ROLE_STOP as _ROLE_STOP
from tollbook.extract.grammar.victim_patterns import ROLE_TOKEN as _ROLE_TOKEN
from tollbook.extract.grammar.victim_patterns import UNDONE_PREDICATE as _UNDONE_PREDICATE
from tollbook.extract.grammar.victim_patterns import VERBS_ANY_TENSE as _VERBS_ANY_TENSE
from tollbook.extract.grammar.victim_patterns import WORD as _WORD
from tollbook.extract.numbers import numbers_in
from tollbook.model import Span, overlaps

#: End-anchored patterns searched only where the window's last word can end a match (endings.py).
_PREPOSITION_BEFORE_AT = ending(_PREPOSITION_BEFORE)
_NON_LETHAL_AT = ending(_NON_LETHAL)


def _and_possessive(text: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """'and his nine-year-old daughter' after a victim: (start, end, head) of the second person."""
    m = _AND_POSSESSIVE.match(text, pos, end)
    if m is None:
        return None
    p = m.end()
    for _ in range(3):
        w = _WORD.match(text, p, end)
        if w is None:
            return None
        word = w.group("w").lower()
        if word in _ROLE_STOP:
            return None
        p = w.end()
        if _AFTER_NAME.match(text, p, end):
            singular = not word.endswith("s") or word.endswith("ss")
            return (m.start("det"), p, word) if singular and word not in lx.NON_PERSON else None
    return None


def role_np(text: str, pos: int, stop: int) -> tuple[int, str] | None:
    """(end, head) of a singular role noun phrase after a determiner at `pos`, with its
    modifiers: "a National Directorate of Security (NDS) officer", "a Da Afghanistan Bank
    branch manager", "an elderly street vendor". None unless it ends in a lowercase head that
    can name a person (capitalised last: a name or an organisation, not a role)."""
    head: str | None = None
    head_end = pos
    p = pos
    prev_cap = False
    for _ in range(10):
        m = _ROLE_TOKEN.match(text, p, stop)
        if m is None:
            break
        if m.group("paren"):
            p = m.end()
            continue
        word = m.group("w")
        low = word.lower().rstrip(".")
        if word[:1].isupper():
            if low in vb.NOT_NAMES and head is not None:
                break
            head, prev_cap, p = None, True, m.end()
            continue
        if low in _JOINERS and prev_cap:
            nxt = _ROLE_TOKEN.match(text, m.end(), stop)
            if nxt is not None and (nxt.group("paren") or (nxt.group("w") or "")[:1].isupper()):
                p = m.end()
                continue
        if low in _ROLE_STOP or low.endswith("ly") or low in _NUMBER_WORDS or not low.replace("-", "").isalpha():
            break
        if head is not None and low.endswith(("ed", "ing")):
            break
        head, head_end, p, prev_cap = low, m.end(), m.end(), False
        if word.endswith("."):
            head_end = p = m.end() - 1  # the full stop ends the sentence, not the word
            break
    if head is None and prev_cap and p > pos and len(text[pos:p].split()) == 1 and not text[pos:p].strip().isupper() \
            and text[pos:p].strip().lower() not in vb.NOT_NAMES:  # fmt: skip
        return p, text[pos:p].strip().lower()  # "an Israeli was injured": a people's name for one person
    if head is None or (head_end != p and not text[head_end:p].strip().startswith("(")):
        return None
    if head in lx.NON_PERSON or head.endswith(("ed", "ing")) or (head.endswith("s") and not head.endswith(("ss", "us", "is"))):
        return None
    return head_end, head


@dataclass(frozen=True, slots=True)
class Victim:
    """One named person and what happened to them."""

    span: Span  # the title and name as written
    category: str
    population: str
    population_class: str
    how: str  # "object" | "subject" | "died" | "pronoun" | "role" | "list" | "partitive" | "another" | "burned" | "office"
    counted: bool = False  # a list member the count rules already read
    value: float = 1.0


@lru_cache(maxsize=4096)  # a pure test of the words, asked again by every reader of a sentence
def _is_name(name: str) -> bool:
    words = [w.strip(".'’").lower() for w in name.split()]
    if not words or words[0] in vb.NOT_NAMES or words[-1] in vb.NOT_NAMES:
        return False
    if len(words) > 1 and words[-1] in _PLACE_NAME_HEADS:
        return False  # "Edo State", "Varno District": a place after a comma, not a victim
    if len(words) == 1 and (name.isupper() or words[0] in lx.NON_PERSON or words[0].removesuffix("s") in lx.POPULATIONS
                            or words[0].endswith(_PLURAL_ENDINGS)):  # fmt: skip
        return False  # "ISIS", "Soldiers", "Palestinians": a group or a plural noun, not a person
    return words[-1] not in lx.POPULATIONS  # "Security Forces", "Police": a noun, not a name


def is_name(name: str) -> bool:
    """Do the words read as a person's name (not a group, a place or a plural noun)?"""
    return _is_name(name)


def population_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The people a title names ("police officer Ana Dorn", "Commander Ilya Dorsk"), else people."""
    m = lx.POP_RE.search(text, start, end)
    if m is None:
        return "people", "unknown"
    population, cls, _unit = lx.POPULATIONS[m.group(0).lower()]
    return population, cls


def _category(verb: str | None, manner: bool) -> str:
    if manner or verb is None:
        return "killed"
    return _VERBS_ANY_TENSE.get(re.sub(r"\s+", " ", verb.lower()), "wounded")  # else a harm (HURT): a wound


def _present_undone(text: str, start: int, verb: str | None, at: int) -> bool:
    """A present form after "to", a modal, a negation or a determiner: no deed reported."""
    return verb is not None and re.sub(r"\s+", " ", verb.lower()) in vb.PRESENT_VICTIM_VERBS \
        and _PRESENT_NOT_AFTER.search(text, max(start, at - 12), at) is not None  # fmt: skip


def _pred_start(m: re.Match[str]) -> int:
    """Where the predicate's verb starts (the words before it may undo it: "was nearly lynched")."""
    for g in ("c1", "c2", "verb", "manner", "hurt", "died"):  # a chain's first verb may be undone
        if g in m.re.groupindex and m.group(g):
            return m.start(g)
    return m.end()


def _died_category(m: re.Match[str]) -> str:
    return "wounded" if m.group("hurt") else "killed"


def _undone(text: str, start: int, at: int) -> bool:
    before = text[max(start, at - 40) : at]
    return bool(_NON_LETHAL_AT.search(before, 0, len(before))) or irrealis(text, start, at) \
        or bool(_BACKGROUND.search(text, start, at))  # fmt: skip


def undone_after(text: str, pos: int, end: int) -> bool:
    """Is the predicate after `pos` undone ("was nearly lynched", "were almost killed")?"""
    if _UNDONE_PREDICATE.match(text, pos, end) is not None:
        return True
    # past a post-modifier: "The mayor of Quessant was not injured"
    aux = _AUX_AHEAD.search(text, pos, min(end, pos + 80))
    return aux is not None and not _CLAUSE_PUNCT.search(text, pos, aux.start()) \
        and _UNDONE_PREDICATE.match(text, aux.start(), end) is not None  # fmt: skip


def undone_before(text: str, start: int, at: int) -> bool:
    """Is the verb at `at` undone ("nearly lynched", "tried to kill"), hypothetical or a
    background death?"""
    return _undone(text, start, at)


def predicate_at(text: str, start: int, pos: int, end: int, appositive: bool = False) -> str | None:
    """The category of a singular passive or dying predicate right at `pos` ("was shot dead",
    "died of his wounds"), unless negated or undone; None when none starts there. With
    `appositive`, the predicate may follow an apposition (", Joel Rincon, was killed")."""
    after = _PASSIVE.match(text, pos, end) or _DIED.match(text, pos, end)
    if after is None or (after.group("appos") and not appositive) or after.groupdict().get("neg") or _undone(text, start, _pred_start(after)):
        return None
    if after.re is _DIED:
        return _died_category(after)
    return _category(after.group("verb"), bool(after.group("manner")))


def plural_predicate_at(text: str, start: int, pos: int, end: int, appositive: bool = False) -> str | None:
    """The category of a plural passive or dying predicate right at `pos` ("were executed",
    "were later found dead", "died"), unless negated or undone; None when none starts there.
    With `appositive`, the predicate may follow an apposition or a relative clause ("The
    hostages, all medical workers, were killed")."""
    after = _PASSIVE_PLURAL.match(text, pos, end)
    if after is None or (after.group("appos") and not appositive) or _undone(text, start, _pred_start(after)):
        return None
    if after.group("died"):
        return "killed"
    return _category(after.group("verb"), bool(after.group("manner")))


def _clause_start(before: str) -> bool:
    """Does `before` end at a clause start (CLAUSE_START.search(before))? Read backwards from its
    end (CLAUSE_START_BACK over the reversed text): an anchored match, not a search."""
    return _CLAUSE_START_BACK.match(before[::-1]) is not None


def clause_subject_at(text: str, start: int, pos: int) -> bool:
    """May a subject start at `pos`: after a clause start, not after a preposition?"""
    return _clause_start(text[max(start, pos - 40) : pos]) \
        and not _PREPOSITION_BEFORE_AT.search(text, max(start, pos - 12), pos)  # fmt: skip


def unread(a: int, b: int, taken: Sequence[Span], read: Sequence[Victim]) -> bool:
    """Does text[a:b] overlap none of the spans a rule took and none of the victims read so far?
    Every victim reader asks it before adding a person, so that nobody is counted twice."""
    return not overlaps(a, b, taken) and not overlaps(a, b, (v.span for v in read))


def find_victims(text: str, start: int, end: int, taken: list[Span]) -> list[Victim]:
    """Named victims in text[start:end] whose names overlap none of the `taken` spans."""
    out: list[Victim] = []

    def free(a: int, b: int) -> bool:
        return unread(a, b, taken, out)

    for m in _ACTIVE.finditer(text, start, end) if literals.gate(text, start, end, _ACTIVE_GATE) else ():
        verb, manner = m.group("verb"), m.group("manner")
        if manner and not (m.group("res1") or m.group("res2")):
            continue  # "shot Omar": wounded or killed, the text does not say
        if (verb or manner).lower().endswith("ing") and _NOMINAL.search(text, max(start, m.start() - 30), m.start()):
            continue  # "the killing of", "his execution": a noun, not a verb on a victim
        if _undone(text, start, m.start()) or _present_undone(text, start, verb, m.start()) \
                or not _is_name(m.group("name")):  # fmt: skip
            continue
        if not _AFTER_NAME.match(text, m.end("name"), end) and not m.group("res2"):
            continue  # "killed Taliban fighters": the name modifies a noun
        a, b = m.start("title") if m.group("title") else m.start("name"), m.end("name")
        if free(a, b):
            population, cls = population_of(text, a, b)
            category = _category(verb, bool(manner))
            also = _and_possessive(text, b, end)  # "killed Flores and his daughter": two people
            if also is not None:
                counted = overlaps(also[0], also[1], taken)
                out.append(Victim((a, b), category, population, cls, "list"))
                out.append(Victim(also[:2], category, "people", "unknown", "list", counted))
            else:
                out.append(Victim((a, b), category, population, cls, "object"))
    predicates = literals.gate(text, start, end, _PREDICATE_GATE)  # a subject needs its predicate
    for m in NAME_RE.finditer(text, start, end) if predicates else ():
        name = m.group("name")
        if not _is_name(name):
            continue
        after = _PASSIVE.match(text, m.end(), end)
        how = "subject"
        if after is None:
            after, how = _DIED.match(text, m.end(), end), "died"
        if after is None or (how == "subject" and after.group("neg")):
            continue
        if not _clause_start(text[max(start, m.start() - 40) : m.start()]) \
                or _PREPOSITION_BEFORE_AT.search(text, max(start, m.start() - 12), m.start()):  # fmt: skip
            continue
        if _undone(text, start, _pred_start(after)):
            continue
        # "Dario Venn, a journalist, was killed": a person the apposition already counts.
        if free(m.start(), after.end("appos") if after.group("appos") else m.end()):
            category = _died_category(after) if how == "died" else _category(after.group("verb"), bool(after.group("manner")))
            population, cls = population_of(text, m.start(), m.end())
            out.append(Victim(m.span(), category, population, cls, how))
    for m in _PRONOUN.finditer(text, start, end) if predicates else ():
        after = _PASSIVE.match(text, m.end(), end) or _DIED.match(text, m.end(), end)
        if after is None or after.groupdict().get("neg") or after.group("appos") \
                or not _clause_start(text[max(start, m.start() - 40) : m.start()]) \
                or _undone(text, start, _pred_start(after)):  # fmt: skip
            continue
        if free(m.start(), m.end()):
            category = _category(after.group("verb"), bool(after.groupdict().get("manner"))) \
                if after.re is _PASSIVE else _died_category(after)  # fmt: skip
            out.append(Victim(m.span(), category, "people", "unknown", "pronoun"))
    _roles(text, start, end, out, free)
    _pairs(text, start, end, out, taken)
    _partitives(text, start, end, out, free)
    return out


def _roles(text: str, start: int, end: int, out: list[Victim], free: Callable[[int, int], bool]) -> None:
    """'killed a National Directorate of Security (NDS) officer', 'An Afghan Local Police
    (ALP) officer was killed': a singular role with its modifiers, one person."""
    # A role is read after an active verb (ACTIVE_BEFORE: ACTIVE_GATE's words) or before a
    # predicate (PASSIVE, DIED, GAPPED: PREDICATE_GATE's) at a clause start after no preposition:
    # a determiner where neither may hold costs no role_np (the words before it are asked first).
    active = literals.gate(text, start, end, _ACTIVE_GATE)
    predicates = literals.gate(text, start, end, _PREDICATE_GATE)
    if not (active or predicates):
        return
    for d in _ROLE_DET.finditer(text, start, end):
        before = text[max(start, d.start() - 40) : d.start()]
        verb = _ACTIVE_BEFORE.search(before) if active else None
        if verb is None and not (predicates and _clause_start(before) and not _PREPOSITION_BEFORE_AT.search(before, 0, len(before))):
            continue
        np = role_np(text, d.end(), end)
        if np is None:
            continue
        np_end, head = np
        if text[np_end - len(head) : np_end][:1].isupper() and d.group("det").lower() not in _INDEFINITE:
            continue  # "the Taliban": a group; only "an Israeli", "a Palestinian" is one person
        category: str | None = None
        after: re.Match[str] | None = None
        if verb is not None and _AFTER_NAME.match(text, np_end, end):
            at = d.start() - len(before) + verb.start()
            nominal = verb.group(0).split()[0].lower().endswith("ing") and _NOMINAL.search(text, max(start, at - 30), at)
            if not _undone(text, start, at) and not nominal and not _present_undone(text, start, verb.group("verb"), at):
                category = _category(verb.group("verb"), bool(verb.group("manner")))
        else:
            after = _PASSIVE.match(text, np_end, end) or _DIED.match(text, np_end, end) \
                or (_GAPPED.match(text, np_end, end) if _GAPPED_BEFORE.search(before) else None)
            if after is not None and not after.groupdict().get("neg") and _clause_start(before[-40:]) \
                    and not _PREPOSITION_BEFORE_AT.search(before, 0, len(before)) and not _undone(text, start, _pred_start(after)):  # fmt: skip
                manner = bool(after.groupdict().get("manner"))
                category = _category(after.group("verb"), manner) if after.re in (_PASSIVE, _GAPPED) else _died_category(after)
        if category is not None and free(d.start(), np_end):
            population, cls = lx.POPULATIONS.get(head, ("people", "unknown", "people"))[:2]
            out.append(Victim((d.start(), np_end), category, population, cls, "role"))
            if verb is None and after is not None:
                _another(text, after.end(), end, out)


def _another(text: str, pos: int, end: int, out: list[Victim]) -> None:
    m = _ANOTHER_AFTER.match(text, pos, end)
    if m is not None:
        category = vb.VICTIM_VERBS.get(m.group("cue").lower(), "wounded")
        out.append(Victim((m.start("a"), m.end()), category, "people", "unknown", "another"))


def _pairs(text: str, start: int, end: int, out: list[Victim], taken: list[Span]) -> None:
    """'Nazari and his driver were killed', 'Jalil, a commander, and his driver were killed':
    two people, each counted (the list adds up in the tally)."""
    if " and " not in text[start:end] or not literals.gate(text, start, end, _PREDICATE_GATE):
        return  # PASSIVE_PLURAL must follow the pair
    for m in _PAIR.finditer(text, start, end):
        after = _PASSIVE_PLURAL.match(text, m.end(), end)
        if after is None or not _clause_start(text[max(start, m.start() - 40) : m.start()]):
            continue
        if _undone(text, start, _pred_start(after)) or not all(_member_ok(m.group(g)) for g in ("m1", "m2")):
            continue
        category = "killed" if after.group("died") else _category(after.group("verb"), bool(after.group("manner")))
        for g in ("m1", "m2"):
            a, b = m.span(g)
            if overlaps(a, b, (v.span for v in out)):
                out[:] = [v for v in out if not (v.span[0] < b and a < v.span[1])]
            counted = overlaps(a, b, taken)
            if g == "m1" and not counted and m.group("ap1"):
                # "Ivo Brandt, a district engineer, and ...": the apposition may be the count read
                ap = m.span("ap1")
                if overlaps(ap[0], ap[1], taken):
                    a, b, counted = ap[0], ap[1], True
            population, cls = population_of(text, a, b)
            out.append(Victim((a, b), category, population, cls, "list", counted))


def _partitives(text: str, start: int, end: int, out: list[Victim], free: Callable[[int, int], bool]) -> None:
    """'three of his escorts were killed', 'one of the hostages was killed': the figure counts
    the people the partitive's open-class head names."""
    if " of " not in text[start:end] or not literals.gate(text, start, end, _PREDICATE_GATE):
        return  # a passive or dying predicate must follow the partitive
    for num in numbers_in(text, start, end):
        if num.kind != "cardinal" or num.written == "vague":
            continue
        m = _PARTITIVE.match(text, num.span[1], end)
        if m is None or m.group("head").lower() in lx.NON_PERSON:
            continue
        after = (_PASSIVE if num.value == 1 else _PASSIVE_PLURAL).match(text, m.end(), end) \
            or (_DIED.match(text, m.end(), end) if num.value == 1 else None)  # fmt: skip
        if after is None or after.groupdict().get("neg") or _undone(text, start, _pred_start(after)):
            continue
        if after.re is _DIED:
            category = _died_category(after)
        elif after.groupdict().get("died"):
            category = "killed"
        else:
            category = _category(after.group("verb"), bool(after.group("manner")))
        if free(num.span[0], m.end()):
            population, cls = population_of(text, m.start("head"), m.end("head"))
            out.append(Victim((num.span[0], m.end()), category, population, cls, "partitive", value=num.value))


def _member_ok(words: str) -> bool:
    first = words.split()[0].lower()
    if first == "one":
        return words.split()[-1].lower() not in lx.NON_PERSON  # "one of his bodyguards"
    if first in ("his", "her", "their", "a", "an"):
        head = words.split()[-1].lower()
        return head not in lx.NON_PERSON and head not in _ROLE_STOP and not head.endswith("s")
    return _is_name(words)
