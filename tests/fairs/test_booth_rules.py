"""Booth requests: capacity and waiting list, FIFO move-up, deadline, changes, decisions."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError
from storage.fairs import BoothRequest, booths, queries, seed_fairs
from storage.members import Company
from tests.fairs.helpers import (
    BERLIN,
    INSIDER,
    KARRIERE,
    NOW,
    ask,
    company,
    decide,
    setup,
    wish,
    withdraw,
)


async def requests(db: Database, fair_id: int) -> list[tuple[BoothRequest, Company]]:
    """Return a fair's requests with their companies."""
    async with db.unit() as s:
        return await queries.fair_requests(s, fair_id=fair_id)


async def test_seeding_inserts_missing_fairs_only_and_never_overwrites(
    db: Database, catalogue: Catalogue
) -> None:
    async with db.unit() as s:
        assert await seed_fairs(s, catalogue) == 2
    async with db.unit() as s:
        fair = await queries.get_fair(s, key=INSIDER)
        assert fair is not None and fair.capacity_m2 == 120 and fair.days == ["2026-05-09"]
        assert fair.deadline == datetime(2026, 4, 10, 23, 59, tzinfo=BERLIN)
        assert await seed_fairs(s, catalogue) == 0


async def test_over_capacity_goes_to_waiting_list_in_order(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a, b, c, d = [await company(db, n) for n in ("A", "B", "C", "D")]
    first_ask = await ask(db, a, 100)
    assert first_ask.request.status == "requested" and first_ask.is_new
    assert first_ask.was is None
    first = await ask(db, b, 20)
    assert first.request.status == "requested" and first.free_m2 == 0
    late = await ask(db, c, 10)
    assert late.request.status == "waiting" and late.position == 1 and late.is_new
    assert (await ask(db, d, 5)).position == 2
    held, requested, confirmed, waiting = queries.space(await requests(db, first.fair.id))
    assert (held, requested, confirmed, waiting) == (120, 2, 0, 2)


async def test_confirmed_and_requested_both_count_against_capacity(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a, b = await company(db, "A"), await company(db, "B")
    out = await ask(db, a, 70)
    await decide(db, out.request.id, confirm=True)
    assert (await ask(db, b, 60)).request.status == "waiting"
    smaller = await ask(db, b, 50)  # a smaller change moves it up
    assert smaller.request.status == "requested" and smaller.was == "waiting"
    assert not smaller.is_new


async def test_withdrawal_moves_waiting_requests_up_fifo_where_they_fit(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a, b, c, d = [await company(db, n) for n in ("A", "B", "C", "D")]
    await ask(db, a, 100)
    await ask(db, b, 20)
    await ask(db, c, 30)  # waiting 1
    await ask(db, d, 10)  # waiting 2
    out = await withdraw(db, b)
    assert out.request.status == "withdrawn" and out.was == "requested"
    assert [r.company_id for r in out.promoted] == [d]  # C (30 m²) does not fit into 20 m²
    out = await withdraw(db, a)
    assert [r.company_id for r in out.promoted] == [c]
    statuses = {r.company_id: r.status for r, _ in await requests(db, out.fair.id)}
    assert statuses == {a: "withdrawn", b: "withdrawn", c: "requested", d: "requested"}


async def test_waiting_list_order_is_fifo_not_size(db: Database, catalogue: Catalogue) -> None:
    await setup(db, catalogue)
    a, b, c = [await company(db, n) for n in ("A", "B", "C")]
    await ask(db, a, 120)
    await ask(db, b, 40)
    await ask(db, c, 10)
    out = await withdraw(db, a)
    assert [r.company_id for r in out.promoted] == [b, c]


async def test_after_deadline_requests_changes_and_withdrawals_are_refused(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a, b = await company(db, "A"), await company(db, "B")
    await ask(db, a, 10)
    late = datetime(2026, 4, 11, 0, 0, tzinfo=BERLIN)
    for attempt in (ask(db, b, 10, now=late), ask(db, a, 5, now=late), withdraw(db, a, late)):
        with pytest.raises(DomainError) as err:
            await attempt
        assert err.value.code == "fair_deadline" and err.value.info["title"] == "Insidertreff"
    assert (await ask(db, b, 10, now=late - timedelta(minutes=2))).request.status == "requested"


async def test_change_of_a_confirmed_request_needs_confirmation_again(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a, b = await company(db, "A"), await company(db, "B")
    out = await ask(db, a, 10)
    await decide(db, out.request.id, confirm=True)
    await ask(db, b, 100)
    with pytest.raises(DomainError) as err:
        await ask(db, a, 30)  # only 20 m² free including its own 10
    assert err.value.code == "fair_change_no_room" and err.value.info["free"] == 20
    async with db.unit() as s:  # the dialog catches "no room" and asks again in the same unit
        with pytest.raises(DomainError):
            await booths.submit(s, fair_key=INSIDER, company_id=a, person_id=None,
                                wish=wish(30), now=NOW)
    held = {r.company_id: (r.status, r.area_m2) for r, _ in await requests(db, out.fair.id)}
    assert held[a] == ("confirmed", 10)  # the refusal came before any write
    changed = await ask(db, a, 20)
    assert changed.request.status == "requested" and changed.free_m2 == 0
    assert changed.was == "confirmed" and not changed.is_new


async def test_decline_frees_space_and_waiting_confirm_must_fit(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a, b = await company(db, "A"), await company(db, "B")
    first = await ask(db, a, 100)
    waiting = await ask(db, b, 30)
    with pytest.raises(DomainError) as err:
        await decide(db, waiting.request.id, confirm=True)
    assert err.value.code == "fair_full"
    out = await decide(db, first.request.id, confirm=False, note="Leider kein Platz")
    assert out.request.status == "declined" and out.request.admin_note == "Leider kein Platz"
    assert [r.company_id for r in out.promoted] == [b]
    with pytest.raises(DomainError) as again:
        await decide(db, first.request.id, confirm=True)
    assert again.value.code == "fair_not_open"
    with pytest.raises(DomainError) as gone:
        await decide(db, 9999, confirm=True)
    assert gone.value.code == "fair_no_request"


async def test_days_must_be_fair_days_and_withdrawn_company_may_ask_again(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a = await company(db, "A")
    with pytest.raises(DomainError) as err:
        async with db.unit() as s:
            await booths.submit(s, fair_key=KARRIERE, company_id=a, person_id=None,
                                wish=wish(5, ("2026-05-09",)), now=NOW)
    assert err.value.code == "fair_bad_days"
    await ask(db, a, 5, fair=KARRIERE)
    await withdraw(db, a, fair=KARRIERE)
    again = await ask(db, a, 8, fair=KARRIERE, now=NOW + timedelta(days=1))
    assert again.request.status == "requested" and again.request.area_m2 == 8
    assert again.was == "withdrawn" and again.is_new
    with pytest.raises(DomainError):
        await withdraw(db, a)


async def test_simultaneous_requests_never_exceed_the_floor(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    ids = [await company(db, f"F{i}") for i in range(12)]
    outs = await asyncio.gather(*(ask(db, cid, 20) for cid in ids))
    statuses = [o.request.status for o in outs]
    assert statuses.count("requested") == 6 and statuses.count("waiting") == 6
    held, *_ = queries.space(await requests(db, outs[0].fair.id))
    assert held == 120
