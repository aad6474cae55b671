"""Rules of the catalogue's assumed values (SQLite and PostgreSQL): seeded, cleared, confirmed."""

from __future__ import annotations

import pytest

from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError
from storage.events import catalogue as event_catalogue
from storage.events import manage, queries
from tests.events.helpers import NOW, in_unit


async def test_typed_values_and_confirming_clear_the_marks(
    db: Database, catalogue: Catalogue
) -> None:
    await in_unit(db, event_catalogue.seed, catalogue=catalogue)
    september = (await in_unit(db, queries.find, query="Regionale Ausbildungscluster"))[0]
    assert september.provisional == ["capacity", "deadline", "start"]
    speed = (await in_unit(db, queries.find, query="Speed Dating Zittau"))[0]
    assert speed.provisional == []
    await in_unit(db, manage.update, event_id=september.id, changes={"capacity": 45}, now=NOW)
    edited = await in_unit(db, queries.get, event_id=september.id)
    assert edited is not None and edited.provisional == ["deadline", "start"]

    listed = await in_unit(db, queries.provisional, now=NOW)
    assert september.id in [ev.id for ev in listed] and speed.id not in [ev.id for ev in listed]
    done, fields = await in_unit(db, manage.confirm, event_id=september.id)
    assert done.provisional == [] and done.date_note is None
    assert fields == ["deadline", "start"] and done.sequence == september.sequence + 1
    with pytest.raises(DomainError) as caught:
        await in_unit(db, manage.confirm, event_id=september.id)
    assert caught.value.code == "event_not_provisional"
    assert september.id not in [ev.id for ev in await in_unit(db, queries.provisional, now=NOW)]
