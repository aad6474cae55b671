"""QA regressions for /messe found by playing held-out console scenarios."""

from __future__ import annotations

from tests.fairs.console_helpers import Messages, member, short_request
from tests.schau_rein.console_helpers import sign_up
from tests.support.console import ConsoleBot, button, texts


def test_booth_numbers_are_read_as_meant(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    member(console, "bert", "Lausitzbau")
    out = console.press("anna", button(console.say("anna", "/messe"), "Insidertreff"))
    for bad in ("2,5", "-2", "drei"):
        assert "ganze Zahl von 1 bis 30" in texts(console.say("anna", bad)), bad
    out = console.press("anna", button(console.say("anna", "2"), "Weiter"))
    console.say("anna", "10 x 10 m")  # 100 m², not 10
    out = console.say("anna", "Elektroniker")
    out = console.press("anna", button(out, "Noch keine Idee"))
    assert "Fläche: ca. 100 m²" in texts(out)
    console.press("anna", button(out, "Anfrage senden"))
    out = console.press("bert", button(console.say("bert", "/messe"), "Insidertreff"))
    out = console.press("bert", button(console.say("bert", "2"), "Weiter"))
    console.say("bert", "30")
    out = console.press("bert", button(console.say("bert", "Maurer"), "Noch keine Idee"))
    waiting = texts(console.press("bert", button(out, "Anfrage senden")))
    assert "noch 20 m²" in waiting and "Warteliste" in waiting and "voll" not in waiting
    mine = texts(console.say("anna", "/meine"))
    assert "ändern oder zurückziehen bis Fr, 10. April 2026, 23:59 Uhr (vorläufig): /messe" in mine
    console.now("2026-04-11T10:00:00+02:00")
    mine = texts(console.say("anna", "/meine"))
    assert "Insidertreff" in mine and "ändern" not in mine  # after the deadline: no false offer
    out = console.say("anna", "/messe")
    assert "Insidertreff: Sa, 9. Mai 2026, Blumenhalle Löbau (Anmeldefrist am" in texts(out)
    late = texts(console.press("anna", button(out, "Insidertreff")))
    assert "Fläche: ca. 100 m²" in late and "direkt an Mike Altmann" in late


def test_second_answers_on_the_same_clock_are_still_delivered(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    console.say("anna", "/schaurein")
    assert "Neue Schau-rein-Anmeldung" in texts(sign_up(console, "anna", "10.3."), "chef")
    console.say("anna", "/schaurein")
    again = texts(sign_up(console, "anna", "11.3."), "chef")
    assert "ersetzt die bisherige" in again and "Mi, 11. März 2026" in again
    for area in ("6", "8"):  # confirmed, changed (needs confirming again), confirmed again
        short_request(console, "anna", area)
        board = console.say("chef", "/messestand")
        out = console.press("chef", button(console.press("chef", button(board, "Bestätigen")),
                                           "Ohne Notiz"))
        assert "ist bestätigt" in texts(out, "anna")


def test_team_hears_of_changes_to_confirmed_and_of_withdrawals(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")

    def ask(area: str) -> Messages:
        return short_request(console, "anna", area)

    ask("6")
    board = console.say("chef", "/messestand")
    console.press("chef", button(console.press("chef", button(board, "Bestätigen")), "Ohne Notiz"))
    same = ask("6")  # nothing changed: stays confirmed, nobody bothered
    assert "bleibt bestätigt" in texts(same, "anna") and texts(same, "chef") == ""
    changed = ask("9")
    assert "neu" in texts(changed, "anna")
    assert "Sachsenwerk" in texts(changed, "chef") and "neu bestätigen" in texts(changed, "chef")
    out = console.press("anna", button(console.say("anna", "/messe"), "Insidertreff"))
    gone = console.press("anna", button(out, "Zurückziehen"))
    assert "zurückgezogen" in texts(gone, "anna")
    assert "Sachsenwerk" in texts(gone, "chef") and "zurückgezogen" in texts(gone, "chef")


def test_deadline_passing_mid_dialog_closes_it(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    console.now("2026-02-20T23:00:00+01:00")
    console.say("anna", "/schaurein")
    out = console.press("anna", button(console.say("anna", "10.3."), "Ja"))
    out = console.press("anna", button(console.press("anna", button(out, "Weiter")), "Ideen"))
    console.press("anna", button(out, "Weiter"))
    console.say("anna", "Schnuppertag")
    summary = console.say("anna", "Anna 0351 123456")
    console.now("2026-04-10T23:00:00+02:00")  # Schau rein closed meanwhile; the fair not yet
    late = texts(console.press("anna", button(summary, "Anmelden")))
    assert "geschlossen" in late and "Mike Altmann" in late
    out = console.press("anna", button(console.say("anna", "/messe"), "Insidertreff"))
    out = console.press("anna", button(console.say("anna", "2"), "Weiter"))
    console.say("anna", "6")
    out = console.press("anna", button(console.say("anna", "Maurer"), "Noch keine Idee"))
    console.now("2026-04-11T00:30:00+02:00")
    late = texts(console.press("anna", button(out, "Anfrage senden")))
    assert "abgelaufen" in late and "Mike Altmann" in late
    mine = texts(console.say("anna", "/meine"))
    assert "Noch offen" not in mine  # no half-finished dialog left behind


def test_a_stale_confirm_button_does_not_tell_the_company_twice(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    short_request(console, "anna", "6")
    confirm = button(console.say("chef", "/messestand"), "Bestätigen")
    first = console.press("chef", button(console.press("chef", confirm), "Ohne Notiz"))
    assert "ist bestätigt" in texts(first, "anna")
    again = console.press("chef", confirm)
    assert "schon bestätigt" in texts(again, "chef") and texts(again, "anna") == ""
