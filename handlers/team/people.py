"""People for the team: find by name (`/personen`), grant and revoke admin, list admins."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.chat import Button
from handlers.core import Ctx, Notice, RenderCtx, Rendered, UsageError
from handlers.core.format import esc
from handlers.team import texts as t
from handlers.team.actions import (
    GrantAdmin,
    Keep,
    MovePick,
    MoveTo,
    RevokeAdmin,
    Unlink,
    UnlinkAsk,
)
from storage.members import companies, people
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
    more = [ctx.button(t.BTN_MOVE, MovePick(person.id))]
    if company is not None:
        more.insert(0, ctx.button(t.BTN_UNLINK, UnlinkAsk(person.id)))
    ctx.say(t.person_card(person.display_name, person.platform, person.key,
                          company.name if company else None, role),
            [buttons, more], listed=True)


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


CHANGED = "member.changed"


async def tell(ctx: Ctx, person: Person, what: str, company: str = "") -> None:
    """Tell a person what the team changed about them (not when they did it themselves)."""
    if person.id != ctx.person_id:
        await ctx.notify.person(person.id, Notice(kind=CHANGED, key="",
                                                  params={"what": what, "company": company}))


async def render_changed(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """What the team changed about the recipient (unknown kinds of change: not sent)."""
    text = t.TOLD.get(str(p.get("what")))
    return None if text is None else Rendered(text.format(company=esc(str(p.get("company")))))


async def _grant(ctx: Ctx, person_id: int) -> None:
    person = await people.grant_admin(ctx.s, person_id=person_id,
                                      admin_keys=ctx.services.admin_keys)
    ctx.audit("grant_admin", target=person.key, name=person.display_name)
    await tell(ctx, person, "admin")
    ctx.say(t.ADMIN_GRANTED.format(name=esc(t.who(person.display_name, person.key))))


async def _revoke(ctx: Ctx, person_id: int) -> None:
    person = await people.revoke_admin(ctx.s, person_id=person_id,
                                       admin_keys=ctx.services.admin_keys)
    ctx.audit("revoke_admin", target=person.key, name=person.display_name)
    await tell(ctx, person, "admin_revoked")
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


async def _person(ctx: Ctx, person_id: int) -> tuple[Person, Company | None]:
    """Return a person and their company, or say they are gone."""
    person = await people.get(ctx.s, person_id=person_id)
    if person is None:
        raise UsageError(t.PERSON_UNKNOWN)
    company = (None if person.company_id is None
               else await companies.get(ctx.s, company_id=person.company_id))
    return person, company


async def ask_unlink(ctx: Ctx, a: UnlinkAsk) -> None:
    """Ask the team to confirm unlinking a person from their company."""
    person, company = await _person(ctx, a.person_id)
    if company is None:
        raise UsageError(t.NOT_LINKED.format(name=esc(t.who(person.display_name, person.key))))
    ctx.say(t.ASK_UNLINK.format(name=esc(t.who(person.display_name, person.key)),
                                company=esc(company.name)),
            [[ctx.button(t.BTN_YES_UNLINK, Unlink(person.id, company.id)),
              ctx.button(t.BTN_NO, Keep())]])


async def unlink(ctx: Ctx, a: Unlink) -> None:
    """Unlink the person (if they are still where they were when asked)."""
    person, company = await _person(ctx, a.person_id)
    if company is None or company.id != a.company_id:
        raise UsageError(t.MOVED_MEANWHILE)
    await people.move(ctx.s, person_id=person.id, company_id=None)
    ctx.audit("person_unlink", target=person.key, name=person.display_name,
              company=company.name)
    await tell(ctx, person, "unlink", company.name)
    ctx.say(t.UNLINKED.format(name=esc(t.who(person.display_name, person.key)),
                              company=esc(company.name)))


async def move_pick(ctx: Ctx, a: MovePick) -> None:
    """Offer the companies a person can be moved to, one button each."""
    person, company = await _person(ctx, a.person_id)
    others = [c for c in await companies.all_companies(ctx.s)
              if company is None or c.id != company.id]
    ctx.say(t.MOVE_PICK.format(name=esc(t.who(person.display_name, person.key))),
            [[ctx.button(c.name[:40], MoveTo(person.id, c.id))] for c in others])


async def move_to(ctx: Ctx, a: MoveTo) -> None:
    """Link the person to the chosen company; their sign-ups stay with the old one."""
    person, old, new = await people.move(ctx.s, person_id=a.person_id,
                                         company_id=a.company_id)
    assert new is not None  # people.move refuses a company that is gone
    ctx.audit("person_move", target=person.key, name=person.display_name, company=new.name,
              old=old.name if old else None)
    await tell(ctx, person, "move", new.name)
    ctx.say(t.MOVED.format(name=esc(t.who(person.display_name, person.key)),
                           company=esc(new.name)))
