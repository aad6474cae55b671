"""A typed yes at "passt das?" of a wished day is read like the button (QA finding).

"ja, passt" and "Ja bitte" were answered "Dieses Datum habe ich leider nicht verstanden".
"""

from __future__ import annotations

import pytest

from handlers.core.answers import yes_or_no
from tests.media_days.helpers import join, open_booking
from tests.support.console import ConsoleBot, texts


@pytest.mark.parametrize(("typed", "answer"), [
    ("Ja!", "yes"), ("ja, passt", "yes"), ("Ja bitte", "yes"), ("ok", "yes"), ("j", "yes"),
    ("nein danke", "no"), ("Nö.", "no"), ("ja, aber lieber Dienstag", None),
    ("passt nicht", None), ("16.3.", None), ("ja nein", None),
])
def test_yes_or_no(typed: str, answer: str | None) -> None:
    assert yes_or_no(typed) == answer


def test_a_typed_yes_keeps_the_wished_day(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    open_booking(console, "anna")
    console.say("anna", "16.3.")
    out = texts(console.say("anna", "ja, passt"))
    assert "Wunschtermin 2" in out and "Bisher: Mo, 16. März 2026" in out, out
    console.say("anna", "17.3.")
    out = texts(console.say("anna", "Nein danke"))
    assert "nicht verstanden" not in out and "Bisher: Mo, 16. März 2026" in out, out
    assert "17. März" not in out
