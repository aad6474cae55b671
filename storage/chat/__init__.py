"""Conversation state: who wrote (with company and open dialog, in one query), dialogs, menus."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.chat.models import ChatMenu, DialogState, InstallationKey
from storage.db import Database, Session, upsert_insert
from storage.members import people
from storage.members.models import Company, Person

__all__ = [
    "ChatMenu",
    "DialogState",
    "InstallationKey",
    "OpenDialog",
    "Seen",
    "button_secret",
    "clear_dialog",
    "menu_option",
    "offer_menu",
    "save_dialog",
    "seen",
]


# Built once: every update runs it, and a statement object that is reused keeps its cache key
# (SQLAlchemy then finds the compiled SQL without walking the statement again).
_SEEN = (
    select(Person, Company, DialogState)
    .outerjoin(Company, col(Company.id) == col(Person.company_id))
    .outerjoin(DialogState, col(DialogState.person_id) == col(Person.id))
    .where(col(Person.platform) == bindparam("platform"),
           col(Person.external_id) == bindparam("external_id"))
)


@dataclass(frozen=True)
class OpenDialog:
    """A snapshot of a person's open dialog."""

    dialog: str
    step: str
    run: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Seen:
    """Who sent an update: the person (created on first contact), company and open dialog."""

    person: Person
    company: Company | None
    dialog: OpenDialog | None


async def seen(
    s: Session, *, platform: str, external_id: str, display_name: str, chat_id: str,
    now: datetime | None = None, active: bool = True,
) -> Seen:
    """Return the sender with company and open dialog in one query; create them on first contact.

    Only a change (new name, new DM chat, reachable again, or the person's last activity
    when `active` and older than people.SEEN_EVERY) is written.
    """
    row = (await s.exec(_SEEN, params={"platform": platform,
                                       "external_id": external_id})).first()
    if row is None:
        person = await _first_contact(s, platform, external_id, display_name, chat_id, now)
        return Seen(person, None, None)
    person, company, state = row
    people.refresh(person, display_name=display_name, chat_id=chat_id)
    if active and now is not None:
        people.mark_seen(person, now)
    return Seen(person, company, _open(state))


async def _first_contact(
    s: Session, platform: str, external_id: str, display_name: str, chat_id: str,
    now: datetime | None,
) -> Person:
    person = people.new_person(platform=platform, external_id=external_id,
                               display_name=display_name, chat_id=chat_id, now=now)
    try:
        async with s.begin_nested():  # two first contacts at once: the other one inserted
            s.add(person)
    except IntegrityError:
        found = await people.find(s, platform=platform, external_id=external_id)
        if found is None:
            raise
        people.refresh(found, display_name=display_name, chat_id=chat_id)
        return found
    return person


def _open(state: DialogState | None) -> OpenDialog | None:
    if state is None:
        return None
    return OpenDialog(state.dialog, state.step, state.run, dict(state.data or {}))


async def save_dialog(
    s: Session, *, person_id: int, dialog: str, step: str, run: str, data: dict[str, Any],
    now: datetime,
) -> None:
    """Store (or replace) the person's open dialog."""
    row = await s.get(DialogState, person_id)  # loaded with the sender: no query then
    if row is not None and row in s.deleted:  # closed earlier in this unit: a new dialog
        await s.flush()
        row = None
    if row is None:
        s.add(DialogState(person_id=person_id, dialog=dialog, step=step, run=run, data=data,
                          updated_at=now))
        return
    row.dialog, row.step, row.run, row.data, row.updated_at = dialog, step, run, dict(data), now


async def clear_dialog(s: Session, *, person_id: int) -> None:
    """Close the person's open dialog."""
    row = await s.get(DialogState, person_id)
    if row is not None:
        await s.delete(row)


async def offer_menu(
    s: Session, *, person_id: int, chat_id: str, actions: list[str], now: datetime
) -> None:
    """Remember the buttons just offered in a chat, so "2" can mean the second one."""
    values = {"person_id": person_id, "chat_id": chat_id, "actions": actions, "offered_at": now}
    stmt = upsert_insert(s)(ChatMenu).values(**values)
    await s.exec(stmt.on_conflict_do_update(
        index_elements=["person_id", "chat_id"],
        set_={"actions": stmt.excluded.actions, "offered_at": stmt.excluded.offered_at},
    ))


async def menu_option(s: Session, *, person_id: int, chat_id: str, option: int) -> str | None:
    """Return the action of option number `option` of the newest menu in this chat."""
    menu = await s.get(ChatMenu, (person_id, chat_id))
    if menu is None or not 1 <= option <= len(menu.actions):
        return None
    return menu.actions[option - 1]


async def button_secret(db: Database) -> bytes:
    """Return this installation's key for signing buttons, created on the first start."""
    for _ in range(2):  # a second process may create it at the same moment: read it then
        try:
            async with db.unit() as s:
                row = await s.get(InstallationKey, "buttons")
                if row is None:
                    row = InstallationKey(name="buttons", value=secrets.token_hex(32))
                    s.add(row)
                return bytes.fromhex(row.value)
        except IntegrityError:
            continue
    raise RuntimeError("cannot create the button secret")
