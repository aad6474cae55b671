"""QA regressions of the router and dialog engine: typed numbers and typed button labels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.chat import Address, Incoming, Person
from handlers.core import END, Ctx, Dialog, Router, Step, cancel_button, choice


def places_dialog() -> Dialog:
    """Ask for a number of places (typed), then Ja/Nein (buttons)."""

    async def ask_places(ctx: Ctx, data: dict[str, Any]) -> None:
        ctx.say("Wie viele Plätze?", [[cancel_button(ctx)]])

    async def got_places(ctx: Ctx, data: dict[str, Any], text: str) -> str:
        data["places"] = text
        return "ok"

    async def ask_ok(ctx: Ctx, data: dict[str, Any]) -> None:
        ctx.say(f"{data['places']} Plätze – passt das?",
                [[choice(ctx, "Ja", "ja"), choice(ctx, "Nein", "nein")], [cancel_button(ctx)]])

    async def got_ok(ctx: Ctx, data: dict[str, Any], value: str) -> str:
        ctx.say(f"Antwort: {value}")
        return END

    return Dialog("places", "Plätze", "places", {
        "places": Step(ask_places, on_text=got_places),
        "ok": Step(ask_ok, on_press=got_ok),
    })


@pytest.fixture
def router(make_router: Callable[[], Router]) -> Router:
    """A router with the places dialog."""
    r = make_router()
    r.dialog(places_dialog())

    async def start(ctx: Ctx) -> None:
        await r.dialogs.start(ctx, "places")

    r.command("plaetze", start, help="Test", public=True)
    return r


def said(text: str, option: int | None = None) -> Incoming:
    return Incoming(Person("matrix", "@anna:x", "Anna"), Address("matrix", "!room"), text=text,
                    option=option)


async def test_typed_number_in_a_text_step_is_the_answer_not_abbrechen(router: Router) -> None:
    await router.handle(said("/plaetze"))
    out = await router.handle(said("1", option=1))  # option 1 would be the Abbrechen button
    assert out[0].text == "1 Plätze – passt das?"
    out = await router.handle(said("3", option=3))  # in a button step, numbers still press
    assert "Abgebrochen" in out[0].text


async def test_typed_label_answers_a_button_step(router: Router) -> None:
    await router.handle(said("/plaetze"))
    await router.handle(said("12"))
    out = await router.handle(said(" ja! "))
    assert out[0].text == "Antwort: ja"


async def test_typed_text_that_is_no_label_asks_to_press(router: Router) -> None:
    await router.handle(said("/plaetze"))
    await router.handle(said("12"))
    out = await router.handle(said("vielleicht"))
    assert "Bitte wähl" in out[0].text and "passt das?" in out[1].text
