"""Every media day rule has a German answer that names the reason; none is the apology."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.clock import ManualClock
from handlers import build_router
from handlers.core import Services
from handlers.core.actions import Signer
from handlers.media_days import texts as t
from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError

DAY = date(2026, 2, 16)
REPO = Path(__file__).resolve().parents[2]
RAISED = re.compile(r'DomainError\(\s*"(\w+)"')


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


def test_user_values_are_escaped_in_the_summary() -> None:
    text = t.summary(["podcast"], [DAY], "<b>Anna</b>", "a@b.de", "x & y", {"podcast": "Podcast"})
    assert "&lt;b&gt;Anna&lt;/b&gt;" in text and "x &amp; y" in text


def raised_codes(*folders: str) -> set[str]:
    """Return every DomainError code the storage modules in `folders` can raise."""
    return {code for folder in folders for path in (REPO / folder).glob("*.py")
            for code in RAISED.findall(path.read_text("utf-8"))}


def test_every_refusal_of_media_days_and_films_has_a_german_answer(
    catalogue: Catalogue, clock: ManualClock,
) -> None:
    """No domain error of these features reaches a person as the generic apology."""
    services = Services(db=Database("sqlite+aiosqlite:///:memory:"), clock=clock,
                        catalogue=catalogue, admin_keys=frozenset(), signer=Signer(b"k"))
    codes = raised_codes("storage/media_days", "storage/films")
    assert {"md_day_taken", "md_year_taken", "film_group_taken", "film_not_held"} <= codes
    assert codes <= build_router(services).error_codes()
