"""Schau rein (open-company week, Saxony only): /schaurein for companies, lists for the team.

Modules: `signup` (the /schaurein dialog), `days` (its day questions), `withdraw`, `team`
(/schaurein_liste, opening a sign-up), `exports` (/export schaurein, /schaurein_kalender),
`notices` (what the team is told), `views` (programme, summaries, /meine), `actions`, `texts`.
"""

from __future__ import annotations

from datetime import date, datetime

from handlers.core import Router
from handlers.core.format import esc, fmt_date
from handlers.schau_rein import exports, notices, signup, team, withdraw
from handlers.schau_rein import texts as t
from handlers.schau_rein.views import deadline_text, overview
from storage.errors import DomainError


def register(router: Router) -> None:
    """Register /schaurein, withdrawal, the team's list, export and calendar, notices, /meine."""
    signup.register(router)
    withdraw.register(router)
    team.register(router)
    exports.register(router)
    notices.register(router)
    router.overview.add(overview)

    def bad_day(e: DomainError) -> str:
        first, last = e.info.get("first"), e.info.get("last")
        if not isinstance(first, date) or not isinstance(last, date):
            return t.DAYS_NOT_UNDERSTOOD
        return t.BAD_DAY.format(first=fmt_date(first), last=fmt_date(last))

    def closed(e: DomainError) -> str:
        deadline = e.info.get("deadline")
        if not isinstance(deadline, datetime):
            return t.NO_PROGRAMME
        assumed = e.info.get("provisional")
        return deadline_text(router.services.catalogue, deadline,  # the one in force now
                             [str(f) for f in assumed] if isinstance(assumed, list) else None)

    router.domain_errors({
        "schaurein_state": lambda e: t.STATE_REFUSED,
        "schaurein_bad_day": bad_day,
        "schaurein_deadline": closed,
        "schaurein_not_provisional": lambda e: t.NOT_PROVISIONAL.format(
            title=esc(str(e.info.get("title", "")))),
    })
