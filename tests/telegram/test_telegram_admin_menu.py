"""The admin command menu follows admins granted in chat, without a restart."""

from __future__ import annotations

from bot.chat import Address, Incoming, Person
from bot.transports.telegram_menu import AdminMenus
from tests.telegram.conftest import ADMIN, Live
from tests.telegram.test_telegram_e2e import ANNA, onboard


def message(user: str, text: str = "/hilfe", *, group: bool = False) -> Incoming:
    """Return a text message from `user`."""
    return Incoming(Person("telegram", user), Address("telegram", user), text=text,
                    is_group=group)


async def test_grant_in_chat_shows_the_admin_menu_at_once(live: Live) -> None:
    await onboard(live, ANNA)
    assert f"chat:{ANNA}" not in live.api.commands
    [granted] = await live.say(ADMIN, f"/admin telegram:{ANNA}", name="Chefin")
    assert "Admin" in granted["text"], granted["text"]
    admin_menu = {c["command"] for c in live.api.commands[f"chat:{ANNA}"]}
    assert {"einladung", "admin", "protokoll"} <= admin_menu
    assert "einladung" not in {c["command"] for c in live.api.commands["default"]}


async def test_revoke_in_chat_removes_the_admin_menu_and_commands_at_once(live: Live) -> None:
    await onboard(live, ANNA)
    await live.say(ADMIN, f"/admin telegram:{ANNA}", name="Chefin")
    assert "einladung" in {c["command"] for c in live.api.commands[f"chat:{ANNA}"]}
    [revoked] = await live.say(ADMIN, f"/admin_entziehen telegram:{ANNA}", name="Chefin")
    assert "kein Admin mehr" in revoked["text"], revoked["text"]
    menu = {c["command"] for c in live.api.commands.get(f"chat:{ANNA}", [])}
    assert "einladung" not in menu
    [refused] = await live.say(ANNA, "/einladungen")
    assert "nur Admins" in refused["text"]


async def test_lookup_is_rare_and_former_admins_lose_the_menu() -> None:
    now = [0.0]
    admins = {"1"}
    published: list[tuple[str | None, bool]] = []

    async def lookup() -> set[str]:
        return set(admins)

    async def publish(chat: str | None, admin: bool) -> None:
        if chat == "broken":
            raise RuntimeError("chat not found")
        published.append((chat, admin))

    menus = AdminMenus(("9",), lookup, every=60.0, clock=lambda: now[0])
    await menus.refresh(publish, everyone=True)
    assert published == [(None, False), ("1", True), ("9", True)]
    admins.update({"2", "broken"})  # granted on another platform
    assert not menus.wants_refresh(message("2"))  # checked a moment ago: no query per message
    assert not menus.wants_refresh(message("1"))  # already shows the admin menu
    assert menus.wants_refresh(message("1", "/admin telegram:2"))  # a grant typed here
    assert menus.wants_refresh(message("1", "/admin_entziehen Anna"))
    pressed = Incoming(Person("telegram", "1"), Address("telegram", "1"), press="admin.grant:2~x")
    assert menus.wants_refresh(pressed)  # the button of /personen
    now[0] = 61.0
    assert not menus.wants_refresh(message("2", group=True))
    assert menus.wants_refresh(message("2"))  # the new admin's next private message
    admins.discard("1")
    await menus.refresh(publish)
    assert published[3:] == [("2", True), ("1", False)]
    assert menus.shown == {"2", "9"}  # "broken" is tried again on the next refresh
