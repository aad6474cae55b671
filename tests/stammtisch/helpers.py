"""Test helpers for the Stammtisch and reminders: people, a wired router and a recording port."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import select

from bot.chat import Address, Reply
from bot.clock import ManualClock
from handlers import build_router
from handlers.core import Router, Services
from handlers.core.actions import Signer
from scheduler.delivery import Deliverer
from scheduler.replay import replay_until
from storage import chat
from storage.catalogue import Catalogue
from storage.db import Database
from storage.members import people
from storage.members.models import Company
from storage.outbox import preferences

BERLIN = ZoneInfo("Europe/Berlin")
COMPANY_KINDS = ("media_day.nudge", "fair.deadline")  # what every member company is sent


def berlin(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """Return a Berlin-local aware datetime."""
    return datetime(y, mo, d, h, mi, tzinfo=BERLIN)


@dataclass
class RecordingPort:
    """Records every message with the (manual) time it was sent; it never fails."""

    clock: ManualClock
    platform: str = "console"
    numbered: bool = False
    sent: list[tuple[datetime, str, str]] = field(default_factory=list)  # when, to, text

    async def send(self, address: Address, reply: Reply) -> None:
        """Record the message."""
        self.sent.append((self.clock.now(), address.chat_id, reply.text))

    def texts(self, to: str | None = None) -> list[str]:
        """Return the texts sent (to one person)."""
        return [text for _, who, text in self.sent if to is None or who == to]


@dataclass
class Bot:
    """The real router and deliverer on a test database, with a manual clock and one port."""

    db: Database
    clock: ManualClock
    router: Router
    deliverer: Deliverer
    port: RecordingPort

    async def advance(self, target: datetime) -> None:
        """Move the clock to `target`, delivering on the way (as the console does)."""
        await replay_until(self.clock, target, self.deliverer.deliver_due,
                           self.deliverer.next_due)


def wired(db: Database, catalogue: Catalogue, now: datetime,
          admin_keys: frozenset[str] = frozenset()) -> Bot:
    """Return the real router and deliverer on `db` at `now` (nothing sent yet)."""
    clock = ManualClock(now)
    services = Services(db=db, clock=clock, catalogue=catalogue, admin_keys=admin_keys,
                        signer=Signer(b"test"))
    router = build_router(services)
    deliverer = Deliverer(db, clock, compose=router.compose, jobs=router.run_jobs)
    port = RecordingPort(clock)
    deliverer.ports[port.platform] = port
    return Bot(db, clock, router, deliverer, port)


async def person(db: Database, name: str = "anna", *, member: bool = True) -> int:
    """Return the id of console person `name` (created, or made reachable again).

    member: linked to a member company (the Stammtisch and reminders are for members).
    """
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id=name, display_name=name,
                               chat_id=name)
        if member and seen.person.company_id is None:
            company = (await s.exec(select(Company).where(Company.name == "Testfirma"))).first()
            if company is None:
                company = Company(name="Testfirma")
                s.add(company)
                await s.flush()
            seen.person.company_id = company.id
            for kind in COMPANY_KINDS:  # these tests count what the Stammtisch delivers
                await preferences.switch(s, person_id=seen.person.id, kind=kind, enabled=False)
        await s.flush()
        return seen.person.id


async def mark_unreachable(db: Database, person_id: int, now: datetime) -> None:
    """Mark a person unreachable (blocked the bot)."""
    async with db.unit() as s:
        await people.mark_unreachable(s, person_id=person_id, now=now)
