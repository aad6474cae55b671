"""Free text inside a dialog (issue 15), end to end through the console.

Rules of the dialog machinery, so they hold in every dialog: help, greetings and thanks are
never read as the step's answer; a number step asks back when more than one count is mixed
in; a step asking for a phone number or e-mail refuses an answer without one. Nothing typed
before is lost, and the dialog goes on from the same question.
"""

from __future__ import annotations

import pytest

from handlers.core import texts as core_t
from handlers.core.answers import has_reach, is_acknowledgement, small_talk, unclear_number
from tests.fairs.console_helpers import member
from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts

STEP_HELP = "Du bist gerade bei Medientag anfragen."


@pytest.mark.parametrize(("typed", "talk"), [
    ("hilfe", "help"), ("Hilfe!", "help"), ("?", "help"), ("was soll ich tun?", "help"),
    ("hallo", "hello"), ("Moin!", "hello"), ("Guten Morgen", "hello"),
    ("danke 👍", "thanks"), ("👍", "thanks"), ("Vielen Dank!", "thanks"),
    ("Bericht", None), ("ok", None), ("-", None), ("–", None), ("...", None),
    ("16.3.", None), ("Anna Muster", None),
])
def test_small_talk_is_recognised(typed: str, talk: str | None) -> None:
    assert small_talk(typed) == talk


@pytest.mark.parametrize(("typed", "unclear"), [
    ("4", False), ("2 Personen", False), ("ca. 6 m²", False), ("3 x 2 m", False),
    ("12,5", False), ("-2", False), ("3 Azubis + ich", True), ("2-3", True), ("3 und ich", True),
    ("2 plus Chefin", True), ("4 oder 5", True), ("mit mir 3", True),
])
def test_a_number_mixed_with_other_counts_is_unclear(typed: str, unclear: bool) -> None:
    assert unclear_number(typed) is unclear


@pytest.mark.parametrize(("typed", "reach"), [
    ("Anna Muster", False), ("Anna 12345", False), ("Anna, 0355 123456", True),
    ("anna@firma.de", True), ("Anna (Tel. +49 171/1234567)", True),
])
def test_reach_needs_a_phone_number_or_an_email(typed: str, reach: bool) -> None:
    assert has_reach(typed) is reach


@pytest.mark.parametrize(("typed", "ack"), [
    ("ok", True), ("Okay!", True), ("alles klar", True), ("Passt.", True), ("ok 👍", True),
    ("ok, aber mehr Praktika", False), ("Azubi-Tag im Sommer", False), ("Gutscheine", False),
])
def test_an_acknowledgement_is_told_from_prose(typed: str, ack: bool) -> None:
    assert is_acknowledgement(typed) is ack


def test_help_greetings_and_thanks_mid_dialog_keep_the_question(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    out = console.press("anna", button(console.say("anna", "/medientag"), "anfragen"))
    console.press("anna", button(out, "Sachsen"))
    out = texts(console.say("anna", "hallo"))  # at the formats step: not "kein Format"
    assert "Hallo! 👋 Wir sind gerade bei Medientag anfragen" in out
    assert "mindestens ein Format" not in out and "Was soll entstehen" in out
    out = texts(console.say("anna", "danke 👍"))
    assert "Gern! 🙂" in out and "mindestens ein Format" not in out
    out = texts(console.say("anna", "hilfe"))
    assert STEP_HELP in out and "Was soll entstehen" in out
    out = texts(console.say("anna", "   "))  # an empty message: the question again
    assert "leere Nachricht" in out and "Was soll entstehen" in out, out
    out = console.say("anna", "/hilfe")  # the command, too: help for this question
    assert STEP_HELP in texts(out) and "/termine" not in texts(out)
    assert "Noch offen" not in texts(out)  # the question itself was asked again
    every = texts(console.say("anna", "/hilfe alle"))
    assert "/termine" in every and "Noch offen: Medientag anfragen" in every
    out = console.press("anna", button(console.say("anna", "/weiter"), "Fotos"))
    out = console.press("anna", button(out, "Weiter"))
    assert "Wunschtermin 1" in texts(out)  # the chosen format was kept through it all
    out = texts(console.say("anna", "Guten Morgen"))
    assert "Wunschtermin 1" in out and "nicht verstanden" not in out.lower()
    assert "Hallo! 👋 Womit kann ich helfen?" in texts(console.say("ben", "hallo"))  # no dialog


def test_schau_rein_contact_needs_a_number_or_email(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    console.say("anna", "/schaurein")
    out = console.press("anna", button(console.say("anna", "10.3."), "Ja"))
    out = console.press("anna", button(console.press("anna", button(out, "Weiter")), "Ideen"))
    console.press("anna", button(out, "Weiter"))
    console.say("anna", "Schnuppertag")
    out = texts(console.say("anna", "Anna Muster"))
    assert core_t.REACH_MISSING in out and "Ansprechperson" in out
    out = console.say("anna", "Anna Muster, anna@sachsenwerk.de")
    assert "Schnuppertag" in texts(out)  # the summary: nothing typed before was lost
    assert "angemeldet" in texts(console.press("anna", button(out, "Anmelden")))


def test_a_number_with_words_is_asked_back_not_read_as_the_first(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    out = console.press("anna", button(console.say("anna", "/messe"), "Insidertreff"))
    if "An welchem Tag" in texts(out):
        console.press("anna", button(out, "Alle Tage"))
    out = texts(console.say("anna", "3 Azubis + ich"))
    assert "„3 Azubis + ich“ – welche Zahl meinst du genau?" in out
    assert "Mit wie vielen Personen" in out  # asked again, nothing stored
    out = console.say("anna", "4")
    out = console.press("anna", button(out, "Weiter"))
    assert "welche Zahl" in texts(console.say("anna", "6-8 m²"))
    console.say("anna", "3 x 2 m")
    out = console.press("anna", button(console.say("anna", "Maurer"), "Noch keine Idee"))
    assert "Personen: 4" in texts(out) and "6 m²" in texts(out)
