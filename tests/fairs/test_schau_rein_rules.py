"""Schau rein: Saxony only, days within the week, deadline, one sign-up per company; state."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from storage import companies, schau_rein
from storage.db import Database
from storage.errors import DomainError
from tests.fairs.helpers import BERLIN, NOW, company

WEEK = dict(programme="schau-rein-2026", state="SN", first_day=date(2026, 3, 9),
            last_day=date(2026, 3, 14), deadline=datetime(2026, 2, 20, 23, 59, tzinfo=BERLIN))


async def sign(db: Database, company_id: int, days: list[date], now: datetime = NOW,
               support: tuple[str, ...] = ("ideen", "medien")) -> tuple[object, bool]:
    return await schau_rein.sign_up(
        db, **WEEK, company_id=company_id, person_id=None, days=days, support=list(support),
        description="Werkstatt-Rallye", contact="Anna, 0351 1", now=now,
    )  # type: ignore[arg-type]


async def test_saxon_company_signs_up_and_a_second_sign_up_replaces(db: Database) -> None:
    sn = await company(db, "Sachsenwerk", "SN")
    row, replaced = await sign(db, sn, [date(2026, 3, 11), date(2026, 3, 9), date(2026, 3, 9)])
    assert not replaced and row.days == ["2026-03-09", "2026-03-11"]  # type: ignore[attr-defined]
    row, replaced = await sign(db, sn, [date(2026, 3, 12)], support=("social",))
    assert replaced and row.support == ["social"]  # type: ignore[attr-defined]
    found = await schau_rein.signups(db, programme="schau-rein-2026")
    assert [(r.days, c.name) for r, c in found] == [(["2026-03-12"], "Sachsenwerk")]


@pytest.mark.parametrize("state", ["BB", None])
async def test_only_companies_in_saxony(db: Database, state: str | None) -> None:
    other = await company(db, "Lausitzwerk", state)
    with pytest.raises(DomainError) as err:
        await sign(db, other, [date(2026, 3, 10)])
    assert err.value.code == "schaurein_state"
    assert await schau_rein.signups(db, programme="schau-rein-2026") == []


async def test_days_must_fall_in_the_week_and_deadline_holds(db: Database) -> None:
    sn = await company(db, "Sachsenwerk", "SN")
    for days in ([date(2026, 3, 8)], [date(2026, 3, 10), date(2026, 3, 15)], []):
        with pytest.raises(DomainError) as err:
            await sign(db, sn, days)
        assert err.value.code == "schaurein_bad_day"
    with pytest.raises(DomainError) as late:
        await sign(db, sn, [date(2026, 3, 10)], now=datetime(2026, 2, 21, 0, 1, tzinfo=BERLIN))
    assert late.value.code == "schaurein_deadline"


async def test_set_state_stores_and_validates(db: Database) -> None:
    cid = await company(db, "Ohneland", None)
    assert (await companies.set_state(db, company_id=cid, state="SN")).state == "SN"
    assert (await companies.get(db, company_id=cid)).state == "SN"  # type: ignore[union-attr]
    with pytest.raises(DomainError) as err:
        await companies.set_state(db, company_id=cid, state="BY")
    assert err.value.code == "bad_state"


async def test_withdraw_deletes_only_that_company_and_signing_up_again_works(db: Database) -> None:
    sn = await company(db, "Sachsenwerk", "SN")
    other = await company(db, "Elbwerk", "SN")
    await sign(db, sn, [date(2026, 3, 10)])
    await sign(db, other, [date(2026, 3, 11)])
    gone = await schau_rein.withdraw(db, programme="schau-rein-2026", company_id=sn,
                                     deadline=WEEK["deadline"], now=NOW)  # type: ignore[arg-type]
    assert gone is not None and gone.days == ["2026-03-10"]
    assert await schau_rein.signup_of(db, programme="schau-rein-2026", company_id=sn) is None
    found = await schau_rein.signups(db, programme="schau-rein-2026")
    assert [c.name for _, c in found] == ["Elbwerk"]
    # A second withdrawal (an old button) finds nothing; it is not an error.
    assert await schau_rein.withdraw(db, programme="schau-rein-2026", company_id=sn,
                                     deadline=WEEK["deadline"], now=NOW) is None  # type: ignore[arg-type]
    row, replaced = await sign(db, sn, [date(2026, 3, 12)])
    assert not replaced and row.days == ["2026-03-12"]  # type: ignore[attr-defined]


async def test_withdraw_after_the_deadline_is_refused_and_keeps_the_sign_up(db: Database) -> None:
    sn = await company(db, "Sachsenwerk", "SN")
    await sign(db, sn, [date(2026, 3, 10)])
    with pytest.raises(DomainError) as late:
        await schau_rein.withdraw(db, programme="schau-rein-2026", company_id=sn,
                                  deadline=WEEK["deadline"],  # type: ignore[arg-type]
                                  now=datetime(2026, 2, 21, 0, 1, tzinfo=BERLIN))
    assert late.value.code == "schaurein_deadline"
    assert await schau_rein.signup_of(db, programme="schau-rein-2026", company_id=sn) is not None
