"""The router's group rule: team and private answers, refusals and files never go to a group."""

from __future__ import annotations

from collections.abc import Callable

from bot.chat import Address, FileOut, Incoming, Person
from handlers.core import Ctx, Router, UsageError
from tests.core.conftest import said

FILE = FileOut("liste.csv", "text/csv", b"a;b\n")


def in_group(name: str, text: str) -> Incoming:
    """Return a command person `name` sent in a group chat."""
    return Incoming(Person("console", name, name), Address("console", "gruppe"), text=text,
                    is_group=True)


def toy(make_router: Callable[[], Router]) -> Router:
    """A router with a public, a private, an admin and a failing private command."""
    r = make_router()

    async def public(ctx: Ctx) -> None:
        ctx.say("Für alle.")
        ctx.say("Kalender", file=FILE)

    async def private(ctx: Ctx) -> None:
        ctx.say("Deine Daten.")

    async def refused(ctx: Ctx) -> None:
        ctx.say("Schon gesagt.")
        raise UsageError("Das ging nicht: Anna Beispiel.")

    r.command("oeffentlich", public, help="Test", public=True)
    r.command("meins", private, help="Test", public=True, private=True)
    r.command("team", private, help="Test", admin=True)
    r.command("kaputt", refused, help="Test", public=True, private=True)
    return r


async def test_group_gets_public_text_but_files_and_private_answers_go_private(
        make_router: Callable[[], Router]) -> None:
    r = toy(make_router)
    shown = await r.handle(in_group("anna", "/oeffentlich"))
    assert [(x.text, x.personal) for x in shown] == [("Für alle.", False), ("Kalender", True)]
    for command in ("/meins", "/kaputt"):
        assert all(x.personal for x in await r.handle(in_group("anna", command))), command
    r.services.admin_keys = frozenset({"console:chef"})
    assert all(x.personal for x in await r.handle(in_group("chef", "/team")))
    # In a private chat nothing changes.
    assert not any(x.personal for x in await r.handle(said("anna", "/meins")))
    assert not any(x.personal for x in await r.handle(said("anna", "/oeffentlich")))
