"""TOML syntax errors are explained in German, with their line (not tomllib's English)."""

from __future__ import annotations

from pathlib import Path

from tests.catalogue.helpers import PLAN_2026, edited, line, send_file
from tests.support.console import ConsoleBot, texts


def test_syntax_errors_read_german(console: ConsoleBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[cluster\nname = 'x'\n", encoding="utf-8")
    answer = texts(send_file(console, "chef", broken))
    assert "Zeile 1: TOML-Syntaxfehler (Spalte 9): Nach dem Abschnittsnamen fehlt „]“" in answer
    assert "Expected" not in answer

    german_date = edited(tmp_path, "datum.toml",
                         ("start = 2026-03-05T10:00:00", "start = 05.03.2026"))
    answer = texts(send_file(console, "chef", german_date))
    assert f"Zeile {line(PLAN_2026, 'start = 2026-03-05T10:00:00')}: " in answer
    assert "ein Datum schreibt man 2027-03-04" in answer and "Expected" not in answer

    twice = edited(tmp_path, "doppelt.toml", ("capacity = 40 ", "capacity = 40\ncapacity = 41 "))
    answer = texts(send_file(console, "chef", twice))
    assert "steht doppelt" in answer and "overwrite" not in answer
    assert "Es hat sich nichts geändert" in answer
