"""Files people send on Telegram reach the bot: getFile, the file URL, the catalogue preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.telegram.conftest import ADMIN, Live

REPO = Path(__file__).resolve().parents[2]
ANNA = 222


async def _send(live: Live, user: int, name: str, data: bytes, **kw: Any) -> list[dict[str, Any]]:
    before = len(live.api.sent(user))
    live.api.push_document(user, name, data, **kw)
    await live.synced.settle()
    return live.api.sent(user)[before:]


async def test_catalogue_file_is_downloaded_previewed_and_applied(live: Live) -> None:
    data = (REPO / "data" / "catalogue-2027.example.toml").read_bytes()
    [preview] = await _send(live, ADMIN, "plan-2027.toml", data, mime="application/toml")
    assert live.api.calls_of("getFile") and live.api.downloads == ["documents/up1"]
    assert "Neuer Jahresplan: plan-2027.toml" in preview["text"]
    assert "Netzwerktreffen im Frühjahr" in preview["text"]
    apply = next(b for row in preview["reply_markup"]["inline_keyboard"]
                 for b in row if b["text"] == "Übernehmen")
    before = len(live.api.sent(ADMIN))
    live.api.push_press(ADMIN, apply["callback_data"], int(preview["message_id"]))
    await live.synced.settle()
    answer = live.api.sent(ADMIN)[-1]
    assert "gilt ab jetzt" in answer["text"], live.api.sent(ADMIN)[before:]
    listed = await live.say(ADMIN, "/termine", name="Chefin")
    assert "Speed Dating" in " ".join(m["text"] for m in listed)


async def test_errors_come_back_with_line_numbers(live: Live) -> None:
    bad = b'[cluster]\nname = "X"\nmax_members = "viele"\n'
    [answer] = await _send(live, ADMIN, "kaputt.toml", bad)
    assert "Zeile 3" in answer["text"] and "ganze Zahl" in answer["text"]


async def test_a_member_file_and_a_group_file_are_not_taken(live: Live) -> None:
    [answer] = await _send(live, ANNA, "foto.jpg", b"\xff\xd8jpeg", mime="image/jpeg")
    assert "Mit Dateien kann ich leider nichts anfangen" in answer["text"]
    group = -100123
    before = len(live.api.sent(group))
    live.api.push_document(ADMIN, "plan.toml", b"[cluster]\n", chat_id=group,
                           chat_type="supergroup")
    await live.synced.settle()
    assert live.api.sent(group)[before:] == []  # files shared in a group are not for the bot


async def test_a_file_too_large_is_not_downloaded(live: Live) -> None:
    [answer] = await _send(live, ADMIN, "riesig.toml", b"x", announced_size=5 * 1024 * 1024)
    assert "zu groß" in answer["text"]
    assert live.api.downloads == []
