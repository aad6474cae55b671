"""`/medientage` for the media team: overview, confirm, propose another day, decline, export."""

from __future__ import annotations

from datetime import date, timedelta

from bot.chat import Button
from handlers.core import END, Ctx, Dialog, Step, Table, UsageError, cancel_button, choice
from handlers.core.answers import yes_or_no
from handlers.core.dialogs import Data, Dialogs
from handlers.core.exports import LIST_SEP, Cell, spread
from handlers.core.format import esc, fmt_date, fmt_day
from handlers.dates import When, parse_when
from handlers.dates import texts as td
from handlers.media_days import notices
from handlers.media_days import texts as t
from handlers.media_days.actions import Confirm, Decline, OpenRequest, Propose
from handlers.media_days.view import config, is_done, request_card, today
from storage.errors import DomainError
from storage.media_days import nudges, queries, service
from storage.media_days.models import MediaDay

PROPOSE, DECLINE = "medientag_vorschlag", "medientag_absage"
NUDGES_SHOWN_DAYS = 45  # "Zuletzt erinnert" looks back this far


def dialogs() -> list[Dialog]:
    """Return the team's dialogs: propose another day, decline with a reason."""
    return [
        Dialog(PROPOSE, t.PROPOSE_TITLE, "day", {
            "day": Step(ask_propose, on_text=type_propose),
            "ok": Step(ask_propose_ok, on_text=type_propose_ok, on_press=press_propose_ok),
        }),
        Dialog(DECLINE, t.DECLINE_TITLE, "reason", {
            "reason": Step(ask_reason, on_text=type_reason),
        }),
    ]


async def overview(ctx: Ctx) -> None:
    """Show confirmed (by date), requested (oldest first), companies without, recent nudges."""
    cfg, day = config(ctx.catalogue), today(ctx.now, ctx.tz)
    data = await queries.overview(ctx.s, today=day, cfg=cfg)
    lines = [t.HEAD.format(confirmed=len(data.confirmed), requested=len(data.requested),
                           without=len(data.without)), t.CONFIRMED_HEAD]
    for md, c in data.confirmed:
        state = t.DONE if is_done(md, day) else t.MOVE_WANTED if md.move_wanted else ""
        lines.append(t.confirmed_line(md.day, c.name, t.formats_text(md.formats, cfg.formats),
                                      state))
    if not data.confirmed:
        lines.append(t.NONE)
    lines.append(t.WITHOUT.format(n=len(data.without),
                                  names=", ".join(esc(c.name) for c in data.without) or "–"))
    lines.append(await _nudged(ctx))
    lines.append(t.REQUESTED_HEAD.format(n=len(data.requested)) if data.requested
                 else t.REQUESTED_NONE)
    ctx.say("\n".join(lines))
    for md, c in data.requested:
        taken = [d for d in md.wished_days if d in data.full]
        text = request_card(md, c, cfg, ctx.tz)
        if taken:  # another company got that day meanwhile: no button that can only fail
            text += t.WISH_TAKEN.format(days=t.days_text(taken))
        ctx.say(text, [request_buttons(ctx, md, day, skip=set(taken))])


async def open_request(ctx: Ctx, a: OpenRequest) -> None:
    """Show one request with its answers (confirm a wished day, propose, decline)."""
    found = await queries.with_company(ctx.s, md_id=a.md_id)
    if found is None:
        raise UsageError(t.NOT_FOUND)
    md, company = found
    if not md.is_open:
        raise UsageError(t.NOT_OPEN)
    cfg, day = config(ctx.catalogue), today(ctx.now, ctx.tz)
    ctx.say(request_card(md, company, cfg, ctx.tz), [request_buttons(ctx, md, day, skip=set())])


async def _nudged(ctx: Ctx) -> str:
    sent = await nudges.recent(ctx.s, since=ctx.now - timedelta(days=NUDGES_SHOWN_DAYS))
    if not sent:
        return t.NUDGED_NONE
    names = [f"{esc(p.display_name or p.key)} ({esc(c.name if c else '–')}, "
             f"{fmt_day(at, ctx.tz)})" for at, p, c in sent[:15]]
    return t.NUDGED.format(names=", ".join(names))


def request_buttons(ctx: Ctx, md: MediaDay, day: date, skip: set[date]) -> list[Button]:
    """Offer to confirm a wished day (not past, not in `skip`), propose another, or decline."""
    row = [ctx.button(f"✓ {fmt_date(d)}", Confirm(md.id, d))
           for d in md.wished_days if d >= day and d not in skip]
    return [*row, ctx.button(t.BTN_PROPOSE, Propose(md.id)),
            ctx.button(t.BTN_DECLINE, Decline(md.id))]


async def confirm(ctx: Ctx, a: Confirm, note: str = "") -> None:
    """Confirm a wished day (re-checking the visits per day) and tell the company at once.

    `note` (the web desk's optional field) is added to the company's message and the audit.
    """
    cfg = config(ctx.catalogue)
    md = await service.confirm(ctx.s, md_id=a.md_id, day=a.day, now=ctx.now,
                               today=today(ctx.now, ctx.tz), cfg=cfg)
    name = await _company_name(ctx, md)
    note = note.strip()[:1000]
    ctx.audit("media_day_confirm", company=name, day=a.day.isoformat(),
              **({"note": note} if note else {}))
    await notices.after_confirm(ctx.notify, md, cfg, note=note)
    ctx.say(t.CONFIRMED.format(company=esc(name), day=fmt_date(a.day, long=True)))


async def _company_name(ctx: Ctx, md: MediaDay) -> str:
    found = await queries.with_company(ctx.s, md_id=md.id)
    return found[1].name if found else ""


async def open_dialog(ctx: Ctx, md_id: int, dialog: str, dialogs: Dialogs) -> None:
    """Open the propose or decline dialog for a request that is still open."""
    found = await queries.with_company(ctx.s, md_id=md_id)
    if found is None:
        raise UsageError(t.NOT_FOUND)
    md, company = found
    if not md.is_open:
        raise UsageError(t.NOT_OPEN)  # an old card: say so before the dialog asks
    await dialogs.start(ctx, dialog, {"md_id": md.id, "company": company.name,
                                      "state": company.state})


async def ask_propose(ctx: Ctx, data: Data) -> None:
    """Ask which day to propose."""
    ctx.say(t.ASK_PROPOSE.format(company=esc(data["company"])), [[cancel_button(ctx)]])


async def type_propose(ctx: Ctx, data: Data, text: str) -> str:
    """Understand the proposed day and ask to confirm it."""
    when = parse_when(text, now=ctx.now)
    if when is None:
        raise UsageError(td.unreadable_text(text, now=ctx.now))
    try:  # refuse a weekend, holiday or taken day before echoing it, not after "Ja"
        await service.check_proposal(ctx.s, md_id=data["md_id"], day=when.date,
                                     today=today(ctx.now, ctx.tz), cfg=config(ctx.catalogue))
    except DomainError as err:
        raise UsageError(t.rule_text(err)) from None
    data["day"] = when.date.isoformat()
    return "ok"


async def type_propose_ok(ctx: Ctx, data: Data, text: str) -> str:
    """Accept a typed "ja"/"nein", or a new day instead."""
    answer = yes_or_no(text)  # "Ja!", "ja, passt", "nein danke"
    if answer is not None:
        return await press_propose_ok(ctx, data, answer)
    return await type_propose(ctx, data, text)


async def ask_propose_ok(ctx: Ctx, data: Data) -> None:
    """Echo the day; yes sends the proposal."""
    ctx.say(td.confirm_text(When(date.fromisoformat(data["day"]))),
            [[choice(ctx, td.CONFIRM_LABELS[0], "yes"), choice(ctx, td.CONFIRM_LABELS[1], "no")]])


async def press_propose_ok(ctx: Ctx, data: Data, value: str) -> str:
    """Propose the day to the company (with accept buttons) or ask again."""
    if value != "yes":
        return "day"
    try:
        md = await service.propose(ctx.s, md_id=data["md_id"],
                                   day=date.fromisoformat(data["day"]), now=ctx.now,
                                   today=today(ctx.now, ctx.tz), cfg=config(ctx.catalogue))
    except DomainError as err:  # e.g. confirmed for someone else meanwhile: ask for a day
        ctx.say(t.rule_text(err))
        return "day"
    ctx.audit("media_day_propose", company=data["company"], day=data["day"])
    await notices.tell_company(ctx.notify, md, notices.PROPOSED, day=data["day"])
    ctx.say(t.PROPOSED_SENT.format(company=esc(data["company"]),
                                   day=fmt_date(date.fromisoformat(data["day"]))))
    return END


async def ask_reason(ctx: Ctx, data: Data) -> None:
    """Ask why the request is declined (the company reads it)."""
    ctx.say(t.ASK_REASON.format(company=esc(data["company"])), [[cancel_button(ctx)]])


async def type_reason(ctx: Ctx, data: Data, text: str) -> str:
    """Decline with the reason and tell the company at once."""
    try:
        await decline(ctx, md_id=data["md_id"], reason=text)
    except DomainError as err:  # answered meanwhile (e.g. confirmed): nothing to decline
        ctx.say(t.rule_text(err))
    return END


async def decline(ctx: Ctx, *, md_id: int, reason: str) -> None:
    """Decline a request (or a move wish) with the reason and tell the company at once.

    The chat's decline dialog and the web desk both end here.
    """
    reason = reason.strip()[:1000]
    md = await service.decline(ctx.s, md_id=md_id, reason=reason, now=ctx.now)
    name = await _company_name(ctx, md)
    ctx.audit("media_day_decline", company=name, reason=reason)
    move = md.status == "confirmed"  # a move wish was declined: the confirmed day stays
    if not move:
        await notices.drop_reminders(ctx.notify, md, reason="declined")
    await notices.tell_company(ctx.notify, md, notices.DECLINED, reason=reason, move=move)
    ctx.say(t.DECLINED.format(company=esc(name)))


async def export(ctx: Ctx, filter_text: str) -> Table:
    """Export the media days, optionally of one status (`/export medientage bestätigt`)."""
    cfg, day = config(ctx.catalogue), today(ctx.now, ctx.tz)
    rows: list[list[Cell]] = []
    wishes: list[list[Cell]] = []
    for md, c in await queries.all_media_days(ctx.s):
        status = t.STATUS_LABELS["done"] if is_done(md, day) else t.STATUS_LABELS.get(
            md.status, md.status)
        if filter_text and not status.startswith(filter_text.lower()):
            continue
        rows.append([c.name, t.STATE_LONG.get(c.state or "", ""), status, md.day,
                     t.formats_text(md.formats, cfg.formats, LIST_SEP), md.contact_name,
                     md.contact_reach, md.note, md.requested_at.astimezone(ctx.tz),
                     md.confirmed_at.astimezone(ctx.tz) if md.confirmed_at else None,
                     md.decline_reason or ""])
        wishes.append(list(md.wished_days))
    # Each wished day is a date cell of its own ("Wunschtermin 1", "Wunschtermin 2", ...).
    wish_columns, wish_cells = spread("Wunschtermin", wishes)
    head, tail = t.EXPORT_COLUMNS[:4], t.EXPORT_COLUMNS[4:]
    return Table("Medientage", [*head, *wish_columns, *tail],
                 [[*r[:4], *w, *r[4:]] for r, w in zip(rows, wish_cells, strict=True)])
