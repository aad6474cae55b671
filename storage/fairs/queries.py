"""The read side of fairs: fairs, booth requests, free space and the waiting list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam
from sqlmodel import col, func, select

from storage.db import Session
from storage.errors import DomainError
from storage.fairs.models import ACTIVE, HOLDING, BoothRequest, Fair
from storage.members.models import Company

# Built once: /termine runs them on every call (see storage.chat._SEEN).
_TAKING_PLACE = select(Fair).where(col(Fair.cancelled_at).is_(None))
_TAKING_PLACE_WITH_REQUEST = (
    select(Fair, BoothRequest)
    .outerjoin(BoothRequest, (col(BoothRequest.fair_id) == col(Fair.id))
               & (col(BoothRequest.company_id) == bindparam("company_id"))
               & (col(BoothRequest.status) != "withdrawn"))
    .where(col(Fair.cancelled_at).is_(None))
)


def fair_dates(fair: Fair) -> list[date]:
    """Return the fair's days as dates."""
    return [date.fromisoformat(d) for d in fair.days]


def booked_dates(req: BoothRequest) -> list[date]:
    """Return the days a request books, as dates."""
    return [date.fromisoformat(d) for d in req.days]


async def list_fairs(s: Session) -> list[Fair]:
    """Return every fair that takes place (not closed by a new catalogue), earliest first."""
    fairs = list(await s.exec(select(Fair).where(col(Fair.cancelled_at).is_(None))))
    return sorted(fairs, key=lambda f: (f.days[0] if f.days else "", f.key))


async def upcoming(s: Session, *, today: date) -> list[Fair]:
    """Return the fairs whose last day is today or later, earliest first."""
    return [f for f in await list_fairs(s) if f.days and fair_dates(f)[-1] >= today]


async def upcoming_with_requests(
    s: Session, *, today: date, company_id: int | None
) -> list[tuple[Fair, BoothRequest | None]]:
    """Return the coming fairs, earliest first, each with the company's request (not withdrawn).

    One statement for /termine: the request is joined on (one per fair and company).
    """
    if company_id is None:
        pairs: list[tuple[Fair, BoothRequest | None]] = [
            (f, None) for f in await s.exec(_TAKING_PLACE)]
    else:
        rows = await s.exec(_TAKING_PLACE_WITH_REQUEST, params={"company_id": company_id})
        pairs = [(f, r) for f, r in rows]
    coming = [p for p in pairs if p[0].days and fair_dates(p[0])[-1] >= today]
    return sorted(coming, key=lambda p: (p[0].days[0], p[0].key))


async def provisional(s: Session, *, today: date) -> list[Fair]:
    """Return the coming fairs with values still assumed ("vorläufig"), earliest first."""
    return [f for f in await upcoming(s, today=today) if f.provisional]


async def confirm(s: Session, *, fair_id: int) -> tuple[Fair, list[str]]:
    """Confirm a fair's assumed values (no longer "vorläufig"); return it and what they were."""
    q = select(Fair).where(Fair.id == fair_id).with_for_update()
    fair = (await s.exec(q.execution_options(populate_existing=True))).first()
    if fair is None:
        raise DomainError("fair_unknown")
    if not fair.provisional:
        raise DomainError("fair_not_provisional", title=fair.title)
    fields = list(fair.provisional)
    fair.provisional = []
    return fair, fields


async def get_fair(s: Session, *, key: str) -> Fair | None:
    """Return a fair by catalogue key."""
    return (await s.exec(select(Fair).where(Fair.key == key))).first()


async def request_of(s: Session, *, fair_id: int, company_id: int) -> BoothRequest | None:
    """Return the company's request for a fair (any state), if one exists."""
    rows = await s.exec(select(BoothRequest).where(
        BoothRequest.fair_id == fair_id, BoothRequest.company_id == company_id,
    ))
    return rows.first()


async def active_request(s: Session, *, fair_id: int, company_id: int) -> BoothRequest | None:
    """Return the company's request for a fair while it is requested, waiting or confirmed."""
    req = await request_of(s, fair_id=fair_id, company_id=company_id)
    return req if req is not None and req.status in ACTIVE else None


async def company_requests(s: Session, *, company_id: int) -> list[tuple[Fair, BoothRequest]]:
    """Return a company's requests that are not withdrawn, with their fairs, earliest first."""
    rows = await s.exec(
        select(Fair, BoothRequest).join(BoothRequest, col(BoothRequest.fair_id) == col(Fair.id))
        .where(BoothRequest.company_id == company_id, BoothRequest.status != "withdrawn")
    )
    return sorted(rows.all(), key=lambda fr: (fr[0].days[0] if fr[0].days else "", fr[0].key))


async def fair_requests(s: Session, *, fair_id: int) -> list[tuple[BoothRequest, Company]]:
    """Return every request for a fair with its company, in FIFO order."""
    rows = await s.exec(
        select(BoothRequest, Company)
        .join(Company, col(Company.id) == col(BoothRequest.company_id))
        .where(BoothRequest.fair_id == fair_id)
        .order_by(col(BoothRequest.queued_at), col(BoothRequest.id))
    )
    return list(rows.all())


async def request_with_fair(
    s: Session, *, request_id: int
) -> tuple[BoothRequest, Fair, Company] | None:
    """Return a request with its fair and company by id."""
    row = (await s.exec(
        select(BoothRequest, Fair, Company)
        .join(Fair, col(Fair.id) == col(BoothRequest.fair_id))
        .join(Company, col(Company.id) == col(BoothRequest.company_id))
        .where(BoothRequest.id == request_id)
    )).first()
    return None if row is None else (row[0], row[1], row[2])


async def used_m2(s: Session, *, fair_id: int) -> int:
    """Return the m² held by requested and confirmed requests of a fair."""
    total = await s.exec(
        select(func.coalesce(func.sum(col(BoothRequest.area_m2)), 0)).where(
            BoothRequest.fair_id == fair_id, col(BoothRequest.status).in_(HOLDING),
        )
    )
    return int(total.one())


async def waiting(s: Session, *, fair_id: int) -> list[BoothRequest]:
    """Return a fair's waiting list, first in line first."""
    rows = await s.exec(
        select(BoothRequest)
        .where(BoothRequest.fair_id == fair_id, BoothRequest.status == "waiting")
        .order_by(col(BoothRequest.queued_at), col(BoothRequest.id))
    )
    return list(rows)


def space(requests: list[tuple[BoothRequest, Company]]) -> tuple[int, int, int, int]:
    """Return (m² held, requested count, confirmed count, waiting count) of a fair's requests."""
    held = sum(r.area_m2 for r, _ in requests if r.status in HOLDING)
    count = {st: sum(1 for r, _ in requests if r.status == st) for st in ACTIVE}
    return held, count["requested"], count["confirmed"], count["waiting"]
