"""Schau rein: Saxony only, days within the week, deadline, one sign-up per company; state."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError
from storage.members import Company, companies
from storage.schau_rein import SchauReinSignup, programme, queries
from tests.schau_rein.helpers import BERLIN, NOW, PROGRAMME, company, sign, withdraw


async def listed(db: Database) -> list[tuple[SchauReinSignup, Company]]:
    """Return the programme's sign-ups with their companies."""
    async with db.unit() as s:
        return await queries.signups(s, programme=PROGRAMME.key)


async def signup_of(db: Database, company_id: int) -> SchauReinSignup | None:
    """Return a company's sign-up."""
    async with db.unit() as s:
        return await queries.signup_of(s, programme=PROGRAMME.key, company_id=company_id)


def test_the_catalogue_names_the_week_its_state_and_support(catalogue: Catalogue) -> None:
    prog = programme(catalogue)
    assert prog is not None and prog.state == "SN" and prog.first_day == date(2026, 3, 9)
    assert prog.deadline == datetime(2026, 2, 20, 23, 59, tzinfo=BERLIN)
    assert prog.label("medien") == "Mediale Begleitung eurer Aktion" and prog.label("x") == "x"


async def test_saxon_company_signs_up_and_a_second_sign_up_replaces(db: Database) -> None:
    sn = await company(db, "Sachsenwerk", "SN")
    row, replaced = await sign(db, sn, [date(2026, 3, 11), date(2026, 3, 9), date(2026, 3, 9)])
    assert not replaced and row.days == ["2026-03-09", "2026-03-11"]
    row, replaced = await sign(db, sn, [date(2026, 3, 12)], support=("social",))
    assert replaced and row.support == ["social"]
    assert [(r.days, c.name) for r, c in await listed(db)] == [(["2026-03-12"], "Sachsenwerk")]


@pytest.mark.parametrize("state", ["BB", None])
async def test_only_companies_in_saxony(db: Database, state: str | None) -> None:
    other = await company(db, "Lausitzwerk", state)
    with pytest.raises(DomainError) as err:
        await sign(db, other, [date(2026, 3, 10)])
    assert err.value.code == "schaurein_state"
    assert await listed(db) == []


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
    async with db.unit() as s:
        assert (await companies.set_state(s, company_id=cid, state="SN")).state == "SN"
    async with db.unit() as s:
        found = await companies.get(s, company_id=cid)
        assert found is not None and found.state == "SN"
        with pytest.raises(DomainError) as err:
            await companies.set_state(s, company_id=cid, state="BY")
    assert err.value.code == "bad_state"


async def test_withdraw_deletes_only_that_company_and_signing_up_again_works(
    db: Database,
) -> None:
    sn = await company(db, "Sachsenwerk", "SN")
    other = await company(db, "Elbwerk", "SN")
    await sign(db, sn, [date(2026, 3, 10)])
    await sign(db, other, [date(2026, 3, 11)])
    gone = await withdraw(db, sn)
    assert gone is not None and gone.days == ["2026-03-10"]
    assert await signup_of(db, sn) is None
    assert [c.name for _, c in await listed(db)] == ["Elbwerk"]
    # A second withdrawal (an old button) finds nothing; it is not an error.
    assert await withdraw(db, sn) is None
    row, replaced = await sign(db, sn, [date(2026, 3, 12)])
    assert not replaced and row.days == ["2026-03-12"]


async def test_withdraw_after_the_deadline_is_refused_and_keeps_the_sign_up(
    db: Database,
) -> None:
    sn = await company(db, "Sachsenwerk", "SN")
    await sign(db, sn, [date(2026, 3, 10)])
    with pytest.raises(DomainError) as late:
        await withdraw(db, sn, now=datetime(2026, 2, 21, 0, 1, tzinfo=BERLIN))
    assert late.value.code == "schaurein_deadline"
    assert await signup_of(db, sn) is not None


async def test_outlook_reads_assumed_values_and_the_companys_days_in_one_go(
        db: Database) -> None:
    prog = replace(PROGRAMME, provisional=("days", "deadline"))
    sn = await company(db, "Sachsenwerk", "SN")
    async with db.unit() as s:
        before = await queries.outlook(s, prog, company_id=sn)
        guest = await queries.outlook(s, prog, company_id=None)
    assert before == queries.Outlook(["days", "deadline"], None) == guest
    await sign(db, sn, [date(2026, 3, 11)])
    async with db.unit() as s:
        assert await queries.confirm(s, prog, now=NOW) == ["days", "deadline"]
    async with db.unit() as s:
        after = await queries.outlook(s, prog, company_id=sn)
        guest = await queries.outlook(s, prog, company_id=None)
    assert after == queries.Outlook([], ["2026-03-11"])
    assert guest == queries.Outlook([], None)
