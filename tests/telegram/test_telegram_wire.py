"""`wire()` rebuilds only the fields telegram_updates reads: it must read the same as to_dict()."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update

from bot.transports import telegram_updates as tu
from bot.transports.telegram_http import wire

ANNA = {"id": 222, "is_bot": False, "first_name": "Anna", "last_name": "Schulz",
        "username": "anna_hr", "language_code": "de"}
PRIVATE = {"id": 222, "type": "private", "first_name": "Anna"}
GROUP = {"id": -100777, "type": "supergroup", "title": "Cluster"}
BOT_MESSAGE = {"message_id": 55, "date": 1767000000, "chat": PRIVATE, "text": "1. Termin",
               "from": {"id": 4242, "is_bot": True, "first_name": "Bot"},
               "reply_markup": {"inline_keyboard": [[{"text": "1 · Anmelden",
                                                      "callback_data": "tok"}]]}}

SAMPLES: list[dict[str, Any]] = [
    {"update_id": 1, "message": {"message_id": 9, "date": 1767000000, "chat": PRIVATE,
                                 "from": ANNA, "text": "/termine",
                                 "entities": [{"type": "bot_command", "offset": 0,
                                               "length": 8}]}},
    {"update_id": 2, "message": {"message_id": 10, "date": 1767000000, "chat": GROUP,
                                 "from": ANNA, "text": "/hilfe@zm_test_bot"}},
    {"update_id": 3, "message": {"message_id": 11, "date": 1767000000, "chat": PRIVATE,
                                 "from": ANNA, "caption": "/start ABC",
                                 "document": {"file_id": "f", "file_unique_id": "u"}}},
    {"update_id": 4, "message": {"message_id": 12, "date": 1767000000,
                                 "chat": {"id": -100, "type": "channel"},
                                 "text": "ohne Absender"}},
    {"update_id": 5, "callback_query": {"id": "cq1", "from": ANNA, "chat_instance": "1",
                                        "data": "tok", "message": BOT_MESSAGE}},
    {"update_id": 6, "callback_query": {"id": "cq2", "from": ANNA, "chat_instance": "1",
                                        "data": "tok", "message": {
                                            "message_id": 56, "date": 0, "chat": GROUP}}},
    {"update_id": 7, "callback_query": {"id": "cq3", "from": ANNA, "chat_instance": "1",
                                        "inline_message_id": "im1", "data": "tok"}},
    {"update_id": 8, "my_chat_member": {
        "chat": PRIVATE, "from": ANNA, "date": 1767000000,
        "old_chat_member": {"status": "member", "user": {"id": 4242, "is_bot": True,
                                                         "first_name": "Bot"}},
        "new_chat_member": {"status": "kicked", "until_date": 0,
                            "user": {"id": 4242, "is_bot": True, "first_name": "Bot"}}}},
    {"update_id": 9, "edited_message": {"message_id": 9, "date": 1767000000, "chat": PRIVATE,
                                        "from": ANNA, "text": "geändert",
                                        "edit_date": 1767000001}},
]


@pytest.mark.parametrize("raw", SAMPLES, ids=[str(s["update_id"]) for s in SAMPLES])
def test_wire_reads_like_the_full_json(raw: dict[str, Any]) -> None:
    update = Update.de_json(raw, None)
    full = update.to_dict()
    assert tu.incoming(wire(update), "zm_test_bot") == tu.incoming(full, "zm_test_bot")
    assert tu.blocked_by(wire(update)) == tu.blocked_by(full)


def test_the_samples_cover_messages_presses_and_blocks() -> None:
    updates = [Update.de_json(raw, None) for raw in SAMPLES]
    seen = [tu.incoming(wire(u), "zm_test_bot") for u in updates]
    assert [s.text or s.press for s in seen if s] == [
        "/termine", "/hilfe", "/start ABC", "tok", "tok", "tok"]
    assert [str(p) for u in updates if (p := tu.blocked_by(wire(u)))] == [
        str(tu.person(ANNA))]
