"""/erinnerung <wann> <text> (confirmed, then reminded once) and /erinnerungen (list, switch)."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime, time

from handlers.context import Ctx, UsageError
from handlers.dates import When, confirm_text, not_understood_text, parse_when, past_text
from handlers.dialogs import END, Dialog, Step, cancel_button, choice
from handlers.router import Router
from handlers.texts import reminders as t
from handlers.texts.common import esc, fmt_dt
from handlers.texts.core import NO_LABEL, YES_LABEL, dialog_busy
from storage import chat_state, reminders
from storage.reminders import PERSONAL

DEFAULT_TIME = time(9)
MAX_WHEN_WORDS = 6
MAX_LISTED = 25
DIALOG = "erinnerung"


def register(router: Router) -> None:
    """Register /erinnerung, /erinnerungen, their buttons and the confirmation dialog."""
    router.command("erinnerung", lambda ctx: create(ctx, router), personal=True,
                   help=t.HELP_ERINNERUNG)
    router.command("erinnerungen", lambda ctx: overview(ctx, router), personal=True,
                   help=t.HELP_ERINNERUNGEN)
    router.action("erinnerung.loeschen", delete)
    router.action("erinnerung.art", lambda ctx: switch(ctx, router))
    router.dialog(Dialog(DIALOG, t.TITLE, "confirm", {
        "when": Step(_ask_when, on_text=_got_when),
        "text": Step(_ask_text, on_text=_got_text),
        "confirm": Step(_ask, on_text=_typed, on_press=_answer),
    }))
    router.reminder_kinds[PERSONAL] = t.LABEL_PERSONAL
    router.domain_errors({"reminder_past": lambda e: t.PAST})


def split_when(args: str, now: datetime) -> tuple[When, str] | None:
    """Split "morgen 9 Uhr Unterlagen …" into the understood date and the reminder text."""
    words = args.split()
    for n in range(min(len(words) - 1, MAX_WHEN_WORDS), 0, -1):
        w = parse_when(" ".join(words[:n]), now=now)
        if w is not None:
            return w, " ".join(words[n:]).lstrip(":–- ").strip()
    return None


async def create(ctx: Ctx, router: Router) -> None:
    """Understand when and what, then ask for a confirmation (or for what is missing)."""
    if not ctx.args:
        raise UsageError(t.USAGE)
    data: dict[str, str] = {"text": ""}
    found = split_when(ctx.args, ctx.now)
    if found is None and (alone := parse_when(ctx.args, now=ctx.now)) is not None:
        found = alone, ""
    if found is None:
        # Keep what was typed: only the time is asked for again.
        ctx.say(not_understood_text())
        data["text"] = ctx.args[:500]
        await _open(ctx, router, "when", data)
        return
    w, text = found
    data["text"] = text[:500]
    w = When(w.date, w.time or DEFAULT_TIME)
    if _due(ctx, w.date.isoformat(), _hm(w.time)) <= ctx.now:
        ctx.say(past_text(w))
        await _open(ctx, router, "when", data)
        return
    data |= {"date": w.date.isoformat(), "time": _hm(w.time)}
    await _open(ctx, router, "confirm" if text else "text", data)


async def _open(ctx: Ctx, router: Router, step: str, data: dict[str, str]) -> None:
    """Open the reminder dialog at `step`; a new /erinnerung replaces an unanswered one."""
    pid: int = ctx.person.id  # type: ignore[assignment]
    open_ = await chat_state.load_dialog(ctx.db, person_id=pid)
    if open_ is not None and open_.dialog != DIALOG:
        raise UsageError(dialog_busy(router.dialogs.title(open_.dialog)))
    if open_ is not None and open_.data.get("text"):
        ctx.say(t.REPLACED.format(text=esc(open_.data["text"])))
    await chat_state.save_dialog(ctx.db, person_id=pid, dialog=DIALOG, step=step, data=data,
                                 now=ctx.now)
    await router.dialogs.resume(ctx)


def _hm(value: time | None) -> str:
    return (value or DEFAULT_TIME).strftime("%H:%M")


def _due(ctx: Ctx, day: str, hm: str) -> datetime:
    at = time.fromisoformat(hm)
    return datetime.combine(date.fromisoformat(day), at, tzinfo=ctx.tz).astimezone(UTC)


async def _ask_when(ctx: Ctx, data: dict[str, str]) -> None:
    about = t.ABOUT.format(text=esc(data["text"])) if data.get("text") else ""
    ctx.say(t.ASK_WHEN.format(about=about), [[cancel_button(ctx)]])


async def _got_when(ctx: Ctx, data: dict[str, str], text: str) -> str:
    w = parse_when(text, now=ctx.now)
    if w is None and (found := split_when(text, ctx.now)) is not None:
        w, rest = found  # typed the time and the text again: the new text wins
        data["text"] = rest[:500] or data.get("text", "")
    if w is None:
        raise UsageError(not_understood_text())
    w = When(w.date, w.time or DEFAULT_TIME)
    if _due(ctx, w.date.isoformat(), _hm(w.time)) <= ctx.now:
        raise UsageError(past_text(w))
    data |= {"date": w.date.isoformat(), "time": _hm(w.time)}
    return "confirm" if data.get("text") else "text"


async def _ask_text(ctx: Ctx, data: dict[str, str]) -> None:
    due = _due(ctx, data["date"], data["time"])
    ctx.say(t.ASK_TEXT.format(when=fmt_dt(due, ctx.tz, long=True)), [[cancel_button(ctx)]])


async def _got_text(ctx: Ctx, data: dict[str, str], text: str) -> str:
    text = text.strip()
    if not text:
        raise UsageError(t.NO_TEXT)
    data["text"] = text[:500]
    return "confirm"


async def _ask(ctx: Ctx, data: dict[str, str]) -> None:
    w = When(date.fromisoformat(data["date"]), time.fromisoformat(data["time"]))
    ctx.say(confirm_text(w) + t.WHAT.format(text=esc(data["text"])),
            [[choice(ctx, YES_LABEL, "ja"), choice(ctx, NO_LABEL, "nein")],
             [cancel_button(ctx)]])


async def _typed(ctx: Ctx, data: dict[str, str], text: str) -> str:
    answer = text.strip().lower()
    if answer not in ("ja", "nein", "j", "n"):
        raise UsageError(t.ANSWER_YES_NO)
    return await _answer(ctx, data, "ja" if answer.startswith("j") else "nein")


async def _answer(ctx: Ctx, data: dict[str, str], value: str) -> str:
    if value != "ja":
        ctx.say(t.RETRY)
        return "when"  # keep the text, ask for another time
    due = _due(ctx, data["date"], data["time"])
    if due <= ctx.now:  # the dialog may be answered long after it was asked
        ctx.say(t.PAST)
        return "when"  # keep the text, ask for a new time
    text = t.REMINDER.format(text=esc(data["text"]))
    pid: int = ctx.person.id  # type: ignore[assignment]
    await reminders.plan_personal(ctx.db, person_id=pid, text=text, due_at=due, now=ctx.now)
    ctx.say(t.DONE.format(when=fmt_dt(due, ctx.tz, long=True), text=esc(data["text"])))
    await ctx.services.planned()
    return END


async def overview(ctx: Ctx, router: Router) -> None:
    """List what is planned for the person; buttons delete own reminders and switch kinds."""
    pid: int = ctx.person.id  # type: ignore[assignment]
    rows = await reminders.planned_for(ctx.db, person_id=pid)
    off = {kind for _, kind in await reminders.disabled_kinds(ctx.db, person_ids=[pid])}
    labels = router.reminder_kinds
    lines, buttons = [t.HEAD], []
    for r in rows[:MAX_LISTED]:
        snippet = f": „{_snippet(r.text)}“" if r.kind == PERSONAL else ""
        label = esc(labels.get(r.kind, t.LABEL_OTHER))  # never show an internal kind name
        lines.append(t.LINE.format(when=fmt_dt(r.due_at, ctx.tz), label=label, text=snippet))
        if r.kind == PERSONAL:
            buttons.append([ctx.button(t.DELETE.format(text=_snippet(r.text, 24, html_=False)),
                                       "erinnerung.loeschen", r.id)])
    if len(rows) > MAX_LISTED:
        lines.append(t.MORE.format(count=len(rows) - MAX_LISTED))
    if not rows:
        lines = [t.HEAD, t.EMPTY]
    kinds = sorted(({r.kind for r in rows} | off) & set(labels) - {PERSONAL})
    if kinds:
        lines.append(t.SWITCHES)
    for kind in kinds:
        on = kind not in off
        text = (t.KIND_OFF if on else t.KIND_ON).format(label=labels[kind])
        buttons.append([ctx.button(text, "erinnerung.art", kind, int(not on))])
    ctx.say("\n".join(lines), buttons)


def _snippet(text: str, limit: int = 40, *, html_: bool = True) -> str:
    raw = html.unescape(text.removeprefix(t.REMINDER.format(text="")))
    cut = raw if len(raw) <= limit else raw[: limit - 1] + "…"
    return esc(cut) if html_ else cut


async def delete(ctx: Ctx) -> None:
    """Delete one of the person's own reminders."""
    ok = await reminders.delete_personal(ctx.db, person_id=ctx.person.id,  # type: ignore[arg-type]
                                         row_id=int(ctx.args or 0), now=ctx.now)
    ctx.say(t.DELETED if ok else t.GONE)
    if ok:
        await ctx.services.planned()


async def switch(ctx: Ctx, router: Router) -> None:
    """Switch one kind of reminder on ("1") or off ("0")."""
    kind, _, flag = ctx.args.partition(" ")
    label = router.reminder_kinds.get(kind)
    if label is None or kind == PERSONAL:
        raise UsageError(t.UNKNOWN_KIND)
    on = flag.strip() == "1"
    await reminders.set_enabled(ctx.db, person_id=ctx.person.id, kind=kind, enabled=on)  # type: ignore[arg-type]
    ctx.say((t.SWITCHED_ON if on else t.SWITCHED_OFF).format(label=esc(label)))
    await ctx.services.planned()
