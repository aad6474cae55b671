"""The team's table of a poll: with names for named polls, only counts for anonymous ones."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from bot.chat import FileOut
from handlers.core import Ctx, Table, UsageError
from handlers.core.exports import XLSX_MIME, Cell, to_csv, to_xlsx
from handlers.polls import texts as t
from handlers.polls.view import option_label
from storage.db import Session
from storage.polls import queries
from storage.polls.queries import Tally
from storage.polls.service import CHOSEN


async def table(s: Session, tally: Tally, tz: ZoneInfo) -> Table:
    """Return the poll's table (an anonymous poll's never names anybody)."""
    poll, opts = tally.poll, tally.options
    labels = [option_label(o, tz) for o in opts]
    title = f"Umfrage {poll.id}"
    if poll.anonymous:
        if poll.kind == "dates":
            return Table(title, t.EXPORT_DATE_COUNTS, [
                [label, tally.count(o.id, "ja"), tally.count(o.id, "vielleicht"),
                 tally.count(o.id, "nein")] for o, label in zip(opts, labels, strict=True)])
        return Table(title, t.EXPORT_COUNTS, [[label, tally.count(o.id, CHOSEN)]
                                              for o, label in zip(opts, labels, strict=True)])
    rows: list[list[Cell]] = []
    for ballot, person, company in await queries.named_ballots(s, poll_id=poll.id):
        name = person.display_name if person else ""
        firm = company.name if company else ""
        changed = ballot.updated_at.astimezone(tz).replace(tzinfo=None)
        if poll.kind == "dates":
            answers = [t.ANSWER_LABELS.get(ballot.choices.get(str(o.id), ""), "")
                       for o in opts]
            rows.append([name, firm, *answers, changed])
        else:
            picked = ", ".join(label for o, label in zip(opts, labels, strict=True)
                               if str(o.id) in ballot.choices)
            rows.append([name, firm, picked, changed])
    columns = ((*t.EXPORT_NAMES[:2], *labels, t.EXPORT_NAMES[3]) if poll.kind == "dates"
               else t.EXPORT_NAMES)
    return Table(title, columns, rows)


async def files(s: Session, tally: Tally, tz: ZoneInfo) -> tuple[FileOut, FileOut]:
    """Return the CSV and XLSX of a poll (built in a worker thread)."""
    tab = await table(s, tally, tz)
    csv_data, xlsx_data = await asyncio.to_thread(lambda: (to_csv(tab), to_xlsx(tab)))
    base = f"umfrage-{tally.poll.id}"
    return (FileOut(f"{base}.csv", "text/csv", csv_data),
            FileOut(f"{base}.xlsx", XLSX_MIME, xlsx_data))


async def producer(ctx: Ctx, rest: str) -> Table:
    """`/export umfrage NUMMER`: the table of one poll."""
    number = rest.strip().lstrip("#")
    found = await queries.tally(ctx.s, poll_id=int(number)) if number.isdigit() else None
    if found is None:
        raise UsageError(t.EXPORT_USAGE)
    return await table(ctx.s, found, ctx.tz)
