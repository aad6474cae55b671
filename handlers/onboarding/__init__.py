"""Onboarding: /start (welcome, privacy, invite code), /datenschutz, /hilfe, /weiter."""

from __future__ import annotations

import re

from handlers.core import Ctx, Router
from handlers.core import texts as core_t
from handlers.core.format import esc
from handlers.onboarding import texts as t
from storage.errors import DomainError
from storage.members import invites

CODE_LIKE = re.compile(r"[A-Za-z0-9]{8}")


def register(router: Router) -> None:
    """Register the onboarding commands."""

    async def help_(ctx: Ctx) -> None:
        # Mid-dialog, /hilfe is about the open question; "/hilfe alle" lists every command.
        if not ctx.args and not ctx.incoming.is_group and await router.dialogs.step_help(ctx):
            return
        show_help(ctx, router)

    async def resume(ctx: Ctx) -> None:
        if not await router.dialogs.resume(ctx):
            ctx.say(core_t.NOTHING_TO_RESUME)

    router.command("start", start, help=t.HELP_START)
    router.command("hilfe", help_, help=t.HELP_HILFE, aliases=("help",))
    router.command("datenschutz", privacy, help=t.HELP_DATENSCHUTZ)
    router.command("weiter", resume, help=t.HELP_WEITER, hidden=True)
    router.text_fallbacks.append(bare_code)
    router.domain_errors({
        "code_unknown": lambda e: t.CODE_UNKNOWN.format(code=esc(e.info["code"])),
        "code_expired": lambda e: t.CODE_EXPIRED.format(code=esc(e.info["code"])),
        "already_linked_elsewhere": lambda e: t.LINKED_ELSEWHERE,
    })


async def start(ctx: Ctx) -> None:
    """Welcome the person; with a code, link them to its company."""
    name = f" {esc(ctx.person.display_name)}" if ctx.person.display_name else ""
    cat = ctx.catalogue
    head = t.WELCOME.format(name=name, cluster=esc(cat.name))
    if ctx.args:
        company = await invites.redeem(ctx.s, code=_clean(ctx.arg_list[0]), person=ctx.person,
                                       now=ctx.now)
        ctx.company = company
        ctx.notify.wake()  # the jobs plan the reminders a new member of the company gets
        ctx.say(f"{head}\n{t.LINKED.format(company=esc(company.name))}\n\n{t.PRIVACY}\n\n"
                f"{t.START_HINT}")
        return
    if ctx.company is not None:
        body = t.ALREADY_LINKED.format(company=esc(ctx.company.name))
    elif ctx.is_admin:
        body = t.START_HINT
    else:
        body = t.ASK_CODE.format(team=esc(cat.team.email or cat.team.name))
    ctx.say(f"{head}\n\n{t.PRIVACY}\n\n{body}")


def _clean(code: str) -> str:
    """Drop quotes and punctuation people copy along with a code ("„AB12CD34“.")."""
    return "".join(ch for ch in code if ch.isalnum()) or code


async def bare_code(ctx: Ctx, text: str) -> bool:
    """Redeem a code an unlinked person sent without /start; False if it is none."""
    word = _clean(text)
    if ctx.company is not None or " " in text.strip() or not CODE_LIKE.fullmatch(word):
        return False
    try:
        ctx.args = word
        await start(ctx)
    except DomainError as err:
        if err.code == "code_unknown":  # just a word, not a code: the usual answer follows
            return False
        raise
    return True


async def privacy(ctx: Ctx) -> None:
    """Explain what is stored and why."""
    team = ctx.catalogue.team
    ctx.say(t.PRIVACY_FULL.format(team=esc(team.email or team.name)))


def show_help(ctx: Ctx, router: Router) -> None:
    """List the commands this person may use, one line each."""
    linked = ctx.company is not None
    lines = [t.HELP_HEAD]
    for cmd in router.visible_commands(admin=False, linked=linked or ctx.is_admin):
        lines.append(f"/{cmd.name} – {esc(cmd.help)}")
    if ctx.is_admin:
        lines.append(t.HELP_ADMIN_HEAD)
        for cmd in router.visible_commands(admin=True, linked=True):
            if cmd.admin:
                lines.append(f"/{cmd.name} – {esc(cmd.help)}")
    lines.append(t.HELP_FOOT)
    ctx.say("\n".join(lines))
