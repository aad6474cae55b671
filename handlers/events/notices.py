"""Messages about events: planned with the change that causes them, rendered at delivery.

- "event.reminder" (switchable): N days before the start (default 7 and 1), for everyone
  registered; planned with the sign-up or move-up, re-planned when the event changes,
  dropped when the person signs off or the event is cancelled.
- "event.deadline" (switchable): 7 and 2 days before the sign-up deadline to the people of
  companies nobody of which answered; a job keeps them in line (storage.events.reminders).
- "event.signoff_request" (team): a person asks to be signed off after the deadline.
- "event.notice" (urgent, always sent): moved up from the waiting list, time/place/title
  changed, an assumed date confirmed or set by the team ("steht jetzt fest", also to the
  waiting list), event cancelled, signed off by the team. The calendar file goes with it.

Every row names the event; the renderer reads the event as it is at delivery, so a reminder
shows the time the event has then, and a notice about a change that was overtaken by a
newer one (or a cancellation) is dropped instead of sent.

Keys: `event:<event>:person:<person>:<what>` (the outbox appends the recipient), so
everything planned for one person about one event, or for one event, is one prefix; rows
planned before core v2 (`event:<event>:person:<person>:d7`) fall under the same prefixes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat import FileOut
from handlers.core import JobCtx, Notice, Notify, RenderCtx, Rendered, Router
from handlers.core.format import esc
from handlers.events import texts as t
from handlers.events.actions import AskPeople, Participants
from handlers.events.view import event_file
from storage.events import reminders, signup
from storage.events.models import Event, Registration
from storage.members.models import Company, Person
from storage.outbox import deadlines

log = logging.getLogger(__name__)
REMINDER = "event.reminder"
NOTICE = "event.notice"
TEAM_SIGNOFF = "event.signoff_request"  # team: someone asks to be signed off after the deadline
NoticeText = Callable[[RenderCtx, Event, Mapping[str, Any]], Awaitable[Rendered | None]]


def register(router: Router) -> None:
    """Register the two kinds and their renderers."""
    router.notices.add(REMINDER, render_reminder, switch=t.KIND_REMINDER)
    router.notices.add(NOTICE, render_notice)
    router.notices.add(TEAM_SIGNOFF, render_signoff_request)
    router.notices.add(reminders.DEADLINE_KIND, render_deadline, switch=t.KIND_DEADLINE)
    router.jobs.append(plan_deadline_reminders)


async def plan_deadline_reminders(j: JobCtx) -> None:
    """Job: keep the deadline reminders in line with events, sign-ups, people and switches."""
    wanted = await reminders.deadline_plans(j.s, now=j.now, tz=j.services.tz)
    await j.notify.reconcile(deadlines.prefix(reminders.DEADLINE_KIND), wanted)


def prefix(event_id: int, person_id: int | None = None) -> str:
    """Return the key prefix of what is planned about an event (for one person)."""
    return f"event:{event_id}:" if person_id is None else f"event:{event_id}:person:{person_id}:"


# -- planning (in the caller's unit of work) ----------------------------------------------
async def plan_reminders(notify: Notify, ev: Event, person_id: int, tz: ZoneInfo) -> None:
    """Make a registered person's reminders match the event: each day still ahead, once."""
    wanted = {}
    if not ev.date_note:  # the date is not fixed yet; reminders follow once the team sets it
        for days in ev.reminder_days or []:
            # Calendar days in local time: 10:00 stays 10:00 across a daylight-saving switch.
            due = (ev.start.astimezone(tz) - timedelta(days=days)).astimezone(ev.start.tzinfo)
            if due <= notify.now:
                continue
            plan = Notice(
                kind=REMINDER, key=f"{prefix(ev.id, person_id)}d{days}",
                params={"event_id": ev.id, "days": days}, due_at=due, not_after=ev.start,
                urgent=False,
            ).plan_for(person_id, notify.now)
            wanted[plan.key] = plan
    await notify.reconcile(f"{prefix(ev.id, person_id)}d", wanted)


async def signed_off(notify: Notify, ev: Event, person_id: int) -> None:
    """Drop everything still planned for a person about an event."""
    # "unplanned": the reminders come back if the person signs up again (outbox.REPLANNABLE).
    await notify.unplan(prefix(ev.id, person_id), reason="unplanned")


async def moved_up(notify: Notify, ev: Event, regs: Iterable[Registration],
                   tz: ZoneInfo) -> None:
    """Tell people who moved up from the waiting list, and plan their reminders."""
    for reg in regs:
        await _tell(notify, ev, reg.person_id, f"promoted:{reg.id}", registration_id=reg.id)
        await plan_reminders(notify, ev, reg.person_id, tz)


async def changed(notify: Notify, ev: Event, regs: Iterable[Registration]) -> None:
    """Tell registered people that title, time or place changed (new .ics)."""
    for reg in regs:
        await _tell(notify, ev, reg.person_id, f"changed:{ev.sequence}", sequence=ev.sequence)


async def fixed(notify: Notify, ev: Event, regs: Iterable[Registration]) -> int:
    """Tell everyone registered or waiting that the assumed date now stands; return how many."""
    told = 0
    for reg in regs:
        await _tell(notify, ev, reg.person_id, f"fixed:{ev.sequence}", sequence=ev.sequence,
                    registration_id=reg.id)
        told += 1
    return told


async def cancelled(notify: Notify, ev: Event, regs: Iterable[Registration]) -> None:
    """Drop every reminder of a cancelled event and tell everyone registered or waiting."""
    await notify.unplan(prefix(ev.id), reason="abgesagt")  # before planning the new rows
    for reg in regs:
        await _tell(notify, ev, reg.person_id, "cancelled")


async def removed_by_team(notify: Notify, ev: Event, reg: Registration) -> None:
    """Tell a person that the team signed them off."""
    await _tell(notify, ev, reg.person_id, f"removed:{reg.id}", registration_id=reg.id)


async def ask_team_to_sign_off(notify: Notify, ev: Event, reg: Registration) -> None:
    """Pass a person's request to be signed off after the deadline on to the team."""
    # One request per registration: pressing again while it waits changes nothing.
    await notify.team(Notice(kind=TEAM_SIGNOFF, key=f"{prefix(ev.id)}signoff-request:{reg.id}",
                             params={"event_id": ev.id, "registration_id": reg.id}))


async def _tell(notify: Notify, ev: Event, person_id: int, what: str, **params: Any) -> None:
    kind = what.split(":", 1)[0]
    await notify.person(person_id, Notice(
        kind=NOTICE, key=f"{prefix(ev.id, person_id)}{what}",
        params={"event_id": ev.id, "what": kind, **params}, urgent=True,
    ))


# -- rendering (at delivery, from committed data) ----------------------------------------
async def render_reminder(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render a reminder; None when the event is off, undated, or the person signed off."""
    ev = await _event(rc, p)
    days = int(p.get("days", 0))
    if ev is None or ev.cancelled_at is not None or ev.date_note:
        return None
    if days not in (ev.reminder_days or []) or not await _registered(rc, ev):
        return None
    directions = t.DIRECTIONS.format(url=esc(ev.directions)) if ev.directions else ""
    return Rendered(t.REMINDER.format(
        title=esc(ev.title), rel=t.REL.get(days, t.REL_DAYS.format(days=days)),
        when=t.when_text(ev, rc.tz), place=t.place_line(ev), directions=directions,
    ))


async def render_notice(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render a notice about an event; None when it was overtaken by what happened since."""
    ev = await _event(rc, p)
    render = _NOTICES.get(str(p.get("what")))
    return None if ev is None or render is None else await render(rc, ev, p)


async def _promoted(rc: RenderCtx, ev: Event, p: Mapping[str, Any]) -> Rendered | None:
    reg = await rc.s.get(Registration, p["registration_id"])
    if ev.cancelled_at is not None or reg is None or reg.status != "registered":
        return None  # signed off again before this went out
    return _with_ics(rc, ev, t.PROMOTED.format(
        title=esc(ev.title), people=t.people_text(reg.people), when=t.when_text(ev, rc.tz),
        place=t.place_line(ev)))


async def _changed(rc: RenderCtx, ev: Event, p: Mapping[str, Any]) -> Rendered | None:
    if ev.cancelled_at is not None or ev.sequence != p["sequence"]:
        return None  # a newer change (or the cancellation) is on its way instead
    return _with_ics(rc, ev, t.CHANGED.format(
        title=esc(ev.title), when=t.when_text(ev, rc.tz), place=t.place_line(ev)))


async def _fixed(rc: RenderCtx, ev: Event, p: Mapping[str, Any]) -> Rendered | None:
    reg = await rc.s.get(Registration, p.get("registration_id", 0))
    if ev.cancelled_at is not None or ev.sequence != p.get("sequence") \
            or reg is None or reg.status == "cancelled":
        return None  # overtaken by a newer change, the cancellation or the person's sign-off
    return _with_ics(rc, ev, t.FIXED.format(
        title=esc(ev.title), when=t.when_text(ev, rc.tz), place=t.place_line(ev)))


async def _cancelled(rc: RenderCtx, ev: Event, p: Mapping[str, Any]) -> Rendered | None:
    text = t.EVENT_CANCELLED.format(title=esc(ev.title), when=t.when_text(ev, rc.tz))
    return _with_ics(rc, ev, text)


async def _removed(rc: RenderCtx, ev: Event, p: Mapping[str, Any]) -> Rendered | None:
    return Rendered(t.UNREGISTERED_BY_TEAM.format(title=esc(ev.title)))


_NOTICES: dict[str, NoticeText] = {
    "promoted": _promoted, "changed": _changed, "cancelled": _cancelled, "removed": _removed,
    "fixed": _fixed,
}


async def render_signoff_request(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Team: a person asks to be signed off after the deadline (None once signed off)."""
    ev = await _event(rc, p)
    reg = await rc.s.get(Registration, p.get("registration_id", 0))
    if ev is None or reg is None or reg.status == "cancelled" or ev.cancelled_at is not None:
        return None
    person = await rc.s.get(Person, reg.person_id)
    company = await rc.s.get(Company, reg.company_id) if reg.company_id else None
    who = (person.display_name or person.key) if person is not None else "?"
    text = t.TEAM_SIGNOFF_REQUEST.format(
        firm=esc(company.name if company else "–"), who=esc(who), title=esc(ev.title),
        when=t.when_text(ev, rc.tz), people=t.people_text(reg.people))
    return Rendered(text, [[RenderCtx.button(t.TEAM_OPEN, Participants(ev.id))]])


async def render_deadline(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: the deadline is near and nobody of yours signed up (None once answered)."""
    ev = await _event(rc, p)
    company_id = rc.person.company_id
    if ev is None or company_id is None or ev.deadline is None or rc.now > ev.deadline:
        return None
    if ev.cancelled_at is not None or await reminders.company_answered(
            rc.s, event_id=ev.id, company_id=company_id):
        return None
    text = t.REMIND_DEADLINE.format(title=esc(ev.title), when=t.when_text(ev, rc.tz),
                                    deadline=t.deadline_text(ev, rc.tz))
    return Rendered(text, [[RenderCtx.button(t.REG, AskPeople(ev.id))]])


def _with_ics(rc: RenderCtx, ev: Event, text: str) -> Rendered:
    """Attach the event's calendar file (cancelling it, once cancelled); none for vague dates."""
    if ev.date_note:
        return Rendered(text)
    # Built once per delivery batch: a cancellation goes to everyone registered at once.
    key = ("event.ics", ev.id, ev.sequence)
    if key not in rc.memo:
        rc.memo[key] = event_file(ev, rc.tz, now=rc.now)
    file: FileOut = rc.memo[key]
    return Rendered(text + (t.ICS_REMOVES if ev.cancelled_at else t.ICS_ATTACHED), file=file)


async def _registered(rc: RenderCtx, ev: Event) -> bool:
    # A sign-up stays with the company it was made for: someone who left it (/austreten, or
    # the team unlinked them) is not reminded of the company's place any more.
    reg = await signup.active_registration(rc.s, ev.id, rc.person.id)
    return (reg is not None and reg.status == "registered"
            and reg.company_id == rc.person.company_id)


async def _event(rc: RenderCtx, p: Mapping[str, Any]) -> Event | None:
    if "event_id" not in p:  # planned with literal text before core v2: nothing to render
        log.warning("event notice without params for %s: dropped", rc.person.key)
        return None
    return await rc.s.get(Event, p["event_id"])
