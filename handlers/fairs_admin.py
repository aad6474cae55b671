"""`/messestand` for the cluster team: requests per fair, confirm or decline with a note."""

from __future__ import annotations

from datetime import date

from handlers import fairs_notify as notify
from handlers.context import Ctx
from handlers.dialogs import END, Data, Dialog, Step, cancel_button, choice
from handlers.router import Router
from handlers.texts import fairs as t
from handlers.texts.common import esc
from storage import audit, companies, fairs, fairs_read
from storage.errors import DomainError
from storage.models import BoothRequest, Company, Fair
from storage.models.fairs import ACTIVE


def register(router: Router) -> None:
    """Register /messestand, the decide buttons and the note dialog."""
    router.command("messestand", overview, admin=True,
                   help=t.HELP_MESSESTAND)
    router.action("fair.decide", lambda ctx: decide(ctx, router), admin=True)
    router.dialog(Dialog("messe_entscheid", t.DIALOG_DECIDE_TITLE, "note", {
        "note": Step(ask_note, on_text=on_note, on_press=on_note),
    }))


async def overview(ctx: Ctx) -> None:
    """Show each fair: space used / total, counts, and one message per open request."""
    for fair in await fairs_read.list_fairs(ctx.db):
        requests = await fairs_read.fair_requests(ctx.db, fair_id=fair.id)  # type: ignore[arg-type]
        used, requested, confirmed, waiting = fairs.space(requests)
        ctx.say(t.ADMIN_HEAD.format(
            title=esc(fair.title), days=t.days_text(fairs.fair_dates(fair)),
            place=esc(fair.place), deadline=t.deadline_text(fair.deadline, ctx.tz), used=used,
            total=fair.capacity_m2, requested=requested, confirmed=confirmed, waiting=waiting,
        ))
        open_ = [(r, c) for r, c in requests if r.status in ("requested", "waiting", "confirmed")]
        closed = [c.name for r, c in requests if (r, c) not in open_]
        if not requests:
            ctx.say(t.ADMIN_NONE)
        for req, company in open_:
            _show_request(ctx, req, company)
        if closed:
            ctx.say(t.ADMIN_CLOSED.format(names=", ".join(esc(n) for n in closed)))


def _show_request(ctx: Ctx, req: BoothRequest, company: Company) -> None:
    kit = [label for attr, label in t.EQUIPMENT.items() if getattr(req, attr)]
    days = [date.fromisoformat(d) for d in req.days]
    summary = t.summary(days, req.staff, kit, req.area_m2, req.professions, req.activity)
    buttons = [ctx.button(t.DECLINE_LABEL, "fair.decide", "decline", req.id)]
    if req.status != "confirmed":
        buttons.insert(0, ctx.button(t.CONFIRM_LABEL, "fair.decide", "confirm", req.id))
    ctx.say(t.ADMIN_ITEM.format(company=esc(company.name), status=t.STATUS[req.status],
                                summary=summary), [buttons])


async def decide(ctx: Ctx, router: Router) -> None:
    """Start the note dialog for confirming or declining one request."""
    op, _, rid = ctx.args.partition(" ")
    found = await fairs_read.get_request(ctx.db, request_id=int(rid))
    if found is None or op not in t.WHAT:
        ctx.say(t.GONE)
        return
    req, fair = found
    if req.status not in ACTIVE or (op == "confirm" and req.status == "confirmed"):
        ctx.say(t.NOT_OPEN.format(status=t.STATUS.get(req.status, "")))  # stale button
        return
    company = await companies.get(ctx.db, company_id=req.company_id)
    assert company is not None
    await router.dialogs.start(ctx, "messe_entscheid", {
        "op": op, "id": req.id, "company": company.name, "title": fair.title,
    })


async def ask_note(ctx: Ctx, data: Data) -> None:
    """Ask for an optional note to the company."""
    text = t.ASK_NOTE.format(what=t.WHAT[data["op"]], company=esc(data["company"]),
                             title=esc(data["title"]))
    ctx.say(text, [[choice(ctx, t.NO_NOTE_LABEL, "-")], [cancel_button(ctx)]])


async def on_note(ctx: Ctx, data: Data, text: str) -> str:
    """Decide, tell the company at once, re-plan its reminders, and audit."""
    note = "" if text == "-" else " ".join(text.split())[:1000]
    confirm = data["op"] == "confirm"
    try:
        out = await fairs.decide(ctx.db, request_id=data["id"], confirm=confirm, note=note,
                                 now=ctx.now)
    except DomainError as err:
        ctx.say(_refusal(err))  # the request changed meanwhile: close the dialog, say why
        return END
    key = f"fair.answer:{out.request.id}:{data['op']}"
    await notify.tell_company(ctx.db, company_id=out.request.company_id, key=key,
                              text=_answer(out.fair, out.request, note), now=ctx.now)
    await notify.tell_promoted(ctx.db, out.promoted, out.fair, ctx.now)
    cat = ctx.services.catalogue
    await notify.exhibitor_reminders(ctx.db, cat, out.fair, out.request, ctx.now)
    await ctx.services.planned()
    await audit.record(ctx.db, actor=ctx.person.key, action=f"fair_{data['op']}", now=ctx.now,
                       fair=out.fair.key, company=data["company"], note=note)
    ctx.say(t.DECIDED.format(company=esc(data["company"]),
                             status=t.STATUS[out.request.status]))
    return END


def _refusal(err: DomainError) -> str:
    if err.code == "fair_full":
        return t.FULL.format(title=esc(err.info["title"]), free=err.info["free"],
                             area=err.info["area"])
    if err.code == "fair_not_open":
        return t.NOT_OPEN.format(status=t.STATUS.get(str(err.info["status"]), ""))
    return t.GONE


def _answer(fair: Fair, req: BoothRequest, note: str) -> str:
    days = [date.fromisoformat(d) for d in req.days]
    if req.status == "confirmed":
        text = t.CONFIRMED.format(title=esc(fair.title), days=t.days_text(days), setup=fair.setup)
    else:
        text = t.DECLINED.format(title=esc(fair.title))
    return text + (t.NOTE.format(note=esc(note)) if note else "")
