"""Events for members: sign-up in a few taps, fewer people, names for badges, cancelling
(asked first; after the deadline through the team), calendar files, waiting list, /meine.
The cards appear in /termine (handlers.agenda)."""

from __future__ import annotations

import re

from bot.chat import Button
from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button
from handlers.core.dialogs import Data
from handlers.core.format import esc, plural
from handlers.events import notices
from handlers.events import texts as t
from handlers.events.actions import (
    AskPeople,
    AskTeam,
    Calendar,
    ChangePeople,
    ConfirmSignOff,
    Details,
    GiveNames,
    SetPeople,
    ShowList,
    ShowOne,
    SignOff,
    SignUp,
)
from handlers.events.view import card, company_left, contact, details, event_file, team_only
from storage.errors import DomainError
from storage.events import queries, signup
from storage.events.models import MAX_PEOPLE, Event
from storage.events.queries import MemberView


def register(router: Router) -> None:
    """Register /termine, the members' buttons and the /meine section."""
    # /termine itself (with fairs, Schau rein, Stammtisch) is handlers.agenda. Reading is open
    # to everyone (also before the invite code); signing up needs a company.
    router.on(ShowOne, show_one, public=True)
    router.on(Details, show_details, public=True)
    router.on(Calendar, send_ics, public=True)
    router.on(AskPeople, ask_people, linked=True)
    router.on(SignUp, sign_up, linked=True)
    router.on(SignOff, sign_off, linked=True)
    router.on(ConfirmSignOff, confirm_sign_off, linked=True)
    router.on(AskTeam, ask_team, linked=True)
    router.on(ChangePeople, ask_new_people, linked=True)
    router.on(SetPeople, set_people, linked=True)

    async def give_names(ctx: Ctx, a: GiveNames) -> None:
        v = await _mine(ctx, a.event_id)
        data = {"event_id": v.event.id, "title": v.event.title}
        await router.dialogs.start(ctx, NAMES_DIALOG, data, restart=True)

    router.on(GiveNames, give_names, linked=True)
    router.dialog(Dialog(NAMES_DIALOG, t.DIALOG_NAMES, "names",
                         {"names": Step(ask_names, on_text=on_names)}))
    router.overview.add(overview)


NAMES_DIALOG = "termin_namen"
NAME_MAX = 80


def _to_list(ctx: Ctx) -> list[Button]:
    return [ctx.button(t.ALL_EVENTS, ShowList())]


async def ask_people(ctx: Ctx, a: AskPeople) -> None:
    """Ask how many people of the company come (1-5 buttons)."""
    v = await _one(ctx, a.event_id)
    signup.check_open(v.event, ctx.now)
    if v.mine is not None:
        raise DomainError("already_registered", title=v.event.title)
    top = _most(v)
    nums = [ctx.button(str(n), SignUp(v.event.id, n)) for n in range(1, top + 1)]
    ctx.say(t.HOW_MANY.format(title=esc(v.event.title)),
            [nums, [ctx.button(t.BACK, ShowOne(v.event.id)), *_to_list(ctx)]], edit=True)


def _most(v: MemberView) -> int:
    """Return the most people the member may choose (capacity, limit per company)."""
    ev = v.event
    top = min(MAX_PEOPLE, ev.capacity or MAX_PEOPLE)
    left = company_left(v)
    if left is not None:
        top = min(top, left + (v.mine.people if v.mine else 0))
    if top < 1:
        raise DomainError("company_cap", title=ev.title, cap=ev.per_company, left=0)
    return top


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
        text += (t.WILL_REMIND if ev.reminder_days else "") + t.NAMES_HINT
        ctx.say(text, [[ctx.button(t.GIVE_NAMES, GiveNames(ev.id))], _to_list(ctx)], edit=True)
        if not ev.date_note:  # no calendar entry for a date that is not fixed yet
            _send_file(ctx, ev)
        return
    v = await _one(ctx, ev.id)
    free = (ev.capacity or 0) - ev.booked  # places left, but fewer than asked for
    text = t.WAITLISTED_FEW if free > 0 else t.WAITLISTED
    ctx.say(text.format(title=esc(ev.title), pos=v.position, people=t.people_text(a.people),
                        free=plural(free, "Platz", "Plätze")), [_to_list(ctx)], edit=True)


async def sign_off(ctx: Ctx, a: SignOff) -> None:
    """Ask "Wirklich abmelden?"; after the deadline offer to ask the team instead."""
    v = await _mine(ctx, a.event_id)
    ev, mine = v.event, v.mine
    assert mine is not None  # _mine refuses otherwise
    back = ctx.button(t.NO, ShowOne(ev.id))
    if team_only(ev, ctx.now):
        ctx.say(t.AFTER_DEADLINE.format(title=esc(ev.title)),
                [[ctx.button(t.ASK_TEAM, AskTeam(ev.id)), back]], edit=True)
        return
    signup.check_open(ev, ctx.now)
    text = (t.CONFIRM_LEAVE_WAITLIST if mine.status == "waitlist" else t.CONFIRM_SIGN_OFF)
    ctx.say(text.format(title=esc(ev.title), people=t.people_text(mine.people)),
            [[ctx.button(t.YES_SIGN_OFF, ConfirmSignOff(ev.id)), back]], edit=True)


async def confirm_sign_off(ctx: Ctx, a: ConfirmSignOff) -> None:
    """Cancel the person's registration (or leave the waiting list); others move up."""
    out = await signup.cancel(ctx.s, event_id=a.event_id, person_id=ctx.person_id, now=ctx.now)
    await notices.signed_off(ctx.notify, out.event, ctx.person_id)
    await notices.moved_up(ctx.notify, out.event, out.promoted, ctx.tz)
    text = t.LEFT_WAITLIST if out.was == "waitlist" else t.CANCELLED
    ctx.say(text.format(title=esc(out.event.title)), [_to_list(ctx)], edit=True)


async def ask_team(ctx: Ctx, a: AskTeam) -> None:
    """After the deadline: pass the wish to be signed off on to the team, and say so."""
    v = await _mine(ctx, a.event_id)
    assert v.mine is not None
    if not team_only(v.event, ctx.now):  # still open (or over): the usual way, or why not
        await sign_off(ctx, SignOff(v.event.id))
        return
    await notices.ask_team_to_sign_off(ctx.notify, v.event, v.mine)
    ctx.say(t.ASKED_TEAM.format(title=esc(v.event.title), contact=esc(contact(ctx.catalogue))),
            [_to_list(ctx)], edit=True)


async def ask_new_people(ctx: Ctx, a: ChangePeople) -> None:
    """Offer the numbers of people the registration may bring instead."""
    v = await _mine(ctx, a.event_id)
    assert v.mine is not None
    signup.check_open(v.event, ctx.now)
    nums = [ctx.button(str(n), SetPeople(v.event.id, n)) for n in range(1, _most(v) + 1)]
    ctx.say(t.ASK_NEW_PEOPLE.format(title=esc(v.event.title), people=v.mine.people),
            [nums, [ctx.button(t.BACK, ShowOne(v.event.id)), *_to_list(ctx)]], edit=True)


async def set_people(ctx: Ctx, a: SetPeople) -> None:
    """Change the number of people; freed places go to the waiting list."""
    out = await signup.change_people(ctx.s, event_id=a.event_id, person_id=ctx.person_id,
                                     people=a.people, now=ctx.now)
    ev, reg = out.event, out.registration
    mine_moved = any(r.id == reg.id for r in out.promoted)
    await notices.moved_up(ctx.notify, ev, [r for r in out.promoted if r.id != reg.id], ctx.tz)
    if mine_moved:
        await notices.plan_reminders(ctx.notify, ev, ctx.person_id, ctx.tz)
    v = await _one(ctx, ev.id)
    text = t.PEOPLE_CHANGED.format(title=esc(ev.title), people=t.people_text(reg.people))
    if out.dropped_names:  # say whose badge is gone, not drop it silently
        text += "\n" + t.NAMES_DROPPED.format(names=esc(", ".join(out.dropped_names)))
    status = t.status_line(reg.status, reg.people, v.position)
    ctx.say(f"{text}\n{status}", [_to_list(ctx)], edit=True)


async def ask_names(ctx: Ctx, data: Data) -> None:
    """Ask who comes, for the name badges."""
    v = await _mine(ctx, int(data["event_id"]))
    assert v.mine is not None
    text = t.ASK_NAMES.format(title=esc(v.event.title), people=v.mine.people)
    if v.mine.names:
        text += "\n" + t.NAMES_NOW.format(names=esc(", ".join(v.mine.names)))
    ctx.say(text, [[cancel_button(ctx)]])


# "Anna Muster und Ben Beispiel" are two badges, as are "Anna, Ben" and "Anna & Ben".
_NAME_SEP = re.compile(r"[,;\n]|\s+(?:und|&|sowie)\s+", re.IGNORECASE)


async def on_names(ctx: Ctx, data: Data, text: str) -> str:
    """Store the names (comma, semicolon, "und" or line separated; "-" clears them)."""
    raw = text.strip()
    names = [] if raw == "-" else [n.strip() for n in _NAME_SEP.split(raw) if n.strip()]
    if raw != "-" and not names:
        raise UsageError(t.NAMES_EMPTY)
    if any(len(n) > NAME_MAX for n in names):
        raise UsageError(t.BAD_NAME.format(max=NAME_MAX))
    await signup.set_names(ctx.s, event_id=int(data["event_id"]), person_id=ctx.person_id,
                           names=names, now=ctx.now)
    title = esc(data["title"])
    ctx.say(t.NAMES_SAVED.format(title=title, names=esc(", ".join(names))) if names
            else t.NAMES_CLEARED.format(title=title), [_to_list(ctx)])
    return END


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


async def _mine(ctx: Ctx, event_id: int) -> MemberView:
    """Return the event as the person sees it; refuse when they have no sign-up for it."""
    v = await _one(ctx, event_id)
    if v.mine is None:
        raise DomainError("not_registered", title=v.event.title)
    return v


async def _one(ctx: Ctx, event_id: int) -> MemberView:
    found = await _views(ctx, [event_id])
    if not found:
        raise DomainError("event_unknown")
    return found[0]
