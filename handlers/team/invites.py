"""Invite codes for the team: issue (`/einladung`), list (`/einladungen`), revoke one or all."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.core import Ctx, UsageError
from handlers.core.format import esc, fmt_dt
from handlers.team import texts as t
from handlers.team.actions import Keep, Revoke, RevokeAll, RevokeAllAsk, RevokeAsk
from storage.members import companies, invites
from storage.members.models import Company


async def one_company(ctx: Ctx, query: str, usage: str) -> Company:
    """Return the one company `query` names, or say what to type instead."""
    if not query:
        raise UsageError(usage)
    found = await companies.find(ctx.s, query=query)
    if not found:
        raise UsageError(t.INVITE_NO_COMPANY.format(query=esc(query)))
    if len(found) > 1:
        names = ", ".join(esc(c.name) for c in found[:6])
        raise UsageError(t.INVITE_AMBIGUOUS.format(query=esc(query), names=names))
    return found[0]


def _name_and_uses(args: str) -> tuple[str, int | None]:
    """Split `Firma; 3` into the company and how many people the code links."""
    name, sep, uses = args.rpartition(";")
    if not sep:
        return args.strip(), None
    if not uses.strip().isdigit():
        raise UsageError(t.INVITE_USAGE)
    return name.strip(), int(uses.strip())


async def invite(ctx: Ctx) -> None:
    """Create an invite code for a company and show the text to forward."""
    query, uses = _name_and_uses(ctx.args)
    company = await one_company(ctx, query, t.INVITE_USAGE)
    code = await invites.issue(ctx.s, company_id=company.id, created_by=ctx.person_id,
                               now=ctx.now, policy=ctx.services.invites, uses=uses)
    ctx.audit("invite", company=company.name, code=code.code, uses=code.max_uses)
    text = t.INVITE_DONE.format(
        company=esc(company.name), code=code.code, uses=t.uses(code.max_uses),
        until=fmt_dt(code.expires_at, ctx.tz),  # with the hour: it expires then, not at midnight
    )
    link_base = ctx.services.links.get("telegram")
    if link_base:
        text += t.INVITE_LINK.format(link=esc(f"{link_base}{code.code}"))
    ctx.say(text)


async def list_open(ctx: Ctx) -> None:
    """List the open codes per company, each with a button to revoke it."""
    company = await one_company(ctx, ctx.args, t.INVITE_USAGE) if ctx.args else None
    company_id = None if company is None else company.id
    found = await invites.open_codes(ctx.s, now=ctx.now, company_id=company_id)
    if not found:
        ctx.say(t.INVITES_NONE)
        return
    lines = [t.INVITES_HEAD.format(count=len(found))]
    rows = []
    last = None
    for code, co in found:
        if co.id != last:
            lines.append(f"\n<b>{esc(co.name)}</b>")
            last = co.id
        lines.append(t.invite_line(code.code, code.uses, code.max_uses,
                                   fmt_dt(code.expires_at, ctx.tz)))
        rows.append([ctx.button(t.BTN_REVOKE.format(code=code.code), RevokeAsk(code.code))])
    until = int(ctx.now.timestamp() * 1000) + 1
    rows.append([ctx.button(t.BTN_REVOKE_ALL, RevokeAllAsk(company_id, until))])
    ctx.say("\n".join(lines), rows)


async def ask_revoke(ctx: Ctx, a: RevokeAsk) -> None:
    """Ask the team to confirm revoking one code."""
    found = [(c, co) for c, co in await invites.open_codes(ctx.s, now=ctx.now)
             if c.code == a.code]
    if not found:
        raise UsageError(t.INVITE_NOT_OPEN.format(code=esc(a.code)))
    _, company = found[0]
    ctx.say(t.ASK_REVOKE.format(code=a.code, company=esc(company.name)),
            [[ctx.button(t.BTN_YES_REVOKE, Revoke(a.code)), ctx.button(t.BTN_NO, Keep())]])


async def revoke(ctx: Ctx, a: Revoke) -> None:
    """Revoke one code: it stops working at once."""
    done = await invites.revoke(ctx.s, code=a.code, now=ctx.now)
    if done is None:
        raise UsageError(t.INVITE_NOT_OPEN.format(code=esc(a.code)))
    code, company = done
    ctx.audit("invite_revoke", company=company.name, code=code.code)
    ctx.say(t.REVOKED.format(code=code.code, company=esc(company.name)))


def _until(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


async def ask_revoke_all(ctx: Ctx, a: RevokeAllAsk) -> None:
    """Ask the team to confirm revoking every open code that was listed."""
    found = [(c, co) for c, co in await invites.open_codes(ctx.s, now=ctx.now,
                                                           company_id=a.company_id)
             if c.created_at <= _until(a.until)]
    if not found:
        raise UsageError(t.INVITES_NONE)
    per: dict[str, int] = {}
    for _, co in found:
        per[co.name] = per.get(co.name, 0) + 1
    ctx.say(t.ask_revoke_all(len(found), per),
            [[ctx.button(t.BTN_YES_REVOKE, RevokeAll(a.company_id, a.until)),
              ctx.button(t.BTN_NO, Keep())]])


async def revoke_all(ctx: Ctx, a: RevokeAll) -> None:
    """Revoke every open code that was listed (codes made since stay open)."""
    done = await invites.revoke_all(ctx.s, now=ctx.now, created_until=_until(a.until),
                                    company_id=a.company_id)
    if not done:
        raise UsageError(t.INVITES_NONE)
    ctx.audit("invite_revoke_all", count=len(done),
              companies=sorted({co.name for _, co in done}))
    ctx.say(t.REVOKED_ALL.format(count=t.codes(len(done))))


async def keep(ctx: Ctx, a: Keep) -> None:
    """Answer the "Nein" of a confirmation."""
    ctx.say(t.KEPT)
