"""Acceptance QA of media days: what console scenarios tripped over."""

from __future__ import annotations

from tests.media_days.helpers import book_confirmed, finish, join, open_booking
from tests.support.console import ConsoleBot, button, texts


def test_taken_day_offers_the_next_free_days_as_buttons(console: ConsoleBot) -> None:
    book_confirmed(console, "anna", "Pragma", "16.3.", "✓ Mo, 16. März 2026")
    join(console, "ben", "EMIS")
    open_booking(console, "ben", "Brandenburg")
    out = console.say("ben", "16.3.")
    assert "schon vergeben – frei wären: Di, 17. März 2026" in texts(out)
    out = console.press("ben", button(out, "Di, 17. März 2026"))
    assert "Wunschtermin 2" in texts(out) and "Bisher: Di, 17. März 2026" in texts(out)


def test_typed_fertig_and_keine_work_like_the_buttons(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    open_booking(console, "anna")
    assert "mindestens einen Wunschtermin" in texts(console.say("anna", "fertig"))
    console.say("anna", "16.3.")
    assert "Wunschtermin 2" in texts(console.say("anna", "ok"))
    assert "Ansprechperson" in texts(console.say("anna", "Fertig"))
    console.say("anna", "Anna Muster")
    console.say("anna", "anna@example.org")
    summary = texts(console.say("anna", "keine"))
    assert "Notiz: –" in summary and "Anfrage senden" not in summary  # a button, not text


def test_change_can_keep_the_previous_wishes(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    open_booking(console, "anna")
    console.press("anna", button(console.say("anna", "16.3."), "Ja"))
    console.press("anna", button(console.say("anna", "17.3."), "Ja"))
    console.say("anna", "fertig")
    finish(console, "anna")
    out = console.press("anna", button(console.say("anna", "/medientag"), "ändern"))
    out = console.press("anna", button(out, "Weiter"))
    out = console.press("anna", button(out, "Wie bisher: Mo, 16. März 2026; Di, 17. März 2026"))
    out = console.press("anna", button(out, "Wie bisher: Anna Muster"))
    summary = texts(console.say("anna", "Zwei Azubis Mechatronik"))
    assert "Wunschtermine: Mo, 16. März 2026; Di, 17. März 2026" in summary
    assert "Notiz: Zwei Azubis Mechatronik" in summary


def test_proposal_refuses_a_bad_day_before_the_echo(console: ConsoleBot) -> None:
    book_confirmed(console, "anna", "Pragma", "16.3.", "✓ Mo, 16. März 2026")
    join(console, "ben", "EMIS")
    open_booking(console, "ben", "Brandenburg")
    console.press("ben", button(console.say("ben", "18.3."), "Ja"))
    console.say("ben", "fertig")
    finish(console, "ben")
    cards = console.say("chef", "/medientage")
    console.press("chef", button(cards, "Anderen Tag vorschlagen"))
    out = texts(console.say("chef", "Sa 21.3."))
    assert "Samstag" in out and "Welchen Tag schlägst du EMIS vor?" in out
    out = texts(console.say("chef", "16.3."))
    assert "schon vergeben" in out and "Welchen Tag" in out
    assert "passt das?" in texts(console.say("chef", "19.3."))
    sent = console.say("chef", "ja")
    assert "Do, 19. März 2026" in texts(sent, to="ben") and "Vorschlag" in texts(sent, to="chef")


def test_a_move_wish_keeps_the_day_in_the_confirmed_list(console: ConsoleBot) -> None:
    book_confirmed(console, "anna", "Pragma", "16.3.", "✓ Mo, 16. März 2026")
    console.press("anna", button(console.say("anna", "/medientag"), "Verschiebung"))
    console.press("anna", button(console.say("anna", "23.3."), "Ja"))
    console.press("anna", button(console.say("anna", "fertig"), "senden"))
    view = texts(console.say("chef", "/medientage"))
    assert "1 bestätigt" in view
    assert "Mo, 16. März 2026: Pragma – Fotos (Verschiebung angefragt)" in view
    assert "möchte den Mo, 16. März 2026 verschieben" in view


def test_offered_days_refuse_weekends_and_common_holidays(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/medientag_tage 14.2., 17.2."))
    assert "Kein Werktag" in out and "Sa, 14. Februar 2026" in out and "nichts" in out
    assert "Mo, 6. April 2026" in texts(console.say("chef", "/medientag_tage 6.4."))
    assert "Noch keine Tage angeboten" in texts(console.say("chef", "/medientag_tage"))
    ok = texts(console.say("chef", "/medientag_tage 17.2., 18.11."))
    assert "Angeboten: Di, 17. Februar 2026; Mi, 18. November 2026" in ok  # holiday in SN only


def test_old_request_button_shows_the_colleagues_request(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    join(console, "carl", "Pragma")
    stale = console.say("carl", "/medientag")
    open_booking(console, "anna")
    console.press("anna", button(console.say("anna", "16.3."), "Ja"))
    console.say("anna", "fertig")
    finish(console, "anna")
    out = console.press("carl", button(stale, "anfragen"))
    assert "schon einen Medientag angefragt oder bestätigt" in texts(out)
    assert "Medientag: angefragt" in texts(out)
    assert "Was soll entstehen?" not in texts(out)


def test_old_card_does_not_open_the_decline_dialog(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    open_booking(console, "anna")
    console.press("anna", button(console.say("anna", "16.3."), "Ja"))
    console.say("anna", "fertig")
    finish(console, "anna")
    cards = console.say("chef", "/medientage")
    console.press("chef", button(cards, "✓ Mo, 16. März 2026"))
    out = texts(console.press("chef", button(cards, "Absagen")))
    assert "geht bei diesem Medientag nicht mehr" in out and "Warum" not in out


def test_bad_reach_says_how_to_write_it(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    open_booking(console, "anna")
    console.say("anna", "16.3.")
    console.say("anna", "ja")
    console.say("anna", "fertig")
    console.say("anna", "Anna Muster")
    out = texts(console.say("anna", "weiß ich nicht"))
    assert "„0355 123456“ oder „name@firma.de“" in out and "Wie erreichen wir" in out
    out = texts(console.say("anna", "Anna Muster"))  # a name alone is no way to reach her
    assert "keine Telefonnummer und keine E-Mail-Adresse" in out and "Wie erreichen wir" in out
    assert "Notiz" in texts(console.say("anna", "Tel. 0355 123456"))


def test_card_marks_a_wish_another_company_got(console: ConsoleBot) -> None:
    for who, name in (("anna", "Pragma"), ("ben", "EMIS")):
        join(console, who, name)
        open_booking(console, who)
        console.say(who, "16.3.")
        console.say(who, "ja")
        if who == "anna":
            console.say(who, "17.3.")
            console.say(who, "ja")
        console.say(who, "fertig")
        finish(console, who)
    cards = console.say("chef", "/medientage")
    emis = next(m for m in cards if m["text"].startswith("<b>EMIS</b>") or "EMIS (" in m["text"])
    console.press("chef", button([emis], "✓ Mo, 16. März 2026"))
    pragma = [m for m in console.say("chef", "/medientage") if "Pragma (" in m["text"]]
    assert "Schon an eine andere Firma vergeben: Mo, 16. März 2026" in texts(pragma)
    labels = [b["label"] for b in pragma[0]["buttons"]]
    assert "✓ Mo, 16. März 2026" not in labels and "✓ Di, 17. März 2026" in labels


def test_offered_days_may_be_separated_by_spaces_or_und(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/medientag_tage 3.2. 10.2. 17.2."))
    assert "Angeboten: Di, 3. Februar 2026; Di, 10. Februar 2026; Di, 17. Februar 2026" in out
    out = texts(console.say("chef", "/medientag_tage Di 10.3. und Do 12.3."))
    assert "Angeboten: Di, 10. März 2026; Do, 12. März 2026" in out


def test_typed_formats_understand_singular_and_alles(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    out = console.press("anna", button(console.say("anna", "/medientag"), "anfragen"))
    console.press("anna", button(out, "Sachsen"))
    assert "Wunschtermin 1" in texts(console.say("anna", "Podcast und ein Foto"))
    console.say("anna", "abbrechen")
    console.press("anna", button(console.say("anna", "/medientag"), "anfragen"))
    console.say("anna", "alles")
    console.say("anna", "16.3.")
    console.say("anna", "ja")
    console.say("anna", "fertig")
    console.say("anna", "Anna")
    console.say("anna", "anna@example.org")
    summary = texts(console.say("anna", "keine"))
    assert "Formate: Podcast, Social-Media-Clips, Fotos" in summary


def test_a_confirmed_offered_day_does_not_break_other_companies_booking(
    console: ConsoleBot,
) -> None:
    """Issue 15: once the team confirmed an offered day for one company, every other company
    that opened /medientag (the monthly nudge sends them there) got the generic apology."""
    join(console, "anna", "Pragma")
    join(console, "ben", "EMIS")
    console.say("chef", "/medientag_tage 16.2., 17.2.")
    out = open_booking(console, "anna")
    out = console.press("anna", button(out, "Mo, 16. Februar 2026"))
    console.press("anna", button(out, "Fertig"))
    finish(console, "anna")
    done = console.press("chef", button(console.say("chef", "/medientage"), "✓ Mo, 16. Feb"))
    assert "Medientag bestätigt" in texts(done, to="anna")
    nudged = console.now("2026-03-02T09:00:00+01:00")
    assert "noch keinen Medientag" in texts(nudged, to="ben")
    assert "noch keinen Medientag" not in texts(nudged, to="anna")  # Pragma has its day
    out = open_booking(console, "ben", "Brandenburg")
    assert "schiefgegangen" not in texts(out)
    assert "Wunschtermin 1" in texts(out)
    assert "16. Februar" not in texts(out)  # taken (and past by now): not offered


def test_the_taken_offered_day_is_not_offered_while_it_lies_ahead(console: ConsoleBot) -> None:
    """Issue 15, before the day: the free offered day stays a button, the taken one goes."""
    join(console, "anna", "Pragma")
    join(console, "ben", "EMIS")
    console.say("chef", "/medientag_tage 16.2., 17.2.")
    out = open_booking(console, "anna")
    console.press("anna", button(console.press("anna", button(out, "Mo, 16. Februar 2026")),
                                 "Fertig"))
    finish(console, "anna")
    console.press("chef", button(console.say("chef", "/medientage"), "✓ Mo, 16. Feb"))
    out = open_booking(console, "ben", "Brandenburg")
    labels = [b["label"] for m in out for b in m.get("buttons", [])]
    assert "Di, 17. Februar 2026" in labels and "Mo, 16. Februar 2026" not in labels
    out = console.say("ben", "16.2.")  # typed anyway: told it is taken, the next free days
    assert "schon vergeben – frei wären: Di, 17. Februar 2026" in texts(out)
    out = console.press("ben", button(out, "Di, 17. Februar 2026"))
    assert "Bisher: Di, 17. Februar 2026" in texts(out)


def test_an_impossible_wished_day_is_named(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    open_booking(console, "anna")
    refused = texts(console.say("anna", "31.2."))
    assert "„31.2.“: Dieses Datum gibt es nicht im Kalender" in refused, refused
    assert "passt das?" in texts(console.say("anna", "16.2."))  # the step stays open
