"""Bodies found: sentence text -> Victim* (the dead the bodies stand for).

"His bullet-riddled body was found two days later", "The body of the mayor of Ocana was
found", "Police recovered the bodies of two farmers", "the ambassador was beaten to death and his
body dumped on a road", "Their bodies were found in a car": a body found is a death reported,
one per body. A singular body is one person; plural bodies count the figure of their
of-complement ("the bodies of two farmers"), its coordinated members ("the bodies of the mayor
and his driver"), a couple (two), or, for "their bodies"/"the bodies of the hostages", the
group counted before (anaphora.antecedent).

Guards: the noun phrase opens with a determiner, a possessive or a figure ("no bodies" is no
body) and holds only lowercase modifiers; "a body of water", "the governing body" are no remains
(grammar/bodies.NOT_REMAINS); the finding is not negated ("was never found", "police never found
his body"), hypothetical or a background (victims.undone_before); a passive body is the subject
of its clause (not after a preposition: "a pamphlet was found near his body" finds the pamphlet),
and not a place ("from where the bodies were found"). The tally reads a body as it reads a
named victim: maybe someone already counted (the largest statement wins).
"""

from __future__ import annotations

from tollbook.extract import anaphora, victims
from tollbook.extract.grammar import bodies as bd
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.body_patterns import ACTIVE_BEFORE as _ACTIVE_BEFORE
from tollbook.extract.grammar.body_patterns import BODY as _BODY
from tollbook.extract.grammar.body_patterns import ELIDED as _ELIDED
from tollbook.extract.grammar.body_patterns import ELIDED_BEFORE as _ELIDED_BEFORE
from tollbook.extract.grammar.body_patterns import LIST_SEP as _LIST_SEP
from tollbook.extract.grammar.body_patterns import NEG_BEFORE as _NEG_BEFORE
from tollbook.extract.grammar.body_patterns import OF_COMPLEMENT as _OF_COMPLEMENT
from tollbook.extract.grammar.body_patterns import OF_OBJECT as _OF_OBJECT
from tollbook.extract.grammar.body_patterns import PASSIVE as _PASSIVE
from tollbook.extract.grammar.body_patterns import PLACE_BEFORE as _PLACE_BEFORE
from tollbook.extract.grammar.body_patterns import TOKEN as _TOKEN
from tollbook.extract.numbers import NumberMention, find_numbers
from tollbook.model import Span, overlaps

__all__ = ["find_bodies", "misread"]


def _opener(text: str, start: int, at: int) -> tuple[int, str, NumberMention | None] | None:
    """(start, determiner, figure) of the noun phrase whose noun starts at `at`: its determiner,
    possessive or figure, then up to three lowercase modifiers. None when it has none."""
    lo = max(start, at - 80)
    tokens = list(_TOKEN.finditer(text, lo, at))
    if tokens and text[tokens[-1].end() : at].strip():
        return None  # punctuation right before the noun
    nums = [n for n in find_numbers(text, lo, at) if n.kind == "cardinal" and n.written in ("digits", "words")]
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 5), -1):
        tok = tokens[i]
        word = tok.group(0)
        low = word.lower()
        if text[tok.end() : tokens[i + 1].start() if i + 1 < len(tokens) else at].strip():
            return None  # a comma or a parenthesis inside: not one noun phrase
        num = next((n for n in nums if n.span[1] == tok.end()), None)
        if num is not None:
            return num.span[0], "figure", num
        if low in bd.BODY_DETERMINERS:
            return tok.start(), low, None
        if low.endswith(("'s", "’s", "s'", "s’")):
            prev = tokens[i - 1] if i > 0 else None
            if prev is not None and prev.group(0).lower() in bd.BEFORE_OWNER \
                    and not text[prev.end() : tok.start()].strip():  # fmt: skip
                return prev.start(), "owner", None
            return tok.start(), "owner", None
        if not word.islower() or low in bd.NOT_REMAINS or low in lx.MODIFIER_STOP:
            return None
    return None


def _count(text: str, det: str, figure: NumberMention | None, plural: bool,
           complement: Span | None, np_start: int) -> float | None:  # fmt: skip
    """How many people the bodies stand for, or None when the text does not say."""
    if figure is not None:
        return figure.value if (figure.value > 1) == plural else None
    if not plural:
        return 1.0
    if complement is not None:
        a, b = complement
        nums = [n for n in find_numbers(text, a, b) if n.kind == "cardinal" and n.written != "vague"]
        if nums and text[a : nums[0].span[0]].strip(" ").lower() not in bd.BEFORE_FIGURE:
            nums = []
        if nums:
            return nums[0].value if nums[0].value > 1 else None
        words = text[a:b].lower().split()
        if any(w.strip(",.") in bd.PAIR_NOUNS for w in words[:4]):
            return 2.0
        members = [p for p in _LIST_SEP.split(text[a:b]) if p.strip()]
        if len(members) >= 2:
            return float(len(members))
        noun = words[-1].strip(",.") if words else None
        if words and words[0] == "the" and noun:
            found = anaphora.antecedent(text, np_start, noun)
            return found[0] if found else None
        return None
    if det in bd.ANAPHORIC:
        found = anaphora.antecedent(text, np_start, None)
        return found[0] if found else None
    return None


def _listed(text: str, complement: Span | None, value: float) -> bool:
    """Does the complement list the `value` people one by one ("the judge and his clerk")?"""
    if complement is None or value < 2:
        return False
    members = [p for p in _LIST_SEP.split(text[complement[0] : complement[1]]) if p.strip()]
    return len(members) == value and not find_numbers(text, complement[0], complement[1])


def misread(text: str, span: Span, found: list[victims.Victim]) -> bool:
    """Is `span` a body's own noun phrase that a count rule read as people taken or hurt
    ("The decapitated body of a kidnapped engineer": no hostage)?"""
    words = text[span[0] : span[1]].lower().split()
    return bool(words) and words[-1] in bd.BODY_NOUNS and any(v.span[0] <= span[0] and span[1] <= v.span[1] for v in found)


def _population(text: str, a: int, b: int) -> tuple[str, str]:
    m = lx.POP_RE.search(text, a, b)
    if m is None:
        return "people", "unknown"
    population, cls, _unit = lx.POPULATIONS[m.group(0).lower()]
    return population, cls


def find_bodies(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The dead that bodies found in text[start:end] stand for, unless a `taken` span (a
    figure the count rules read) overlaps their noun phrase."""
    out: list[victims.Victim] = []
    low = text[start:end].lower()
    if "bod" not in low and "corpse" not in low:
        return out
    for m in _BODY.finditer(text, start, end):
        plural = bd.BODY_NOUNS[m.group("n").lower()]
        opened = _opener(text, start, m.start())
        if opened is None:
            continue
        np_start, det, figure = opened
        complement: Span | None = None
        verb_at: int | None = None
        active = _ACTIVE_BEFORE.search(text, max(start, np_start - 30), np_start)
        if active is not None:
            if _NEG_BEFORE.search(text, max(start, active.start() - 20), active.start()):
                continue
            of = _OF_OBJECT.match(text, m.end(), end)
            complement = of.span("c") if of else None
            verb_at = active.start()
        else:
            of = _OF_COMPLEMENT.match(text, m.end(), end)
            pos = of.end() if of else m.end()
            complement = of.span("c") if of else None
            passive = _PASSIVE.match(text, pos, end)
            if passive is not None:
                if passive.group("neg") or not victims.clause_subject_at(text, start, np_start):
                    continue
                if _PLACE_BEFORE.search(text, max(start, np_start - 8), np_start):
                    continue  # "from where the bodies were found": a place
                verb_at = passive.start("v")
            else:
                elided = _ELIDED.match(text, pos, end)
                if elided is None or not _ELIDED_BEFORE.search(text, max(start, np_start - 6), np_start):
                    continue
                verb_at = elided.start("v")
        if complement is not None and any(w in bd.NOT_REMAINS for w in text[complement[0] : complement[1]].lower().split()[:2]):
            continue  # "a body of water", "the body of evidence"
        if victims.undone_before(text, start, verb_at):
            continue
        np_end = complement[1] if complement else m.end()
        if overlaps(np_start, np_end, (v.span for v in out)):
            continue
        value = _count(text, det, figure, plural, complement, np_start)
        if value is None:
            continue
        # A figure the count rules read inside the phrase counts these dead already, unless it is
        # the body's own noun phrase read as someone taken ("The body of a kidnapped engineer")
        # or one member of a list the bodies add up ("the bodies of the judge and his clerk").
        inside = [(s, e) for s, e in taken if s < np_end and np_start < e]
        own = complement is not None and all(np_start <= s and e <= m.end() for s, e in inside)
        if inside and not own and not _listed(text, complement, value):
            continue
        population, cls = _population(text, complement[0], complement[1]) if complement else ("people", "unknown")
        out.append(victims.Victim((np_start, np_end), "killed", population, cls, "body", value=value))
    return out
