"""/erinnerungen: what is planned for the person; delete own reminders, switch kinds on/off."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action, Ctx, Router, UsageError
from handlers.core.format import esc, fmt_dt
from handlers.reminders import texts as t
from storage import reminders
from storage.outbox import OutboxMessage, preferences
from storage.reminders import PERSONAL

MAX_LISTED = 25
SNIPPET = 40  # characters of a reminder's text in the list
BUTTON_SNIPPET = 24  # ... and on its delete button


@dataclass(frozen=True)
class Delete(Action, name="erinnerung.loeschen"):
    """Delete one of the person's own reminders (an outbox row id)."""

    row_id: int


@dataclass(frozen=True)
class SwitchKind(Action, name="erinnerung.art"):
    """Switch one kind of notice on or off for the person."""

    kind: str
    on: bool


async def overview(ctx: Ctx, router: Router) -> None:
    """List what is planned for the person; buttons delete own reminders and switch kinds."""
    rows = await reminders.planned_for(ctx.s, person_id=ctx.person_id)
    off = {kind for _, kind in await preferences.switched_off(ctx.s,
                                                              person_ids=[ctx.person_id])}
    switchable = router.notices.switchable()
    labels = {**switchable, PERSONAL: t.LABEL_PERSONAL}
    lines, buttons = [t.HEAD], []
    for r in rows[:MAX_LISTED]:
        own = _own_text(r)
        snippet = f": „{esc(_cut(own, SNIPPET))}“" if own is not None else ""
        label = esc(labels.get(r.kind, t.LABEL_OTHER))  # never show an internal kind name
        lines.append(t.LINE.format(when=fmt_dt(r.due_at, ctx.tz), label=label, text=snippet))
        if own is not None:
            buttons.append([ctx.button(t.DELETE.format(text=_cut(own, BUTTON_SNIPPET)),
                                       Delete(r.id))])
    if len(rows) > MAX_LISTED:
        lines.append(t.MORE.format(count=len(rows) - MAX_LISTED))
    if not rows:
        lines = [t.HEAD, t.EMPTY]
    kinds = sorted(({r.kind for r in rows} | off | router.notices.always_listed())
                   & set(switchable))
    if kinds:
        lines.append(t.SWITCHES)
    for kind in kinds:
        on = kind not in off
        text = (t.KIND_OFF if on else t.KIND_ON).format(label=switchable[kind])
        buttons.append([ctx.button(text, SwitchKind(kind, not on))])
    ctx.say("\n".join(lines), buttons)


def _own_text(row: OutboxMessage) -> str | None:
    """Return the text of a personal reminder (None for other kinds)."""
    return str((row.params or {}).get("text", "")) if row.kind == PERSONAL else None


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def delete(ctx: Ctx, a: Delete) -> None:
    """Delete one of the person's own reminders."""
    ok = await reminders.delete_personal(ctx.s, person_id=ctx.person_id, row_id=a.row_id,
                                         now=ctx.now)
    ctx.say(t.DELETED if ok else t.GONE)


async def switch(ctx: Ctx, a: SwitchKind, router: Router) -> None:
    """Switch one kind of notice on or off (only kinds their feature made switchable)."""
    label = router.notices.switchable().get(a.kind)
    if label is None:
        raise UsageError(t.UNKNOWN_KIND)
    await preferences.switch(ctx.s, person_id=ctx.person_id, kind=a.kind, enabled=a.on)
    ctx.say((t.SWITCHED_ON if a.on else t.SWITCHED_OFF).format(label=esc(label)))
