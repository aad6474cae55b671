"""`/medientag_tage`: the media team publishes offered days (companies see them as buttons)."""

from __future__ import annotations

import re

from handlers import media_days_notify as notify
from handlers.context import Ctx, UsageError
from handlers.dates import parse_when
from handlers.texts import media_days as t
from handlers.texts import media_days_admin as ta
from handlers.texts.common import esc
from storage import audit, media_days_queries
from storage.media_days_rules import STATES, holiday

_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?")


async def offer_days(ctx: Ctx) -> None:
    """Publish offered days (`/medientag_tage 3.2., 10.2.`) or list them without arguments."""
    parts = split_days(ctx.args)
    today = notify.today(ctx)
    if not parts:
        days = await media_days_queries.offers(ctx.db, since=today)
        ctx.say(ta.OFFERS.format(days=t.days_text(days)) if days else ta.OFFERS_NONE)
        return
    found = [(p, parse_when(p, now=ctx.now)) for p in parts]
    bad = [p for p, w in found if w is None or w.date < today]
    if bad:
        raise UsageError(ta.OFFERS_BAD.format(parts=esc(", ".join(bad))))
    days = [w.date for _, w in found if w is not None]
    closed = [d for d in days if d.weekday() >= 5 or all(holiday(d, st) for st in STATES)]
    if closed:  # a weekend or a holiday in both states is never a media day
        raise UsageError(ta.OFFERS_CLOSED.format(days=t.days_text(closed)))
    added = await media_days_queries.add_offers(ctx.db, days=days, person_id=ctx.person.id,
                                                now=ctx.now)
    await audit.record(ctx.db, actor=ctx.person.key, action="media_day_offers", now=ctx.now,
                       days=[d.isoformat() for d in added])
    ctx.say(ta.OFFERS_ADDED.format(days=t.days_text(sorted(set(days)))))


def split_days(text: str) -> list[str]:
    """Split "3.2., 10.2. und 17.2." (or "3.2. 10.2. 17.2.") into one part per day."""
    parts = [p.strip() for p in re.split(r"[,;]|\bund\b", text) if p.strip()]
    found: list[str] = []
    for part in parts:
        dates = _DATE.findall(part)
        found.extend(dates if len(dates) > 1 else [part])
    return found
