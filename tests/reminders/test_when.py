"""read_when(): the time takes every word that belongs to it; the rest is the text (issue 15)."""

from __future__ import annotations

from datetime import date, time

import pytest

from handlers.dates.reading import Impossible, Understood, read_when
from tests.stammtisch.helpers import berlin

NOW = berlin(2026, 2, 2, 9)  # a Monday


@pytest.mark.parametrize(("typed", "day", "at", "text"), [
    ("morgen 14 Uhr", date(2026, 2, 3), time(14), ""),
    ("morgen um 9", date(2026, 2, 3), time(9), ""),
    ("morgen um", date(2026, 2, 3), None, ""),
    ("Freitag abends Bewerbungen sichten", date(2026, 2, 6), time(18), "Bewerbungen sichten"),
    ("morgen 9 Uhr – Unterlagen", date(2026, 2, 3), time(9), "Unterlagen"),
    ("morgen 9 Uhr 3 Angebote einholen", date(2026, 2, 3), time(9), "3 Angebote einholen"),
    ("Freitag 25 Bewerbungen", date(2026, 2, 6), None, "25 Bewerbungen"),
    ("morgen nach Cottbus fahren", date(2026, 2, 3), None, "nach Cottbus fahren"),
    ("morgen 10 bis 12 Uhr Messeaufbau", date(2026, 2, 3), time(10), "Messeaufbau"),
])
def test_the_rest_after_the_time_is_the_text(
    typed: str, day: date, at: time | None, text: str
) -> None:
    found = read_when(typed, now=NOW)
    assert isinstance(found, Understood), found
    assert (found.when.date, found.when.time, found.text) == (day, at, text)


@pytest.mark.parametrize(("typed", "phrase", "problem", "text"), [
    ("Mittwoch um 25 Uhr Bericht", "Mittwoch um 25 Uhr", "time", "Bericht"),
    ("Mittwoch um 25 Bericht", "Mittwoch um 25", "time", "Bericht"),
    ("Mittwoch 25h Bericht", "Mittwoch 25h", "time", "Bericht"),
    ("25 Uhr", "25 Uhr", "time", ""),
    ("heute 23:60 Bericht", "heute 23:60", "time", "Bericht"),
    ("31.4. Bericht", "31.4.", "date", "Bericht"),
    ("am 30.2.26 um 10 Uhr Bericht", "am 30.2.26 um 10 Uhr", "date", "Bericht"),
    ("Do, 4.2. Bericht", "Do, 4.2.", "mismatch", "Bericht"),
    ("morgen 9 Uhr 14:30 Bericht", "morgen 9 Uhr 14:30", "mismatch", "Bericht"),
])
def test_a_refused_date_or_time_is_named(
    typed: str, phrase: str, problem: str, text: str
) -> None:
    found = read_when(typed, now=NOW)
    assert isinstance(found, Impossible), found
    assert (found.phrase, found.problem, found.text) == (phrase, problem, text)


@pytest.mark.parametrize("typed", ["irgendwann Bericht", "Bericht morgen 9 Uhr", "", "   "])
def test_no_time_at_the_start_is_none(typed: str) -> None:
    assert read_when(typed, now=NOW) is None
