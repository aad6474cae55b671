"""Feedback after events: which events to ask about, ratings once per person, averages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import col, select

from storage.db import Session, upsert_insert
from storage.errors import DomainError
from storage.events.models import Event, Registration
from storage.feedback.models import EventFeedback, FeedbackRound

LOOK_BACK = timedelta(days=3)  # events that ended longer ago are not asked about any more
MAX_COMMENT = 1000


@dataclass(frozen=True)
class Summary:
    """An event's ratings: how many, the average and the comments (newest first)."""

    event: Event
    count: int = 0
    average: float = 0.0
    comments: list[str] = field(default_factory=list)


async def due_rounds(s: Session, *, now: datetime) -> list[tuple[Event, list[int]]]:
    """Mark the events that ended lately (and were not asked yet); return them with their people.

    Each event is taken once: its `feedback_round` row is inserted here (a concurrent job run
    inserts nothing and gets nothing).
    """
    ended = list(await s.exec(select(Event).where(
        col(Event.cancelled_at).is_(None), col(Event.kind) == "intern",
        col(Event.start) <= now, col(Event.start) >= now - LOOK_BACK,
        col(Event.id).not_in(select(FeedbackRound.event_id)))))
    out = []
    for ev in ended:
        if ev.end is not None and ev.end > now:
            continue  # still running
        done = await s.exec(upsert_insert(s)(FeedbackRound).values(
            event_id=ev.id, planned_at=now).on_conflict_do_nothing())
        if not done.rowcount:
            continue
        people = list(await s.exec(select(Registration.person_id).where(
            col(Registration.event_id) == ev.id, col(Registration.status) == "registered")))
        out.append((ev, people))
    return out


async def rate(s: Session, *, event_id: int, person_id: int, stars: int, now: datetime) -> None:
    """Store a rating (1-5, once per person and event; only people registered for it)."""
    if not 1 <= stars <= 5:
        raise DomainError("feedback_stars")
    registered = (await s.exec(select(Registration.id).where(
        col(Registration.event_id) == event_id, col(Registration.person_id) == person_id,
        col(Registration.status) == "registered"))).first()
    if registered is None:
        raise DomainError("feedback_not_registered")
    done = await s.exec(upsert_insert(s)(EventFeedback).values(
        event_id=event_id, person_id=person_id, stars=stars, comment="", created_at=now)
        .on_conflict_do_nothing())
    if not done.rowcount:
        raise DomainError("feedback_given")


async def comment(s: Session, *, event_id: int, person_id: int, text: str) -> None:
    """Add the comment to one's rating."""
    if len(text) > MAX_COMMENT:
        raise DomainError("feedback_comment_long", max=MAX_COMMENT)
    row = await s.get(EventFeedback, (event_id, person_id))
    if row is None:
        raise DomainError("feedback_missing")
    row.comment = text.strip()


async def given(s: Session, *, event_id: int, person_id: int) -> bool:
    """Tell whether a person rated an event."""
    return await s.get(EventFeedback, (event_id, person_id)) is not None


async def summaries(s: Session, *, since: datetime) -> list[Summary]:
    """Return every event since `since` with ratings, in date order."""
    rows = list(await s.exec(
        select(EventFeedback, Event).join(Event, col(Event.id) == col(EventFeedback.event_id))
        .where(col(Event.start) >= since)
        .order_by(col(Event.start), col(EventFeedback.created_at).desc())))
    by_event: dict[int, tuple[Event, list[EventFeedback]]] = {}
    for fb, ev in rows:
        by_event.setdefault(ev.id, (ev, []))[1].append(fb)
    return [Summary(ev, len(fbs), sum(f.stars for f in fbs) / len(fbs),
                    [f.comment for f in fbs if f.comment])
            for ev, fbs in by_event.values()]
