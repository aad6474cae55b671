"""Film series storage: seeding the plan's interest, one company per group, at most N films."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from storage import catalogue as catalogue_store
from storage.catalogue import Catalogue
from storage.db import Database
from storage.films import queries, service
from storage.films.models import FilmInterest
from storage.films.rules import FilmConfig
from tests.media_days.helpers import call, company, in_unit, refused

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
FILMS = FilmConfig(title="Berufe mit Zukunft", max_films=8,
                   groups={"it": "IT & Digitales", "metall": "Metall"}, interested=())


async def interest(db: Database, company_id: int, group: str, cfg: FilmConfig,
                   description: str = "") -> FilmInterest:
    row: FilmInterest = await call(db, service.register_interest, company_id=company_id,
                                   group_key=group, description=description, now=NOW, cfg=cfg)
    return row


async def test_seed_inserts_the_plans_interest_once(db: Database, catalogue: Catalogue) -> None:
    await in_unit(db, lambda s: catalogue_store.seed_companies(s, catalogue))
    assert await in_unit(db, lambda s: service.seed_films(s, catalogue)) == 7
    assert await in_unit(db, lambda s: service.seed_films(s, catalogue)) == 0
    rows = await in_unit(db, queries.interests)
    assert {c.name for _, c in rows} == {"Pragma", "EMIS", "Palfinger", "Frottana", "CAPRON",
                                         "ATN", "OSTEG"}
    assert all(f.group_key is None for f, _ in rows)


async def test_one_company_per_group_and_change_until_assigned(
    db: Database, catalogue: Catalogue
) -> None:
    cfg = FilmConfig.from_catalogue(catalogue)
    a, b = await company(db, "A", "SN"), await company(db, "B", "SN")
    await interest(db, a, "textil", cfg, "Weber/in")
    err = await refused(interest(db, b, "textil", cfg))
    assert err.code == "film_group_taken" and err.info["group"] == "Textil & Produktion"
    row = await interest(db, a, "it", cfg, "FIAE")
    assert row.group_key == "it"  # changed; textil is free again
    await interest(db, b, "textil", cfg)
    await call(db, service.assign, interest_id=row.id, group_key="it", now=NOW, cfg=cfg)
    err = await refused(interest(db, a, "bau", cfg))
    assert err.code == "film_assigned"


async def test_at_most_max_films(db: Database, catalogue: Catalogue) -> None:
    cfg = replace(FilmConfig.from_catalogue(catalogue), max_films=2)
    for name, group in (("A", "it"), ("B", "bau")):
        await interest(db, await company(db, name), group, cfg)
    err = await refused(interest(db, await company(db, "C"), "textil", cfg))
    assert err.code == "film_full" and err.info["max"] == 2
    err = await refused(interest(db, await company(db, "D"), "nope", cfg))
    assert err.code == "film_bad_group"


async def test_release_frees_the_group_for_another_company(
    db: Database, catalogue: Catalogue
) -> None:
    cfg = FilmConfig.from_catalogue(catalogue)
    a, b = await company(db, "A"), await company(db, "B")
    row = await interest(db, a, "it", cfg, "FIAE")
    await call(db, service.assign, interest_id=row.id, group_key="it", now=NOW, cfg=cfg)
    freed, holder = await call(db, service.release, interest_id=row.id, group_key="it",
                               now=NOW, cfg=cfg)
    assert holder.name == "A" and freed.group_key is None and not freed.assigned
    err = await refused(call(db, service.release, interest_id=row.id, group_key="it", now=NOW,
                             cfg=cfg))
    assert err.code == "film_not_held" and err.info["group"] == "IT & Digitales"  # stale
    other = await interest(db, b, "it", cfg)
    await call(db, service.assign, interest_id=other.id, group_key="it", now=NOW, cfg=cfg)
    own = await call(db, queries.of_company, company_id=a)
    assert own is not None and own.group_key is None  # the row stays: the seeder won't re-add
    err = await refused(call(db, service.release, interest_id=row.id, group_key="it", now=NOW,
                             cfg=cfg))
    assert err.code == "film_not_held"  # A's old button must not remove B


async def test_withdraw_only_ones_own_company(db: Database, catalogue: Catalogue) -> None:
    cfg = FilmConfig.from_catalogue(catalogue)
    a, b = await company(db, "A"), await company(db, "B")
    row = await interest(db, a, "bau", cfg)
    err = await refused(call(db, service.release, interest_id=row.id, group_key="bau",
                             now=NOW, cfg=cfg, company_id=b))
    assert err.code == "film_not_held"
    assert await call(db, queries.holding, interest_id=row.id, group_key="bau",
                      company_id=b) is None
    await call(db, service.release, interest_id=row.id, group_key="bau", now=NOW, cfg=cfg,
               company_id=a)
    assert [f.group_key for f, _ in await in_unit(db, queries.interests)] == [None]


async def test_check_pick_refuses_a_taken_group(db: Database) -> None:
    a, b = await company(db, "A"), await company(db, "B")
    await interest(db, a, "it", FILMS, "FI")
    await call(db, service.check_pick, company_id=a, group_key="it", cfg=FILMS)  # its own
    err = await refused(call(db, service.check_pick, company_id=b, group_key="it", cfg=FILMS))
    assert err.code == "film_group_taken"
    await call(db, service.check_pick, company_id=b, group_key="metall", cfg=FILMS)
