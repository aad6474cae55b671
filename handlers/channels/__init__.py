"""/kanaele: the cluster's channels from the catalogue (Instagram co-lab, TikTok, podcast, join).

Everything on the card comes from the catalogue in force (`[[channels]]` and the cluster's
website as the "mitmachen" page), so a new year's plan changes it without a release.
"""

from __future__ import annotations

from handlers.channels import texts as t
from handlers.core import Ctx, Router
from handlers.core.format import esc


def register(router: Router) -> None:
    """Register /kanaele."""
    router.command("kanaele", show, help=t.HELP_KANAELE,
                   aliases=("kanäle", "kanal", "social", "instagram", "podcast", "mitmachen"))


async def show(ctx: Ctx) -> None:
    """Show where to follow, tag and join the cluster."""
    cat = ctx.catalogue
    channels = cat.data.channels
    blocks = [t.channel_block(c.key, c.label, c.url, c.ask) for c in channels
              if c.key != "mitmachen"]
    join = next((c.url for c in channels if c.key == "mitmachen" and c.url), cat.website)
    if not blocks and not join:
        ctx.say(t.NONE.format(contact=esc(cat.team.email or cat.team.name)))
        return
    parts = [t.HEAD.format(name=esc(cat.name)), *blocks]
    if join:
        parts.append(t.JOIN.format(url=esc(join)))
    ctx.say("\n\n".join(parts))
