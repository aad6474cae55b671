"""Events for members: /termine, sign-up in a few taps, calendar files, waiting list, /meine."""

from __future__ import annotations

from bot.chat import Button
from handlers.catalogue.announce import nothing_upcoming
from handlers.core import Ctx, Router
from handlers.core.format import esc, plural
from handlers.events import notices
from handlers.events import texts as t
from handlers.events.actions import (
    AskPeople,
    Calendar,
    Details,
    ShowList,
    ShowOne,
    SignOff,
    SignUp,
)
from handlers.events.view import card, details, event_file
from storage.errors import DomainError
from storage.events import queries, signup
from storage.events.models import MAX_PEOPLE, Event
from storage.events.queries import MemberView


def register(router: Router) -> None:
    """Register /termine, the members' buttons and the /meine section."""
    # Reading is open to everyone (also before the invite code); signing up needs a company.
    router.command("termine", show_events, help=t.HELP_LIST, aliases=("events",),
                   public=True)
    router.on(ShowList, show_list_again, public=True)
    router.on(ShowOne, show_one, public=True)
    router.on(Details, show_details, public=True)
    router.on(Calendar, send_ics, public=True)
    router.on(AskPeople, ask_people, linked=True)
    router.on(SignUp, sign_up, linked=True)
    router.on(SignOff, sign_off, linked=True)
    router.overview.add(overview)


async def show_events(ctx: Ctx) -> None:
    """List upcoming events, a card each (Telegram shows them as one message)."""
    await _show_list(ctx, edit=False)


async def show_list_again(ctx: Ctx, a: ShowList) -> None:
    """Show the list again where the pressed message was ("Alle Termine")."""
    await _show_list(ctx, edit=True)


async def _show_list(ctx: Ctx, *, edit: bool) -> None:
    views = await _views(ctx)
    if not views:  # what the team announced next, or that the new plan follows
        ctx.say(await nothing_upcoming(ctx), edit=edit)
        return
    ctx.say(t.LIST_HEAD.format(n=len(views)), listed=True, edit=edit)
    for v in views:
        text, buttons = card(ctx, v)
        ctx.say(text, buttons, listed=True)


def _to_list(ctx: Ctx) -> list[Button]:
    return [ctx.button(t.ALL_EVENTS, ShowList())]


async def ask_people(ctx: Ctx, a: AskPeople) -> None:
    """Ask how many people of the company come (1-5 buttons)."""
    v = await _one(ctx, a.event_id)
    signup.check_open(v.event, ctx.now)
    if v.mine is not None:
        raise DomainError("already_registered", title=v.event.title)
    top = min(MAX_PEOPLE, v.event.capacity or MAX_PEOPLE)
    nums = [ctx.button(str(n), SignUp(v.event.id, n)) for n in range(1, top + 1)]
    ctx.say(t.HOW_MANY.format(title=esc(v.event.title)),
            [nums, [ctx.button(t.BACK, ShowOne(v.event.id)), *_to_list(ctx)]], edit=True)


async def sign_up(ctx: Ctx, a: SignUp) -> None:
    """Sign up with the chosen number of people; confirm with a summary and the .ics."""
    out = await signup.register(ctx.s, event_id=a.event_id, person_id=ctx.person_id,
                                people=a.people, now=ctx.now)
    ev, reg = out.event, out.registration
    if reg.status == "registered":
        await notices.plan_reminders(ctx.notify, ev, ctx.person_id, ctx.tz)
        text = t.REGISTERED.format(title=esc(ev.title), when=t.when_text(ev, ctx.tz),
                                   place=t.place_line(ev), people=a.people)
        text += t.REGISTERED_LATER if ev.date_note else t.REGISTERED_ICS
        ctx.say(text + (t.WILL_REMIND if ev.reminder_days else ""), [_to_list(ctx)], edit=True)
        if not ev.date_note:  # no calendar entry for a date that is not fixed yet
            _send_file(ctx, ev)
        return
    v = await _one(ctx, ev.id)
    free = (ev.capacity or 0) - ev.booked  # places left, but fewer than asked for
    text = t.WAITLISTED_FEW if free > 0 else t.WAITLISTED
    ctx.say(text.format(title=esc(ev.title), pos=v.position, people=t.people_text(a.people),
                        free=plural(free, "Platz", "Plätze")), [_to_list(ctx)], edit=True)


async def sign_off(ctx: Ctx, a: SignOff) -> None:
    """Cancel the person's registration (or leave the waiting list); others move up."""
    out = await signup.cancel(ctx.s, event_id=a.event_id, person_id=ctx.person_id, now=ctx.now)
    await notices.signed_off(ctx.notify, out.event, ctx.person_id)
    await notices.moved_up(ctx.notify, out.event, out.promoted, ctx.tz)
    text = t.LEFT_WAITLIST if out.was == "waitlist" else t.CANCELLED
    ctx.say(text.format(title=esc(out.event.title)), [_to_list(ctx)], edit=True)


async def send_ics(ctx: Ctx, a: Calendar) -> None:
    """Send the calendar entry of an event."""
    _send_file(ctx, (await _one(ctx, a.event_id)).event)


async def show_details(ctx: Ctx, a: Details) -> None:
    """Show the long form of an event."""
    v = await _one(ctx, a.event_id)
    _, buttons = card(ctx, v)
    ctx.say(details(ctx, v), buttons)


async def show_one(ctx: Ctx, a: ShowOne) -> None:
    """Show one event card again (after "Zurück")."""
    text, buttons = card(ctx, await _one(ctx, a.event_id))
    ctx.say(text, [*buttons, _to_list(ctx)], edit=True)


async def overview(ctx: Ctx) -> list[str]:
    """Return the /meine lines: events the person or the company signed up or waits for."""
    lines = []
    for v in await _views(ctx):
        mine = t.status_line(v.mine.status, v.mine.people, v.position) if v.mine else ""
        if not mine and not v.colleagues:
            continue
        lines.append(t.OVERVIEW_LINE.format(title=esc(v.event.title),
                                            when=t.when_text(v.event, ctx.tz)))
        lines.extend(f"  {x}" for x in (mine, t.colleagues_line(v.colleagues)) if x)
    return [t.OVERVIEW_HEAD, *lines] if lines else []


def _send_file(ctx: Ctx, ev: Event) -> None:
    ctx.say(t.ICS_CAPTION.format(title=esc(ev.title)), file=event_file(ev, ctx.tz, now=ctx.now,
                                                                   member=ctx.is_member))


async def _views(ctx: Ctx, ids: list[int] | None = None) -> list[MemberView]:
    return await queries.for_member(ctx.s, now=ctx.now, person_id=ctx.person_id,
                                    company_id=ctx.company_id, event_ids=ids)


async def _one(ctx: Ctx, event_id: int) -> MemberView:
    found = await _views(ctx, [event_id])
    if not found:
        raise DomainError("event_unknown")
    return found[0]
