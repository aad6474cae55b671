"""Router and dialog engine: persisted, resumable, cancellable; errors never escape."""

from __future__ import annotations

import base64
import hmac
import logging
from collections.abc import Callable
from typing import Any

import pytest

from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button, choice
from tests.core.conftest import SECRET, ids, said


def toy_dialog() -> Dialog:
    async def ask_name(ctx: Ctx, data: dict[str, Any]) -> None:
        ctx.say("Wie heißt du?", [[cancel_button(ctx)]])

    async def got_name(ctx: Ctx, data: dict[str, Any], text: str) -> str:
        if len(text) < 2:
            raise UsageError("Zu kurz.")
        data["name"] = text
        return "color"

    async def ask_color(ctx: Ctx, data: dict[str, Any]) -> None:
        row = [choice(ctx, "Rot", "rot"), choice(ctx, "Blau", "blau")]
        ctx.say(f"Farbe, {data['name']}?", [row])

    async def got_color(ctx: Ctx, data: dict[str, Any], value: str) -> str:
        ctx.say(f"Fertig: {data['name']} mag {value}.")
        return END

    return Dialog("toy", "Testdialog", "name", {
        "name": Step(ask_name, on_text=got_name),
        "color": Step(ask_color, on_press=got_color),
    })


def toy_router(make_router: Callable[[], Router]) -> Router:
    """Return a router with the toy dialog and a failing command."""
    r = make_router()

    async def start_toy(ctx: Ctx) -> None:
        await r.dialogs.start(ctx, "toy")

    async def boom(ctx: Ctx) -> None:
        raise RuntimeError("kaputt")

    async def resume(ctx: Ctx) -> None:
        await r.dialogs.resume(ctx)

    r.dialog(toy_dialog())
    r.command("toy", start_toy, help="Test", public=True)
    r.command("boom", boom, help="Fehler", public=True)
    r.command("weiter", resume, help="weiter", public=True)
    return r


@pytest.fixture
def router(make_router: Callable[[], Router]) -> Router:
    """The toy router."""
    return toy_router(make_router)


async def test_dialog_runs_persists_and_rejects_bad_input(router: Router) -> None:
    out = await router.handle(said("anna", "/toy"))
    assert "Wie heißt du" in out[0].text
    out = await router.handle(said("anna", "A"))
    assert out[0].text == "Zu kurz." and "Wie heißt du" in out[1].text
    out = await router.handle(said("anna", "Anna"))
    buttons = ids(out)
    # A new router on the same database (a restart) continues where the dialog stood.
    fresh = Router(router.services)
    fresh.dialog(toy_dialog())
    out = await fresh.handle(said("anna", press=buttons["Blau"]))
    assert out[0].text == "Fertig: Anna mag blau."
    out = await fresh.handle(said("anna", press=buttons["Rot"]))
    assert "nicht mehr aktuell" in out[0].text


async def test_cancel_by_word_and_by_button(router: Router) -> None:
    await router.handle(said("bob", "/toy"))
    out = await router.handle(said("bob", "abbrechen"))
    assert "Abgebrochen" in out[0].text
    out = await router.handle(said("bob", "/toy"))
    out = await router.handle(said("bob", press=ids(out)["Abbrechen"]))
    assert "Abgebrochen" in out[0].text
    assert "nichts offen" in (await router.handle(said("bob", "abbrechen")))[0].text


async def test_numbered_option_presses_the_offered_button(router: Router) -> None:
    await router.handle(said("cem", "/toy"))
    await router.handle(said("cem", "Cem"))
    out = await router.handle(said("cem", "2", option=2))
    assert out[0].text == "Fertig: Cem mag blau."


async def test_other_person_cannot_press_my_button(router: Router) -> None:
    out = await router.handle(said("anna", "/toy"))
    theirs = await router.handle(said("eve", press=ids(out)["Abbrechen"]))
    assert "nicht mehr aktuell" in theirs[0].text
    assert "Wie heißt du" in (await router.handle(said("anna", "/weiter")))[0].text


async def test_handler_error_is_logged_once_and_answered(
    router: Router, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        out = await router.handle(said("anna", "/boom"))
    assert "schiefgegangen" in out[0].text
    assert len([r for r in caplog.records if "handler failed" in r.getMessage()]) == 1


async def test_garbage_and_limits(router: Router) -> None:
    assert "zu lang" in (await router.handle(said("anna", "ä" * 2001)))[0].text
    assert "kenne ich nicht" in (await router.handle(said("anna", "/gibt_es_nicht")))[0].text
    assert "nicht verstanden" in (await router.handle(said("anna", "hallo?")))[0].text
    assert "leere" in (await router.handle(said("anna", "   ")))[0].text
    assert "nicht mehr aktuell" in (await router.handle(said("anna", press="x" * 500)))[0].text


async def test_arguments_after_a_line_break_and_a_dialog_lost_in_an_update(router: Router) -> None:
    out = await router.handle(said("anna", "/toy"))
    assert "Wie heißt du" in out[0].text
    await router.handle(said("anna", "Anna"))
    renamed = Router(router.services)  # a new version of the bot without the "color" step
    renamed.dialog(Dialog("toy", "Testdialog", "name", {"name": toy_dialog().steps["name"]}))
    out = await renamed.handle(said("anna", "blau"))
    assert "neu an" in out[0].text
    assert "nichts offen" in (await renamed.handle(said("anna", "abbrechen")))[0].text
    out = await router.handle(said("anna", "/\ntoy"))
    assert "Wie heißt du" in out[0].text


async def test_a_button_of_an_earlier_run_answers_nothing(router: Router) -> None:
    asked = ids(await router.handle(said("dora", "/toy")))
    first = ids(await router.handle(said("dora", "Dora")))
    await router.handle(said("dora", "abbrechen"))
    await router.handle(said("dora", "/toy"))
    await router.handle(said("dora", "Dorothea"))
    out = await router.handle(said("dora", press=first["Blau"]))  # from the cancelled run
    assert "nicht mehr aktuell" in out[0].text and "Farbe, Dorothea?" in out[1].text
    out = await router.handle(said("dora", press=asked["Abbrechen"]))
    assert "nichts offen" in out[0].text  # the old run's Abbrechen cancels nothing
    out = await router.handle(said("dora", "/weiter"))
    assert "Farbe, Dorothea?" in out[0].text


async def test_forged_and_foreign_button_ids_are_refused(router: Router) -> None:
    out = await router.handle(said("emil", "/toy"))
    token = ids(out)["Abbrechen"]
    action, _, mac = token.rpartition("~")
    forged = f"{action}~{'A' * len(mac)}"
    assert "nicht mehr aktuell" in (await router.handle(said("emil", press=forged)))[0].text
    assert "nicht mehr aktuell" in (await router.handle(said("emil", press=action)))[0].text
    out = await router.handle(said("emil", press=token))
    assert "Abgebrochen" in out[0].text


async def test_a_button_signed_before_the_switch_to_blake2_still_works(router: Router) -> None:
    out = await router.handle(said("emil", "/toy"))
    action = ids(out)["Abbrechen"].rpartition("~")[0]
    # What the bot signed until December 2026: HMAC-SHA256 over person and action, 8 bytes.
    digest = hmac.digest(SECRET, f"console:emil\n{action}".encode(), "sha256")[:8]
    old = f"{action}~{base64.urlsafe_b64encode(digest).decode().rstrip('=')}"
    assert old != ids(out)["Abbrechen"]
    assert "Abgebrochen" in (await router.handle(said("emil", press=old)))[0].text
    assert "nicht mehr aktuell" in (await router.handle(said("fritz", press=old)))[0].text
