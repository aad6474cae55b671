"""End to end: /datenschutz, /meinedaten, /loeschen and /austreten through the console."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts


def _files(out: list[dict[str, Any]]) -> dict[str, str]:
    return {m["file"]["name"].rsplit(".", 1)[1]: Path(m["file"]["path"]).read_text("utf-8")
            for m in out if "file" in m}


def _event_for_two(console: ConsoleBot) -> None:
    console.say("chef", "/termin_neu")
    console.say("chef", "Onboarding-Werkstatt")
    console.press("chef", button(console.say("chef", "4.3. 10-12 Uhr"), "Ja"))
    console.say("chef", "Frottana, Großschönau")
    kind = console.say("chef", "Die ersten Tage der Azubis")
    console.press("chef", button(kind, "Über den Bot"))
    console.say("chef", "2")
    preview = console.say("chef", "1.3.")
    assert "noch 2 Plätze" in texts(preview)
    console.press("chef", button(preview, "Speichern"))


def test_erased_person_leaves_nothing_personal_and_the_waiting_list_moves_up(
    any_console: ConsoleBot,
) -> None:
    console = any_console
    _event_for_two(console)
    join(console, "anna", "Zemmler")
    join(console, "bob", "Frottana")
    ev = card(console.say("anna", "/termine"), "Onboarding-Werkstatt")
    console.press("anna", button(console.press("anna", button(ev, "Anmelden")), "2"))
    ev = card(console.say("bob", "/termine"), "Onboarding-Werkstatt")
    console.press("bob", button(console.press("bob", button(ev, "Warteliste")), "1"))
    asked = console.say("anna", "/erinnerung morgen 9 Uhr Unterlagen für Zemmler")
    console.press("anna", button(asked, "Ja"))

    before = _files(console.say("anna", "/meinedaten"))
    data = json.loads(before["json"])
    assert data["profile"]["external_id"] == "anna"
    assert data["company"]["name"].startswith("Zemmler")
    assert data["rows"]["event_registration"][0]["event"] == "Onboarding-Werkstatt"
    assert "Unterlagen für Zemmler" in before["json"] and "Unterlagen für Zemmler" in before["txt"]
    assert "== Anmeldungen zu Terminen ==" in before["txt"]
    # The readable file speaks German and shows local times, as the chat does.
    assert "Plattform: Konsole" in before["txt"] and "Stand: angemeldet" in before["txt"]
    assert "fällig: Di, 3. Februar 2026, 09:00 Uhr" in before["txt"], before["txt"]
    assert "chat_id" not in before["txt"] and "+00:00" not in before["txt"]

    stale = console.say("anna", "/loeschen")
    assert "Alle deine Daten löschen?" in texts(stale)
    assert "nichts gelöscht" in texts(console.press("anna", button(stale, "Nein")))
    asked = console.say("anna", "/loeschen")
    assert "nicht mehr aktuell" in texts(console.press("anna", button(stale, "Ja, alles")))
    out = console.press("anna", button(asked, "Ja, alles löschen"))
    assert "Erledigt" in texts(out, to="anna")
    assert "Platz frei geworden" in texts(out, to="bob")

    after = _files(console.say("anna", "/meinedaten"))
    data = json.loads(after["json"])
    assert data["company"] is None and data["audit"] == []
    assert set(data["rows"]) <= {"chatmenu"}  # only this answer's own menu, if any
    for personal in ("Zemmler", "Unterlagen", "Onboarding"):
        assert personal not in after["json"] and personal not in after["txt"]
    listing = texts(console.say("chef", "/teilnehmer Onboarding"))
    assert "Belegt: 1 von 2" in listing and "bob (1 Person) – angemeldet" in listing
    assert "anna" not in listing and "gelöscht (2 Personen) – abgemeldet" in listing
    free = texts(card(console.say("chef", "/termine"), "Onboarding-Werkstatt"))
    assert "noch 1 Platz" in free
    log = texts(console.say("chef", "/protokoll"))
    assert "eigene Daten gelöscht" in log and "console:anna" not in log


def test_leaving_the_company_and_the_privacy_notice(any_console: ConsoleBot) -> None:
    console = any_console
    notice = texts(console.say("gast", "/datenschutz"))
    assert "Ausbildungscluster Zukunftsmacher (Lausitz)" in notice
    assert "altmann@lausitz-matrix.de" in notice
    assert "30 Tage" in notice and "12 Monate" in notice and "24 Monate" in notice
    assert "/meinedaten" in notice and "/loeschen" in notice and "/austreten" in notice
    assert "keiner Firma" in texts(console.say("gast", "/austreten"))

    join(console, "bob", "Frottana")
    asked = console.say("bob", "/austreten")
    assert "Frottana" in texts(asked)
    assert "bleibst" in texts(console.press("bob", button(asked, "Nein")))
    meeting = card(console.say("bob", "/termine"), "Ausbildungs-Marketing")  # 5 March
    console.press("bob", button(console.press("bob", button(meeting, "Anmelden")), "1"))
    asked = console.say("bob", "/austreten")
    assert "keiner Firma mehr" in texts(console.press("bob", button(asked, "Ja, austreten")))
    assert "Einladungscode" in texts(console.say("bob", "/meine"))
    assert "ausgetreten" in texts(console.say("chef", "/protokoll"))
    # The sign-up stays Frottana's place: bob's card no longer offers what he may not do,
    # and the reminders of the place are not his any more.
    shown = texts(card(console.say("bob", "/termine"), "Ausbildungs-Marketing"))
    assert "Du bist angemeldet" not in shown and "Abmelden" not in shown, shown
    assert "Frottana" in texts(console.say("chef", "/teilnehmer Ausbildungs-Marketing"))
    assert "Ausbildungs-Marketing" not in texts(console.now("2026-03-04T10:05:00+01:00"), "bob")


def test_privacy_notice_shows_the_configured_retention(
        console_with: Callable[..., ConsoleBot]) -> None:
    bot = console_with(RETENTION_AUDIT_MONTHS="6", RETENTION_MESSAGES_DAYS="14")
    notice = texts(bot.say("gast", "/datenschutz"))
    assert "14 Tage" in notice and "6 Monate" in notice


def test_typed_ja_and_nein_answer_the_leave_question(console: ConsoleBot) -> None:
    join(console, "bob", "Frottana")
    console.say("bob", "/austreten")
    assert "bleibst" in texts(console.say("bob", "nein"))
    console.say("bob", "/austreten")
    assert "keiner Firma mehr" in texts(console.say("bob", "Ja!"))
