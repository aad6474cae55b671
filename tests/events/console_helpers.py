"""Console helpers for the events tests: join a company, find an event card, read a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.console import ConsoleBot, invite_code, texts


def join(console: ConsoleBot, who: str, company: str) -> None:
    """Link `who` to `company` through an invite code from the admin."""
    code = invite_code(console.say("chef", f"/einladung {company}"))
    assert "Willkommen" in texts(console.say(who, f"/start {code}"))


def card(messages: list[dict[str, Any]], title: str) -> list[dict[str, Any]]:
    """Return the first message (as a list) whose text names `title`."""
    found = [m for m in messages if title in m.get("text", "")]
    assert found, f"no card {title!r} in {texts(messages)}"
    return found[:1]


def file(messages: list[dict[str, Any]], suffix: str) -> bytes:
    """Return the bytes of the first attached file whose name ends with `suffix`."""
    for m in messages:
        if m.get("file", {}).get("name", "").endswith(suffix):
            return Path(m["file"]["path"]).read_bytes()
    raise AssertionError(f"no {suffix} file in {messages}")
