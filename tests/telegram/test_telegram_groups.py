"""Telegram groups: nothing personal or of the team is ever posted into the group."""

from __future__ import annotations

import json

from bot.transports.telegram_plan import GROUP_NOTE, GROUP_SENT
from tests.telegram.conftest import ADMIN, Live
from tests.telegram.test_telegram_e2e import ANNA, onboard

GROUP = -100_888
TEAM_ONLY = ("/export anmeldungen", "/einladung Pragma", "/firmen", "/protokoll", "/teilnehmer",
             "/medientage", "/themen")


async def test_group_never_receives_an_export_invite_code_or_list(live: Live) -> None:
    await onboard(live, ANNA)
    before = len(live.api.sent(ADMIN))
    for text in TEAM_ONLY:
        live.api.push_text(ADMIN, text, chat_id=GROUP, chat_type="supergroup", name="Chefin")
    for text in ("/meine", "/erinnerungen", "/termine"):
        live.api.push_text(ANNA, text, chat_id=GROUP, chat_type="supergroup")
    await live.synced.settle()
    posted = live.api.sent(GROUP)
    assert not [m for m in posted if "document" in m], "a file was posted into the group"
    dump = json.dumps(posted, ensure_ascii=False)
    assert "start=" not in dump and "Zemmler" not in dump and "Pragma" not in dump
    notes = [m for m in posted if m["text"] == GROUP_SENT]
    assert len(notes) == len(TEAM_ONLY) + 2  # each private answer: a note, no content
    assert all(m["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://t.me/zm_test_bot"
               for m in notes)
    public = [m for m in posted if m["text"] != GROUP_SENT]
    assert public and "Ausbildungs-Marketing" in public[0]["text"]  # /termine is for everyone
    # The answers went to the private chats, in full.
    private = live.api.sent(ADMIN)[before:]
    said = "\n".join(m.get("text") or m.get("caption") or "" for m in private)
    assert any("document" in m for m in private)  # the export
    assert "im privaten Chat" in said  # team dialogs (/einladung, /firmen) continue there
    assert "Themenvorschläge" in said  # /themen answered in full, privately
    anna = "\n".join(m["text"] for m in live.api.sent(ANNA))
    assert "anmeld" in anna.lower() and "im privaten Chat" in anna  # /meine, /erinnerungen


async def test_someone_the_bot_may_not_write_to_gets_the_link_in_the_group(live: Live) -> None:
    await onboard(live, ANNA)
    live.api.blocked.add(ANNA)  # as Telegram answers for people who never started the bot
    live.api.push_text(ANNA, "/meine", chat_id=GROUP, chat_type="supergroup")
    await live.synced.settle()
    [note] = live.api.sent(GROUP)
    assert note["text"] == GROUP_NOTE
    assert note["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://t.me/zm_test_bot"
