"""Admins end to end through the console: find people by name, grant, revoke, list."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, invite_code, texts


def join(console: ConsoleBot, who: str, company: str = "Zemmler") -> None:
    """Link `who` to a company with a fresh code."""
    code = invite_code(console.say("chef", f"/einladung {company}"))
    assert "Willkommen" in texts(console.say(who, f"/start {code}"))


def test_admin_found_by_name_granted_then_revoked_loses_admin_commands_at_once(
        console: ConsoleBot) -> None:
    join(console, "anna")
    found = console.say("chef", "/personen ANN")
    card = texts(found)
    assert "anna" in card and "Zemmler" in card and "Mitglied" in card
    granted = console.press("chef", button(found, "Admin machen"))
    assert "ist jetzt Admin" in texts(granted, "chef")
    assert "hat dich zum Admin gemacht" in texts(granted, "anna")
    again = console.say("chef", "/admin anna")  # a second grant changes nothing, tells nobody
    assert "ist schon Admin" in texts(again, "chef") and not texts(again, "anna")
    assert "schon Admin" in texts(console.say("chef", "/admin chef"))  # ADMINS count too
    assert "keine Einladung offen" in texts(console.say("anna", "/einladungen"))
    listed = texts(console.say("chef", "/admins"))
    assert "chef (console:chef) – aus ADMINS" in listed
    assert "anna (console:anna) – im Chat ernannt" in listed
    revoked = console.say("chef", "/admin_entziehen anna")
    assert "kein Admin mehr" in texts(revoked, "chef")
    assert "Du bist kein Admin des Clusterteams mehr." in texts(revoked, "anna")
    assert "nur Admins" in texts(console.say("anna", "/einladungen"))
    assert "nur Admins" in texts(console.say("anna", "/admin anna"))
    assert "gar kein Admin" in texts(console.say("chef", "/admin_entziehen console:anna"))
    log = texts(console.say("chef", "/protokoll"))
    assert "chef: anna die Admin-Rolle entzogen" in log
    assert log.count("chef: anna zum Admin gemacht") == 1


def test_admins_from_settings_cannot_be_revoked_in_chat(console: ConsoleBot) -> None:
    console.say("bob", "/start")
    assert "ist jetzt Admin" in texts(console.say("chef", "/admin console:bob"))
    refused = texts(console.say("bob", "/admin_entziehen chef"))
    assert "ADMINS" in refused and "nicht im Chat" in refused
    assert "Admins (2)" in texts(console.say("bob", "/admins"))  # chef is still there
    card = console.say("bob", "/personen chef")
    assert "Admin (aus ADMINS)" in texts(card)
    labels = [b["label"] for m in card for b in m.get("buttons", [])]
    assert "Admin entziehen" not in labels and "Admin machen" not in labels


def test_several_matches_are_listed_to_pick_and_unknown_names_explained(
        console: ConsoleBot) -> None:
    console.say("anna", "/start")
    console.say("annabell", "/start")
    out = console.say("chef", "/admin anna")
    assert "Mehrere Personen" in texts(out) and "ist jetzt Admin" not in texts(out)
    picked = [m for m in out if "annabell" in m.get("text", "")]
    assert "annabell" in texts(console.press("chef", button(picked, "Admin machen")))
    assert "Niemand heißt „Zoe“" in texts(console.say("chef", "/personen Zoe"))
    assert "So geht's" in texts(console.say("chef", "/admin_entziehen"))
