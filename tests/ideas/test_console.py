"""End to end: an idea sent under a theme, +1 from others, the team takes it up, author told."""

from __future__ import annotations

from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts


def test_idea_plus_one_and_taken_up_notice(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    out = console.say("anna", "/idee")
    assert "Was ist deine Idee" in texts(out)
    out = console.say("anna", "Azubi-Speeddating mit den Oberschulen der Region")
    for theme in ("Netzwerken", "Digitalisierung", "Zusammenarbeit Schule/Berater",
                  "Kommunikation/Generationen", "Marketing", "On-Boarding", "Sonstiges"):
        assert button(out, theme)
    saved = console.press("anna", button(out, "Schule/Berater"))
    assert "unter Zusammenarbeit Schule/Berater" in texts(saved)

    own = console.say("anna", "/ideen")
    assert "(deine Idee)" in texts(own) and "+1 für" not in str(own)
    listing = console.say("ben", "/ideen")
    assert "Azubi-Speeddating" in texts(listing) and "anna" not in texts(listing)
    plus = console.press("ben", button(listing, "+1 für"))
    assert "+1" in texts(plus)
    again = console.press("ben", button(listing, "+1 für"))
    assert "schon mit +1" in texts(again)
    assert "+1 für" not in str(console.say("ben", "/ideen"))

    team = console.say("chef", "/ideen")
    assert "(von anna)" in texts(team) and "+1" in texts(team)
    ask = console.press("chef", button(team, "Aufgegriffen"))
    assert "Notiz" in texts(ask)
    done = console.say("chef", "Wird Thema beim Netzwerktreffen im Mai")
    assert "aufgegriffen" in texts(done, to="chef")
    told = texts(done, to="anna")
    assert "aufgegriffen" in told and "Netzwerktreffen im Mai" in told
    # Editing the note again does not tell the author a second time.
    console.press("chef", button(console.say("chef", "/ideen"), "Erledigt"))
    console.press("chef", button(team, "Aufgegriffen"))
    out = console.say("chef", "Neue Notiz")
    assert not [m for m in out if m.get("to") == "anna"]
    assert "aufgegriffen" in texts(console.say("ben", "/ideen"))


def test_idea_bad_input_keeps_the_dialog(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    console.say("anna", "/idee")
    out = console.say("anna", "x" * 1001)
    assert "zu lang" in texts(out) and "Was ist deine Idee" in texts(out)
    out = console.say("anna", "ok")  # an acknowledgement, not the idea
    assert "nehme ich nicht als Antwort" in texts(out) and "Was ist deine Idee" in texts(out)
    out = console.say("anna", "Kürzer")
    assert "Thema" in texts(out)
    assert "nur Admins" in texts(console.say("anna", "/umfragen"))
