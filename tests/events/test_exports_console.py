"""End to end: what the team's exports say (status apart, times, date cells, no fake dates)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from handlers.core.exports import spread
from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts


def _files(messages: list[dict[str, Any]]) -> tuple[list[list[str]], Any]:
    paths = {Path(m["file"]["path"]).suffix: m["file"]["path"] for m in messages if "file" in m}
    csv = Path(paths[".csv"]).read_text("utf-8-sig")
    return [line.split(";") for line in csv.splitlines()], load_workbook(paths[".xlsx"]).active


def _sign_up(console: ConsoleBot, who: str, people: str) -> None:
    meeting = card(console.say(who, "/termine"), "Ausbildungs-Marketing")
    console.press(who, button(console.press(who, button(meeting, "Anmelden")), people))


def test_event_export_tells_a_cancelled_event_from_ones_own_cancellation(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "LEAG")
    _sign_up(console, "anna", "2")
    console.now("2026-02-03T14:05:00+01:00")
    _sign_up(console, "ben", "1")
    console.now("2026-02-04T08:00:00+01:00")
    mine = card(console.say("ben", "/termine"), "Ausbildungs-Marketing")
    console.press("ben", button(console.press("ben", button(mine, "Abmelden")), "Ja, abmelden"))
    asked = console.say("chef", "/termin_absagen Ausbildungs-Marketing")
    assert "Benachrichtigt" in texts(console.press("chef", button(asked, "Ja, absagen")))

    rows, sheet = _files(console.say("chef", "/export anmeldungen Marketing"))
    head = rows[0]
    status, signed, left = (head.index(x) for x in ("Status", "Angemeldet am", "Abgemeldet am"))
    by_name = {r[head.index("Name")]: r for r in rows[1:]}
    assert by_name["anna"][status] == "abgesagt (Termin abgesagt)"
    assert by_name["ben"][status] == "abgemeldet"
    assert by_name["anna"][signed] == "02.02.2026 09:00"
    assert by_name["ben"][signed] == "03.02.2026 14:05"
    assert by_name["ben"][left] == "04.02.2026 08:00"
    assert sheet["B2"].is_date and sheet["B2"].number_format == "DD.MM.YYYY"
    cell = sheet.cell(row=2, column=signed + 1)
    assert cell.is_date and cell.number_format == "DD.MM.YYYY HH:MM"


def test_film_interest_from_the_plan_has_no_reported_date(console: ConsoleBot) -> None:
    rows, _ = _files(console.say("chef", "/export filme"))
    head = rows[0]
    source, when = head.index("Quelle"), head.index("Gemeldet am")
    pragma = next(r for r in rows[1:] if r[0] == "Pragma")
    assert pragma[source] == "Jahresplan" and pragma[when] == ""
    join(console, "anna", "Pragma")
    console.press("anna", button(console.say("anna", "/film"), "Metall"))
    console.say("anna", "Industriemechaniker/in")
    rows, sheet = _files(console.say("chef", "/export filme"))
    pragma = next(r for r in rows[1:] if r[0] == "Pragma")
    assert pragma[source] == "im Bot gemeldet" and pragma[when] == "02.02.2026 09:00"
    at = next(i for i, r in enumerate(rows) if r[0] == "Pragma") + 1
    assert sheet.cell(row=at, column=when + 1).is_date
    emis = next(r for r in rows[1:] if r[0] == "EMIS")
    assert emis[when] == ""


def test_lists_of_dates_spread_over_cells_of_their_own() -> None:
    columns, cells = spread("Tag", [["a"], ["a", "b", "c"], []])
    assert columns == ["Tag 1", "Tag 2", "Tag 3"]
    assert cells == [["a", None, None], ["a", "b", "c"], [None, None, None]]
    assert spread("Tag", [["a"]]) == (["Tag"], [["a"]])
