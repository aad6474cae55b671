"""A direct answer that fails on the network is not lost: the outbox sends it again."""

from __future__ import annotations

from datetime import timedelta

from bot.chat import FileOut, Person, Reply
from tests.telegram.conftest import Live, RecordingHooks, StartTransport, Synced, scripted
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.test_telegram_e2e import ANNA, card_label, onboard, press


async def test_network_error_hands_the_unsent_replies_to_the_outbox(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    ics = FileOut("termin.ics", "text/calendar", b"BEGIN:VCALENDAR")
    replies = [Reply("Kalender", file=ics), Reply("zwei"), Reply("drei")]
    hooks = RecordingHooks()
    synced = Synced(api, scripted(lambda incoming: replies))
    await start_transport(synced, hooks)
    api.fail_next("sendMessage", 502, "Bad Gateway")  # the document goes out, "zwei" fails
    update_id = api.push_text(7, "/hilfe")
    api.fail_next("sendMessage", 502, "Bad Gateway")
    api.push_text(-100, "/hilfe", chat_type="group")  # a group's answer is not retried
    await synced.settle()
    assert [m.get("caption") for m in api.sent(7)] == ["Kalender"]
    assert hooks.retried == [(f"telegram.reply:7:{update_id}", replies[1:])]
    assert hooks.first == [1]  # "zwei" is the answer's second reply


async def test_an_update_failing_twice_at_different_replies_sends_each_reply_once(
    live: Live,
) -> None:
    await onboard(live, ANNA)
    anna = Person("telegram", str(ANNA), "Anna")
    before = len(live.api.sent(ANNA))
    one, two = Reply("Teil eins"), Reply("Teil zwei")
    # The same update, delivered twice (a restart): it failed at part 1, then at part 2; the
    # outbox could not send the first hand-over at once either.
    for _ in range(2):
        live.api.fail_next("sendMessage", 502, "Bad Gateway")
    await live.app.retry_later(anna, [one, two], "telegram.reply:222:9", first=1)
    assert len(live.api.sent(ANNA)) == before
    await live.app.retry_later(anna, [two], "telegram.reply:222:9", first=2)
    await live.app.advance(live.clock.now() + timedelta(minutes=1))
    texts = [m["text"] for m in live.api.sent(ANNA)[before:]]
    assert sorted(texts) == ["Teil eins", "Teil zwei"]


async def test_failed_answer_arrives_later_with_working_buttons(live: Live) -> None:
    await onboard(live, ANNA)
    live.api.fail_next("sendMessage", 502, "Bad Gateway")
    cards = await live.say(ANNA, "/termine")
    assert cards, "the outbox sent the answer right away"
    [card] = cards  # the list is one message, sent again whole by the outbox
    await press(live, ANNA, card, card_label(card, "Anmelden"))
    asked = next(m for m in live.api.sent(ANNA) if m["message_id"] == card["message_id"])
    assert "Wie viele Personen" in asked["text"], asked["text"]  # the outbox's fresh token works


async def test_answer_that_keeps_failing_is_retried_with_backoff(live: Live) -> None:
    await onboard(live, ANNA)
    before = len(live.api.sent(ANNA))
    for _ in range(2):
        live.api.fail_next("sendMessage", 502, "Bad Gateway")
    await live.say(ANNA, "/hilfe")
    assert len(live.api.sent(ANNA)) == before  # direct try and the outbox's first try failed
    await live.app.advance(live.clock.now() + timedelta(minutes=1))
    [helped] = live.api.sent(ANNA)[before:]
    assert "/termine" in helped["text"]
    await live.app.advance(live.clock.now() + timedelta(hours=1))
    assert len(live.api.sent(ANNA)) == before + 1  # sent once, never twice
