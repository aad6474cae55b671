"""Console helpers for the fairs tests: a linked member, a walk through /messe, an export."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Any

from storage.db import Database
from storage.members import people
from storage.outbox import preferences
from tests.support.console import ConsoleBot, button, invite_code, texts

Messages = list[dict[str, Any]]


def member(console: ConsoleBot, who: str, company: str, state: str = "SN") -> None:
    """Create a company (state may be empty) and link `who` to it."""
    assert "angelegt" in texts(console.say("chef", f"/firma_neu {company}; {state}; Görlitz"))
    code = invite_code(console.say("chef", f"/einladung {company}"))
    assert company in texts(console.say(who, f"/start {code}"))


def request_booth(console: ConsoleBot, who: str, area: str, fair: str = "Insidertreff",
                  ) -> Messages:
    """Walk through /messe for a one-day fair and press "Anfrage senden"."""
    out = console.press(who, button(console.say(who, "/messe"), fair))
    if "An welchem Tag" in texts(out):
        out = console.press(who, button(out, "Alle Tage"))
    out = console.say(who, "3")
    out = console.press(who, button(out, "Tisch"))
    out = console.press(who, button(out, "Strom"))
    assert "✅ Tisch" in str(out) and "✅ Strom" in str(out)
    out = console.press(who, button(out, "Weiter"))
    out = console.say(who, area)
    out = console.say(who, "Mechatroniker/in, Industriekaufleute")
    out = console.say(who, "Löten mit <b>Schülern</b>")
    summary = texts(out)
    assert "Personen: 3" in summary and "Tisch, Strom" in summary and "<b>" in summary
    return console.press(who, button(out, "Anfrage senden"))


def short_request(console: ConsoleBot, who: str, area: str) -> Messages:
    """Ask (or change) for the Insidertreff with 2 people and `area` m²; press "Anfrage senden"."""
    out = console.press(who, button(console.say(who, "/messe"), "Insidertreff"))
    if "ändern oder zurückziehen" in texts(out):
        out = console.press(who, button(out, "Ändern"))
    out = console.press(who, button(console.say(who, "2"), "Weiter"))
    console.say(who, area)
    out = console.press(who, button(console.say(who, "Maurer"), "Noch keine Idee"))
    return console.press(who, button(out, "Anfrage senden"))


def read_csv(messages: Messages) -> list[list[str]]:
    """Return the rows of the CSV file among the messages."""
    path = next(m["file"]["path"] for m in messages if m.get("file", {}).get("mime") == "text/csv")
    return list(csv.reader(Path(path).read_text("utf-8-sig").splitlines(), delimiter=";"))


def bot_with_contact(tmp_path: Path, contact: str, admins: str = "console:chef") -> ConsoleBot:
    """Start a console bot whose catalogue names console:mike as the contact for `contact`."""
    source = Path(__file__).resolve().parents[2] / "data" / "catalogue.toml"
    line = f'{contact} = {{ name = "Mike Altmann", email = "altmann@lausitz-matrix.de", admin = '
    text = source.read_text("utf-8").replace(f'{line}"" }}', f'{line}"console:mike" }}')
    assert "console:mike" in text
    (tmp_path / "catalogue.toml").write_text(text, "utf-8")
    return ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00", admins=admins,
                      env={"CATALOGUE": str(tmp_path / "catalogue.toml")})


def to(messages: Messages, who: str) -> Messages:
    """Return the messages sent to `who` (to press their buttons)."""
    return [m for m in messages if m.get("to") == who]


def switch_off(console: ConsoleBot, who: str, kind: str) -> None:
    """Switch a kind of notice off for console person `who`, as /erinnerungen does."""

    async def run() -> None:
        db = Database(console.database_url)
        try:
            async with db.unit() as s:
                person = await people.by_key(s, f"console:{who}")
                assert person is not None
                await preferences.switch(s, person_id=person.id, kind=kind, enabled=False)
        finally:
            await db.dispose()

    asyncio.run(run())
