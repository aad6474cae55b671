"""Applying or discarding an uploaded catalogue (the preview's buttons), in one unit of work.

Applying compares again with the catalogue in force (others may have changed things since
the preview), writes the changes, seeds the new entries with the features' seeders, puts
the version in force, plans every message and audits it; a refusal leaves nothing changed.
"""

from __future__ import annotations

from handlers.catalogue import notices
from handlers.catalogue import texts as t
from handlers.catalogue.actions import ApplyVersion, DiscardVersion
from handlers.catalogue.follow import Follower
from handlers.core import Ctx, Router
from handlers.core.format import esc
from storage.catalogue import changes, from_text, versions
from storage.errors import DomainError


async def apply(ctx: Ctx, a: ApplyVersion, router: Router, follower: Follower) -> None:
    """Put the uploaded catalogue in force and tell everyone it concerns."""
    row = await versions.pending(ctx.s, version_id=a.version_id, lock=True)
    current = await versions.in_force(ctx.s, fallback=ctx.catalogue)
    if row.base_sha != current.sha:
        raise DomainError("catalogue_stale")
    new = from_text(row.source, timezone=ctx.tz.key, name=row.name, version=row.id)
    plan = await changes.compare(ctx.s, old=current, new=new, now=ctx.now)
    done = await changes.apply(ctx.s, plan, now=ctx.now)
    seeded = sum([await seed(ctx.s, new) for seed in router.seeders])
    await versions.mark_applied(ctx.s, row, by=ctx.person.key, now=ctx.now)
    await notices.tell(ctx, plan, done, old=current, new=new, version=row.id)
    counts = {
        "new": len([e for e in plan.entries if e.what == "new"]),
        "changed": len([e for e in plan.entries if e.what == "changed"])
        + (1 if plan.stammtisch is not None else 0),
        "removed": len([e for e in plan.entries if e.what == "removed"]),
        "told": plan.told,
    }
    ctx.audit("catalogue_apply", version=row.id, name=row.name, sha=row.sha256[:12],
              seeded=seeded, **counts)
    follower.expire()  # this process runs on it from the next update on (after the commit)
    ctx.say(t.APPLIED.format(name=esc(row.name), version=row.id, **counts), edit=True)


async def discard(ctx: Ctx, a: DiscardVersion) -> None:
    """Drop the uploaded catalogue."""
    row = await versions.discard(ctx.s, version_id=a.version_id)
    ctx.audit("catalogue_discard", version=row.id, name=row.name)
    ctx.say(t.DISCARDED, edit=True)


def register(router: Router, follower: Follower) -> None:
    """Register the two buttons (team only)."""

    async def on_apply(ctx: Ctx, a: ApplyVersion) -> None:
        await apply(ctx, a, router, follower)

    router.on(ApplyVersion, on_apply, admin=True)
    router.on(DiscardVersion, discard, admin=True)
