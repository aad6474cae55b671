"""Film series notices: a company told of its assigned or removed film, the team of a withdrawal.

Planned in the unit of work of the change (with its audit row); the German text is rendered
at delivery. The keys carry the time of the change, so taking a company out and putting it
back later tells it again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from handlers.core import Notice, Notify, RenderCtx, Rendered, Router
from handlers.core.format import esc, team_request
from handlers.films import texts as t
from handlers.films.actions import OpenList
from storage.films import queries
from storage.films.rules import FilmConfig

CONTACT = "filmserie"  # catalogue contact told of withdrawals; unknown: every admin
ASSIGNED, REMOVED, WITHDRAWN = "film.assigned", "film.removed", "film.withdrawn"
INTEREST = "film.interest"


def register(router: Router) -> None:
    """Register the film series notice kinds."""
    router.notices.add(ASSIGNED, render_assigned)
    router.notices.add(REMOVED, render_removed)
    router.notices.add(WITHDRAWN, render_withdrawn)
    router.notices.add(INTEREST, render_interest)


def _key(kind: str, interest_id: int, group: str, now: datetime) -> str:
    return f"{kind}:{interest_id}:{group}:{now:%Y%m%d%H%M%S}"


async def tell_assigned(notify: Notify, *, company_id: int, interest_id: int,
                        group: str) -> None:
    """Tell the company its film's group is assigned."""
    await notify.company(company_id, Notice(
        kind=ASSIGNED, key=_key(ASSIGNED, interest_id, group, notify.now),
        params={"interest": interest_id, "group": group}))


async def tell_removed(notify: Notify, *, company_id: int, interest_id: int,
                       group: str) -> None:
    """Tell the company the team took it out of its film."""
    await notify.company(company_id, Notice(
        kind=REMOVED, key=_key(REMOVED, interest_id, group, notify.now),
        params={"group": group}))


async def tell_withdrawn(notify: Notify, *, company: str, interest_id: int, group: str,
                         exclude: int) -> None:
    """Tell the film contact (else every admin) that a company withdrew from its film."""
    await notify.team(Notice(
        kind=WITHDRAWN, key=_key(WITHDRAWN, interest_id, group, notify.now),
        params={"company": company, "group": group}), contact=CONTACT, exclude=exclude)


async def tell_interest(notify: Notify, *, interest_id: int, group: str,
                        exclude: int) -> None:
    """Tell the film contact (else every admin) at once of a company's new interest."""
    await notify.team(Notice(
        kind=INTEREST, key=_key(INTEREST, interest_id, group, notify.now),
        params={"interest": interest_id, "group": group}), contact=CONTACT, exclude=exclude)


async def render_interest(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Team: a new interest (dropped if the company gave the group up before it went out)."""
    group = str(p.get("group", ""))
    interest_id = int(p.get("interest", 0))
    company = await queries.holding(rc.s, interest_id=interest_id, group_key=group)
    interest = await queries.get(rc.s, interest_id=interest_id)
    if company is None or interest is None:
        return None
    cfg = FilmConfig.from_catalogue(rc.catalogue)
    desc = (interest.description or "").strip()
    details = t.TEAM_INTEREST_DETAILS.format(title=esc(cfg.title), group=esc(cfg.label(group)),
                                             desc=f": {esc(desc)}" if desc else "")
    return Rendered(team_request(t.TEAM_INTEREST, company.name, details),
                    [[RenderCtx.button(t.BTN_OPEN, OpenList())]])


async def render_assigned(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """The group is assigned (dropped if the company lost it before this went out)."""
    interest = await queries.get(rc.s, interest_id=int(p.get("interest", 0)))
    group = str(p.get("group", ""))
    if interest is None or not interest.assigned or interest.group_key != group:
        return None
    cfg = FilmConfig.from_catalogue(rc.catalogue)
    return Rendered(t.NOTICE_ASSIGNED.format(title=esc(cfg.title), group=esc(cfg.label(group))))


async def render_removed(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered:
    """The team took the company out of its film."""
    cfg = FilmConfig.from_catalogue(rc.catalogue)
    return Rendered(t.NOTICE_REMOVED.format(title=esc(cfg.title),
                                            group=esc(cfg.label(str(p.get("group", ""))))))


async def render_withdrawn(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered:
    """A company withdrew from its film (its name is in the params: it no longer holds it)."""
    cfg = FilmConfig.from_catalogue(rc.catalogue)
    return Rendered(t.TEAM_WITHDRAWN.format(
        title=esc(cfg.title), company=esc(p.get("company", "")),
        group=esc(cfg.label(str(p.get("group", ""))))))
