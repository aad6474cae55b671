"""Media day services on SQLite and PostgreSQL: every rule refused with its reason code."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date

import pytest

from storage.db import Database
from storage.errors import DomainError
from storage.media_days import queries, service
from tests.media_days.helpers import CFG, NOW, TODAY, ask, call, company, refused

MON, TUE, WED = date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18)


async def test_request_stores_formats_and_wishes(db: Database) -> None:
    md = await ask(db, await company(db, "A"), MON, WED)
    assert md.status == "requested" and md.wishes == ["2026-02-16", "2026-02-18"]
    assert md.formats == ["podcast", "clips"] and md.year == 2026


@pytest.mark.parametrize(("day", "code"), [
    (date(2026, 1, 30), "md_past"),
    (date(2026, 2, 6), "md_too_soon"),
    (date(2026, 2, 21), "md_weekend"),
    (date(2026, 4, 6), "md_holiday"),
])
async def test_calendar_rules_refuse_requests(db: Database, day: date, code: str) -> None:
    assert (await refused(ask(db, await company(db, "A"), day))).code == code


async def test_saxon_holiday_only_for_saxon_company(db: Database) -> None:
    bb, sn = await company(db, "BB-Firma", "BB"), await company(db, "SN-Firma", "SN")
    repentance = date(2026, 11, 18)
    assert (await refused(ask(db, sn, repentance))).code == "md_holiday"
    assert (await ask(db, bb, repentance)).status == "requested"


async def test_shape_rules(db: Database) -> None:
    cid = await company(db, "A")
    err = await refused(call(
        db, service.request, company_id=cid, person_id=None, formats=[], wishes=[MON],
        contact_name="", contact_reach="", note="", now=NOW, today=TODAY, cfg=CFG))
    assert err.code == "md_no_format"
    assert (await refused(ask(db, cid, MON, TUE, WED, date(2026, 2, 19)))).code == "md_bad_wishes"
    assert (await refused(ask(db, cid, MON, MON))).code == "md_bad_wishes"


async def test_one_media_day_per_company_and_year(db: Database) -> None:
    cid = await company(db, "A")
    await ask(db, cid, MON)
    err = await refused(ask(db, cid, TUE))
    assert err.code == "md_year_taken" and err.info["year"] == 2026
    assert (await ask(db, cid, date(2027, 2, 16))).year == 2027  # next year is fine


async def test_per_year_cap_is_configurable(db: Database) -> None:
    cid = await company(db, "A")
    two = replace(CFG, per_company_per_year=2)
    await ask(db, cid, MON, cfg=two)
    await ask(db, cid, TUE, cfg=two)
    assert (await refused(ask(db, cid, WED, cfg=two))).code == "md_year_taken"


async def test_withdraw_frees_the_year_and_confirmed_cannot_be_withdrawn(db: Database) -> None:
    cid = await company(db, "A")
    md = await ask(db, cid, MON)
    await call(db, service.withdraw, md_id=md.id, company_id=cid, now=NOW)
    again = await ask(db, cid, TUE)
    await call(db, service.confirm, md_id=again.id, day=TUE, now=NOW, today=TODAY, cfg=CFG)
    err = await refused(call(db, service.withdraw, md_id=again.id, company_id=cid, now=NOW))
    assert err.code == "md_not_open"


async def test_change_until_confirmed(db: Database) -> None:
    cid = await company(db, "A")
    md = await ask(db, cid, MON)
    changed = await call(
        db, service.change, md_id=md.id, company_id=cid, formats=["fotos"], wishes=[WED],
        contact_name="Ben", contact_reach="ben@example.org", note="Azubis", now=NOW,
        today=TODAY, cfg=CFG)
    assert changed.wishes == ["2026-02-18"] and changed.revision == md.revision + 1
    await call(db, service.confirm, md_id=md.id, day=WED, now=NOW, today=TODAY, cfg=CFG)
    err = await refused(call(
        db, service.change, md_id=md.id, company_id=cid, formats=["fotos"], wishes=[MON],
        contact_name="", contact_reach="", note="", now=NOW, today=TODAY, cfg=CFG))
    assert err.code == "md_not_open"


async def test_taken_day_refused_with_next_free_days_offered_first(db: Database) -> None:
    a, b = await company(db, "A"), await company(db, "B")
    md = await ask(db, a, MON)
    await ask(db, b, MON)  # a wish blocks nobody
    await call(db, service.confirm, md_id=md.id, day=MON, now=NOW, today=TODAY, cfg=CFG)
    await call(db, service.add_offers, days=[date(2026, 3, 3)], person_id=None, now=NOW)
    c = await company(db, "C")
    err = await refused(ask(db, c, MON))
    assert err.code == "md_day_taken"
    assert err.info["free"] == [date(2026, 3, 3), TUE, WED]  # offered first, then after MON


async def test_confirm_rechecks_the_visits_per_day(db: Database) -> None:
    a, b = await company(db, "A"), await company(db, "B")
    first, second = await ask(db, a, MON), await ask(db, b, MON)
    await call(db, service.confirm, md_id=first.id, day=MON, now=NOW, today=TODAY, cfg=CFG)
    err = await refused(call(db, service.confirm, md_id=second.id, day=MON, now=NOW,
                             today=TODAY, cfg=CFG))
    assert err.code == "md_day_taken" and MON not in err.info["free"]
    two = replace(CFG, visits_per_day=2)
    done = await call(db, service.confirm, md_id=second.id, day=MON, now=NOW, today=TODAY,
                      cfg=two)
    assert done.day_slot == 2


async def test_refused_confirmation_changes_nothing(db: Database) -> None:
    """A refusal inside a unit leaves the session as it was (the handler may go on)."""
    a, b = await company(db, "A"), await company(db, "B")
    first, second = await ask(db, a, MON), await ask(db, b, MON)
    await call(db, service.confirm, md_id=first.id, day=MON, now=NOW, today=TODAY, cfg=CFG)
    async with db.unit() as s:
        with pytest.raises(DomainError):
            await service.confirm(s, md_id=second.id, day=MON, now=NOW, today=TODAY, cfg=CFG)
        row = await queries.get(s, md_id=second.id)
        assert row is not None and row.status == "requested" and row.day_slot is None


async def test_concurrent_confirmations_of_one_day_admit_one(db: Database) -> None:
    ids = [await company(db, name) for name in ("A", "B", "C", "D")]
    mds = [await ask(db, cid, MON) for cid in ids]
    results = await asyncio.gather(*[
        call(db, service.confirm, md_id=md.id, day=MON, now=NOW, today=TODAY, cfg=CFG)
        for md in mds
    ], return_exceptions=True)
    ok = [r for r in results if not isinstance(r, BaseException)]
    errors = [r for r in results if isinstance(r, BaseException)]
    assert len(ok) == 1
    assert all(isinstance(e, DomainError) and e.code == "md_day_taken" for e in errors)


async def test_move_propose_and_decline(db: Database) -> None:
    cid = await company(db, "A")
    md = await ask(db, cid, MON)
    proposed = await call(db, service.propose, md_id=md.id, day=TUE, now=NOW, today=TODAY,
                          cfg=CFG)
    assert proposed.proposed == TUE
    err = await refused(call(db, service.confirm, md_id=md.id, day=WED, now=NOW, today=TODAY,
                             cfg=CFG, company_id=cid))
    assert err.code == "md_not_open"  # the company may only accept the proposed day
    done = await call(db, service.confirm, md_id=md.id, day=TUE, now=NOW, today=TODAY,
                      cfg=CFG, company_id=cid)
    assert done.status == "confirmed" and done.proposed is None
    moved = await call(db, service.request_move, md_id=md.id, company_id=cid, wishes=[WED],
                       now=NOW, today=TODAY, cfg=CFG)
    assert moved.move_wanted and moved.day == TUE
    kept = await call(db, service.decline, md_id=md.id, reason="Team ist ausgebucht", now=NOW)
    assert kept.status == "confirmed" and kept.day == TUE and not kept.move_wanted


async def test_reject_only_the_proposal_shown(db: Database) -> None:
    cid = await company(db, "A")
    md = await ask(db, cid, MON)
    await call(db, service.propose, md_id=md.id, day=TUE, now=NOW, today=TODAY, cfg=CFG)
    err = await refused(call(db, service.reject_proposal, md_id=md.id, company_id=cid,
                             day=WED, now=NOW))
    assert err.code == "md_not_open"  # an older proposal's button
    kept = await call(db, service.reject_proposal, md_id=md.id, company_id=cid, day=TUE,
                      now=NOW)
    assert kept.proposed is None and kept.status == "requested"


async def test_decline_frees_the_year(db: Database) -> None:
    cid = await company(db, "A")
    md = await ask(db, cid, MON)
    declined = await call(db, service.decline, md_id=md.id, reason="Urlaub", now=NOW)
    assert declined.status == "declined" and declined.decline_reason == "Urlaub"
    assert (await ask(db, cid, TUE)).status == "requested"


async def test_overview_lists_confirmed_requested_and_without(db: Database) -> None:
    a, b = await company(db, "A"), await company(db, "B")
    await company(db, "C")
    md = await ask(db, a, TUE)
    await ask(db, b, MON)
    await call(db, service.confirm, md_id=md.id, day=TUE, now=NOW, today=TODAY, cfg=CFG)
    view = await call(db, queries.overview, today=TODAY, cfg=CFG)
    assert [c.name for _, c in view.confirmed] == ["A"]
    assert [c.name for _, c in view.requested] == ["B"]
    assert [c.name for c in view.without] == ["C"]
    assert view.full == {TUE}


async def test_open_offers_leave_out_what_this_company_cannot_wish(db: Database) -> None:
    """Issue 15: a day confirmed for one company is simply not offered to the others."""
    a, b = await company(db, "A"), await company(db, "B")
    days = [date(2026, 2, 5), MON, TUE, date(2026, 2, 21)]  # too soon, free, free, Saturday
    await call(db, service.add_offers, days=days, person_id=None, now=NOW)
    md = await ask(db, a, MON)
    await call(db, service.confirm, md_id=md.id, day=MON, now=NOW, today=TODAY, cfg=CFG)
    found = await call(db, queries.open_offers, company_id=b, state="BB", today=TODAY, cfg=CFG)
    assert found == [TUE]
    assert await call(db, queries.open_offers, company_id=a, state="BB", today=TODAY,
                      cfg=CFG) == []  # A has its media day of 2026
    assert await call(db, queries.open_offers, company_id=a, state="BB", today=TODAY,
                      cfg=CFG, exclude_id=md.id, skip=[TUE]) == []


async def test_concurrent_requests_of_one_company_admit_one(db: Database) -> None:
    cid = await company(db, "A")
    results = await asyncio.gather(*[ask(db, cid, day) for day in (MON, TUE, WED)],
                                   return_exceptions=True)
    ok = [r for r in results if not isinstance(r, BaseException)]
    assert len(ok) == 1
    assert all(isinstance(r, DomainError) and r.code == "md_year_taken"
               for r in results if r not in ok)
