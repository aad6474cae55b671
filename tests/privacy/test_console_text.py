"""End to end: text is normalised at the edge and every export survives control characters.

Runs on SQLite and PostgreSQL (`any_console`): the same rules on both.
"""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import String, text
from sqlalchemy.types import TypeDecorator, TypeEngine
from sqlmodel import SQLModel

import storage.schema  # noqa: F401  (every table registered)
from storage.db import Database
from tests.fairs.console_helpers import member, request_booth
from tests.media_days.helpers import book
from tests.polls.helpers import new_poll
from tests.schau_rein.console_helpers import schau_rein
from tests.support.console import ConsoleBot, button, texts

# Free-text columns people or the team type (keys, codes and states are not free text).
FREE_TEXT = {"name", "display_name", "title", "description", "note", "contact_name",
             "contact_reach", "decline_reason", "place", "city", "topic", "date_note",
             "directions", "professions", "activity", "admin_note", "contact", "text",
             "unreachable_note", "question", "label"}
CONTROL = "\x01\x08\x0b\x0c\x1b\x1f\x7f\x85"


def test_nul_and_control_characters_in_a_name_do_not_lock_anyone_out(
    any_console: ConsoleBot,
) -> None:
    console = any_console
    console.say("chef", "/firma_neu Pragma; BB; Cottbus")
    code = next(line.split()[1] for line in texts(console.say("chef", "/einladung Pragma"))
                .splitlines() if line.strip().startswith("/start "))
    first = console.say("an\x00na\x07", f"/start {code}")
    assert "Hallo anna!" in texts(first) and "Pragma" in texts(first)
    again = texts(console.say("an\x00na\x07", "/meine"))
    assert "Entschuldigung" not in again
    assert "\x00" not in again and "\x07" not in again


def test_text_too_long_for_its_field_gets_a_german_answer_on_both_databases(
    any_console: ConsoleBot,
) -> None:
    out = texts(any_console.say("chef", "/firma_neu " + "Langer Name " * 25))
    assert "höchstens 200 Zeichen" in out and "Entschuldigung" not in out
    assert "Langer Name" not in texts(any_console.say("chef", "/firmen"))


def test_every_export_works_with_control_characters_in_every_text_field(
    any_console: ConsoleBot,
) -> None:
    console = any_console
    _fill_every_export(console)
    console.stop()
    asyncio.run(_spoil_free_text(console.database_url))  # rows from before the edge cleaned
    console.start()
    usage = texts(console.say("chef", "/export"))
    kinds = usage.split("möglich:", 1)[1].replace(" ", "").split(",")
    assert {"anmeldungen", "medientage", "filme", "messe", "schaurein"} <= set(kinds)
    for kind in kinds:
        arg = " 1" if kind == "umfrage" else ""  # the first (only) poll
        out = console.say("chef", f"/export {kind}{arg}")
        assert "Entschuldigung" not in texts(out), kind
        csv_rows, xlsx_rows = _read_both(out)
        assert len(csv_rows) > 1 and len(xlsx_rows) == len(csv_rows), kind
        joined = "".join(str(c) for row in csv_rows + xlsx_rows for c in row if c is not None)
        assert not any(ch in joined for ch in "\x00" + CONTROL), kind


def _fill_every_export(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    request_booth(console, "anna", "6,5 m²")
    console.say("anna", "/schaurein")
    schau_rein(console, "anna")
    film = console.press("anna", button(console.say("anna", "/film"), "Metall"))
    assert "Beschreib" in texts(film)
    console.say("anna", "Industrie\x01mechaniker\x0b/in")
    book(console, "anna", "2.3.")
    meeting = [m for m in console.say("anna", "/termine") if "Ausbildungs-Marketing" in
               m.get("text", "")]
    console.press("anna", button(console.press("anna", button(meeting, "Anmelden")), "1"))
    card = [m for m in new_poll(console) if m.get("to") == "anna"]
    console.press("anna", button(card, "Best Practice"))


async def _spoil_free_text(url: str) -> None:
    db = Database(url)
    nul = "\x00" if db.is_sqlite else ""  # PostgreSQL never stored NUL: it refuses it
    try:
        async with db.engine.begin() as conn:
            for table in SQLModel.metadata.sorted_tables:
                for column in table.columns:
                    if column.name in FREE_TEXT and _is_text(column.type):
                        await conn.execute(
                            text(f'UPDATE "{table.name}" SET "{column.name}" = '
                                 f'"{column.name}" || :junk WHERE "{column.name}" IS NOT NULL'),
                            {"junk": CONTROL + nul})
    finally:
        await db.dispose()


def _is_text(kind: TypeEngine[Any]) -> bool:
    return isinstance(kind.impl_instance if isinstance(kind, TypeDecorator) else kind, String)


def _read_both(out: list[dict[str, Any]]) -> tuple[list[list[Any]], list[list[Any]]]:
    files = {m["file"]["name"].rsplit(".", 1)[1]: m["file"]["path"] for m in out if "file" in m}
    csv_rows = list(csv.reader(Path(files["csv"]).read_text("utf-8-sig").splitlines(),
                               delimiter=";"))
    sheet = load_workbook(files["xlsx"]).active
    assert sheet is not None
    return csv_rows, [list(r) for r in sheet.iter_rows(values_only=True)]
