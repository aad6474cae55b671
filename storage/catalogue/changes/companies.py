"""What a new catalogue means for member companies: new ones are added, changes merged.

Companies are members, not dates: one the new catalogue no longer names stays a member (the
team removes members in chat), and is only listed in the preview.
"""

from __future__ import annotations

from sqlmodel import col, select

from storage.catalogue.changes.merge import EntryChange, three_way
from storage.catalogue.model import Catalogue
from storage.catalogue.schema import CompanyEntry
from storage.db import Session
from storage.members.models import Company

KIND = "company"


def values(e: CompanyEntry) -> dict[str, str | None]:
    """Return the columns a company row takes from its catalogue entry."""
    return {"name": e.name, "city": e.city, "state": e.state}


async def compare(s: Session, *, old: Catalogue, new: Catalogue) -> list[EntryChange]:
    """Return one EntryChange per company the new catalogue adds, changes or no longer names."""
    rows = list(await s.exec(select(Company)))
    by_key = {c.catalogue_key: c for c in rows if c.catalogue_key}
    names = {c.name.lower() for c in rows}
    base = {e.key: values(e) for e in old.data.companies}
    out: list[EntryChange] = []
    for entry in new.data.companies:
        row = by_key.get(entry.key)
        if row is None:
            if entry.name.lower() not in names:  # the seeder matches by name, too
                out.append(EntryChange(KIND, entry.key, entry.name, "new"))
            continue
        fields = three_way(base.get(entry.key), values(entry), row)
        if fields:
            change = EntryChange(KIND, entry.key, row.name, "changed", None, fields,
                                 row_id=row.id)
            change.what = "changed" if change.applied else "kept"
            out.append(change)
    for key in base.keys() - {e.key for e in new.data.companies}:
        if key in by_key:
            out.append(EntryChange(KIND, key, by_key[key].name, "unlisted", row_id=by_key[key].id))
    return out


async def apply(s: Session, changes: list[EntryChange]) -> None:
    """Write the merged fields (new companies are the seeder's)."""
    ids = [c.row_id for c in changes if c.kind == KIND and c.what == "changed"]
    if not ids:
        return
    rows = {c.id: c for c in await s.exec(select(Company).where(col(Company.id).in_(ids)))}
    for c in changes:
        if c.kind == KIND and c.what == "changed" and c.row_id in rows:
            for f in c.applied:
                setattr(rows[c.row_id], f.name, f.new)
