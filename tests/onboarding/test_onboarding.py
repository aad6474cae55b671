"""End to end through the real console process: invites, onboarding, router answers."""

from __future__ import annotations

from pathlib import Path

from tests.support.console import ConsoleBot, invite_code, texts


def test_admin_invites_and_person_joins_company(console: ConsoleBot) -> None:
    out = console.say("chef", "/einladung Zemmler Siebanlagen GmbH")
    assert "/start " in texts(out)
    code = invite_code(out)
    joined = console.say("anna", f"/start {code}")
    assert sorted(m["to"] for m in joined) == ["anna", "chef"]  # the team is told
    assert "Zemmler Siebanlagen GmbH" in texts(joined)
    assert "/datenschutz" in texts(joined)
    again = console.say("anna", "/start")
    assert "Zemmler" in texts(again)


def test_unknown_command_and_non_admin_invite_get_clear_answers(console: ConsoleBot) -> None:
    assert "kenne ich nicht" in texts(console.say("anna", "/gibtsnicht"))
    assert "/hilfe" in texts(console.say("anna", "/gibtsnicht"))
    refused = texts(console.say("anna", "/einladung Zemmler"))
    assert "nur Admins" in refused
    log = texts(console.say("chef", "/protokoll"))
    assert "anna: abgelehnt: 1 Versuch (/einladung)" in log


def test_unlinked_start_asks_for_code_and_bad_code_is_explained(console: ConsoleBot) -> None:
    assert "/start CODE" in texts(console.say("bob", "/start"))
    assert "kenne ich nicht" in texts(console.say("bob", "/start NOPE1234"))


def test_code_expires_after_14_days_with_the_answer_of_an_unknown_one(
        console: ConsoleBot) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    unknown = texts(console.say("bob", "/start NOPE2345ABCDE"))
    console.now("2026-02-16T08:59:00+01:00")
    console.now("2026-02-16T09:00:00+01:00")
    expired = texts(console.say("anna", f"/start {code}"))
    assert expired == unknown.replace("NOPE2345ABCDE", code)


def test_malformed_lines_get_error_objects_not_crashes(console: ConsoleBot) -> None:
    assert console.send("kein json")[0]["error"]
    assert console.send("")[0]["error"]
    assert console.send({"text": "ohne absender"})[0]["error"]
    assert console.send({"now": "2026-01-01T00:00:00+01:00"})[0]["error"]  # backwards
    assert "Hallo" in texts(console.say("anna", "/start"))


def test_long_input_is_refused(console: ConsoleBot) -> None:
    assert "zu lang" in texts(console.say("anna", "x" * 2001))


def test_company_cap_and_listing(console: ConsoleBot) -> None:
    for i in range(19):  # the catalogue ships 11 companies; the cap is 30
        out = console.say("chef", f"/firma_neu Firma {i}; SN; Görlitz")
        assert "angelegt" in texts(out), out
    assert "30" in texts(console.say("chef", "/firma_neu Eine zu viel; BB; Cottbus"))
    listing = texts(console.say("chef", "/firmen"))
    assert "30 von 30" in listing and "Zemmler" in listing


def test_help_lists_only_what_the_person_may_use(console: ConsoleBot) -> None:
    member = texts(console.say("anna", "/hilfe"))
    assert "/einladung" not in member and "/hilfe" in member
    admin = texts(console.say("chef", "/hilfe"))
    assert "/einladung" in admin and "/firma_neu" in admin


def test_unlinked_person_may_read_but_not_sign_up(console: ConsoleBot) -> None:
    events = console.say("gast", "/termine")
    body = texts(events)
    assert "Ausbildungs-Marketing" in body and "/start CODE" in body
    labels = [b["label"] for m in events for b in m.get("buttons", [])]
    assert "Anmelden" not in labels and "Details" in labels
    assert "/start CODE" in texts(console.say("gast", "/stammtisch"))
    assert "Einladungscode" in texts(console.say("gast", "/medientag"))


def test_code_on_the_next_line_still_links(console: ConsoleBot) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    assert "Willkommen bei" in texts(console.say("bob", f"/start\n{code}"))


def test_console_without_console_admin_makes_chef_admin(tmp_path: Path) -> None:
    """A fresh clone has no .env: the team's side of the console must still be there to try."""
    for admins, chef_is_admin in (("", True), ("telegram:111", True), ("console:boss", False)):
        workdir = tmp_path / (admins.replace(":", "_") or "none")
        workdir.mkdir()
        bot = ConsoleBot(workdir, now="2026-02-02T09:00:00+01:00", admins=admins)
        try:
            refused = "nur Admins" in texts(bot.say("chef", "/firmen"))
            assert refused is not chef_is_admin, admins
        finally:
            bot.stop()
