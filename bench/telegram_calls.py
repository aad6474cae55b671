"""CPU per Bot API call through python-telegram-bot, without network: what each part costs.

Run: .venv/bin/python bench/telegram_calls.py [--calls N]

PTB's ExtBot runs against an in-memory connection that answers like Telegram, so the figures are
PTB's and ours alone (building the request, parsing the answer), steady enough to compare ways of
calling: a /termine list (8 cards, 16 buttons) with its keyboard as PTB objects or as Bot API
JSON through api_kwargs (what the transport does), a reminder, and reading updates.
Each figure is the best of 7 rounds of N calls, in microseconds per call.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update  # noqa: E402
from telegram.ext import ExtBot  # noqa: E402

from bot.transports import telegram_updates  # noqa: E402
from tests.telegram.canned import Canned  # noqa: E402

CHAT = {"id": 7, "type": "private", "first_name": "Anna"}
ANNA = {"id": 7, "is_bot": False, "first_name": "Anna", "language_code": "de"}
BOT = {"id": 4242, "is_bot": True, "first_name": "Zukunftsmacher", "username": "zm_bot"}
ROWS = [[{"text": f"{n} · {label}", "callback_data": f"k{n}{label[0]}"}
         for label in ("Anmelden", "Kalender")] for n in range(1, 9)]
LIST = "<b>Kommende Termine</b> (8)\n\n" + "\n\n".join(
    f"<b>{n}.</b> <b>Azubi-Treff {n}</b>\nDi 3.3. 10:00–12:00, Frottana, Großschönau"
    for n in range(1, 9))
REMINDER = "Erinnerung: morgen <b>Stammtisch</b> um 13:00 Uhr"


def sent(text: str, rows: list[list[dict[str, str]]] | None) -> dict[str, Any]:
    """Return the Message Telegram answers for a sent text (as the bot sees it)."""
    message: dict[str, Any] = {"message_id": 55, "date": 1767000000, "chat": CHAT, "from": BOT,
                               "text": text}
    if rows:
        message["reply_markup"] = {"inline_keyboard": rows}
    return message


Work = Callable[[], Awaitable[object]]


async def best(calls: int, connection: Canned, parts: list[tuple[str, Work, object]],
               rounds: int = 7) -> None:
    """Print each part's best round in microseconds per call; parts take turns every round.

    Turns, because this machine's speed drifts: a slow spell then hits every part alike.
    A part is (name, work, the Bot API result its calls get).
    """
    fastest = {name: float("inf") for name, _, _ in parts}
    for _ in range(rounds):
        for name, work, answer in parts:
            connection.answer(answer)
            started = time.perf_counter()
            for _ in range(calls):
                await work()
            fastest[name] = min(fastest[name], (time.perf_counter() - started) / calls * 1e6)
    print(f"CPU per call through PTB ({calls} calls, best of {rounds} rounds, no network), µs:")
    for name, micros in fastest.items():
        print(f"  {name:44} {micros:8.0f}")


async def main(calls: int) -> None:
    """Print the cost of each way of calling."""
    connection = Canned()
    bot = ExtBot("123456:BENCH", request=connection, get_updates_request=Canned())
    as_json = {"reply_markup": {"inline_keyboard": ROWS}}

    async def list_objects() -> object:
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row]
             for row in ROWS])
        return await bot.send_message(7, LIST, parse_mode="HTML", reply_markup=markup)

    async def list_json() -> object:
        return await bot.send_message(7, LIST, parse_mode="HTML", api_kwargs=as_json)

    async def parse_list() -> object:
        return Message.de_json(sent(LIST, ROWS), bot)

    async def reminder() -> object:
        return await bot.send_message(7, REMINDER, parse_mode="HTML")

    async def parse_reminder() -> object:
        return Message.de_json(sent(REMINDER, None), bot)

    text = {"update_id": 1, "message": {**sent("/termine", None), "from": ANNA}}
    press = {"update_id": 2, "callback_query": {"id": "q", "from": ANNA, "chat_instance": "7",
                                                "data": "k1A", "message": sent(LIST, ROWS)}}

    async def read(raw: dict[str, Any]) -> object:
        return telegram_updates.incoming(Update.de_json(raw, bot), "zm_bot")

    pressed = Update.de_json(press, bot)

    async def translate(update: Update) -> object:
        return telegram_updates.incoming(update, "zm_bot")

    listed, reminded = sent(LIST, ROWS), sent(REMINDER, None)
    await best(calls, connection, [
        ("send list, keyboard as PTB objects", list_objects, listed),
        ("send list, keyboard as JSON (api_kwargs)", list_json, listed),
        ("  of which parsing the answer (a Message)", parse_list, listed),
        ("send reminder (no keyboard)", reminder, reminded),
        ("  of which parsing the answer (Message)", parse_reminder, reminded),
        ("read a text update (PTB parse + Incoming)", lambda: read(text), None),
        ("read a press on the list (same)", lambda: read(press), None),
        ("  of which Update -> Incoming (ours)", lambda: translate(pressed), None),
    ])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    asyncio.run(main(parser.parse_args().calls))
