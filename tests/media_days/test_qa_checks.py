"""Read-only pre-checks added in QA (proposal day, film group) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from storage import films, media_days
from storage.db import Database
from storage.films import FilmConfig
from tests.media_days.test_services import CFG, NOW, TODAY, ask, company, refused

SAT, MON, TUE = date(2026, 2, 21), date(2026, 2, 16), date(2026, 2, 17)
FILMS = FilmConfig(title="Berufe mit Zukunft", max_films=8,
                   groups={"it": "IT & Digitales", "metall": "Metall"}, interested=())


async def test_check_proposal_refuses_weekend_taken_and_closed(db: Database) -> None:
    a, b = await company(db, "A"), await company(db, "B")
    first = await ask(db, a, MON)
    second = await ask(db, b, TUE)
    await media_days.confirm(db, md_id=first.id, day=MON, now=NOW, today=TODAY, cfg=CFG)
    check = media_days.check_proposal
    err = await refused(check(db, md_id=second.id, day=SAT, today=TODAY, cfg=CFG))
    assert err.code == "md_weekend"
    err = await refused(check(db, md_id=second.id, day=MON, today=TODAY, cfg=CFG))
    assert err.code == "md_day_taken" and err.info["free"]
    err = await refused(check(db, md_id=first.id, day=TUE, today=TODAY, cfg=CFG))
    assert err.code == "md_not_open"  # confirmed without a move wish
    await check(db, md_id=second.id, day=TUE, today=TODAY, cfg=CFG)


async def test_check_pick_refuses_a_taken_group(db: Database) -> None:
    a, b = await company(db, "A"), await company(db, "B")
    await films.register_interest(db, company_id=a, group_key="it", description="FI",
                                  now=NOW, cfg=FILMS)
    await films.check_pick(db, company_id=a, group_key="it", cfg=FILMS)  # its own: fine
    err = await refused(films.check_pick(db, company_id=b, group_key="it", cfg=FILMS))
    assert err.code == "film_group_taken"
    await films.check_pick(db, company_id=b, group_key="metall", cfg=FILMS)
