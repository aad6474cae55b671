"""Personal reminders are for members: the console's "anna" joins a company first."""

from __future__ import annotations

import pytest

from tests.support.console import ConsoleBot, join


@pytest.fixture
def console(console: ConsoleBot) -> ConsoleBot:
    """The shared console bot, with "anna" linked to a member company."""
    join(console, "anna", quiet=True)
    return console
