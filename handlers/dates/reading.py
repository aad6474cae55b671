"""Split "<wann> <text>" into the time and the text; notice a date or time that cannot be.

`parse_when()` says whether a whole phrase is a date, not how much of a longer message it
used. So the time is the longest run of leading words it understands (the whole message
included: "morgen 14 Uhr" leaves no text, not the text "Uhr"), link and filler words it
merely tolerated at the end go back to the text ("morgen | in Berlin anrufen", "morgen
10 Uhr | zu Hause anrufen"), so does a count written as a word ("Freitag | ein Angebot
schreiben", "9 Uhr | zwei Angebote"), and when the words
right after that run still look like a date or a time ("Mittwoch um | 25 Uhr Bericht"), the
parser refused them: the message names an impossible date or time instead of quietly
using a shorter one. A bare number is left to the text ("morgen 9 Uhr | 3 Angebote").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from handlers.dates.parser import parse_when
from handlers.dates.vocabulary import VOCAB, fold
from handlers.dates.when import When

MAX_WHEN_WORDS = 8  # "übernächsten Mittwoch um halb 3 nachmittags": longer is no time
# Words the parser tolerates around a time; at the end of the time they belong to the text.
_LINK_WORDS = frozenset({"am", "an", "im", "in", "um", "ab", "bis", "gegen", "nach", "vor",
                         "und", "zum", "zur", "bei", "mit", "für"})
_TIME_TAIL = frozenset({"rum", "herum"})  # "gegen 9 rum": part of the time, not the text
_TIME_LEADS = frozenset({"um", "gegen", "ab"})  # a number after these is a clock time
_LEADS = _TIME_LEADS | {"am", "den"}  # part of the date or time written right after them
# After these a number written as a word is the hour ("um acht", "viertel nach acht").
_HOUR_LEADS = _TIME_LEADS | {"halb", "viertel", "dreiviertel", "nach", "vor", "bis", "ca",
                             "circa", "etwa", "zwischen", "kurz"}
_UHR = frozenset({"uhr", "h"})
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:uhr|h)?")
_HOUR = re.compile(r"(\d{1,2})(?:uhr|h)")
_DAY_DOT = re.compile(r"(\d{1,2})\.")  # "31." before a month name
_PUNCT = ",;:!?()„“\"'"
_TEXT_START = ":–-,; "

Problem = Literal["date", "time", "mismatch"]


@dataclass(frozen=True)
class Understood:
    """A time the parser understood and the words after it (the reminder's text, maybe "")."""

    when: When
    text: str


@dataclass(frozen=True)
class Impossible:
    """A date or time that was written but cannot be: what was written, why, and the rest."""

    phrase: str
    problem: Problem  # "date": no such day, "time": no such hour, "mismatch": they disagree
    text: str


def read_when(typed: str, *, now: datetime) -> Understood | Impossible | None:
    """Read the time at the start of `typed` and the text after it (None: no time found)."""
    words = typed.split()
    n, w = _longest(words, now)
    refused = _date_or_time_words(words, n)
    if refused:
        return Impossible(" ".join(words[: n + refused]), _problem(words[: n + refused]),
                          _text(words[n + refused:]))
    if w is None:
        return None
    if 1 < n < len(words) and _count(words, n - 1):
        shorter = parse_when(" ".join(words[: n - 1]), now=now)
        if shorter is not None:  # "Freitag | ein Angebot", "9 Uhr | zwei Angebote"
            n, w = n - 1, shorter
    while 1 < n < len(words) and _tolerated(words[n - 1]) and \
            parse_when(" ".join(words[: n - 1]), now=now) == w:
        n -= 1  # "morgen in" + "Berlin anrufen": the text is "in Berlin anrufen"
    return Understood(w, _text(words[n:]))


def _count(words: list[str], i: int) -> bool:
    """Tell whether words[i], a number written as a word, counts the text's things.

    Right after a date "ein", "zwei", "acht" start the text ("Freitag ein Angebot schreiben",
    "morgen acht Bewerbungen lesen"); after "um", "halb", "nach" … they are the hour, and after
    "Uhr" only "zehn" and more may be minutes ("9 Uhr zwei Angebote" is no 9:02).
    """
    entry = VOCAB.get(fold(_bare(words[i])))
    if entry is None or entry[0] != "num" or not isinstance(entry[1], int):
        return False
    prev = _bare(words[i - 1])
    if prev in _UHR:
        return entry[1] < 10
    return prev not in _HOUR_LEADS


def _tolerated(word: str) -> bool:
    """Tell whether the parser merely skips `word` ("in", "zu", "bitte"): it may be text."""
    bare = _bare(word)
    if bare in _LINK_WORDS:
        return True
    entry = VOCAB.get(fold(bare))
    return entry is not None and entry[0] == "filler" and bare not in _TIME_TAIL


def _longest(words: list[str], now: datetime) -> tuple[int, When | None]:
    """Return the longest run of leading words that names a time, and that time."""
    for n in range(min(len(words), MAX_WHEN_WORDS), 0, -1):
        w = parse_when(" ".join(words[:n]), now=now)
        if w is not None:
            return n, w
    return 0, None


def _date_or_time_words(words: list[str], start: int) -> int:
    """Return how many words from `start` on are a date or a clock time (with "am", "um")."""
    j = start
    while j < len(words):
        lead = _bare(words[j]) in _LEADS and j + 1 < len(words) and _dated(words, j + 1, start)
        if not (lead or _dated(words, j, start)):
            break
        j += 1
    return j - start


def _dated(words: list[str], j: int, start: int) -> bool:
    """Tell whether words[j] is (part of) a written date or clock time."""
    word = _bare(words[j])
    if _DATE.fullmatch(word) or _CLOCK.fullmatch(word) or _HOUR.fullmatch(word):
        return True
    prev = _bare(words[j - 1]) if j > 0 else ""
    nxt = _bare(words[j + 1]) if j + 1 < len(words) else ""
    if word.isdigit() and len(word) <= 2:
        return nxt in _UHR or prev in _TIME_LEADS  # "25 Uhr", "um 25"
    if _month(word) is not None:
        return _DAY_DOT.fullmatch(prev) is not None  # "31. | Februar": no such day
    if word.isdigit() and len(word) == 4:
        return _month(prev) is not None  # "31. Februar | 2026"
    return word in _UHR and j > start


def _problem(words: list[str]) -> Problem:
    """Tell whether the refused words name no such day, no such hour, or disagree."""
    problem: Problem = "mismatch"
    for i, raw in enumerate(words):
        word = _bare(raw)
        day = _DATE.fullmatch(word)
        if day is not None and not _real_date(day):
            return "date"
        month = _month(word)
        named = _DAY_DOT.fullmatch(_bare(words[i - 1])) if i > 0 and month else None
        if named is not None and not _real_date(_DATE.fullmatch(f"{named.group(1)}.{month}.")):
            return "date"  # "31. Februar"
        clock = _CLOCK.fullmatch(word)
        hour = clock.group(1) if clock else word.rstrip("uhr").rstrip("h")
        if hour.isdigit() and (int(hour) > 23 or (clock and int(clock.group(2)) > 59)):
            problem = "time"
    return problem


def _month(word: str) -> int | None:
    """Return the number of a month name ("Februar", "feb"), else None."""
    if not word.isalpha():
        return None
    entry = VOCAB.get(fold(word))  # exact: "mal" is no typo of "Mai" here
    if entry is None or entry[0] != "month" or not isinstance(entry[1], int):
        return None
    return entry[1]


def _real_date(m: re.Match[str] | None) -> bool:
    if m is None:
        return False
    year = int(m.group(3)) if m.group(3) else 2028  # a leap year: "29.2." is some year's
    year += 2000 if year < 100 else 0
    try:
        date(year, int(m.group(2)), int(m.group(1)))
    except ValueError:
        return False
    return True


def _bare(word: str) -> str:
    return word.strip(_PUNCT).lower()


def _text(words: list[str]) -> str:
    return " ".join(words).lstrip(_TEXT_START).strip()
