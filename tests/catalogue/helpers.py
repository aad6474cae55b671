"""Helpers for the catalogue tests: the shipped files, edited copies, a console in December."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from tests.support.console import ConsoleBot

REPO = Path(__file__).resolve().parents[2]
PLAN_2026 = REPO / "data" / "catalogue.toml"
EXAMPLE_2027 = REPO / "data" / "catalogue-2027.example.toml"


def edited(tmp: Path, name: str, *changes: tuple[str, str], source: Path = PLAN_2026) -> Path:
    """Write a copy of a catalogue with text replaced (each `old` must be there); return it."""
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def without_entry(text_path: Path, key: str) -> tuple[str, str]:
    """Return a change that drops the `[[...]]` entry with `key` from the file."""
    text = text_path.read_text(encoding="utf-8")
    m = re.search(rf'\[\[(events|fairs)\]\]\nkey = "{re.escape(key)}"\n.*?(?=\n\[|\n# ---)',
                  text, re.S)
    assert m, key
    return m.group(0), ""


def line(path: Path, needle: str, nth: int = 1) -> int:
    """Return the 1-based line of the `nth` line of a file that contains `needle`."""
    found = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if needle in text]
    return found[nth - 1]


def december(tmp: Path, template: Path) -> ConsoleBot:
    """A console bot on a fresh database with the clock at 1 December 2026, 09:00."""
    shutil.copyfile(template, tmp / "bot.db")
    return ConsoleBot(tmp, now="2026-12-01T09:00:00+01:00")


def send_file(console: ConsoleBot, who: str, path: Path) -> list[dict[str, Any]]:
    """Send a file as `who` (console JSONL: {"from", "file"})."""
    return console.send({"from": who, "file": str(path)})
