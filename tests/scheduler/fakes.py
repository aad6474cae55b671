"""Recording fake chat ports for delivery tests (they record, they do not assert)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat import Address, PermanentFailure, Reply, TemporaryFailure
from storage import chat, outbox
from storage.db import Database, Session
from storage.members.models import Person
from storage.outbox import OutboxMessage, Plan

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """Return a Berlin-local aware datetime."""
    return datetime(y, mo, d, h, mi, tzinfo=BERLIN)


class RecordingPort:
    """Records every message it is asked to send."""

    platform = "console"
    numbered = True

    def __init__(self) -> None:
        self.sent: list[tuple[Address, Reply]] = []

    async def send(self, address: Address, reply: Reply) -> None:
        """Record the message."""
        self.sent.append((address, reply))

    @property
    def texts(self) -> list[str]:
        """Return the texts sent so far."""
        return [r.text for _, r in self.sent]


class FlakyPort(RecordingPort):
    """Fails temporarily `failures` times, then records."""

    def __init__(self, failures: int, retry_after: float | None = None) -> None:
        super().__init__()
        self.failures = failures
        self.retry_after = retry_after
        self.tries = 0

    async def send(self, address: Address, reply: Reply) -> None:
        """Fail while failures remain, then record."""
        self.tries += 1
        if self.tries <= self.failures:
            raise TemporaryFailure("network down", retry_after=self.retry_after)
        await super().send(address, reply)


class BlockedPort(RecordingPort):
    """The person blocked the bot."""

    async def send(self, address: Address, reply: Reply) -> None:
        """Always fail permanently."""
        raise PermanentFailure("Forbidden: bot was blocked by the user")


class CrashingPort(RecordingPort):
    """Fails with an unexpected error (outcome unknown)."""

    async def send(self, address: Address, reply: Reply) -> None:
        """Raise a non-delivery error."""
        self.sent.append((address, reply))
        raise RuntimeError("connection reset after write")


class HangingPort(RecordingPort):
    """Blocks inside send until cancelled (a process dying mid-send)."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = asyncio.Event()

    async def send(self, address: Address, reply: Reply) -> None:
        """Signal entry, then wait forever."""
        self.entered.set()
        await asyncio.Event().wait()


async def person(db: Database, name: str = "anna") -> int:
    """Create a console person and return the id."""
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id=name, display_name=name,
                               chat_id=name)
        return seen.person.id


async def plan(db: Database, pid: int, key: str, due: datetime, **kw: Any) -> None:
    """Plan one row with text = key."""
    async with db.unit() as s:
        await outbox.plan(s, Plan(person_id=pid, kind=str(kw.pop("kind", "test")), key=key,
                                  due_at=due, text=key, **kw), now=berlin(2026, 1, 1))


async def literal(s: Session, row: OutboxMessage, person: Person, *, now: datetime,
                  numbered: bool, memo: dict[Any, Any]) -> Reply | None:
    """Compose a row as its literal text (the deliverer's policy is under test, not texts)."""
    return Reply(row.text)
