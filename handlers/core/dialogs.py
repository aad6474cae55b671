"""Multi-step dialogs as explicit, persisted states: resumable, cancellable, platform-neutral.

A dialog is a set of named steps. Each step asks (says its question) and handles the answer,
returning the name of the next step or END. A UsageError keeps the dialog where it was and
discards the half-done change, so nothing the person typed before is lost. State lives in the
database (storage.chat), loaded with the sender and saved in the update's unit of work, so a
dialog survives restarts and works on every platform.

Every start of a dialog gets a fresh `run` id that its buttons carry: a "Ja" pressed under an
earlier run of the same dialog is stale and confirms nothing.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.chat import Attachment, Button
from handlers.core import texts as t
from handlers.core.actions import Action
from handlers.core.answers import (
    Expect,
    SmallTalk,
    has_reach,
    is_acknowledgement,
    small_talk,
    unclear_number,
    yes_or_no,
)
from handlers.core.context import Ctx, UsageError
from handlers.core.format import esc
from storage import chat
from storage.chat import OpenDialog
from storage.errors import DomainError

log = logging.getLogger(__name__)
END = "__end__"
Data = dict[str, Any]
Ask = Callable[[Ctx, Data], Awaitable[None]]
OnText = Callable[[Ctx, Data, str], Awaitable[str]]
OnPress = Callable[[Ctx, Data, str], Awaitable[str]]
OnFile = Callable[[Ctx, Data, Attachment], Awaitable[str]]
Explain = Callable[[DomainError], str]


@dataclass(frozen=True)
class Choice(Action, name="dlg"):
    """A pressed answer of a dialog step (`run` names the dialog's run it was asked in)."""

    step: str
    run: str
    value: str


@dataclass(frozen=True)
class CancelDialog(Action, name="dlg.cancel"):
    """The "Abbrechen" button of a dialog run."""

    run: str


@dataclass(frozen=True)
class Step:
    """One question of a dialog and how its answers (typed or pressed) are handled.

    `expects` lets the machinery refuse a typed answer before `on_text` reads it: "number"
    asks back when more than one count is mixed in ("3 Azubis + ich"), "reach" when neither a
    phone number nor an e-mail address is in it, "prose" (an idea, a topic) when the message
    only acknowledges ("ok", "alles klar"). `help` answers "hilfe" at this step.
    `on_file` takes a file sent in the private chat while this step is open (a broadcast's
    picture); other steps leave files to the router's file handler.
    """

    ask: Ask
    on_text: OnText | None = None
    on_press: OnPress | None = None
    on_file: OnFile | None = None
    expects: Expect = "text"
    help: str = ""


@dataclass(frozen=True)
class Dialog:
    """A named multi-step flow.

    `cancelled` is said when it is cancelled ("Abgebrochen. Nichts wurde gespeichert." if
    empty); a dialog that keeps something before it opens (the stars before the comment)
    says what stays.
    """

    name: str
    title: str
    first: str
    steps: dict[str, Step] = field(default_factory=dict)
    cancelled: str = ""


def _unfit(expects: Expect, text: str) -> str | None:
    """Return why a typed answer does not fit what the step expects, or None."""
    if expects == "prose" and is_acknowledgement(text):
        return t.ACK_NOT_ANSWER.format(text=esc(" ".join(text.split())[:40]))
    if expects == "number" and unclear_number(text):
        return t.NUMBER_UNCLEAR.format(text=esc(" ".join(text.split())[:80]))
    if expects == "reach" and not has_reach(text):
        return t.REACH_MISSING
    return None


def choice(ctx: Ctx, label: str, value: object) -> Button:
    """Make a button that answers the dialog step now asking with `value`."""
    step, run = ctx.asking or ("?", "?")
    return ctx.button(label, Choice(step, run, str(value)))


def cancel_button(ctx: Ctx) -> Button:
    """Make the "Abbrechen" button every dialog step offers."""
    _, run = ctx.asking or ("?", "?")
    return ctx.button(t.CANCEL_LABEL, CancelDialog(run))


class Dialogs:
    """The registry and engine of all dialogs."""

    def __init__(self, explain: Explain | None = None) -> None:
        self._dialogs: dict[str, Dialog] = {}
        # The router's German text of a DomainError: a refused rule inside a step is an
        # answer that asks again, like a UsageError, never the generic apology.
        self._explain = explain

    def names(self) -> list[str]:
        """Return the names of every registered dialog."""
        return list(self._dialogs)

    def get(self, name: str) -> Dialog:
        """Return a registered dialog."""
        return self._dialogs[name]

    def add(self, dialog: Dialog) -> None:
        """Register a dialog."""
        if dialog.first not in dialog.steps:
            raise ValueError(f"{dialog.name}: first step {dialog.first!r} missing")
        self._dialogs[dialog.name] = dialog

    def title(self, name: str) -> str:
        """Return the German title of a dialog."""
        d = self._dialogs.get(name)
        return d.title if d else name

    async def start(self, ctx: Ctx, name: str, data: Data | None = None, *,
                    step: str | None = None, restart: bool = False) -> None:
        """Open dialog `name` at its first step (or at `step`, when the answer so far allows).

        If it is open already it is resumed, unless `restart`: then it starts afresh (a new
        run, so the old run's buttons are stale). Another open dialog is refused.
        """
        open_ = await self._load(ctx)
        if open_ is not None:
            if open_.dialog != name:
                raise UsageError(t.dialog_busy(self.title(open_.dialog)))
            if not restart:
                await self._ask(ctx, open_)
                return
        dialog = self._dialogs[name]
        first = step or dialog.first
        if first not in dialog.steps:
            raise ValueError(f"{name}: no step {first!r}")
        run = secrets.token_urlsafe(4)[:6]
        await self._goto(ctx, OpenDialog(dialog.name, first, run, dict(data or {})))

    async def resume(self, ctx: Ctx) -> bool:
        """Ask the open dialog's current question again; False if none is open."""
        open_ = await self._load(ctx)
        if open_ is None:
            return False
        await self._ask(ctx, open_)
        return True

    async def cancel(self, ctx: Ctx) -> str | None:
        """Close the open dialog; return what to say (None if none was open)."""
        open_ = await self._load(ctx)
        await self._close(ctx)
        return None if open_ is None else self._cancelled(open_.dialog)

    async def cancel_run(self, ctx: Ctx, run: str) -> str | None:
        """Close the open dialog if it is the run whose "Abbrechen" was pressed; return what
        to say (None if that run is not open)."""
        open_ = await self._load(ctx)
        if open_ is None or open_.run != run:
            return None
        await self._close(ctx)
        return self._cancelled(open_.dialog)

    def _cancelled(self, name: str) -> str:
        dialog = self._dialogs.get(name)
        return (dialog.cancelled if dialog is not None else "") or t.CANCELLED

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
        step = self._dialogs[open_.dialog].steps[open_.step]
        talk = small_talk(text)
        if talk is not None:  # "hilfe", "hallo", "danke 👍" are never the step's answer
            self._small_talk(ctx, open_, talk)
            await self._ask(ctx, open_)
            return True
        if step.on_text is None:
            # People type "ja" or a button's label instead of pressing: treat it as the press.
            value = await self._typed_choice(ctx, open_, text)
            if value is not None and step.on_press is not None:
                await self._advance(ctx, open_, step.on_press, value)
                return True
            ctx.say(t.PLEASE_PRESS)
            await self._ask(ctx, open_)
            return True
        if step.on_press is not None:  # the label of one of the step's buttons, typed
            value = await self._typed_choice(ctx, open_, text, exact=True)
            if value is not None:
                await self._advance(ctx, open_, step.on_press, value)
                return True
        unfit = _unfit(step.expects, text)
        if unfit is not None:
            ctx.say(unfit)
            await self._ask(ctx, open_)
            return True
        await self._advance(ctx, open_, step.on_text, text)
        return True

    async def on_file(self, ctx: Ctx, attachment: Attachment) -> bool:
        """Feed a sent file to the open dialog step; False if no open step takes files."""
        open_ = await self._load(ctx)
        if open_ is None:
            return False
        take = self._dialogs[open_.dialog].steps[open_.step].on_file
        if take is None:
            return False

        async def as_answer(c: Ctx, data: Data, _value: str) -> str:
            return await take(c, data, attachment)

        await self._advance(ctx, open_, as_answer, attachment.name)
        return True

    async def step_help(self, ctx: Ctx) -> bool:
        """Say what the open dialog's step wants and ask it again; False if none is open."""
        open_ = await self._load(ctx)
        if open_ is None:
            return False
        self._small_talk(ctx, open_, "help")
        await self._ask(ctx, open_)
        return True

    def _small_talk(self, ctx: Ctx, open_: OpenDialog, talk: SmallTalk) -> None:
        """Answer help, a greeting or thanks typed while a question is open."""
        dialog = self._dialogs[open_.dialog]
        title = dialog.title
        if talk == "help":
            step = dialog.steps[open_.step]
            how = t.STEP_HELP_PRESS if step.on_text is None else t.STEP_HELP_TYPE
            ctx.say(t.STEP_HELP.format(title=esc(title), help=step.help or how))
            return
        ctx.say((t.HELLO_IN_DIALOG if talk == "hello" else t.THANKS_IN_DIALOG)
                .format(title=esc(title)))

    async def on_press(self, ctx: Ctx, pressed: Choice) -> None:
        """Feed a pressed dialog button to the open dialog (stale unless step and run match)."""
        open_ = await self._load(ctx)
        if open_ is None or (open_.step, open_.run) != (pressed.step, pressed.run):
            ctx.say(t.STALE_BUTTON)
            if open_ is not None:
                await self._ask(ctx, open_)
            return
        step = self._dialogs[open_.dialog].steps[open_.step]
        if step.on_press is None:
            raise UsageError(t.STALE_BUTTON)
        await self._advance(ctx, open_, step.on_press, pressed.value)

    async def _load(self, ctx: Ctx) -> OpenDialog | None:
        """Return the open dialog; one whose dialog or step no longer exists is closed."""
        open_ = ctx.dialog
        if open_ is None:
            return None
        dialog = self._dialogs.get(open_.dialog)
        if dialog is not None and open_.step in dialog.steps:
            return open_
        # A deploy renamed or removed it: better to start over than to fail on every message.
        log.warning("closing unknown dialog state %s:%s of %s", open_.dialog, open_.step,
                    ctx.person.key)
        await self._close(ctx)
        ctx.say(t.DIALOG_GONE)
        return None

    async def _advance(self, ctx: Ctx, open_: OpenDialog, fn: OnText, value: str) -> None:
        work = dict(open_.data)  # a UsageError must leave the stored answers untouched
        try:
            # ...and whatever the step wrote: the savepoint undoes it, the dialog stays.
            async with ctx.s.begin_nested():
                nxt = await fn(ctx, work, value)
        except UsageError as err:
            ctx.say(str(err))
            await self._ask(ctx, open_)
            return
        except DomainError as err:
            if self._explain is None:
                raise
            ctx.say(self._explain(err))
            await self._ask(ctx, open_)
            return
        if nxt == END:
            await self._close(ctx)
            return
        await self._goto(ctx, OpenDialog(open_.dialog, nxt, open_.run, work))

    async def _typed_choice(self, ctx: Ctx, open_: OpenDialog, text: str, *,
                            exact: bool = False) -> str | None:
        """Return the value of the step's choice whose label was typed, if any.

        `exact`: only a label typed as it reads counts (at a step that also takes typed
        answers, "2" or "ja" may be the answer itself).
        """
        first = len(ctx.replies)
        await self._ask(ctx, open_)
        asked = ctx.replies[first:]
        del ctx.replies[first:]  # asked only to learn the choices; nothing is shown
        typed = " ".join(text.split()).strip(".!").casefold()
        buttons = [b for reply in asked for b in reply.flat_buttons()]
        choices = [(b.label.strip().casefold(), c) for b in buttons
                   if (c := Choice.parse(b.id)) is not None]
        # "ja, passt" or "nein danke" at a Ja/Nein question means the button "Ja" or "Nein".
        answer = {"yes": t.YES_LABEL, "no": t.NO_LABEL}.get(yes_or_no(text) or "", "")
        for wanted in (typed, answer.casefold()):
            for label, pressed in choices:
                if wanted and label == wanted:
                    return pressed.value
            if exact:
                return None
        # "ja" at "Ja, austreten" / "Nein": the one button whose label starts with that word.
        if answer:
            worded = [c for label, c in choices
                      if (label.split(",")[0].split() or [""])[0] == answer.casefold()]
            if len(worded) == 1:
                return worded[0].value
        # "2": the second button, as numbered platforms show them (Abbrechen is no answer).
        number = typed.rstrip(".)")
        if number.isdigit() and 1 <= int(number) <= len(buttons):
            nth = Choice.parse(buttons[int(number) - 1].id)
            return None if nth is None else nth.value
        # "mehrere" for "Mehrere Antworten": the one label that starts with the typed word(s).
        starts = [c for label, c in choices if len(typed) >= 3 and label.startswith(typed)]
        return starts[0].value if len(starts) == 1 else None

    async def _goto(self, ctx: Ctx, open_: OpenDialog) -> None:
        await chat.save_dialog(ctx.s, person_id=ctx.person_id, dialog=open_.dialog,
                               step=open_.step, run=open_.run, data=open_.data, now=ctx.now)
        ctx.dialog = open_
        await self._ask(ctx, open_)

    async def _close(self, ctx: Ctx) -> None:
        await chat.clear_dialog(ctx.s, person_id=ctx.person_id)
        ctx.dialog = None

    async def _ask(self, ctx: Ctx, open_: OpenDialog) -> None:
        ctx.reasked = True
        before, ctx.asking = ctx.asking, (open_.step, open_.run)
        try:
            await self._dialogs[open_.dialog].steps[open_.step].ask(ctx, open_.data)
        finally:
            ctx.asking = before
