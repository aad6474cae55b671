"""How Schau rein reads: the current programme, summaries, the closed-deadline answer, /meine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from handlers.core import Ctx, UsageError
from handlers.core.format import esc, fmt_date, fmt_dt
from handlers.core.provisional import date_mark, mark
from handlers.schau_rein import texts as t
from storage.catalogue import Catalogue
from storage.schau_rein import Programme, SchauReinSignup, programme, queries

CONTACT = "schau_rein"  # the catalogue contact told about sign-ups


def current(ctx: Ctx) -> Programme:
    """Return the catalogue's Schau-rein week; say so when there is none."""
    found = programme(ctx.catalogue)
    if found is None:
        raise UsageError(t.NO_PROGRAMME)
    return found


def dates(days: list[str]) -> list[date]:
    """Turn ISO strings into dates."""
    return [date.fromisoformat(d) for d in days]


def week_text(prog: Programme, assumed: Sequence[str]) -> str:
    """Return the week "Mo, 9. März 2026 bis Sa, 14. März 2026", marked while assumed."""
    return t.WEEK.format(first=fmt_date(prog.first_day),
                         last=fmt_date(prog.last_day)) + date_mark(assumed, "days")


def deadline_shown(deadline: datetime, catalogue: Catalogue, assumed: Sequence[str] | None) -> str:
    """Return the sign-up deadline, " (vorläufig)" while assumed."""
    return fmt_dt(deadline, catalogue.tz) + mark(assumed, "deadline")


def deadline_text(catalogue: Catalogue, deadline: datetime,
                  assumed: Sequence[str] | None = None) -> str:
    """Say the sign-up is closed and whom to ask instead."""
    contact = catalogue.contact(CONTACT)
    who = f"{contact.name} ({contact.email})" if contact.email else contact.name
    return t.DEADLINE.format(deadline=deadline_shown(deadline, catalogue, assumed),
                             contact=esc(who))


async def closed_text(ctx: Ctx, prog: Programme) -> str:
    """Say the programme's sign-up is closed (its deadline marked while assumed)."""
    return deadline_text(ctx.catalogue, prog.deadline, await queries.assumed(ctx.s, prog))


def contact_name(catalogue: Catalogue) -> str:
    """Return the escaped name of the cluster's Schau-rein contact."""
    return esc(catalogue.contact(CONTACT).name)


def summary(prog: Programme | None, days: list[str], support: list[str], description: str,
            contact: str) -> str:
    """Summarise a sign-up (support labels from the catalogue; user input escaped)."""
    labels = [prog.label(k) if prog is not None else k for k in support]
    return t.summary(dates(days), labels, description, contact)


def row_summary(prog: Programme | None, row: SchauReinSignup) -> str:
    """Summarise a stored sign-up."""
    return summary(prog, row.days, row.support, row.description, row.contact)


async def overview(ctx: Ctx) -> list[str]:
    """Show the company's Schau-rein sign-up in /meine."""
    prog = programme(ctx.catalogue)
    if ctx.company_id is None or prog is None:
        return []
    row = await queries.signup_of(ctx.s, programme=prog.key, company_id=ctx.company_id)
    if row is None:
        return []
    assumed = await queries.assumed(ctx.s, prog)
    change = (t.OVERVIEW_CHANGE.format(deadline=deadline_shown(prog.deadline, ctx.catalogue,
                                                               assumed))
              if prog.is_open(ctx.now) else "")
    week = date_mark(assumed, "days")  # the sign-up's days lie in a week not fixed yet
    return [t.OVERVIEW_HEAD + week + change, row_summary(prog, row)]
