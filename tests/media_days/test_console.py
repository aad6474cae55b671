"""End to end through the console: booking a media day, the team confirming, reminders, nudges."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.media_days.helpers import book, join
from tests.support.console import ConsoleBot, button, texts


def test_book_confirm_tell_and_remind(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    sent = book(console, "anna", "16.2.")
    assert "angefragt" in texts(sent, to="anna")
    assert "Neue Medientag-Anfrage von Pragma" in texts(sent, to="chef")
    view = console.say("chef", "/medientage")
    assert "10 Firmen ohne Termin" in texts(view)
    assert "Pragma" in texts(view) and "Mo, 16. Februar 2026" in texts(view)
    done = console.press("chef", button(view, "✓ Mo, 16. Februar 2026"))
    assert "Medientag bestätigt" in texts(done, to="anna")
    assert "Bestätigt: Pragma" in texts(done, to="chef")
    assert "bestätigt für Mo, 16. Februar 2026" in texts(console.say("anna", "/medientag"))
    week = console.now("2026-02-09T10:00:00+01:00")
    assert "Medientag in 7 Tagen" in texts(week, to="anna") and "Checkliste" in texts(week)
    day = console.now("2026-02-15T12:00:00+01:00")
    assert "Medientag morgen" in texts(day, to="anna")
    assert "Podcast, Fotos" in texts(day)
    console.now("2026-02-17T09:00:00+01:00")
    assert "Medientag: erledigt" in texts(console.say("anna", "/medientag"))
    assert "Medientag" in texts(console.say("anna", "/meine"))


def test_taken_day_offers_other_days_and_rules_are_explained(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    join(console, "ben", "EMIS")
    book(console, "anna", "16.2.")
    console.press("chef", button(console.say("chef", "/medientage"), "✓ Mo, 16. Februar"))
    out = console.press("ben", button(console.say("ben", "/medientag"), "anfragen"))
    out = console.press("ben", button(out, "Brandenburg"))
    out = console.press("ben", button(console.press("ben", button(out, "Clips")), "Weiter"))
    taken = texts(console.say("ben", "16.2."))
    assert "schon vergeben – frei wären: Di, 17. Februar 2026" in taken
    assert "Das ist ein Samstag – der Medientag geht nur an Werktagen." in texts(
        console.say("ben", "21.2."))
    assert "liegt in der Vergangenheit" in texts(console.say("ben", "30.1.2026"))
    assert "mindestens 7 Tage Vorlauf" in texts(console.say("ben", "5.2."))
    assert "Feiertag in Brandenburg (Ostermontag)" in texts(console.say("ben", "6.4."))
    assert "passt das?" in texts(console.say("ben", "17.2."))


def test_offered_days_are_buttons_and_propose_accept(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    assert "Angeboten" in texts(console.say("chef", "/medientag_tage 3.2., 23.2., 2.3."))
    out = console.press("anna", button(console.say("anna", "/medientag"), "anfragen"))
    out = console.press("anna", button(out, "Sachsen"))
    out = console.press("anna", button(console.press("anna", button(out, "Fotos")), "Weiter"))
    assert "Di, 3. Februar" not in texts(out)  # too soon, so not offered
    out = console.press("anna", button(out, "Mo, 23. Februar 2026"))
    assert "Bisher: Mo, 23. Februar 2026" in texts(out)
    out = console.press("anna", button(out, "Fertig"))
    out = console.say("anna", "Anna")
    out = console.say("anna", "0171 1234567")
    console.press("anna", button(console.say("anna", "Zwei Azubis"), "senden"))
    card = console.say("chef", "/medientage")
    out = console.press("chef", button(card, "Anderen Tag vorschlagen"))
    out = console.press("chef", button(console.say("chef", "2.3."), "Ja"))
    assert "schlägt für euren Medientag den Mo, 2. März 2026 vor" in texts(out, to="anna")
    accepted = console.press("anna", button(out, "Vorschlag passt"))
    assert "Medientag bestätigt" in texts(accepted, to="anna")
    assert "Vorschlag angenommen" in texts(accepted, to="chef")


def test_change_withdraw_and_decline(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    join(console, "ben", "Pragma")
    book(console, "anna", "16.2.", "17.2.")
    withdrawn = console.press("ben", button(console.say("ben", "/medientag"), "zurückziehen"))
    assert "zurückgezogen" in texts(withdrawn, to="ben")
    assert "zurückgezogen" in texts(withdrawn, to="chef")
    assert "ben hat eure Medientag-Anfrage zurückgezogen" in texts(withdrawn, to="anna")
    book(console, "anna", "18.2.")
    out = console.press("chef", button(console.say("chef", "/medientage"), "Absagen"))
    out = console.say("chef", "Das Team ist im Februar ausgebucht")
    assert "abgesagt: Das Team ist im Februar ausgebucht" in texts(out, to="anna")


def test_monthly_nudge_and_opt_out(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    join(console, "ben", "EMIS")
    book(console, "ben", "16.2.")
    assert "Zuletzt erinnert: noch niemand" in texts(console.say("chef", "/medientage"))
    march = console.now("2026-03-02T09:01:00+01:00")
    assert "noch keinen Medientag" in texts(march, to="anna")
    assert "Medientag" not in texts(march, to="ben")  # EMIS has asked already
    off = console.press("anna", button(march, "Keine Erinnerungen mehr"))
    assert "keine monatlichen" in texts(off)
    view = texts(console.say("chef", "/medientage"))
    assert "Zuletzt erinnert: anna (Pragma" in view
    april = console.now("2026-04-01T10:00:00+02:00")
    assert "noch keinen Medientag" not in texts(april, to="anna")


def test_export(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    book(console, "anna", "16.2.")
    out = console.say("chef", "/export medientage")
    csv = Path(out[0]["file"]["path"]).read_bytes().decode("utf-8-sig")
    assert "Firma;Land;Status;Termin;Wunschtermin;Formate" in csv
    assert "Zemmler" in csv and "angefragt" in csv and ";16.02.2026;" in csv
    assert out[1]["file"]["name"].endswith(".xlsx")
    sheet = load_workbook(out[1]["file"]["path"]).active
    assert sheet["E1"].value == "Wunschtermin" and sheet["E2"].is_date  # a date cell, not text


def test_nudges_recur_monthly_without_anyone_asking(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")  # Brandenburg
    march = console.now("2026-03-02T09:30:00+01:00")
    assert "noch keinen Medientag" in texts(march, to="anna")
    april = console.now("2026-04-01T09:30:00+02:00")
    assert "noch keinen Medientag" in texts(april, to="anna")
    may = console.now("2026-05-01T12:00:00+02:00")  # 1 May is a holiday: the 4th instead
    assert "noch keinen Medientag" not in texts(may, to="anna")
    assert "noch keinen Medientag" in texts(console.now("2026-05-04T09:30:00+02:00"), to="anna")


def test_change_request_then_move_confirmed_day(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    book(console, "anna", "16.2.")
    out = console.press("anna", button(console.say("anna", "/medientag"), "ändern"))
    assert "Gewählt: Podcast, Fotos" in texts(out)
    out = console.press("anna", button(out, "Weiter"))
    out = console.press("anna", button(console.say("anna", "18.2."), "Ja"))
    out = console.press("anna", button(out, "Fertig"))
    out = console.press("anna", button(out, "Wie bisher"))
    out = console.press("anna", button(out, "Keine Notiz"))
    assert "Wunschtermine: Mi, 18. Februar 2026" in texts(out)
    changed = console.press("anna", button(out, "senden"))
    assert "Medientag-Anfrage geändert" in texts(changed, to="chef")
    console.press("chef", button(console.say("chef", "/medientage"), "✓ Mi, 18. Februar"))
    out = console.press("anna", button(console.say("anna", "/medientag"), "Verschiebung"))
    out = console.press("anna", button(console.say("anna", "25.2."), "Ja"))
    out = console.press("anna", button(out, "Fertig"))
    assert "Verschieben auf einen dieser Tage: Mi, 25. Februar 2026" in texts(out)
    moved = console.press("anna", button(out, "senden"))
    assert "möchte den Medientag (Mi, 18. Februar 2026) verschieben" in texts(moved, to="chef")
    assert "Verschiebung angefragt" in texts(console.say("anna", "/medientag"))
    card = console.say("chef", "/medientage")
    done = console.press("chef", button(card, "✓ Mi, 25. Februar"))
    assert "Montag" not in texts(done, to="anna") and "25. Februar 2026" in texts(done, to="anna")
    week = console.now("2026-02-18T10:00:00+01:00")  # the old day's reminders are gone
    assert "Medientag in 7 Tagen – am Mi, 25. Februar 2026" in texts(week, to="anna")
    assert "18. Februar" not in texts(week, to="anna")


def test_new_request_goes_to_the_media_day_contact_when_set(tmp_path: Path) -> None:
    shipped = (Path(__file__).resolve().parents[2] / "data" / "catalogue.toml").read_text("utf-8")
    own = shipped.replace('medientag = { name = "Annett", email = "altmann@lausitz-matrix.de", '
                          'admin = "" }', 'medientag = { name = "Annett", email = "a@example.org",'
                          ' admin = "console:annett" }')
    assert own != shipped
    path = tmp_path / "catalogue.toml"
    path.write_text(own, "utf-8")
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00", admins="console:chef",
                     env={"CATALOGUE": str(path)})
    try:
        bot.say("annett", "/start")
        join(bot, "anna", "Pragma")
        sent = book(bot, "anna", "16.2.")
        assert "Neue Medientag-Anfrage von Pragma" in texts(sent, to="annett")
        assert not texts(sent, to="chef")
    finally:
        bot.stop()
