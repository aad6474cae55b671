"""`/medientag_tage`: the media team publishes offered days (companies see them as buttons)."""

from __future__ import annotations

import re

from handlers.core import Ctx, UsageError
from handlers.core.format import esc
from handlers.dates import parse_when
from handlers.media_days import texts as t
from handlers.media_days.view import today
from storage.media_days import queries, service
from storage.media_days.rules import STATES, holiday

_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?")
# A span names more days than the parser returns ("16.-20.3." was read as 16.3. alone).
_SPAN = re.compile(r"\bbis\b|\d\.?\s*[-–]\s*\d|\bkw\s*\d|kalenderwoche",
                   re.IGNORECASE)


async def offer_days(ctx: Ctx) -> None:
    """Publish offered days (`/medientag_tage 3.2., 10.2.`) or list them without arguments."""
    if _SPAN.search(ctx.args):
        raise UsageError(t.OFFERS_SPAN)
    parts = split_days(ctx.args)
    day = today(ctx.now, ctx.tz)
    if not parts:
        known = await queries.offers(ctx.s, since=day)
        ctx.say(t.OFFERS.format(days=t.days_text(known)) if known else t.OFFERS_NONE)
        return
    found = [(p, parse_when(p, now=ctx.now)) for p in parts]
    bad = [p for p, w in found if w is None or w.date < day]
    if bad:
        raise UsageError(t.OFFERS_BAD.format(parts=esc(", ".join(bad))))
    days = [w.date for _, w in found if w is not None]
    closed = [d for d in days if d.weekday() >= 5 or all(holiday(d, st) for st in STATES)]
    if closed:  # a weekend or a holiday in both states is never a media day
        raise UsageError(t.OFFERS_CLOSED.format(days=t.days_text(closed)))
    added = await service.add_offers(ctx.s, days=days, person_id=ctx.person_id, now=ctx.now)
    ctx.audit("media_day_offers", days=[d.isoformat() for d in added])
    ctx.say(t.OFFERS_ADDED.format(days=t.days_text(sorted(set(days)))))


def split_days(text: str) -> list[str]:
    """Split "3.2., 10.2. und 17.2." (or "3.2. 10.2. 17.2.") into one part per day."""
    parts = [p.strip() for p in re.split(r"[,;]|\bund\b", text) if p.strip()]
    found: list[str] = []
    for part in parts:
        dates = _DATE.findall(part)
        found.extend(dates if len(dates) > 1 else [part])
    return found
