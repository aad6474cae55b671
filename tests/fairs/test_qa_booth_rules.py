"""QA: storage rules for booth requests that the console scenarios showed were missing."""

from __future__ import annotations

import pytest

from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError
from tests.fairs.helpers import ask, company, decide, setup


async def test_resending_a_confirmed_request_unchanged_keeps_it_confirmed(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a = await company(db, "A")
    out = await ask(db, a, 10)
    await decide(db, out.request.id, confirm=True, note="ok")
    same = await ask(db, a, 10)
    assert same.request.status == "confirmed" and same.request.admin_note == "ok"
    changed = await ask(db, a, 12)
    assert changed.request.status == "requested"


async def test_a_second_confirm_is_refused_so_the_company_is_not_told_twice(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    out = await ask(db, await company(db, "A"), 10)
    rid = out.request.id
    await decide(db, rid, confirm=True)
    with pytest.raises(DomainError) as err:
        await decide(db, rid, confirm=True)
    assert err.value.code == "fair_not_open" and err.value.info["status"] == "confirmed"
    declined = await decide(db, rid, confirm=False)
    assert declined.request.status == "declined"
