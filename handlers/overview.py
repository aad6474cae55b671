"""`/meine` and `/export`: commands whose content every feature contributes to."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from handlers.context import Ctx
from handlers.exports import Exports
from handlers.texts import overview as t

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
        ctx.say(t.HEAD + "\n\n" + ("\n\n".join(blocks) if blocks else t.EMPTY))


class _Registers(Protocol):
    overview: Overview
    exports: Exports

    def command(self, name: str, func: Callable[[Ctx], Awaitable[None]], *, help: str,
                admin: bool = False, linked: bool = False) -> None: ...


def register(router: _Registers) -> None:
    """Register /meine and /export on the router."""
    router.command("meine", router.overview.show, help=t.HELP_MEINE,
                   linked=True)
    router.command("export", router.exports.run, help=t.HELP_EXPORT,
                   admin=True)
