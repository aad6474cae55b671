"""Emoji in a question or answer: the result chart leaves them out instead of warning on
stderr (and drawing empty boxes)."""

from __future__ import annotations

from pathlib import Path

from tests.media_days.helpers import join
from tests.polls.helpers import mine, new_poll
from tests.support.console import ConsoleBot, button, texts


def test_emoji_in_a_poll_draw_a_chart_without_warnings(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    out = new_poll(console, options="Podcast 🎙️\nAzubi-Tag 🚀\n🎉")
    console.press("anna", button(mine(out, "anna"), "Azubi-Tag"))
    closed = console.now("2026-02-06T12:30:00+01:00")
    result = mine(closed, "anna")
    assert "Azubi-Tag 🚀: 1 Stimme" in texts(result)
    assert Path(result[0]["file"]["path"]).read_bytes().startswith(b"\x89PNG")
    console.stop()
    err = console.stderr()
    assert "Glyph" not in err and "Warning" not in err, err
