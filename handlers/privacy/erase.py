"""/loeschen (erase the person, after a Ja/Nein question) and /austreten (leave the company)."""

from __future__ import annotations

from handlers.core import END, Ctx, Dialog, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.core.format import esc
from handlers.events import notices as event_notices
from handlers.privacy import texts as t
from storage import privacy

ERASE = "privacy_erase"
LEAVE = "privacy_leave"


async def ask_erase(ctx: Ctx, data: Data) -> None:
    """Say what erasing does and ask "Ja, alles löschen" / "Nein"."""
    ctx.say(t.ASK_ERASE, [[choice(ctx, t.ERASE_YES, "yes"), choice(ctx, t.ERASE_NO, "no")],
                          [cancel_button(ctx)]])


async def on_erase(ctx: Ctx, data: Data, value: str) -> str:
    """Erase on "yes": people waiting move up and are told; audited without personal data."""
    if value != "yes":
        ctx.say(t.KEPT)
        return END
    erased = await privacy.erase(ctx.s, person_id=ctx.person_id, now=ctx.now)
    for event, promoted in erased.promoted:
        await event_notices.moved_up(ctx.notify, event, promoted, ctx.tz)
    ctx.company = None
    # ctx.person is the anonymised row now: the entry says what happened, not to whom.
    ctx.audit("privacy_erase", rows=erased.deleted,
              moved_up=sum(len(p) for _, p in erased.promoted))
    ctx.say(t.ERASED)
    return END


async def ask_leave(ctx: Ctx, data: Data) -> None:
    """Ask whether to leave the company."""
    if ctx.company is None:
        raise UsageError(t.NOT_IN_COMPANY)
    ctx.say(t.ASK_LEAVE.format(company=esc(ctx.company.name)),
            [[choice(ctx, t.LEAVE_YES, "yes"), choice(ctx, t.LEAVE_NO, "no")],
             [cancel_button(ctx)]])


async def on_leave(ctx: Ctx, data: Data, value: str) -> str:
    """Leave the company on "yes" (audited)."""
    if ctx.company is None:
        ctx.say(t.NOT_IN_COMPANY)
        return END
    if value != "yes":
        ctx.say(t.STAYED.format(company=esc(ctx.company.name)))
        return END
    left = await privacy.leave_company(ctx.s, person_id=ctx.person_id)
    ctx.company = None
    name = left.name if left is not None else ""
    ctx.audit("privacy_leave", company=name)
    ctx.say(t.LEFT.format(company=esc(name)))
    return END


DIALOGS = (
    Dialog(ERASE, t.ERASE_TITLE, "confirm", {"confirm": Step(ask_erase, on_press=on_erase)}),
    Dialog(LEAVE, t.LEAVE_TITLE, "confirm", {"confirm": Step(ask_leave, on_press=on_leave)}),
)
