"""The idea collection: members send ideas under the catalogue's themes (`/idee`), support
others' with +1 (`/ideen`); the team marks them "aufgegriffen" (with a note) or "erledigt"
and the author is told once.

Modules: `member` (submitting, listing, +1), `team` (marking), `texts` (German).
"""

from __future__ import annotations

from handlers.core import Router
from handlers.ideas import member, team
from handlers.ideas import texts as t
from handlers.ideas.actions import Mark, PlusOne


def register(router: Router) -> None:
    """Register /idee, /ideen, the buttons, dialogs and the author's notice."""
    dialogs = router.dialogs
    router.command("idee", lambda ctx: member.start(ctx, dialogs), help=t.HELP_IDEE,
                   linked=True, personal=True)
    router.command("ideen", member.listing, help=t.HELP_IDEEN, linked=True)
    router.on(PlusOne, member.plus_one, linked=True)
    router.on(Mark, lambda ctx, a: team.mark(ctx, a, dialogs), admin=True)
    router.dialog(member.dialog())
    router.dialog(team.dialog())
    router.notices.add(team.STATUS_KIND, team.render_status)
    router.domain_errors(t.RULES)
