"""Privacy self-service: /datenschutz, /meinedaten, /loeschen, /austreten; the retention job."""

from __future__ import annotations

from handlers.core import Ctx, Router
from handlers.core.format import esc
from handlers.privacy import erase
from handlers.privacy import texts as t
from handlers.privacy.mydata import my_data
from handlers.privacy.retention import RetentionJob


def register(router: Router) -> None:
    """Register the privacy commands, their dialogs and the daily retention job."""

    async def start_erase(ctx: Ctx) -> None:
        await router.dialogs.start(ctx, erase.ERASE, restart=True)

    async def start_leave(ctx: Ctx) -> None:
        if ctx.company is None:
            ctx.say(t.NOT_IN_COMPANY)
            return
        await router.dialogs.start(ctx, erase.LEAVE, restart=True)

    router.command("datenschutz", privacy, help=t.HELP_DATENSCHUTZ, public=True)
    router.command("meinedaten", my_data, help=t.HELP_MEINEDATEN, personal=True, public=True)
    router.command("loeschen", start_erase, help=t.HELP_LOESCHEN, personal=True,
                   public=True, aliases=("löschen",))
    router.command("austreten", start_leave, help=t.HELP_AUSTRETEN, personal=True, public=True)
    for dialog in erase.DIALOGS:
        router.dialog(dialog)
    router.jobs.append(RetentionJob())


async def privacy(ctx: Ctx) -> None:
    """Explain who is responsible, what is stored, why, for how long, and the commands."""
    cat, keep = ctx.catalogue, ctx.services.retention
    contact = cat.contact("datenschutz")
    reach = f"{contact.name} ({contact.email})" if contact.email else contact.name
    ctx.say(t.PRIVACY_FULL.format(
        responsible=esc(f"{cat.long_name}, {reach}"), contact=esc(contact.email or contact.name),
        messages=keep.messages_days, unlinked=keep.unlinked_days,
        registrations=keep.registrations_months, audit=keep.audit_months,
    ))
