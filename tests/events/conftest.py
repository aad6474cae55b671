"""The bot's router in-process on a migrated database (SQLite and PostgreSQL) for event rules."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.chat import Address, Incoming, Reply
from bot.chat import Person as ChatPerson
from bot.clock import ManualClock
from handlers import build_router
from handlers.core import Action, Router, Services
from handlers.core.actions import Signer
from storage.catalogue import Catalogue
from storage.db import Database

ADMIN = "chef"


@dataclass
class Chat:
    """Talk to the router as console people (`chef` is an admin)."""

    router: Router

    async def say(self, who: str, text: str) -> list[Reply]:
        """Send text as `who`."""
        return await self.router.handle(self._incoming(who, text=text))

    async def press(self, who: str, action: Action) -> list[Reply]:
        """Press a button with `action`, as if it had been shown to `who`."""
        token = self.router.services.signer.sign(f"console:{who}", action.encode())
        return await self.router.handle(self._incoming(who, press=token))

    async def tap(self, who: str, shown: list[Reply], label: str) -> list[Reply]:
        """Press the first button of `shown` whose label contains `label`."""
        found = [b.id for r in shown for b in r.flat_buttons() if label in b.label]
        assert found, f"no button {label!r} in {[r.text for r in shown]}"
        return await self.router.handle(self._incoming(who, press=found[0]))

    @staticmethod
    def _incoming(who: str, *, text: str | None = None, press: str | None = None) -> Incoming:
        # No display name: people made by the helpers keep theirs ("Person 0").
        return Incoming(ChatPerson("console", who), Address("console", who), text=text,
                        press=press)


@pytest.fixture
def chat(db: Database, clock: ManualClock, catalogue: Catalogue) -> Chat:
    """The bot with every feature of this branch, clock at Monday 2026-02-02 09:00 Berlin."""
    services = Services(db=db, clock=clock, catalogue=catalogue,
                        admin_keys=frozenset({f"console:{ADMIN}"}), signer=Signer(b"k" * 32))
    return Chat(build_router(services))
