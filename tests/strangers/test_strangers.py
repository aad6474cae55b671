"""People without a company, end to end through the console: what they may use, what not."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.console import ConsoleBot, button, invite_code, texts

MEMBERS_ONLY = ("/stammtisch", "/erinnerung", "/erinnerungen", "/meine", "/film", "/medientag",
                "/messe", "/schaurein")


def _join(console: ConsoleBot, who: str) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    assert "Willkommen" in texts(console.say(who, f"/start {code}"))


def test_stranger_gets_no_zoom_link_and_is_told_how_to_get_an_invite(
        console: ConsoleBot) -> None:
    for command in MEMBERS_ONLY:
        out = console.say("gast", command)
        said = texts(out)
        assert "/start CODE" in said and "Clusterteam" in said, (command, said)
        assert "zoom" not in json.dumps(out).lower(), command
    _join(console, "anna")
    assert "zoom.us" in texts(console.say("anna", "/stammtisch"))


def test_stranger_reads_events_but_not_the_link_of_a_members_online_meeting(
        console: ConsoleBot) -> None:
    picked = console.press("chef", button(console.say("chef", "/termin_bearbeiten"),
                                          "Ausbildungs-Marketing"))
    console.say("chef", "Link")
    saved = console.press("chef", button(console.say("chef", "https://zoom.us/j/999"),
                                         "Speichern"))
    assert picked and "gespeichert" in texts(saved).lower()
    _join(console, "anna")
    card = [m for m in console.say("anna", "/termine") if "Ausbildungs-Marketing" in m["text"]]
    assert "zoom.us/j/999" in texts(console.press("anna", button(card, "Details")))
    listing = console.say("gast", "/termine")
    assert "Ausbildungs-Marketing" in texts(listing)
    card = [m for m in listing if "Ausbildungs-Marketing" in m["text"]]
    for label in ("Details", "Kalender"):
        shown = console.press("gast", button(card, label))
        assert shown and "zoom" not in json.dumps(shown).lower(), label
        for m in shown:
            if "file" in m:
                assert b"zoom" not in Path(m["file"]["path"]).read_bytes().lower()


def test_stranger_may_use_start_help_and_privacy_only(console: ConsoleBot) -> None:
    helped = texts(console.say("gast", "/hilfe"))
    assert "/termine" in helped and "/datenschutz" in helped and "/start" in helped
    for hidden in ("/stammtisch", "/erinnerung", "/meine", "/medientag"):
        assert f"{hidden} –" not in helped, hidden  # "/meine" is not "/meinedaten"
    assert "nur für Mitgliedsfirmen" not in texts(console.say("gast", "/datenschutz"))
    assert "nur Admins" in texts(console.say("gast", "/einladung Zemmler"))
    _join(console, "gast")
    assert "zoom.us" in texts(console.say("gast", "/stammtisch"))
