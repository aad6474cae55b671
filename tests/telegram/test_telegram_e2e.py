"""The whole bot on Telegram: App + transport + python-telegram-bot over HTTP to the fake API."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from icalendar import Calendar

from bot.transports.telegram import build_telegram
from bot.transports.telegram_plan import GROUP_SENT
from tests.support.store import find_person, plan_text
from tests.telegram.conftest import ADMIN, Live, Synced

ANNA, BERND = 222, 333


async def invite(live: Live, company: str) -> str:
    """Let the admin invite `company`; return the deep link's code."""
    [reply] = await live.say(ADMIN, f"/einladung {company}", name="Chefin")
    match = re.search(r"https://t\.me/zm_test_bot\?start=(\S+)", reply["text"])
    assert match, reply["text"]
    return match.group(1)


async def onboard(live: Live, user: int, company: str = "Zemmler") -> None:
    """Link `user` to a company through the deep link."""
    code = await invite(live, company)
    [welcome] = await live.say(user, f"/start {code}")
    assert "Zemmler Siebanlagen GmbH" in welcome["text"]


async def test_deep_link_onboarding_and_menus(live: Live) -> None:
    code = await invite(live, "Zemmler")
    [welcome] = await live.say(ANNA, f"/start {code}")
    assert "Zemmler Siebanlagen GmbH" in welcome["text"]
    member = {c["command"] for c in live.api.commands["default"]}
    admin = {c["command"] for c in live.api.commands[f"chat:{ADMIN}"]}
    assert "hilfe" in member and "einladung" not in member
    assert {"hilfe", "einladung", "firma_neu"} <= admin
    [again] = await live.say(ANNA, "/start@zm_test_bot")
    assert "Zemmler" in again["text"]


async def test_html_in_company_name_is_shown_as_text(live: Live) -> None:
    evil = '<script>alert("x")</script> & Co <b'
    [created] = await live.say(ADMIN, f"/firma_neu {evil}; SN; Görlitz", name="Chefin")
    assert evil in created["text"], created
    code = await invite(live, "<script>")
    [welcome] = await live.say(ANNA, f"/start {code}")
    assert evil in welcome["text"]  # rendered by the strict HTML check, visible verbatim
    assert "&lt;script&gt;" in welcome["html"]


async def test_reminder_is_delivered_through_the_outbox_despite_a_flood_wait(live: Live) -> None:
    await onboard(live, ANNA)
    person = await find_person(live.app.db, platform="telegram", external_id=str(ANNA))
    assert person is not None and person.id is not None
    now = live.clock.now()
    await plan_text(
        live.app.db, person_id=person.id, text="Morgen: <b>Stammtisch</b>",
        due_at=now + timedelta(hours=1), key="t1", now=now,
        buttons=[[("Absagen", "noop")]],
    )
    live.api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await live.app.advance(now + timedelta(hours=2))
    reminder = live.api.sent(ANNA)[-1]
    assert reminder["text"] == "Morgen: Stammtisch"
    assert reminder["reply_markup"]["inline_keyboard"][0][0]["text"] == "Absagen"
    floods = [c for c in live.api.calls_of("sendMessage") if c.params["chat_id"] == str(ANNA)]
    assert floods[-1].at - floods[-2].at >= 1.0


async def test_blocked_user_is_marked_unreachable(live: Live) -> None:
    await onboard(live, BERND)
    person = await find_person(live.app.db, platform="telegram", external_id=str(BERND))
    assert person is not None and person.id is not None
    live.api.blocked.add(BERND)
    now = live.clock.now()
    await plan_text(
        live.app.db, person_id=person.id, text="Erinnerung",
        due_at=now, key="t2", now=now,
    )
    await live.app.advance(now + timedelta(minutes=1))
    person = await find_person(live.app.db, platform="telegram", external_id=str(BERND))
    assert person is not None and person.unreachable_at is not None


async def test_restart_with_pending_updates_neither_replays_nor_drops(live: Live) -> None:
    await live.say(ANNA, "/hilfe")
    for n in range(4):
        live.api.push_text(BERND + n, "/hilfe")
    await live.transport.stop()
    for n in range(4, 8):
        live.api.push_text(BERND + n, "/hilfe")
    settings = live.app.settings
    restarted = build_telegram(settings, live.app)
    synced = Synced(live.api, live.app.handle)
    await restarted.start(synced)
    try:
        await synced.settle()
    finally:
        await restarted.stop()
    answered = [len(live.api.sent(BERND + n)) for n in range(8)]
    assert answered == [1] * 8
    assert len(live.api.sent(ANNA)) == 1


def button(message: dict[str, Any], label: str) -> str:
    """Return the callback data of the button labelled `label` under a message."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    found = [b["callback_data"] for row in rows for b in row if b["text"] == label]
    assert found, (label, rows)
    return found[0]


def card_label(message: dict[str, Any], label: str, title: str | None = None) -> str:
    """Return the numbered label ("2 · Anmelden") of a card's button in a /termine message.

    Telegram shows a list as one message of numbered cards; `title` picks the card, else the
    first card that has such a button.
    """
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    labels = [b["text"] for row in rows for b in row]
    for part in message["text"].split("\n\n"):
        number, _, rest = part.partition(". ")
        wanted = f"{number} · {label}"
        if number.isdigit() and (title is None or title in rest) and wanted in labels:
            return wanted
    raise AssertionError((label, title, labels))


def card_title(message: dict[str, Any], numbered_label: str) -> str:
    """Return the title line of the card a numbered button belongs to."""
    number = numbered_label.split(" · ")[0]
    part = next(p for p in message["text"].split("\n\n") if p.startswith(f"{number}. "))
    return part.splitlines()[0].removeprefix(f"{number}. ")


async def press(live: Live, user: int, message: dict[str, Any], label: str) -> None:
    """Press a button under one of the bot's messages and wait for the answer."""
    live.api.push_press(user, button(message, label), message["message_id"])
    await live.synced.settle()


async def test_sign_up_by_buttons_edits_the_card_sends_ics_and_reminds(live: Live) -> None:
    await onboard(live, ANNA)
    [card] = await live.say(ANNA, "/termine")  # one message: the events as numbered cards
    label = card_label(card, "Anmelden")
    title = card_title(card, label)
    count = len(live.api.sent(ANNA))
    await press(live, ANNA, card, label)
    asked = next(m for m in live.api.sent(ANNA) if m["message_id"] == card["message_id"])
    assert "Wie viele Personen" in asked["text"] and len(live.api.sent(ANNA)) == count
    await press(live, ANNA, asked, "1")
    done = next(m for m in live.api.sent(ANNA) if m["message_id"] == card["message_id"])
    assert done["text"].startswith(f"Angemeldet für {title}"), done["text"]
    assert len(live.api.calls_of("answerCallbackQuery")) == 2
    [ics] = [m for m in live.api.sent(ANNA) if "document" in m]
    sent = len(live.api.sent(ANNA))
    await press(live, ANNA, done, "Alle Termine")  # the list comes back in the same message
    again = next(m for m in live.api.sent(ANNA) if m["message_id"] == card["message_id"])
    assert again["text"].startswith("Kommende Termine") and len(live.api.sent(ANNA)) == sent
    assert card_label(again, "Abmelden", title)
    assert ics["document"]["file_name"].endswith(".ics")
    calendar = Calendar.from_ical(ics["data"])
    start = next(iter(calendar.walk("VEVENT")))["DTSTART"].dt
    assert title in str(next(iter(calendar.walk("VEVENT")))["SUMMARY"])
    before = len(live.api.sent(ANNA))
    await live.app.advance(start - timedelta(hours=2))
    reminders = [m for m in live.api.sent(ANNA)[before:] if m["text"].startswith("Erinnerung")]
    assert reminders and title in reminders[-1]["text"]


async def test_group_gets_public_answers_and_is_sent_to_private_for_personal(live: Live) -> None:
    await onboard(live, ANNA)
    group = -100_777
    for text in ("Guten Morgen!", "/termine@anderer_bot", "/hilfe@zm_test_bot", "/erinnerungen"):
        live.api.push_text(ANNA, text, chat_id=group, chat_type="supergroup")
    await live.synced.settle()
    help_text, note = live.api.sent(group)
    assert "/termine" in help_text["text"]
    assert note["text"] == GROUP_SENT  # /erinnerungen: continued in Anna's private chat
    assert "im privaten Chat" in live.api.sent(ANNA)[-1]["text"]
    assert note["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://t.me/zm_test_bot"
