"""Matchers for the time of day in a date phrase: "9 Uhr", "halb 3", "10-12 Uhr", "3pm"."""

from __future__ import annotations

from handlers.dates.parts import DAY_SLOTS, Impossible, Parts, Spoken
from handlers.dates.tokens import Tok, kind_at


def _hour(tok: Tok) -> int | None:
    """Return the hour a number token says, or None for any other token."""
    return int(tok.val) if tok.kind in ("num", "ord") else None


def match_time_words(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "halb 9", "viertel nach 9", "viertel vor 10", "dreiviertel 9", "5 nach 9"."""
    a, k = toks[i], kind_at(toks, i + 1)
    spoken: tuple[int, int, int] | None = None  # (hour word, minute offset, tokens)
    if a.kind == "halb" and k in ("num", "ord"):
        spoken = (_hour(toks[i + 1]) or 0, -30, 2)
    elif a.kind == "viertel" and k in ("nach", "vor") and kind_at(toks, i + 2) in ("num", "ord"):
        spoken = (_hour(toks[i + 2]) or 0, 15 if k == "nach" else -15, 3)
    elif a.kind in ("viertel", "dreiviertel") and k in ("num", "ord"):
        spoken = (_hour(toks[i + 1]) or 0, -45 if a.kind == "viertel" else -15, 2)
    elif a.kind == "num" and k in ("nach", "vor") and 0 < int(a.val) < 30:
        minutes = int(a.val) if k == "nach" else -int(a.val)
        if kind_at(toks, i + 2) in ("num", "ord"):
            spoken = (_hour(toks[i + 2]) or 0, minutes, 3)
        elif kind_at(toks, i + 2) == "halb" and kind_at(toks, i + 3) in ("num", "ord"):
            spoken = (_hour(toks[i + 3]) or 0, minutes - 30, 4)  # "5 vor halb 10"
    if spoken is None:
        return 0
    word, offset, n = spoken
    if not 1 <= word <= 24:
        raise Impossible("hour")
    total = word * 60 + offset
    p.put("time", Spoken(total // 60, total % 60, word))
    return n + (kind_at(toks, i + n) == "uhr")


def _clock_at(toks: list[Tok], i: int, after_at: bool = False) -> tuple[Spoken, int, bool] | None:
    """Return a time written as digits at `i`, its token count and whether it was marked."""
    kinds = ("clock", "pair", "num", "ord") if after_at else ("clock", "pair", "num")
    if i >= len(toks) or toks[i].kind not in kinds:
        return None
    a = toks[i]
    hhmm = _is_hhmm(a)
    if hhmm:  # "1030", "930": hours and minutes without a colon
        hour, minute, n = int(a.raw[:-2]), int(a.raw[-2:]), 1
    elif a.kind in ("num", "ord"):  # "um 9." closing a sentence is still 9 o'clock
        hour, minute, n = int(a.val), 0, 1
    else:
        (hour, minute), n = a.val, 1
    marked = a.kind == "clock"
    # Only a spoken-style hour ("um 3", "morgen 3") may mean the afternoon; "3 Uhr", "3:00",
    # "03" and "1430" are read as written.
    casual = a.kind in ("num", "ord") and not a.raw.startswith("0") and not hhmm
    if kind_at(toks, i + n) == "uhr":
        n, marked, casual = n + 1, True, False
        after = toks[i + n] if i + n < len(toks) else None
        spelled = after is not None and (len(after.raw) == 2 or not after.raw.isdigit())
        if a.kind == "num" and after and after.kind == "num" and spelled:
            minute, n = int(after.val), n + 1  # "14 Uhr 30", not "9 Uhr 2 Bewerber"
    ampm = None
    if kind_at(toks, i + n) == "ampm":
        ampm, n, marked = str(toks[i + n].val), n + 1, True
    return Spoken(hour, minute, hour, casual, ampm), n, marked


def _is_hhmm(tok: Tok) -> bool:
    """Tell whether `tok` is three or four digits that could be a time ("930", "1430")."""
    return tok.kind in ("num", "ord") and len(tok.raw) in (3, 4) and tok.raw.isdigit()


def _hhmm_said_as_time(toks: list[Tok], i: int, p: Parts) -> bool:
    """Tell whether digits "1030" at `i` stand where only a time fits.

    That is after "bis" or right after a day ("morgen 1030", "3.3. 1400", "Freitag früh
    930"); a number that may be a year of this century ("Freitag 2026") is not taken.
    """
    if i and toks[i - 1].raw in ("bis", "until"):
        return True
    day_before = p.has_day() or p.daypart is not None
    return day_before and not _year_like(toks[i])


def _year_like(tok: Tok) -> bool:
    """Tell whether a number may be a year of this century rather than a time ("2026")."""
    return 2000 <= int(tok.val) < 2100


def match_time(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "9 Uhr", "10:30h", "um 9", "3pm", "1430 Uhr", ranges "10-12 Uhr", "10 bis 12:30"."""
    at = toks[i].kind == "at"
    hhmm = i + at < len(toks) and _is_hhmm(toks[i + at])
    start = _clock_at(toks, i + at, toks[i].raw in ("um", "at") or hhmm)
    if start is None or kind_at(toks, i + at + 1) in ("nach", "vor"):
        return 0  # "um zehn nach neun" is for match_time_words ("ab dem 5." is a day)
    spoken, n, marked = start
    if not (marked or at) and hhmm and _hhmm_said_as_time(toks, i, p):
        marked = True
    j = i + at + n
    if kind_at(toks, j) in ("dash", "und"):
        k = j + 1 + (kind_at(toks, j + 1) == "at")  # "ab 10 Uhr bis ca. 12 Uhr"
        end = _clock_at(toks, k)
        # "1030-1200", "von 930 bis 1100": two clock times without colons make a range
        both = hhmm and end is not None and _is_hhmm(toks[k])
        both = both and not (_year_like(toks[i + at]) or _year_like(toks[k]))
        if end is not None and (marked or end[2] or at or toks[i].kind == "pair" or p.has_day()
                                or both):
            if not end[0].casual:
                spoken = spoken._replace(casual=False)  # "2-4 Uhr" is written like "2 Uhr"
            p.put("time", spoken)
            p.put("end", end[0])
            return k + end[1] - i
    if not (marked or at):
        return 0
    p.put("time", spoken)
    return j - i


def match_pair(toks: list[Tok], i: int, p: Parts) -> int:
    """Match a bare "10.30" / "5.3": a date where that is possible, else a time."""
    if toks[i].kind != "pair":
        return 0
    a, b = toks[i].val
    as_date = 1 <= a <= 31 and 1 <= b <= 12
    # Minutes are always written with two digits: "5.3" is a date, "5.03" may be either.
    as_time = a < 24 and b < 60 and len(toks[i].raw.partition(".")[2]) == 2
    if as_date and as_time and p.has_day():
        if p.time is None and not any(getattr(p, s) is not None for s in DAY_SLOTS):
            p.put("pair", (a, b))  # "Di 17.03": the weekday decides later (resolve)
            return 1
        as_date = p.time is not None  # "morgen 9.10" is a time, "Di 14 Uhr 17.03" a date
    if as_date:
        p.put("date", (a, b, None))
    else:
        p.put("time", Spoken(a, b, a, casual=False))
    return 1
