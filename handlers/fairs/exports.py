"""`/export messe`: every booth request of every fair, one row each."""

from __future__ import annotations

from handlers.core import Ctx, Table
from handlers.core.exports import Cell
from handlers.core.format import fmt_short_date
from handlers.fairs import texts as t
from storage.fairs import queries

COLUMNS = ["Messe", "Firma", "Status", "Tage", "Personen", "Tisch", "Stellwand", "Strom", "m²",
           "Berufe", "Mitmachaktion", "Angefragt", "Geändert", "Notiz Team"]


async def messe_table(ctx: Ctx, filter_text: str) -> Table:
    """Every booth request of every fair (filter: part of the fair's title or key)."""
    rows: list[list[Cell]] = []
    for fair in await queries.list_fairs(ctx.s):
        if filter_text and filter_text.lower() not in f"{fair.title} {fair.key}".lower():
            continue
        for req, company in await queries.fair_requests(ctx.s, fair_id=fair.id):
            rows.append([
                fair.title, company.name, t.STATUS[req.status],
                ", ".join(fmt_short_date(d) for d in queries.booked_dates(req)), req.staff,
                _yes(req.needs_table), _yes(req.needs_wall), _yes(req.needs_power), req.area_m2,
                req.professions, req.activity, req.queued_at, req.updated_at, req.admin_note,
            ])
    return Table("Messe-Anfragen", COLUMNS, rows)


def _yes(value: bool) -> str:
    return "ja" if value else "nein"
