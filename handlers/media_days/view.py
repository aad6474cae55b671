"""How a media day reads, for the company and the team (shared by replies and notices)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.core import Ctx, UsageError
from handlers.core.format import esc, fmt_date, fmt_day
from handlers.media_days import texts as t
from storage.catalogue import Catalogue
from storage.media_days.models import MediaDay
from storage.media_days.rules import MediaDayConfig
from storage.members.models import Company


def config(catalogue: Catalogue) -> MediaDayConfig:
    """Return the media day rules from the catalogue."""
    return MediaDayConfig.from_catalogue(catalogue)


def today(now: datetime, tz: ZoneInfo) -> date:
    """Return the local date of `now` in the cluster's zone."""
    return now.astimezone(tz).date()


def is_done(md: MediaDay, day: date) -> bool:
    """Tell whether a confirmed media day lies before `day` (it took place)."""
    return md.status == "confirmed" and md.day is not None and md.day < day


def request_summary(md: MediaDay, cfg: MediaDayConfig) -> str:
    """Summarise a request: formats, wishes, contact, note."""
    return t.summary(md.formats, md.wished_days, md.contact_name, md.contact_reach, md.note,
                     cfg.formats)


def status_text(md: MediaDay | None, cfg: MediaDayConfig, day: date) -> str:
    """Describe the company's media day (none / angefragt / bestätigt / erledigt) on `day`."""
    if md is None:
        return t.STATUS_NONE
    if md.status == "confirmed" and md.day is not None:
        if md.day < day:
            return t.STATUS_DONE.format(day=fmt_date(md.day))
        text = t.STATUS_CONFIRMED.format(day=fmt_date(md.day),
                                         formats=t.formats_text(md.formats, cfg.formats))
        if md.move_wanted:
            text += t.STATUS_MOVE.format(wishes=t.days_text(md.wished_days))
    else:
        text = t.STATUS_REQUESTED.format(summary=request_summary(md, cfg))
    if md.proposed is not None:
        text += t.STATUS_PROPOSED.format(day=fmt_date(md.proposed))
    return text


def request_card(md: MediaDay, company: Company, cfg: MediaDayConfig, tz: ZoneInfo) -> str:
    """Describe one open request (or move wish) for the team."""
    text = (t.MOVE_CARD if md.move_wanted else t.REQUEST_CARD).format(
        company=esc(company.name), state=t.STATE_LONG.get(company.state or "", t.STATE_UNKNOWN),
        since=fmt_day(md.requested_at, tz),
        day=fmt_date(md.day) if md.day else "", summary=request_summary(md, cfg),
    )
    if md.proposed:
        text += t.PROPOSED.format(day=fmt_date(md.proposed))
    return text


def company_of(ctx: Ctx) -> Company:
    """Return the sender's company, or say that media days are for member companies."""
    if ctx.company is None:
        raise UsageError(t.MEMBERS_ONLY)
    return ctx.company
