"""A broadcast with a photo on Telegram: the team sends the photo in the dialog, members get it."""

from __future__ import annotations

from tests.telegram.conftest import ADMIN, Live
from tests.telegram.test_telegram_e2e import ANNA, onboard, press
from tests.telegram.test_telegram_poll import last

SMALL, LARGE = b"\xff\xd8small-jpeg", b"\xff\xd8" + b"large-jpeg" * 300


async def test_broadcast_with_a_photo_reaches_each_member_once(live: Live) -> None:
    await onboard(live, ANNA)
    await live.say(ADMIN, "/rundschreiben", name="Chefin")
    [ask] = await live.say(ADMIN, "Unser Flyer für die Karrieretage", name="Chefin")
    assert "Datei oder ein Bild" in ask["text"]
    live.api.push_photo(ADMIN, [SMALL, LARGE])
    await live.synced.settle()
    assert live.api.downloads[-1] == "documents/up2"  # the largest size was fetched
    assert any("kommt mit" in m["text"] for m in live.api.sent(ADMIN)[-2:])
    await press(live, ADMIN, last(live, ADMIN), "Alle Mitglieder")
    await press(live, ADMIN, last(live, ADMIN), "Normal")
    preview = last(live, ADMIN)
    assert preview["document"]["mime_type"] == "image/jpeg" and preview["data"] == LARGE
    assert "Geht an 1 Person" in preview["caption"]
    before = len(live.api.sent(ANNA))
    await press(live, ADMIN, preview, "Senden")
    got = live.api.sent(ANNA)[before:]
    assert len(got) == 1, got
    assert got[0]["data"] == LARGE and "Karrieretage" in got[0]["caption"]
    labels = [b["text"] for row in got[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["Keine Rundschreiben mehr"]
