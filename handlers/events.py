"""Events for members: /termine, sign-up in a few taps, calendar files, waiting list, /meine."""

from __future__ import annotations

from collections.abc import Callable

from bot.chat import Button
from handlers import events_admin, events_new
from handlers.context import Ctx, UsageError
from handlers.events_notify import REMINDER_KIND, notes_for
from handlers.events_view import card, contact, details, event_file
from handlers.router import Router
from handlers.texts import events as t
from handlers.texts.common import esc, plural
from storage import event_board, event_signup
from storage.errors import DomainError
from storage.event_board import Board
from storage.models import Event
from storage.models.events import MAX_PEOPLE


def register(router: Router) -> None:
    """Register the member commands and buttons, the admin part, /meine and the errors."""
    # Reading is open to everyone (also before the invite code); signing up needs a company.
    router.command("termine", show_events, help=t.HELP_LIST, aliases=("events",))
    router.action("ev.reg", ask_people, linked=True)
    router.action("ev.cnt", sign_up, linked=True)
    router.action("ev.cancel", cancel, linked=True)
    router.action("ev.ics", send_ics)
    router.action("ev.info", show_details)
    router.action("ev.show", show_one)
    router.action("ev.list", show_list_again)
    router.overview.add(overview)
    router.reminder_kinds[REMINDER_KIND] = t.KIND_REMINDER
    router.domain_errors(_errors(router))
    events_new.register(router)
    events_admin.register(router)


async def show_events(ctx: Ctx) -> None:
    """List upcoming events, a card each (Telegram shows them as one message)."""
    await _show_list(ctx, edit=False)


async def show_list_again(ctx: Ctx) -> None:
    """Show the list again where the pressed message was ("Alle Termine")."""
    await _show_list(ctx, edit=True)


async def _show_list(ctx: Ctx, *, edit: bool) -> None:
    boards = await _boards(ctx)
    if not boards:
        ctx.say(t.NONE_UPCOMING, edit=edit)
        return
    ctx.say(t.LIST_HEAD.format(n=len(boards)), listed=True, edit=edit)
    for b in boards:
        text, buttons = card(ctx, b)
        ctx.say(text, buttons, listed=True)


def _to_list(ctx: Ctx) -> list[Button]:
    return [ctx.button(t.ALL_EVENTS, "ev.list")]


async def ask_people(ctx: Ctx) -> None:
    """Ask how many people of the company come (1-5 buttons)."""
    b = await _one(ctx)
    event_signup.check_open(b.event, ctx.now)
    if b.mine is not None:
        raise DomainError("already_registered", title=b.event.title)
    top = min(MAX_PEOPLE, b.event.capacity or MAX_PEOPLE)
    nums = [ctx.button(str(n), "ev.cnt", b.event.id, n) for n in range(1, top + 1)]
    ctx.say(t.HOW_MANY.format(title=esc(b.event.title)),
            [nums, [ctx.button(t.BACK, "ev.show", b.event.id), *_to_list(ctx)]], edit=True)


async def sign_up(ctx: Ctx) -> None:
    """Sign up with the chosen number of people; confirm with a summary and the .ics."""
    event_id, people = _ints(ctx.args, 2)
    out = await event_signup.register(
        ctx.db, event_id=event_id, person_id=ctx.person.id, people=people, now=ctx.now,  # type: ignore[arg-type]
        notes=notes_for(ctx.now, ctx.tz),
    )
    await ctx.services.planned()
    ev, reg = out.event, out.changes[0].registration
    if reg.status == "registered":
        text = t.REGISTERED.format(title=esc(ev.title), when=t.when_text(ev, ctx.tz),
                                   place=t.place_line(ev), people=people)
        text += t.REGISTERED_LATER if ev.date_note else t.REGISTERED_ICS
        ctx.say(text + (t.WILL_REMIND if ev.reminder_days else ""), [_to_list(ctx)], edit=True)
        if not ev.date_note:  # no calendar entry for a date that is not fixed yet
            _send_file(ctx, ev)
        return
    b = (await _boards(ctx, [event_id]))[0]
    free = (ev.capacity or 0) - ev.booked  # places left, but fewer than asked for
    text = t.WAITLISTED_FEW if free > 0 else t.WAITLISTED
    ctx.say(text.format(title=esc(ev.title), pos=b.position, people=t.people_text(people),
                        free=plural(free, "Platz", "Plätze")), [_to_list(ctx)], edit=True)


async def cancel(ctx: Ctx) -> None:
    """Cancel the person's registration (or leave the waiting list); others move up."""
    (event_id,) = _ints(ctx.args, 1)
    out = await event_signup.cancel(
        ctx.db, event_id=event_id, person_id=ctx.person.id, now=ctx.now,  # type: ignore[arg-type]
        notes=notes_for(ctx.now, ctx.tz),
    )
    await ctx.services.planned()
    left = out.changes[0].what == "left_waitlist"
    ctx.say((t.LEFT_WAITLIST if left else t.CANCELLED).format(title=esc(out.event.title)),
            [_to_list(ctx)], edit=True)


async def send_ics(ctx: Ctx) -> None:
    """Send the calendar entry of an event."""
    b = await _one(ctx)
    _send_file(ctx, b.event)


async def show_details(ctx: Ctx) -> None:
    """Show the long form of an event."""
    b = await _one(ctx)
    _, buttons = card(ctx, b)
    ctx.say(details(ctx, b), buttons)


async def show_one(ctx: Ctx) -> None:
    """Show one event card again (after "Zurück")."""
    b = await _one(ctx)
    text, buttons = card(ctx, b)
    ctx.say(text, [*buttons, _to_list(ctx)], edit=True)


async def overview(ctx: Ctx) -> list[str]:
    """Return the /meine lines: events the person or the company signed up or waits for."""
    lines = []
    for b in await _boards(ctx):
        mine = t.status_line(b.mine.status, b.mine.people, b.position) if b.mine else ""
        if not mine and not b.colleagues:
            continue
        lines.append(t.OVERVIEW_LINE.format(title=esc(b.event.title),
                                            when=t.when_text(b.event, ctx.tz)))
        lines.extend(f"  {x}" for x in (mine, t.colleagues_line(b.colleagues)) if x)
    return [t.OVERVIEW_HEAD, *lines] if lines else []


def _send_file(ctx: Ctx, ev: Event) -> None:
    ctx.say(t.ICS_CAPTION.format(title=esc(ev.title)), file=event_file(ev, ctx.tz, now=ctx.now))


async def _boards(ctx: Ctx, ids: list[int] | None = None) -> list[Board]:
    company_id = ctx.company.id if ctx.company else None
    return await event_board.board(ctx.db, now=ctx.now, person_id=ctx.person.id,  # type: ignore[arg-type]
                                   company_id=company_id, event_ids=ids)


async def _one(ctx: Ctx) -> Board:
    found = await _boards(ctx, _ints(ctx.args, 1)[:1])
    if not found:
        raise DomainError("event_unknown")
    return found[0]


def _ints(args: str, n: int) -> list[int]:
    try:
        values = [int(x) for x in args.split()[:n]]
    except ValueError:
        values = []
    if len(values) != n:
        raise UsageError(t.ERRORS["event_unknown"])
    return values


def _errors(router: Router) -> dict[str, Callable[[DomainError], str]]:
    def simple(code: str) -> Callable[[DomainError], str]:
        def render(e: DomainError) -> str:
            info = {k: esc(v) for k, v in e.info.items()}
            return t.ERRORS[code].format(**{"title": "", **info})

        return render

    def deadline(e: DomainError) -> str:
        return t.DEADLINE.format(title=esc(e.info["title"]),
                                 contact=esc(contact(router.services.catalogue)))

    def not_in_bot(e: DomainError) -> str:
        link = esc(e.info.get("link") or "")
        return t.NOT_IN_BOT[str(e.info["kind"])].format(title=esc(e.info["title"]), link=link)

    def invalid(e: DomainError) -> str:
        return t.INVALID[str(e.info["field"])]

    out = {code: simple(code) for code in t.ERRORS}
    out.update(deadline_passed=deadline, not_in_bot=not_in_bot, event_invalid=invalid)
    return out

