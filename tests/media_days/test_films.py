"""Film series storage: seeding the plan's interest, one company per group, at most N films."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from storage import catalogue as catalogue_store
from storage import companies, films
from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError
from storage.films import FilmConfig

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)


async def refused(coro) -> DomainError:
    with pytest.raises(DomainError) as caught:
        await coro
    return caught.value


async def new_company(db: Database, name: str) -> int:
    c = await companies.create(db, name=name, state="SN", city=None, max_members=30)
    assert c.id is not None
    return c.id


async def test_seed_inserts_the_plans_interest_once(db: Database, catalogue: Catalogue) -> None:
    await catalogue_store.seed_companies(db, catalogue)
    assert await films.seed_films(db, catalogue) == 7
    assert await films.seed_films(db, catalogue) == 0
    names = {c.name for _, c in await films.interests(db)}
    assert names == {"Pragma", "EMIS", "Palfinger", "Frottana", "CAPRON", "ATN", "OSTEG"}
    assert all(f.group_key is None for f, _ in await films.interests(db))


async def test_one_company_per_group_and_change_until_assigned(
    db: Database, catalogue: Catalogue
) -> None:
    cfg = FilmConfig.from_catalogue(catalogue)
    a, b = await new_company(db, "A"), await new_company(db, "B")
    await films.register_interest(db, company_id=a, group_key="textil", description="Weber/in",
                                  now=NOW, cfg=cfg)
    err = await refused(films.register_interest(db, company_id=b, group_key="textil",
                                                description="", now=NOW, cfg=cfg))
    assert err.code == "film_group_taken" and err.info["group"] == "Textil & Produktion"
    row = await films.register_interest(db, company_id=a, group_key="it", description="FIAE",
                                        now=NOW, cfg=cfg)
    assert row.group_key == "it"  # changed; textil is free again
    await films.register_interest(db, company_id=b, group_key="textil", description="",
                                  now=NOW, cfg=cfg)
    await films.assign(db, interest_id=row.id, group_key="it", now=NOW, cfg=cfg)
    err = await refused(films.register_interest(db, company_id=a, group_key="bau",
                                                description="", now=NOW, cfg=cfg))
    assert err.code == "film_assigned"


async def test_at_most_max_films(db: Database, catalogue: Catalogue) -> None:
    cfg = replace(FilmConfig.from_catalogue(catalogue), max_films=2)
    for name, group in (("A", "it"), ("B", "bau")):
        await films.register_interest(db, company_id=await new_company(db, name),
                                      group_key=group, description="", now=NOW, cfg=cfg)
    err = await refused(films.register_interest(db, company_id=await new_company(db, "C"),
                                                group_key="textil", description="", now=NOW,
                                                cfg=cfg))
    assert err.code == "film_full" and err.info["max"] == 2
    err = await refused(films.register_interest(db, company_id=await new_company(db, "D"),
                                                group_key="nope", description="", now=NOW,
                                                cfg=cfg))
    assert err.code == "film_bad_group"


async def test_release_frees_the_group_for_another_company(
    db: Database, catalogue: Catalogue
) -> None:
    cfg = FilmConfig.from_catalogue(catalogue)
    a, b = await new_company(db, "A"), await new_company(db, "B")
    row = await films.register_interest(db, company_id=a, group_key="it", description="FIAE",
                                        now=NOW, cfg=cfg)
    await films.assign(db, interest_id=row.id, group_key="it", now=NOW, cfg=cfg)
    freed, company = await films.release(db, interest_id=row.id, group_key="it", now=NOW,
                                         cfg=cfg)
    assert company.name == "A" and freed.group_key is None and not freed.assigned
    err = await refused(films.release(db, interest_id=row.id, group_key="it", now=NOW, cfg=cfg))
    assert err.code == "film_not_held" and err.info["group"] == "IT & Digitales"  # stale button
    other = await films.register_interest(db, company_id=b, group_key="it", description="",
                                          now=NOW, cfg=cfg)
    await films.assign(db, interest_id=other.id, group_key="it", now=NOW, cfg=cfg)
    own = await films.of_company(db, company_id=a)
    assert own is not None and own.group_key is None  # the row stays: the seeder won't re-add it
    err = await refused(films.release(db, interest_id=row.id, group_key="it", now=NOW, cfg=cfg))
    assert err.code == "film_not_held"  # A's old button must not remove B


async def test_withdraw_only_ones_own_company(db: Database, catalogue: Catalogue) -> None:
    cfg = FilmConfig.from_catalogue(catalogue)
    a, b = await new_company(db, "A"), await new_company(db, "B")
    row = await films.register_interest(db, company_id=a, group_key="bau", description="",
                                        now=NOW, cfg=cfg)
    err = await refused(films.release(db, interest_id=row.id, group_key="bau", now=NOW,
                                      cfg=cfg, company_id=b))
    assert err.code == "film_not_held"
    await films.release(db, interest_id=row.id, group_key="bau", now=NOW, cfg=cfg, company_id=a)
    assert [f.group_key for f, _ in await films.interests(db)] == [None]
