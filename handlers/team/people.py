"""People for the team: find by name (`/personen`), grant and revoke admin, list admins."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import Ctx, UsageError
from handlers.core.format import esc
from handlers.team import texts as t
from handlers.team.actions import GrantAdmin, RevokeAdmin
from storage.members import people
from storage.members.models import Company, Person


async def find(ctx: Ctx) -> None:
    """List the people whose name (or `platform:id`) matches, each with its buttons."""
    if not ctx.args:
        raise UsageError(t.PEOPLE_USAGE)
    found = await people.search(ctx.s, query=ctx.args, limit=t.PEOPLE_MAX + 1)
    if not found:
        raise UsageError(t.PEOPLE_NONE.format(query=esc(ctx.args)))
    ctx.say(t.people_head(ctx.args, len(found), more=len(found) > t.PEOPLE_MAX))
    for person, company in found[:t.PEOPLE_MAX]:
        show_person(ctx, person, company)


def show_person(ctx: Ctx, person: Person, company: Company | None) -> None:
    """Say who a person is, with the buttons the team can press for them."""
    from_settings = person.key in ctx.services.admin_keys
    role = t.role(person.role == "admin" or from_settings, from_settings)
    buttons: list[Button] = []
    if not from_settings:
        buttons.append(ctx.button(t.BTN_REVOKE_ADMIN, RevokeAdmin(person.id))
                       if person.role == "admin"
                       else ctx.button(t.BTN_GRANT_ADMIN, GrantAdmin(person.id)))
    ctx.say(t.person_card(person.display_name, person.platform, person.key,
                          company.name if company else None, role),
            [buttons], listed=True)


async def _one(ctx: Ctx, usage: str) -> Person | None:
    """Return the one person the arguments name; None after listing several to pick from."""
    query = ctx.args.strip()
    if not query:
        raise UsageError(usage)
    if ":" in query:
        by_key = await people.by_key(ctx.s, query)
        if by_key is not None:
            return by_key
    found = await people.search(ctx.s, query=query, limit=t.PEOPLE_MAX + 1)
    if not found:
        raise UsageError(t.PEOPLE_NONE.format(query=esc(query)))
    if len(found) == 1:
        return found[0][0]
    ctx.say(t.PEOPLE_PICK)
    for person, company in found[:t.PEOPLE_MAX]:
        show_person(ctx, person, company)
    return None


async def grant_command(ctx: Ctx) -> None:
    """`/admin Name` or `/admin platform:id`: make a known person admin."""
    person = await _one(ctx, t.ADMIN_USAGE)
    if person is not None:
        await _grant(ctx, person.id)


async def revoke_command(ctx: Ctx) -> None:
    """`/admin_entziehen Name`: take the admin role away (never from ADMINS)."""
    person = await _one(ctx, t.REVOKE_USAGE)
    if person is not None:
        await _revoke(ctx, person.id)


async def grant(ctx: Ctx, a: GrantAdmin) -> None:
    """The "Admin machen" button."""
    await _grant(ctx, a.person_id)


async def revoke(ctx: Ctx, a: RevokeAdmin) -> None:
    """The "Admin entziehen" button."""
    await _revoke(ctx, a.person_id)


async def _grant(ctx: Ctx, person_id: int) -> None:
    person = await people.grant_admin(ctx.s, person_id=person_id)
    ctx.audit("grant_admin", target=person.key, name=person.display_name)
    ctx.say(t.ADMIN_GRANTED.format(name=esc(t.who(person.display_name, person.key))))


async def _revoke(ctx: Ctx, person_id: int) -> None:
    person = await people.revoke_admin(ctx.s, person_id=person_id,
                                       admin_keys=ctx.services.admin_keys)
    ctx.audit("revoke_admin", target=person.key, name=person.display_name)
    if person.id == ctx.person_id:
        ctx.is_admin = False
    ctx.say(t.ADMIN_REVOKED.format(name=esc(t.who(person.display_name, person.key))))


async def list_admins(ctx: Ctx) -> None:
    """List the admins: those from ADMINS (settings) and those granted in chat."""
    keys = ctx.services.admin_keys
    known = await people.admins(ctx.s, admin_keys=keys)
    lines = [t.ADMINS_HEAD.format(count=len(known) + len(keys - {p.key for p in known}))]
    for p in sorted(known, key=lambda p: (p.key not in keys, p.display_name.casefold())):
        lines.append(t.admin_line(t.who(p.display_name, p.key), from_settings=p.key in keys))
    for key in sorted(keys - {p.key for p in known}):
        lines.append(t.admin_line(key, from_settings=True, never_wrote=True))
    lines.append(t.ADMINS_FOOT)
    ctx.say("\n".join(lines))
