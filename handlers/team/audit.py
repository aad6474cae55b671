"""`/protokoll`: the audit log in German and local time, filtered, one page at a time."""

from __future__ import annotations

from handlers.core import Ctx, UsageError
from handlers.core.format import esc
from handlers.team import audit_texts as t
from handlers.team.actions import AuditPage
from storage import audit
from storage.members import people

PAGE = 10
QUERY_MAX = 24  # the filter rides in the "Ältere" button (Telegram: 64 bytes in all)


async def show(ctx: Ctx) -> None:
    """`/protokoll [abgelehnt | Aktion | Name]`: the newest entries."""
    await _page(ctx, " ".join(ctx.args.split())[:QUERY_MAX], None)


async def older(ctx: Ctx, a: AuditPage) -> None:
    """The "Ältere" button."""
    await _page(ctx, a.query, a.before)


async def _page(ctx: Ctx, query: str, before: int | None) -> None:
    actions = t.FILTERS.get(query.casefold(), ()) if query else ()
    who: tuple[str, ...] | None = None
    if query and not actions:
        found = await people.search(ctx.s, query=query, limit=50)
        if not found:
            raise UsageError(t.NOBODY.format(query=esc(query)))
        who = tuple(p.key for p, _ in found)
    entries = await audit.page(ctx.s, limit=PAGE + 1, before_id=before, actions=actions,
                               people=who)
    if not entries:
        ctx.say(t.EMPTY)
        return
    shown = entries[:PAGE]
    names = await audit.names(ctx.s, shown)
    lines = [t.HEAD.format(what=f" – {esc(query)}" if query else "")]
    lines += [t.line(e.at, e.actor, e.action, e.detail, names, ctx.tz) for e in shown]
    if before is None:
        lines.append(t.FOOT)
    more = len(entries) > PAGE
    ctx.say("\n".join(lines),
            [[ctx.button(t.BTN_OLDER, AuditPage(query, shown[-1].id))]] if more else None)
