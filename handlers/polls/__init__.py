"""Asking the members: polls (`/umfrage_neu`) and date findings (`/terminfindung`).

The team sets a poll up in a dialog and sends its card to an audience through the outbox;
members vote with one tap and may change their answer until closing; the closing job sends
everybody asked the result with a bar chart and the team the CSV and XLSX; `/umfragen` shows
live counts. Modules: `setup` (dialogs), `member` (voting), `team`, `notices` (cards, reminder,
result, job), `roles` (/rolle: a member's role in the company, for the audience "one company
role"), `view` (texts built from data), `chart` (matplotlib), `exports`, `texts`.
"""

from __future__ import annotations

from handlers.core import Router
from handlers.polls import exports, member, notices, roles, setup, team
from handlers.polls import texts as t
from handlers.polls.actions import Close, CloseAsk, Draft, Export, Keep, Vote


def register(router: Router) -> None:
    """Register the poll commands, buttons, dialogs, notices, job and export."""
    dialogs = router.dialogs
    setup.register(router)
    router.command("abstimmen", member.open_polls, help=t.HELP_OPEN, linked=True)
    router.command("umfragen", team.listing, help=t.HELP_LIST, admin=True)
    router.command("rolle", roles.show, help=t.HELP_ROLE, linked=True, private=True)
    router.on(roles.SetRole, roles.pick)
    router.on(Vote, member.vote, writes=True)
    router.on(Export, team.export, admin=True)
    router.on(CloseAsk, team.ask_close, admin=True)
    router.on(Close, team.close, admin=True)
    router.on(Keep, team.keep)
    router.on(Draft, lambda ctx, a: team.draft(ctx, a, dialogs), admin=True)
    notices.register(router)
    router.domain_errors(t.RULES)
    router.exports.add("umfrage", t.EXPORT_LABEL, exports.producer)
