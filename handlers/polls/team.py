"""The team's side: `/umfragen` with live counts, export, ending early, a date into an event."""

from __future__ import annotations

from handlers.core import Ctx, UsageError
from handlers.core.dialogs import Dialogs
from handlers.core.format import esc, fmt_dt
from handlers.polls import exports, notices
from handlers.polls import texts as t
from handlers.polls.actions import Close, CloseAsk, Draft, Export, Keep
from handlers.polls.view import counts_lines, option_label
from storage.errors import DomainError
from storage.polls import queries, service

MAX_LISTED = 10
EVENT_DIALOG = "termin_neu"  # handlers.events: the team's new-event dialog


async def listing(ctx: Ctx) -> None:
    """List open and recent polls with their counts; buttons export and end them."""
    polls = (await queries.listing(ctx.s, now=ctx.now))[:MAX_LISTED]
    if not polls:
        ctx.say(t.LIST_EMPTY)
        return
    ctx.say(t.LIST_HEAD)
    for poll in polls:
        tally = await queries.tally(ctx.s, poll_id=poll.id)
        if tally is None:
            continue
        common = {"id": poll.id, "question": esc(poll.question), "answered": tally.answered,
                  "asked": t.companies(tally.asked) if poll.per_company else tally.asked}
        if poll.closed_at is None:
            head = t.LIST_OPEN.format(closes=fmt_dt(poll.closes_at, ctx.tz), **common)
        else:
            head = t.LIST_CLOSED.format(closed=fmt_dt(poll.closed_at, ctx.tz), **common)
        buttons = [ctx.button(t.BTN_EXPORT.format(id=poll.id), Export(poll.id))]
        if poll.closed_at is None:
            buttons.append(ctx.button(t.BTN_CLOSE.format(id=poll.id), CloseAsk(poll.id)))
        rows = [buttons]
        best = tally.winner() if poll.kind == "dates" else None
        if best is not None:
            rows.append([ctx.button(t.DRAFT_BUTTON.format(label=option_label(best, ctx.tz)),
                                    Draft(poll.id, best.id))])
        ctx.say("\n".join([head, *counts_lines(tally, ctx.tz)]).lstrip("\n"), rows,
                listed=True)


async def export(ctx: Ctx, a: Export) -> None:
    """Send the poll's CSV and XLSX (anonymous polls without names)."""
    tally = await queries.tally(ctx.s, poll_id=a.poll_id)
    if tally is None:
        raise DomainError("poll_unknown")
    csv_file, xlsx_file = await exports.files(ctx.s, tally, ctx.tz)
    ctx.audit("export", kind="umfrage", poll=a.poll_id)
    ctx.say(t.TEAM_FILES.format(question=esc(tally.poll.question), kind="CSV"), file=csv_file)
    ctx.say(t.TEAM_FILES.format(question=esc(tally.poll.question), kind="Excel"),
            file=xlsx_file)


async def ask_close(ctx: Ctx, a: CloseAsk) -> None:
    """Ask before ending a poll early (everybody asked gets the result)."""
    poll = await queries.get(ctx.s, poll_id=a.poll_id)
    if poll is None:
        raise DomainError("poll_unknown")
    ctx.say(t.ASK_CLOSE.format(id=poll.id, question=esc(poll.question)),
            [[ctx.button(t.BTN_CLOSE_YES, Close(poll.id)), ctx.button(t.BTN_NO, Keep())]])


async def close(ctx: Ctx, a: Close) -> None:
    """End a poll now and plan its result, audited."""
    try:
        poll = await service.close_now(ctx.s, poll_id=a.poll_id, now=ctx.now)
    except DomainError as e:
        if e.code != "poll_closed":
            raise
        ctx.say(t.CLOSED_ALREADY.format(id=a.poll_id))  # not "deine Antwort kam zu spät"
        return
    await notices.announce(ctx.s, ctx.notify, poll)
    ctx.audit("poll_close", poll=poll.id)
    ctx.say(t.CLOSED_NOW.format(id=poll.id))


async def keep(ctx: Ctx, a: Keep) -> None:
    """Answer the "Nein" of a confirmation."""
    ctx.say(t.KEPT)


async def draft(ctx: Ctx, a: Draft, dialogs: Dialogs) -> None:
    """Open /termin_neu with the date finding's topic and the chosen date filled in."""
    poll = await queries.get(ctx.s, poll_id=a.poll_id)
    if poll is None:
        raise DomainError("poll_unknown")
    option = next((o for o in await queries.options(ctx.s, poll_id=poll.id)
                   if o.id == a.option_id), None)
    if poll.kind != "dates" or option is None or option.start is None:
        raise UsageError(t.NOT_DATES)
    data: dict[str, str | None] = {"title": poll.question[:200]}
    if not option.has_time:  # the date finding named the day only: ask for the time
        await dialogs.start(ctx, EVENT_DIALOG, data, step="when", restart=True)
        return
    data |= {"start": option.start.isoformat(), "end": None}
    await dialogs.start(ctx, EVENT_DIALOG, data, step="place", restart=True)
