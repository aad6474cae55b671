"""Multi-step dialogs as explicit, persisted states: resumable, cancellable, platform-neutral.

A dialog is a set of named steps. Each step asks (says its question) and handles the answer,
returning the name of the next step or END. A UsageError keeps the dialog where it was and
discards the half-done change, so nothing the person typed before is lost. State lives in the
database (storage.chat_state), so a dialog survives restarts and works on every platform.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from bot.chat import Button
from handlers.context import Ctx, UsageError
from handlers.texts import core as t
from storage import chat_state
from storage.chat_state import OpenDialog

log = logging.getLogger(__name__)
END = "__end__"
Data = dict[str, Any]
Ask = Callable[[Ctx, Data], Awaitable[None]]
OnText = Callable[[Ctx, Data, str], Awaitable[str]]
OnPress = Callable[[Ctx, Data, str], Awaitable[str]]


@dataclass(frozen=True)
class Step:
    """One question of a dialog and how its answers (typed or pressed) are handled."""

    ask: Ask
    on_text: OnText | None = None
    on_press: OnPress | None = None


@dataclass(frozen=True)
class Dialog:
    """A named multi-step flow."""

    name: str
    title: str
    first: str
    steps: dict[str, Step] = field(default_factory=dict)


def choice(ctx: Ctx, label: str, value: object) -> Button:
    """Make a button that answers the person's current dialog step with `value`."""
    # "?" is replaced by "dialog:step" when the step asks (see _bind).
    return ctx.button(label, "dlg", "?", value)


def cancel_button(ctx: Ctx) -> Button:
    """Make the "Abbrechen" button every dialog step offers."""
    return ctx.button(t.CANCEL_LABEL, "dlg.cancel")


class Dialogs:
    """The registry and engine of all dialogs."""

    def __init__(self) -> None:
        self._dialogs: dict[str, Dialog] = {}

    def add(self, dialog: Dialog) -> None:
        """Register a dialog."""
        if dialog.first not in dialog.steps:
            raise ValueError(f"{dialog.name}: first step {dialog.first!r} missing")
        self._dialogs[dialog.name] = dialog

    def title(self, name: str) -> str:
        """Return the German title of a dialog."""
        d = self._dialogs.get(name)
        return d.title if d else name

    async def start(self, ctx: Ctx, name: str, data: Data | None = None) -> None:
        """Open dialog `name` at its first step (or resume it if it is already open)."""
        open_ = await self._load(ctx)
        if open_ is not None:
            if open_.dialog == name:
                await self._ask(ctx, open_.dialog, open_.step, open_.data)
                return
            raise UsageError(t.dialog_busy(self.title(open_.dialog)))
        dialog = self._dialogs[name]
        await self._goto(ctx, dialog, dialog.first, dict(data or {}))

    async def resume(self, ctx: Ctx) -> bool:
        """Ask the open dialog's current question again; False if none is open."""
        open_ = await self._load(ctx)
        if open_ is None:
            return False
        await self._ask(ctx, open_.dialog, open_.step, open_.data)
        return True

    async def cancel(self, ctx: Ctx) -> bool:
        """Close the open dialog; False if none was open."""
        open_ = await self._load(ctx)
        await chat_state.clear_dialog(ctx.db, person_id=_pid(ctx))
        return open_ is not None

    async def open_title(self, ctx: Ctx) -> str | None:
        """Return the title of the person's open dialog, if any."""
        open_ = await self._load(ctx)
        return None if open_ is None else self.title(open_.dialog)

    async def wants_text(self, ctx: Ctx) -> bool:
        """Tell whether the person's open dialog step takes typed answers."""
        open_ = await self._load(ctx)
        if open_ is None:
            return False
        return self._dialogs[open_.dialog].steps[open_.step].on_text is not None

    async def on_text(self, ctx: Ctx, text: str) -> bool:
        """Feed typed text to the open dialog; False if none is open."""
        open_ = await self._load(ctx)
        if open_ is None:
            return False
        dialog = self._dialogs[open_.dialog]
        step = dialog.steps[open_.step]
        if step.on_text is None:
            # People type "ja" or a button's label instead of pressing: treat it as the press.
            value = await self._typed_choice(ctx, dialog, open_.step, open_.data, text)
            if value is not None and step.on_press is not None:
                await self._advance(ctx, dialog, open_.step, open_.data, step.on_press, value)
                return True
            ctx.say(t.PLEASE_PRESS)
            await self._ask(ctx, dialog.name, open_.step, open_.data)
            return True
        await self._advance(ctx, dialog, open_.step, open_.data, step.on_text, text)
        return True

    async def on_press(self, ctx: Ctx, where: str, value: str) -> None:
        """Feed a pressed dialog button (`where` = "dialog:step") to the open dialog."""
        open_ = await self._load(ctx)
        if open_ is None or f"{open_.dialog}:{open_.step}" != where:
            ctx.say(t.STALE_BUTTON)
            if open_ is not None:
                await self._ask(ctx, open_.dialog, open_.step, open_.data)
            return
        dialog = self._dialogs[open_.dialog]
        step = dialog.steps[open_.step]
        if step.on_press is None:
            raise UsageError(t.STALE_BUTTON)
        await self._advance(ctx, dialog, open_.step, open_.data, step.on_press, value)

    async def _load(self, ctx: Ctx) -> OpenDialog | None:
        """Return the open dialog; one whose dialog or step no longer exists is closed."""
        open_ = await chat_state.load_dialog(ctx.db, person_id=_pid(ctx))
        if open_ is None:
            return None
        dialog = self._dialogs.get(open_.dialog)
        if dialog is not None and open_.step in dialog.steps:
            return open_
        # A deploy renamed or removed it: better to start over than to fail on every message.
        log.warning("closing unknown dialog state %s:%s of %s", open_.dialog, open_.step,
                    ctx.person.key)
        await chat_state.clear_dialog(ctx.db, person_id=_pid(ctx))
        ctx.say(t.DIALOG_GONE)
        return None

    async def _advance(
        self, ctx: Ctx, dialog: Dialog, step: str, data: Data, fn: OnText, value: str
    ) -> None:
        work = dict(data)  # a UsageError must leave the stored answers untouched
        try:
            nxt = await fn(ctx, work, value)
        except UsageError as err:
            ctx.say(str(err))
            await self._ask(ctx, dialog.name, step, data)
            return
        if nxt == END:
            await chat_state.clear_dialog(ctx.db, person_id=_pid(ctx))
            return
        await self._goto(ctx, dialog, nxt, work)

    async def _typed_choice(
        self, ctx: Ctx, dialog: Dialog, step: str, data: Data, text: str
    ) -> str | None:
        """Return the value of the step's choice whose label was typed, if any."""
        first = len(ctx.replies)
        await dialog.steps[step].ask(ctx, data)
        asked = ctx.replies[first:]
        del ctx.replies[first:]  # asked only to learn the choices; nothing is shown
        typed = " ".join(text.split()).strip(".!").casefold()
        for reply in asked:
            for b in reply.flat_buttons():
                if b.id.startswith("dlg ? ") and b.label.strip().casefold() == typed:
                    return b.id[len("dlg ? "):]
        return None

    async def _goto(self, ctx: Ctx, dialog: Dialog, step: str, data: Data) -> None:
        await chat_state.save_dialog(
            ctx.db, person_id=_pid(ctx), dialog=dialog.name, step=step, data=data, now=ctx.now
        )
        await self._ask(ctx, dialog.name, step, data)

    async def _ask(self, ctx: Ctx, name: str, step: str, data: Data) -> None:
        first = len(ctx.replies)
        await self._dialogs[name].steps[step].ask(ctx, data)
        _bind(ctx, first, f"{name}:{step}")


def _bind(ctx: Ctx, first: int, where: str) -> None:
    """Stamp the step into dialog buttons asked just now, so stale presses are recognised."""
    for i in range(first, len(ctx.replies)):
        reply = ctx.replies[i]
        rows = tuple(
            tuple(
                Button(b.id.replace("dlg ? ", f"dlg {where} ", 1), b.label)
                if b.id.startswith("dlg ? ")
                else b
                for b in row
            )
            for row in reply.buttons
        )
        ctx.replies[i] = replace(reply, buttons=rows)


def _pid(ctx: Ctx) -> int:
    assert ctx.person.id is not None
    return ctx.person.id
