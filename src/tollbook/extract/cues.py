"""Cues around a figure: sentence text + a figure's position -> the words that say what
happened to its people (category, note, where the cue starts or ends).

Left cues end right before the figure ("killed 12", "the death toll rose to 40"); right cues
follow it ("27 people were killed"), up to a few words away, stopped by barriers ("could",
"but"); a relative clause may stand between ("three women who were nurses were found dead").
"""

from __future__ import annotations

import re
from functools import cache

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.cue_patterns import AND_KILL as _AND_KILL
from tollbook.extract.grammar.cue_patterns import ATTRIBUTIVE_ARTICLES as _ATTRIBUTIVE_ARTICLES
from tollbook.extract.grammar.cue_patterns import BARRIER_WORDS as _BARRIER_WORDS
from tollbook.extract.grammar.cue_patterns import COORDINATED_PAST as _COORDINATED_PAST
from tollbook.extract.grammar.cue_patterns import CUE_TOKEN as _CUE_TOKEN
from tollbook.extract.grammar.cue_patterns import DEATH_WORDS as _DEATH_WORDS
from tollbook.extract.grammar.cue_patterns import DEFINITE_ARTICLE as _DEFINITE
from tollbook.extract.grammar.cue_patterns import EPISTEMIC_PAST as _EPISTEMIC_PAST
from tollbook.extract.grammar.cue_patterns import LEFT_RESULT as _LEFT_RESULT
from tollbook.extract.grammar.cue_patterns import LEFT_VERB as _LEFT_VERB
from tollbook.extract.grammar.cue_patterns import MEMBERSHIP_BEFORE_DEFINITE as _MEMBERSHIP
from tollbook.extract.grammar.cue_patterns import NO_BEFORE as _NO_BEFORE
from tollbook.extract.grammar.cue_patterns import OBJECT_NEXT as _OBJECT_NEXT
from tollbook.extract.grammar.cue_patterns import ONE_WAS as _ONE_WAS
from tollbook.extract.grammar.cue_patterns import OWN_VICTIM_VERBS as _OWN_VICTIM_VERBS
from tollbook.extract.grammar.cue_patterns import OWNER_BEFORE as _OWNER_BEFORE
from tollbook.extract.grammar.cue_patterns import PASSIVE_AUX as _PASSIVE_AUX
from tollbook.extract.grammar.cue_patterns import REL_AUX as _REL_AUX
from tollbook.extract.grammar.cue_patterns import REL_AUX_MORE as _REL_AUX_MORE
from tollbook.extract.grammar.cue_patterns import REL_AUX_ONE as _REL_AUX_ONE
from tollbook.extract.grammar.cue_patterns import REL_BARRIER as _REL_BARRIER
from tollbook.extract.grammar.cue_patterns import REL_OPEN as _REL_OPEN
from tollbook.extract.grammar.cue_patterns import REL_START as _REL_START
from tollbook.extract.grammar.cue_patterns import RESULT_CATEGORY as _RESULT_CATEGORY
from tollbook.extract.grammar.cue_patterns import TOLL_NOT_FIGURE as _TOLL_NOT_FIGURE
from tollbook.extract.grammar.cue_patterns import TOLL_WORDS as TOLL_WORDS
from tollbook.extract.grammar.cue_patterns import (
    TRAILING_COORDINATED_PAST as _TRAILING_COORDINATED_PAST,
)
from tollbook.extract.grammar.cue_patterns import TRANSITIVE as _TRANSITIVE
from tollbook.extract.grammar.literals import fold
from tollbook.extract.grammar.wire import PLACE_MODIFIER_RE
from tollbook.extract.records import LeftCue, RightCue
from tollbook.model import Span

__all__ = ["TOLL_WORDS", "ahead", "irrealis", "last_word", "left_cue", "left_result", "needs_completion",
           "one_was_cue", "relative_cue", "right_cue", "toll_category"]  # fmt: skip


def toll_category(words: str, default: str) -> str:
    """What a toll's own words (lower case) say it counts: "the number of wounded" -> wounded;
    `default` when they name none of TOLL_WORDS; a word that only qualifies a place ("the
    attack on the displacement camp") names nothing counted."""
    words = PLACE_MODIFIER_RE.sub(r"\1", words)
    return next((c for pat, c in TOLL_WORDS if re.search(pat, words)), default)


def one_was_cue(text: str, start: int, span: Span, end: int) -> bool:
    """"Three suspects fled and one was killed": a bare "one" as the subject of a cue
    ("no one was hurt" is a zero, read by zeros.find_zeros)."""
    if _NO_BEFORE.search(text, max(start, span[0] - 8), span[0]):
        return False
    m = _ONE_WAS.match(text, span[1], end)
    return m is not None and lx.RIGHT_CUE_ANY.match(text, m.end(), end) is not None


def ahead(text: str, pos: int, end: int, width: int = 240) -> str:
    """The text after `pos` that a rule may read: bounded, so that a sentence with no end
    (a 5 MB line) costs linear time, not a copy of its rest per figure."""
    return text[pos : min(end, pos + width)]


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def last_word(before: str) -> str | None:
    r"""What `([A-Za-z]+|[:,])\s*$` finds in `before`, lower-cased, read from the end (a search
    from the start tries every position of the window)."""
    end = len(before.rstrip())
    if end == 0:
        return None
    if before[end - 1] in ":,":
        return before[end - 1]
    i = end
    while i > 0 and before[i - 1] in _ASCII_LETTERS:
        i -= 1
    return before[i:end].lower() if i < end else None


def left_cue(text: str, start: int, at: int) -> LeftCue | None:
    # "killed his two brothers": the verb's object starts at the possessive.
    own = _OWNER_BEFORE.search(text, max(start, at - 8), at)
    if own is not None:
        at = own.start()
    cue = _left_cue(text, start, at)
    if cue is not None and not _incomplete(text, cue.start, at):
        return cue
    window = text[max(start, at - 60) : at]
    if (" and " in window or " then " in window) and last_word(window) not in _OWN_VICTIM_VERBS:
        # "lynched and burned two thieves": coordinated verbs share the first one's object, and
        # the first decides when the last is no cue or one that needs "to death" ("burned").
        coordinated = _TRAILING_COORDINATED_PAST.search(text, max(start, at - 60), at)
        first = _left_cue(text, start, coordinated.start()) if coordinated is not None else None
        if first is not None and not _incomplete(text, first.start, at):
            return first
    return cue


def _incomplete(text: str, cue_start: int, at: int) -> bool:
    """The cue's verb counts only with a completion that the object does not have: "burned two
    thieves" (lx.NEEDS_COMPLETION), not "tortured a villager to death" or "hacked to death two"."""
    verb = re.match(r"\w+", text[cue_start : cue_start + 20])
    if verb is None or verb.group(0).lower() not in lx.NEEDS_COMPLETION:
        return False
    rest = text[cue_start : at + 80].split(".", 1)[0]
    return re.search(lx.NEEDS_COMPLETION[verb.group(0).lower()], rest, re.IGNORECASE) is None


def _left_cue(text: str, start: int, at: int) -> LeftCue | None:
    before = text[max(start, at - 120) : at]
    last = last_word(before)
    low = ""
    # Only the cues that can end with this word are looked for.
    for rx, cat, note in lx.left_cues_ending(last) if last is not None else ():
        low = low or fold(before)
        m = _search(rx, before, low)
        if m:
            if cat == "toll":
                if _TOLL_NOT_FIGURE.match(text, at):
                    return None  # "to see the dead at the morgue": a place after the toll word
                # The toll's own words say what it counts: "the number of wounded ... to 85".
                words = m.group(0).lower()
                other = "inherit" if note == "cumulative" and not _DEATH_WORDS.search(words) else "killed"
                cat = toll_category(words, other)
            return LeftCue(cat, note, at - len(before) + m.start())
    return None


def _search(rx: re.Pattern[str], window: str, low: str) -> re.Match[str] | None:
    """rx.search(window) for a cue opened with a look-ahead of its first words (lx.LEFT_CUE_RES):
    tried only where the look-ahead holds, found case-sensitively in `low` (literals.fold of the
    window: what `re` equates case-blind, at the same offsets), not at every position."""
    starts = _openings(rx)
    if starts is None or len(low) != len(window):
        return rx.search(window)
    at = starts.search(low)
    while at is not None:
        m = rx.match(window, at.start())
        if m is not None:
            return m
        at = starts.search(low, at.start() + 1)
    return None


@cache
def _openings(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """The words a left cue of lx.LEFT_CUE_RES opens its look-ahead with (lower-case ASCII
    literals), as a pattern that finds where one starts case-sensitively in folded text: the
    positions where the look-ahead holds; a search for words skips to their first letters (a
    look-ahead is tried at every position). None for any other pattern, or a look-ahead that is
    not plain words (searched whole, as before)."""
    for (cue, _c, _n), (pat, _c2, _n2) in zip(lx.LEFT_CUE_RES, lx.LEFT_CUES, strict=True):
        if cue is rx and rx.flags & re.IGNORECASE and rx.pattern.endswith(pat):
            head = rx.pattern[: len(rx.pattern) - len(pat)]
            plain = head.startswith("(?=") and head == head.lower() and not re.search(r"\\[a-z]", head)
            return re.compile(head[3:-1]) if plain else None
    return None


def right_cue(text: str, start: int, stop: int, reach: int = 9) -> RightCue | None:
    window = text[start : min(stop, start + 140)]
    prev = before_prev = ""
    for words, wm in enumerate(_CUE_TOKEN.finditer(window), 1):
        token = wm.group(0).lower().strip(".;:\"'“”")
        if (token in _BARRIER_WORDS and not _EPISTEMIC_PAST.match(window, wm.start())) or wm.group(0).startswith(";"):
            return None
        # "The head of a displaced persons' camp": after an indefinite article the word is a
        # modifier of a new noun phrase, not the figure's predicate.
        attributive = prev in _ATTRIBUTIVE_ARTICLES \
            or (prev == _DEFINITE and words > 2 and before_prev not in _MEMBERSHIP)  # fmt: skip
        before_prev, prev = prev, token
        # One pass finds whether any cue starts here; only then is the cue that does looked for.
        for rx, cat, detail in lx.RIGHT_CUE_RES if not attributive and lx.RIGHT_CUE_ANY.match(window, wm.start()) else ():
            m = rx.match(window, wm.start())
            if m and m.end() > wm.start():
                # "A gunman shot dead five worshippers": an active verb with an object
                # makes the figure before it the agent, not the victim.
                active = not _PASSIVE_AUX.search(m.group(0)) and _TRANSITIVE.search(m.group(0))
                after = start + m.end()
                also = _COORDINATED_PAST.match(text, after) if active else None
                obj = _OBJECT_NEXT.match(text, also.end() if also else after) if active else None
                # "Two bombers killed themselves": the agents died too. A lone "himself" is
                # counted by extract/attackers.py, on the word "himself".
                if obj and obj.group(0).strip().lower() != "themselves":
                    return None
                return RightCue(cat, detail, start + m.end())
        if words >= reach or wm.group(0).endswith((".", ";")):
            return None
    return None


def relative_cue(text: str, pos: int, value: float, stop: int, after: int = -1) -> RightCue | None:
    """The cue of a subject that a relative clause or a modifier holds apart from its verb:
    "three women who were also nurses were found dead", "a man who was abducted by gunmen
    on Monday, was found dead", "two men suspected of robbery in Varno were fatally assaulted".
    The verb agrees with the figure ("was"/"is" for one, "were"/"are" for more) and is not the first verb of
    the clause itself ("who was abducted")."""
    if not _REL_START.match(text, pos, stop):
        return None
    window_end = min(stop, pos + 220)
    want = _REL_AUX_ONE if value == 1 else _REL_AUX_MORE
    for m in _REL_AUX.finditer(text, max(pos, after), window_end):
        if _REL_BARRIER.search(text, pos, m.start()):
            return None
        if m.group(1).lower() not in want or _REL_OPEN.search(text, pos, m.start(1)):
            continue
        cue = right_cue(text, m.start(1), window_end)
        if cue is not None and lx.RIGHT_CUE_ANY.match(text, m.start(1)):
            return cue
    return None


def irrealis(text: str, start: int, at: int) -> bool:
    return bool(lx.IRREALIS_RE.search(text[max(start, at - 60) : at]))


def left_result(text: str, cue_start: int, np_end: int, end: int) -> str | None:
    """The category 'left N ...' completes to: "left 5 dead" killed, "left 3 injured" wounded."""
    if not _LEFT_VERB.match(text, cue_start, np_end):
        return None
    m = _LEFT_RESULT.match(text, np_end, end)
    return _RESULT_CATEGORY[m.group(1).lower()] if m else None


def needs_completion(text: str, cue_start: int, np_end: int, end: int) -> bool | None:
    """For 'left', 'took', 'forced': is the completing word there? None if not such a verb."""
    if _AND_KILL.match(text[cue_start:np_end]):
        return None  # "shot and killed": complete as it stands
    verb = re.match(r"\s*(\w+)", text[cue_start:np_end])
    if not verb or verb.group(1).lower() not in lx.NEEDS_COMPLETION:
        return None
    pattern = lx.NEEDS_COMPLETION[verb.group(1).lower()]
    # "took 5 hostage", "took eight employees of a mining company hostage" (a complement first)
    return bool(re.match(r"^(?:\s+of(?:\s+[\w'’-]+){1,4}?|(?:\s+\w+){0,2}?)\s*(?:" + pattern + ")", ahead(text, np_end, end),
                         re.IGNORECASE)) or bool(
        re.search(pattern, text[cue_start:np_end], re.IGNORECASE)
    )


