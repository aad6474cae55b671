"""Messages planned with registration changes: reminders, move-up, change and cancel notices.

The storage services call `notes(...)` inside their transaction, so a registration and its
reminders are committed together (and a cancellation drops them together).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.events_view import event_file
from handlers.texts import events as t
from handlers.texts.common import esc
from storage.event_signup import Change, Note, Notes, person_key
from storage.models import Event
from storage.outbox import file_payload

REMINDER_KIND = "event.reminder"
NOTICE_KIND = "event.notice"  # changes and cancellations: not switchable, always sent


def notes_for(now: datetime, tz: ZoneInfo) -> Notes:
    """Return the Notes function the storage services call for their changes."""

    def notes(event: Event, changes: list[Change]) -> list[Note]:
        out: list[Note] = []
        for ch in changes:
            out.extend(_BUILDERS.get(ch.what, _nothing)(event, ch, now, tz))
        return out

    return notes


def reminders(ev: Event, ch: Change, now: datetime, tz: ZoneInfo) -> list[Note]:
    """Plan the reminders N days before the start (default 7 and 1) that still lie ahead."""
    reg, out = ch.registration, []
    if ev.date_note:  # the date is not fixed yet; reminders follow once the team sets it
        return out
    for days in ev.reminder_days or []:
        due = (ev.start.astimezone(tz) - timedelta(days=days)).astimezone(ev.start.tzinfo)
        if due <= now:
            continue
        rel = t.REL.get(days, t.REL_DAYS.format(days=days))
        directions = t.DIRECTIONS.format(url=esc(ev.directions)) if ev.directions else ""
        text = t.REMINDER.format(title=esc(ev.title), rel=rel, when=t.when_text(ev, tz),
                                 place=t.place_line(ev), directions=directions)
        out.append(Note(
            person_id=reg.person_id, kind=REMINDER_KIND, text=text, due_at=due,
            dedupe_key=f"{person_key(ev.id, reg.person_id)}d{days}", not_after=ev.start,
        ))
    return out


def _promoted(ev: Event, ch: Change, now: datetime, tz: ZoneInfo) -> list[Note]:
    reg = ch.registration
    text = t.PROMOTED.format(title=esc(ev.title), people=t.people_text(reg.people),
                             when=t.when_text(ev, tz), place=t.place_line(ev))
    notice = _now(ev, reg.person_id, f"promoted:{reg.id}", text, now, tz)
    return [notice, *reminders(ev, ch, now, tz)]


def _changed(ev: Event, ch: Change, now: datetime, tz: ZoneInfo) -> list[Note]:
    reg = ch.registration
    text = t.CHANGED.format(title=esc(ev.title), when=t.when_text(ev, tz), place=t.place_line(ev))
    notice = _now(ev, reg.person_id, f"changed:{ev.sequence}", text, now, tz)
    return [notice, *reminders(ev, ch, now, tz)]


def _event_cancelled(ev: Event, ch: Change, now: datetime, tz: ZoneInfo) -> list[Note]:
    text = t.EVENT_CANCELLED.format(title=esc(ev.title), when=t.when_text(ev, tz))
    return [_now(ev, ch.registration.person_id, "cancelled", text, now, tz,
                 attached=t.ICS_REMOVES)]


def _now(ev: Event, person_id: int, suffix: str, text: str, now: datetime,
         tz: ZoneInfo, attached: str = t.ICS_ATTACHED) -> Note:
    f = None if ev.date_note else event_file(ev, tz, now=now)
    text += attached if f else ""
    return Note(
        person_id=person_id, kind=NOTICE_KIND, text=text, due_at=now, urgent=True,
        dedupe_key=f"{person_key(ev.id, person_id)}{suffix}",
        file=file_payload(f.name, f.mime, f.data) if f else None,
    )


def _nothing(ev: Event, ch: Change, now: datetime, tz: ZoneInfo) -> list[Note]:
    return []


_BUILDERS: dict[str, Callable[[Event, Change, datetime, ZoneInfo], list[Note]]] = {
    "registered": reminders,
    "promoted": _promoted,
    "changed": _changed,
    "event_cancelled": _event_cancelled,
    "replan": reminders,
}
