"""People (chat identities): find or create on every update, link to a company, roles."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import and_, or_
from sqlmodel import col, func, select

from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Company, Person

log = logging.getLogger(__name__)
NAME_MAX = 200  # Person.display_name; platforms allow longer names


# How exact "zuletzt aktiv" is: cheap (one write per person per quarter hour), enough for a team.
SEEN_EVERY = timedelta(minutes=15)


def refresh(person: Person, *, display_name: str, chat_id: str) -> bool:
    """Update what a new message tells about a known person; True when anything changed.

    A person who writes again is reachable again; names and DM chats can change. A group
    is never where personal messages go (callers pass "" for group chats).
    """
    name = display_name[:NAME_MAX]
    changed = False
    if person.unreachable_at is not None:
        person.unreachable_at, changed = None, True
    if name and name != person.display_name:
        person.display_name, changed = name, True
    if chat_id and chat_id != person.chat_id and not _is_group_chat(chat_id, person):
        person.chat_id, changed = chat_id, True
    return changed


def new_person(*, platform: str, external_id: str, display_name: str, chat_id: str,
               now: datetime | None = None) -> Person:
    """Return a Person row for a first contact (the caller adds it to its session).

    `now` (the injected clock) dates the first contact: retention counts from it.
    """
    person = Person(platform=platform, external_id=external_id,
                    display_name=display_name[:NAME_MAX], chat_id=chat_id)
    if now is not None:
        person.created_at = person.last_seen_at = now
    return person


def mark_seen(person: Person, now: datetime) -> bool:
    """Note the person's own activity at `now`; True when the row changes.

    Written at most once per SEEN_EVERY, so most updates add no statement; when it is written
    it joins the update's other changes (one UPDATE of the person row, same unit of work).
    """
    last = person.last_seen_at
    if last is not None and now - last < SEEN_EVERY:
        return False
    person.last_seen_at = now
    return True


def _is_group_chat(chat_id: str, person: Person) -> bool:
    # Telegram group ids are negative; for DMs the chat id equals the user id.
    return person.platform == "telegram" and chat_id.startswith("-")


async def get(s: Session, *, person_id: int) -> Person | None:
    """Return a person by id."""
    return await s.get(Person, person_id)


async def find(s: Session, *, platform: str, external_id: str) -> Person | None:
    """Return the person with this identity, if known."""
    rows = await s.exec(
        select(Person).where(Person.platform == platform, Person.external_id == external_id)
    )
    return rows.first()


async def by_key(s: Session, key: str) -> Person | None:
    """Return the person with identity `platform:id`, if known."""
    platform, sep, external_id = key.partition(":")
    return await find(s, platform=platform, external_id=external_id) if sep else None


async def mark_unreachable(s: Session, *, person_id: int, now: datetime) -> None:
    """Remember that the person blocked the bot or left; they get no more pushes."""
    person = await s.get(Person, person_id)
    if person is not None and person.unreachable_at is None:
        person.unreachable_at = now


async def set_role(s: Session, *, person_id: int, role: str) -> None:
    """Grant or revoke the admin role."""
    person = await s.get(Person, person_id)
    if person is not None:
        person.role = role


async def members_of(s: Session, *, company_id: int) -> list[Person]:
    """Return the people linked to a company."""
    rows = await s.exec(select(Person).where(Person.company_id == company_id))
    return list(rows)


async def reachable_members(s: Session, *, company_id: int) -> list[Person]:
    """Return the people linked to a company who can still be reached."""
    return [p for p in await members_of(s, company_id=company_id) if p.unreachable_at is None]


async def linked_people(s: Session) -> list[Person]:
    """Return every person linked to a company and reachable."""
    rows = await s.exec(
        select(Person).where(col(Person.company_id).is_not(None),
                             col(Person.unreachable_at).is_(None))
    )
    return list(rows)


async def admins(s: Session, *, admin_keys: frozenset[str]) -> list[Person]:
    """Return the known people who are admins (by settings or granted role)."""
    by_settings = [
        and_(col(Person.platform) == platform, col(Person.external_id) == external_id)
        for platform, _, external_id in (k.partition(":") for k in admin_keys if ":" in k)
    ]
    rows = await s.exec(select(Person).where(or_(col(Person.role) == "admin", *by_settings)))
    return list(rows)


async def contact_or_admins(
    s: Session, *, contact_key: str | None, admin_keys: frozenset[str]
) -> list[Person]:
    """Return the person a catalogue contact names ("platform:id"), else every admin."""
    if contact_key:
        found = await by_key(s, contact_key)
        if found is not None:
            return [found]
        log.warning("contact %s unknown to the bot; telling all admins", contact_key)
    return await admins(s, admin_keys=admin_keys)


async def search(
    s: Session, *, query: str, limit: int = 10
) -> list[tuple[Person, Company | None]]:
    """Find people by a part of their name or by `platform:id`, with their company.

    Matched in Python (casefold): SQLite's lower() knows only ASCII, and "Änne" must be found
    the same way on both databases. A cluster has a few hundred people at most.
    """
    q = " ".join(query.split()).casefold()
    if not q:
        return []
    rows = await s.exec(
        select(Person, Company).outerjoin(Company, col(Company.id) == col(Person.company_id))
        .order_by(col(Person.display_name), col(Person.id))
    )
    found: list[tuple[Person, Company | None]] = [
        (p, c) for p, c in rows
        if q == p.key.casefold() or q in " ".join(p.display_name.split()).casefold()
    ]
    return found[:limit]


async def grant_admin(s: Session, *, person_id: int,
                      admin_keys: frozenset[str] = frozenset()) -> Person:
    """Make a person admin; refuse an unknown person and one who is admin already."""
    person = await s.get(Person, person_id, with_for_update=True)
    if person is None:
        raise DomainError("person_unknown", person_id=person_id)
    if person.role == "admin" or person.key in admin_keys:  # no second notice, no audit row
        raise DomainError("already_admin", key=person.key)
    person.role = "admin"
    return person


async def revoke_admin(s: Session, *, person_id: int, admin_keys: frozenset[str]) -> Person:
    """Take the admin role away; ADMINS from the settings and the last admin stay."""
    person = await s.get(Person, person_id, with_for_update=True)
    if person is None:
        raise DomainError("person_unknown", person_id=person_id)
    if person.key in admin_keys:
        raise DomainError("admin_from_settings", key=person.key)
    if person.role != "admin":
        raise DomainError("not_admin", key=person.key)
    if not admin_keys:
        granted = await s.exec(select(func.count()).select_from(Person)
                               .where(col(Person.role) == "admin"))
        if granted.one() <= 1:
            raise DomainError("last_admin", key=person.key)
    person.role = "member"
    return person


async def move(s: Session, *, person_id: int,
               company_id: int | None) -> tuple[Person, Company | None, Company | None]:
    """Link a person to another company (None: unlink); return person, old and new company.

    Their sign-ups stay with the company that made them.
    """
    person = await s.get(Person, person_id, with_for_update=True)
    if person is None:
        raise DomainError("person_unknown", person_id=person_id)
    new = None if company_id is None else await s.get(Company, company_id)
    if company_id is not None and new is None:
        raise DomainError("company_unknown", company_id=company_id)
    old = None if person.company_id is None else await s.get(Company, person.company_id)
    person.company_id = company_id
    return person, old, new


async def by_company(s: Session) -> dict[int, list[Person]]:
    """Return the people linked to each company, by name (companies without any are absent)."""
    rows = await s.exec(select(Person).where(col(Person.company_id).is_not(None))
                        .order_by(col(Person.display_name), col(Person.id)))
    found: dict[int, list[Person]] = {}
    for person in rows:
        if person.company_id is not None:
            found.setdefault(person.company_id, []).append(person)
    return found
