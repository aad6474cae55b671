"""Member companies for the team: add, list with members, rename, state, merge, delete."""

from __future__ import annotations

from handlers.core import Ctx, UsageError
from handlers.core.format import esc
from handlers.team import texts as t
from handlers.team.actions import Delete, Keep, Merge
from handlers.team.invites import one_company
from handlers.team.people import tell
from storage.members import companies, invites, people, removal
from storage.members.models import Company
from storage.polls import roles

STATES = {"BB": "BB", "SN": "SN", "BRANDENBURG": "BB", "SACHSEN": "SN"}


def _state(typed: str) -> str:
    """Return BB or SN for what was typed ("sachsen" too), or say what to type."""
    state = STATES.get(typed.strip().upper())
    if state is None:  # echo it as typed, not upper-cased
        raise UsageError(t.COMPANY_BAD_STATE.format(state=esc(typed.strip())))
    return state


async def add(ctx: Ctx) -> None:
    """Add a member company: `Name; BB|SN; Ort`."""
    parts = _company_parts(ctx.args)
    if not parts or not parts[0]:
        raise UsageError(t.COMPANY_USAGE)
    state = _state(parts[1]) if len(parts) > 1 and parts[1] else None
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


def _two(args: str, usage: str) -> tuple[str, str]:
    """Split `A; B` into its two halves, or say how to type it."""
    first, sep, second = args.partition(";")
    if not sep or not first.strip() or not second.strip():
        raise UsageError(usage)
    return first.strip(), second.strip()


async def list_all(ctx: Ctx) -> None:
    """List the member companies with state, city and the people linked to each."""
    all_ = await companies.all_companies(ctx.s)
    members = await roles.people_by_company(ctx.s)
    lines = [t.COMPANIES_HEAD.format(count=len(all_), max=ctx.catalogue.max_members)]
    lines += [t.company_line(c.name, c.state, c.city,
                             [t.member_name(p.display_name or p.key, role)
                              for p, role in members.get(c.id, [])])
              for c in all_]
    lines.append(t.COMPANIES_FOOT)
    ctx.say("\n".join(lines))


async def rename(ctx: Ctx) -> None:
    """`/firma_umbenennen Alt; Neu`."""
    old_query, new = _two(ctx.args, t.RENAME_USAGE)
    company = await one_company(ctx, old_query, t.RENAME_USAGE)
    old, company = await companies.rename(ctx.s, company_id=company.id, name=new)
    ctx.audit("company_rename", company=company.name, old=old)
    ctx.say(t.RENAMED.format(old=esc(old), new=esc(company.name)))


async def set_state(ctx: Ctx) -> None:
    """`/firma_land Name; BB|SN`."""
    query, typed = _two(ctx.args, t.STATE_USAGE)
    company = await one_company(ctx, query, t.STATE_USAGE)
    company = await companies.set_state(ctx.s, company_id=company.id, state=_state(typed))
    ctx.audit("company_state", company=company.name, state=company.state)
    ctx.say(t.STATE_SET.format(name=esc(company.name),
                               state=t.STATE_NAMES.get(company.state, company.state)))


async def _summary(ctx: Ctx, company: Company) -> tuple[list[str], int, list[removal.Holding]]:
    """Return the people's names, the open codes and the rest a company holds."""
    names = [p.display_name or p.key for p in await people.members_of(ctx.s,
                                                                       company_id=company.id)]
    codes = len(await invites.open_codes(ctx.s, now=ctx.now, company_id=company.id))
    return names, codes, await removal.holdings(ctx.s, company_id=company.id)


async def ask_delete(ctx: Ctx) -> None:
    """`/firma_loeschen Name`: say what would happen and ask (or why it cannot be done)."""
    company = await one_company(ctx, ctx.args, t.DELETE_USAGE)
    if company.catalogue_key in _catalogue_keys(ctx):
        raise UsageError(t.DELETE_IN_CATALOGUE.format(name=esc(company.name)))
    names, codes, held = await _summary(ctx, company)
    blocking = [h for h in held if not h.optional]
    if blocking:
        raise UsageError(t.delete_blocked(company.name, blocking))
    ctx.say(t.ask_delete(company.name, names, codes, held),
            [[ctx.button(t.BTN_YES_DELETE, Delete(company.id)), ctx.button(t.BTN_NO, Keep())]])


async def delete(ctx: Ctx, a: Delete) -> None:
    """Delete the company after the confirmation."""
    company = await companies.get(ctx.s, company_id=a.company_id)
    if company is None:
        raise UsageError(t.COMPANY_UNKNOWN)
    names, codes, held = await _summary(ctx, company)
    linked = await people.members_of(ctx.s, company_id=company.id)
    await removal.remove(ctx.s, company_id=a.company_id, catalogue_keys=_catalogue_keys(ctx))
    ctx.audit("company_delete", company=company.name, people=len(names), codes=codes,
              kept={h.table: h.count for h in held})
    for person in linked:  # as when the team unlinks one person: each is told once
        await tell(ctx, person, "unlink", company.name)
    ctx.say(t.DELETED.format(name=esc(company.name)))


async def ask_merge(ctx: Ctx) -> None:
    """`/firmen_zusammenlegen Quelle; Ziel`: say what moves and ask."""
    source_q, target_q = _two(ctx.args, t.MERGE_USAGE)
    source = await one_company(ctx, source_q, t.MERGE_USAGE)
    target = await one_company(ctx, target_q, t.MERGE_USAGE)
    if source.id == target.id:
        raise UsageError(t.MERGE_SAME)
    names, codes, _ = await _summary(ctx, source)
    held = await removal.holdings(ctx.s, company_id=source.id, target_id=target.id)
    clashing = [h for h in held if h.clashes]
    if clashing:
        raise UsageError(t.merge_clash(source.name, target.name, clashing))
    if source.catalogue_key and target.catalogue_key:
        raise UsageError(t.MERGE_BOTH_CATALOGUE.format(source=esc(source.name),
                                                       target=esc(target.name)))
    ctx.say(t.ask_merge(source.name, target.name, names, codes, held),
            [[ctx.button(t.BTN_YES_MERGE, Merge(source.id, target.id)),
              ctx.button(t.BTN_NO, Keep())]])


async def merge(ctx: Ctx, a: Merge) -> None:
    """Merge after the confirmation."""
    held = await removal.holdings(ctx.s, company_id=a.source_id)
    linked = await people.members_of(ctx.s, company_id=a.source_id)
    source, target = await removal.merge(ctx.s, source_id=a.source_id, target_id=a.target_id)
    ctx.audit("company_merge", company=source.name, into=target.name, people=len(linked),
              moved={h.table: h.count for h in held})
    for person in linked:  # as when the team moves one person: each is told once
        await tell(ctx, person, "move", target.name)
    ctx.say(t.MERGED.format(source=esc(source.name), target=esc(target.name)))


def _catalogue_keys(ctx: Ctx) -> frozenset[str]:
    return frozenset(e.key for e in ctx.catalogue.data.companies)
