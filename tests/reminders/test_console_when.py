"""Issue 15 through the console: what follows the time is the text, and only that.

`/erinnerung morgen 14 Uhr` stored the text "Uhr", `morgen um 9` stored "9", and `Mittwoch
um 25 Uhr Bericht` was read as 09:00 with the text "25 Uhr Bericht". Now the time takes every
word that belongs to it, a missing text is asked for, and a date or time that cannot be
gets an answer that says so (the text is kept, only the time is asked for again).
"""

from __future__ import annotations

import pytest

from tests.support.console import ConsoleBot, button, texts

# The console's clock: Monday, 2 February 2026, 09:00.


@pytest.mark.parametrize(("typed", "when"), [
    ("morgen 14 Uhr", "Dienstag, 3. Februar 2026, 14:00 Uhr"),
    ("morgen um 9", "Dienstag, 3. Februar 2026, 09:00 Uhr"),
    ("morgen um 9 Uhr", "Dienstag, 3. Februar 2026, 09:00 Uhr"),
    ("Freitag abends", "Freitag, 6. Februar 2026, 18:00 Uhr"),
    ("5.3. 10:30", "Donnerstag, 5. März 2026, 10:30 Uhr"),
])
def test_a_time_alone_asks_for_the_text(console: ConsoleBot, typed: str, when: str) -> None:
    asked = texts(console.say("anna", f"/erinnerung {typed}"))
    assert f"Woran soll ich dich am {when} erinnern?" in asked, asked
    assert "passt das?" not in asked
    confirm = texts(console.say("anna", "Bericht schreiben"))
    assert f"Verstanden: {when}" in confirm and "„Bericht schreiben“" in confirm


@pytest.mark.parametrize(("typed", "when", "text"), [
    ("morgen 14 Uhr Bericht", "Dienstag, 3. Februar 2026, 14:00", "Bericht"),
    ("morgen um 9 Uhr: Bericht", "Dienstag, 3. Februar 2026, 09:00", "Bericht"),
    ("morgen 9 Uhr 3 Angebote einholen", "Dienstag, 3. Februar 2026, 09:00",
     "3 Angebote einholen"),
    ("morgen in Berlin anrufen", "Dienstag, 3. Februar 2026, 09:00", "in Berlin anrufen"),
    ("Freitag am Empfang warten", "Freitag, 6. Februar 2026, 09:00", "am Empfang warten"),
    ("in 2 Stunden Kaffee", "Montag, 2. Februar 2026, 11:00", "Kaffee"),
    # Words the date parser skips as filler belong to the text when a text follows them.
    ("morgen 10 Uhr zu Hause anrufen", "Dienstag, 3. Februar 2026, 10:00", "zu Hause anrufen"),
    ("Freitag noch Bericht schreiben", "Freitag, 6. Februar 2026, 09:00",
     "noch Bericht schreiben"),
    ("morgen 9 Uhr bitte Anna anrufen", "Dienstag, 3. Februar 2026, 09:00",
     "bitte Anna anrufen"),
    ("morgen gegen 9 rum Kaffee", "Dienstag, 3. Februar 2026, 09:00", "Kaffee"),
    # A count written as a word starts the text; it is no hour or minute.
    ("Freitag ein Angebot schreiben", "Freitag, 6. Februar 2026, 09:00",
     "ein Angebot schreiben"),
    ("morgen 9 Uhr zwei Angebote", "Dienstag, 3. Februar 2026, 09:00", "zwei Angebote"),
    ("morgen acht Bewerbungen lesen", "Dienstag, 3. Februar 2026, 09:00",
     "acht Bewerbungen lesen"),
    ("morgen halb acht Bericht", "Dienstag, 3. Februar 2026, 07:30", "Bericht"),
    ("morgen um acht Bericht", "Dienstag, 3. Februar 2026, 08:00", "Bericht"),
])
def test_everything_after_the_time_is_the_text(
    console: ConsoleBot, typed: str, when: str, text: str
) -> None:
    asked = texts(console.say("anna", f"/erinnerung {typed}"))
    assert f"Verstanden: {when} Uhr" in asked and f"Erinnerung: „{text}“" in asked, asked


@pytest.mark.parametrize(("typed", "says", "text"), [
    ("Mittwoch um 25 Uhr Bericht", "„Mittwoch um 25 Uhr“: Diese Uhrzeit gibt es nicht",
     "Bericht"),
    ("morgen 24:30 Kammer anrufen", "„morgen 24:30“: Diese Uhrzeit gibt es nicht",
     "Kammer anrufen"),
    ("Freitag 14:75 Bericht", "„Freitag 14:75“: Diese Uhrzeit gibt es nicht", "Bericht"),
    ("31.4. Bericht", "„31.4.“: Dieses Datum gibt es nicht", "Bericht"),
    ("29.2.2027 10 Uhr Bericht", "„29.2.2027 10 Uhr“: Dieses Datum gibt es nicht",
     "Bericht"),
    ("Do, 4.2. Bericht", "„Do, 4.2.“ passt nicht zusammen", "Bericht"),
    ("31. Februar Bericht", "„31. Februar“: Dieses Datum gibt es nicht", "Bericht"),
    ("am 30. Februar um 10 Uhr Kammer anrufen",
     "„am 30. Februar um 10 Uhr“: Dieses Datum gibt es nicht", "Kammer anrufen"),
])
def test_an_impossible_date_or_time_is_named_and_the_text_kept(
    console: ConsoleBot, typed: str, says: str, text: str
) -> None:
    answer = texts(console.say("anna", f"/erinnerung {typed}"))
    assert says in answer, answer
    assert f"Wann soll ich dich an „{text}“ erinnern?" in answer
    assert "passt das?" not in answer
    confirm = console.say("anna", "Mittwoch 10 Uhr")
    assert "Mittwoch, 4. Februar 2026, 10:00 Uhr" in texts(confirm)
    done = texts(console.press("anna", button(confirm, "Ja")))
    assert f"„{text}“" in done


def test_an_impossible_time_typed_in_the_dialog_is_named(console: ConsoleBot) -> None:
    console.say("anna", "/erinnerung irgendwann Bericht")
    answer = texts(console.say("anna", "morgen 25 Uhr"))
    assert "„morgen 25 Uhr“: Diese Uhrzeit gibt es nicht" in answer
    assert "Wann soll ich dich an „irgendwann Bericht“ erinnern?" in answer
    assert "Dienstag, 3. Februar 2026, 11:00 Uhr" in texts(console.say("anna", "morgen 11 Uhr"))
