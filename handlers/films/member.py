"""`/film`: a company's interest in the film series; picking a group, withdrawing from it."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import END, Ctx, Dialog, Step, UsageError, cancel_button
from handlers.core.dialogs import Data, Dialogs
from handlers.core.format import esc
from handlers.films import notices
from handlers.films import texts as t
from handlers.films.actions import Keep, Pick, Withdraw, WithdrawAsk
from storage.errors import DomainError
from storage.films import queries, service
from storage.films.models import FilmInterest
from storage.films.rules import FilmConfig
from storage.members.models import Company

DIALOG = "film"


def config(ctx: Ctx) -> FilmConfig:
    """Return the film series from the catalogue."""
    return FilmConfig.from_catalogue(ctx.catalogue)


def dialog() -> Dialog:
    """Return the dialog that asks for the profession of the picked group."""
    return Dialog(DIALOG, t.DIALOG_TITLE, "desc", {"desc": Step(ask_desc, on_text=save)})


async def show(ctx: Ctx) -> None:
    """Show the groups (taken ones marked) and the company's own interest."""
    cfg = config(ctx)
    rows = await queries.interests(ctx.s)
    holders = {f.group_key: (f, c) for f, c in rows if f.group_key is not None}
    lines = [t.HEAD.format(title=esc(cfg.title), max=cfg.max_films)]
    for key, label in cfg.groups.items():
        if key in holders:
            f, c = holders[key]
            state = t.STATE_ASSIGNED if f.assigned else t.STATE_INTEREST
            lines.append(t.GROUP_TAKEN.format(label=esc(label), company=esc(c.name), state=state))
        else:
            lines.append(t.GROUP_FREE.format(label=esc(label)))
    own = next((f for f, c in rows if ctx.company and c.id == ctx.company.id), None)
    lines.append(_own_text(own, cfg))
    ctx.say("\n".join(lines), _buttons(ctx, own, holders, cfg))


def _buttons(ctx: Ctx, own: FilmInterest | None,
             holders: dict[str, tuple[FilmInterest, Company]],
             cfg: FilmConfig) -> list[list[Button]]:
    if ctx.company is None:
        return []
    rows = []
    if not (own and own.assigned) and len(holders) < cfg.max_films:
        rows = [[ctx.button(label, Pick(key))] for key, label in cfg.groups.items()
                if key not in holders or (own and own.group_key == key)]
    if own is not None and own.group_key:
        rows.append([ctx.button(t.BTN_WITHDRAW, WithdrawAsk(own.id, own.group_key))])
    return rows


def _own_text(own: FilmInterest | None, cfg: FilmConfig) -> str:
    if own is None:
        return t.OWN_NONE
    if own.group_key is None:
        return t.OWN_NO_GROUP
    group = esc(cfg.label(own.group_key))
    if own.assigned:
        return t.OWN_ASSIGNED.format(group=group)
    desc = (own.description or "").rstrip(" .")  # the text adds its own full stop
    return t.OWN_OPEN.format(group=group, desc=f" – {esc(desc)}" if desc else "")


async def pick(ctx: Ctx, a: Pick, dialogs: Dialogs) -> None:
    """Start the dialog for the chosen group (refused first if it cannot be had)."""
    if a.group not in config(ctx).groups or ctx.company is None:
        raise UsageError(t.BAD_GROUP)
    # an old button may name a group another company took meanwhile: say so before asking
    await service.check_pick(ctx.s, company_id=ctx.company.id, group_key=a.group,
                             cfg=config(ctx))
    await dialogs.start(ctx, DIALOG, {"group": a.group})


async def ask_desc(ctx: Ctx, data: Data) -> None:
    """Ask for a short description of the profession."""
    ctx.say(t.ASK_DESC.format(group=esc(config(ctx).label(data["group"]))),
            [[cancel_button(ctx)]])


async def save(ctx: Ctx, data: Data, text: str) -> str:
    """Store the interest (refused with the reason when the group was taken meanwhile)."""
    if ctx.company is None:
        raise UsageError(t.BAD_GROUP)
    try:  # the service refuses before it changes anything
        row = await service.register_interest(ctx.s, company_id=ctx.company.id,
                                        group_key=data["group"],
                                        description=text.strip()[:1000], now=ctx.now,
                                        cfg=config(ctx))
    except DomainError as err:
        ctx.say(t.RULES[err.code](err))
        return END
    await notices.tell_interest(ctx.notify, interest_id=row.id, group=data["group"],
                                exclude=ctx.person_id)
    ctx.say(t.SAVED.format(group=esc(config(ctx).label(data["group"]))))
    return END


async def ask_withdraw(ctx: Ctx, a: WithdrawAsk) -> None:
    """Ask a member to confirm withdrawing their own company from its film."""
    label = config(ctx).label(a.group)
    if await queries.holding(ctx.s, interest_id=a.interest_id, group_key=a.group,
                             company_id=ctx.company_id) is None:
        raise UsageError(t.not_held(label))
    ctx.say(t.ASK_WITHDRAW.format(group=esc(label)),
            [[ctx.button(t.BTN_WITHDRAW_YES, Withdraw(a.interest_id, a.group)),
              ctx.button(t.BTN_NO, Keep())]])


async def withdraw(ctx: Ctx, a: Withdraw) -> None:
    """Withdraw the member's company from its film, audit it and tell the team once."""
    if ctx.company is None:
        raise UsageError(t.not_held(config(ctx).label(a.group)))
    row, company = await service.release(ctx.s, interest_id=a.interest_id, group_key=a.group,
                                         now=ctx.now, cfg=config(ctx),
                                         company_id=ctx.company.id)
    ctx.audit("film_withdraw", company=company.name, group=a.group)
    await notices.tell_withdrawn(ctx.notify, company=company.name, interest_id=row.id,
                                 group=a.group, exclude=ctx.person_id)
    ctx.say(t.WITHDRAWN.format(group=esc(config(ctx).label(a.group))))


async def keep(ctx: Ctx, a: Keep) -> None:
    """Answer the "Nein" of a confirmation."""
    ctx.say(t.KEPT)


async def overview_section(ctx: Ctx) -> list[str]:
    """Contribute the company's film interest to /meine."""
    if ctx.company is None:
        return []
    own = await queries.of_company(ctx.s, company_id=ctx.company.id)
    if own is None:
        return []
    if own.group_key is None:
        return [t.MINE_NO_GROUP]
    cfg = config(ctx)
    state = t.STATE_ASSIGNED if own.assigned else t.STATE_INTEREST
    return [t.MINE.format(title=esc(cfg.title), group=esc(cfg.groups.get(own.group_key, "")),
                          state=state)]
