"""Poll notices: the card to vote on, the reminder to non-voters, the result with its chart,
the team's files. Rendered at delivery from committed data; the closing job plans them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from bot.chat import FileOut
from handlers.core import JobCtx, Notice, Notify, RenderCtx, Rendered, Router
from handlers.core.format import esc, fmt_dt
from handlers.polls import chart, exports
from handlers.polls import texts as t
from handlers.polls.actions import Draft
from handlers.polls.view import card, option_label, result_text
from storage.db import Session
from storage.polls import queries, service
from storage.polls.models import Poll
from storage.polls.queries import Tally

CARD, REMINDER, RESULT, FILES = "poll.card", "poll.reminder", "poll.result", "poll.files"


def register(router: Router) -> None:
    """Register the poll notice kinds and the job that closes polls and reminds."""
    router.notices.add(CARD, render_card)
    router.notices.add(REMINDER, render_reminder, switch=t.SWITCH_REMINDER, always=True)
    router.notices.add(RESULT, render_result)
    router.notices.add(FILES, render_files)
    router.jobs.append(job)


async def job(j: JobCtx) -> None:
    """Close the polls whose time has come (result to all asked) and remind non-voters."""
    for poll in await service.close_due(j.s, now=j.now):
        await announce(j.s, j.notify, poll)
    for poll, person_ids in await service.due_reminders(j.s, now=j.now):
        notice = Notice(kind=REMINDER, key=f"{REMINDER}:{poll.id}", params={"poll": poll.id},
                        not_after=poll.closes_at, urgent=False)
        for person_id in person_ids:
            await j.notify.person(person_id, notice)


async def announce(s: Session, notify: Notify, poll: Poll) -> None:
    """Plan the result for everybody asked and the team (once each), and the team's files."""
    result = Notice(kind=RESULT, key=f"{RESULT}:{poll.id}", params={"poll": poll.id},
                    urgent=False)
    for person_id in await queries.recipients(s, poll_id=poll.id):
        await notify.person(person_id, result)
    await notify.team(result)  # a team member who was asked gets it once (same key)
    for fmt in ("csv", "xlsx"):
        await notify.team(Notice(kind=FILES, key=f"{FILES}:{poll.id}:{fmt}",
                                 params={"poll": poll.id, "format": fmt}, urgent=False))


async def _tally(rc: RenderCtx, p: Mapping[str, Any]) -> Tally | None:
    poll_id = p.get("poll")
    if not isinstance(poll_id, int):
        return None
    key = ("poll.tally", poll_id)
    if key not in rc.memo:  # one batch tells many people of one poll
        rc.memo[key] = await queries.tally(rc.s, poll_id=poll_id)
    found: Tally | None = rc.memo[key]
    return found


async def _card(rc: RenderCtx, p: Mapping[str, Any], *, header: str = "",
                only_non_voters: bool = False) -> Rendered | None:
    found = await _tally(rc, p)
    if found is None or found.poll.closed_at is not None or rc.now >= found.poll.closes_at:
        return None
    poll = found.poll
    ballot = await queries.ballot_of(rc.s, poll=poll, person_id=rc.person.id,
                                     company_id=rc.person.company_id)
    if only_non_voters and ballot is not None and ballot.choices:
        return None  # answered since the reminder was planned
    text, rows = card(poll, found.options, ballot, person_id=rc.person.id, tz=rc.tz,
                      header=header)
    return Rendered(text, rows)


async def render_card(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """The poll to vote on (dropped once it is closed)."""
    return await _card(rc, p)


async def render_reminder(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """The poll again, for those who have not answered yet."""
    found = await _tally(rc, p)
    if found is None:
        return None
    header = t.REMINDER.format(closes=fmt_dt(found.poll.closes_at, rc.tz))
    return await _card(rc, p, header=header, only_non_voters=True)


async def render_result(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """The result with its bar chart (drawn once per batch, in a worker thread)."""
    found = await _tally(rc, p)
    if found is None:
        return None
    key = ("poll.chart", found.poll.id)
    if key not in rc.memo:
        rc.memo[key] = None if found.answered == 0 else await png(found, rc)
    image = rc.memo[key]
    buttons = []
    best = found.winner() if found.poll.kind == "dates" else None
    if rc.is_admin and best is not None:
        label = t.DRAFT_BUTTON.format(label=option_label(best, rc.tz))
        buttons = [[rc.button(label, Draft(found.poll.id, best.id))]]
    file = None if image is None else chart_file(found.poll.id, image)
    return Rendered(result_text(found, rc.tz), buttons, file)


def chart_file(poll_id: int, image: bytes) -> FileOut:
    """Return the chart as a file to attach."""
    return FileOut(t.CHART_FILE.format(id=poll_id), "image/png", image)


async def png(found: Tally, rc: RenderCtx) -> bytes:
    """Draw the result chart off the event loop."""
    labels = [option_label(o, rc.tz) for o in found.options]
    if found.poll.kind == "dates":
        series = [chart.Series(t.ANSWER_LABELS[a], [found.count(o.id, a) for o in found.options])
                  for a in ("ja", "vielleicht", "nein")]
        axis = t.CHART_ANSWERS
    else:
        series = [chart.Series(t.CHART_VOTES, [found.count(o.id, service.CHOSEN)
                                               for o in found.options])]
        axis = t.CHART_VOTES
    return await asyncio.to_thread(chart.bar_chart, found.poll.question, labels, series,
                                   axis=axis)


async def render_files(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """The team's CSV or XLSX of a closed poll."""
    found = await _tally(rc, p)
    if found is None or not rc.is_admin:
        return None
    csv_file, xlsx_file = await exports.files(rc.s, found, rc.tz)
    fmt = p.get("format")
    return Rendered(t.TEAM_FILES.format(question=esc(found.poll.question),
                                        kind="CSV" if fmt == "csv" else "Excel"),
                    file=csv_file if fmt == "csv" else xlsx_file)
