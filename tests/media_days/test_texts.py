"""Every media day and film rule has a German answer that names the reason."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.texts import films as tf
from handlers.texts import media_days as t
from storage.errors import DomainError

DAY = date(2026, 2, 16)


@pytest.mark.parametrize(("err", "phrase"), [
    (DomainError("md_past", day=date(2026, 1, 30)), "30. Januar 2026 liegt in der Vergangenheit"),
    (DomainError("md_too_soon", day=DAY, min_days=7, earliest=DAY), "mindestens 7 Tage Vorlauf"),
    (DomainError("md_weekend", day=date(2026, 2, 22)), "Das ist ein Sonntag"),
    (DomainError("md_holiday", day=date(2026, 11, 18), state="SN", name="Buß- und Bettag"),
     "Feiertag in Sachsen (Buß- und Bettag)"),
    (DomainError("md_holiday", day=date(2026, 11, 18), state="", name="Buß- und Bettag"),
     "ist ein Feiertag (Buß- und Bettag)"),
    (DomainError("md_year_taken", year=2026), "schon einen Medientag 2026"),
    (DomainError("md_day_taken", day=DAY, free=[date(2026, 2, 17)]),
     "schon vergeben – frei wären: Di, 17. Februar 2026"),
    (DomainError("md_day_taken", day=DAY, free=[]), "schon vergeben. Bitte nenn einen anderen"),
    (DomainError("md_no_format"), "mindestens ein Format"),
    (DomainError("md_bad_wishes", max=3), "bis 3 verschiedene"),
    (DomainError("md_not_open", status="confirmed"), "nicht mehr"),
    (DomainError("md_not_found"), "finde ich nicht"),
])
def test_rule_texts_name_the_reason(err: DomainError, phrase: str) -> None:
    assert phrase in t.rule_text(err)


def test_film_rule_texts() -> None:
    assert "schon vergeben" in tf.RULES["film_group_taken"](DomainError("x", group="IT"))
    assert "Alle 8 Filme" in tf.RULES["film_full"](DomainError("x", max=8))
    assert "schon zugeordnet" in tf.RULES["film_assigned"](DomainError("x", group="IT"))


def test_user_values_are_escaped_in_the_summary() -> None:
    text = t.summary(["podcast"], [DAY], "<b>Anna</b>", "a@b.de", "x & y", {"podcast": "Podcast"})
    assert "&lt;b&gt;Anna&lt;/b&gt;" in text and "x &amp; y" in text
