"""Deliver due outbox rows through the chat ports: at most once, in order (docs/reminders.md).

One delivery round claims a batch of due rows (marked sent in the claiming transaction, so a
crash never sends one twice), renders them in a second unit of work (from committed data),
sends them (one person's rows strictly in order, different people side by side) and settles
every outcome in a third: confirmed, retried later, dropped, or the person marked unreachable.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.chat import Address, ChatPort, PermanentFailure, Reply, TemporaryFailure
from bot.clock import Clock, QuietHours
from storage.db import Database, Session
from storage.members import people
from storage.members.models import Person
from storage.outbox import OutboxMessage, queue
from storage.outbox.queue import Claim, Dropped

log = logging.getLogger(__name__)
Jobs = Callable[[datetime], Awaitable[int]]
Observe = Callable[[dict[str, int]], None]  # outcome -> rows (sent, retry, dropped, unknown)


class Compose(Protocol):
    """Renders a claimed row for its recipient (None: it no longer applies)."""

    async def __call__(self, s: Session, row: OutboxMessage, person: Person, *, now: datetime,
                       numbered: bool, memo: dict[Any, Any]) -> Reply | None:
        """Return the message to send, or None to drop the row."""
        ...


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
        return self.base * (1 << max(attempts - 1, 0))


@dataclass
class _Outcomes:
    """What happened to the rows of one batch, settled in one transaction."""

    sent: list[int] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)
    retry: list[tuple[OutboxMessage, TemporaryFailure]] = field(default_factory=list)
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # row, reason, error
    unreachable: list[int] = field(default_factory=list)  # person ids


class Deliverer:
    """Sends due outbox rows, each at most once, in due order per person."""

    def __init__(
        self, db: Database, clock: Clock, *, compose: Compose, quiet: QuietHours | None = None,
        retry: RetryPolicy | None = None, jobs: Jobs | None = None, batch: int = 200,
        concurrency: int = 1, observe: Observe | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.compose = compose
        self.quiet = quiet or QuietHours()
        self.retry = retry or RetryPolicy()
        self.jobs = jobs
        self.batch = batch
        self.concurrency = max(1, concurrency)  # people served side by side while sending
        self.ports: dict[str, ChatPort] = {}
        self.observe = observe

    async def recover(self) -> int:
        """Log rows a crash left between claim and send; they are not sent again."""
        async with self.db.unit() as s:
            lost = await queue.in_flight(s)
            for row in lost:
                log.warning("outbox row %s (%s) was interrupted while sending and is not "
                            "retried (at-most-once)", row.id, row.dedupe_key)
            if lost:
                await queue.mark_lost(s, row_ids=[r.id for r in lost])
        return len(lost)

    async def deliver_due(self) -> int:
        """Run the jobs, then send (or drop) every row due by now; return how many."""
        now = self.clock.now()
        if self.jobs is not None:
            await self.jobs(now)
        handled = 0
        while self.ports:
            async with self.db.unit() as s:
                items = await queue.claim_due(s, now=now, platforms=self.ports,
                                              urgent_only=self.quiet.is_quiet(now),
                                              limit=self.batch)
            if not items:
                break
            handled += len(items)
            await self._deliver(items, now)
        return handled

    async def next_due(self) -> datetime | None:
        """Return when the next row becomes sendable (quiet hours and retries included)."""
        async with self.db.read() as s:
            urgent, other = await queue.next_eligible(s, platforms=self.ports)
        if other is not None:
            other = self.quiet.release(max(other, self.clock.now()))
        times = [t for t in (urgent, other) if t is not None]
        return min(times) if times else None

    async def _deliver(self, items: list[Claim | Dropped], now: datetime) -> None:
        done = _Outcomes()
        early = 0  # dropped when claimed (switched off, too late, unreachable)
        for item in items:
            if isinstance(item, Dropped):
                early += 1
                level = logging.WARNING if item.reason == "too_late" else logging.INFO
                log.log(level, "outbox row %s (%s) dropped: %s", item.row_id, item.key,
                        item.reason)
        claims = [i for i in items if isinstance(i, Claim)]
        replies = await self._compose_all(claims, now, done)
        by_person: dict[int, list[tuple[Claim, Reply]]] = {}
        for claim, reply in replies:
            by_person.setdefault(claim.person.id, []).append((claim, reply))
        gate = asyncio.Semaphore(self.concurrency)

        async def send_all(queued: list[tuple[Claim, Reply]]) -> None:
            async with gate:
                for claim, reply in queued:  # one person's messages strictly in order
                    await self._send(claim, reply, done)

        await asyncio.gather(*(send_all(q) for q in by_person.values()))
        await self._settle(done, now)
        if self.observe is not None:
            self.observe({"sent": len(done.sent), "retry": len(done.retry),
                          "dropped": len(done.dropped) + early, "unknown": len(done.unknown)})

    async def _compose_all(self, claims: list[Claim], now: datetime,
                           done: _Outcomes) -> list[tuple[Claim, Reply]]:
        out: list[tuple[Claim, Reply]] = []
        memo: dict[Any, Any] = {}
        async with self.db.unit() as s:
            for claim in claims:
                row, person = claim.row, claim.person
                port = self.ports[person.platform]
                try:
                    reply = await self.compose(s, row, person, now=now, numbered=port.numbered,
                                               memo=memo)
                except Exception as err:  # nothing was sent: try again later
                    log.exception("outbox row %s: cannot build the message", row.id)
                    done.retry.append((row, TemporaryFailure(f"build: {err!r}")))
                    continue
                if reply is None:
                    done.dropped.append((row.id, "obsolete", ""))
                else:
                    out.append((claim, reply))
        return out

    async def _send(self, claim: Claim, reply: Reply, done: _Outcomes) -> None:
        row, person = claim.row, claim.person
        # Someone only ever seen in a group has no DM chat yet: the platform id reaches them
        # (Telegram's private chat id is the user id; Matrix opens a DM with the user).
        address = Address(person.platform, person.chat_id or person.external_id)
        try:
            await self.ports[person.platform].send(address, reply)
        except TemporaryFailure as err:
            done.retry.append((row, err))
        except PermanentFailure as err:
            log.warning("%s unreachable (%s); outbox row %s dropped", person.key, err, row.id)
            done.unreachable.append(person.id)
            done.dropped.append((row.id, "unreachable", str(err)))
        except Exception as err:
            # Unknown outcome: it may have reached the person, so it stays sent (at-most-once).
            log.exception("outbox row %s: transport failed unexpectedly; not retried", row.id)
            done.unknown.append((row.id, f"unknown: {err!r}"))
        else:
            done.sent.append(row.id)

    async def _settle(self, done: _Outcomes, now: datetime) -> None:
        async with self.db.unit() as s:
            await queue.confirm(s, row_ids=done.sent)
            for row_id, error in done.unknown:
                await queue.unknown_outcome(s, row_id=row_id, error=error)
            for row_id, reason, error in done.dropped:
                await queue.drop(s, row_id=row_id, now=now, reason=reason, error=error)
            for person_id in set(done.unreachable):
                await people.mark_unreachable(s, person_id=person_id, now=now)
            for row, err in done.retry:
                await self._temporary(s, row, now, err)

    async def _temporary(self, s: Session, row: OutboxMessage, now: datetime,
                         err: TemporaryFailure) -> None:
        if row.attempts >= self.retry.max_attempts:
            log.warning("outbox row %s given up after %s attempts: %s", row.id, row.attempts, err)
            await queue.drop(s, row_id=row.id, now=now, reason="gave_up", error=str(err))
            return
        when = now + self.retry.delay(row.attempts, err.retry_after)
        log.info("outbox row %s failed (%s); retry %s at %s", row.id, err, row.attempts, when)
        await queue.retry_at(s, row_id=row.id, when=when, error=str(err))
