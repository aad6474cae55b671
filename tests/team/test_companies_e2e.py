"""People and companies end to end: unlink, move, rename, state, /firmen, merge, delete."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, invite_code, texts


def join(console: ConsoleBot, who: str, company: str) -> None:
    """Link `who` to a company with a fresh code."""
    code = invite_code(console.say("chef", f"/einladung {company}"))
    assert "Willkommen" in texts(console.say(who, f"/start {code}"))


def test_person_unlinked_after_confirming_loses_member_commands(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    card = console.say("chef", "/personen anna")
    ask = console.press("chef", button(card, "Von Firma lösen"))
    assert "anna (console:anna) von Zemmler Siebanlagen GmbH lösen?" in texts(ask)
    assert "alles bleibt" in texts(console.press("chef", button(ask, "Nein")))
    assert "Zemmler" in texts(console.say("anna", "/start"))
    done = console.press("chef", button(ask, "Ja"))
    assert "gehört nicht mehr zu" in texts(done, "chef")
    assert "hat dich von Zemmler Siebanlagen GmbH gelöst" in texts(done, "anna")
    assert "/start CODE" in texts(console.say("anna", "/start"))
    assert "Einladungscode" in texts(console.say("anna", "/medientag"))
    assert "chef: anna von Zemmler Siebanlagen GmbH gelöst" in texts(
        console.say("chef", "/protokoll"))


def test_person_moved_to_another_company(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    console.press("anna", button(console.say("anna", "/rolle"), "Personal / HR"))
    listed = texts(console.say("chef", "/firmen"))
    assert "1 Person im Bot: anna (Personal / HR)" in listed  # the role /rolle stated
    card = console.say("chef", "/personen anna")
    pick = console.press("chef", button(card, "Firma wechseln"))
    assert "Zu welcher Firma" in texts(pick)
    assert "Zemmler" not in [b["label"] for m in pick for b in m.get("buttons", [])]
    moved = console.press("chef", button(pick, "Pragma"))
    assert "gehört jetzt zu Pragma" in texts(moved, "chef")
    assert "hat dich Pragma" in texts(moved, "anna")
    assert "Pragma" in texts(console.say("anna", "/start"))
    listed = texts(console.say("chef", "/firmen"))
    assert "Pragma" in listed and "1 Person im Bot: anna" in listed
    assert "Personal / HR" not in listed  # stated for Zemmler: not her role at Pragma


def test_rename_and_state_shown_in_firmen(console: ConsoleBot) -> None:
    assert "angelegt" in texts(console.say("chef", "/firma_neu Neuland GmbH"))
    join(console, "anna", "Neuland")
    renamed = texts(console.say("chef", "/firma_umbenennen Neuland; Neuland Werke GmbH"))
    assert "Neuland GmbH heißt jetzt Neuland Werke GmbH" in renamed
    assert "Sachsen" in texts(console.say("chef", "/firma_land Neuland Werke; sachsen"))
    assert "„Bayern“" in texts(console.say("chef", "/firma_land Neuland Werke; Bayern"))
    assert "So geht's" in texts(console.say("chef", "/firma_land Neuland Werke"))
    listed = texts(console.say("chef", "/firmen"))
    assert "• Neuland Werke GmbH – Sachsen – 1 Person im Bot: anna" in listed
    taken = texts(console.say("chef", "/firma_umbenennen Neuland Werke; Zemmler Siebanlagen GmbH"))
    assert "gibt es schon" in taken
    log = texts(console.say("chef", "/protokoll"))
    assert "Firma Neuland GmbH in Neuland Werke GmbH umbenannt" in log
    assert "Land von Neuland Werke GmbH auf Sachsen gesetzt" in log


def test_merge_spells_out_what_moves_and_moves_it(console: ConsoleBot) -> None:
    assert "angelegt" in texts(console.say("chef", "/firma_neu Pragma Doppelt"))
    join(console, "anna", "Pragma Doppelt")
    join(console, "bob", "Zemmler")
    ask = console.say("chef", "/firmen_zusammenlegen Pragma Doppelt; Zemmler")
    body = texts(ask)
    assert "in Zemmler Siebanlagen GmbH aufgehen lassen?" in body
    assert "1 Person: anna" in body and "0 offene Codes" in body
    assert "nicht rückgängig" in body
    merged = console.press("chef", button(ask, "Ja"))
    assert "aufgegangen" in texts(merged, "chef")
    assert "hat dich Zemmler Siebanlagen GmbH zugeordnet" in texts(merged, "anna")
    assert "Zemmler" in texts(console.say("anna", "/start"))
    listed = texts(console.say("chef", "/firmen"))
    assert "Pragma Doppelt" not in listed and "2 Personen im Bot: anna, bob" in listed
    assert "dieselbe Firma" in texts(console.say("chef", "/firmen_zusammenlegen Zemmler; Zemm"))


def test_delete_spells_out_what_happens_and_refuses_catalogue_companies(
        console: ConsoleBot) -> None:
    refused = texts(console.say("chef", "/firma_loeschen Zemmler"))
    assert "steht im Katalog" in refused
    assert "angelegt" in texts(console.say("chef", "/firma_neu Kurzlebig AG"))
    join(console, "anna", "Kurzlebig")
    code = invite_code(console.say("chef", "/einladung Kurzlebig"))
    ask = console.say("chef", "/firma_loeschen Kurzlebig")
    body = texts(ask)
    assert "1 Person: anna – von der Firma gelöst" in body
    assert "1 offener Code wird ungültig" in body
    deleted = console.press("chef", button(ask, "Ja, löschen"))
    assert "gelöscht" in texts(deleted, "chef")
    assert "hat dich von Kurzlebig AG gelöst" in texts(deleted, "anna")
    assert "Kurzlebig" not in texts(console.say("chef", "/firmen"))
    assert "/start CODE" in texts(console.say("anna", "/start"))
    assert "gilt nicht mehr" in texts(console.say("bob", f"/start {code}"))
    assert "Firma Kurzlebig AG gelöscht" in texts(console.say("chef", "/protokoll"))


def sign_up(console: ConsoleBot, who: str, people: str = "2") -> None:
    """Sign `who` up for the March network meeting."""
    listing = console.say(who, "/termine")
    meeting = [m for m in listing if "Ausbildungs-Marketing" in m.get("text", "")][:1]
    ask = console.press(who, button(meeting, "Anmelden"))
    assert "Angemeldet" in texts(console.press(who, button(ask, people)))


def test_delete_and_merge_say_what_happens_to_registrations(console: ConsoleBot) -> None:
    for name in ("Kurzlebig AG", "Doppelt AG"):
        assert "angelegt" in texts(console.say("chef", f"/firma_neu {name}"))
    join(console, "anna", "Kurzlebig")
    join(console, "bob", "Doppelt")
    sign_up(console, "anna")
    sign_up(console, "bob", "1")
    merge = texts(console.say("chef", "/firmen_zusammenlegen Doppelt; Zemmler"))
    assert "• 1 Anmeldung zu Terminen" in merge
    ask = console.say("chef", "/firma_loeschen Kurzlebig")
    assert ("• 1 Anmeldung zu Terminen – bleiben bestehen (Plätze bleiben belegt), aber ohne "
            "Firma") in texts(ask)
    console.press("chef", button(ask, "Ja, löschen"))
    assert "noch 37 Plätze" in texts(console.say("carl", "/termine"))  # 40 - 2 - 1
    assert "anna" in texts(console.say("chef", "/teilnehmer Marketing"))
