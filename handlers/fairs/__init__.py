"""Fairs with the joint booth: /messe for companies, /messestand and /export messe for the team.

Modules: `member` (the /messe dialog), `questions` (its questions), `team` (/messestand,
decisions), `notices` (what the team and companies are told, the reminder job), `views`
(summaries, /meine), `exports`, `actions` (buttons), `texts` (German).
"""

from __future__ import annotations

from datetime import datetime

from handlers.core import Router
from handlers.core.format import esc
from handlers.fairs import exports, member, notices, team
from handlers.fairs import texts as t
from handlers.fairs.views import deadline_passed, overview
from storage.errors import DomainError
from storage.fairs import seed_fairs


def register(router: Router) -> None:
    """Register /messe, /messestand, their notices, /meine lines, the export and seeding."""
    member.register(router)
    team.register(router)
    notices.register(router)
    router.overview.add(overview)
    router.exports.add("messe", t.EXPORT_LABEL, exports.messe_table)
    router.seeders.append(seed_fairs)

    def deadline(e: DomainError) -> str:
        when = e.info.get("deadline")
        if not isinstance(when, datetime):  # storage always names it; never fail on the way out
            return t.UNKNOWN_FAIR
        # The catalogue in force now (a new one may have been applied since start).
        assumed = e.info.get("provisional")
        return deadline_passed(router.services.catalogue, str(e.info.get("title", "")), when,
                               [str(f) for f in assumed] if isinstance(assumed, list) else None)

    router.domain_errors({
        "fair_deadline": deadline,
        "fair_change_no_room": lambda e: t.CHANGE_NO_ROOM.format(title=esc(e.info["title"]),
                                                                 free=e.info["free"]),
        "fair_no_request": lambda e: t.NO_REQUEST.format(title=esc(e.info["title"])),
        "fair_not_open": lambda e: t.NOT_OPEN.format(status=t.STATUS.get(str(e.info["status"]))),
        "fair_full": lambda e: t.FULL.format(title=esc(e.info["title"]), free=e.info["free"],
                                             area=e.info["area"]),
        "fair_bad_days": lambda e: t.BAD_DAYS,
        "fair_unknown": lambda e: t.UNKNOWN_FAIR,
        "fair_not_provisional": lambda e: t.NOT_PROVISIONAL.format(title=esc(e.info["title"])),
        "fair_cancelled": lambda e: t.FAIR_CANCELLED.format(title=esc(e.info["title"])),
    })
