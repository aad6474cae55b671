"""The Zahlen page: figures as server-rendered SVG, each with its data as a table and CSV.

The SVG is written here by hand (a few rects and texts): it needs no library, no script, no
inline style (the CSP forbids them), and screen readers get a title plus the data table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from zoneinfo import ZoneInfo

from handlers.core import Services, Table
from handlers.core.exports import to_csv
from handlers.core.format import MONTHS, fmt_short_date
from storage import feedback
from storage.events.models import Event
from storage.polls.models import Poll
from storage.web import desk as desk_store

BAR, GAP, LABEL_W, PLOT_W, LABEL_CHARS = 22, 8, 300, 400, 36


@dataclass(frozen=True)
class Figure:
    """One chart: its name (CSV file), German title, table columns and rows, the SVG."""

    name: str
    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[str | int]]
    svg: str

    def csv(self) -> bytes:
        """Return the data as CSV for German Excel."""
        return to_csv(Table(self.title, self.columns, self.rows))


def bars(title: str, labels: Sequence[str], values: Sequence[float],
         limits: Sequence[float | None] = ()) -> str:
    """Draw horizontal bars (value) with an outline for the limit (e.g. capacity) if given."""
    top = max([*values, *(x for x in limits if x), 1])
    height = len(labels) * (BAR + GAP) + GAP
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 '
             f'{LABEL_W + PLOT_W + 60} {height}" class="chart"><title>{escape(title)}</title>']
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = GAP + i * (BAR + GAP)
        limit = limits[i] if i < len(limits) else None
        if limit:
            w = PLOT_W * limit / top
            parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR}" '
                         'fill="#ffffff" stroke="#555555" stroke-dasharray="4 2"/>')
        w = PLOT_W * value / top
        parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR}" '
                     'fill="#1f5f99"/>')
        parts.append(f'<text x="{LABEL_W - 6}" y="{y + BAR - 6}" text-anchor="end" '
                     f'font-size="12" fill="#111111">{escape(_short(label))}</text>')
        shown = f"{_num(value)} / {_num(limit)}" if limit else _num(value)
        parts.append(f'<text x="{LABEL_W + w + 6:.1f}" y="{y + BAR - 6}" font-size="13" '
                     f'fill="#111111">{shown}</text>')
    parts.append("</svg>")
    return "".join(parts)


async def all_figures(svc: Services) -> list[Figure]:
    """Build every figure of the Zahlen page from the features' tables."""
    async with svc.db.read() as s:
        counts = await desk_store.event_counts(s)
        companies = await desk_store.companies(s)
        confirmed = await desk_store.media_day_months(s, tz=svc.tz)
        polls = await desk_store.polls_with_turnout(s)
        ratings = await feedback.summaries(s, since=datetime(2000, 1, 1, tzinfo=UTC))
    tz = svc.tz
    return [_registrations(counts, tz), _media_days(confirmed, len(companies), svc),
            _activity(companies), _polls(polls, tz), _feedback(ratings, tz)]


def _day(at: datetime, tz: ZoneInfo) -> str:
    """The local date of a moment, German (stored in UTC: 00:30 in Berlin is the day before
    in UTC), as the chat's exports write dates."""
    return fmt_short_date(at.astimezone(tz).date())


def _registrations(counts: list[tuple[Event, int, int]], tz: ZoneInfo) -> Figure:
    title = "Anmeldungen je Termin (Personen) und Plätze"
    shown = [(e, n, w) for e, n, w in counts if e.capacity or n]
    rows = [[e.title, _day(e.start, tz), n, w, e.capacity or ""] for e, n, w in shown]
    svg = bars(title, [e.title for e, _, _ in shown], [n for _, n, _ in shown],
               [e.capacity for e, _, _ in shown])
    return Figure("anmeldungen", title, ["Termin", "Datum", "Angemeldet", "Warteliste",
                                         "Plätze"], rows, svg)


def _media_days(months: list[tuple[date, int]], total: int, svc: Services) -> Figure:
    title = "Firmen mit bestätigtem Medientag (Stand je Monat)"
    rows: list[list[str | int]] = []
    running = 0
    for first, n in months:
        running += n
        rows.append([f"{MONTHS[first.month - 1]} {first.year}", running, max(total - running, 0)])
    svg = bars(title, [str(r[0]) for r in rows], [int(r[1]) for r in rows],
               [total] * len(rows))
    return Figure("medientage", title, ["Monat", "Mit Medientag", "Ohne Medientag"], rows, svg)


def _activity(companies: list[desk_store.CompanyRow]) -> Figure:
    title = "Aktivität je Firma (Anmeldungen, Medientag, Film, Messestand, Schau rein)"
    rows: list[list[str | int]] = []
    for r in companies:
        md = 1 if r.media_day is not None and r.media_day.status == "confirmed" else 0
        score = r.events + md + int(r.film) + r.booths + int(r.schau_rein)
        rows.append([r.company.name, r.events, md, int(r.film), r.booths, int(r.schau_rein),
                     score])
    rows.sort(key=lambda x: (-int(x[-1]), str(x[0])))
    svg = bars(title, [str(r[0]) for r in rows], [int(r[-1]) for r in rows])
    return Figure("aktivitaet", title, ["Firma", "Anmeldungen", "Medientag", "Film",
                                        "Messestand", "Schau rein", "Summe"], rows, svg)


def _polls(polls: list[tuple[Poll, int, int]], tz: ZoneInfo) -> Figure:
    title = "Beteiligung an Umfragen (Stimmen von Befragten)"
    rows: list[list[str | int]] = [
        [p.question, _day(p.closes_at, tz), voted, asked,
         f"{round(100 * voted / asked)} %" if asked else "–"] for p, voted, asked in polls]
    svg = bars(title, [p.question for p, _, _ in polls], [v for _, v, _ in polls],
               [a for _, _, a in polls])
    return Figure("umfragen", title, ["Umfrage", "Schließt", "Stimmen", "Befragte",
                                      "Beteiligung"], rows, svg)


def _feedback(ratings: list[feedback.Summary], tz: ZoneInfo) -> Figure:
    title = "Feedback je Termin (Durchschnitt der Sterne, 1 bis 5)"
    rows: list[list[str | int]] = [[r.event.title, _day(r.event.start, tz),
                                    _num(round(r.average, 1)), r.count] for r in ratings]
    svg = bars(title, [r.event.title for r in ratings], [round(r.average, 1) for r in ratings],
               [5] * len(ratings))
    return Figure("feedback", title, ["Termin", "Datum", "Durchschnitt", "Bewertungen"], rows,
                  svg)


def _num(value: float) -> str:
    """Write a number the German way: whole numbers plain, else one decimal with a comma."""
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def _short(label: str) -> str:
    """Cut a label to what fits left of the bars (the table has it whole)."""
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"
