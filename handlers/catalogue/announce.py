"""What /termine says when nothing is coming up: what the team announced, or what comes next.

In order: the `announcement` of the catalogue in force ([cluster]); else the earliest date of
the newest uploaded plan that is not applied yet (marked as provisional); else that the new
plan follows.
"""

from __future__ import annotations

from datetime import date, datetime

from handlers.catalogue import texts as t
from handlers.core import Ctx
from handlers.core.format import esc, fmt_date, fmt_dt
from storage.catalogue import Catalogue, CatalogueInvalid, from_text, versions


async def nothing_upcoming(ctx: Ctx) -> str:
    """Return the German answer of /termine when no date lies ahead."""
    note = ctx.catalogue.data.cluster.announcement
    if note:
        return t.ANNOUNCED.format(text=esc(note))
    row = await versions.newest_pending(ctx.s)
    if row is not None:
        try:
            draft = from_text(row.source, timezone=ctx.tz.key, name=row.name)
        except CatalogueInvalid:  # checked when it was sent; a changed schema may refuse it
            draft = None
        first = None if draft is None else earliest(draft, ctx.now)
        if first is not None:
            title, when = first
            shown = fmt_dt(when, ctx.tz) if isinstance(when, datetime) else fmt_date(when)
            return t.PLANNED_NEXT.format(title=esc(title), when=shown)
    return t.PLAN_FOLLOWS


def earliest(catalogue: Catalogue, now: datetime) -> tuple[str, datetime | date] | None:
    """Return the first event, fair or Schau-rein week of a catalogue that lies ahead."""
    today = now.astimezone(catalogue.tz).date()
    found: list[tuple[datetime, str, datetime | date]] = []
    for e in catalogue.data.events:
        start = catalogue.local(e.start)
        if start > now:
            found.append((start, e.title, start))
    for f in catalogue.data.fairs:
        if f.days[0] >= today:
            found.append((_midnight(f.days[0], catalogue), f.title, f.days[0]))
    week = catalogue.data.schau_rein
    if week is not None and week.first_day >= today:
        found.append((_midnight(week.first_day, catalogue), week.title, week.first_day))
    if not found:
        return None
    _, title, when = min(found, key=lambda x: x[0])
    return title, when


def _midnight(day: date, catalogue: Catalogue) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=catalogue.tz)
