"""`/medientage` for the media team: overview, confirm, propose, decline, offered days, export."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.chat import Button
from handlers import media_days_notify as notify
from handlers.context import Ctx, UsageError
from handlers.dates import When, parse_when
from handlers.dates import texts as td
from handlers.dialogs import END, Data, Dialog, Step, cancel_button, choice
from handlers.exports import Table
from handlers.media_days_offers import offer_days
from handlers.media_days_submit import after_confirm
from handlers.router import Router
from handlers.texts import media_days as t
from handlers.texts import media_days_admin as ta
from handlers.texts.common import esc, fmt_date
from storage import audit, companies, media_days, media_days_queries
from storage.errors import DomainError
from storage.models import Company, MediaDay

PROPOSE, DECLINE = "medientag_vorschlag", "medientag_absage"


def register(router: Router) -> None:
    """Register the team's media day commands, buttons, dialogs and export."""
    router.command("medientage", overview, help=t.HELP_MEDIENTAGE,
                   admin=True)
    router.command("medientag_tage", offer_days, help=t.HELP_MEDIENTAG_TAGE, admin=True)
    router.action("md.confirm", confirm, admin=True)
    router.action("md.propose", lambda ctx: _open(ctx, router, PROPOSE), admin=True)
    router.action("md.decline", lambda ctx: _open(ctx, router, DECLINE), admin=True)
    router.dialog(Dialog(PROPOSE, ta.PROPOSE_TITLE, "day", {
        "day": Step(ask_propose, on_text=type_propose),
        "ok": Step(ask_propose_ok, on_text=type_propose_ok, on_press=press_propose_ok),
    }))
    router.dialog(Dialog(DECLINE, ta.DECLINE_TITLE, "reason", {
        "reason": Step(ask_reason, on_text=type_reason),
    }))
    router.exports.add("medientage", t.EXPORT_LABEL, export)


async def overview(ctx: Ctx) -> None:
    """Show confirmed (by date), requested (oldest first), companies without, recent nudges."""
    await ctx.services.planned()  # runs the nudge planner, so the list below is current
    today = notify.today(ctx)
    data = await media_days_queries.overview(ctx.db, today=today)
    labels = notify.config(ctx).formats
    lines = [ta.HEAD.format(confirmed=len(data.confirmed), requested=len(data.requested),
                            without=len(data.without))]
    lines.append(ta.CONFIRMED_HEAD)
    for md, c in data.confirmed:
        state = ta.DONE if md.day and md.day < today else ta.MOVE_WANTED if md.move_wanted else ""
        lines.append(ta.confirmed_line(md.day, c.name, t.formats_text(md.formats, labels), state))  # type: ignore[arg-type]
    if not data.confirmed:
        lines.append(ta.NONE)
    lines.append(ta.WITHOUT.format(n=len(data.without),
                                   names=", ".join(esc(c.name) for c in data.without) or "–"))
    lines.extend(await _nudged(ctx))
    lines.append(ta.REQUESTED_HEAD.format(n=len(data.requested)) if data.requested
                 else ta.REQUESTED_NONE)
    ctx.say("\n".join(lines))
    visits = Counter(m.day for m, _ in data.confirmed)
    full = {d for d, n in visits.items() if n >= notify.config(ctx).visits_per_day}
    for md, c in data.requested:
        taken = [d for d in _wishes(md) if d in full]
        text = request_card(md, c, labels, ctx.tz)
        if taken:  # another company got that day meanwhile: no button that can only fail
            text += ta.WISH_TAKEN.format(days=t.days_text(taken))
        ctx.say(text, [request_buttons(ctx, md, today, skip=set(taken))])


def _wishes(md: MediaDay) -> list[date]:
    return [date.fromisoformat(d) for d in md.wishes]


async def _nudged(ctx: Ctx) -> list[str]:
    sent = await media_days_queries.recent_nudges(ctx.db, since=ctx.now - timedelta(days=45))
    if not sent:
        return [ta.NUDGED_NONE]
    names = [f"{esc(p.display_name or p.key)} ({esc(c.name if c else '–')}, "
             f"{fmt_date(at.astimezone(ctx.tz).date())})" for at, p, c in sent[:15]]
    return [ta.NUDGED.format(names=", ".join(names))]


def request_card(md: MediaDay, company: Company, labels: dict[str, str], tz: ZoneInfo) -> str:
    """Describe one open request (or move wish) for the team."""
    wishes = [date.fromisoformat(d) for d in md.wishes]
    text = (ta.MOVE_CARD if md.move_wanted else ta.REQUEST_CARD).format(
        company=esc(company.name), state=t.STATE_LONG.get(company.state or "", "Land unbekannt"),
        since=fmt_date(md.requested_at.astimezone(tz).date()),
        day=fmt_date(md.day) if md.day else "",
        summary=t.summary(md.formats, wishes, md.contact_name, md.contact_reach, md.note, labels),
    )
    if md.proposed:
        text += ta.PROPOSED.format(day=fmt_date(md.proposed))
    return text


def request_buttons(
    ctx: Ctx, md: MediaDay, today: date, skip: set[date] | None = None
) -> list[Button]:
    """Offer to confirm a wished day (not past, not in `skip`), propose another, or decline."""
    row = [ctx.button(f"✓ {fmt_date(d)}", "md.confirm", md.id, d.isoformat())
           for d in _wishes(md) if d >= today and d not in (skip or set())]
    return [*row, ctx.button(ta.BTN_PROPOSE, "md.propose", md.id),
            ctx.button(ta.BTN_DECLINE, "md.decline", md.id)]


async def confirm(ctx: Ctx) -> None:
    """Confirm a wished day (re-checking the visits per day), tell the company at once."""
    md_id, iso = ctx.args.split()
    md = await media_days.confirm(ctx.db, md_id=int(md_id), day=date.fromisoformat(iso),
                                  now=ctx.now, today=notify.today(ctx), cfg=notify.config(ctx))
    company = await companies.get(ctx.db, company_id=md.company_id)
    assert company is not None
    await audit.record(ctx.db, actor=ctx.person.key, action="media_day_confirm", now=ctx.now,
                       company=company.name, day=iso)
    await after_confirm(ctx, md, company)
    ctx.say(ta.CONFIRMED.format(company=esc(company.name), day=fmt_date(md.day, long=True)))  # type: ignore[arg-type]


async def _open(ctx: Ctx, router: Router, dialog: str) -> None:
    md = await media_days.get(ctx.db, md_id=int(ctx.args))
    if md is None:
        raise UsageError(t.RULES["md_not_found"](None))  # type: ignore[arg-type]
    if not (md.status == "requested" or (md.status == "confirmed" and md.move_wanted)):
        raise UsageError(t.RULES["md_not_open"](None))  # an old card: ask before the dialog
    company = await companies.get(ctx.db, company_id=md.company_id)
    await router.dialogs.start(ctx, dialog, {"md_id": md.id, "company": company.name if company
                                             else "", "state": company.state if company else None})


async def ask_propose(ctx: Ctx, data: Data) -> None:
    """Ask which day to propose."""
    ctx.say(ta.ASK_PROPOSE.format(company=esc(data["company"])), [[cancel_button(ctx)]])


async def type_propose(ctx: Ctx, data: Data, text: str) -> str:
    """Understand the proposed day and ask to confirm it."""
    when = parse_when(text, now=ctx.now)
    if when is None:
        raise UsageError(td.not_understood_text())
    try:  # refuse a weekend, holiday or taken day before echoing it, not after "Ja"
        await media_days.check_proposal(ctx.db, md_id=data["md_id"], day=when.date,
                                        today=notify.today(ctx), cfg=notify.config(ctx))
    except DomainError as err:
        raise UsageError(t.rule_text(err)) from None
    data["day"] = when.date.isoformat()
    return "ok"


async def type_propose_ok(ctx: Ctx, data: Data, text: str) -> str:
    """Accept a typed "ja"/"nein", or a new day instead."""
    word = text.strip().lower()
    if word in t.YES_WORDS or word in t.NO_WORDS:
        return await press_propose_ok(ctx, data, "yes" if word in t.YES_WORDS else "no")
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
        md = await media_days.propose(ctx.db, md_id=data["md_id"],
                                      day=date.fromisoformat(data["day"]), now=ctx.now,
                                      today=notify.today(ctx), cfg=notify.config(ctx))
    except DomainError as err:
        ctx.say(t.rule_text(err))  # e.g. confirmed for someone else meanwhile: ask for a day
        return "day"
    day = fmt_date(md.proposed)  # type: ignore[arg-type]
    await audit.record(ctx.db, actor=ctx.person.key, action="media_day_propose", now=ctx.now,
                       company=data["company"], day=data["day"])
    await notify.tell_company(ctx, md, t.NOTICE_PROPOSED.format(day=day), [[
        (t.BTN_ACCEPT, f"md.accept {md.id}"), (t.BTN_REJECT, f"md.reject {md.id}")]])
    ctx.say(ta.PROPOSED_SENT.format(company=esc(data["company"]), day=day))
    return END


async def ask_reason(ctx: Ctx, data: Data) -> None:
    """Ask why the request is declined (the company reads it)."""
    ctx.say(ta.ASK_REASON.format(company=esc(data["company"])), [[cancel_button(ctx)]])


async def type_reason(ctx: Ctx, data: Data, text: str) -> str:
    """Decline with the reason and tell the company."""
    md = await media_days.decline(ctx.db, md_id=data["md_id"], reason=text.strip()[:1000],
                                  now=ctx.now)
    await audit.record(ctx.db, actor=ctx.person.key, action="media_day_decline", now=ctx.now,
                       company=data["company"], reason=md.decline_reason)
    if md.status == "confirmed":
        msg = t.NOTICE_MOVE_DECLINED.format(reason=esc(text.strip()), day=fmt_date(md.day))  # type: ignore[arg-type]
    else:
        msg = t.NOTICE_DECLINED.format(reason=esc(text.strip()))
        await notify.drop_reminders(ctx, md)
    await notify.tell_company(ctx, md, msg)
    ctx.say(ta.DECLINED.format(company=esc(data["company"])))
    return END


async def export(ctx: Ctx, filter_text: str) -> Table:
    """Export the media days, optionally of one status (CSV/XLSX like the event export)."""
    labels = notify.config(ctx).formats
    today = notify.today(ctx)
    rows = []
    for md, c in await media_days_queries.all_media_days(ctx.db):
        status = ta.STATUS_LABELS.get(md.status, md.status)
        if md.status == "confirmed" and md.day and md.day < today:
            status = ta.STATUS_LABELS["done"]
        if filter_text and not status.startswith(filter_text.lower()):
            continue  # `/export medientage bestätigt` keeps one status
        rows.append([c.name, t.STATE_LONG.get(c.state or "", ""), status, md.day,
                     ", ".join(fmt_date(date.fromisoformat(d)) for d in md.wishes),
                     t.formats_text(md.formats, labels), md.contact_name, md.contact_reach,
                     md.note, md.requested_at.astimezone(ctx.tz),
                     md.confirmed_at.astimezone(ctx.tz) if md.confirmed_at else None,
                     md.decline_reason or ""])
    return Table("Medientage", ta.EXPORT_COLUMNS, rows)
