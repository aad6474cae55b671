"""`/messestand` for the cluster team: requests per fair, open one, confirm or decline it."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.core.format import esc
from handlers.core.provisional import fixes_when, names
from handlers.fairs import notices
from handlers.fairs import texts as t
from handlers.fairs.actions import (
    ConfirmFair,
    ConfirmFairFixed,
    Decide,
    KeepFairAssumed,
    OpenRequest,
)
from handlers.fairs.views import board_head, fair_head, show_request
from storage.errors import DomainError
from storage.fairs import ACTIVE, Fair, booths, queries

NOTE_DIALOG = "messe_entscheid"
OPS = {True: "confirm", False: "decline"}


def register(router: Router) -> None:
    """Register /messestand, the open and decide buttons and the note dialog."""

    async def decide(ctx: Ctx, a: Decide) -> None:
        await start_decision(ctx, router, a)

    router.command("messestand", board, admin=True, help=t.HELP_MESSESTAND)
    router.on(OpenRequest, open_request, admin=True)
    router.on(Decide, decide, admin=True)
    router.on(ConfirmFair, confirm_fair, admin=True)
    router.on(ConfirmFairFixed, confirm_fair_fixed, admin=True)
    router.on(KeepFairAssumed, keep_fair_assumed, admin=True)
    router.dialog(Dialog(NOTE_DIALOG, t.DIALOG_DECIDE_TITLE, "note", {
        "note": Step(ask_note, on_text=on_note, on_press=on_note),
    }))


async def board(ctx: Ctx) -> None:
    """Show each fair: space used / total, counts, and one message per open request."""
    for fair in await queries.list_fairs(ctx.s):
        requests = await queries.fair_requests(ctx.s, fair_id=fair.id)
        ctx.say(board_head(fair, *queries.space(requests), ctx.tz))
        open_ = [(r, c) for r, c in requests if r.status in ACTIVE]
        closed = [c.name for r, c in requests if r.status not in ACTIVE]
        if not requests:
            ctx.say(t.ADMIN_NONE)
        for req, company in open_:
            show_request(ctx, req, company)
        if closed:
            ctx.say(t.ADMIN_CLOSED.format(names=", ".join(esc(n) for n in closed)))


async def open_request(ctx: Ctx, a: OpenRequest) -> None:
    """Show one request as /messestand does, under its fair's head (from a team notice)."""
    found = await queries.request_with_fair(ctx.s, request_id=a.request_id)
    if found is None:
        ctx.say(t.GONE)
        return
    req, fair, company = found
    ctx.say(await fair_head(ctx, fair))
    show_request(ctx, req, company)


async def start_decision(ctx: Ctx, router: Router, a: Decide) -> None:
    """Start the note dialog for confirming or declining one request."""
    found = await queries.request_with_fair(ctx.s, request_id=a.request_id)
    if found is None:
        ctx.say(t.GONE)
        return
    req, fair, company = found
    if req.status not in ACTIVE or (a.confirm and req.status == "confirmed"):
        ctx.say(t.NOT_OPEN.format(status=t.STATUS.get(req.status, "")))  # stale button
        return
    await router.dialogs.start(ctx, NOTE_DIALOG, {
        "op": OPS[a.confirm], "id": req.id, "company": company.name, "title": fair.title,
    })


async def ask_note(ctx: Ctx, data: Data) -> None:
    """Ask for an optional note to the company."""
    text = t.ASK_NOTE.format(what=t.WHAT[data["op"]], company=esc(data["company"]),
                             title=esc(data["title"]))
    ctx.say(text, [[choice(ctx, t.NO_NOTE_LABEL, "-")], [cancel_button(ctx)]])


async def on_note(ctx: Ctx, data: Data, text: str) -> str:
    """Decide, tell the company (and the rest of the team), follow up, and audit."""
    note = "" if text == "-" else " ".join(text.split())[:1000]
    if not isinstance(data.get("id"), int) or data.get("op") not in t.WHAT:
        raise UsageError(t.GONE)
    try:  # every refusal comes before a write: nothing to undo when it is caught
        out = await booths.decide(ctx.s, request_id=data["id"], confirm=data["op"] == "confirm",
                                  note=note, now=ctx.now)
    except DomainError as err:
        ctx.say(_refusal(err))  # the request changed meanwhile: close the dialog, say why
        return END
    await notices.after_decision(ctx, out)
    ctx.audit(f"fair_{data['op']}", fair=out.fair.key, company=data["company"], note=note)
    ctx.say(t.DECIDED.format(company=esc(data["company"]), status=t.STATUS[out.request.status]))
    return END


def _refusal(err: DomainError) -> str:
    if err.code == "fair_full":
        return t.FULL.format(title=esc(err.info["title"]), free=err.info["free"],
                             area=err.info["area"])
    if err.code == "fair_not_open":
        return t.NOT_OPEN.format(status=t.STATUS.get(str(err.info["status"]), ""))
    return t.GONE


async def provisional_fairs(ctx: Ctx) -> tuple[list[str], list[list[Button]]]:
    """Return /bestaetigen's lines and buttons for the coming fairs with assumed values."""
    fairs = await queries.provisional(ctx.s, today=ctx.now.astimezone(ctx.tz).date())
    lines = [t.CONFIRM_LINE.format(title=esc(f.title),
                                   days=t.fair_days_text(queries.fair_dates(f), f.provisional),
                                   fields=names(f.provisional, t.PROVISIONAL_FIELDS))
             for f in fairs]
    buttons = [[ctx.button(t.CONFIRM_BUTTON.format(title=f.title[:40]), ConfirmFair(f.id))]
               for f in fairs]
    return lines, buttons


async def confirm_fair(ctx: Ctx, a: ConfirmFair) -> None:
    """Confirm a fair's assumed values; preview first when companies hear the date stands."""
    fair = await _fair(ctx, a.fair_id)
    if not fair.provisional:
        raise DomainError("fair_not_provisional", title=fair.title)
    told = await notices.fixed_audience(ctx, fair) if fixes_when(fair.provisional) else 0
    if not told:  # nobody is messaged: nothing to preview
        await confirm_fair_fixed(ctx, ConfirmFairFixed(fair.id))
        return
    ctx.say(t.CONFIRM_PREVIEW.format(
        title=esc(fair.title), days=t.fair_days_text(queries.fair_dates(fair), fair.provisional),
        setup=("," + t.setup_text(fair.setup, fair.provisional).rstrip(".")) if fair.setup else "",
        fields=names(fair.provisional, t.PROVISIONAL_FIELDS), told=t.fixed_told_text(told)),
        [[ctx.button(t.CONFIRM_YES, ConfirmFairFixed(fair.id)),
          ctx.button(t.CONFIRM_NO, KeepFairAssumed(fair.id))]], edit=True)


async def confirm_fair_fixed(ctx: Ctx, a: ConfirmFairFixed) -> None:
    """Clear the "vorläufig" marks of one fair (audited); asking companies hear the date stands."""
    fair, fields = await queries.confirm(ctx.s, fair_id=a.fair_id)
    told = await notices.fixed(ctx, fair) if fixes_when(fields) else 0
    ctx.audit("fair_provisional_confirm", fair=fair.id, title=fair.title, fields=fields,
              informed=told)
    text = t.CONFIRMED_FAIR.format(title=esc(fair.title),
                                   days=t.days_text(queries.fair_dates(fair)))
    ctx.say(text + (t.CONFIRMED_TOLD.format(n=told) if told else ""), edit=True)


async def keep_fair_assumed(ctx: Ctx, a: KeepFairAssumed) -> None:
    """"Nein" under the preview: nothing changes."""
    fair = await _fair(ctx, a.fair_id)
    ctx.say(t.CONFIRM_KEPT.format(title=esc(fair.title)), edit=True)


async def _fair(ctx: Ctx, fair_id: int) -> Fair:
    fair = await ctx.s.get(Fair, fair_id)
    if fair is None or fair.cancelled_at is not None:
        raise DomainError("fair_unknown")
    return fair
