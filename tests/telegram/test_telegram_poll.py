"""A poll on Telegram: the card arrives with inline buttons, a tap edits it in place."""

from __future__ import annotations

from typing import Any

from tests.telegram.conftest import ADMIN, Live
from tests.telegram.test_telegram_e2e import ANNA, onboard, press


def last(live: Live, user: int) -> dict[str, Any]:
    """Return the newest message to `user`."""
    return live.api.sent(user)[-1]


async def test_poll_card_and_vote_on_telegram(live: Live) -> None:
    await onboard(live, ANNA)
    await live.say(ADMIN, "/umfrage_neu", name="Chefin")
    await live.say(ADMIN, "Welches Thema wünscht ihr euch?", name="Chefin")
    await live.say(ADMIN, "Best Practice\nAzubi-On-Boarding", name="Chefin")
    for label in ("Eine Antwort", "Mit Namen", "Nein", "Alle Mitglieder"):
        await press(live, ADMIN, last(live, ADMIN), label)
    await live.say(ADMIN, "Freitag 12 Uhr", name="Chefin")
    await press(live, ADMIN, last(live, ADMIN), "Senden")
    await live.synced.settle()
    card = last(live, ANNA)
    assert "Welches Thema wünscht ihr euch?" in card["text"]
    await press(live, ANNA, card, "1. Best Practice")
    edited = next(m for m in live.api.sent(ANNA) if m["message_id"] == card["message_id"])
    assert "Deine Wahl: Best Practice" in edited["text"]
    labels = [b["text"] for row in edited["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["✅ 1. Best Practice", "2. Azubi-On-Boarding"]
