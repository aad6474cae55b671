"""Deliver due outbox rows through the chat ports: at most once, in order (docs/reminders.md)."""

from __future__ import annotations

import base64
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.chat import Address, Button, ChatPort, FileOut, PermanentFailure, Reply, TemporaryFailure
from bot.clock import Clock
from scheduler.quiet import QuietHours
from storage import chat_state, people
from storage import outbox_queue as queue
from storage.db import Database
from storage.models import OutboxMessage, Person
from storage.outbox_queue import Claim, Dropped

log = logging.getLogger(__name__)
Planner = Callable[[datetime], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently temporary failures are retried."""

    max_attempts: int = 5
    base: timedelta = timedelta(seconds=30)

    def delay(self, attempts: int, retry_after: float | None) -> timedelta:
        """Return the wait before the next try (the transport's retry-after wins)."""
        if retry_after is not None:
            # At least a second: a "retry after 0" must not spin inside one delivery run.
            return timedelta(seconds=max(retry_after, 1.0))
        return self.base * (2 ** max(attempts - 1, 0))


class Deliverer:
    """Sends due outbox rows, each at most once, in due order."""

    def __init__(
        self, db: Database, clock: Clock, *, quiet: QuietHours | None = None,
        retry: RetryPolicy | None = None, planners: list[Planner] | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.quiet = quiet or QuietHours()
        self.retry = retry or RetryPolicy()
        self.planners: list[Planner] = planners if planners is not None else []
        self.ports: dict[str, ChatPort] = {}

    async def recover(self) -> int:
        """Log rows a crash left between claim and send; they are not sent again."""
        lost = await queue.in_flight(self.db)
        for row in lost:
            log.warning("outbox row %s (%s) was interrupted while sending and is not retried "
                        "(at-most-once)", row.id, row.dedupe_key)
        if lost:
            await queue.mark_lost(self.db, row_ids=[r.id for r in lost])  # type: ignore[misc]
        return len(lost)

    async def deliver_due(self) -> int:
        """Plan recurring series, then send (or drop) every row due by now; return how many."""
        now = self.clock.now()
        for plan in self.planners:
            try:
                await plan(now)
            except Exception:
                log.exception("planner %r failed", plan)
        handled = 0
        urgent_only = self.quiet.is_quiet(now)
        while self.ports:
            item = await queue.claim_next(
                self.db, now=now, platforms=self.ports, urgent_only=urgent_only
            )
            if item is None:
                break
            handled += 1
            if isinstance(item, Dropped):
                level = logging.WARNING if item.reason == "too_late" else logging.INFO
                log.log(level, "outbox row %s dropped: %s", item.row_id, item.reason)
                continue
            await self._send(item, now)
        return handled

    async def next_due(self) -> datetime | None:
        """Return when the next row becomes sendable (quiet hours and retries included)."""
        urgent, other = await queue.next_eligible(self.db, platforms=self.ports)
        if other is not None:
            other = self.quiet.release(max(other, self.clock.now()))
        times = [t for t in (urgent, other) if t is not None]
        return min(times) if times else None

    async def _send(self, claim: Claim, now: datetime) -> None:
        row, person = claim.row, claim.person
        assert row.id is not None and person.id is not None
        # Someone only ever seen in a group has no DM chat yet: the platform id reaches them
        # (Telegram's private chat id is the user id; Matrix opens a DM with the user).
        address = Address(person.platform, person.chat_id or person.external_id)
        try:
            reply = await self._reply(row, person, now)
        except Exception as err:  # nothing was sent: try again later, the row is not lost
            log.exception("outbox row %s: cannot build the message", row.id)
            await self._temporary(row, now, TemporaryFailure(f"build: {err!r}"))
            return
        try:
            await self.ports[person.platform].send(address, reply)
        except TemporaryFailure as err:
            await self._temporary(row, now, err)
        except PermanentFailure as err:
            log.warning("%s unreachable (%s); outbox row %s dropped", person.key, err, row.id)
            await people.mark_unreachable(self.db, person_id=person.id, now=now)
            await queue.drop(self.db, row_id=row.id, now=now, reason="unreachable",
                             error=str(err))
        except Exception as err:
            # Unknown outcome: it may have reached the person, so it stays sent (at-most-once).
            log.exception("outbox row %s: transport failed unexpectedly; not retried", row.id)
            await queue.confirm(self.db, row_id=row.id, error=f"unknown: {err!r}"[:500])
        else:
            await queue.confirm(self.db, row_id=row.id)

    async def _temporary(self, row: OutboxMessage, now: datetime, err: TemporaryFailure) -> None:
        assert row.id is not None
        if row.attempts >= self.retry.max_attempts:
            log.warning("outbox row %s given up after %s attempts: %s", row.id, row.attempts, err)
            await queue.drop(self.db, row_id=row.id, now=now, reason="gave_up", error=str(err))
            return
        when = now + self.retry.delay(row.attempts, err.retry_after)
        log.info("outbox row %s failed (%s); retry %s at %s", row.id, err, row.attempts, when)
        await queue.retry_at(self.db, row_id=row.id, when=when, error=str(err))

    async def _reply(self, row: OutboxMessage, person: Person, now: datetime) -> Reply:
        payload = row.payload or {}
        rows = [[(label, action) for label, action in r] for r in payload.get("buttons", [])]
        buttons: tuple[tuple[Button, ...], ...] = ()
        if rows:
            flat = [action for r in rows for _, action in r]
            tokens = iter((await chat_state.issue_tokens(
                self.db, person_id=person.id, chat_id=person.chat_id,  # type: ignore[arg-type]
                batches=[flat], now=now,
            ))[0])
            buttons = tuple(tuple(Button(next(tokens), label) for label, _ in r) for r in rows)
        f = payload.get("file")
        file = FileOut(f["name"], f["mime"], base64.b64decode(f["data_b64"])) if f else None
        return Reply(row.text, buttons, file)
