"""`/rolle`: a member says what they do in their company, so the team can ask one role."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chat import Button
from handlers.core import Action, Ctx
from handlers.polls import texts as t
from storage.polls import roles


@dataclass(frozen=True)
class SetRole(Action, name="role.set"):
    """A member picks their role in the company ("" = no answer)."""

    role: str


def _buttons(ctx: Ctx, current: str | None) -> list[list[Button]]:
    return [[ctx.button(("✅ " if code == current else "") + t.ROLES[code], SetRole(code))]
            for code in roles.ROLES] + [[ctx.button(t.ROLE_NONE, SetRole(""))]]


async def show(ctx: Ctx) -> None:
    """Show the person's role in their company and the roles to pick from."""
    current = await roles.get(ctx.s, person=ctx.person)
    head = t.ROLE_CURRENT.format(role=t.ROLES[current]) if current else t.ROLE_UNSET
    ctx.say(f"{head}\n{t.ROLE_WHY}", _buttons(ctx, current))


async def pick(ctx: Ctx, a: SetRole) -> None:
    """Keep the picked role (or forget it) and show the choice."""
    role = a.role or None
    await roles.set_role(ctx.s, person=ctx.person, role=role, now=ctx.now)
    text = t.ROLE_SET.format(role=t.ROLES[role]) if role else t.ROLE_CLEARED
    ctx.say(text, _buttons(ctx, role), edit=True)
