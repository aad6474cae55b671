"""Personal reminders (/erinnerung) and the overview of everything planned (/erinnerungen).

`dialog` (/erinnerung and its Ja/Nein dialog), `listing` (/erinnerungen: delete own
reminders, switch kinds on/off), `notices` (the personal reminder's renderer), `texts`.
"""

from __future__ import annotations

from handlers.core import Ctx, Dialog, Router
from handlers.core.format import plural
from handlers.reminders import dialog, listing, notices
from handlers.reminders import texts as t
from storage.reminders import PERSONAL


def register(router: Router) -> None:
    """Register /erinnerung, /erinnerungen, their buttons, the dialog and the reminder kind."""

    async def create(ctx: Ctx) -> None:
        await dialog.create(ctx, router)

    async def overview(ctx: Ctx) -> None:
        await listing.overview(ctx, router)

    async def switch(ctx: Ctx, a: listing.SwitchKind) -> None:
        await listing.switch(ctx, a, router)

    router.command("erinnerung", create, personal=True, help=t.HELP_ERINNERUNG)
    router.command("erinnerungen", overview, personal=True, help=t.HELP_ERINNERUNGEN)
    router.on(listing.Delete, listing.delete, public=True)  # switching off always works
    router.on(listing.SwitchKind, switch, public=True)
    router.dialog(Dialog(dialog.DIALOG, t.TITLE, "when", dialog.STEPS))
    router.notices.add(PERSONAL, notices.render_personal)
    router.domain_errors({"too_many_reminders": lambda e: t.TOO_MANY.format(
        count=plural(int(str(e.info["max"])), "Erinnerung", "Erinnerungen"))})
