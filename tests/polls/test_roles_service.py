"""Company roles on both databases: stated per company, the role audience, erasure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage.db import Database
from storage.errors import DomainError
from storage.members.models import Company, Person
from storage.polls import audience, roles
from storage.privacy import erase

NOW = datetime(2026, 2, 2, 8, tzinfo=UTC)


async def test_role_audience_follows_the_current_company(db: Database) -> None:
    async with db.unit() as s:
        a, b = Company(name="Zemmler"), Company(name="Pragma")
        s.add_all([a, b])
        await s.flush()
        anna = Person(platform="console", external_id="anna", chat_id="anna", company_id=a.id)
        ben = Person(platform="console", external_id="ben", chat_id="ben", company_id=b.id)
        s.add_all([anna, ben])
        await s.flush()
        await roles.set_role(s, person=anna, role="personal", now=NOW)
        await roles.set_role(s, person=ben, role="personal", now=NOW)
        await roles.set_role(s, person=ben, role="ausbildung", now=NOW)
        ids = (anna.id, ben.id)
    async with db.unit() as s:
        found = await audience.people(s, audience=roles.role_audience("personal"))
        assert [p.id for p in found] == [ids[0]]
        assert await roles.counts(s) == {"personal": 1, "ausbildung": 1}
        listed = await roles.people_by_company(s)  # the team's /firmen: one joined query
        assert [(p.id, r) for ps in listed.values() for p, r in ps] == [
            (ids[0], "personal"), (ids[1], "ausbildung")]
        anna_row, ben_row = await s.get(Person, ids[0]), await s.get(Person, ids[1])
        assert anna_row is not None and ben_row is not None
        anna_row.company_id = ben_row.company_id
    async with db.unit() as s:  # moved to another company: the role was said for the old one
        assert await audience.people(s, audience=roles.role_audience("personal")) == []
        anna_row = await s.get(Person, ids[0])
        assert anna_row is not None and await roles.get(s, person=anna_row) is None
        moved = (await roles.people_by_company(s))[anna_row.company_id or 0]
        assert [(p.id, r) for p, r in moved] == [(ids[0], None), (ids[1], "ausbildung")]
        await erase(s, person_id=ids[1], now=NOW)
    async with db.unit() as s:
        assert await roles.counts(s) == {}
        with pytest.raises(DomainError):
            roles.role_audience("chef")
        with pytest.raises(DomainError):
            await audience.people(s, audience="role:chef")
