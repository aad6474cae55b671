"""/protokoll: every audited kind reads as German; refusals counted; filters and paging."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from handlers.fairs.team import OPS
from handlers.team.audit_texts import DESCRIBE, describe
from storage import audit
from storage.audit import Names
from storage.db import Database
from tests.support.console import ConsoleBot, button, texts

REPO = Path(__file__).resolve().parents[2]
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)


def test_every_audited_kind_in_the_code_has_a_german_line() -> None:
    kinds = set()
    for path in [*(REPO / "handlers").rglob("*.py"), *(REPO / "web").rglob("*.py")]:
        text = path.read_text()
        kinds |= set(re.findall(r"ctx\.audit\(\s*\"(\w+)\"", text))
        kinds |= set(re.findall(r"audit\.record\([^)]*action=\"(\w+)\"", text))
    kinds |= {f"fair_{op}" for op in OPS.values()}  # ctx.audit(f"fair_{op}", ...)
    kinds.add("denied")  # written by the router (storage.audit.refused)
    assert len(kinds) > 40 and "web_login" in kinds
    assert kinds - DESCRIBE.keys() == set()


def test_lines_read_as_people_say_them() -> None:
    names = Names(people={"console:anna": "Anna"})
    move = describe("stammtisch_move", {"session": "2026-01-22",
                                        "to": "2026-01-22T12:30:00+00:00"}, names, BERLIN)
    assert move == "Stammtisch 22.1. auf 13:30 verschoben"
    other_day = describe("stammtisch_move", {"session": "2026-01-22",
                                             "to": "2026-01-23T12:00:00+00:00"}, names, BERLIN)
    assert other_day == "Stammtisch 22.1. auf 23.1., 13:00 verschoben"
    assert describe("grant_admin", {"target": "console:anna"}, names, BERLIN) == (
        "Anna zum Admin gemacht")
    assert describe("new_kind", {"x": 1}, names, BERLIN) == "new_kind (x: 1)"
    assert describe("invite", {"company": "<b>"}, names, BERLIN) == (
        "Einladung für &lt;b&gt; erstellt")


async def test_refusals_are_one_counted_row_per_person_and_day(db: Database) -> None:
    day = NOW.replace(hour=0)
    async with db.unit() as s:
        for i, command in enumerate(["einladung", "einladung", "firmen"]):
            await audit.refused(s, actor="console:anna", command=command,
                                now=NOW + timedelta(minutes=i), since=day)
        await audit.refused(s, actor="console:bob", command="firmen", now=NOW, since=day)
    async with db.unit() as s:
        await audit.refused(s, actor="console:anna", command="firmen",
                            now=NOW + timedelta(days=1), since=day + timedelta(days=1))
        audit.record(s, actor="console:chef", action="invite", now=NOW, company="Pragma")
        audit.record(s, actor="console:chef", action="grant_admin", now=NOW,
                     target="console:anna")
    async with db.unit() as s:
        rows = await audit.page(s, actions=("denied",))
        assert [(r.actor, r.detail["count"]) for r in rows] == [
            ("console:anna", 1), ("console:bob", 1), ("console:anna", 4 - 1)]
        assert rows[2].detail["commands"] == {"einladung": 2, "firmen": 1}
        about_anna = await audit.page(s, people=("console:anna",))
        assert [r.action for r in about_anna] == ["grant_admin", "denied", "denied"]
        first = await audit.page(s, limit=2)
        older = await audit.page(s, limit=10, before_id=first[-1].id)
        assert len(first) + len(older) == 5
        assert [r.action for r in await audit.page(s, actions=("invite",))] == ["invite"]
        assert await audit.page(s, people=()) == []


def test_protokoll_is_german_local_filtered_and_paged(console: ConsoleBot) -> None:
    for _ in range(3):
        assert "nur Admins" in texts(console.say("anna", "/einladung Zemmler"))
    console.say("anna", "/firmen")
    for i in range(11):
        console.say("chef", f"/firma_neu Firma {i}")
    first = console.say("chef", "/protokoll")
    page = texts(first)
    assert "Mo, 2. Februar 2026, 09:00 Uhr – chef: Firma Firma 10 angelegt" in page
    assert page.count("\n•") == 10 and "anna:" not in page
    older = texts(console.press("chef", button(first, "Ältere")))
    assert "Firma Firma 0 angelegt" in older
    assert "anna: abgelehnt: 4 Versuche (/einladung (3×), /firmen)" in older
    refused = texts(console.say("chef", "/protokoll abgelehnt"))
    assert refused.count("\n•") == 1 and "4 Versuche" in refused
    assert "Firma" not in texts(console.say("chef", "/protokoll anna")).split("Filtern")[0]
    assert "Niemand heißt „Zoe“" in texts(console.say("chef", "/protokoll Zoe"))
    assert "nichts im Protokoll" in texts(console.say("chef", "/protokoll stammtisch"))


def test_poll_and_broadcast_audiences_read_in_german() -> None:
    names = Names(events={7: "Stammtisch <Cottbus>"})
    line = describe("broadcast_send", {"audience": "role:personal", "recipients": 2},
                    names, BERLIN)
    assert line == "Rundschreiben an Rolle Personal / HR verschickt (2 Personen)"
    assert describe("broadcast_send", {"audience": "all", "recipients": 1}, names, BERLIN) == (
        "Rundschreiben an alle Mitglieder verschickt (1 Person)")
    assert describe("poll_send", {"question": "Thema?", "audience": "BB", "recipients": 3},
                    names, BERLIN) == (
        "Umfrage „Thema?“ an Firmen in Brandenburg verschickt (3 Personen)")
    assert describe("poll_send", {"question": "Wann?", "audience": "event:7", "recipients": 4},
                    names, BERLIN) == (
        "Umfrage „Wann?“ an Angemeldete von „Stammtisch &lt;Cottbus&gt;“ verschickt "
        "(4 Personen)")
    assert "an Angemeldete von Nr. 8" in describe(
        "poll_send", {"question": "?", "audience": "event:8", "recipients": 0}, names, BERLIN)
