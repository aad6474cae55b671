"""Telegram groups: nothing personal or of the team is ever posted into the group."""

from __future__ import annotations

import json

from bot.transports.telegram_plan import GROUP_NOTE
from tests.telegram.conftest import ADMIN, Live
from tests.telegram.test_telegram_e2e import ANNA, onboard

GROUP = -100_888
TEAM_ONLY = ("/export anmeldungen", "/einladung Pragma", "/firmen", "/protokoll", "/teilnehmer",
             "/medientage", "/themen")


async def test_group_never_receives_an_export_invite_code_or_list(live: Live) -> None:
    await onboard(live, ANNA)
    for text in TEAM_ONLY:
        live.api.push_text(ADMIN, text, chat_id=GROUP, chat_type="supergroup", name="Chefin")
    for text in ("/meine", "/erinnerungen", "/termine"):
        live.api.push_text(ANNA, text, chat_id=GROUP, chat_type="supergroup")
    await live.synced.settle()
    posted = live.api.sent(GROUP)
    assert not [m for m in posted if "document" in m], "a file was posted into the group"
    dump = json.dumps(posted, ensure_ascii=False)
    assert "start=" not in dump and "Zemmler" not in dump and "Pragma" not in dump
    notes = [m for m in posted if m["text"] == GROUP_NOTE]
    assert len(notes) == len(TEAM_ONLY) + 2  # each private answer: a note, no content
    assert all(m["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://t.me/zm_test_bot"
               for m in notes)
    public = [m for m in posted if m["text"] != GROUP_NOTE]
    assert public and "Ausbildungs-Marketing" in public[0]["text"]  # /termine is for everyone
    # In the private chat the same commands answer in full.
    [listed] = await live.say(ADMIN, "/firmen", name="Chefin")
    assert "Zemmler" in listed["text"]
    exported = await live.say(ADMIN, "/export anmeldungen", name="Chefin")
    assert any("document" in m for m in exported)
