"""The booking dialog: formats, up to three wished days, contact, note, summary, send.

The same wish steps serve the move dialog (new wished days for a confirmed media day).
Sending creates (or changes) the request and tells the team in the same unit of work.
"""

from __future__ import annotations

from handlers.core import END, Ctx, Dialog, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.core.format import esc
from handlers.media_days import notices
from handlers.media_days import texts as t
from handlers.media_days.view import company_of, config, today
from handlers.media_days.wishes import (
    ask_wish,
    ask_wish_ok,
    days,
    press_wish,
    press_wish_ok,
    type_wish,
    type_yes_no,
)
from storage.errors import DomainError
from storage.media_days import service

BOOKING, MOVE = "medientag", "medientag_verschieben"


def dialogs() -> list[Dialog]:
    """Return the booking and the move dialog."""
    steps = {
        "formats": Step(ask_formats, on_text=type_formats, on_press=press_format),
        "wish": Step(ask_wish, on_text=type_wish, on_press=press_wish),
        "wish_ok": Step(ask_wish_ok, on_text=type_yes_no, on_press=press_wish_ok),
        "contact": Step(ask_contact, on_text=type_contact, on_press=keep_contact),
        "reach": Step(ask_reach, on_text=type_reach, expects="reach"),
        "note": Step(ask_note, on_text=type_note, on_press=press_note),
        "summary": Step(ask_summary, on_press=send),
    }
    return [Dialog(BOOKING, t.DIALOG_TITLE, "formats", steps),
            Dialog(MOVE, t.MOVE_TITLE, "wish", {**steps, "summary": Step(ask_summary,
                                                                         on_press=send_move)})]


def _no_format() -> UsageError:
    return UsageError(t.rule_text(DomainError("md_no_format")))


async def ask_formats(ctx: Ctx, data: Data) -> None:
    """Offer the formats as toggles."""
    labels = config(ctx.catalogue).formats
    chosen = t.formats_text(data["formats"], labels)
    marks = [choice(ctx, ("✓ " if k in data["formats"] else "") + v, k) for k, v in labels.items()]
    ctx.say(t.ASK_FORMATS.format(chosen=chosen),
            [marks, [choice(ctx, t.BTN_NEXT, "next"), cancel_button(ctx)]])


async def press_format(ctx: Ctx, data: Data, value: str) -> str:
    """Toggle a format, or go on when at least one is chosen."""
    if value == "next":
        if not data["formats"]:
            raise _no_format()
        return "wish"
    chosen = list(data["formats"])
    data["formats"] = [f for f in chosen if f != value] if value in chosen else [*chosen, value]
    return "formats"


async def type_formats(ctx: Ctx, data: Data, text: str) -> str:
    """Accept typed format names ("Podcast, Fotos")."""
    labels = config(ctx.catalogue).formats
    words = text.lower()
    if words.strip(" .!") in t.ALL_WORDS:
        found = list(labels)
    else:  # stems, so "Foto" or "Clip" count as well
        found = [k for k, v in labels.items() if k[:4] in words or v.lower()[:4] in words]
    if not found:
        raise _no_format()
    data["formats"] = found
    return "wish"


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
    """Store phone or e-mail (the dialog machinery checks that one is in it)."""
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
        text = t.summary(data["formats"], days(data["wishes"]), data.get("contact", ""),
                         data.get("reach", ""), data.get("note", ""),
                         config(ctx.catalogue).formats)
    else:
        text = t.SUMMARY_MOVE.format(wishes=t.days_text(days(data["wishes"])))
    ctx.say(t.ASK_SEND.format(summary=text),
            [[choice(ctx, t.BTN_SEND, "send"), cancel_button(ctx)]])


async def send(ctx: Ctx, data: Data, value: str) -> str:
    """Send (or change) the request and tell the team; a refusal keeps the answers."""
    company = company_of(ctx)
    fields = dict(
        formats=list(data["formats"]), wishes=days(data["wishes"]),
        contact_name=data.get("contact", ""), contact_reach=data.get("reach", ""),
        note=data.get("note", ""), now=ctx.now, today=today(ctx.now, ctx.tz),
        cfg=config(ctx.catalogue),
    )
    md_id = data.get("md_id")
    try:  # the services refuse before they change anything: the dialog can go on
        if md_id:
            md = await service.change(ctx.s, md_id=md_id, company_id=company.id, **fields)
        else:
            md = await service.request(ctx.s, company_id=company.id, person_id=ctx.person_id,
                                       **fields)
    except DomainError as err:
        return _refused(ctx, err)
    await notices.tell_team(ctx.notify, md, notices.REQUESTED, exclude=ctx.person_id,
                            changed=bool(md_id))
    ctx.say(t.SENT)
    return END


# Refusals no answer in this dialog can mend: the media day changed meanwhile (someone else
# of the company booked, the team confirmed or declined); asking to send again would loop.
_FINAL = frozenset({"md_not_open", "md_not_found", "md_year_taken"})


def _refused(ctx: Ctx, err: DomainError) -> str:
    """Say why sending was refused; end the dialog when sending again cannot help."""
    if err.code not in _FINAL:
        raise UsageError(t.rule_text(err)) from None
    ctx.say(t.rule_text(err) + ("" if err.code == "md_year_taken" else t.SEE_STATUS))
    return END


async def send_move(ctx: Ctx, data: Data, value: str) -> str:
    """Ask to move a confirmed day and tell the team; a refusal keeps the answers."""
    try:
        md = await service.request_move(
            ctx.s, md_id=data["md_id"], company_id=company_of(ctx).id,
            wishes=days(data["wishes"]), now=ctx.now, today=today(ctx.now, ctx.tz),
            cfg=config(ctx.catalogue),
        )
    except DomainError as err:
        return _refused(ctx, err)
    await notices.tell_team(ctx.notify, md, notices.MOVE_WANTED, exclude=ctx.person_id)
    ctx.say(t.MOVE_SENT)
    return END
