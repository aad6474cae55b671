"""Plan the media day messages into the outbox: notices, reminders before the day, nudges."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from handlers.context import Ctx
from handlers.texts import media_days as t
from handlers.texts.common import esc
from storage import media_days_nudges, outbox, people
from storage.catalogue import Catalogue
from storage.db import Database
from storage.media_days_rules import MediaDayConfig, first_working_day
from storage.models import Company, MediaDay, Person

NOTICE, REMINDER, NUDGE = "media_day.notice", "media_day.reminder", "media_day.nudge"
Buttons = list[list[tuple[str, str]]]


def config(ctx: Ctx) -> MediaDayConfig:
    """Return the media day rules from the catalogue."""
    return MediaDayConfig.from_catalogue(ctx.services.catalogue)


def today(ctx: Ctx) -> date:
    """Return today's date in the cluster's zone."""
    return ctx.now.astimezone(ctx.tz).date()


async def company_people(ctx: Ctx, company_id: int) -> list[Person]:
    """Return the reachable people of a company."""
    found = await people.members_of(ctx.db, company_id=company_id)
    return [p for p in found if p.unreachable_at is None]


async def tell_company(ctx: Ctx, md: MediaDay, text: str, buttons: Buttons | None = None) -> None:
    """Tell everyone of the company at once (urgent outbox row due now)."""
    for p in await company_people(ctx, md.company_id):
        await outbox.plan(
            ctx.db, person_id=p.id, kind=NOTICE, text=text, due_at=ctx.now,  # type: ignore[arg-type]
            dedupe_key=f"{NOTICE}:{md.id}:{md.revision}:{p.id}", now=ctx.now, urgent=True,
            buttons=buttons,
        )
    await ctx.services.planned()


async def tell_team(ctx: Ctx, md: MediaDay, text: str) -> None:
    """Tell the media day contact (catalogue `admin`), else every admin, at once."""
    for p in await _team(ctx):
        if p.id == ctx.person.id:
            continue
        await outbox.plan(
            ctx.db, person_id=p.id, kind=NOTICE, text=text, due_at=ctx.now,  # type: ignore[arg-type]
            dedupe_key=f"media_day.team:{md.id}:{md.revision}:{p.id}", now=ctx.now, urgent=True,
        )
    await ctx.services.planned()


async def _team(ctx: Ctx) -> list[Person]:
    key = ctx.services.catalogue.contact("medientag").admin
    return await people.contact_or_admins(ctx.db, contact_key=key,
                                          admin_keys=ctx.services.admin_keys)


async def plan_reminders(ctx: Ctx, md: MediaDay, company: Company) -> None:
    """Plan the reminders N days before a confirmed day (dropping those of an older day)."""
    await outbox.unplan(ctx.db, key_prefix=f"{REMINDER}:{md.id}:", now=ctx.now, reason="moved")
    if md.status != "confirmed" or md.day is None:
        return
    cfg = config(ctx)
    start = datetime.combine(md.day, time(0), tzinfo=ctx.tz)
    formats = t.formats_text(md.formats, cfg.formats)
    for days in cfg.reminder_days:
        due = datetime.combine(md.day - timedelta(days=days), time(cfg.nudge_hour), tzinfo=ctx.tz)
        if due <= ctx.now:
            continue
        text = t.reminder(days, md.day, company.name, formats)
        for p in await company_people(ctx, md.company_id):
            await outbox.plan(
                ctx.db, person_id=p.id, kind=REMINDER, text=text, due_at=due,  # type: ignore[arg-type]
                dedupe_key=f"{REMINDER}:{md.id}:{md.day.isoformat()}:{days}:{p.id}",
                now=ctx.now, not_after=start,
            )


async def drop_reminders(ctx: Ctx, md: MediaDay) -> None:
    """Drop a media day's unsent reminders."""
    await outbox.unplan(ctx.db, key_prefix=f"{REMINDER}:{md.id}:", now=ctx.now, reason="gone")


def next_nudge_at(now: datetime, state: str | None, cfg: MediaDayConfig) -> datetime:
    """Return 09:00 on the next first working day of a month that is still ahead of `now`."""
    local = now.astimezone(cfg.tz)
    year, month = local.year, local.month
    while True:
        day = first_working_day(year, month, state)
        at = datetime.combine(day, time(cfg.nudge_hour), tzinfo=cfg.tz)
        if at > now:
            return at
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


class NudgePlanner:
    """Router planner: keep next month's nudges in line with companies, people and opt-outs.

    It runs before each delivery (router.planners), so nudges recur every month, newly linked
    people are picked up, and a company that books (or withdraws) is dropped (or nudged again).
    A fingerprint skips the writes when nothing changed since the last run.
    """

    def __init__(self, db: Database, catalogue: Catalogue) -> None:
        self.db = db
        self.catalogue = catalogue
        self._seen: object = None

    async def __call__(self, now: datetime) -> None:
        """Plan the next nudge for every person of a company without a media day."""
        cfg = MediaDayConfig.from_catalogue(self.catalogue)
        targets = await media_days_nudges.targets(self.db, today=now.astimezone(cfg.tz).date())
        plan = [(c, next_nudge_at(now, c.state, cfg), persons) for c, persons in targets]
        fingerprint = [(c.id, c.name, at, tuple(p.id for p in ps)) for c, at, ps in plan]
        if fingerprint == self._seen:
            return
        for company, at, persons in plan:
            for p in persons:
                await outbox.plan(
                    self.db, person_id=p.id, kind=NUDGE,  # type: ignore[arg-type]
                    text=t.NUDGE.format(company=esc(company.name)), due_at=at,
                    dedupe_key=f"{media_days_nudges.nudge_prefix(company.id, p.id)}{at:%Y-%m}",  # type: ignore[arg-type]
                    now=now, not_after=at + timedelta(days=3),
                    buttons=[[(t.BTN_NUDGE_OFF, "md.nudge_off")]],
                )
        self._seen = fingerprint


async def drop_nudges(ctx: Ctx, company_id: int) -> None:
    """Drop a company's planned nudges (it has a media day now)."""
    await outbox.unplan(ctx.db, key_prefix=media_days_nudges.nudge_prefix(company_id),
                        now=ctx.now, reason="booked")
