"""Read-only pre-checks (a proposed day) and the nudge plan, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from storage.db import Database
from storage.media_days import nudges, service
from storage.members import people
from tests.media_days.helpers import CFG, NOW, TODAY, ask, call, company, in_unit, refused

SAT, MON, TUE = date(2026, 2, 21), date(2026, 2, 16), date(2026, 2, 17)
BERLIN = ZoneInfo("Europe/Berlin")


async def test_check_proposal_refuses_weekend_taken_and_closed(db: Database) -> None:
    a, b = await company(db, "A"), await company(db, "B")
    first = await ask(db, a, MON)
    second = await ask(db, b, TUE)
    await call(db, service.confirm, md_id=first.id, day=MON, now=NOW, today=TODAY, cfg=CFG)

    def check(md_id: int, day: date):  # type: ignore[no-untyped-def]
        return call(db, service.check_proposal, md_id=md_id, day=day, today=TODAY, cfg=CFG)

    assert (await refused(check(second.id, SAT))).code == "md_weekend"
    err = await refused(check(second.id, MON))
    assert err.code == "md_day_taken" and err.info["free"]
    assert (await refused(check(first.id, TUE))).code == "md_not_open"  # no move wish
    await check(second.id, TUE)


async def test_nudges_go_to_companies_without_a_media_day_until_opted_out(
    db: Database,
) -> None:
    a, b = await company(db, "A"), await company(db, "B")

    async def person(name: str, company_id: int) -> int:
        async def add(s):  # type: ignore[no-untyped-def]
            p = people.new_person(platform="console", external_id=name, display_name=name,
                                  chat_id=name)
            p.company_id = company_id
            s.add(p)
            await s.flush()
            return p.id
        return int(await in_unit(db, add))

    anna, ben = await person("anna", a), await person("ben", b)
    await ask(db, b, MON)
    wanted = await call(db, nudges.wanted, now=NOW, cfg=CFG)
    assert list(wanted) == [f"media_day.nudge:c{a}:p{anna}:2026-03"]
    plan = wanted[f"media_day.nudge:c{a}:p{anna}:2026-03"]
    assert plan.due_at == datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN) and plan.person_id == anna
    await call(db, nudges.opt_out, person_id=anna)
    assert await call(db, nudges.wanted, now=NOW, cfg=CFG) == {}
    assert ben  # B asked already: never nudged
