"""Media days: a company books a visit of the media team (`/medientag`); the team confirms,
proposes another day or declines (`/medientage`) and offers days (`/medientag_tage`).

Modules: `member` (the company's side), `booking` and `wishes` (the booking and move
dialogs), `team` (overview, answers, export), `offers` (offered days), `notices` (what the
company and the team are told, reminders, the monthly nudge), `view` (how a media day reads),
`actions` (the buttons), `texts` (German).
"""

from __future__ import annotations

from handlers.core import Router
from handlers.media_days import booking, member, notices, offers, team
from handlers.media_days import texts as t
from handlers.media_days.actions import (
    Accept,
    Change,
    Confirm,
    Decline,
    Move,
    NudgeOff,
    OpenRequest,
    Propose,
    Reject,
    Request,
    SetState,
    Withdraw,
)


def register(router: Router) -> None:
    """Register the media day commands, buttons, dialogs, notices, export and nudge job."""
    dialogs = router.dialogs
    router.command("medientag", member.show, help=t.HELP_MEDIENTAG, linked=True,
                   personal=True)
    router.command("medientage", team.overview, help=t.HELP_MEDIENTAGE, admin=True)
    router.command("medientag_tage", offers.offer_days, help=t.HELP_MEDIENTAG_TAGE, admin=True)
    # the company's buttons
    router.on(Request, lambda ctx, a: member.start_request(ctx, dialogs), linked=True)
    router.on(SetState, lambda ctx, a: member.set_state(ctx, a, dialogs), linked=True)
    router.on(Change, lambda ctx, a: member.start_change(ctx, a, dialogs), linked=True)
    router.on(Move, lambda ctx, a: member.start_move(ctx, a, dialogs), linked=True)
    router.on(Withdraw, member.withdraw, linked=True)
    router.on(Accept, member.accept, linked=True)
    router.on(Reject, member.reject, linked=True)
    router.on(NudgeOff, member.nudge_off, public=True)  # switching off always works
    # the team's buttons
    router.on(Confirm, team.confirm, admin=True)
    router.on(OpenRequest, team.open_request, admin=True)
    router.on(Propose, lambda ctx, a: team.open_dialog(ctx, a.md_id, team.PROPOSE, dialogs),
              admin=True)
    router.on(Decline, lambda ctx, a: team.open_dialog(ctx, a.md_id, team.DECLINE, dialogs),
              admin=True)
    for dialog in (*booking.dialogs(), *team.dialogs()):
        router.dialog(dialog)
    notices.register(router)
    router.domain_errors(t.RULES)
    router.overview.add(member.overview_section)
    router.exports.add("medientage", t.EXPORT_LABEL, team.export)
