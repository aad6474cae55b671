"""The Telegram transport over real HTTP against the local fake Bot API (scripted handlers)."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.chat import Address, Button, FileOut, Incoming, PermanentFailure, Reply, TemporaryFailure
from bot.transports.telegram_plan import GROUP_NOTE, GROUP_SENT
from tests.telegram.conftest import ADMIN, RecordingHooks, StartTransport, Synced, scripted
from tests.telegram.fake_bot_api import FakeBotApi

GROUP = -100_555


def echo(incoming: Incoming) -> list[Reply]:
    """Answer every text with itself and a button; every press by editing."""
    if incoming.press:
        return [Reply(f"<b>Gedrückt:</b> {incoming.press}", edit=True)]
    buttons = ((Button("b1", "Anmelden"), Button("b2", "Kalender")),)
    return [Reply(f"Du: <i>{incoming.text}</i>", buttons=buttons)]


async def test_menu_link_base_and_commands_for_admins_only(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    hooks = RecordingHooks()
    await start_transport(scripted(echo), hooks)
    assert hooks.link_bases == {"telegram": "https://t.me/zm_test_bot?start="}
    assert [c["command"] for c in api.commands["default"]] == ["hilfe"]
    assert [c["command"] for c in api.commands[f"chat:{ADMIN}"]] == ["hilfe", "einladung"]
    assert api.commands["default"][0]["description"] == "Alle Befehle"


async def test_one_failing_menu_does_not_stop_the_others(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    api.fail_next("setMyCommands", 400, "Bad Request: chat not found")
    await start_transport(scripted(echo), RecordingHooks(), admin_ids=("111", "112"))
    assert sorted(api.commands) == ["chat:111", "chat:112"]


async def test_press_is_answered_and_edits_its_message(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    synced = Synced(api, scripted(echo))
    await start_transport(synced)
    api.push_text(7, "/termine@zm_test_bot")
    await synced.settle()
    [message] = api.sent(7)
    assert message["text"] == "Du: /termine"
    keyboard = message["reply_markup"]["inline_keyboard"]
    assert [[b["callback_data"] for b in row] for row in keyboard] == [["b1", "b2"]]
    api.push_press(7, "b1", message["message_id"])
    await synced.settle()
    assert len(api.calls_of("answerCallbackQuery")) == 1
    [edited] = api.sent(7)
    assert edited["text"] == "Gedrückt: b1" and edited["edit_count"] == 1
    assert "reply_markup" not in edited
    assert synced.seen[1].message_ref == str(message["message_id"])


async def test_group_answers_only_own_commands_and_moves_personal_to_private(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    def answer(incoming: Incoming) -> list[Reply]:
        return [Reply("Deine Anmeldung", personal=True), Reply("Für alle")]

    synced = Synced(api, scripted(answer))
    await start_transport(synced)
    for text in ("Hallo zusammen", "/termine@anderer_bot", "/termine@ZM_Test_Bot morgen"):
        api.push_text(7, text, chat_id=GROUP, chat_type="supergroup")
    await synced.settle()
    assert [i.text for i in synced.seen] == ["/termine morgen"]
    assert synced.seen[0].is_group
    note, public = api.sent(GROUP)
    assert note["text"] == GROUP_SENT
    assert note["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://t.me/zm_test_bot"
    assert public["text"] == "Für alle"
    assert [m["text"] for m in api.sent(7)] == ["Deine Anmeldung"]
    # Someone Telegram does not let the bot write to privately gets the link in the group.
    api.blocked.add(8)
    api.push_text(8, "/termine", chat_id=GROUP, chat_type="supergroup")
    await synced.settle()
    note, public = api.sent(GROUP)[2:]
    assert note["text"] == GROUP_NOTE and public["text"] == "Für alle"


async def test_file_goes_out_as_document_with_caption(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    ics = FileOut("termin.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    synced = Synced(api, scripted(lambda i: [Reply("Dein <b>Termin</b>", file=ics)]))
    await start_transport(synced)
    api.push_text(7, "/kalender")
    await synced.settle()
    [message] = api.sent(7)
    assert message["document"]["file_name"] == "termin.ics"
    assert message["document"]["mime_type"] == "text/calendar"
    assert message["caption"] == "Dein Termin"
    assert message["data"] == ics.data


async def test_document_with_refused_caption_html_still_arrives(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    ics = FileOut("termin.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    synced = Synced(api, scripted(lambda i: [Reply("Termin <b>Azubi <x & Co", file=ics)]))
    await start_transport(synced)
    api.push_text(7, "/kalender")
    await synced.settle()
    [message] = api.sent(7)
    assert message["caption"] == "Termin Azubi <x & Co" and message["data"] == ics.data


async def test_long_text_is_split_and_unescaped_html_still_arrives(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    long = "\n".join(f"Zeile {n} " + "x" * 90 for n in range(80))
    replies = [Reply(long), Reply("kaputt <script> & so")]
    synced = Synced(api, scripted(lambda i: replies))
    await start_transport(synced)
    api.push_text(7, "/lang")
    await synced.settle()
    *parts, plain = api.sent(7)
    assert len(parts) == 2 and all(len(p["text"]) <= 4096 for p in parts)
    assert "\n".join(p["text"] for p in parts) == long
    assert plain["text"] == "kaputt <script> & so"


async def test_flood_wait_is_honoured_then_delivered(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    synced = Synced(api, scripted(echo))
    await start_transport(synced)
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    api.push_text(7, "/hilfe")
    await synced.settle()
    first, second = api.calls_of("sendMessage")[:2]
    assert second.at - first.at >= 1.0
    assert [m["text"] for m in api.sent(7)] == ["Du: /hilfe"]


async def test_blocked_user_is_marked_unreachable_on_reply_and_on_block(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    hooks = RecordingHooks()
    synced = Synced(api, scripted(echo))
    await start_transport(synced, hooks)
    api.blocked.add(7)
    api.push_text(7, "/hilfe")
    api.push_update({"my_chat_member": {
        "chat": {"id": 8, "type": "private", "first_name": "Bo"},
        "from": {"id": 8, "is_bot": False, "first_name": "Bo"}, "date": int(time.time()),
        "old_chat_member": {"status": "member", "user": {"id": 4242, "is_bot": True,
                                                         "first_name": "Zukunftsmacher"}},
        "new_chat_member": {"status": "kicked", "until_date": 0,
                            "user": {"id": 4242, "is_bot": True, "first_name": "Zukunftsmacher"}},
    }})
    api.chats.add((8, "private"))
    await synced.settle()
    assert sorted(p.external_id for p in hooks.unreachable) == ["7", "8"]


async def test_send_maps_failures_for_the_outbox(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    transport = await start_transport(scripted(echo), rate_limit=False)
    to = Address("telegram", "7")
    api.blocked.add(7)
    with pytest.raises(PermanentFailure):
        await transport.send(to, Reply("Erinnerung"))
    api.blocked.clear()
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 5", retry_after=5)
    with pytest.raises(TemporaryFailure) as flood:
        await transport.send(to, Reply("Erinnerung"))
    assert flood.value.retry_after == 5
    api.fail_next("sendMessage", 502, "Bad Gateway")
    with pytest.raises(TemporaryFailure):
        await transport.send(to, Reply("Erinnerung"))
    api.fail_next("sendMessage", 400, "Bad Request: chat not found")
    with pytest.raises(PermanentFailure):
        await transport.send(to, Reply("Erinnerung"))
    await transport.send(to, Reply("Erinnerung"))
    assert [m["text"] for m in api.sent(7)] == ["Erinnerung"]
    await api.stop()  # connection refused: retried later through the outbox
    with pytest.raises(TemporaryFailure):
        await transport.send(to, Reply("Erinnerung"))


async def test_restart_with_pending_updates_handles_each_exactly_once(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    first = Synced(api, scripted(echo))
    transport = await start_transport(first)
    for n in range(3):
        api.push_text(7, f"/eins{n}")
    await first.settle()
    for n in range(5):  # queued on the server while the first instance shuts down
        api.push_text(7, f"/zwei{n}")
    await transport.stop()
    second = Synced(api, scripted(echo))
    await start_transport(second)
    await second.settle()
    texts = sorted(i.text or "" for i in first.seen + second.seen)
    assert texts == sorted([f"/eins{n}" for n in range(3)] + [f"/zwei{n}" for n in range(5)])
    assert len(api.sent(7)) == 8


async def test_unreadable_update_is_skipped_and_polling_goes_on(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    synced = Synced(api, scripted(echo))
    await start_transport(synced)
    api.push_update({"message": {"message_id": "kaputt", "chat": 7}})
    api.push_update({"edited_message": {"message_id": 1, "date": 0, "text": "x",
                                        "chat": {"id": 7, "type": "private"}}})
    api.push_text(7, "/hilfe")
    await synced.settle()
    assert [i.text for i in synced.seen] == ["/hilfe"]


async def test_chats_run_concurrently_but_each_chat_in_order(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    gate, b_done = asyncio.Event(), asyncio.Event()
    log: list[str] = []

    async def handle(incoming: Incoming) -> list[Reply]:
        log.append(f"start {incoming.text}")
        if incoming.text == "/a1":
            await gate.wait()
        log.append(f"end {incoming.text}")
        if incoming.text == "/b1":
            b_done.set()
        return []

    synced = Synced(api, handle)
    await start_transport(synced)
    api.push_text(1, "/a1")
    api.push_text(1, "/a2")
    api.push_text(2, "/b1")
    await asyncio.wait_for(b_done.wait(), 5)
    assert "start /a2" not in log  # chat 1 waits for /a1, chat 2 did not
    gate.set()
    await synced.settle()
    assert log.index("end /a1") < log.index("start /a2")


async def test_rejected_token_fails_start_clearly(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    api.fail_next("getMe", 401, "Unauthorized")
    with pytest.raises(Exception, match="rejected by the server"):
        await start_transport(scripted(echo))
    assert api.calls_of("getUpdates") == []


async def test_ptb_default_httpx_connection_works_the_same(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    ics = FileOut("termin.ics", "text/calendar", b"BEGIN:VCALENDAR")

    def answer(incoming: Incoming) -> list[Reply]:
        return [Reply("Kalender", file=ics), *echo(incoming)]

    synced = Synced(api, scripted(answer))
    await start_transport(synced, http="httpx")
    api.push_update({"message": {"message_id": "kaputt", "chat": 7}})
    api.push_text(7, "/hilfe")
    await synced.settle()
    document, message = api.sent(7)
    assert document["data"] == ics.data and message["text"] == "Du: /hilfe"
    api.push_press(7, "b1", message["message_id"])
    await synced.settle()
    assert api.sent(7)[1]["text"] == "Gedrückt: b1"
    assert [i.text or i.press for i in synced.seen] == ["/hilfe", "b1"]
