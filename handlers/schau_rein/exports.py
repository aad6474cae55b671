"""The team's tables and calendar of Schau rein: `/export schaurein`, `/schaurein_kalender`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from handlers.core import Ctx, Router, Table
from handlers.core.exports import LIST_SEP, Cell, spread
from handlers.core.ics import alarm, calendar, ics_file
from handlers.core.provisional import ics_note, is_provisional, names, summary
from handlers.schau_rein import texts as t
from handlers.schau_rein.views import current, dates
from storage.schau_rein import SchauReinSignup, programme, queries

MEDIA = "medien"  # the support key that means "mediale Begleitung"


def register(router: Router) -> None:
    """Register the export and the media calendar."""
    router.exports.add("schaurein", t.EXPORT_LABEL, schaurein_table)
    router.command("schaurein_kalender", media_calendar, admin=True,
                   help=t.HELP_SCHAUREIN_KALENDER)


async def schaurein_table(ctx: Ctx, filter_text: str) -> Table:
    """Every Schau-rein sign-up, one row per company, one column per kind of support."""
    prog = programme(ctx.catalogue)
    support = prog.support if prog is not None else ()
    found = await queries.signups(ctx.s, programme=prog.key) if prog is not None else []
    day_columns, days = spread("Tag", [list(dates(row.days)) for row, _ in found])
    marks = (names(await queries.assumed(ctx.s, prog), t.PROVISIONAL_FIELDS, LIST_SEP)
             if prog else "")
    rows: list[list[Cell]] = [
        [company.name, *cells, *[_yes(s.key in row.support) for s in support], row.description,
         row.contact, row.created_at, row.updated_at, marks]
        for (row, company), cells in zip(found, days, strict=True)
    ]
    columns = ["Firma", *day_columns, *[s.label for s in support], "Aktion", "Kontakt",
               "Angemeldet am", "Geändert am", t.EXPORT_PROVISIONAL]
    return Table("Schau rein", columns, rows)


async def media_calendar(ctx: Ctx) -> None:
    """Send an .ics with one all-day entry per day on which media coverage is wanted."""
    entries = [(d, company.name, row) for row, company in
               await queries.signups(ctx.s, programme=current(ctx).key)
               if MEDIA in row.support for d in dates(row.days)]
    if not entries:
        ctx.say(t.CAL_EMPTY)
        return
    assumed = await queries.assumed(ctx.s, current(ctx))
    ctx.audit("export", kind="schaurein_kalender", rows=len(entries))
    note = t.CAL_PROVISIONAL if is_provisional(assumed, "days") else ""
    ctx.say(t.CAL_DONE.format(count=len(entries)) + note,
            file=ics_file("schaurein-medien.ics", media_ics(entries, stamp=ctx.now,
                                                             assumed=assumed)))


def media_ics(entries: list[tuple[date, str, SchauReinSignup]], *, stamp: datetime,
              assumed: Sequence[str] = ()) -> bytes:
    """Build a calendar with one all-day VEVENT per (day, company) wanting media coverage."""
    from icalendar import Event  # at first use: start-up need not pay for icalendar

    cal = calendar(name="Schau rein – mediale Begleitung")
    note = ics_note(assumed, t.PROVISIONAL_FIELDS)
    for day, company, row in entries:
        ev = Event()
        ev.add("uid", f"schaurein-{row.id}-{day.isoformat()}@zukunftsmacher")
        ev.add("dtstamp", stamp)
        ev.add("summary", summary(t.ICS_SUMMARY.format(company=company), assumed,
                                  t.WHEN_FIELDS))
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
        ev.add("description", "\n".join(
            x for x in (note, row.description, f"Kontakt: {row.contact}") if x))
        ev.add("transp", "TRANSPARENT")
        ev.add_component(alarm(f"Schau rein bei {company}"))
        cal.add_component(ev)
    return bytes(cal.to_ical())


def _yes(value: bool) -> str:
    return "ja" if value else "nein"
