"""Rendering and parsing for Matrix, plus the state files and backoff (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.chat import Button, FileOut, PermanentFailure, Reply, TemporaryFailure
from bot.transports.matrix_format import (
    choices_phrase,
    failure,
    file_content,
    message_html,
    parse_text,
    server_of,
    text_content,
)
from bot.transports.matrix_state import Backoff, Credentials, StateFiles


def test_choices_phrase_reads_naturally() -> None:
    assert choices_phrase(1) == "Antworte mit 1."
    assert choices_phrase(2) == "Antworte mit 1 oder 2."
    assert choices_phrase(3) == "Antworte mit 1, 2 oder 3."
    assert choices_phrase(2, first=4) == "Antworte mit 4 oder 5."
    html = message_html(Reply("Karte 2", ((Button("t", "Anmelden"),),)), first_option=7)
    assert "<b>7)</b> Anmelden" in html and html.endswith("Antworte mit 7.")


def test_buttons_become_numbered_lines_in_reading_order() -> None:
    rows = ((Button("t1", "Anmelden"), Button("t2", "Warteliste")), (Button("t3", "Abbrechen"),))
    html = message_html(Reply("Was nun?", rows))
    content = text_content(html)
    assert content["body"] == (
        "Was nun?\n\n1) Anmelden\n2) Warteliste\n3) Abbrechen\nAntworte mit 1, 2 oder 3."
    )
    assert content["formatted_body"].startswith("Was nun?<br><br><b>1)</b> Anmelden<br>")
    assert content["format"] == "org.matrix.custom.html"


def test_options_can_be_replaced_by_a_note() -> None:
    reply = Reply("Wähle", ((Button("t1", "A"),),))
    assert message_html(reply, with_options=False, note="<i>im DM</i>") == "Wähle\n\n<i>im DM</i>"
    assert message_html(Reply("Nur Text"), with_options=False, note="x") == "Nur Text"


def test_plain_body_unescapes_and_keeps_links() -> None:
    content = text_content('A &amp; B <a href="https://x.de/a">Info</a>\nZeile')
    assert content["body"] == "A & B Info (https://x.de/a)\nZeile"
    assert content["formatted_body"] == 'A &amp; B <a href="https://x.de/a">Info</a><br>Zeile'


@pytest.mark.parametrize(
    ("body", "group", "text", "option"),
    [
        ("!termine", False, "/termine", None),
        ("/termine", True, "/termine", None),
        ("! start ABC", False, "/start ABC", None),
        ("3", False, "3", 3),
        (" 12 ", False, "12", 12),
        ("3", True, None, None),
        ("hallo", True, None, None),
        ("hallo", False, "hallo", None),
        ("> <@a:x> alt\n\n!hilfe", False, "/hilfe", None),
        ("   ", False, None, None),
    ],
)
def test_parse_text(body: str, group: bool, text: str | None, option: int | None) -> None:
    parsed = parse_text(body, is_group=group)
    assert (parsed.text if parsed else None) == text
    assert (parsed.option if parsed else None) == option


def test_file_content_plain_and_encrypted() -> None:
    f = FileOut("t.ics", "text/calendar", b"abc")
    plain = file_content(f, "mxc://s/1", None)
    assert plain["url"] == "mxc://s/1" and plain["msgtype"] == "m.file"
    assert plain["info"] == {"mimetype": "text/calendar", "size": 3}
    enc = file_content(f, "mxc://s/2", {"key": {"k": "x"}, "iv": "i", "hashes": {}, "v": "v2"})
    assert "url" not in enc and enc["file"]["url"] == "mxc://s/2" and enc["file"]["iv"] == "i"


def test_failures_map_rate_limits_and_gone_rooms() -> None:
    limited = failure("M_LIMIT_EXCEEDED", 2500, "slow down")
    assert isinstance(limited, TemporaryFailure) and limited.retry_after == 2.5
    assert isinstance(failure("M_FORBIDDEN", None, "not in room"), PermanentFailure)
    assert isinstance(failure(None, None, "502"), TemporaryFailure)


def test_server_of_user_ids() -> None:
    assert server_of("@anna:firma.de") == "firma.de"
    assert server_of("@anna:localhost:8448") == "localhost:8448"


async def test_state_files_roundtrip_and_scope(tmp_path: Path) -> None:
    files = StateFiles(tmp_path / "store")
    files.prepare()
    creds = Credentials("https://hs", "@bot:hs", "DEV1", "secret")
    files.save_credentials(creds)
    assert files.load_credentials("https://hs", "@bot:hs") == creds
    assert files.load_credentials("https://other", "@bot:hs") is None
    assert (tmp_path / "store" / "credentials.json").stat().st_mode & 0o077 == 0
    assert files.load_token("DEV1") is None
    await files.save_token("DEV1", "s42")
    assert files.load_token("DEV1") == "s42"
    assert files.load_token("DEV2") is None  # another device starts fresh
    (tmp_path / "store" / "sync-token.json").write_text("{kaputt")
    assert files.load_token("DEV1") is None


def test_backoff_grows_caps_and_honours_retry_after() -> None:
    backoff = Backoff(first=1, cap=8)
    delays = [backoff.next_delay() for _ in range(6)]
    assert 0.8 <= delays[0] <= 1.2 and 1.6 <= delays[1] <= 2.4
    assert max(delays) <= 8 * 1.2
    assert backoff.next_delay(retry_after=3.0) == 3.0
    backoff.reset()
    assert backoff.next_delay() <= 1.2
