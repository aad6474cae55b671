"""The web desk's access rules: one-time login links, sessions, the secret calendar feed.

Only SHA-256 hashes of the secrets are stored: a copy of the database opens no browser session.
Every service takes the caller's session and opens no transaction of its own.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, literal
from sqlmodel import col, select, update

from storage.db import Session, upsert_insert
from storage.errors import DomainError
from storage.members.models import Person
from storage.types import UTCDateTime
from storage.web.models import WebFeed, WebLogin, WebLoginTry, WebSession

__all__ = ["LINK_TTL", "SESSION_TTL", "Signed", "WebFeed", "WebLogin", "WebLoginTry",
           "WebSession"]

LINK_TTL = timedelta(minutes=10)
SESSION_TTL = timedelta(hours=8)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Signed:
    """A browser session just opened: the cookie value, its CSRF token and when it ends."""

    token: str
    csrf: str
    expires_at: datetime


async def issue_link(s: Session, *, person_id: int, now: datetime) -> tuple[str, datetime]:
    """Create a one-time login link token for an admin; return it and its expiry."""
    token = secrets.token_urlsafe(32)
    expires = now + LINK_TTL
    s.add(WebLogin(token_hash=_hash(token), person_id=person_id, created_at=now,
                   expires_at=expires))
    return token, expires


async def check_link(s: Session, *, token: str, now: datetime) -> WebLogin:
    """Return the unused, unexpired login link of `token` (without using it)."""
    row = (await s.exec(select(WebLogin).where(WebLogin.token_hash == _hash(token)))).first()
    if row is None:
        raise DomainError("web_link_unknown")
    if row.used_at is not None:
        raise DomainError("web_link_used")
    if row.expires_at <= now:
        raise DomainError("web_link_expired")
    return row


async def redeem(s: Session, *, token: str, now: datetime) -> tuple[WebLogin, Signed]:
    """Use a login link once and open a browser session for its admin."""
    row = await check_link(s, token=token, now=now)
    # Single use even when two browsers race: only the one whose update finds it unused wins.
    won = await s.exec(
        update(WebLogin).where(col(WebLogin.id) == row.id, col(WebLogin.used_at).is_(None))
        .values(used_at=now)
    )
    if won.rowcount != 1:
        raise DomainError("web_link_used")
    return row, open_session(s, person_id=row.person_id, now=now)


def open_session(s: Session, *, person_id: int, now: datetime) -> Signed:
    """Start a browser session of SESSION_TTL for a person."""
    signed = Signed(secrets.token_urlsafe(32), secrets.token_urlsafe(24), now + SESSION_TTL)
    s.add(WebSession(token_hash=_hash(signed.token), person_id=person_id, csrf=signed.csrf,
                     created_at=now, expires_at=signed.expires_at))
    return signed


async def session_person(s: Session, *, token: str, now: datetime
                         ) -> tuple[WebSession, Person] | None:
    """Return the live session of a cookie value with its person (one query), else None."""
    row = (await s.exec(
        select(WebSession, Person).join(Person, col(Person.id) == col(WebSession.person_id))
        .where(WebSession.token_hash == _hash(token), col(WebSession.revoked_at).is_(None),
               col(WebSession.expires_at) > now)
    )).first()
    return None if row is None else (row[0], row[1])


async def revoke(s: Session, *, person_id: int, now: datetime) -> int:
    """End every browser session and unused login link of a person; return the sessions."""
    done = await s.exec(
        update(WebSession).where(col(WebSession.person_id) == person_id,
                                 col(WebSession.revoked_at).is_(None),
                                 col(WebSession.expires_at) > now)
        .values(revoked_at=now)
    )
    await s.exec(
        update(WebLogin).where(col(WebLogin.person_id) == person_id,
                               col(WebLogin.used_at).is_(None))
        .values(used_at=now)
    )
    return int(done.rowcount)


async def end_session(s: Session, *, token: str, now: datetime) -> None:
    """End one browser session (the desk's "Abmelden")."""
    await s.exec(update(WebSession).where(col(WebSession.token_hash) == _hash(token))
                 .values(revoked_at=now))


async def new_feed(s: Session, *, person_id: int, now: datetime) -> str:
    """Create the secret calendar feed token; every older one stops working."""
    await s.exec(update(WebFeed).where(col(WebFeed.revoked_at).is_(None)).values(revoked_at=now))
    token = secrets.token_urlsafe(24)
    s.add(WebFeed(token_hash=_hash(token), created_by=person_id, created_at=now))
    return token


async def revoke_feed(s: Session, *, now: datetime) -> int:
    """Stop the calendar feed; return how many addresses were revoked."""
    done = await s.exec(update(WebFeed).where(col(WebFeed.revoked_at).is_(None))
                        .values(revoked_at=now))
    return int(done.rowcount)


async def feed_valid(s: Session, *, token: str) -> bool:
    """Tell whether `token` is the calendar feed's live secret."""
    row = (await s.exec(select(WebFeed.id).where(WebFeed.token_hash == _hash(token),
                                                 col(WebFeed.revoked_at).is_(None)))).first()
    return row is not None


async def feed_active(s: Session) -> bool:
    """Tell whether a calendar feed address is live."""
    row = (await s.exec(select(WebFeed.id).where(col(WebFeed.revoked_at).is_(None)))).first()
    return row is not None


async def count_try(s: Session, *, client: str, now: datetime, window: timedelta) -> int:
    """Count a try on the login routes by `client`; return its tries in the current window.

    One atomic upsert, so processes behind one proxy share the count: a window starts at a
    client's first try and a try after it ends starts a new one. Ended windows are removed.
    """
    ended = now - window
    await s.exec(delete(WebLoginTry).where(col(WebLoginTry.window_start) <= ended))
    stmt = upsert_insert(s)(WebLoginTry).values(client=client[:64], window_start=now, tries=1)
    stale = col(WebLoginTry.window_start) <= ended  # another process's ended window, not removed
    stmt = stmt.on_conflict_do_update(index_elements=["client"], set_={
        "tries": case((stale, 1), else_=col(WebLoginTry.tries) + 1),
        "window_start": case((stale, literal(now, UTCDateTime())),
                             else_=col(WebLoginTry.window_start)),
    }).returning(col(WebLoginTry.tries))
    return int((await s.exec(stmt)).scalar_one())

