"""What leaves the router: the group rule, signed buttons and numbered menus.

The same for an update's answer and for a notice rendered at delivery.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.chat import Button, Reply
from handlers.core.actions import Signer
from handlers.core.context import Ctx
from storage import chat
from storage.db import Session
from storage.members.models import Person


def sealed(ctx: Ctx) -> list[Reply]:
    """Return the replies; in a group, the private ones and every file marked personal.

    One rule for every feature: what is about a person or the team (admin commands and
    their buttons, /meine, exports, invite codes) never shows in a group; the transport
    sends it to the person privately or offers the private chat instead.
    """
    if not ctx.incoming.is_group:
        return ctx.replies
    return [r if r.personal or not (ctx.private or r.file is not None)
            else replace(r, personal=True) for r in ctx.replies]


async def signed(s: Session, signer: Signer, person: Person, chat_id: str,
                 replies: list[Reply], *, now: datetime, numbered: bool) -> list[Reply]:
    """Sign the buttons of an answer; numbered options count on across its replies."""
    actions = [b.id for r in replies for b in r.flat_buttons()]
    if not actions:
        return replies
    sign, key = signer.sign, person.key
    out = [
        replace(r, buttons=tuple(tuple(Button(sign(key, b.id), b.label) for b in row)
                                 for row in r.buttons))
        if r.buttons else r
        for r in replies
    ]
    if numbered:
        await chat.offer_menu(s, person_id=person.id, chat_id=chat_id, actions=actions,
                              now=now)
    return out
