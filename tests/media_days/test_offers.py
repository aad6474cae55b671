"""Splitting the team's list of offered days."""

from __future__ import annotations

import pytest

from handlers.media_days.offers import split_days


@pytest.mark.parametrize(("text", "parts"), [
    ("3.2., 10.2., 17.2.", ["3.2.", "10.2.", "17.2."]),
    ("3.2. 10.2. 17.2.", ["3.2.", "10.2.", "17.2."]),
    ("3.2.2026;10.2.26", ["3.2.2026", "10.2.26"]),
    ("Di 10.3. und Do 12.3.", ["Di 10.3.", "Do 12.3."]),
    ("nächsten Dienstag, KW 12", ["nächsten Dienstag", "KW 12"]),
    ("", []),
])
def test_split_days(text: str, parts: list[str]) -> None:
    assert split_days(text) == parts
