"""Read a token list into `Parts` by trying each matcher at each position."""

from __future__ import annotations

from collections.abc import Callable

from handlers import dates_calendar as cal
from handlers import dates_clock as clock
from handlers.dates_parts import Impossible, Parts
from handlers.dates_words import Tok

Matcher = Callable[[list[Tok], int, Parts], int]
# Order matters: longer, more specific patterns first ("9.-14.3." before "9.", "in 2 Stunden"
# before "2 Uhr", "halb 9" before a bare 9).
MATCHERS: tuple[Matcher, ...] = (
    cal.match_date,
    cal.match_kw,
    cal.match_relative,
    clock.match_time_words,
    clock.match_time,
    clock.match_pair,
    cal.match_weekday,
    cal.match_week,
    cal.match_position,
    cal.match_day_word,
    cal.match_bare,
)
# Link words that may stay over once the matchers took what they need ("um", "in der", "Uhr").
_IGNORABLE = frozenset({"at", "in", "uhr", "art", "dash", "slash", "und", "this"})


def read(toks: list[Tok]) -> Parts | None:
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
            if toks[i].kind not in _IGNORABLE:
                # Only known words, but in no order that makes a date ("Mai 10:30", "2026
                # Stunden"): dateparser would guess, and its guesses here are wrong.
                raise Impossible(f"no place for {toks[i].raw!r}")
            i += 1
    return parts
