"""Acceptance corpus for parse_when, written like the held-out judge (issue 3), plus the echo.

The rows live in dates_judge_monday.py and dates_judge_times.py (now = Monday 2026-02-02
10:00, the issue's clock), dates_judge_others.py (Friday evening, the nights before both DST
switches, the year's end, a `now` given in UTC) and dates_judge_variants.py (harder variants).
They were written from the issue's conventions, not from test_dates.py.

Readings chosen where German is ambiguous (they follow the parser's documented rules):
- A bare time that is not ahead of `now` means tomorrow; a time equal to `now` is not ahead.
- A spoken hour 1-6 without daypart is the afternoon ("viertel nach 3", "morgen 3" = 15:xx).
- "Montag in zwei Wochen" and "übernächsten Montag" are both the Monday two weeks on, when
  said on a Monday.
- "KW n" is the Monday of ISO week n, even when that Monday is past but the week is not over.
- "Wochenende" said on a Saturday is today; "nächstes Wochenende" is the one after.
- "Montag morgen" is Monday 08:00 (the morning), not Tuesday.

Accuracy: `.venv/bin/python -m tests.dates.test_dates_judge` prints hits per clock and misses.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from handlers.core.format import MONTHS, WEEKDAYS
from handlers.dates import When, confirm_text, parse_when, to_datetime
from tests.dates.dates_judge_monday import MONDAY
from tests.dates.dates_judge_others import CLOCKS, OTHERS
from tests.dates.dates_judge_times import MONDAY_TIMES
from tests.dates.dates_judge_variants import VARIANTS

ROWS: tuple[tuple[str, str, str | None], ...] = (
    *(("mon", text, want) for text, want in (*MONDAY, *MONDAY_TIMES)),
    *OTHERS,
    *VARIANTS,
)


def expected(want: str | None) -> When | None:
    """Return the When that a corpus notation ("2026-03-05 10:00-12:00") stands for."""
    if want is None:
        return None
    day, _, clock = want.partition(" ")
    start, _, end = clock.partition("-")
    return When(
        date.fromisoformat(day),
        time.fromisoformat(start) if start else None,
        time.fromisoformat(end) if end else None,
    )


def test_corpus_is_large_and_unique() -> None:
    assert len(ROWS) >= 250
    assert len({(clock, text) for clock, text, _ in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("clock", "text", "want"), ROWS, ids=[f"{c}:{t}" for c, t, _ in ROWS])
def test_judge_row(clock: str, text: str, want: str | None) -> None:
    assert parse_when(text, now=CLOCKS[clock]) == expected(want)


@pytest.mark.parametrize(("clock", "text", "want"), [r for r in ROWS if r[2] is not None])
def test_echo_names_what_was_understood(clock: str, text: str, want: str) -> None:
    w = expected(want)
    assert w is not None
    echo = confirm_text(w)
    assert echo.startswith("Verstanden: ") and echo.endswith(" – passt das?")
    day = f"{WEEKDAYS[w.date.weekday()]}, {w.date.day}. {MONTHS[w.date.month - 1]} {w.date.year}"
    assert day in echo
    if w.time is None:
        assert "Uhr" not in echo
    elif w.end is None:
        assert f"{day}, {w.time:%H:%M} Uhr –" in echo
    else:
        assert f"{day}, {w.time:%H:%M}–{w.end:%H:%M} Uhr" in echo


def test_echo_matches_the_issue_example() -> None:
    w = When(date(2026, 3, 17), time(14))
    assert confirm_text(w) == "Verstanden: Dienstag, 17. März 2026, 14:00 Uhr – passt das?"


@pytest.mark.parametrize("clock", ["spring", "autumn", "dst", "oct"])
@pytest.mark.parametrize("hours", [1, 2, 3, 24])
def test_hours_ahead_land_on_the_exact_instant(clock: str, hours: int) -> None:
    now = CLOCKS[clock]
    w = parse_when(f"in {hours} Stunden", now=now)
    assert w is not None
    # In UTC: arithmetic on aware datetimes of one zone is wall-clock arithmetic.
    exact = now.astimezone(UTC) + timedelta(hours=hours)
    assert to_datetime(w, default_time=time(9)).astimezone(UTC) == exact


def test_parse_when_rejects_a_naive_now() -> None:
    with pytest.raises(ValueError):
        parse_when("morgen", now=datetime(2026, 2, 2, 10))


def accuracy() -> tuple[int, list[str]]:
    """Return the number of rows parsed as expected and a line per miss."""
    misses = []
    for clock, text, want in ROWS:
        got = parse_when(text, now=CLOCKS[clock])
        if got != expected(want):
            misses.append(f"{clock}: {text!r}: want {want}, got {got}")
    return len(ROWS) - len(misses), misses


if __name__ == "__main__":
    hits, missed = accuracy()
    print("\n".join(missed))
    print(f"{hits}/{len(ROWS)} = {100 * hits / len(ROWS):.1f}%")
