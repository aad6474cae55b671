"""Turn free German (or English) date text into classified tokens for the date grammar."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

from handlers.dates.holidays import join_holiday_names
from handlers.dates.vocabulary import lookup


class Tok(NamedTuple):
    """One classified piece of a date phrase: `kind` says how the grammar may use `val`."""

    kind: str
    # What `val` holds depends on `kind` (an int for "num", (day, month, year) for "date", a
    # daypart name for "dp", ...); the grammar checks the kind before it reads the value.
    val: Any = None
    raw: str = ""


_TOKEN_RE = re.compile(
    r"(?P<iso>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?!\d)"
    # "5.3.10 Uhr" / "5.3.10:00" lack a space; they do not name the year 2010
    r"|(?P<dmy>\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}(?!\s*(?:uhr|h)\b|:\d))|\d{1,2}-\d{1,2}-\d{4})"
    r"(?!\d)\.?"
    r"|(?P<dm>\d{1,2}\.\d{1,2}\.)"
    r"|(?P<clock>\d{1,2}:\d{2})(?::\d{2})?"
    r"|(?P<pair>\d{1,2}\.\d{1,2})(?![\d.])"
    r"|(?P<ord>\d{1,4})(?:\.|st\b|nd\b|rd\b|th\b|ten\b|ter\b|te\b|tes\b)"
    r"|(?P<dec>\d{1,3},\d{1,2})(?!\d)"
    r"|(?P<num>\d{1,4})"
    r"|(?P<word>[a-zäöüß]+)"
    r"|(?P<dash>[-–—‐‑−])"
    r"|(?P<slash>/)"
)
_COMPOUND_RE = re.compile(
    r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|morgen|gestern)"
    r"(früh|morgen|vormittag|mittag|nachmittag|abend|nacht)(s?)\b"
)
_SPACED_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\s?\.\s+(\d{1,2})\.(?=[\s,]|$)")  # "9. 2. 2026"
_PHRASES = (
    ("day after tomorrow", "übermorgen"),
    ("day before yesterday", "vorgestern"),
    ("den ganzen tag", "ganztags"),
    ("all day", "ganztags"),
    ("über nächst", "übernächst"),  # "über nächsten Montag"
    ("ueber naechst", "übernächst"),
)
# A phrase never ends on these; one that does was cut off a longer text ("morgen 9 Uhr die
# Unterlagen"), so it must not count as a whole date.
_DANGLING = frozenset({"den", "der", "die", "das", "dem", "des", "im", "zum", "zur", "vom", "von",
                       "am", "um", "ab", "in", "an", "the", "on", "at", "of", "für",
                       "auf"})
_SHORT_YEAR_RE = re.compile(r"[’']\s?(\d{2})\b")
_FROM_NOW_RE = re.compile(r"\b(\w+ \w+) from (?:now|today)\b")  # "3 days from now"
_AGO_RE = re.compile(r"\b(\w+ \w+) ago\b")  # "3 days ago"
_AMPM_RE = re.compile(r"\b([ap])\.\s?m\.")
# "10 am" is a.m. only at the end or before these English words; "10 am Montag" stays German.
_ENGLISH_AFTER_AM = frozenset({"tomorrow", "today", "on", "next", "this", "tonight"})

def _word(raw: str, prev: Tok | None, before: str | None, nxt: str | None) -> Tok:
    """Classify one word, using its neighbours where German needs them ("heute morgen")."""
    kind, val = lookup(raw) or ("unk", None)
    after_day = before == "am" or (prev is not None and prev.kind in ("rel", "wd"))
    if kind == "rel" and val == 1 and raw.startswith("morgen") and after_day:
        return Tok("dp", "früh", raw)  # "heute morgen", "Montag morgen", "am Morgen"
    if kind == "am":
        if prev is not None and prev.kind in ("num", "clock") and (
            nxt is None or nxt in _ENGLISH_AFTER_AM
        ):
            return Tok("ampm", "am", raw)
        return Tok("filler", None, raw)
    if raw == "so" and nxt in ("gegen", "um", "ca", "etwa", "ab", "circa"):
        return Tok("filler", None, raw)
    return Tok(kind, val, raw)


def _number(kind: str, text: str) -> Tok:
    """Classify one numeric piece ("5.3.", "10:30", "10.30", "5.", "2026-03-05")."""
    if kind == "iso":
        y, m, d = (int(p) for p in re.split(r"[-/.]", text))
        return Tok("date", (d, m, y), text)
    if kind in ("dmy", "dm"):
        parts = [int(p) for p in re.split(r"[-./]", text.rstrip(".")) if p]
        year = parts[2] if len(parts) > 2 else None
        if year is not None and year < 100:
            year += 2000
        return Tok("date", (parts[0], parts[1], year), text)
    if kind == "dec":
        return Tok("frac", float(text.replace(",", ".")), text)  # "in 1,5 Stunden"
    if kind in ("clock", "pair"):
        hour, minute = (int(p) for p in re.split(r"[.:]", text))
        return Tok(kind, (hour, minute), text)
    return Tok(kind, int(text), text)


def tokenize(text: str) -> list[Tok]:
    """Split `text` into classified tokens; fillers are dropped, unknown words kept as "unk"."""
    text = unicodedata.normalize("NFC", text).lower()  # "Ma\u0308rz" from some keyboards
    text = _SHORT_YEAR_RE.sub(r"20\1", text)  # "5. März '26"
    text = _AMPM_RE.sub(r"\1m", text.replace("'", ""))
    text = _COMPOUND_RE.sub(r"\1 \2\3", _SPACED_DATE_RE.sub(r"\1.\2.", text))
    text = join_holiday_names(text)  # "Tag der Arbeit", "2. Weihnachtsfeiertag"
    for phrase, word in _PHRASES:
        text = text.replace(phrase, word)
    text = _AGO_RE.sub(r"vor \1", _FROM_NOW_RE.sub(r"in \1", text))
    pieces = [(m.lastgroup or "", m.group(m.lastgroup or 0)) for m in _TOKEN_RE.finditer(text)]
    toks: list[Tok] = []
    for index, (kind, piece) in enumerate(pieces):
        if kind == "word":
            nxt = pieces[index + 1][1] if index + 1 < len(pieces) else None
            before = pieces[index - 1][1] if index else None
            tok = _word(piece, toks[-1] if toks else None, before, nxt)
        elif kind in ("dash", "slash"):
            tok = Tok(kind, None, piece)
        else:
            tok = _number(kind, piece)
        if tok.kind != "filler":
            toks.append(tok)
    if pieces and pieces[-1][1] in _DANGLING and tok.kind in ("filler", "at", "in", "art"):
        toks.append(Tok("unk", None, pieces[-1][1]))  # "morgen 9 Uhr die" is cut mid-phrase
    return toks


def kind_at(toks: list[Tok], i: int) -> str:
    """Return the kind of token `i`, or "" past the end."""
    return toks[i].kind if i < len(toks) else ""


def year_after(toks: list[Tok], i: int) -> tuple[int | None, int]:
    """Return an explicit four-digit year at `i` and how many tokens it takes."""
    if kind_at(toks, i) in ("num", "ord") and 1900 <= int(toks[i].val) <= 2199:
        return int(toks[i].val), 1
    return None, 0
