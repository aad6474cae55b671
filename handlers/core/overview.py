"""`/meine`: each feature contributes lines on what a person and their company signed up for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from handlers.core import texts as t
from handlers.core.context import Ctx

if TYPE_CHECKING:
    from handlers.core.router import Router

Section = Callable[[Ctx], Awaitable[list[str]]]


class Overview:
    """Registry of `/meine` sections; each returns lines (empty = nothing to show)."""

    def __init__(self) -> None:
        self._sections: list[Section] = []

    def add(self, section: Section) -> None:
        """Register a section (shown in registration order)."""
        self._sections.append(section)

    async def show(self, ctx: Ctx) -> None:
        """Show everything the person and their company are signed up for."""
        blocks = []
        for section in self._sections:
            lines = await section(ctx)
            if lines:
                blocks.append("\n".join(lines))
        ctx.say(t.OVERVIEW_HEAD + "\n\n" + ("\n\n".join(blocks) if blocks else t.OVERVIEW_EMPTY))


def register(router: Router) -> None:
    """Register /meine (every feature's section) and /export (every feature's tables)."""
    router.command("meine", router.overview.show, help=t.HELP_MEINE, private=True)
    router.command("export", router.exports.run, help=t.HELP_EXPORT, admin=True)
