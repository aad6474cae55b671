"""More date phrases: clock times without a colon, German holidays, everyday reminder wishes.

Rows are (now, phrase, expected) in the form of test_dates.py. Holidays mean their next
occurrence from today on (today included); the movable ones are checked against the names and
dates of the `holidays` package for several years.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import holidays
import pytest

from handlers.dates import parse_when
from tests.dates.test_dates import show

BERLIN = ZoneInfo("Europe/Berlin")
NOWS = {
    "MON": datetime(2026, 2, 2, 10, 0, tzinfo=BERLIN),  # Monday
    "FRI": datetime(2026, 3, 27, 16, 30, tzinfo=BERLIN),  # Friday evening before DST starts
    "SPRING": datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN),  # DST starts at 02:00 today
    "EASTER": datetime(2026, 4, 5, 9, 0, tzinfo=BERLIN),  # Easter Sunday
    "AUTUMN": datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 CEST, DST ends today
    "BETTAG": datetime(2026, 11, 18, 12, 0, tzinfo=BERLIN),  # Buß- und Bettag
    "YEAREND": datetime(2026, 12, 28, 15, 0, tzinfo=BERLIN),  # Monday of the year's last week
    "SILVESTER": datetime(2026, 12, 31, 20, 0, tzinfo=BERLIN),
}

TABLE = [
    ("MON", "morgen 1030", "2026-02-03 10:30"),
    ("MON", "um 930", "2026-02-03 09:30"),
    ("MON", "um 0930", "2026-02-03 09:30"),
    ("MON", "Freitag 1430 Uhr", "2026-02-06 14:30"),
    ("MON", "Freitag 1430", "2026-02-06 14:30"),
    ("MON", "1030-1200 Uhr", "2026-02-02 10:30-12:00"),
    ("MON", "ab 1030 Uhr bis 1200", "2026-02-02 10:30-12:00"),
    ("MON", "morgen 900-1000", "2026-02-03 09:00-10:00"),
    ("MON", "von 1030 bis 1200", "2026-02-02 10:30-12:00"),
    ("MON", "1030-1200", "2026-02-02 10:30-12:00"),
    ("MON", "14-1530 Uhr", "2026-02-02 14:00-15:30"),
    ("MON", "Freitag 930-1100", "2026-02-06 09:30-11:00"),
    ("MON", "2026-2027", None),
    ("MON", "2026 bis 2027", None),
    ("MON", "Osten", None),
    ("MON", "Betrag", None),
    ("MON", "ab 1300", "2026-02-02 13:00"),
    ("MON", "bis 1700", "2026-02-02 17:00"),
    ("MON", "morgen 0830 Uhr", "2026-02-03 08:30"),
    ("MON", "3.3. 1400", "2026-03-03 14:00"),
    ("MON", "Di 930", "2026-02-03 09:30"),
    ("MON", "heute 1930", "2026-02-02 19:30"),
    ("MON", "um 130", "2026-02-03 01:30"),
    ("MON", "1030", None),
    ("MON", "2026", None),
    ("MON", "März 2027", None),
    ("MON", "Montag 2026", None),
    ("MON", "um 2575", None),
    ("MON", "um 2400", None),
    ("MON", "um 960", None),
    ("SPRING", "um 230", "2026-03-29 02:30"),
    ("SPRING", "heute 0230 Uhr", "2026-03-29 02:30"),
    ("SPRING", "morgen 1030", "2026-03-30 10:30"),
    ("AUTUMN", "heute 0245 Uhr", "2026-10-25 02:45"),
    ("AUTUMN", "Montag 1400", "2026-10-26 14:00"),
    ("MON", "Ostermontag", "2026-04-06"),
    ("MON", "Karfreitag", "2026-04-03"),
    ("MON", "Ostern", "2026-04-05"),
    ("MON", "Ostersonntag", "2026-04-05"),
    ("MON", "Pfingstmontag", "2026-05-25"),
    ("MON", "Pfingsten", "2026-05-24"),
    ("MON", "Christi Himmelfahrt", "2026-05-14"),
    ("MON", "Himmelfahrt", "2026-05-14"),
    ("MON", "Tag der Deutschen Einheit", "2026-10-03"),
    ("MON", "Reformationstag", "2026-10-31"),
    ("MON", "Buß- und Bettag", "2026-11-18"),
    ("MON", "Buss- und Bettag", "2026-11-18"),
    ("MON", "Neujahr", "2027-01-01"),
    ("MON", "1. Weihnachtsfeiertag", "2026-12-25"),
    ("MON", "2. Weihnachtsfeiertag", "2026-12-26"),
    ("MON", "zweiter Weihnachtsfeiertag", "2026-12-26"),
    ("MON", "Weihnachten", "2026-12-25"),
    ("MON", "Heiligabend", "2026-12-24"),
    ("MON", "am 3. Advent", "2026-12-13"),
    ("MON", "1. Advent 16 Uhr", "2026-11-29 16:00"),
    ("MON", "am zweiten Advent", "2026-12-06"),
    ("MON", "4. Adventssonntag", "2026-12-20"),
    ("YEAREND", "vierter Advent", "2027-12-19"),
    ("MON", "Nikolaus", "2026-12-06"),
    ("MON", "am Nikolaustag um 9", "2026-12-06 09:00"),
    ("MON", "Heilig Abend", "2026-12-24"),
    ("MON", "Silvester", "2026-12-31"),
    ("MON", "Tag der Arbeit", "2026-05-01"),
    ("MON", "1. Mai", "2026-05-01"),
    ("MON", "Fronleichnam", "2026-06-04"),
    ("MON", "Rosenmontag", "2026-02-16"),
    ("MON", "Oster-Montag", "2026-04-06"),
    ("MON", "Ostermontag 10 Uhr", "2026-04-06 10:00"),
    ("MON", "an Heiligabend um 9", "2026-12-24 09:00"),
    ("MON", "Karfreitag 9 Uhr", "2026-04-03 09:00"),
    ("MON", "zu Ostern", "2026-04-05"),
    ("MON", "Easter", "2026-04-05"),
    ("MON", "Christmas 2027", "2027-12-25"),
    ("MON", "nächstes Ostern", "2026-04-05"),
    ("MON", "Ostern 2027", "2027-03-28"),
    ("MON", "Ostern nächstes Jahr", "2027-03-28"),
    ("MON", "Weihnachten nächstes Jahr", "2027-12-25"),
    ("MON", "5.3. nächstes Jahr", "2027-03-05"),
    ("MON", "Ostermontg", "2026-04-06"),
    ("MON", "Karfreitg", "2026-04-03"),
    ("MON", "Pfingstmontg", "2026-05-25"),
    ("MON", "Tag der deutschen Einheit 10 Uhr", "2026-10-03 10:00"),
    ("MON", "Reformationstag um 9", "2026-10-31 09:00"),
    ("EASTER", "Ostern", "2026-04-05"),
    ("EASTER", "Ostermontag", "2026-04-06"),
    ("EASTER", "Karfreitag", "2027-03-26"),
    ("EASTER", "Ostern um 11", "2026-04-05 11:00"),
    ("EASTER", "Himmelfahrt", "2026-05-14"),
    ("EASTER", "Pfingsten", "2026-05-24"),
    ("SPRING", "Ostermontag", "2026-04-06"),
    ("SPRING", "Karfreitag 1000", "2026-04-03 10:00"),
    ("BETTAG", "Buß- und Bettag", "2026-11-18"),
    ("BETTAG", "Reformationstag", "2027-10-31"),
    ("BETTAG", "Tag der Deutschen Einheit", "2027-10-03"),
    ("YEAREND", "Neujahr", "2027-01-01"),
    ("YEAREND", "Silvester", "2026-12-31"),
    ("YEAREND", "Heiligabend", "2027-12-24"),
    ("YEAREND", "Weihnachten", "2027-12-25"),
    ("YEAREND", "2. Weihnachtsfeiertag", "2027-12-26"),
    ("YEAREND", "Ostermontag", "2027-03-29"),
    ("YEAREND", "Neujahr 1030", "2027-01-01 10:30"),
    ("YEAREND", "Silvester 1800 Uhr", "2026-12-31 18:00"),
    ("SILVESTER", "Silvester", "2026-12-31"),
    ("SILVESTER", "Neujahr", "2027-01-01"),
    ("SILVESTER", "Neujahr 10 Uhr", "2027-01-01 10:00"),
    ("MON", "heute noch", "2026-02-02"),
    ("MON", "noch heute", "2026-02-02"),
    ("MON", "übermorgen früh", "2026-02-04 08:00"),
    ("MON", "nächsten Dienstag nachmittag", "2026-02-03 15:00"),
    ("MON", "Mitte nächster Woche", "2026-02-11"),
    ("MON", "in 14 Tagen", "2026-02-16"),
    ("MON", "am 3. um 9", "2026-02-03 09:00"),
    ("MON", "Do 14h", "2026-02-05 14:00"),
    ("MON", "14h30", "2026-02-02 14:30"),
    ("MON", "heute Abend 19.30", "2026-02-02 19:30"),
    ("MON", "morgen zwischen 9 und 10 Uhr", "2026-02-03 09:00-10:00"),
    ("MON", "Dienstag zwischen 14 und 15 Uhr", "2026-02-03 14:00-15:00"),
    ("MON", "heute abend um halb 8", "2026-02-02 19:30"),
    ("MON", "morgen nachmittag gegen 3", "2026-02-03 15:00"),
    ("MON", "Donnerstag Nachmittag um 2", "2026-02-05 14:00"),
    ("MON", "Dienstag, 10.2., 14:00-15:30", "2026-02-10 14:00-15:30"),
    ("MON", "10.2. 14-15:30 Uhr", "2026-02-10 14:00-15:30"),
    ("MON", "übernächsten Donnerstag 9 Uhr", "2026-02-12 09:00"),
    ("MON", "am zweiten März um 10", "2026-03-02 10:00"),
    ("MON", "morgen früh halb 8", "2026-02-03 07:30"),
    ("MON", "Mo 8-9", "2026-02-09 08:00-09:00"),
    ("MON", "Freitag den 13.", "2026-02-13"),
    ("MON", "diese Woche Freitag", "2026-02-06"),
    ("MON", "heute in 2 Wochen", "2026-02-16"),
    ("MON", "14 Uhr morgen", "2026-02-03 14:00"),
    ("MON", "um 10 Uhr am 5.3.", "2026-03-05 10:00"),
    ("MON", "morgen zur Mittagszeit", "2026-02-03 12:00"),

    # a day around a day is no day; a year beside Anfang/Mitte/Ende; more everyday wishes
    ("MON", "nach Ostern", None),
    ("MON", "vor Weihnachten", None),
    ("MON", "nach Freitag", None),
    ("MON", "vor dem 15.3.", None),
    ("MON", "Anfang 2027", "2027-01-01"),
    ("MON", "Mitte 2026", "2026-07-01"),
    ("MON", "Ende 2026", "2026-12-31"),
    ("MON", "Anfang März 2027", "2027-03-01"),
    ("MON", "Pfingstmontag 2027", "2027-05-17"),
    ("MON", "Karfreitag 2028", "2028-04-14"),
    ("MON", "Heiligabend 2027 18 Uhr", "2027-12-24 18:00"),
    ("MON", "Himmelfahrt 10-12 Uhr", "2026-05-14 10:00-12:00"),
    ("MON", "1030 Uhr", "2026-02-02 10:30"),
    ("MON", "morgen 10.30-12.00 Uhr", "2026-02-03 10:30-12:00"),
    ("MON", "Di nächste Woche 10 Uhr", "2026-02-10 10:00"),
    ("MON", "am Dienstag nächster Woche", "2026-02-10"),
    ("MON", "Freitag in zwei Wochen", "2026-02-20"),
    ("MON", "in 2 Tagen um 9", "2026-02-04 09:00"),
    ("MON", "in drei Tagen früh", "2026-02-05 08:00"),
    ("MON", "9.2. um 10.30 Uhr", "2026-02-09 10:30"),
    ("MON", "am 9.2. ab 10", "2026-02-09 10:00"),
    ("MON", "nächsten Monat am 5.", "2026-03-05"),
    ("MON", "am 1. des nächsten Monats", "2026-03-01"),
    ("MON", "von 9 bis 17 Uhr", "2026-02-03 09:00-17:00"),
    ("MON", "Do 10h-12h", "2026-02-05 10:00-12:00"),
    ("MON", "Mittwochnachmittag 15 Uhr", "2026-02-04 15:00"),
    ("MON", "morgen Abend um 7", "2026-02-03 19:00"),
    ("MON", "morgen so gegen 10", "2026-02-03 10:00"),
    ("MON", "um 8 Uhr abends", "2026-02-02 20:00"),
    ("MON", "halb zwölf", "2026-02-02 11:30"),
    # an hour beside a daypart; "nach dem Wochenende" is no day
    ("MON", "morgen Vormittag 11", "2026-02-03 11:00"),
    ("MON", "morgen früh 7", "2026-02-03 07:00"),
    ("MON", "heute nachmittag 3", "2026-02-02 15:00"),
    ("MON", "heute abend 8", "2026-02-02 20:00"),
    ("MON", "morgen mittag 1", "2026-02-03 13:00"),
    ("FRI", "Freitag abends 7", "2026-04-03 19:00"),
    ("FRI", "nach dem Wochenende", None),
    ("MON", "vor Monatsende", None),
    ("MON", "nach Mai", None),
    ("FRI", "Montag 745", "2026-03-30 07:45"),
    ("FRI", "Mo 0745", "2026-03-30 07:45"),
    ("FRI", "diesen Freitag 1800", "2026-03-27 18:00"),
    ("FRI", "Freitag in einer Woche", "2026-04-03"),
    ("FRI", "Ostermontag", "2026-04-06"),
    ("FRI", "Karfreitag um 10", "2026-04-03 10:00"),
    # quarters and month edges
    ("MON", "Ende des Quartals", "2026-03-31"),
    ("MON", "bis Quartalsende", "2026-03-31"),
    ("MON", "Anfang nächsten Quartals", "2026-04-01"),
    ("MON", "nächstes Quartal", "2026-04-01"),
    ("MON", "Mitte des Quartals", "2026-02-15"),
    ("MON", "in 2 Quartalen", "2026-08-02"),
    ("YEAREND", "Quartalsende", "2026-12-31"),
    ("YEAREND", "Ende nächsten Quartals", "2027-03-31"),
    ("YEAREND", "Mitte des Quartals", "2027-02-15"),
    ("MON", "am Monatsersten", "2026-03-01"),
    ("MON", "zum Monatsletzten", "2026-02-28"),
    ("YEAREND", "Monatsletzter", "2026-12-31"),
    # colonless times after a full date, a week or a holiday
    ("MON", "Montag, 1. Juni 2026 1030", "2026-06-01 10:30"),
    ("MON", "5.3.2026 1400-1530", "2026-03-05 14:00-15:30"),
    ("MON", "KW 12 1030", "2026-03-16 10:30"),
    ("MON", "Pfingstmontag 930", "2026-05-25 09:30"),
    ("MON", "Heiligabend 1400", "2026-12-24 14:00"),
    ("MON", "Juni 1030", None),
    ("MON", "morgen 2026", None),
    ("MON", "am Ostermontag um 10:30", "2026-04-06 10:30"),
    ("MON", "OSTERMONTAG", "2026-04-06"),
    ("MON", "Ostermonatg", "2026-04-06"),
    ("MON", "Montag, Karfreitag", None),
    ("MON", "Freitag, Karfreitag", "2026-04-03"),
    ("MON", "Weihnachtsfeier am Freitag", None),
    # "rum" / "herum" only soften the time
    ("MON", "um 9 Uhr rum", "2026-02-03 09:00"),
    ("MON", "morgen so gegen 9 herum", "2026-02-03 09:00"),
    ("MON", "heute um fünf", "2026-02-02 17:00"),
    ("MON", "Sa 10-14 Uhr", "2026-02-07 10:00-14:00"),
    ("MON", "morgen zwischen 10:00 und 12:00 Uhr", "2026-02-03 10:00-12:00"),
    ("MON", "spätestens übermorgen 12 Uhr", "2026-02-04 12:00"),
]


@pytest.mark.parametrize(
    ("now", "phrase", "expected"), TABLE, ids=[f"{n}:{p}" for n, p, _ in TABLE]
)
def test_phrase(now: str, phrase: str, expected: str | None) -> None:
    assert show(parse_when(phrase, now=NOWS[now])) == expected


@pytest.mark.parametrize("year", range(2026, 2036))
@pytest.mark.parametrize("state", ["BB", "SN", "BY"])
def test_holiday_names_of_the_holidays_package(state: str, year: int) -> None:
    # Every German name the package gives ("Erster Weihnachtstag", "Heilige Drei Könige",
    # "Buß- und Bettag") with its year is read as the package's date.
    found = holidays.country_holidays("DE", subdiv=state, years=year, language="de")
    now = datetime(2026, 1, 1, 9, tzinfo=BERLIN)
    for day, name in found.items():
        assert show(parse_when(f"{name} {year}", now=now)) == day.isoformat(), name


@pytest.mark.parametrize("number", ["1999", "2026", "2027", "2035", "2099"])
@pytest.mark.parametrize("before", ["", "Montag ", "morgen ", "März ", "Jahresende "])
def test_a_year_is_never_a_clock_time(before: str, number: str) -> None:
    w = parse_when(before + number, now=NOWS["MON"])
    assert w is None or w.time is None or w.time.hour != int(number[:2])
