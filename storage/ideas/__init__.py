"""Ideas (`/idee`, `/ideen`): submit, +1 (once, not one's own), the team's status with a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from storage.db import Session, upsert_insert
from storage.errors import DomainError
from storage.ideas.models import STATUSES, Idea, IdeaVote
from storage.members.models import Company, Person

MAX_TEXT = 1000
MAX_NOTE = 500


@dataclass(frozen=True)
class Listed:
    """An idea with its +1 count, whether the reader gave one, and its author (team only)."""

    idea: Idea
    votes: int
    mine: bool
    voted: bool
    author: str
    company: str


async def submit(s: Session, *, person_id: int, company_id: int | None, theme: str,
                 text: str, themes: dict[str, str], now: datetime) -> Idea:
    """Store a new idea under a known theme."""
    text = text.strip()
    if not text:
        raise DomainError("idea_empty")
    if len(text) > MAX_TEXT:
        raise DomainError("idea_too_long", max=MAX_TEXT)
    if theme not in themes:
        raise DomainError("idea_theme_unknown")
    idea = Idea(person_id=person_id, company_id=company_id, theme=theme, text=text,
                created_at=now)
    s.add(idea)
    await s.flush()
    return idea


async def plus_one(s: Session, *, idea_id: int, person_id: int, now: datetime) -> int:
    """Give an idea +1 (once per person, never on one's own); return its count."""
    idea = await s.get(Idea, idea_id)
    if idea is None:
        raise DomainError("idea_unknown")
    if idea.person_id == person_id:
        raise DomainError("idea_own")
    done = await s.exec(upsert_insert(s)(IdeaVote).values(
        idea_id=idea_id, person_id=person_id, created_at=now).on_conflict_do_nothing())
    if not done.rowcount:
        raise DomainError("idea_voted")
    return await count(s, idea_id=idea_id)


async def count(s: Session, *, idea_id: int) -> int:
    """Return the +1 votes of an idea."""
    found = await s.exec(select(func.count()).select_from(IdeaVote).where(
        col(IdeaVote.idea_id) == idea_id))
    return int(found.one())


async def set_status(s: Session, *, idea_id: int, status: str, note: str, now: datetime
                     ) -> tuple[Idea, bool]:
    """Mark an idea (team); return it and whether the status changed (its author is told)."""
    if status not in STATUSES:
        raise DomainError("idea_status_unknown")
    if len(note) > MAX_NOTE:
        raise DomainError("idea_note_too_long", max=MAX_NOTE)
    idea = await s.get(Idea, idea_id, with_for_update=True)
    if idea is None:
        raise DomainError("idea_unknown")
    changed = idea.status != status
    idea.status, idea.status_at = status, now
    if note or changed:
        idea.note = note
    await s.flush()
    return idea, changed


async def get(s: Session, *, idea_id: int) -> Idea | None:
    """Return an idea."""
    return await s.get(Idea, idea_id)


async def listing(s: Session, *, person_id: int, limit: int = 60) -> list[Listed]:
    """Return the newest ideas, most +1 first, with the reader's view of each."""
    q = (select(Idea, Person, Company)
         .outerjoin(Person, col(Person.id) == col(Idea.person_id))
         .outerjoin(Company, col(Company.id) == col(Idea.company_id))
         .order_by(col(Idea.id).desc()).limit(limit))
    found = list(await s.exec(q))
    ids = [i.id for i, _, _ in found]
    counts = dict(list(await s.exec(
        select(IdeaVote.idea_id, func.count()).where(col(IdeaVote.idea_id).in_(ids))
        .group_by(col(IdeaVote.idea_id)))))
    mine = set(await s.exec(select(IdeaVote.idea_id).where(
        col(IdeaVote.person_id) == person_id, col(IdeaVote.idea_id).in_(ids))))
    rows = [Listed(i, int(counts.get(i.id, 0)), i.person_id == person_id, i.id in mine,
                   p.display_name if p else "", c.name if c else "")
            for i, p, c in found]
    return sorted(rows, key=lambda r: (-r.votes, -r.idea.id))
