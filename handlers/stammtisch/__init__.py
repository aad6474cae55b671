"""The Social Media Stammtisch: biweekly online meetings, reminders, topics, team changes.

`member` (/stammtisch, reminders on/off, topic suggestions), `team` (skip, move, link, time,
/themen; every change is previewed with the number of recipients and confirmed), `planner`
(the job that keeps the subscribers' reminders planned), `notices` (their renderers),
`calendar` (the series as one .ics; the job warning the team of clashes with other cluster
dates), `texts`.
"""

from __future__ import annotations

from handlers.core import Ctx, Dialog, Router, UsageError
from handlers.core.format import plural
from handlers.stammtisch import calendar, member, notices, planner, team
from handlers.stammtisch import texts as t
from storage.stammtisch import queries


def register(router: Router) -> None:
    """Register /stammtisch, its buttons and dialog, the team commands, notices and planner."""

    async def suggest(ctx: Ctx, a: member.SuggestTopic) -> None:
        await member.suggest(ctx, router)

    async def show(ctx: Ctx, a: member.Show) -> None:
        await member.show(ctx)

    router.command("stammtisch", member.show, help=t.HELP_STAMMTISCH)
    router.on(member.Show, show)
    router.on(member.Subscribe, member.subscribe)
    router.on(member.SuggestTopic, suggest)
    router.domain_errors({
        "too_many_topics": lambda e: t.TOO_MANY_TOPICS.format(
            count=plural(int(str(e.info["max"])), "Thema", "Themen")),
    })
    router.dialog(Dialog(member.TOPIC_DIALOG, t.TOPIC_DIALOG_TITLE, "text", member.TOPIC_STEPS))
    router.overview.add(member.overview_lines)
    router.notices.add(planner.MORNING, notices.render_morning, switch=t.LABEL_MORNING)
    router.notices.add(planner.SOON, notices.render_soon, switch=t.LABEL_SOON)
    router.notices.add(planner.CHANGE, notices.render_change, switch=t.LABEL_CHANGE)
    router.notices.add(planner.TOPICS, notices.render_topics, switch=t.LABEL_TOPICS)
    router.jobs.append(planner.job)
    team.register(router)

    async def skip_clash(ctx: Ctx, a: calendar.SkipClash) -> None:
        sched = await queries.schedule(ctx.s, ctx.catalogue)
        m = sched.meeting(a.meeting)
        if m is None or m.start <= ctx.now:
            raise UsageError(t.STALE_CHANGE)
        await team.preview_skip(ctx, sched, m)

    router.on(calendar.SeriesCalendar, calendar.send_series)
    router.on(calendar.SkipClash, skip_clash, admin=True)
    router.notices.add(calendar.CLASH, calendar.render_clash)
    router.jobs.append(calendar.job)
