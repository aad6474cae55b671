"""Persisted conversation state: the open dialog per person, and issued button tokens."""

from __future__ import annotations

import secrets
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select

from storage.db import Database
from storage.models import ButtonToken, DialogState

TOKEN_TTL = timedelta(days=60)
REUSE = timedelta(days=1)  # a reused token still lives TOKEN_TTL - REUSE after its last use


@dataclass(frozen=True)
class OpenDialog:
    """A snapshot of a person's open dialog."""

    dialog: str
    step: str
    data: dict[str, Any]


async def load_dialog(db: Database, *, person_id: int) -> OpenDialog | None:
    """Return the person's open dialog, if any."""

    async def load() -> OpenDialog | None:
        async with db.read() as s:
            row = await s.get(DialogState, person_id)
            return None if row is None else OpenDialog(row.dialog, row.step, dict(row.data or {}))

    found = await db.cache.get(("dialog", person_id), load)
    # A copy: handlers change `data` on their way to save_dialog; the cached one must not change.
    return None if found is None else OpenDialog(found.dialog, found.step, deepcopy(found.data))


async def save_dialog(
    db: Database, *, person_id: int, dialog: str, step: str, data: dict[str, Any], now: datetime
) -> None:
    """Store (or replace) the person's open dialog."""
    async with db.transaction() as s:
        row = await s.get(DialogState, person_id)
        if row is None:
            s.add(DialogState(person_id=person_id, dialog=dialog, step=step, data=data,
                              updated_at=now))
        else:
            row.dialog, row.step, row.data, row.updated_at = dialog, step, dict(data), now


async def clear_dialog(db: Database, *, person_id: int) -> None:
    """Close the person's open dialog."""
    async with db.transaction() as s:
        await s.execute(delete(DialogState).where(DialogState.person_id == person_id))


async def issue_tokens(
    db: Database, *, person_id: int, chat_id: str, batches: list[list[str]], now: datetime,
    numbered: bool = True,
) -> list[list[str]]:
    """Store one token per action, batch by batch; return the tokens in the same shape.

    `numbered`: the platform lets people answer by option number (Matrix, console), so every
    answer is a new batch. Without numbers (Telegram buttons) a token issued to this person in
    this chat for the same action within a day is reused, and nothing is written.
    """
    if not numbered:
        return await _reuse_tokens(db, person_id, chat_id, batches, now)
    out = [[secrets.token_urlsafe(9) for _ in actions] for actions in batches]
    async with db.transaction() as s:
        # Batches only need to grow per person; two concurrent issues for the same person
        # (a reply and a delivered reminder) may share a number, which resolve_option tolerates.
        top = (
            await s.execute(
                select(func.max(ButtonToken.batch)).where(ButtonToken.person_id == person_id)
            )
        ).scalar_one() or 0
        rows = [
            _row(tok, person_id, chat_id, action, top + b, i, now)
            for b, (actions, tokens) in enumerate(zip(batches, out, strict=True), start=1)
            for i, (tok, action) in enumerate(zip(tokens, actions, strict=True), start=1)
        ]
        # Core insert: /termine issues dozens of tokens, ORM objects would triple the cost.
        await s.execute(insert(ButtonToken), rows)
    _remember(db, rows)
    return out


async def _reuse_tokens(
    db: Database, person_id: int, chat_id: str, batches: list[list[str]], now: datetime
) -> list[list[str]]:
    chosen: dict[str, str] = {}  # action -> token
    rows: list[dict[str, Any]] = []
    for action in (a for actions in batches for a in actions):
        if action in chosen:
            continue
        hit = db.cache.issued.get((person_id, chat_id, action))
        if hit is not None and now - hit[1] <= REUSE:
            chosen[action] = hit[0]
        else:
            chosen[action] = secrets.token_urlsafe(9)
            rows.append(_row(chosen[action], person_id, chat_id, action, 0, 0, now))
    if rows:
        async with db.transaction() as s:
            await s.execute(insert(ButtonToken), rows)
        _remember(db, rows)
    return [[chosen[a] for a in actions] for actions in batches]


def _row(token: str, person_id: int, chat_id: str, action: str, batch: int, position: int,
         now: datetime) -> dict[str, Any]:
    return {"token": token, "person_id": person_id, "chat_id": chat_id, "action": action,
            "batch": batch, "position": position, "created_at": now}


def _remember(db: Database, rows: list[dict[str, Any]]) -> None:
    for r in rows:
        db.cache.token_actions[r["token"]] = (r["person_id"], r["action"])
        if r["batch"] == 0:
            db.cache.issued[(r["person_id"], r["chat_id"], r["action"])] = (
                r["token"], r["created_at"])


async def resolve_token(db: Database, *, token: str, person_id: int) -> str | None:
    """Return the action behind a token issued to this person (None if unknown or foreign)."""
    hit = db.cache.token_actions.get(token)
    if hit is None:
        async with db.read() as s:
            row = await s.get(ButtonToken, token)
        if row is None:
            return None
        hit = db.cache.token_actions[token] = (row.person_id, row.action)
    return hit[1] if hit[0] == person_id else None


async def resolve_option(db: Database, *, person_id: int, chat_id: str, option: int) -> str | None:
    """Return the action of option number `option` in the newest batch offered in this chat."""
    async with db.read() as s:
        batch = (
            await s.execute(
                select(func.max(ButtonToken.batch)).where(
                    ButtonToken.person_id == person_id, ButtonToken.chat_id == chat_id
                )
            )
        ).scalar_one()
        if batch is None:
            return None
        row = await s.execute(
            select(ButtonToken.action)
            .where(
                ButtonToken.person_id == person_id,
                ButtonToken.chat_id == chat_id,
                ButtonToken.batch == batch,
                ButtonToken.position == option,
            )
            .order_by(ButtonToken.created_at.desc())
            .limit(1)
        )
        return row.scalars().first()


async def purge_tokens(db: Database, *, now: datetime) -> int:
    """Delete tokens older than the TTL; return how many."""
    async with db.transaction() as s:
        res = await s.execute(delete(ButtonToken).where(ButtonToken.created_at < now - TOKEN_TTL))
    db.cache.forget_tokens()
    return res.rowcount or 0
