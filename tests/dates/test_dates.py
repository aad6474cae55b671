"""Table of German (and some English) date phrases and what parse_when must make of them."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.dates import When, parse_when

BERLIN = ZoneInfo("Europe/Berlin")
NOWS = {
    "MON": datetime(2026, 2, 2, 10, 0, tzinfo=BERLIN),  # Monday, the examples
    "FRI": datetime(2026, 3, 27, 16, 30, tzinfo=BERLIN),  # Friday before the spring DST switch
    "SPRING": datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN),  # DST starts at 02:00 today
    "AUTUMN": datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 CEST; 03:00 CEST -> 02:00 CET
    "YEAREND": datetime(2026, 12, 30, 15, 0, tzinfo=BERLIN),  # Wednesday, ISO week 53
    "UTC": datetime(2026, 6, 30, 23, 30, tzinfo=UTC),  # already Wednesday 1 July in Berlin
}

# (now, phrase, expected): "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM-HH:MM" or None.
TABLE = [
    # the conventions
    ("MON", "morgen", "2026-02-03"),
    ("MON", "übermorgen", "2026-02-04"),
    ("MON", "morgen 9 Uhr", "2026-02-03 09:00"),
    ("MON", "morgen um 9", "2026-02-03 09:00"),
    ("MON", "morgen 9:00", "2026-02-03 09:00"),
    ("MON", "Mittwoch", "2026-02-04"),
    ("MON", "Montag", "2026-02-09"),
    ("MON", "nächsten Freitag", "2026-02-06"),
    ("MON", "Mittwoch nächste Woche", "2026-02-11"),
    ("MON", "5.3.", "2026-03-05"),
    ("MON", "05.03.2026", "2026-03-05"),
    ("MON", "5.3.26", "2026-03-05"),
    ("MON", "5. März", "2026-03-05"),
    ("MON", "2026-03-05", "2026-03-05"),
    ("MON", "5. März 10 Uhr", "2026-03-05 10:00"),
    ("MON", "am 5.3. um 10:30", "2026-03-05 10:30"),
    ("MON", "1.2.", "2027-02-01"),
    ("MON", "1.1.2026", "2026-01-01"),
    ("MON", "gestern", "2026-02-01"),
    ("MON", "in 10 Tagen", "2026-02-12"),
    ("MON", "in einer Woche", "2026-02-09"),
    ("MON", "in 2 Stunden", "2026-02-02 12:00"),
    ("MON", "KW 20", "2026-05-11"),
    ("MON", "KW20", "2026-05-11"),
    ("MON", "heute nachmittag", "2026-02-02 15:00"),
    ("MON", "um 9", "2026-02-03 09:00"),
    ("MON", "halb 9", "2026-02-03 08:30"),
    ("MON", "Mi, 4.2., 13 Uhr", "2026-02-04 13:00"),
    ("MON", "Do, 4.2.", None),
    ("MON", "4.3. 10-12 Uhr", "2026-03-04 10:00-12:00"),
    ("MON", "9.-14.3.", "2026-03-09"),
    ("MON", "31.4.", None),
    ("MON", "29.2.2027", None),
    ("MON", "morgen um 24:30", None),
    ("MON", "demnächst", None),
    ("MON", "", None),
    ("MON", "tomorrow 3pm", "2026-02-03 15:00"),
    ("MON", "26.9. 10 Uhr", "2026-09-26 10:00"),
    ("MON", "32.1.", None),
    ("MON", "am 9.5.", "2026-05-09"),
    # weekdays: abbreviations, dots, commas, "den", typos
    ("MON", "Di.", "2026-02-03"),
    ("MON", "Di 10 Uhr", "2026-02-03 10:00"),
    ("MON", "am Dienstag um 10", "2026-02-03 10:00"),
    ("MON", "Dienstg", "2026-02-03"),
    ("MON", "Mitwoch 14 Uhr", "2026-02-04 14:00"),
    ("MON", "Donerstag", "2026-02-05"),
    ("MON", "Freitg, 9:30", "2026-02-06 09:30"),
    ("MON", "kommenden Donnerstag", "2026-02-05"),
    ("MON", "Donnerstag kommende Woche", "2026-02-12"),
    ("MON", "nächste Woche Donnerstag", "2026-02-12"),
    ("MON", "übernächsten Freitag", "2026-02-13"),
    ("MON", "Freitag übernächste Woche", "2026-02-20"),
    ("MON", "Montag in zwei Wochen", "2026-02-16"),
    ("MON", "Freitagnachmittag", "2026-02-06 15:00"),
    ("MON", "Montagvormittag", "2026-02-09 10:00"),
    ("MON", "Sonntagabend", "2026-02-08 18:00"),
    ("MON", "So 10 Uhr", "2026-02-08 10:00"),
    ("MON", "Fr. 6.2. 9-12", "2026-02-06 09:00-12:00"),
    ("MON", "Dienstag, den 17. März 2026 um 14 Uhr", "2026-03-17 14:00"),
    ("MON", "Di., 17.03., 14:00 Uhr", "2026-03-17 14:00"),
    ("MON", "Mo, 2.2.", "2026-02-02"),
    ("MON", "Freitag, 13.2.", "2026-02-13"),
    ("MON", "Dienstag oder Mittwoch", None),
    ("MON", "jeden Montag", None),
    ("MON", "heute nicht", None),
    ("MON", "wie wäre es am Dienstag", "2026-02-03"),
    ("MON", "Dienstag 10 Uhr passt mir", "2026-02-03 10:00"),
    ("MON", "Mo-Fr 9-17 Uhr", "2026-02-09 09:00-17:00"),
    ("MON", "letzten Freitag", "2026-01-30"),
    ("MON", "Montag, den 9.", "2026-02-09"),
    ("MON", "nächtse Woche", "2026-02-09"),
    ("MON", "Mittwcoh", "2026-02-04"),
    ("MON", "3. Juini", "2026-06-03"),
    # dates: forms, years, ranges, impossible days
    ("MON", "den 5.3.", "2026-03-05"),
    ("MON", "5.3 um 10", "2026-03-05 10:00"),
    ("MON", "5.3. 14.30", "2026-03-05 14:30"),
    ("MON", "5.3. 9.10 Uhr", "2026-03-05 09:10"),
    ("MON", "05.03.26 14:00", "2026-03-05 14:00"),
    ("MON", "9. Feb.", "2026-02-09"),
    ("MON", "3.Feb", "2026-02-03"),
    ("MON", "5. Mrz", "2026-03-05"),
    ("MON", "12. Sept.", "2026-09-12"),
    ("MON", "1. Jan. 2027", "2027-01-01"),
    ("MON", "Febraur 10", "2026-02-10"),
    ("MON", "am ersten März", "2026-03-01"),
    ("MON", "2.2.", "2026-02-02"),
    ("MON", "29.2.", "2028-02-29"),
    ("MON", "30.2.", None),
    ("MON", "5.13.", None),
    ("MON", "vom 9. bis 14. März", "2026-03-09"),
    ("MON", "9.3.-14.3.", "2026-03-09"),
    ("MON", "10.03. – 12.03.2026", "2026-03-10"),
    ("MON", "6.2.2026, 9:00 bis 12:00 Uhr", "2026-02-06 09:00-12:00"),
    ("MON", "Di 10.3. 9–12 Uhr", "2026-03-10 09:00-12:00"),
    ("MON", "Mo 9.3. bis Fr 13.3.", "2026-03-09"),
    ("MON", "ab 10:00 Uhr bis ca. 12:00 Uhr", "2026-02-03 10:00-12:00"),
    ("MON", "17.3. nachmittags", "2026-03-17 15:00"),
    ("MON", "17. März, 9:30 Uhr", "2026-03-17 09:30"),
    ("MON", "ab dem 5.3.", "2026-03-05"),
    # times of day
    ("MON", "viertel nach 9", "2026-02-03 09:15"),
    ("MON", "viertel vor 10", "2026-02-03 09:45"),
    ("MON", "dreiviertel 9", "2026-02-03 08:45"),
    ("MON", "halb 3", "2026-02-02 14:30"),
    ("MON", "um 3", "2026-02-02 15:00"),
    ("MON", "um 3 Uhr", "2026-02-03 03:00"),
    ("MON", "morgen 3", "2026-02-03 15:00"),
    ("MON", "um 12", "2026-02-02 12:00"),
    ("MON", "14 Uhr 30", "2026-02-02 14:30"),
    ("MON", "10.30 Uhr", "2026-02-02 10:30"),
    ("MON", "10:30h", "2026-02-02 10:30"),
    ("MON", "ab 14 Uhr", "2026-02-02 14:00"),
    ("MON", "morgen gegen 10", "2026-02-03 10:00"),
    ("MON", "morgen ca. 10 Uhr", "2026-02-03 10:00"),
    ("MON", "morgen um halb 10", "2026-02-03 09:30"),
    ("MON", "morgen um zehn nach neun", "2026-02-03 09:10"),
    ("MON", "morgen früh", "2026-02-03 08:00"),
    ("MON", "morgen früh um 7", "2026-02-03 07:00"),
    ("MON", "morgen abend um 8", "2026-02-03 20:00"),
    ("MON", "heute Abend", "2026-02-02 18:00"),
    ("MON", "heute morgen", "2026-02-02 08:00"),
    ("MON", "3 Uhr nachmittags", "2026-02-02 15:00"),
    ("MON", "abends", "2026-02-02 18:00"),
    ("MON", "morgens", "2026-02-03 08:00"),
    ("MON", "zwischen 11 und 13 Uhr", "2026-02-02 11:00-13:00"),
    ("MON", "5 vor halb 10", "2026-02-03 09:25"),
    ("MON", "Punkt 10 Uhr", "2026-02-03 10:00"),
    ("MON", "Di nachm.", "2026-02-03 15:00"),
    ("MON", "11h-14h", "2026-02-02 11:00-14:00"),
    ("MON", "morgen nach 10 Uhr", "2026-02-03 10:00"),
    ("MON", "Mitternacht", "2026-02-03 00:00"),
    ("MON", "jetzt", "2026-02-02 10:00"),
    ("MON", "morgen 25 Uhr", None),
    ("MON", "morgen 9:60", None),
    # relative
    ("MON", "in 14 Tagen", "2026-02-16"),
    ("MON", "in zwei Wochen", "2026-02-16"),
    ("MON", "in 3 Tagen um 10", "2026-02-05 10:00"),
    ("MON", "in einem Monat", "2026-03-02"),
    ("MON", "in einem Jahr", "2027-02-02"),
    ("MON", "in 30 Minuten", "2026-02-02 10:30"),
    ("MON", "in einer halben Stunde", "2026-02-02 10:30"),
    ("MON", "heute in einer Woche", "2026-02-09"),
    ("MON", "vorgestern", "2026-01-31"),
    ("MON", "in 3 Werktagen", "2026-02-05"),
    ("MON", "in 1,5 Stunden", "2026-02-02 11:30"),
    ("MON", "5. März '26", "2026-03-05"),
    ("MON", "Mai 10:30", None),
    ("MON", "morgen 9 Uhr die", None),
    ("MON", "in einem halben Jahr", "2026-08-02"),
    ("MON", "in einer Viertelstunde", "2026-02-02 10:15"),
    ("MON", "morgen um 9.", "2026-02-03 09:00"),
    ("MON", "9. 2. 2026", "2026-02-09"),
    ("MON", "übermorgn", "2026-02-04"),
    # weeks, months, positions
    ("MON", "nächste Woche", "2026-02-09"),
    ("MON", "übernächste Woche", "2026-02-16"),
    ("MON", "KW 12", "2026-03-16"),
    ("MON", "Kalenderwoche 5", "2027-02-01"),
    ("MON", "Mittwoch KW 12", "2026-03-18"),
    ("MON", "KW 12/2027", "2027-03-22"),
    ("MON", "KW 54", None),
    ("MON", "Ende der Woche", "2026-02-06"),
    ("MON", "Mitte nächster Woche", "2026-02-11"),
    ("MON", "Anfang März", "2026-03-01"),
    ("MON", "Ende Februar", "2026-02-28"),
    ("MON", "nächsten Monat", "2026-03-01"),
    ("MON", "bis Jahresende", "2026-12-31"),
    ("MON", "Anfang nächsten Jahres", "2027-01-01"),
    ("MON", "am Wochenende", "2026-02-07"),
    # English fallback words
    ("MON", "next friday", "2026-02-06"),
    ("MON", "march 5 10am", "2026-03-05 10:00"),
    ("MON", "5th of March", "2026-03-05"),
    ("MON", "friday at noon", "2026-02-06 12:00"),
    ("MON", "in 3 days", "2026-02-05"),
    ("MON", "day after tomorrow 9am", "2026-02-04 09:00"),
    ("MON", "February 9th at 3pm", "2026-02-09 15:00"),
    ("MON", "tonight at 8", "2026-02-02 20:00"),
    # other days of the week, DST days, year end, a UTC `now`
    ("FRI", "Montag", "2026-03-30"),
    ("FRI", "Freitag", "2026-04-03"),
    ("FRI", "morgen 9 Uhr", "2026-03-28 09:00"),
    ("FRI", "um 9", "2026-03-28 09:00"),
    ("FRI", "nächste Woche", "2026-03-30"),
    ("FRI", "Wochenende", "2026-03-28"),
    ("SPRING", "in 2 Stunden", "2026-03-29 04:30"),
    ("SPRING", "in 30 Minuten", "2026-03-29 03:00"),
    ("SPRING", "Sonntag", "2026-04-05"),
    ("SPRING", "Ende der Woche", "2026-04-03"),
    ("SPRING", "Wochenende", "2026-04-04"),
    ("SPRING", "heute 14 Uhr", "2026-03-29 14:00"),
    ("SPRING", "morgen früh", "2026-03-30 08:00"),
    ("SPRING", "heute 2:30", "2026-03-29 02:30"),
    ("SPRING", "um 9", "2026-03-29 09:00"),
    ("AUTUMN", "in 1 Stunde", "2026-10-25 02:30"),
    ("AUTUMN", "heute abend", "2026-10-25 18:00"),
    ("AUTUMN", "morgen", "2026-10-26"),
    ("AUTUMN", "heute 02:30", "2026-10-25 02:30"),
    ("AUTUMN", "in 8 Stunden", "2026-10-25 09:30"),
    ("YEAREND", "5.1.", "2027-01-05"),
    ("YEAREND", "KW 1", "2027-01-04"),
    ("YEAREND", "nächste Woche", "2027-01-04"),
    ("YEAREND", "Silvester 18 Uhr", "2026-12-31 18:00"),
    ("YEAREND", "in einem Monat", "2027-01-30"),
    ("UTC", "heute", "2026-07-01"),
    ("UTC", "morgen 10 Uhr", "2026-07-02 10:00"),
    ("UTC", "um 9", "2026-07-01 09:00"),
]


def show(w: When | None) -> str | None:
    """Render a When in the table's compact form."""
    if w is None:
        return None
    text = w.date.isoformat()
    if w.time is not None:
        text += f" {w.time:%H:%M}"
    if w.end is not None:
        text += f"-{w.end:%H:%M}"
    return text


@pytest.mark.parametrize(
    ("now", "phrase", "expected"), TABLE, ids=[f"{n}:{p}" for n, p, _ in TABLE]
)
def test_phrase(now: str, phrase: str, expected: str | None) -> None:
    assert show(parse_when(phrase, now=NOWS[now])) == expected


def test_table_is_large_enough() -> None:
    assert len({phrase for _, phrase, _ in TABLE}) >= 80
