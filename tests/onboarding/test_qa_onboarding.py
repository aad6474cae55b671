"""QA regressions for onboarding and company administration, through the console process."""

from __future__ import annotations

from tests.support.console import ConsoleBot, invite_code, texts


def test_firma_neu_accepts_commas_when_a_state_follows(console: ConsoleBot) -> None:
    assert "Brandenburg, Cottbus" in texts(console.say("chef", "/firma_neu Test AG, BB, Cottbus"))
    assert "Müller, Meier KG" in texts(console.say("chef", "/firma_neu Müller, Meier KG"))
    listed = texts(console.say("chef", "/firmen"))
    assert "• Test AG – Cottbus, Brandenburg – 0 Personen im Bot" in listed


def test_firma_neu_echoes_an_unknown_state_as_typed(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/firma_neu Test AG; Bayern; München"))
    assert "„Bayern“" in out
    assert "Test AG" not in texts(console.say("chef", "/firmen"))


def test_firma_neu_takes_spelled_out_states(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/firma_neu Sachs GmbH; sachsen; Görlitz"))
    assert "Sachsen, Görlitz" in out


def test_invite_names_the_hour_it_expires(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/einladung Zemmler"))
    assert "gültig bis Mo, 16. Februar 2026, 09:00 Uhr" in out


def test_31st_company_refused_without_pointing_to_a_missing_command(console: ConsoleBot) -> None:
    listed = texts(console.say("chef", "/firmen"))
    have = int(listed.split("(", 1)[1].split(" ", 1)[0])
    for i in range(30 - have):
        assert "angelegt" in texts(console.say("chef", f"/firma_neu Firma {i}"))
    refused = texts(console.say("chef", "/firma_neu Firma 31"))
    assert "30 Mitglieder" in refused and "nicht angelegt" in refused


def test_typo_in_command_suggests_the_closest_one(console: ConsoleBot) -> None:
    assert "Meintest du /termine?" in texts(console.say("anna", "/termin"))
    assert "Meintest du /termine?" in texts(console.say("anna", "termine"))
    assert "Meintest du" not in texts(console.say("anna", "/xyz"))
    assert "Meintest du" not in texts(console.say("anna", "/teilnehmr"))  # admins only
    assert "Meintest du /teilnehmer?" in texts(console.say("chef", "/teilnehmr"))


def test_space_after_slash_still_runs_the_command(console: ConsoleBot) -> None:
    assert "Das kann ich für dich tun" in texts(console.say("anna", "/ hilfe"))


def test_code_with_quotes_or_full_stop_still_links(console: ConsoleBot) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler; 2"))
    assert "Willkommen bei Zemmler" in texts(console.say("anna", f"/start „{code}“."))
    assert "Willkommen bei Zemmler" in texts(console.say("bert", f"/start {code.lower()}"))


def test_bare_code_without_start_links_an_unlinked_person(console: ConsoleBot) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    assert "Willkommen bei Zemmler" in texts(console.say("anna", code))
    assert "nicht verstanden" in texts(console.say("bert", "Anmelden"))  # a word, not a code


def test_bare_expired_code_is_explained(console: ConsoleBot) -> None:
    code = invite_code(console.say("chef", "/einladung Zemmler"))
    console.now("2026-02-16T09:00:00+01:00")  # 14 days later
    assert "kenne ich nicht oder er gilt nicht mehr" in texts(console.say("anna", code))
