"""Matchers for the calendar part of a date phrase: dates, weeks, weekdays, offsets."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from handlers.dates.parts import Impossible, Parts
from handlers.dates.tokens import Tok, kind_at, year_after


def _day_month_at(toks: list[Tok], i: int) -> tuple[tuple[int, int, int | None], int] | None:
    """Return (day, month, year) and token count for "5.3.", "5. März 2026" or "March 5"."""
    a = toks[i]
    if a.kind == "date":
        year, n = year_after(toks, i + 1) if a.val[2] is None else (None, 0)
        return (a.val[0], a.val[1], year or a.val[2]), 1 + n
    if a.kind in ("ord", "num") and kind_at(toks, i + 1) == "month":
        year, n = year_after(toks, i + 2)
        return (int(a.val), int(toks[i + 1].val), year), 2 + n
    if a.kind == "month" and kind_at(toks, i + 1) in ("ord", "num"):
        if kind_at(toks, i + 2) in ("uhr", "ampm") or int(toks[i + 1].val) > 31:
            return None
        year, n = year_after(toks, i + 2)
        return (int(toks[i + 1].val), int(a.val), year), 2 + n
    return None


def match_date(toks: list[Tok], i: int, p: Parts) -> int:
    """Match a date, also a range "9.-14.3." / "9. bis 14. März" (the first day counts)."""
    if toks[i].kind in ("ord", "num") and kind_at(toks, i + 1) in ("dash", "slash"):
        tail = _day_month_at(toks, i + 2) if i + 2 < len(toks) else None
        if tail is not None:
            (_, month, year), n = tail
            p.put("date", (int(toks[i].val), month, year))
            return 2 + n
    head = _day_month_at(toks, i)
    if head is None:
        return 0
    value, n = head
    p.put("date", value)
    if kind_at(toks, i + n) == "dash" and i + n + 1 < len(toks):
        named = kind_at(toks, i + n + 1) == "wd"  # "Mo 9.3. bis Fr 13.3."
        tail = _day_month_at(toks, i + n + 1 + named) if i + n + 1 + named < len(toks) else None
        if tail is not None:
            n += 1 + named + tail[1]
    return n


def match_holiday(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "Ostermontag", "Pfingsten 2027", "nächstes Ostern", "dieses Weihnachten"."""
    a = toks[i]
    if a.kind in ("next", "this") and int(a.val) in (0, 1):
        b = toks[i + 1] if i + 1 < len(toks) else None
        if b is not None and (b.kind == "holiday" or (b.kind == "date" and b.raw.isalpha())):
            return 1  # the next one is the one meant anyway
        return 0
    if a.kind != "holiday":
        return 0
    year, n = year_after(toks, i + 1)
    p.put("holiday", (a.val, year))
    return 1 + n


def match_kw(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "KW 20", "KW20/2026", "20. KW"."""
    if toks[i].kind == "kw" and kind_at(toks, i + 1) in ("num", "ord"):
        week, n = int(toks[i + 1].val), 2
    elif toks[i].kind == "kw" and kind_at(toks, i + 1) == "dash" and kind_at(toks, i + 2) == "num":
        week, n = int(toks[i + 2].val), 3  # "KW-12"
    elif toks[i].kind in ("num", "ord") and kind_at(toks, i + 1) == "kw":
        week, n = int(toks[i].val), 2
    else:
        return 0
    if kind_at(toks, i + n) == "dash":
        k = i + n + 1 + (kind_at(toks, i + n + 1) == "kw")  # "KW 11-12", "KW 11 - KW 12"
        if kind_at(toks, k) in ("num", "ord") and week < int(toks[k].val) <= 53:
            n = k + 1 - i  # a range of weeks starts with its first
    if kind_at(toks, i + n) == "slash" and kind_at(toks, i + n + 1) == "num":
        written = int(toks[i + n + 1].val)  # "KW 8/26", "KW 8/2026"
        p.put("kw", (week, written + 2000 if written < 100 else written))
        return n + 2
    year, extra = year_after(toks, i + n)
    p.put("kw", (week, year))
    return n + extra


_PART: Final[Mapping[str, float]] = MappingProxyType({"viertel": 0.25, "dreiviertel": 0.75})


def match_relative(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "in 10 Tagen", "in einer halben Stunde", "vor 3 Tagen"."""
    if toks[i].kind not in ("in", "vor"):
        return 0
    j, amount = i + 1, 1.0
    if kind_at(toks, j) in ("num", "frac", "art"):
        amount, j = float(toks[j].val), j + 1
    elif kind_at(toks, j) == "pair" and kind_at(toks, j + 1) == "unit":
        amount, j = float(toks[j].raw), j + 1  # "in 1.5 Stunden"
    elif kind_at(toks, j) != "halbe":
        return 0
    if kind_at(toks, j) == "halbe":
        amount, j = amount / 2, j + 1
        j += kind_at(toks, j) == "art"  # "in half an hour"
    elif kind_at(toks, j) in _PART and kind_at(toks, j + 1) == "unit":
        amount, j = amount * _PART[toks[j].kind], j + 1  # "in einer dreiviertel Stunde"
    if kind_at(toks, j) == "uhr" and toks[j].raw == "h":
        unit = "h"  # "in 3h" is three hours; nobody says "in 3 Uhr"
    elif kind_at(toks, j) == "unit":
        unit = str(toks[j].val)
    else:
        return 0
    if unit == "y" and amount != int(amount):
        amount, unit = amount * 12, "m"  # "in einem halben Jahr"
    if unit not in ("h", "min", "q", "tq") and amount != int(amount):
        raise Impossible("fraction")
    p.put("delta", (amount if toks[i].kind == "in" else -amount, unit))
    return j + 1 - i


def match_weekday(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "Freitag", "nächsten Freitag", "übernächsten Fr", "diesen Freitag"."""
    a = toks[i]
    if a.kind in ("next", "this") and kind_at(toks, i + 1) == "wd":
        p.put("weekday", toks[i + 1].val)
        p.skip = int(a.val) - 1 if a.val else 0  # -2 for "letzten Freitag"
        p.this = a.kind == "this"
        return 2
    if a.kind == "wd":
        p.put("weekday", a.val)
        if kind_at(toks, i + 1) == "dash" and kind_at(toks, i + 2) == "wd":
            return 3  # "Mo-Fr", "Montag bis Mittwoch": the range starts on the first day
        return 1
    return 0


def match_week(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "nächste Woche", "übernächste Woche", "diese Woche", "nächsten Monat"."""
    a = toks[i]
    if a.kind not in ("next", "this") or kind_at(toks, i + 1) not in ("unit", "kw"):
        return 0
    unit, offset = toks[i + 1].val or "w", int(a.val)  # "nächste KW" is next week
    if unit == "w":
        p.put("week", offset)
    elif unit in ("m", "y", "Q"):
        p.put("pos", ("anfang", unit, offset))  # "nächsten Monat", "nächstes Jahr"
    else:
        return 0
    return 2


def match_position(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "Anfang März", "Mitte nächster Woche", "Ende des Monats", "Wochenende"."""
    a = toks[i]
    if a.kind == "edge":  # "Monatsende", "Jahresanfang"
        p.put("pos", (*a.val, 0))
        return 1
    qualified = a.kind in ("next", "this")
    if kind_at(toks, i + qualified) == "weekend":
        p.put("weekend", int(a.val) if qualified else 0)
        return 1 + qualified
    if a.kind != "pos":
        return 0
    year, n = year_after(toks, i + 1)
    if year is not None:
        p.put("pos", (a.val, "Y", year))  # "Anfang 2027", "Mitte 2026"
        return 1 + n
    if kind_at(toks, i + 1) == "month":
        year, n = year_after(toks, i + 2)
        p.put("pos", (a.val, "month", (toks[i + 1].val, year)))
        return 2 + n
    j, offset = i + 1, 0
    if kind_at(toks, j) in ("next", "this"):
        j, offset = j + 1, int(toks[j].val)
    if kind_at(toks, j) == "unit" and toks[j].val in ("w", "m", "y", "Q"):
        p.put("pos", (a.val, toks[j].val, offset))
        return j + 1 - i
    return 0


def match_day_word(toks: list[Tok], i: int, p: Parts) -> int:
    """Match "heute", "morgen", "übermorgen", "gestern", "tonight" and dayparts."""
    a = toks[i]
    if a.kind == "veto":
        raise Impossible("a choice, a negation or a series is no single date")
    if a.kind == "now":
        p.put("delta", (0.0, "min"))  # "jetzt" is now, to the minute, and nothing else
    elif a.kind == "rel":
        p.put("rel", a.val)
    elif a.kind == "dp":
        p.put("daypart", a.val)
    elif a.kind == "tonight":
        p.put("rel", 0)
        p.put("daypart", "abend")
    else:
        return 0
    return 1


def match_bare(toks: list[Tok], i: int, p: Parts) -> int:
    """Match a lone number: "morgen 9" (an hour, once a day is known) or "am 15." (a day)."""
    a = toks[i]
    closing = i == len(toks) - 1 and (p.rel is not None or p.date is not None)
    if a.kind == "num" or (a.kind == "ord" and closing):
        p.put("bare", a.val)  # "morgen 9." ends a sentence, it is no day
    elif a.kind == "ord" and 1 <= a.val <= 31:
        p.put("day", a.val)
    else:
        return 0
    return 1
