"""Acceptance QA of media days and the film series: what console scenarios tripped over."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, invite_code, texts


def join(console: ConsoleBot, who: str, company: str) -> None:
    code = invite_code(console.say("chef", f"/einladung {company}"))
    console.say(who, f"/start {code}")


def open_booking(console: ConsoleBot, who: str, state: str = "Sachsen") -> list[dict]:
    """Open the booking dialog, choose Fotos and go to the first wish."""
    out = console.press(who, button(console.say(who, "/medientag"), "anfragen"))
    if "Bundesland" in texts(out):
        out = console.press(who, button(out, state))
    out = console.press(who, button(out, "Fotos"))
    return console.press(who, button(out, "Weiter"))


def finish(console: ConsoleBot, who: str) -> list[dict]:
    """Answer contact, reach and note, then send."""
    console.say(who, "Anna Muster")
    out = console.say(who, "0355 123456")
    return console.press(who, button(console.press(who, button(out, "Keine Notiz")), "senden"))


def book_confirmed(console: ConsoleBot, who: str, company: str, wish: str, label: str) -> None:
    join(console, who, company)
    open_booking(console, who)
    console.press(who, button(console.say(who, wish), "Ja"))
    console.say(who, "fertig")
    finish(console, who)
    console.press("chef", button(console.say("chef", "/medientage"), label))


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


def test_film_interest_text_has_one_full_stop(console: ConsoleBot) -> None:
    console.say("chef", "/firma_neu Neue Firma; SN; Görlitz")
    join(console, "dora", "Neue Firma")
    film = console.say("dora", "/film")
    console.press("dora", button(film, "Metall"))
    console.say("dora", "Industriemechaniker/in, 3,5 Jahre.")
    own = texts(console.say("dora", "/film"))
    assert "3,5 Jahre. Ändern geht" in own and ".." not in own


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


def test_film_group_taken_meanwhile_is_refused_before_the_description(
    console: ConsoleBot,
) -> None:
    for who, name in (("x", "Alpha GmbH"), ("y", "Beta GmbH")):
        console.say("chef", f"/firma_neu {name}; BB; Cottbus")
        join(console, who, name)
    stale = console.say("y", "/film")
    console.press("x", button(console.say("x", "/film"), "IT & Digitales"))
    console.say("x", "Fachinformatiker/in")
    out = texts(console.press("y", button(stale, "IT & Digitales")))
    assert "schon vergeben" in out and "/film" in out and "Beschreib" not in out


def test_bad_reach_says_how_to_write_it(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    open_booking(console, "anna")
    console.say("anna", "16.3.")
    console.say("anna", "ja")
    console.say("anna", "fertig")
    console.say("anna", "Anna Muster")
    out = texts(console.say("anna", "weiß ich nicht"))
    assert "„0355 123456“ oder „name@firma.de“" in out and "Wie erreichen wir" in out


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
