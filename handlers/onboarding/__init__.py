"""Onboarding: /start (welcome, privacy in short, invite code), /hilfe, /weiter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from handlers.core import Ctx, Router
from handlers.core import texts as core_t
from handlers.core.format import esc, fmt_time
from handlers.core.notify import Notice, RenderCtx, Rendered
from handlers.onboarding import texts as t
from storage.errors import DomainError
from storage.members import invites

# Codes are 13 characters today; 8-character ones were issued before and may still be open.
# A digit tells a code from a word ("Anmelden"): only such a word counts as a try.
CODE_LIKE = re.compile(rf"(?=.*\d)(?:[{invites.ALPHABET}]{{13}}|[{invites.ALPHABET}]{{8}})",
                       re.IGNORECASE)
JOINED = "member.joined"


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

    router.command("start", start, help=t.HELP_START, public=True)
    router.command("hilfe", help_, help=t.HELP_HILFE, aliases=("help",), public=True)
    router.command("weiter", resume, help=t.HELP_WEITER, hidden=True, public=True)
    router.text_fallbacks.append(bare_code)
    router.notices.add(JOINED, render_joined)
    router.domain_errors({
        "code_limit": lambda e: t.CODE_LIMIT.format(time=_local_time(e, router)),
        "already_linked_elsewhere": lambda e: t.LINKED_ELSEWHERE,
    })


def _local_time(err: DomainError, router: Router) -> str:
    """Return the local time of the error's `until` ("10:15")."""
    until = err.info["until"]
    if not isinstance(until, datetime):  # always one: storage.members.invites.retry_at
        return "?"
    return fmt_time(until.astimezone(router.services.tz).time())


async def start(ctx: Ctx) -> None:
    """Welcome the person; with a code, link them to its company."""
    name = f" {esc(ctx.person.display_name)}" if ctx.person.display_name else ""
    cat = ctx.catalogue
    head = t.WELCOME.format(name=name, cluster=esc(cat.name))
    if ctx.args:
        code = _clean(ctx.arg_list[0])
        if not await _redeem(ctx, code):
            # Unknown, expired, revoked or used up: one answer, so a guess learns nothing.
            ctx.say(t.CODE_UNKNOWN.format(code=esc(code)))
            return
        assert ctx.company is not None  # _redeem linked the person
        ctx.say(f"{head}\n{t.LINKED.format(company=esc(ctx.company.name))}\n\n{t.PRIVACY}\n\n"
                f"{t.START_HINT}")
        return
    if ctx.company is not None:
        body = t.ALREADY_LINKED.format(company=esc(ctx.company.name))
    elif ctx.is_admin:
        body = t.START_HINT
    else:
        body = t.ASK_CODE.format(team=esc(cat.team.email or cat.team.name))
    ctx.say(f"{head}\n\n{t.PRIVACY}\n\n{body}")


async def _redeem(ctx: Ctx, code: str) -> bool:
    """Link the person by `code`, audit it and tell the team; False if the code is not open."""
    before = ctx.company_id
    company = await invites.redeem(ctx.s, code=code, person=ctx.person, now=ctx.now,
                                   policy=ctx.services.invites)
    if company is None:
        return False
    ctx.company = company
    if before == company.id:
        return True  # the same code again: nothing new to audit or tell
    ctx.audit("invite_redeem", company=company.name, code=invites.normalise(code))
    ctx.notify.wake()  # the jobs plan the reminders a new member of the company gets
    await ctx.notify.team(Notice(
        kind=JOINED, key="", urgent=False,  # unique: joining again is news again
        params={"name": ctx.person.display_name or ctx.person.external_id,
                "platform": ctx.person.platform, "company": company.name},
    ), exclude=ctx.person_id)
    return True


async def render_joined(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered:
    """Tell the team who joined which company ("Anna (Telegram) ist jetzt bei Pragma")."""
    return Rendered(t.joined(str(p.get("name", "")), str(p.get("platform", "")),
                             str(p.get("company", ""))))


def _clean(code: str) -> str:
    """Drop quotes and punctuation people copy along with a code ("„AB12CD34“.")."""
    return "".join(ch for ch in code if ch.isalnum()) or code


async def bare_code(ctx: Ctx, text: str) -> bool:
    """Redeem a code an unlinked person sent without /start; False if it is none."""
    word = _clean(text)
    if ctx.company is not None or " " in text.strip() or not CODE_LIKE.fullmatch(word):
        return False
    if not await _redeem(ctx, word):
        ctx.say(t.CODE_UNKNOWN.format(code=esc(word)))
        return True
    ctx.args = word
    await start(ctx)
    return True


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
