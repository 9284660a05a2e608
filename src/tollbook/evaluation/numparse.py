"""text -> ParsedNumber*: every figure read with general conventions, not casualty ones.

Signs ("-5", "minus five"), suffixes ("10k", "1.2b"), grouped digits ("1 234 567"), digit +
word mixes ("3 hundred and 21"), parts of scales ("half a million"). `tollbook eval numbers`
/ `ranges` and ranges.py use it; numbers.find_numbers is the casualty reading, whose word
tables it shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tollbook.evaluation.numeral_patterns import SUFFIX_RE, SUFFIXES, TOKEN_RE, WORD_KINDS
from tollbook.model import Span

__all__ = ["ParsedNumber", "parse_number", "parse_numbers"]


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """One number as written: where it is and its value ("minus five" -> -5)."""

    span: Span
    text: str
    value: float


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "d" for digits, else as in numeral_patterns.WORD_KINDS
    value: Decimal
    start: int
    end: int
    glued: bool  # joined to the previous token by spaces (or a hyphen between words)
    solo: bool = False  # part of a chain or signed: never joined with its neighbours


def _signed(text: str, pos: int) -> int | None:
    """Start of a minus sign written before the digits at `pos` ("-1", "- 10 k", "<-30")."""
    m = re.search(r"-\s*\Z", text[:pos])
    if m is None:
        return None
    before = text[: m.start()]
    # "1000 - 5000" is a range and "SCP-173" a name: the sign needs a non-figure before it.
    if before and not (before[-1].isspace() or before[-1] in "<>=([:"):
        return None
    prev = before.rstrip()
    return None if prev and prev[-1].isalnum() and prev[-1].isdigit() else m.start()


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []

    def add(kind: str, value: Decimal, start: int, end: int, solo: bool = False) -> None:
        gap = text[toks[-1].end : start] if toks else "."
        words = kind != "d" and toks and toks[-1].kind != "d"
        glued = bool(re.fullmatch(r"\s*", gap) or (words and re.fullmatch(r"\s*-\s*", gap)))
        glued = glued and not (solo or text[start] == "-")  # a sign starts a new number
        toks.append(_Tok(kind, value, start, end, glued, solo))

    for m in TOKEN_RE.finditer(text):
        if m.group("word"):
            wt = WORD_KINDS.get(m.group("word").lower())
            if wt is not None:
                add(wt[0], wt[1], m.start(), m.end())
            continue
        if m.group("chain") or (m.group("commas") and not _is_grouped(m.group("commas"))):
            for d in re.finditer(r"\d+", m.group()):
                add("d", Decimal(d.group()), m.start() + d.start(), m.start() + d.end(), solo=True)
            continue
        raw, end = m.group(), m.end()
        if m.group("frac"):
            num, den = raw.split("/")
            value = Decimal(num) / Decimal(den) if int(den) else Decimal(num)
        elif re.fullmatch(r"\d+,\d{1,2}", raw):
            value = Decimal(raw.replace(",", "."))  # decimal comma: "5,00"
        else:
            value = Decimal(re.sub(r"[,\s\u00a0\u202f]", "", raw))
        suffix = SUFFIX_RE.match(text, end)
        if suffix is not None:
            value, end = value.scaleb(SUFFIXES[suffix.group(1).lower()]), suffix.end()
        if re.match(r"[A-Za-z]", text[end : end + 1]):
            continue  # glued to a unit or an ordinal suffix: "29km", "4th"
        start, sign = m.start(), _signed(text, m.start())
        if sign is not None:
            start, value = sign, -value
        add("d", value, start, end)
    return toks


def _is_grouped(digits: str) -> bool:
    """'1,234,567' groups thousands; '5,00' is a decimal comma; '22,24,26' is a list."""
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}", digits))


def parse_numbers(text: str) -> tuple[ParsedNumber, ...]:
    """Every number in `text`, signs and scales applied; spans are offsets into `text`."""
    toks = _tokens(text)
    out: list[ParsedNumber] = []
    i = 0
    while i < len(toks):
        got = _phrase(toks, i)
        if got is None:
            i += 1
            continue
        value, j = got
        start, end = toks[i].start, toks[j - 1].end
        out.append(ParsedNumber((start, end), text[start:end], float(value)))
        i = j
    return tuple(out)


def parse_number(text: str) -> float | None:
    """The value of `text` when all of it is one number ("twenty-one trillion"), else None."""
    found = parse_numbers(text)
    if len(found) == 1 and found[0].text == text.strip():
        return found[0].value
    return None


def _next(toks: list[_Tok], i: int, *kinds: str) -> bool:
    return i < len(toks) and toks[i].glued and not toks[i].solo and toks[i].kind in kinds


def _phrase(toks: list[_Tok], i: int) -> tuple[Decimal, int] | None:
    """One number starting at token i: sign, then segments of decreasing scale."""
    sign = Decimal(1)
    if toks[i].kind == "neg":
        if not _next(toks, i + 1, "d", "u", "t", "a", "h", "part"):
            return None
        sign, i = Decimal(-1), i + 1
    if toks[i].solo:
        return toks[i].value * sign, i + 1
    seg = _segment(toks, i)
    if seg is None:
        return None
    value, scale, i = seg
    total = value * scale
    while scale > 1:
        k = i + 1 if _next(toks, i, "and") else i
        if not _next(toks, k, "d", "u", "t", "a", "h", "part"):
            break
        nxt = _segment(toks, k)
        # "twenty-one trillion three hundred": each part smaller than the scale before it.
        if nxt is None or nxt[0] <= 0 or nxt[0] * nxt[1] >= scale:
            break
        value, scale, i = nxt
        total += value * scale
    return sign * total, i


def _small(toks: list[_Tok], i: int) -> tuple[Decimal, int]:
    """'fifty - two' -> 52; 'three' -> 3 (two units in a row are two numbers)."""
    value = toks[i].value
    if toks[i].kind == "t" and _next(toks, i + 1, "u") and 0 < toks[i + 1].value < 10:
        return value + toks[i + 1].value, i + 2
    return value, i + 1


def _half_after(toks: list[_Tok], i: int) -> Decimal | None:
    """'and a half' / 'and three quarters' at token i."""
    if _next(toks, i, "and") and _next(toks, i + 1, "a", "u") and _next(toks, i + 2, "part"):
        return toks[i + 1].value * toks[i + 2].value
    return None


def _segment(toks: list[_Tok], i: int) -> tuple[Decimal, Decimal, int] | None:
    """value below a scale, the scale after it, next token: 'three hundred and two thousand'."""
    t, start = toks[i], i
    amount: Decimal | None = None
    if t.kind == "part" and _next(toks, i + 1, "a") and _next(toks, i + 2, "dz"):
        return t.value * 12, Decimal(1), i + 3  # "half a dozen"
    if t.kind in ("a", "u") and t.value == 1 and _next(toks, i + 1, "part"):
        amount, i = toks[i + 1].value, i + 2  # "a half", "one quarter"
    elif t.kind == "part":
        skip_a = _next(toks, i + 1, "a") and _next(toks, i + 2, "s")  # "half a million"
        amount, i = t.value, i + (2 if skip_a else 1)
    elif t.kind == "u" and _next(toks, i + 1, "part") and toks[i + 1].value == Decimal("0.25"):
        amount, i = t.value * toks[i + 1].value, i + 2  # "three quarters"
    elif t.kind == "d":
        amount, i = t.value, i + 1
    elif t.kind in ("u", "t"):
        amount, i = _small(toks, i)
    elif t.kind == "a" and _next(toks, i + 1, "h", "s", "dz"):
        amount, i = Decimal(1), i + 1
    elif t.kind != "h":
        return None
    if amount is not None and _next(toks, i, "dz"):
        return amount * 12, Decimal(1), i + 1  # "3 dozens"
    half = _half_after(toks, i) if amount is not None else None
    if half is not None:
        amount, i = amount + half if amount is not None else half, i + 3  # "five and a half"
    if _next(toks, i, "h") or (t.kind == "h" and i == start):
        amount, i = (amount if amount is not None else Decimal(1)) * 100, i + 1
        amount, i = _hundred_tail(toks, i, amount)
    if amount is None:
        return None
    scale = Decimal(1)
    while _next(toks, i, "s"):
        scale, i = scale * toks[i].value, i + 1
    half = _half_after(toks, i) if scale > 1 and not _next(toks, i + 3, "s") else None
    if half is not None:
        amount, i = amount + half, i + 3  # "3 million and a half"
    return amount, scale, i


def _hundred_tail(toks: list[_Tok], i: int, amount: Decimal) -> tuple[Decimal, int]:
    """After 'N hundred': '[and] 21', '[and] two dozens'; not '[and] 2 hundred' (a new number)."""
    k = i + 1 if _next(toks, i, "and") else i
    if not _next(toks, k, "d", "u", "t"):
        return amount, i
    if toks[k].kind == "d":
        extra, k2 = toks[k].value, k + 1
        if extra != extra.to_integral_value() or not 0 < extra < 100:
            return amount, i
    else:
        extra, k2 = _small(toks, k)
    if extra <= 0 or _next(toks, k2, "h"):
        return amount, i
    if _next(toks, k2, "dz"):
        extra, k2 = extra * 12, k2 + 1
    return amount + extra, k2
