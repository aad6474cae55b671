"""Deliver due outbox rows through the chat ports (minimal core; hardened in issue 7)."""

from __future__ import annotations

import base64
import logging
from datetime import datetime

from sqlalchemy import select

from bot.chat import Address, Button, ChatPort, DeliveryError, FileOut, PermanentFailure, Reply
from bot.clock import Clock
from storage import chat_state, people
from storage.db import Database
from storage.models import OutboxMessage, Person

log = logging.getLogger(__name__)


class Deliverer:
    """Sends due outbox rows, each at most once, in due order."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.ports: dict[str, ChatPort] = {}

    async def deliver_due(self) -> int:
        """Send every row due by now; return how many were sent."""
        sent = 0
        while (row := await self._claim_next(self.clock.now())) is not None:
            sent += await self._send(row)
        return sent

    async def _claim_next(self, now: datetime) -> tuple[OutboxMessage, Person] | None:
        # Mark the row sent in the same transaction that picks it: at-most-once (see README).
        async with self.db.transaction() as s:
            row = (
                await s.execute(
                    select(OutboxMessage)
                    .where(
                        OutboxMessage.sent_at.is_(None),
                        OutboxMessage.dropped_at.is_(None),
                        OutboxMessage.due_at <= now,
                    )
                    .order_by(OutboxMessage.due_at, OutboxMessage.id)
                    .limit(1)
                )
            ).scalar_one_or_none()
            if row is None:
                return None
            person = await s.get(Person, row.person_id)
            row.sent_at = now
            row.attempts += 1
            return row, person  # type: ignore[return-value]

    async def _send(self, claimed: tuple[OutboxMessage, Person]) -> int:
        row, person = claimed
        port = self.ports.get(person.platform)
        if port is None:
            log.warning("no transport for %s; outbox row %s not delivered", person.key, row.id)
            return 0
        reply = await self._reply(row, person)
        try:
            await port.send(Address(person.platform, person.chat_id), reply)
        except PermanentFailure:
            await people.mark_unreachable(self.db, person_id=person.id, now=self.clock.now())  # type: ignore[arg-type]
            return 0
        except DeliveryError as err:
            log.warning("outbox row %s failed: %s", row.id, err)
            return 0
        return 1

    async def _reply(self, row: OutboxMessage, person: Person) -> Reply:
        payload = row.payload or {}
        rows = [[(label, action) for label, action in r] for r in payload.get("buttons", [])]
        buttons: tuple[tuple[Button, ...], ...] = ()
        if rows:
            flat = [action for r in rows for _, action in r]
            tokens = iter((await chat_state.issue_tokens(
                self.db, person_id=person.id, chat_id=person.chat_id,  # type: ignore[arg-type]
                batches=[flat], now=self.clock.now(),
            ))[0])  # fmt: skip
            buttons = tuple(tuple(Button(next(tokens), label) for label, _ in r) for r in rows)
        f = payload.get("file")
        file = FileOut(f["name"], f["mime"], base64.b64decode(f["data_b64"])) if f else None
        return Reply(row.text, buttons, file)
