"""Media day notices: what the company and the team are told, planned in the caller's unit.

Each kind has a renderer that builds the German text at delivery from the committed media
day; a notice that no longer applies (a confirmation of a day that was moved meanwhile, a
reminder of a declined day, a nudge to a company that booked) is dropped, not sent. The
monthly nudge is a recurring plan kept current by a job before every delivery round.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from handlers.core import JobCtx, Notice, Notify, RenderCtx, Rendered, Router
from handlers.core.format import esc, fmt_date, team_request
from handlers.core.notify import Renderer
from handlers.media_days import texts as t
from handlers.media_days.actions import Accept, NudgeOff, OpenRequest, Reject
from handlers.media_days.view import config, request_summary, today
from storage.media_days import nudges, queries
from storage.media_days.models import MediaDay
from storage.media_days.rules import MediaDayConfig
from storage.members import companies
from storage.members.models import Company

CONTACT = "medientag"  # catalogue contact told of requests; unknown: every admin
# to the company
CONFIRMED, PROPOSED, DECLINED = "media_day.confirmed", "media_day.proposed", "media_day.declined"
REMINDER, NUDGE = "media_day.reminder", nudges.NUDGE_KIND
# to the team
REQUESTED, WITHDRAWN = "media_day.requested", "media_day.withdrawn"
# to the colleague who asked, when another one withdrew the request
WITHDRAWN_BY = "media_day.withdrawn_by"
MOVE_WANTED = "media_day.move_wanted"
ACCEPTED, REJECTED = "media_day.accepted", "media_day.rejected"

Params = Mapping[str, Any]
Build = Callable[[MediaDay, Company, Params, MediaDayConfig], Rendered | None]


def register(router: Router) -> None:
    """Register every media day notice kind and the nudge job."""
    for kind, build in BUILDERS.items():
        router.notices.add(kind, _renderer(build))
    router.notices.add(REMINDER, _renderer(_reminder), switch=t.SWITCH_REMINDER)
    router.notices.add(NUDGE, render_nudge, switch=t.SWITCH_NUDGE)
    router.jobs.append(plan_nudges)


# --- planning --------------------------------------------------------------------------------
def _notice(kind: str, md: MediaDay, **params: Any) -> Notice:
    """A notice about the media day as it is now (its revision makes each change a new one)."""
    return Notice(kind=kind, key=f"{kind}:{md.id}:{md.revision}", params={"md": md.id, **params})


async def tell_company(notify: Notify, md: MediaDay, kind: str, **params: Any) -> None:
    """Tell everyone of the media day's company at once."""
    await notify.company(md.company_id, _notice(kind, md, **params))


async def tell_person(notify: Notify, md: MediaDay, person_id: int, kind: str,
                      **params: Any) -> None:
    """Tell one person of the media day's company at once."""
    await notify.person(person_id, _notice(kind, md, **params))


async def tell_team(notify: Notify, md: MediaDay, kind: str, *, exclude: int,
                    **params: Any) -> None:
    """Tell the media day contact (else every admin) at once, but not `exclude`."""
    await notify.team(_notice(kind, md, **params), contact=CONTACT, exclude=exclude)


async def after_confirm(notify: Notify, md: MediaDay, cfg: MediaDayConfig, *,
                        note: str = "") -> None:
    """Tell the company its confirmed day (with the team's note, if any), plan the reminders."""
    assert md.day is not None  # confirmed rows always have their day
    extra = {"note": note} if note else {}
    await tell_company(notify, md, CONFIRMED, day=md.day.isoformat(), **extra)
    await plan_reminders(notify, md, cfg)


async def plan_reminders(notify: Notify, md: MediaDay, cfg: MediaDayConfig) -> None:
    """Plan the reminders N days before a confirmed day (dropping those of an older day)."""
    await drop_reminders(notify, md, reason="moved")
    if md.status != "confirmed" or md.day is None:
        return
    start = datetime.combine(md.day, time(0), tzinfo=cfg.tz)
    for days in cfg.reminder_days:
        due = datetime.combine(md.day - timedelta(days=days), time(cfg.nudge_hour),
                               tzinfo=cfg.tz)
        if due <= notify.now:
            continue
        await notify.company(md.company_id, Notice(
            kind=REMINDER, key=f"{REMINDER}:{md.id}:{md.day.isoformat()}:{days}",
            params={"md": md.id, "day": md.day.isoformat(), "days": days},
            due_at=due, not_after=start, urgent=False,
        ))


async def drop_reminders(notify: Notify, md: MediaDay, *, reason: str) -> None:
    """Drop a media day's unsent reminders."""
    await notify.unplan(f"{REMINDER}:{md.id}:", reason=reason)


async def drop_nudges(notify: Notify, *, company_id: int, person_id: int) -> None:
    """Drop one person's planned nudges (they come back if the person switches them on)."""
    await notify.unplan(nudges.nudge_prefix(company_id, person_id), reason="switched_off")


async def plan_nudges(j: JobCtx) -> None:
    """Keep the monthly nudges in line with companies, their people and opt-outs."""
    cfg = config(j.services.catalogue)
    await j.notify.reconcile(nudges.NUDGE_PREFIX,
                             await nudges.wanted(j.s, now=j.now, cfg=cfg))


# --- rendering -------------------------------------------------------------------------------
def _renderer(build: Build) -> Renderer:
    """Render a notice about one media day from committed data (None: it no longer applies)."""

    async def render(rc: RenderCtx, p: Params) -> Rendered | None:
        found = await _media_day(rc, p.get("md"))
        if found is None:
            return None
        md, company = found
        return build(md, company, p, config(rc.catalogue))

    return render


async def _media_day(rc: RenderCtx, md_id: object) -> tuple[MediaDay, Company] | None:
    if not isinstance(md_id, int):
        return None  # a row planned before notices were rendered: it has no facts
    key = ("media_day", md_id)
    if key not in rc.memo:  # one batch often tells several people of one company
        rc.memo[key] = await queries.with_company(rc.s, md_id=md_id)
    found: tuple[MediaDay, Company] | None = rc.memo[key]
    return found


def _is_day(value: date | None, iso: object) -> bool:
    return value is not None and value.isoformat() == iso


def _confirmed(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered | None:
    if md.status != "confirmed" or md.day is None or not _is_day(md.day, p.get("day")):
        return None  # moved or declined again before it went out
    text = t.NOTICE_CONFIRMED.format(day=fmt_date(md.day, long=True), company=esc(c.name),
                                     formats=t.formats_text(md.formats, cfg.formats))
    if p.get("note"):
        text += t.NOTICE_TEAM_NOTE.format(note=esc(p["note"]))
    return Rendered(text)


def _proposed(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered | None:
    day = md.proposed
    if day is None or not _is_day(day, p.get("day")):
        return None  # accepted, rejected or replaced by another proposal meanwhile
    return Rendered(t.NOTICE_PROPOSED.format(day=fmt_date(day)), [[
        RenderCtx.button(t.BTN_ACCEPT, Accept(md.id, day)),
        RenderCtx.button(t.BTN_REJECT, Reject(md.id, day)),
    ]])


def _declined(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered:
    reason = esc(p.get("reason", ""))
    if p.get("move"):
        day = fmt_date(md.day) if md.day else "–"
        return Rendered(t.NOTICE_MOVE_DECLINED.format(reason=reason, day=day))
    return Rendered(t.NOTICE_DECLINED.format(reason=reason))


def _reminder(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered | None:
    if md.status != "confirmed" or md.day is None or not _is_day(md.day, p.get("day")):
        return None
    formats = t.formats_text(md.formats, cfg.formats)
    return Rendered(t.reminder(int(p.get("days", 1)), md.day, c.name, formats))


def _requested(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered:
    head = t.ADMIN_CHANGED if p.get("changed") else t.ADMIN_NEW
    text = team_request(head, c.name, request_summary(md, cfg) + t.ADMIN_OVERVIEW)
    return Rendered(text, [[RenderCtx.button(t.BTN_OPEN, OpenRequest(md.id))]])


def _withdrawn(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered:
    return Rendered(t.ADMIN_WITHDRAWN.format(company=esc(c.name)))


def _withdrawn_by(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered:
    return Rendered(t.WITHDRAWN_BY.format(name=esc(str(p.get("by", "")))))


def _move_wanted(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered:
    return Rendered(t.ADMIN_MOVE.format(
        company=esc(c.name), day=fmt_date(md.day) if md.day else "–",
        wishes=t.days_text(md.wished_days)))


def _answered(text: str) -> Build:
    """The team is told how the company answered a proposal of the day in the params."""

    def build(md: MediaDay, c: Company, p: Params, cfg: MediaDayConfig) -> Rendered:
        day = str(p.get("day", ""))
        shown = fmt_date(date.fromisoformat(day)) if day else "–"
        return Rendered(text.format(company=esc(c.name), day=shown))

    return build


BUILDERS: dict[str, Build] = {
    CONFIRMED: _confirmed, PROPOSED: _proposed, DECLINED: _declined,
    REQUESTED: _requested, WITHDRAWN: _withdrawn, MOVE_WANTED: _move_wanted,
    WITHDRAWN_BY: _withdrawn_by,
    ACCEPTED: _answered(t.ADMIN_ACCEPTED), REJECTED: _answered(t.ADMIN_REJECTED),
}


async def render_nudge(rc: RenderCtx, p: Params) -> Rendered | None:
    """Nudge a company without a media day (dropped if it booked meanwhile)."""
    company_id = p.get("company")
    if not isinstance(company_id, int):
        return None
    company = await companies.get(rc.s, company_id=company_id)
    if company is None or await queries.has_media_day(rc.s, company_id=company_id,
                                                      today=today(rc.now, rc.tz)):
        return None
    return Rendered(t.NUDGE.format(company=esc(company.name)),
                    [[RenderCtx.button(t.BTN_NUDGE_OFF, NudgeOff())]])
