"""Webhook mode: setWebhook with a secret token; updates without the secret are refused."""

from __future__ import annotations

import json
import socket

import aiohttp

from bot.chat import Incoming, Reply
from tests.telegram.conftest import StartTransport, Synced, scripted
from tests.telegram.fake_bot_api import FakeBotApi

SECRET = "s3cret-token_1"


def free_port() -> int:
    """Return a port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def update(update_id: int, text: str) -> dict[str, object]:
    """Return a Bot API update with a private text message from user 7."""
    user = {"id": 7, "is_bot": False, "first_name": "Anna"}
    chat = {"id": 7, "type": "private", "first_name": "Anna"}
    return {"update_id": update_id,
            "message": {"message_id": update_id, "date": 0, "chat": chat, "from": user,
                        "text": text}}


async def test_webhook_checks_the_secret_and_handles_updates(
    api: FakeBotApi, start_transport: StartTransport
) -> None:
    def answer(incoming: Incoming) -> list[Reply]:
        return [Reply(f"Webhook: {incoming.text}")]

    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    synced = Synced(api, scripted(answer))
    await start_transport(synced, webhook_url=url, webhook_secret=SECRET, port=port)
    assert api.webhook["url"] == url and api.webhook["secret_token"] == SECRET
    assert api.calls_of("getUpdates") == []
    headers = {"Content-Type": "application/json"}
    async with aiohttp.ClientSession() as http:
        wrong = {**headers, "X-Telegram-Bot-Api-Secret-Token": "falsch"}
        async with http.post(url, data=json.dumps(update(1, "/boese")), headers=wrong) as r:
            assert r.status == 403
        right = {**headers, "X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with http.post(url, data=json.dumps(update(2, "/hilfe")), headers=right) as r:
            assert r.status == 200
    await api.wait_until(lambda: len(api.sent(7)) == 1)
    assert [i.text for i in synced.seen] == ["/hilfe"]
    assert api.sent(7)[0]["text"] == "Webhook: /hilfe"
