"""`/film` and `/filme`: interest in the YouTube series "Berufe mit Zukunft"."""

from __future__ import annotations

from handlers import films_remove
from handlers.context import Ctx, UsageError
from handlers.dialogs import END, Data, Dialog, Step, cancel_button
from handlers.exports import Table
from handlers.router import Router
from handlers.texts import films as t
from handlers.texts.common import esc
from storage import audit, films, outbox, people
from storage.errors import DomainError
from storage.films import FilmConfig
from storage.models import FilmInterest

DIALOG = "film"


def register(router: Router) -> None:
    """Register the film series commands, dialog and export."""
    router.command("film", show, help=t.HELP_FILM,
                   linked=True, personal=True)
    router.command("filme", admin_list, help=t.HELP_FILME, admin=True)
    router.action("film.pick", lambda ctx: pick(ctx, router), linked=True)
    router.action("film.choose", pick_group, admin=True)
    router.action("film.assign", assign, admin=True)
    router.dialog(Dialog(DIALOG, t.DIALOG_TITLE, "desc", {"desc": Step(ask_desc, on_text=save)}))
    router.domain_errors(t.RULES)
    router.reminder_kinds.update(t.KIND_LABELS)
    router.exports.add("filme", t.EXPORT_LABEL, export)
    router.overview.add(overview_section)
    films_remove.register(router)


def _cfg(ctx: Ctx) -> FilmConfig:
    return FilmConfig.from_catalogue(ctx.services.catalogue)


async def show(ctx: Ctx) -> None:
    """Show the groups (taken ones marked) and the company's own interest."""
    cfg = _cfg(ctx)
    rows = await films.interests(ctx.db)
    holders = {f.group_key: (f, c) for f, c in rows if f.group_key}
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
    buttons = []
    if ctx.company is not None and not (own and own.assigned) and len(holders) < cfg.max_films:
        buttons = [[ctx.button(label, "film.pick", key)] for key, label in cfg.groups.items()
                   if key not in holders or (own and own.group_key == key)]
    if ctx.company is not None and own is not None and own.group_key:
        buttons.append([ctx.button(t.BTN_WITHDRAW, "film.withdraw_ask", own.id, own.group_key)])
    ctx.say("\n".join(lines), buttons)


def _own_text(own: FilmInterest | None, cfg: FilmConfig) -> str:
    if own is None:
        return t.OWN_NONE
    if own.group_key is None:
        return t.OWN_NO_GROUP
    group = esc(cfg.groups.get(own.group_key, own.group_key))
    if own.assigned:
        return t.OWN_ASSIGNED.format(group=group)
    desc = (own.description or "").rstrip(" .")  # the text adds its own full stop
    return t.OWN_OPEN.format(group=group, desc=f" – {esc(desc)}" if desc else "")


async def pick(ctx: Ctx, router: Router) -> None:
    """Start the dialog for the chosen group."""
    if ctx.args not in _cfg(ctx).groups or ctx.company is None:
        raise UsageError(t.RULES["film_bad_group"](DomainError("film_bad_group")))
    # an old button may name a group another company took meanwhile: say so before asking
    await films.check_pick(ctx.db, company_id=ctx.company.id, group_key=ctx.args,  # type: ignore[arg-type]
                           cfg=_cfg(ctx))
    await router.dialogs.start(ctx, DIALOG, {"group": ctx.args})


async def ask_desc(ctx: Ctx, data: Data) -> None:
    """Ask for a short description of the profession."""
    ctx.say(t.ASK_DESC.format(group=esc(_cfg(ctx).groups[data["group"]])), [[cancel_button(ctx)]])


async def save(ctx: Ctx, data: Data, text: str) -> str:
    """Store the interest (refused with the reason when the group is taken)."""
    assert ctx.company is not None
    try:
        await films.register_interest(ctx.db, company_id=ctx.company.id, group_key=data["group"],  # type: ignore[arg-type]
                                      description=text.strip()[:1000], now=ctx.now, cfg=_cfg(ctx))
    except DomainError as err:
        ctx.say(t.RULES[err.code](err))
        return END
    ctx.say(t.SAVED.format(group=esc(_cfg(ctx).groups[data["group"]])))
    return END


async def admin_list(ctx: Ctx) -> None:
    """List every interest; unassigned ones get buttons to confirm or assign a group."""
    cfg = _cfg(ctx)
    rows = await films.interests(ctx.db)
    taken = sum(1 for f, _ in rows if f.group_key)
    ctx.say(t.ADMIN_HEAD.format(title=esc(cfg.title), films=taken, max=cfg.max_films))
    for f, c in rows:
        group = esc(cfg.groups.get(f.group_key, f.group_key)) if f.group_key else t.NO_GROUP
        desc = f"\n{esc(f.description)}" if f.description else ""
        text = t.ADMIN_LINE.format(company=esc(c.name), group=group, desc=desc,
                                   state=t.STATE_ASSIGNED if f.assigned else "")
        buttons = []
        if not f.assigned:
            if f.group_key:
                buttons.append(ctx.button(t.BTN_CONFIRM, "film.assign", f.id, f.group_key))
            buttons.append(ctx.button(t.BTN_PICK, "film.choose", f.id))
        if f.group_key:
            buttons.append(ctx.button(t.BTN_REMOVE.format(company=c.name), "film.remove_ask",
                                      f.id, f.group_key))
        ctx.say(text, [buttons])


async def pick_group(ctx: Ctx) -> None:
    """Offer the free groups for one interest."""
    cfg = _cfg(ctx)
    rows = await films.interests(ctx.db)
    interest = next(((f, c) for f, c in rows if str(f.id) == ctx.args), None)
    if interest is None:
        raise UsageError(t.RULES["film_not_found"](DomainError("film_not_found")))
    taken = {f.group_key for f, _ in rows if f.group_key and f.id != interest[0].id}
    ctx.say(t.PICK.format(company=esc(interest[1].name)),
            [[ctx.button(label, "film.assign", interest[0].id, key)]
             for key, label in cfg.groups.items() if key not in taken])


async def assign(ctx: Ctx) -> None:
    """Assign a group to an interested company and tell the company."""
    interest_id, key = ctx.args.split()
    cfg = _cfg(ctx)
    row, company = await films.assign(ctx.db, interest_id=int(interest_id), group_key=key,
                                      now=ctx.now, cfg=cfg)
    group = esc(cfg.groups[key])
    await audit.record(ctx.db, actor=ctx.person.key, action="film_assign", now=ctx.now,
                       company=company.name, group=key)
    for p in await people.members_of(ctx.db, company_id=company.id):  # type: ignore[arg-type]
        await outbox.plan(ctx.db, person_id=p.id, kind="film.notice", due_at=ctx.now,  # type: ignore[arg-type]
                          text=t.NOTICE_ASSIGNED.format(title=esc(cfg.title), group=group),
                          dedupe_key=f"film.notice:{row.id}:{key}:{p.id}", now=ctx.now,
                          urgent=True)
    await ctx.services.planned()
    ctx.say(t.ASSIGNED.format(company=esc(company.name), group=group))


async def export(ctx: Ctx, filter_text: str) -> Table:
    """Export the film series interests."""
    cfg = _cfg(ctx)
    rows = [[c.name, cfg.groups.get(f.group_key, f.group_key) if f.group_key else "",
             f.description, t.STATUS_ASSIGNED if f.assigned else t.STATUS_INTEREST,
             f.created_at.astimezone(ctx.tz)] for f, c in await films.interests(ctx.db)]
    return Table("Filmserie", t.EXPORT_COLUMNS, rows)


async def overview_section(ctx: Ctx) -> list[str]:
    """Contribute the company's film interest to /meine."""
    if ctx.company is None:
        return []
    own = await films.of_company(ctx.db, company_id=ctx.company.id)  # type: ignore[arg-type]
    if own is None:
        return []
    cfg = _cfg(ctx)
    if own.group_key is None:
        return [t.MINE_NO_GROUP]
    state = t.STATE_ASSIGNED if own.assigned else t.STATE_INTEREST
    return [t.MINE.format(title=esc(cfg.title), group=esc(cfg.groups.get(own.group_key, "")),
                          state=state)]
