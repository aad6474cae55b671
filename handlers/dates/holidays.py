"""German holidays and feast days as date words: "Ostermontag", "Tag der Arbeit", "3. Advent".

Fixed days are plain dates ("Heiligabend" is 24.12., "Silvester" 31.12.); movable feasts count
from Easter Sunday, computed with the Easter helper the `holidays` package itself uses
(dateutil's), so no Easter dates are written down here. "Buß- und Bettag" is the Wednesday
before 23 November; the 4th Advent the last Sunday before Christmas. A holiday without a year
is its next occurrence from today on (today included); with a year it is that year's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

from dateutil.easter import easter

# Days after Easter Sunday.
_EASTER_OFFSETS: Final[Mapping[str, int]] = MappingProxyType({
    "weiberfastnacht": -52,
    "rosenmontag": -48,
    "faschingsdienstag": -47,
    "aschermittwoch": -46,
    "gründonnerstag": -3,
    "karfreitag": -2,
    "karsamstag": -1,
    "ostern": 0,
    "ostersonntag": 0,
    "ostermontag": 1,
    "himmelfahrt": 39,
    "vatertag": 39,
    "pfingsten": 49,
    "pfingstsonntag": 49,
    "pfingstmontag": 50,
    "fronleichnam": 60,
})
_FIXED: Final[Mapping[str, tuple[int, int]]] = MappingProxyType({
    "heiligabend": (24, 12),
    "weihnachten": (25, 12),
    "weihnachtstag": (25, 12),
    "weihnachtsfeiertag": (25, 12),
    "stephanstag": (26, 12),
    "silvester": (31, 12),
    "neujahr": (1, 1),
    "neujahrstag": (1, 1),
    "dreikönigstag": (6, 1),
    "valentinstag": (14, 2),
    "frauentag": (8, 3),
    "weltfrauentag": (8, 3),
    "maifeiertag": (1, 5),
    "einheitstag": (3, 10),
    "reformationstag": (31, 10),
    "allerheiligen": (1, 11),
    "nikolaus": (6, 12),
    "nikolaustag": (6, 12),
})
# The Sundays before Christmas, as single words of letters (the tokeniser splits off digits).
_ADVENTS = ("ersteradvent", "zweiteradvent", "dritteradvent", "vierteradvent")
_BUSSTAG = "bußtag"

# Vocabulary entries for `vocabulary`: fixed days are dates, movable ones name a holiday.
HOLIDAY_WORDS: Final[Mapping[str, tuple[str, object]]] = MappingProxyType({
    **{word: ("date", (*day, None)) for word, day in _FIXED.items()},
    **{word: ("holiday", word) for word in (*_EASTER_OFFSETS, *_ADVENTS)},
    _BUSSTAG: ("holiday", _BUSSTAG),
    "christmas": ("date", (25, 12, None)),
    "easter": ("holiday", "ostern"),
    # Real words one typo away from a holiday stay unknown: "Osten" is no "Ostern".
    "osten": ("unk", None),
    "betrag": ("unk", None),
})

# Holiday names of several words, joined into one word before tokenising.
_PHRASES_RE = re.compile(
    r"\btag\s+der\s+(?:deutschen\s+|dt\.?\s*)?einheit\b(?P<einheitstag>)"
    r"|\btag\s+der\s+arbeit\b(?P<maifeiertag>)"
    r"|\bchristi\s+himmelfahrt\b(?P<himmelfahrt>)"
    r"|\bbu(?:ß|ss|s)\s*-?\s*(?:und|u\.?|&)\s*bettag\b(?P<bußtag>)"
    r"|\b(?:1\.|erste[nrs]?)\s*weihnachts(?:feier)?tag\b(?P<weihnachten>)"
    r"|\b(?:2\.|zweite[nrs]?)\s*weihnachts(?:feier)?tag\b(?P<stephanstag>)"
    r"|\bheilig(?:er)?\s*-?\s*abend\b(?P<heiligabend>)"
    r"|\bheilige\s+drei\s+k(?:ö|oe)nige\b(?P<dreikönigstag>)"
    r"|\b(?P<stem>oster|pfingst)\s*-\s*(?P<day>sonntag|montag)\b"
    r"|\b(?:(?P<nth>[1-4])\.?|(?P<word>erste|zweite|dritte|vierte)[nrs]?)\s*"
    r"advent(?:s?sonntag)?\b"
)
_ORDINALS = ("erste", "zweite", "dritte", "vierte")


def join_holiday_names(text: str) -> str:
    """Return lower-case `text` with multi-word holiday names made one word."""
    return _PHRASES_RE.sub(_joined, text)


def _joined(m: re.Match[str]) -> str:
    """Return the one word that stands for the holiday name `m` found."""
    if m.group("nth") or m.group("word"):  # "3. Advent", "dritten Advent"
        nth = int(m.group("nth")) if m.group("nth") else _ORDINALS.index(m.group("word")) + 1
        return _ADVENTS[nth - 1]
    if m.group("stem"):
        return m.group("stem") + m.group("day")
    return m.lastgroup or m.group(0)


def holiday_in(name: str, year: int) -> date:
    """Return the day of the movable holiday `name` in `year`."""
    if name == _BUSSTAG:
        nov22 = date(year, 11, 22)
        return nov22 - timedelta(days=(nov22.weekday() - 2) % 7)
    if name in _ADVENTS:  # the 4th Advent is the last Sunday before 25 December
        dec24 = date(year, 12, 24)
        fourth = dec24 - timedelta(days=(dec24.weekday() + 1) % 7)
        return fourth - timedelta(weeks=3 - _ADVENTS.index(name))
    return easter(year) + timedelta(days=_EASTER_OFFSETS[name])


def next_holiday(name: str, year: int | None, today: date) -> date:
    """Return `name` in `year`, or without a year its next occurrence from today on."""
    if year is not None:
        return holiday_in(name, year)
    day = holiday_in(name, today.year)
    return day if day >= today else holiday_in(name, today.year + 1)
