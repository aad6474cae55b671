"""User-typed strings (event titles, notes) reach Telegram escaped: verbatim, never refused."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.telegram.conftest import ADMIN, Live
from tests.telegram.test_telegram_e2e import ANNA, card_label, onboard, press

EVIL_TITLE = '<b>Azubi</b>-Treff & "Co" <i'
EVIL_NOTE = "<script>x</script> Unterlagen & <u>Mappe"


def with_text(messages: list[dict[str, Any]], part: str) -> dict[str, Any]:
    """Return the newest message containing `part`."""
    found = [m for m in messages if part in m.get("text", "")]
    assert found, (part, [m.get("text") for m in messages])
    return found[-1]


def assert_never_refused(live: Live) -> None:
    """Every message went out as HTML: none needed the plain-text fallback."""
    calls = [c for c in live.api.calls if c.method in ("sendMessage", "editMessageText")]
    assert calls and all(c.params.get("parse_mode") == "HTML" for c in calls)


async def create_event(live: Live, title: str) -> None:
    """Let the admin create an event with `title` through the /termin_neu dialog."""
    await live.say(ADMIN, "/termin_neu", name="Chefin")
    await live.say(ADMIN, title, name="Chefin")
    echo = await live.say(ADMIN, "4.3. 10-12 Uhr", name="Chefin")
    await press(live, ADMIN, with_text(echo, "10:00"), "Ja")
    await live.say(ADMIN, "Frottana, Großschönau", name="Chefin")
    kind = await live.say(ADMIN, "Die ersten Tage", name="Chefin")
    await press(live, ADMIN, kind[-1], "Über den Bot")
    await live.say(ADMIN, "5", name="Chefin")
    await live.say(ADMIN, "1.3.", name="Chefin")
    preview = live.api.sent(ADMIN)[-1]
    assert title in preview["text"], preview["text"]
    await press(live, ADMIN, preview, "Speichern")
    assert "Gespeichert" in live.api.sent(ADMIN)[-1]["text"]


async def test_event_title_is_escaped_in_cards_edits_and_calendar(live: Live) -> None:
    await create_event(live, EVIL_TITLE)
    await onboard(live, ANNA)
    card = with_text(await live.say(ANNA, "/termine"), EVIL_TITLE)
    assert "&lt;b&gt;Azubi&lt;/b&gt;" in card["html"]
    await press(live, ANNA, card, card_label(card, "Anmelden", EVIL_TITLE))
    asked = next(m for m in live.api.sent(ANNA) if m["message_id"] == card["message_id"])
    await press(live, ANNA, asked, "1")
    done = next(m for m in live.api.sent(ANNA) if m["message_id"] == card["message_id"])
    assert EVIL_TITLE in done["text"], done["text"]
    [ics] = [m for m in live.api.sent(ANNA) if "document" in m]
    assert EVIL_TITLE.encode() in ics["data"].replace(b"\\", b"")
    assert_never_refused(live)


async def test_typed_reminder_note_is_escaped_when_echoed_listed_and_delivered(
    live: Live,
) -> None:
    await onboard(live, ANNA)
    asked = await live.say(ANNA, f"/erinnerung morgen 9 Uhr {EVIL_NOTE}")
    await press(live, ANNA, asked[-1], "Ja")
    listing = await live.say(ANNA, "/erinnerungen")
    assert with_text(listing, EVIL_NOTE)
    before = len(live.api.sent(ANNA))
    await live.app.advance(live.clock.now() + timedelta(days=1, hours=1))
    assert with_text(live.api.sent(ANNA)[before:], EVIL_NOTE)
    assert_never_refused(live)
