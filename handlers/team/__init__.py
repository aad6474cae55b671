"""The cluster team's commands: invites, companies, admins, the audit log."""

from __future__ import annotations

from handlers.core import Ctx, Router, UsageError
from handlers.core.format import esc, fmt_dt
from handlers.team import invites
from handlers.team import people as people_
from handlers.team import texts as t
from handlers.team.actions import (
    GrantAdmin,
    Keep,
    Revoke,
    RevokeAdmin,
    RevokeAll,
    RevokeAllAsk,
    RevokeAsk,
)
from storage import audit
from storage.members import companies, people


def register(router: Router) -> None:
    """Register the admin commands."""
    router.command("einladung", invites.invite, help=t.HELP_EINLADUNG, admin=True,
                   personal=True)
    router.command("einladungen", invites.list_open, help=t.HELP_EINLADUNGEN, admin=True,
                   personal=True)
    router.on(RevokeAsk, invites.ask_revoke, admin=True)
    router.on(Revoke, invites.revoke, admin=True)
    router.on(RevokeAllAsk, invites.ask_revoke_all, admin=True)
    router.on(RevokeAll, invites.revoke_all, admin=True)
    router.on(Keep, invites.keep, admin=True)
    router.command("firma_neu", add_company, help=t.HELP_FIRMA_NEU, admin=True)
    router.command("firmen", list_companies, help=t.HELP_FIRMEN, admin=True)
    router.command("admin", people_.grant_command, help=t.HELP_ADMIN, admin=True)
    router.command("admin_entziehen", people_.revoke_command, help=t.HELP_ADMIN_ENTZIEHEN,
                   admin=True)
    router.command("admins", people_.list_admins, help=t.HELP_ADMINS, admin=True)
    router.command("personen", people_.find, help=t.HELP_PERSONEN, admin=True, personal=True)
    router.on(GrantAdmin, people_.grant, admin=True)
    router.on(RevokeAdmin, people_.revoke, admin=True)
    router.command("protokoll", show_audit, help=t.HELP_PROTOKOLL, admin=True)
    router.domain_errors({
        "cluster_full": lambda e: t.CLUSTER_FULL.format(max=e.info["max"]),
        "company_exists": lambda e: t.COMPANY_EXISTS.format(name=esc(e.info["name"])),
        "bad_state": lambda e: t.COMPANY_BAD_STATE.format(state=esc(e.info["state"])),
        "company_unknown": lambda e: t.COMPANY_UNKNOWN,
        "invite_bad_uses": lambda e: t.INVITE_USAGE,
        "person_unknown": lambda e: t.PERSON_UNKNOWN,
        "admin_from_settings": lambda e: t.ADMIN_FROM_SETTINGS.format(key=esc(e.info["key"])),
        "not_admin": lambda e: t.NOT_ADMIN.format(key=esc(e.info["key"])),
        "last_admin": lambda e: t.LAST_ADMIN.format(key=esc(e.info["key"])),
    })


STATES = {"BB": "BB", "SN": "SN", "BRANDENBURG": "BB", "SACHSEN": "SN"}


async def add_company(ctx: Ctx) -> None:
    """Add a member company: `Name; BB|SN; Ort`."""
    parts = _company_parts(ctx.args)
    if not parts or not parts[0]:
        raise UsageError(t.COMPANY_USAGE)
    typed = parts[1] if len(parts) > 1 and parts[1] else None
    state = STATES.get(typed.upper(), typed.upper()) if typed else None
    if typed and state not in ("BB", "SN"):  # echo it as typed, not upper-cased
        raise UsageError(t.COMPANY_BAD_STATE.format(state=esc(typed)))
    city = "; ".join(parts[2:]) if len(parts) > 2 and parts[2] else None
    company = await companies.create(ctx.s, name=parts[0], state=state, city=city,
                                     max_members=ctx.catalogue.max_members)
    ctx.audit("company_add", company=company.name, state=state, city=city)
    ctx.say(t.COMPANY_ADDED.format(
        name=esc(company.name), state=t.STATE_NAMES.get(state, state),
        city=f", {esc(city)}" if city else "",
    ))


def _company_parts(args: str) -> list[str]:
    """Split `Name; BB|SN; Ort`; also `Name, BB, Ort` (commas only when a state follows)."""
    if ";" not in args:
        commas = [p.strip() for p in args.split(",")]
        if len(commas) > 1 and commas[1].upper() in STATES:
            return [commas[0], commas[1], ", ".join(commas[2:])]
    return [p.strip() for p in args.split(";")]


async def list_companies(ctx: Ctx) -> None:
    """List the member companies with state, city and how many people use the bot."""
    all_ = await companies.all_companies(ctx.s)
    counts = await people.member_counts(ctx.s)
    lines = [t.COMPANIES_HEAD.format(count=len(all_), max=ctx.catalogue.max_members)]
    lines += [t.company_line(c.name, c.state, c.city, counts.get(c.id, 0)) for c in all_]
    ctx.say("\n".join(lines))


async def show_audit(ctx: Ctx) -> None:
    """Show the newest admin actions."""
    lines = [t.AUDIT_HEAD]
    for entry in await audit.recent(ctx.s):
        detail = ", ".join(f"{k}={v}" for k, v in sorted(entry.detail.items()))
        lines.append(f"• {fmt_dt(entry.at, ctx.tz)} {esc(entry.actor)}: {esc(entry.action)} "
                     f"{esc(detail)}")
    ctx.say("\n".join(lines))
