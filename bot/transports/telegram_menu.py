"""Which chats show the admin command menu, kept in step with admins granted in chat.

Telegram shows a per-chat menu (BotCommandScopeChat) to admins. Admins named in ADMINS are known
at start; someone made admin with `/admin` later is noticed on a refresh: at once when the grant
was typed on Telegram, otherwise on the next private message after at most `every` seconds (one
small query, so ordinary traffic does not pay for it). Free of python-telegram-bot: the transport
passes the function that publishes a menu.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from bot.chat import Incoming

log = logging.getLogger(__name__)

Publish = Callable[[str | None, bool], Awaitable[object]]  # (chat id or None for all, admin?)
Lookup = Callable[[], Awaitable[set[str]]]  # the admins' Telegram ids right now


class AdminMenus:
    """Keep the admin menu on exactly the chats of the current admins."""

    def __init__(self, configured: tuple[str, ...], lookup: Lookup | None, *,
                 every: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._configured = set(configured)
        self._lookup = lookup
        self._every, self._clock = every, clock
        self._checked = float("-inf")
        self.shown: set[str] = set()

    async def refresh(self, publish: Publish, *, everyone: bool = False) -> None:
        """Publish the admin menu for new admins and remove it from former ones.

        With `everyone`, first publish the member menu for all chats (at start).
        """
        self._checked = self._clock()
        if everyone:
            await _try(publish, None, False)
        admins = set(self._configured)
        if self._lookup is not None:
            admins |= await self._lookup()
        for chat in sorted(admins - self.shown):
            if await _try(publish, chat, True):
                self.shown.add(chat)
        for chat in sorted(self.shown - admins):
            if await _try(publish, chat, False):
                self.shown.discard(chat)

    def wants_refresh(self, incoming: Incoming) -> bool:
        """Tell whether this update may have changed who is admin, or may come from a new one."""
        if (incoming.text or "").startswith("/admin") or (incoming.press or "").startswith(
                "admin."):
            return True  # a grant or revocation on Telegram (typed or the /personen button)
        if incoming.is_group or incoming.person.external_id in self.shown:
            return False
        return self._lookup is not None and self._clock() - self._checked >= self._every


async def _try(publish: Publish, chat: str | None, admin: bool) -> bool:
    try:
        await publish(chat, admin)
    except Exception as exc:  # an admin who never opened the bot has no chat yet: try later
        log.warning("admin command menu for chat %s not %s: %s", chat,
                    "set" if admin else "removed", exc)
        return False
    return True
