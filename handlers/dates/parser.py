"""Understand German (and simple English) date phrases: `parse_when(text, now=...)`.

Pipeline: `tokens` tokenises and classifies words with `vocabulary` (weekdays and months
in full, abbreviated, with or without dot, umlauts as ae/oe/ue, one typo per word tolerated when
the first letter is right: "Dienstg", "Mitwoch"; small talk like "passt mir" is ignored);
`read_parts` fills slots (`parts`) with the matchers of `day_matchers` and
`time_matchers`; `resolve` turns the slots into a date relative to
`now`. Only when a word is unknown to all of that does dateparser (German, English as
fallback) get a try, and its answer is checked like ours. Nothing is loaded per call.

Rules for what is ambiguous (all relative to `now` in Europe/Berlin, whatever zone it has):
- A bare weekday ("Mittwoch", "nächsten Freitag", "kommenden Mo") is its next occurrence
  after today, so on a Monday "Montag" is in seven days; "diesen Freitag" may be today;
  "übernächsten Freitag" is a week after "nächsten Freitag".
- "Mittwoch nächste Woche" is the Wednesday of the next calendar week; "nächste Woche" alone is
  its Monday, "KW 20" the Monday of ISO week 20 (a week already over means next year's);
  "KW 11-12" starts with week 11, "nächste KW" is next week.
- A date without year ("5.3.", "5. März", "am 15.") is the next such day from today on; with a
  year it is taken as written even if past (callers refuse the past). "5.3.26" is 2026.
  "10.30" is a date when it can be one (day <= 31, month <= 12), otherwise a time; after "um"
  or before "Uhr" it is always a time. Minutes have two digits, so "5.3" is never a time.
  After a weekday alone, "Di 17.03" is the date when that day is a Tuesday (or a time of day
  follows), else the time 17:03; after "morgen" or a date, "9.10" is the time.
- Ranges keep their first day ("9.-14.3.", "9./10.3." -> 9 March) and report a time range in `end`
  ("10-12 Uhr"); an end before its start is moved to the afternoon ("10-2 Uhr" -> 14:00).
- Times: "halb 9" = 08:30, "viertel nach 9" = 09:15, "viertel vor 10"/"dreiviertel 10" = 09:45,
  "viertel 10" = 09:15. A spoken-style hour 1-6 with no daypart ("um 3", "halb 3", "morgen
  3", "zehn vor drei") means the afternoon (15:00, 14:30, ...), because business appointments
  at 3 a.m. are rare; a written time is taken as written ("3 Uhr", "3:00", "03:00", "2-4 Uhr").
  Dayparts: früh/morgens 08:00, vormittags 10:00, mittags 12:00, nachmittags 15:00, abends
  18:00, nachts 22:00; with an hour they pick am/pm ("abends um 8" = 20:00).
- A time (or daypart) without a day is today if still ahead, else tomorrow ("um 9" at 10:00).
- "in 2 Stunden" (also "in 2h", "in ner Stunde") is computed on the aware instant
  (DST-correct); "in 10 Tagen", "in einem Monat" (clamped to the month's end) give a date
  without time. "heute morgen" is 08:00 today,
  "morgen früh" 08:00 tomorrow. "Wochenende" is the coming Saturday ("nächstes" too, unless it
  is weekend already); "Anfang/Mitte/Ende" are the 1st/15th/last of a month and Monday/
  Wednesday/Friday of a week (of the coming week or month once this one's day is over);
  "nächsten Monat" / "nächstes Jahr" are their first day, "Jahresende" is 31 December;
  "am 5. nächsten Monats" is the 5th of next month.
- None for what is impossible or contradictory: "31.4.", "29.2.2027", "24:30", "Do, 4.2."
  when 4 Feb is a Wednesday, two different days in one phrase, a choice or a series ("Mo oder
  Di", "jeden Montag", "nicht Montag"), or text we cannot read at all. Ranges of weekdays
  ("Mo-Fr") start on their first day; "letzten Freitag" is the last one before today.
- "in 3 Werktagen" skips Saturdays and Sundays (public holidays are not known here).
- Clock times without a colon ("1030", "930") are HH:MM only where a time is meant: before
  "Uhr", after "um"/"ab"/"bis", or right after a day ("morgen 1030", "3.3. 1400"); they are
  read as written ("um 230" = 02:30). A number that may be a year (20xx after a day, anything
  after a month: "März 2027") or no time ("2575") is not one.
- Holidays (`holidays`): "Ostermontag", "Pfingsten", "Tag der Arbeit", "Buß- und Bettag",
  "Heiligabend", "2. Weihnachtsfeiertag", "3. Advent", "Nikolaus", ... are their next
  occurrence from today on (today included); "Ostern 2027" / "Ostern nächstes Jahr" that
  year's. "nach Ostern", "vor dem 15.3." name no single day (None). "Anfang/Mitte/Ende 2027"
  are 1 Jan/1 Jul/31 Dec.
- Quarters: "Quartalsende"/"Ende des Quartals" is the last day of this quarter (the next one's
  once it is over), "nächstes Quartal" its first day, "in 2 Quartalen" six months on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from handlers.dates import day_matchers, time_matchers
from handlers.dates.fallback import ask_dateparser
from handlers.dates.parts import Impossible, Parts
from handlers.dates.resolve import resolve
from handlers.dates.tokens import Tok, kind_at, tokenize
from handlers.dates.when import BERLIN, When

log = logging.getLogger(__name__)

MAX_LENGTH = 200  # longer answers are not a date; also bounds the work per call

Matcher = Callable[[list[Tok], int, Parts], int]
# Order matters: longer, more specific patterns first ("9.-14.3." before "9.", "in 2 Stunden"
# before "2 Uhr", "halb 9" before a bare 9).
MATCHERS: tuple[Matcher, ...] = (
    day_matchers.match_date,
    day_matchers.match_holiday,
    day_matchers.match_kw,
    day_matchers.match_relative,
    time_matchers.match_time_words,
    time_matchers.match_time,
    time_matchers.match_pair,
    day_matchers.match_weekday,
    day_matchers.match_week,
    day_matchers.match_position,
    day_matchers.match_day_word,
    day_matchers.match_bare,
)
# Link words that may stay over once the matchers took what they need ("um", "in der", "Uhr").
# "nach 10 Uhr" / "vor 10 Uhr" keep the hour as the time meant.
_IGNORABLE = frozenset({"at", "in", "uhr", "art", "dash", "slash", "und", "this", "nach", "vor"})
# ... but "nach Ostern", "vor dem 15.3.", "nach Freitag" are some day around it, not that day.
_DAY_KINDS = frozenset({"date", "holiday", "wd", "rel", "ord", "weekend", "edge", "pos", "month"})


def read_parts(toks: list[Tok]) -> Parts | None:
    """Return the Parts of a phrase; None at an unknown word, Impossible at a misplaced one."""
    parts, i = Parts(), 0
    while i < len(toks):
        for matcher in MATCHERS:
            taken = matcher(toks, i, parts)
            if taken:
                i += taken
                break
        else:
            if toks[i].kind == "unk":
                return None  # a word we do not know: dateparser may
            if toks[i].kind in ("nach", "vor") and kind_at(toks, i + 1) in _DAY_KINDS:
                raise Impossible("after or before a day names no day")  # "nach Ostern"
            if toks[i].kind not in _IGNORABLE:
                # Only known words, but in no order that makes a date ("Mai 10:30", "2026
                # Stunden"): dateparser would guess, and its guesses here are wrong.
                raise Impossible(f"no place for {toks[i].raw!r}")
            i += 1
    return parts


def parse_when(text: str, *, now: datetime) -> When | None:
    """Return what `text` names as a date (relative to aware `now`), or None if not understood."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    text = (text or "").strip()
    if not text or len(text) > MAX_LENGTH:
        return None
    local_now = now.astimezone(BERLIN)
    try:
        parts = read_parts(tokenize(text))
        if parts is None:
            return ask_dateparser(text, local_now)
        found = resolve(parts, local_now)
    except Impossible as exc:
        log.debug("date phrase %r impossible: %s", text, exc)
        return None
    return When(*found) if found else None
