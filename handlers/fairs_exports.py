"""Team views of fairs and Schau rein: `/export messe`, `/export schaurein`, list and calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from bot.chat import FileOut
from handlers.context import Ctx
from handlers.exports import Table
from handlers.router import Router
from handlers.schau_rein import support_labels
from handlers.schau_rein_days import dates, programme
from handlers.texts import fairs as tf
from handlers.texts import schau_rein as t
from handlers.texts.common import esc
from storage import audit, fairs_read, schau_rein
from storage.models import SchauReinSignup

MEDIA = "medien"  # the support key that means "mediale Begleitung"
PRODID = "-//Zukunftsmacher//Cluster-Chatbot//DE"


def register(router: Router) -> None:
    """Register the exports and the team's Schau-rein commands."""
    router.exports.add("messe", tf.EXPORT_LABEL, messe_table)
    router.exports.add("schaurein", t.EXPORT_LABEL, schaurein_table)
    router.command("schaurein_liste", show_signups, admin=True,
                   help=t.HELP_SCHAUREIN_LISTE)
    router.command("schaurein_kalender", media_calendar, admin=True,
                   help=t.HELP_SCHAUREIN_KALENDER)


async def messe_table(ctx: Ctx, filter_text: str) -> Table:
    """Every booth request of every fair (filter: part of the fair's title or key)."""
    rows = []
    for fair in await fairs_read.list_fairs(ctx.db):
        if filter_text and filter_text.lower() not in f"{fair.title} {fair.key}".lower():
            continue
        for req, company in await fairs_read.fair_requests(ctx.db, fair_id=fair.id):  # type: ignore[arg-type]
            rows.append([
                fair.title, company.name, tf.STATUS[req.status],
                ", ".join(d.strftime("%d.%m.%Y") for d in dates(req.days)), req.staff,
                _yes(req.needs_table), _yes(req.needs_wall), _yes(req.needs_power), req.area_m2,
                req.professions, req.activity, req.queued_at.astimezone(ctx.tz),
                req.updated_at.astimezone(ctx.tz), req.admin_note,
            ])
    columns = ["Messe", "Firma", "Status", "Tage", "Personen", "Tisch", "Stellwand", "Strom",
               "m²", "Berufe", "Mitmachaktion", "Angefragt", "Geändert", "Notiz Team"]
    return Table("Messe-Anfragen", columns, rows)


async def schaurein_table(ctx: Ctx, filter_text: str) -> Table:
    """Every Schau-rein sign-up, one row per company, one column per kind of support."""
    prog = programme(ctx)
    support = prog["support"]
    rows = []
    for row, company in await schau_rein.signups(ctx.db, programme=prog["key"]):
        rows.append([
            company.name, ", ".join(d.strftime("%d.%m.%Y") for d in dates(row.days)),
            *[_yes(s["key"] in row.support) for s in support], row.description, row.contact,
            row.updated_at.astimezone(ctx.tz),
        ])
    columns = ["Firma", "Tage", *[s["label"] for s in support], "Aktion", "Kontakt",
               "Angemeldet"]
    return Table("Schau rein", columns, rows)


async def show_signups(ctx: Ctx) -> None:
    """List the Schau-rein sign-ups."""
    found = await schau_rein.signups(ctx.db, programme=programme(ctx)["key"])
    if not found:
        ctx.say(t.LIST_EMPTY)
        return
    lines = [t.LIST_HEAD.format(count=len(found))]
    for row, company in found:
        detail = t.summary(dates(row.days), support_labels(ctx, row.support), row.description,
                           row.contact)
        lines.append(f"\n<b>{esc(company.name)}</b>\n{detail}")
    ctx.say("\n".join([*lines, t.LIST_HINT]))


async def media_calendar(ctx: Ctx) -> None:
    """Send an .ics with one all-day entry per day on which media coverage is wanted."""
    prog = programme(ctx)
    entries = [(d, company.name, row) for row, company in
               await schau_rein.signups(ctx.db, programme=prog["key"])
               if MEDIA in row.support for d in dates(row.days)]
    if not entries:
        ctx.say(t.CAL_EMPTY)
        return
    data = media_ics(entries, stamp=ctx.now)
    await audit.record(ctx.db, actor=ctx.person.key, action="export", now=ctx.now,
                       kind="schaurein_kalender", rows=len(entries))
    ctx.say(t.CAL_DONE.format(count=len(entries)),
            file=FileOut("schaurein-medien.ics", "text/calendar", data))


def media_ics(entries: list[tuple[date, str, SchauReinSignup]], *, stamp: datetime) -> bytes:
    """Build a calendar with one all-day VEVENT per (day, company) wanting media coverage."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    for day, company, row in entries:
        ev = Event()
        ev.add("uid", f"schaurein-{row.id}-{day.isoformat()}@zukunftsmacher")
        ev.add("dtstamp", stamp)
        ev.add("summary", f"Schau rein: mediale Begleitung bei {company}")
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
        ev.add("description", f"{row.description}\nKontakt: {row.contact}")
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical()


def _yes(value: bool) -> str:
    return "ja" if value else "nein"
