"""The booking dialog: formats, up to three wished days, contact, note, summary, send.

The same wish steps serve the move dialog (new wished days for a confirmed media day).
"""

from __future__ import annotations

import re
from datetime import date

from handlers import media_days_notify as notify
from handlers.context import Ctx, UsageError
from handlers.dates import When, parse_when
from handlers.dialogs import END, Data, Dialog, Step, cancel_button, choice
from handlers.media_days_submit import submit_move, submit_request
from handlers.router import Router
from handlers.texts import dates as td
from handlers.texts import media_days as t
from handlers.texts.common import esc, fmt_date
from storage import media_days, media_days_queries
from storage.errors import DomainError

BOOKING, MOVE = "medientag", "medientag_verschieben"
MAX_WISHES = media_days.MAX_WISHES
_REACH = re.compile(r"(@.+\..+)|(\d.*\d.*\d.*\d.*\d)")


def register(router: Router) -> None:
    """Register the booking and the move dialog."""
    steps = {
        "formats": Step(ask_formats, on_text=type_formats, on_press=press_format),
        "wish": Step(ask_wish, on_text=type_wish, on_press=press_wish),
        "wish_ok": Step(ask_wish_ok, on_text=type_yes_no, on_press=press_wish_ok),
        "contact": Step(ask_contact, on_text=type_contact, on_press=keep_contact),
        "reach": Step(ask_reach, on_text=type_reach),
        "note": Step(ask_note, on_text=type_note, on_press=press_note),
        "summary": Step(ask_summary, on_press=lambda ctx, d, v: send(ctx, d, v)),
    }
    router.dialog(Dialog(BOOKING, t.DIALOG_TITLE, "formats", steps))
    router.dialog(Dialog(MOVE, t.MOVE_TITLE, "wish", {**steps, "summary": Step(
        ask_summary, on_press=lambda ctx, d, v: send_move(ctx, d, v))}))


async def ask_formats(ctx: Ctx, data: Data) -> None:
    """Offer the formats as toggles."""
    labels = notify.config(ctx).formats
    chosen = t.formats_text(data["formats"], labels)
    marks = [choice(ctx, ("✓ " if k in data["formats"] else "") + v, k) for k, v in labels.items()]
    ctx.say(t.ASK_FORMATS.format(chosen=chosen),
            [marks, [choice(ctx, t.BTN_NEXT, "next"), cancel_button(ctx)]])


async def press_format(ctx: Ctx, data: Data, value: str) -> str:
    """Toggle a format, or go on when at least one is chosen."""
    if value == "next":
        if not data["formats"]:
            raise UsageError(t.RULES["md_no_format"](DomainError("md_no_format")))
        return "wish"
    chosen = list(data["formats"])
    data["formats"] = [f for f in chosen if f != value] if value in chosen else [*chosen, value]
    return "formats"


async def type_formats(ctx: Ctx, data: Data, text: str) -> str:
    """Accept typed format names ("Podcast, Fotos")."""
    labels = notify.config(ctx).formats
    words = text.lower()
    if words.strip(" .!") in t.ALL_WORDS:
        found = list(labels)
    else:  # stems, so "Foto" or "Clip" count as well
        found = [k for k, v in labels.items() if k[:4] in words or v.lower()[:4] in words]
    if not found:
        raise UsageError(t.RULES["md_no_format"](DomainError("md_no_format")))
    data["formats"] = found
    return "wish"


async def ask_wish(ctx: Ctx, data: Data) -> None:
    """Ask for the next wished day, offering the team's free offered days."""
    offered = await _offered(ctx, data)
    text = t.ASK_WISH.format(n=len(data["wishes"]) + 1, offered=t.OFFERED_HINT if offered else "")
    if data["wishes"]:
        text += "\n" + t.WISHES_SO_FAR.format(wishes=t.days_text(_days(data["wishes"])))
    free = [d for d in _days(data.get("free", [])) if d not in offered
            and d.isoformat() not in data["wishes"]]  # next free days after a taken one
    rows = [[choice(ctx, fmt_date(d), d.isoformat())] for d in [*offered[:4], *free]]
    if data.get("old_wishes") and not data["wishes"]:
        keep = t.BTN_KEEP_WISHES.format(days=t.days_text(_days(data["old_wishes"])))
        rows.insert(0, [choice(ctx, keep, "keep")])
    last = [choice(ctx, t.BTN_WISHES_DONE, "done")] if data["wishes"] else []
    ctx.say(text, [*rows, [*last, cancel_button(ctx)]])


async def _offered(ctx: Ctx, data: Data) -> list[date]:
    found = []
    for day in await media_days_queries.offers(ctx.db, since=notify.today(ctx)):
        if day.isoformat() in data["wishes"]:
            continue
        try:
            await _check(ctx, data, day)
        except UsageError:
            continue
        found.append(day)
    return found


class _Taken(Exception):
    """A wished day is taken; carries the refusal and the next free days."""

    def __init__(self, text: str, free: list[date]) -> None:
        super().__init__(text)
        self.text, self.free = text, free


async def _check(ctx: Ctx, data: Data, day: date) -> None:
    assert ctx.company is not None
    try:
        await media_days.check_wish(
            ctx.db, company_id=ctx.company.id, state=ctx.company.state, day=day,  # type: ignore[arg-type]
            today=notify.today(ctx), cfg=notify.config(ctx), exclude_id=data.get("md_id"),
        )
    except DomainError as err:
        if err.code == "md_day_taken":
            raise _Taken(t.rule_text(err), list(err.info.get("free") or [])) from None  # type: ignore[call-overload]
        raise UsageError(t.rule_text(err)) from None
    if day.isoformat() in data["wishes"]:
        raise UsageError(t.ALREADY_WISHED.format(day=fmt_date(day)))


def _offer_free(ctx: Ctx, data: Data, taken: _Taken) -> str:
    """Say the day is taken and ask again with the next free days as buttons."""
    ctx.say(taken.text)
    data["free"] = [d.isoformat() for d in taken.free]
    return "wish"


async def type_wish(ctx: Ctx, data: Data, text: str) -> str:
    """Understand a typed day, check it, and ask to confirm it."""
    if text.strip().lower().rstrip(".!") in t.DONE_WORDS:
        if not data["wishes"]:
            raise UsageError(t.NEED_WISH)
        return _after_wishes(data)
    when = parse_when(text, now=ctx.now)
    if when is None:
        raise UsageError(td.not_understood_text())
    try:
        await _check(ctx, data, when.date)
    except _Taken as taken:
        return _offer_free(ctx, data, taken)
    data["pending"] = when.date.isoformat()
    return "wish_ok"


async def press_wish(ctx: Ctx, data: Data, value: str) -> str:
    """Take an offered day, or go on with the wishes collected."""
    if value == "done":
        return _after_wishes(data)
    if value == "keep":
        return await _keep_wishes(ctx, data)
    try:
        await _check(ctx, data, date.fromisoformat(value))
    except _Taken as taken:
        return _offer_free(ctx, data, taken)
    return _add_wish(data, value)


async def _keep_wishes(ctx: Ctx, data: Data) -> str:
    """Keep the wished days of the request being changed (each checked again)."""
    for value in data.get("old_wishes", []):
        try:
            await _check(ctx, data, date.fromisoformat(value))
        except _Taken as taken:
            raise UsageError(taken.text) from None
        data["wishes"] = [*data["wishes"], value]
    return _after_wishes(data)


def _add_wish(data: Data, value: str) -> str:
    data["wishes"] = [*data["wishes"], value]
    data.pop("free", None)
    return _after_wishes(data) if len(data["wishes"]) >= MAX_WISHES else "wish"


def _after_wishes(data: Data) -> str:
    if not data["wishes"]:
        return "wish"
    return "summary" if "formats" not in data else "contact"


async def ask_wish_ok(ctx: Ctx, data: Data) -> None:
    """Echo the understood day and ask yes or no."""
    day = date.fromisoformat(data["pending"])
    ctx.say(td.confirm_text(When(day)),
            [[choice(ctx, td.CONFIRM_LABELS[0], "yes"), choice(ctx, td.CONFIRM_LABELS[1], "no")]])


async def type_yes_no(ctx: Ctx, data: Data, text: str) -> str:
    """Accept a typed "ja"/"nein" (or a new date instead)."""
    word = text.strip().lower().rstrip(".!")
    if word in t.YES_WORDS:
        return await press_wish_ok(ctx, data, "yes")
    if word in t.NO_WORDS:
        return await press_wish_ok(ctx, data, "no")
    return await type_wish(ctx, data, text)


async def press_wish_ok(ctx: Ctx, data: Data, value: str) -> str:
    """Keep the pending day on yes; ask again on no."""
    pending = data.pop("pending", None)
    if value != "yes" or pending is None:
        return "wish"
    return _add_wish(data, pending)


async def ask_contact(ctx: Ctx, data: Data) -> None:
    """Ask for the contact person (offering to keep the previous one)."""
    old = data.get("old_contact")
    keep = [choice(ctx, t.BTN_KEEP_CONTACT.format(name=old), "keep")] if old else []
    ctx.say(t.ASK_CONTACT, [[*keep, cancel_button(ctx)]])


async def type_contact(ctx: Ctx, data: Data, text: str) -> str:
    """Store the contact's name."""
    data["contact"] = " ".join(text.split())[:200]
    return "reach"


async def keep_contact(ctx: Ctx, data: Data, value: str) -> str:
    """Keep the previous contact and reach."""
    return "note"


async def ask_reach(ctx: Ctx, data: Data) -> None:
    """Ask for phone or e-mail."""
    ctx.say(t.ASK_REACH.format(name=esc(data["contact"])), [[cancel_button(ctx)]])


async def type_reach(ctx: Ctx, data: Data, text: str) -> str:
    """Store phone or e-mail (roughly checked)."""
    if not _REACH.search(text):
        raise UsageError(t.BAD_REACH)
    data["reach"] = text.strip()[:200]
    return "note"


async def ask_note(ctx: Ctx, data: Data) -> None:
    """Ask for an optional note."""
    keep = [choice(ctx, t.BTN_KEEP_NOTE, "keep")] if data.get("old_note") else []
    ctx.say(t.ASK_NOTE, [[*keep, choice(ctx, t.BTN_NO_NOTE, "none"), cancel_button(ctx)]])


async def type_note(ctx: Ctx, data: Data, text: str) -> str:
    """Store the note ("keine" means none, like the button)."""
    note = text.strip()
    data["note"] = "" if note.lower().rstrip(".!") in t.NO_NOTE_WORDS else note[:1000]
    return "summary"


async def press_note(ctx: Ctx, data: Data, value: str) -> str:
    """Go on without a note (or keep the previous one)."""
    data["note"] = data.get("old_note", "") if value == "keep" else ""
    return "summary"


async def ask_summary(ctx: Ctx, data: Data) -> None:
    """Show the summary with "Anfrage senden"."""
    if "formats" in data:
        text = t.summary(data["formats"], _days(data["wishes"]), data.get("contact", ""),
                         data.get("reach", ""), data.get("note", ""), notify.config(ctx).formats)
    else:
        text = t.SUMMARY_MOVE.format(wishes=t.days_text(_days(data["wishes"])))
    ctx.say(t.ASK_SEND.format(summary=text),
            [[choice(ctx, t.BTN_SEND, "send"), cancel_button(ctx)]])


async def send(ctx: Ctx, data: Data, value: str) -> str:
    """Send (or change) the request and tell the team."""
    await submit_request(ctx, data)
    return END


async def send_move(ctx: Ctx, data: Data, value: str) -> str:
    """Send the move request and tell the team."""
    await submit_move(ctx, data)
    return END


def _days(values: list[str]) -> list[date]:
    return [date.fromisoformat(v) for v in values]
