"""/erinnerung <wann> <text>: understand when and what, confirm with Ja/Nein, then plan it.

The dialog is persisted like every dialog; it opens at the step that is still missing (the
time, the text, or the confirmation) and keeps what was typed when an answer is refused.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from handlers.core import END, Ctx, Router, Step, UsageError, cancel_button, choice
from handlers.core import texts as core_t
from handlers.core.answers import yes_or_no
from handlers.core.format import esc, fmt_dt
from handlers.dates import When, impossible_text, to_datetime
from handlers.dates.reading import Impossible, Understood, read_when
from handlers.reminders import texts as t
from handlers.reminders.notices import personal
from storage.reminders import TEXT_MAX, check_room

DEFAULT_TIME = time(9)
DIALOG = "erinnerung"
Data = dict[str, Any]


async def create(ctx: Ctx, router: Router) -> None:
    """Understand when and what, then ask for a confirmation (or for what is missing)."""
    if not ctx.args:
        raise UsageError(t.USAGE)
    await check_room(ctx.s, person_id=ctx.person_id, limit=ctx.services.limits.open_reminders)
    found = read_when(ctx.args, now=ctx.now)
    if not isinstance(found, Understood):
        # Keep what was typed: only the time is asked for again.
        ctx.say(_refusal(found))
        text = found.text if isinstance(found, Impossible) else ctx.args
        await _open(ctx, router, "when", {"text": text[:TEXT_MAX]})
        return
    data: Data = {"text": found.text[:TEXT_MAX]}
    due = _due(ctx, found.when)
    if due <= ctx.now:
        ctx.say(t.PAST_WHEN.format(when=fmt_dt(due, ctx.tz, long=True)))
        await _open(ctx, router, "when", data)
        return
    _keep(data, found.when)
    await _open(ctx, router, "confirm" if data["text"] else "text", data)


def _refusal(found: Impossible | None) -> str:
    """Say why no time could be read: not understood, or which date or time cannot be."""
    return t.NOT_UNDERSTOOD if found is None else impossible_text(found)


async def _open(ctx: Ctx, router: Router, step: str, data: Data) -> None:
    """Open the reminder dialog at `step`; a new /erinnerung replaces an unanswered one."""
    open_ = ctx.dialog
    if open_ is not None and open_.dialog != DIALOG:
        raise UsageError(core_t.dialog_busy(router.dialogs.title(open_.dialog)))
    if open_ is not None and open_.data.get("text"):
        ctx.say(t.REPLACED.format(text=esc(open_.data["text"])))
    # It starts where the answer left off, always afresh: the replaced run's buttons go stale.
    await router.dialogs.start(ctx, DIALOG, data, step=step, restart=True)


def _due(ctx: Ctx, w: When) -> datetime:
    return to_datetime(w, default_time=DEFAULT_TIME, tz=ctx.tz)


def _keep(data: Data, w: When) -> None:
    """Store the time as local date and "HH:MM" (the form dialogs left open already have)."""
    data["date"], data["time"] = w.date.isoformat(), (w.time or DEFAULT_TIME).strftime("%H:%M")


def _due_of(ctx: Ctx, data: Data) -> datetime:
    return _due(ctx, When(date.fromisoformat(data["date"]), time.fromisoformat(data["time"])))


async def _ask_when(ctx: Ctx, data: Data) -> None:
    about = t.ABOUT.format(text=esc(data["text"])) if data.get("text") else ""
    ctx.say(t.ASK_WHEN.format(about=about), [[cancel_button(ctx)]])


async def _got_when(ctx: Ctx, data: Data, text: str) -> str:
    found = read_when(text, now=ctx.now)
    if not isinstance(found, Understood):
        raise UsageError(_refusal(found))
    if found.text:  # typed the time and the text again: the new text wins
        data["text"] = found.text[:TEXT_MAX]
    due = _due(ctx, found.when)
    if due <= ctx.now:
        raise UsageError(t.PAST_WHEN.format(when=fmt_dt(due, ctx.tz, long=True)))
    _keep(data, found.when)
    return "confirm" if data.get("text") else "text"


async def _ask_text(ctx: Ctx, data: Data) -> None:
    when = fmt_dt(_due_of(ctx, data), ctx.tz, long=True)
    ctx.say(t.ASK_TEXT.format(when=when), [[cancel_button(ctx)]])


async def _got_text(ctx: Ctx, data: Data, text: str) -> str:
    text = text.strip()
    if not text:
        raise UsageError(t.NO_TEXT)
    data["text"] = text[:TEXT_MAX]
    return "confirm"


async def _ask(ctx: Ctx, data: Data) -> None:
    when = fmt_dt(_due_of(ctx, data), ctx.tz, long=True)
    ctx.say(t.CONFIRM.format(when=when, text=esc(data["text"])),
            [[choice(ctx, core_t.YES_LABEL, "ja"), choice(ctx, core_t.NO_LABEL, "nein")],
             [cancel_button(ctx)]])


async def _typed(ctx: Ctx, data: Data, text: str) -> str:
    answer = yes_or_no(text)
    if answer is None:
        raise UsageError(t.ANSWER_YES_NO)
    return await _answer(ctx, data, "ja" if answer == "yes" else "nein")


async def _answer(ctx: Ctx, data: Data, value: str) -> str:
    if value != "ja":
        ctx.say(t.RETRY)
        return "when"  # keep the text, ask for another time
    due = _due_of(ctx, data)
    if due <= ctx.now:  # the dialog may be answered long after it was asked
        ctx.say(t.PAST)
        return "when"  # keep the text, ask for a new time
    await check_room(ctx.s, person_id=ctx.person_id, limit=ctx.services.limits.open_reminders)
    await ctx.notify.person(ctx.person_id, personal(data["text"], due))
    ctx.say(t.DONE.format(when=fmt_dt(due, ctx.tz, long=True), text=esc(data["text"])))
    return END


STEPS = {
    "when": Step(_ask_when, on_text=_got_when),
    "text": Step(_ask_text, on_text=_got_text),
    "confirm": Step(_ask, on_text=_typed, on_press=_answer),
}

