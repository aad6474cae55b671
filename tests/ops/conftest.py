"""Fixtures of the operations tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.databases import PG_UNREACHABLE, missing, postgres_database


@pytest.fixture
async def pg_url(postgres_template: str | None) -> AsyncIterator[str]:
    """A PostgreSQL database of its own, migrated and empty."""
    if postgres_template is None:
        missing(PG_UNREACHABLE)
    async with postgres_database(postgres_template) as url:
        yield url
