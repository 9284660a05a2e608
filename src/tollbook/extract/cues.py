"""Cues around a figure: sentence text + a figure's position -> the words that say what
happened to its people (category, note, where the cue starts or ends).

Left cues end right before the figure ("killed 12", "the death toll rose to 40"); right cues
follow it ("27 people were killed"), up to a few words away, stopped by barriers ("could",
"but"); a relative clause may stand between ("three women who were nurses were found dead").
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.wire import PLACE_MODIFIER_RE
from tollbook.model import Span

_CUE_TOKEN = re.compile(r"[^\s,]+")
#: "may have been destroyed" says what perhaps happened (kept, flagged hedged by lx.HEDGE_RE);
#: "may be displaced" says what may yet happen (a barrier).
_EPISTEMIC_PAST = re.compile(r"(?:may|might|could)\s+(?:well\s+)?have\s+", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"(?<![\w'’])(?:his|her|their|its|our)\s+\Z", re.IGNORECASE)
_BARRIER_WORDS = frozenset(
    "could might may would will should can cannot but while whereas although though if "
    "unless threatened threatens vowed plans planned claimed denied".split()
)
_PASSIVE_AUX = re.compile(r"\b(?:were|was|are|is|been|being|be|got|get|remain\w*|still)\b", re.IGNORECASE)
_TRANSITIVE = re.compile(
    r"\b(?:killed|murdered|massacred|executed|slaughtered|assassinated|shot\s+dead|gunned\s+down|"
    r"beheaded|lynched|wounded|injured|maimed|abducted|kidnapped|captured|seized|detained|arrested|"
    r"fatally\s+(?:shot|stabbed|wounded|injured|assaulted|attacked|beat|hit|struck))\s*$",
    re.IGNORECASE,
)
_OBJECT_NEXT = re.compile(
    r"\s+(?:himself|herself|themselves|them|him|her|at\s+least|some|about|more\s+than|\d|"
    r"(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\b)",
    re.IGNORECASE,
)
TOLL_WORDS = (
    (r"wound|injur", "wounded"), (r"missing", "missing"), (r"displac|idps|evacuee", "displaced"),
    (r"detain|arrest", "detained"), (r"hostage", "hostage"), (r"casualt", "casualties"),
    (r"returnee", "returned"),
)  # fmt: skip
#: A running total whose words name no deaths ("bringing the total for 2031 to 13,000 families")
#: totals what the sentence counted before it; see counts._categorise.
_DEATH_WORDS = re.compile(r"toll|death|dead|kill|fatalit|victim|li(?:fe|ves)")


def toll_category(words: str, default: str) -> str:
    """What a toll's own words (lower case) say it counts: "the number of wounded" -> wounded;
    `default` when they name none of TOLL_WORDS; a word that only qualifies a place ("the
    attack on the displacement camp") names nothing counted."""
    words = PLACE_MODIFIER_RE.sub(r"\1", words)
    return next((c for pat, c in TOLL_WORDS if re.search(pat, words)), default)


def one_was_cue(text: str, start: int, span: Span, end: int) -> bool:
    """"Three suspects fled and one was killed": a bare "one" as the subject of a cue
    ("no one was hurt" is a zero, read by find_zeros)."""
    if _NO_BEFORE.search(text, max(start, span[0] - 8), span[0]):
        return False
    m = _ONE_WAS.match(text, span[1], end)
    return m is not None and lx.RIGHT_CUE_ANY.match(text, m.end(), end) is not None


_NO_BEFORE = re.compile(r"\b(?:no|not|any|every|each|no\s+other)[\s-]+\Z", re.IGNORECASE)
_ONE_WAS = re.compile(r"\s+(?=(?:was|were)\s)", re.IGNORECASE)


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


def left_cue(text: str, start: int, at: int) -> tuple[str, str, int] | None:
    # "killed his two brothers": the verb's object starts at the possessive.
    own = _OWNER_BEFORE.search(text, max(start, at - 8), at)
    if own is not None:
        at = own.start()
    before = text[max(start, at - 120) : at]
    last = last_word(before)
    cues, any_cue = lx.left_cues_ending(last) if last is not None else ((), None)
    if not cues or (any_cue is not None and not any_cue.search(before)):
        return None  # only the cues that can end with this word are looked for, in one scan
    for rx, cat, note in cues:
        m = rx.search(before)
        if m:
            if cat == "toll":
                # The toll's own words say what it counts: "the number of wounded ... to 85".
                words = m.group(0).lower()
                other = "inherit" if note == "cumulative" and not _DEATH_WORDS.search(words) else "killed"
                cat = toll_category(words, other)
            return cat, note, at - len(before) + m.start()
    return None


def right_cue(text: str, start: int, stop: int, reach: int = 9) -> tuple[str, str | None, int] | None:
    window = text[start : min(stop, start + 140)]
    for words, wm in enumerate(_CUE_TOKEN.finditer(window), 1):
        token = wm.group(0).lower().strip(".;:\"'“”")
        if (token in _BARRIER_WORDS and not _EPISTEMIC_PAST.match(window, wm.start())) or wm.group(0).startswith(";"):
            return None
        # One pass finds whether any cue starts here; only then is the cue that does looked for.
        for rx, cat, detail in lx.RIGHT_CUE_RES if lx.RIGHT_CUE_ANY.match(window, wm.start()) else ():
            m = rx.match(window, wm.start())
            if m and m.end() > wm.start():
                # "A gunman shot dead five worshippers": an active verb with an object
                # makes the figure before it the agent, not the victim.
                active = not _PASSIVE_AUX.search(m.group(0)) and _TRANSITIVE.search(m.group(0))
                obj = _OBJECT_NEXT.match(text, start + m.end()) if active else None
                # "Two bombers killed themselves": the agents died too. A lone "himself" is
                # counted by find_attackers, on the word "himself".
                if obj and obj.group(0).strip().lower() != "themselves":
                    return None
                return cat, detail, start + m.end()
        if words >= reach or wm.group(0).endswith((".", ";")):
            return None
    return None


_REL_START = re.compile(
    r"\s*,?\s*(?:\(|(?:who|that|whose|suspected|accused|allegedly|reportedly|belonging|affiliated|"
    r"linked|from|of|with)\b)", re.IGNORECASE,
)
_REL_AUX = re.compile(r"(?:,\s*|\)\s*|\s)(was|were)\s", re.IGNORECASE)
_REL_OPEN = re.compile(r"\b(?:who|that|which|whom)\s+(?:[\w']+\s+){0,3}\Z", re.IGNORECASE)
_REL_BARRIER = re.compile(r"[;:]|\b(?:but|while|whereas|although|though|when|because|if|could|might|"
                          r"would|may|will)\b", re.IGNORECASE)  # fmt: skip


def relative_cue(text: str, pos: int, value: float, stop: int, after: int = -1) -> tuple[str, str | None, int] | None:
    """The cue of a subject that a relative clause or a modifier holds apart from its verb:
    "three women who were also nurses were found dead", "a man who was abducted by gunmen
    on Monday, was found dead", "two men suspected of robbery in Varno were fatally assaulted".
    The verb agrees with the figure ("was" for one, "were" for more) and is not the first verb of
    the clause itself ("who was abducted")."""
    if not _REL_START.match(text, pos, stop):
        return None
    window_end = min(stop, pos + 220)
    want = "was" if value == 1 else "were"
    for m in _REL_AUX.finditer(text, max(pos, after), window_end):
        if _REL_BARRIER.search(text, pos, m.start()):
            return None
        if m.group(1).lower() != want or _REL_OPEN.search(text, pos, m.start(1)):
            continue
        cue = right_cue(text, m.start(1), window_end)
        if cue is not None and lx.RIGHT_CUE_ANY.match(text, m.start(1)):
            return cue
    return None


def irrealis(text: str, start: int, at: int) -> bool:
    return bool(lx.IRREALIS_RE.search(text[max(start, at - 60) : at]))


_LEFT_VERB = re.compile(r"\s*(?:left|leaving|leaves|leave)\b", re.IGNORECASE)
_LEFT_RESULT = re.compile(r"(?:\s+\w+){0,2}?\s*\b(dead|killed|injured|wounded|homeless|missing)\b", re.IGNORECASE)
_RESULT_CATEGORY = {"dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
                    "homeless": "displaced", "missing": "missing"}  # fmt: skip


def left_result(text: str, cue_start: int, np_end: int, end: int) -> str | None:
    """The category 'left N ...' completes to: "left 5 dead" killed, "left 3 injured" wounded."""
    if not _LEFT_VERB.match(text, cue_start, np_end):
        return None
    m = _LEFT_RESULT.match(text, np_end, end)
    return _RESULT_CATEGORY[m.group(1).lower()] if m else None


def needs_completion(text: str, cue_start: int, np_end: int, end: int) -> bool | None:
    """For 'left', 'took', 'forced': is the completing word there? None if not such a verb."""
    if re.match(r"\s*\w+\s+and\s+kill", text[cue_start:np_end], re.IGNORECASE):
        return None  # "shot and killed": complete as it stands
    verb = re.match(r"\s*(\w+)", text[cue_start:np_end])
    if not verb or verb.group(1).lower() not in lx.NEEDS_COMPLETION:
        return None
    pattern = lx.NEEDS_COMPLETION[verb.group(1).lower()]
    return bool(re.match(r"^(?:\s+\w+){0,2}?\s*(?:" + pattern + ")", ahead(text, np_end, end), re.IGNORECASE)) or bool(
        re.search(pattern, text[cue_start:np_end], re.IGNORECASE)
    )


