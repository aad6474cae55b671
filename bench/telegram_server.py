"""The bench's Bot API server, run in a process of its own as Telegram's servers are.

Run by bench/telegram.py: `python bench/telegram_server.py [--rtt MS]` prints
`PORTS <bot api> <control>` and serves until stdin closes. The control port takes POSTs of JSON
from the simulated users: push_text, press (the chat's newest inline button), last_text, flood.
`BenchApi` is also used in-process by `--same-process`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from aiohttp import web

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.telegram.fake_bot_api import FakeBotApi  # noqa: E402


class BenchApi(FakeBotApi):
    """The fake server, remembering each chat's newest inline button for the simulated users."""

    def __init__(self, rtt: float = 0.0) -> None:
        super().__init__()
        self.buttons: dict[int, tuple[str, int]] = {}
        self.rtt = rtt

    async def _dispatch(self, request: Any) -> Any:
        if self.rtt and request.match_info["method"] != "getUpdates":
            await asyncio.sleep(self.rtt)  # the way to Telegram's data centre and back
        response = await super()._dispatch(request)
        self.calls.clear()  # a bench sends tens of thousands; nobody reads them back
        return response

    def _message(self, chat_id: int, *args: Any, **kw: Any) -> dict[str, Any]:
        message = super()._message(chat_id, *args, **kw)
        self._remember(chat_id, message)
        return message

    async def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any]:
        result = await super()._m_editMessageText(p)
        self._remember(int(p["chat_id"]), self.messages[(int(p["chat_id"]), result["message_id"])])
        return result

    def _remember(self, chat_id: int, message: dict[str, Any]) -> None:
        rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        data = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
        if data:
            self.buttons[chat_id] = (data[0], message["message_id"])

    # -- what a simulated user does -------------------------------------------------------
    def press(self, user: int) -> None:
        """Press the newest inline button in the user's chat (or send /hilfe if there is none)."""
        if user in self.buttons:
            data, message_id = self.buttons[user]
            self.push_press(user, data, message_id)
        else:
            self.push_text(user, "/hilfe")

    def last_text(self, chat: int) -> str:
        """Return the text of the bot's newest message in a chat."""
        return str(self.sent(chat)[-1]["text"])

    def flood(self, on: bool) -> int:
        """Switch Telegram's flood control on or off; return the 429s counted since the last on."""
        count = self.flood_429s
        self.flood_control = on
        if on:
            self.flood_429s = 0
        return count


def control_app(api: BenchApi) -> web.Application:
    """Build the control API (JSON POSTs) for the simulated users in the bench process."""

    async def op(request: web.Request) -> web.Response:
        body = await request.json()
        name = request.match_info["op"]
        if name == "push_text":
            result: Any = api.push_text(int(body["user"]), str(body["text"]))
        elif name == "press":
            result = api.press(int(body["user"]))
        elif name == "last_text":
            result = api.last_text(int(body["chat"]))
        elif name == "flood":
            result = api.flood(bool(body["on"]))
        else:
            raise web.HTTPNotFound()
        return web.json_response({"result": result})

    app = web.Application()
    app.router.add_post("/{op}", op)
    return app


async def serve(rtt: float) -> None:
    """Serve the Bot API and the control API until stdin closes."""
    api = BenchApi(rtt=rtt)
    await api.start()
    runner = web.AppRunner(control_app(api), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    control = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(f"PORTS {api.port} {control}", flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # the bench closes our stdin to stop us
    await runner.cleanup()
    await api.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rtt", type=float, default=0.0, help="added ms per Bot API call")
    asyncio.run(serve(parser.parse_args().rtt / 1000))
