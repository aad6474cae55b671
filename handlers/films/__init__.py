"""The film series "Berufe mit Zukunft": a company registers interest in one profession group
(`/film`); the team assigns groups, removes companies and exports the list (`/filme`).

Modules: `member` (the company's side and its dialog), `team` (the team's side, export),
`notices` (what the company and the team are told), `actions` (the buttons), `texts` (German).
"""

from __future__ import annotations

from handlers.core import Router
from handlers.films import member, notices, team
from handlers.films import texts as t
from handlers.films.actions import (
    Assign,
    Choose,
    Keep,
    OpenList,
    Pick,
    Remove,
    RemoveAsk,
    Withdraw,
    WithdrawAsk,
)
from storage.films.service import seed_films


def register(router: Router) -> None:
    """Register the film series commands, buttons, dialog, notices, export and seeding."""
    dialogs = router.dialogs
    router.command("film", member.show, help=t.HELP_FILM, linked=True, personal=True)
    router.command("filme", team.admin_list, help=t.HELP_FILME, admin=True)
    router.on(Pick, lambda ctx, a: member.pick(ctx, a, dialogs), linked=True)
    router.on(WithdrawAsk, member.ask_withdraw, linked=True)
    router.on(Withdraw, member.withdraw, linked=True)
    router.on(Keep, member.keep)
    router.on(Choose, team.pick_group, admin=True)
    router.on(OpenList, lambda ctx, a: team.admin_list(ctx), admin=True)
    router.on(Assign, team.assign, admin=True)
    router.on(RemoveAsk, team.ask_remove, admin=True)
    router.on(Remove, team.remove, admin=True)
    router.dialog(member.dialog())
    notices.register(router)
    router.domain_errors(t.RULES)
    router.exports.add("filme", t.EXPORT_LABEL, team.export)
    router.overview.add(member.overview_section)
    router.seeders.append(seed_films)
