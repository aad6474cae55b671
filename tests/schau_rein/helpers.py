"""Test helpers for Schau rein: the programme, a sign-up and a withdrawal in units of their own."""

from __future__ import annotations

from datetime import date, datetime

from storage.db import Database
from storage.schau_rein import Programme, SchauReinSignup, Support, service
from tests.fairs.helpers import BERLIN, NOW, company

__all__ = ["BERLIN", "NOW", "PROGRAMME", "company", "sign", "withdraw"]

PROGRAMME = Programme(
    key="schau-rein-2026", title="Schau rein!", first_day=date(2026, 3, 9),
    last_day=date(2026, 3, 14), state="SN", deadline=datetime(2026, 2, 20, 23, 59, tzinfo=BERLIN),
    support=(Support("ideen", "Ideen"), Support("social", "Social Media"),
             Support("medien", "Mediale Begleitung")),
)


async def sign(db: Database, company_id: int, days: list[date], now: datetime = NOW,
               support: tuple[str, ...] = ("ideen", "medien")) -> tuple[SchauReinSignup, bool]:
    """Sign a company up (or replace its sign-up)."""
    async with db.unit() as s:
        return await service.sign_up(
            s, programme=PROGRAMME, company_id=company_id, person_id=None, days=days,
            support=list(support), description="Werkstatt-Rallye", contact="Anna, 0351 1",
            now=now,
        )


async def withdraw(db: Database, company_id: int, now: datetime = NOW) -> SchauReinSignup | None:
    """Withdraw a company's sign-up."""
    async with db.unit() as s:
        return await service.withdraw(s, programme=PROGRAMME, company_id=company_id, now=now)
