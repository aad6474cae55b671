"""Film series: the team removes a company from its film, a member withdraws their own."""

from __future__ import annotations

from handlers.context import Ctx
from handlers.router import Router
from handlers.texts import films as t
from handlers.texts.common import esc
from storage import audit, films, outbox, people
from storage.errors import DomainError
from storage.films import FilmConfig
from storage.models import Person

CONTACT = "filmserie"  # catalogue contact key; unknown keys fall back to the team (all admins)


def register(router: Router) -> None:
    """Register the remove (team) and withdraw (member) actions with their confirmations."""
    router.action("film.remove_ask", ask_remove, admin=True)
    router.action("film.remove", remove, admin=True)
    router.action("film.withdraw_ask", ask_withdraw, linked=True)
    router.action("film.withdraw", withdraw, linked=True)
    router.action("film.keep", keep)


def _cfg(ctx: Ctx) -> FilmConfig:
    return FilmConfig.from_catalogue(ctx.services.catalogue)


def _args(ctx: Ctx) -> tuple[int, str]:
    interest_id, key = ctx.args.split()
    return int(interest_id), key


async def _holder(ctx: Ctx, interest_id: int, key: str, company_id: int | None = None) -> str:
    """Return the company name still holding the group, or refuse as a stale button."""
    for f, c in await films.interests(ctx.db):
        if f.id == interest_id and f.group_key == key and company_id in (None, c.id):
            return c.name
    raise DomainError("film_not_held", group=_cfg(ctx).groups.get(key, key))


async def ask_remove(ctx: Ctx) -> None:
    """Ask the team to confirm removing a company from its film."""
    interest_id, key = _args(ctx)
    name = await _holder(ctx, interest_id, key)
    ctx.say(t.ASK_REMOVE.format(company=esc(name), group=esc(_cfg(ctx).groups.get(key, key))),
            [[ctx.button(t.BTN_REMOVE_YES, "film.remove", interest_id, key),
              ctx.button(t.BTN_NO, "film.keep")]])


async def remove(ctx: Ctx) -> None:
    """Remove the company from its film, audit it and tell the company once."""
    interest_id, key = _args(ctx)
    cfg = _cfg(ctx)
    row, company = await films.release(ctx.db, interest_id=interest_id, group_key=key,
                                       now=ctx.now, cfg=cfg)
    group = esc(cfg.groups.get(key, key))
    await audit.record(ctx.db, actor=ctx.person.key, action="film_remove", now=ctx.now,
                       company=company.name, group=key)
    text = t.NOTICE_REMOVED.format(title=esc(cfg.title), group=group)
    for p in await people.members_of(ctx.db, company_id=company.id):  # type: ignore[arg-type]
        if p.unreachable_at is not None:
            continue
        await outbox.plan(ctx.db, person_id=p.id, kind="film.removed", due_at=ctx.now,  # type: ignore[arg-type]
                          text=text, now=ctx.now, urgent=True,
                          dedupe_key=f"film.removed:{row.id}:{key}:{ctx.now.isoformat()}:{p.id}")
    await ctx.services.planned()
    ctx.say(t.REMOVED.format(company=esc(company.name), group=group))


async def ask_withdraw(ctx: Ctx) -> None:
    """Ask a member to confirm withdrawing their own company from its film."""
    interest_id, key = _args(ctx)
    assert ctx.company is not None
    await _holder(ctx, interest_id, key, ctx.company.id)
    ctx.say(t.ASK_WITHDRAW.format(group=esc(_cfg(ctx).groups.get(key, key))),
            [[ctx.button(t.BTN_WITHDRAW_YES, "film.withdraw", interest_id, key),
              ctx.button(t.BTN_NO, "film.keep")]])


async def withdraw(ctx: Ctx) -> None:
    """Withdraw the member's company from its film, audit it and tell the team once."""
    interest_id, key = _args(ctx)
    assert ctx.company is not None
    cfg = _cfg(ctx)
    row, company = await films.release(ctx.db, interest_id=interest_id, group_key=key,
                                       now=ctx.now, cfg=cfg, company_id=ctx.company.id)
    group = esc(cfg.groups.get(key, key))
    await audit.record(ctx.db, actor=ctx.person.key, action="film_withdraw", now=ctx.now,
                       company=company.name, group=key)
    text = t.TEAM_WITHDRAWN.format(title=esc(cfg.title), company=esc(company.name), group=group)
    for p in await _team(ctx):
        if p.id == ctx.person.id:
            continue
        await outbox.plan(ctx.db, person_id=p.id, kind="film.team", due_at=ctx.now,  # type: ignore[arg-type]
                          text=text, now=ctx.now, urgent=True,
                          dedupe_key=f"film.team:{row.id}:{key}:{ctx.now.isoformat()}:{p.id}")
    await ctx.services.planned()
    ctx.say(t.WITHDRAWN.format(group=group))


async def keep(ctx: Ctx) -> None:
    """Answer the "Nein" of a confirmation."""
    ctx.say(t.KEPT)


async def _team(ctx: Ctx) -> list[Person]:
    """Return the catalogue's film contact if the bot knows it, else every admin."""
    key = ctx.services.catalogue.contact(CONTACT).admin
    return await people.contact_or_admins(ctx.db, contact_key=key,
                                          admin_keys=ctx.services.admin_keys)
