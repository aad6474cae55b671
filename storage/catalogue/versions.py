"""Stored catalogue versions: keep an upload for its preview, apply it, find the one in force."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select, update

from storage.catalogue.model import Catalogue, digest, from_text
from storage.catalogue.models import CatalogueVersion
from storage.db import Session
from storage.errors import DomainError
from storage.locks import advisory_lock

LOCK = "catalogue"
KEEP_PENDING = 5  # older unapplied uploads are discarded when a new one comes


async def keep(s: Session, *, text: str, name: str, by: str, base: Catalogue,
               now: datetime) -> CatalogueVersion:
    """Store a checked upload as pending (for its preview); drop older pending ones."""
    row = CatalogueVersion(status="pending", name=name[:200], source=text, sha256=digest(text),
                           base_sha=base.sha, uploaded_by=by, uploaded_at=now)
    s.add(row)
    await s.flush()
    stale = (await s.exec(
        select(CatalogueVersion.id).where(CatalogueVersion.status == "pending")
        .order_by(col(CatalogueVersion.id).desc()).offset(KEEP_PENDING)
    )).all()
    if stale:
        await s.exec(update(CatalogueVersion).where(col(CatalogueVersion.id).in_(stale))
                     .values(status="discarded"))
    return row


async def pending(s: Session, *, version_id: int, lock: bool = False) -> CatalogueVersion:
    """Return a pending upload (locked against a second apply); refuse anything else."""
    if lock:
        await advisory_lock(s, LOCK)
    q = select(CatalogueVersion).where(CatalogueVersion.id == version_id)
    if lock:
        q = q.with_for_update().execution_options(populate_existing=True)
    row = (await s.exec(q)).first()
    if row is None or row.status != "pending":
        raise DomainError("catalogue_not_pending", status=row.status if row else "")
    return row


async def newest_pending(s: Session) -> CatalogueVersion | None:
    """Return the newest upload that was neither applied nor discarded."""
    q = (select(CatalogueVersion).where(CatalogueVersion.status == "pending")
         .order_by(col(CatalogueVersion.id).desc()).limit(1))
    return (await s.exec(q)).first()


async def in_force_id(s: Session) -> int | None:
    """Return the id of the version in force (None: no catalogue was applied in chat)."""
    q = (select(CatalogueVersion.id).where(CatalogueVersion.status == "applied")
         .order_by(col(CatalogueVersion.id).desc()).limit(1))
    return (await s.exec(q)).first()


async def in_force(s: Session, *, fallback: Catalogue) -> Catalogue:
    """Return the catalogue in force: the newest applied version, else `fallback` (the file)."""
    version_id = await in_force_id(s)
    if version_id is None:
        return fallback
    row = await s.get(CatalogueVersion, version_id)
    assert row is not None
    return from_text(row.source, timezone=fallback.tz.key, name=f"version {row.id}",
                     version=row.id)


async def mark_applied(s: Session, row: CatalogueVersion, *, by: str, now: datetime) -> None:
    """Put `row` in force; the one in force before is superseded."""
    await s.exec(update(CatalogueVersion).where(col(CatalogueVersion.status) == "applied")
                 .values(status="superseded"))
    row.status, row.applied_by, row.applied_at = "applied", by, now
    s.add(row)


async def discard(s: Session, *, version_id: int) -> CatalogueVersion:
    """Drop a pending upload."""
    row = await pending(s, version_id=version_id)
    row.status = "discarded"
    s.add(row)
    return row
