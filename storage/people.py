"""People (chat identities): find or create on every update, link to a company, roles."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database
from storage.models import Company, Person

log = logging.getLogger(__name__)
NAME_MAX = 200  # Person.display_name; platforms allow longer names


async def touch(
    db: Database, *, platform: str, external_id: str, display_name: str, chat_id: str
) -> tuple[Person, Company | None]:
    """Return the person for this identity (created on first contact) and their company."""
    async def load() -> tuple[Person, Company | None] | None:
        async with db.read() as s:
            row = (
                await s.execute(
                    select(Person, Company)
                    .outerjoin(Company, Company.id == Person.company_id)
                    .where(Person.platform == platform, Person.external_id == external_id)
                )
            ).first()
        return None if row is None else (row[0], row[1])

    row = await db.cache.get(("person", platform, external_id), load)
    # Every update passes here: write only when something changed (most of the time nothing).
    if row is not None and not _changes(row[0], display_name[:NAME_MAX], chat_id):
        return row
    display_name = display_name[:NAME_MAX]
    try:
        return await _write(db, platform, external_id, display_name, chat_id)
    except IntegrityError:
        # Two first contacts at once (a group and a DM): the other one inserted; now update.
        return await _write(db, platform, external_id, display_name, chat_id)


async def _write(
    db: Database, platform: str, external_id: str, display_name: str, chat_id: str
) -> tuple[Person, Company | None]:
    async with db.transaction() as s:
        person = await _by_identity(s, platform, external_id)
        if person is None:
            person = Person(
                platform=platform, external_id=external_id,
                display_name=display_name, chat_id=chat_id,
            )
            s.add(person)
        else:
            # A person who writes again is reachable again; names and DM chats can change.
            if display_name:
                person.display_name = display_name
            if chat_id and not _is_group_chat(chat_id, person):
                person.chat_id = chat_id
            person.unreachable_at = None
        await s.flush()
        company = await s.get(Company, person.company_id) if person.company_id else None
        return person, company


def _changes(person: Person, display_name: str, chat_id: str) -> bool:
    return (
        person.unreachable_at is not None
        or bool(display_name and display_name != person.display_name)
        or bool(chat_id and chat_id != person.chat_id and not _is_group_chat(chat_id, person))
    )


def _is_group_chat(chat_id: str, person: Person) -> bool:
    # Telegram group ids are negative; for DMs the chat id equals the user id.
    return person.platform == "telegram" and chat_id.startswith("-")


async def _by_identity(s: AsyncSession, platform: str, external_id: str) -> Person | None:
    row = await s.execute(
        select(Person).where(Person.platform == platform, Person.external_id == external_id)
    )
    return row.scalar_one_or_none()


async def get(db: Database, *, person_id: int) -> Person | None:
    """Return a person by id."""
    async with db.read() as s:
        return await s.get(Person, person_id)


async def find(db: Database, *, platform: str, external_id: str) -> Person | None:
    """Return the person with this identity, if known."""
    async with db.read() as s:
        return await _by_identity(s, platform, external_id)


async def mark_unreachable(db: Database, *, person_id: int, now: datetime) -> None:
    """Remember that the person blocked the bot or left; they get no more pushes."""
    async with db.transaction() as s:
        person = await s.get(Person, person_id)
        if person is not None and person.unreachable_at is None:
            person.unreachable_at = now


async def set_role(db: Database, *, person_id: int, role: str) -> None:
    """Grant or revoke the admin role."""
    async with db.transaction() as s:
        person = await s.get(Person, person_id)
        if person is not None:
            person.role = role


async def members_of(db: Database, *, company_id: int) -> list[Person]:
    """Return the people linked to a company."""
    async with db.read() as s:
        rows = await s.execute(select(Person).where(Person.company_id == company_id))
        return list(rows.scalars())


async def linked_people(db: Database) -> list[Person]:
    """Return every person linked to a company and reachable."""
    async with db.read() as s:
        rows = await s.execute(
            select(Person).where(Person.company_id.is_not(None), Person.unreachable_at.is_(None))
        )
        return list(rows.scalars())


async def admins(db: Database, *, admin_keys: frozenset[str]) -> list[Person]:
    """Return the known people who are admins (by settings or granted role)."""
    async with db.read() as s:
        by_settings = [
            and_(Person.platform == k.split(":", 1)[0], Person.external_id == k.split(":", 1)[1])
            for k in admin_keys
            if ":" in k
        ]
        rows = await s.execute(select(Person).where(or_(Person.role == "admin", *by_settings)))
        return list(rows.scalars())


async def contact_or_admins(
    db: Database, *, contact_key: str | None, admin_keys: frozenset[str]
) -> list[Person]:
    """Return the person a catalogue contact names ("platform:id"), else every admin."""
    if contact_key and ":" in contact_key:
        platform, external_id = contact_key.split(":", 1)
        found = await find(db, platform=platform, external_id=external_id)
        if found is not None:
            return [found]
        log.warning("contact %s unknown to the bot; telling all admins", contact_key)
    return await admins(db, admin_keys=admin_keys)
