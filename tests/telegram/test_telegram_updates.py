"""telegram_updates reads PTB's parsed `Update` directly; updates are built from Bot API JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from telegram import Bot, Update
from telegram.error import TelegramError

from bot.chat import Address, Attachment, Incoming, Person
from bot.transports import telegram_http
from bot.transports import telegram_updates as tu
from bot.transports.telegram_http import UpdatesRequest, readable_updates
from tests.telegram.canned import Canned

ANNA = {"id": 222, "is_bot": False, "first_name": "Anna", "last_name": "Schulz",
        "username": "anna_hr", "language_code": "de"}
PRIVATE = {"id": 222, "type": "private", "first_name": "Anna"}
GROUP = {"id": -100777, "type": "supergroup", "title": "Cluster"}
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Bot"}
BOT_MESSAGE = {"message_id": 55, "date": 1767000000, "chat": PRIVATE, "text": "1. Termin",
               "from": BOT_USER,
               "reply_markup": {"inline_keyboard": [[{"text": "1 · Anmelden",
                                                      "callback_data": "tok"}]]}}
BLOCK = {"chat": PRIVATE, "from": ANNA, "date": 1767000000,
         "old_chat_member": {"status": "member", "user": BOT_USER},
         "new_chat_member": {"status": "kicked", "until_date": 0, "user": BOT_USER}}
ANNA_PERSON = Person("telegram", "222", "Anna Schulz")
IN_PRIVATE, IN_GROUP = Address("telegram", "222"), Address("telegram", "-100777")
META = {"username": "anna_hr", "language": "de"}

CASES: list[tuple[str, dict[str, Any], Incoming | None]] = [
    ("command", {"update_id": 1, "message": {
        "message_id": 9, "date": 1767000000, "chat": PRIVATE, "from": ANNA, "text": "/termine",
        "entities": [{"type": "bot_command", "offset": 0, "length": 8}]}},
     Incoming(ANNA_PERSON, IN_PRIVATE, text="/termine", meta={"update_id": "1", **META},
              numbered=False)),
    ("group command for us", {"update_id": 2, "message": {
        "message_id": 10, "date": 1767000000, "chat": GROUP, "from": ANNA,
        "text": "/hilfe@zm_test_bot"}},
     Incoming(ANNA_PERSON, IN_GROUP, text="/hilfe", is_group=True,
              meta={"update_id": "2", **META}, numbered=False)),
    ("group chatter", {"update_id": 3, "message": {
        "message_id": 11, "date": 1767000000, "chat": GROUP, "from": ANNA, "text": "Hallo"}},
     None),
    ("caption", {"update_id": 4, "message": {
        "message_id": 12, "date": 1767000000, "chat": PRIVATE,
        "from": {"id": 7, "is_bot": False, "first_name": "Bo"}, "caption": "/start ABC",
        "document": {"file_id": "f", "file_unique_id": "u"}}},
     Incoming(Person("telegram", "7", "Bo"), IN_PRIVATE, text="/start ABC",
              meta={"update_id": "4", "file_id": "f"}, numbered=False,
              attachment=Attachment("datei", "application/octet-stream", None, 0))),
    ("photo: the largest size the transport fetches", {"update_id": 41, "message": {
        "message_id": 14, "date": 1767000000, "chat": PRIVATE,
        "from": {"id": 7, "is_bot": False, "first_name": "Bo"},
        "photo": [{"file_id": "s", "file_unique_id": "us", "width": 90, "height": 60,
                   "file_size": 2000},
                  {"file_id": "m", "file_unique_id": "um", "width": 800, "height": 600,
                   "file_size": 90000},
                  {"file_id": "l", "file_unique_id": "ul", "width": 4000, "height": 3000,
                   "file_size": 3000000}]}},
     Incoming(Person("telegram", "7", "Bo"), IN_PRIVATE,
              meta={"update_id": "41", "file_id": "m"}, numbered=False,
              attachment=Attachment("foto-um.jpg", "image/jpeg", None, 90000))),
    ("photo in a group without a caption", {"update_id": 42, "message": {
        "message_id": 15, "date": 1767000000, "chat": GROUP,
        "from": {"id": 7, "is_bot": False, "first_name": "Bo"},
        "photo": [{"file_id": "s", "file_unique_id": "us", "width": 90, "height": 60}]}},
     None),
    ("channel post without sender", {"update_id": 5, "message": {
        "message_id": 13, "date": 1767000000, "chat": {"id": -100, "type": "channel"},
        "text": "ohne Absender"}},
     None),
    ("press", {"update_id": 6, "callback_query": {
        "id": "cq1", "from": ANNA, "chat_instance": "1", "data": "tok",
        "message": BOT_MESSAGE}},
     Incoming(ANNA_PERSON, IN_PRIVATE, press="tok", message_ref="55",
              meta={"callback_query": "cq1"}, numbered=False)),
    ("press on an old message (inaccessible: date 0)", {"update_id": 7, "callback_query": {
        "id": "cq2", "from": ANNA, "chat_instance": "1", "data": "tok",
        "message": {"message_id": 56, "date": 0, "chat": GROUP}}},
     Incoming(ANNA_PERSON, IN_GROUP, press="tok", is_group=True, message_ref="56",
              meta={"callback_query": "cq2"}, numbered=False)),
    ("press under an inline-mode message", {"update_id": 8, "callback_query": {
        "id": "cq3", "from": ANNA, "chat_instance": "1", "inline_message_id": "im1",
        "data": "tok"}},
     Incoming(ANNA_PERSON, IN_PRIVATE, press="tok", meta={"callback_query": "cq3"},
              numbered=False)),
    ("game press without data", {"update_id": 9, "callback_query": {
        "id": "cq4", "from": ANNA, "chat_instance": "1", "game_short_name": "g",
        "message": BOT_MESSAGE}},
     None),
    ("block", {"update_id": 10, "my_chat_member": BLOCK}, None),
    ("edit", {"update_id": 11, "edited_message": {
        "message_id": 9, "date": 1767000000, "chat": PRIVATE, "from": ANNA, "text": "geändert",
        "edit_date": 1767000001}},
     None),
]


def parsed(raw: dict[str, Any]) -> Update:
    """Return the update as PTB hands it to the transport."""
    return Update.de_json(raw, Bot("123456:TEST-token"))


@pytest.mark.parametrize(("raw", "expected"), [(raw, want) for _, raw, want in CASES],
                         ids=[name for name, _, _ in CASES])
def test_update_becomes_incoming(raw: dict[str, Any], expected: Incoming | None) -> None:
    assert tu.incoming(parsed(raw), "zm_test_bot") == expected


def test_only_a_private_kick_or_leave_is_a_block() -> None:
    assert tu.blocked_by(parsed({"update_id": 1, "my_chat_member": BLOCK})) == ANNA_PERSON
    left = {**BLOCK, "new_chat_member": {"status": "left", "user": BOT_USER}}
    assert tu.blocked_by(parsed({"update_id": 2, "my_chat_member": left})) == ANNA_PERSON
    back = {**BLOCK, "new_chat_member": {"status": "member", "user": BOT_USER}}
    assert tu.blocked_by(parsed({"update_id": 3, "my_chat_member": back})) is None
    in_group = {**BLOCK, "chat": GROUP}
    assert tu.blocked_by(parsed({"update_id": 4, "my_chat_member": in_group})) is None
    assert all(tu.blocked_by(parsed(raw)) is None for _, raw, _ in CASES if raw["update_id"] != 10)


def test_retry_key_names_the_update_or_the_press() -> None:
    [text] = [want for name, _, want in CASES if name == "command"]
    [press] = [want for name, _, want in CASES if name == "press"]
    assert text is not None and press is not None
    assert tu.retry_key(text) == "telegram.reply:222:1"
    assert tu.retry_key(press) == "telegram.reply:222:cq1"


def test_unparseable_updates_are_replaced_by_empty_ones() -> None:
    good = {"update_id": 1, "message": {"message_id": 9, "date": 0, "chat": PRIVATE,
                                        "from": ANNA, "text": "/hilfe"}}
    broken = {"update_id": 2, "message": {"message_id": "kaputt", "chat": 7}}
    answer = json.dumps({"ok": True, "result": [good, broken]}).encode()
    repaired = json.loads(readable_updates(answer))
    assert repaired == {"ok": True, "result": [good, {"update_id": 2}]}
    assert [u.update_id for u in Update.de_list(repaired["result"], None)] == [1, 2]
    error = b'{"ok": false, "error_code": 409, "description": "Conflict"}'
    assert readable_updates(error) == error


async def test_a_batch_ptb_cannot_parse_is_repaired_when_polled_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = {"update_id": 7, "message": {"message_id": 9, "date": 0, "chat": PRIVATE,
                                        "from": ANNA, "text": "/hilfe"}}
    broken = {"update_id": 8, "message": {"message_id": "kaputt", "chat": 7}}
    checked: list[bytes] = []

    def counted(body: bytes) -> bytes:
        checked.append(body)
        return readable_updates(body)

    monkeypatch.setattr(telegram_http, "readable_updates", counted)
    bot = Bot("123456:TEST-token", get_updates_request=UpdatesRequest(Canned([good])))
    await bot.get_updates(offset=0)
    await bot.get_updates(offset=8)
    assert checked == []  # an ordinary poll is not checked
    bot = Bot("123456:TEST-token",
              get_updates_request=UpdatesRequest(Canned([good, broken])))
    with pytest.raises(Exception) as failed:  # PTB's own parse error (a KeyError today)
        await bot.get_updates(offset=0)
    assert not isinstance(failed.value, TelegramError)  # PTB's Updater logs it, polls again
    again = await bot.get_updates(offset=0)  # what PTB's Updater does after a parse failure
    assert [(u.update_id, u.message is not None) for u in again] == [(7, True), (8, False)]
    assert len(checked) == 1
