"""Invite codes end to end through the console: uses, /einladungen, revoking, guessing."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, invite_code, texts

UNKNOWN = "kenne ich nicht oder er gilt nicht mehr"


def test_a_single_use_code_works_once_and_the_team_is_told(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/einladung Zemmler"))
    assert "für 1 Person" in out
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    joined = console.say("anna", f"/start {code}")
    assert "Willkommen bei Zemmler" in texts(joined, "anna")
    assert "anna (Konsole) ist jetzt bei Zemmler Siebanlagen GmbH." in texts(
        joined, "chef")
    assert UNKNOWN in texts(console.say("bob", f"/start {code}"))
    assert "Zemmler" in texts(console.say("anna", f"/start {code}"))  # anna again: still fine
    assert "anna: mit einem Code zu Zemmler Siebanlagen GmbH gekommen" in texts(
        console.say("chef", "/protokoll"))


def test_revoked_code_stops_working(console: ConsoleBot) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler; 3"))
    listed = console.say("chef", "/einladungen")
    assert code in texts(listed) and "0 von 3 genutzt" in texts(listed)
    ask = console.press("chef", button(listed, f"{code} zurückziehen"))
    assert "zurückziehen?" in texts(ask)
    assert "alles bleibt" in texts(console.press("chef", button(ask, "Nein")))
    assert UNKNOWN not in texts(console.say("anna", f"/start {code}"))  # still open
    done = texts(console.press("chef", button(ask, "Ja")))
    assert "zurückgezogen" in done
    assert UNKNOWN in texts(console.say("bob", f"/start {code}"))
    assert "nicht mehr offen" in texts(console.press("chef", button(ask, "Ja")))
    assert "keine Einladung offen" in texts(console.say("chef", "/einladungen"))


def test_revoke_all_after_confirming_spares_newer_codes(console: ConsoleBot) -> None:
    first = invite_code(console.say("chef", "/einladung Zemmler"))
    second = invite_code(console.say("chef", "/einladung Pragma"))
    listed = console.say("chef", "/einladungen")
    ask = console.press("chef", button(listed, "Alle zurückziehen"))
    assert "2 Codes" in texts(ask) and "Pragma" in texts(ask)
    console.now("2026-02-02T09:05:00+01:00")
    newer = invite_code(console.say("chef", "/einladung Zemmler"))
    assert "2 Codes zurückgezogen" in texts(console.press("chef", button(ask, "Ja")))
    assert UNKNOWN in texts(console.say("anna", f"/start {first}"))
    assert UNKNOWN in texts(console.say("bob", f"/start {second}"))
    assert "Willkommen" in texts(console.say("carl", f"/start {newer}"))


def test_members_cannot_list_or_revoke_codes(console: ConsoleBot) -> None:
    listed = console.say("chef", "/einladungen Zemmler")
    assert "keine Einladung" in texts(listed)
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    assert "nur Admins" in texts(console.say("anna", "/einladungen"))
    listed = console.say("chef", "/einladungen Zemmler")
    # anna cannot press the team's button: it is signed for chef
    assert "nicht mehr aktuell" in texts(console.press("anna", button(listed, "zurückziehen")))
    assert "Willkommen" in texts(console.say("anna", f"/start {code}"))


def test_wrong_codes_are_limited_and_a_bare_code_counts(console: ConsoleBot) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    for i in range(4):
        assert UNKNOWN in texts(console.say("mallory", f"/start WRONG{i}"))
    assert UNKNOWN in texts(console.say("mallory", "ABCDEFGH2JKMN"))  # bare, code-shaped
    limited = texts(console.say("mallory", f"/start {code}"))
    assert "zu viele falsche Codes" in limited and "10:00 Uhr" in limited
    greeted = texts(console.say("mallory", "Hallo"))  # words are no tries: greeted, not refused
    assert "Hallo" in greeted and "falsche Codes" not in greeted
    console.now("2026-02-02T10:00:00+01:00")
    assert "Willkommen" in texts(console.say("mallory", f"/start {code}"))
