"""Events: network meetings and the other dates of the cluster's year.

Members: /termine, sign-up with 1-5 people, FIFO waiting list with automatic move-up, .ics
files, reminders 7 and 1 days before, /meine lines (`member`). The team: /termin_neu (`new`),
/termin_bearbeiten (`edit`), /termin_absagen, /teilnehmer, /export anmeldungen (`team`).
Messages to others are planned with the change and rendered at delivery (`notices`).
"""

from __future__ import annotations

from collections.abc import Callable

from handlers.core import Router
from handlers.core.format import esc
from handlers.events import edit, member, new, notices, team
from handlers.events import texts as t
from handlers.events.view import contact
from storage.errors import DomainError
from storage.events import catalogue


def register(router: Router) -> None:
    """Register the members' and the team's commands, notices, errors and the catalogue."""
    # /hilfe lists: termine, termin_neu, teilnehmer, termin_absagen, termin_bearbeiten.
    member.register(router)
    new.register(router)
    team.register(router)
    edit.register(router)
    notices.register(router)
    router.seeders.append(catalogue.seed)
    router.domain_errors(_errors(router))


def _errors(router: Router) -> dict[str, Callable[[DomainError], str]]:
    def simple(code: str) -> Callable[[DomainError], str]:
        def render(e: DomainError) -> str:
            info = {k: esc(v) for k, v in e.info.items()}
            return t.ERRORS[code].format(**{"title": "", **info})

        return render

    def deadline(e: DomainError) -> str:
        return t.DEADLINE.format(title=esc(e.info["title"]),
                                 contact=esc(contact(router.services.catalogue)))

    def not_in_bot(e: DomainError) -> str:
        link = esc(e.info.get("link") or "")
        return t.NOT_IN_BOT[str(e.info["kind"])].format(title=esc(e.info["title"]), link=link)

    def invalid(e: DomainError) -> str:
        return t.INVALID[str(e.info["field"])]

    out = {code: simple(code) for code in t.ERRORS}
    out.update(deadline_passed=deadline, not_in_bot=not_in_bot, event_invalid=invalid)
    return out
