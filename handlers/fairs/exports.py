"""`/export messe`: every booth request of every fair, one row each."""

from __future__ import annotations

from handlers.core import Ctx, Table
from handlers.core.exports import LIST_SEP, Cell, spread
from handlers.core.provisional import names
from handlers.fairs import texts as t
from storage.fairs import queries

HEAD = ["Messe", "Firma", "Status"]
COLUMNS = ["Personen", "Tisch", "Stellwand", "Strom", "m²", "Berufe", "Mitmachaktion",
           "Angefragt am", "Geändert am", "Notiz Team", t.EXPORT_PROVISIONAL]


async def messe_table(ctx: Ctx, filter_text: str) -> Table:
    """Every booth request of every fair (filter: part of the fair's title or key).

    The booked days are one date cell each ("Tag 1", "Tag 2"); times are date-time cells.
    """
    rows: list[list[Cell]] = []
    days: list[list[Cell]] = []
    for fair in await queries.list_fairs(ctx.s):
        if filter_text and filter_text.lower() not in f"{fair.title} {fair.key}".lower():
            continue
        for req, company in await queries.fair_requests(ctx.s, fair_id=fair.id):
            rows.append([
                fair.title, company.name, t.STATUS[req.status], req.staff,
                _yes(req.needs_table), _yes(req.needs_wall), _yes(req.needs_power), req.area_m2,
                req.professions, req.activity, req.queued_at, req.updated_at, req.admin_note,
                names(fair.provisional, t.PROVISIONAL_FIELDS, LIST_SEP),
            ])
            days.append(list(queries.booked_dates(req)))
    day_columns, day_cells = spread("Tag", days)
    n = len(HEAD)
    return Table("Messe-Anfragen", [*HEAD, *day_columns, *COLUMNS],
                 [[*r[:n], *d, *r[n:]] for r, d in zip(rows, day_cells, strict=True)])


def _yes(value: bool) -> str:
    return "ja" if value else "nein"
