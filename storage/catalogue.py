"""The cluster catalogue (TOML): parsed once at start, missing entries seeded into the database.

The cluster-wide part is typed here; each feature's storage package parses its own section
(`catalogue.section("events")`) and seeds it (a seeder the feature registers, run in one unit
of work at start), so a new feature never edits this file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import SQLModel, select

from storage.db import Session
from storage.members.models import Company


@dataclass(frozen=True)
class Contact:
    """A named contact with e-mail and, optionally, the admin identity to notify."""

    name: str
    email: str = ""
    phone: str = ""
    admin: str = ""


@dataclass(frozen=True)
class Catalogue:
    """The parsed catalogue file."""

    name: str
    long_name: str
    max_members: int
    website: str
    tz: ZoneInfo
    team: Contact
    contacts: dict[str, Contact]
    raw: dict[str, Any] = field(repr=False)

    def section(self, name: str) -> Any:
        """Return a raw feature section (list or table), empty if absent."""
        return self.raw.get(name, {})

    def contact(self, key: str) -> Contact:
        """Return the contact for an offer (falls back to the team)."""
        return self.contacts.get(key, self.team)

    def local(self, value: datetime) -> datetime:
        """Attach the cluster's zone to a naive TOML datetime."""
        return value if value.tzinfo else value.replace(tzinfo=self.tz)


def load(path: Path, *, timezone: str = "Europe/Berlin") -> Catalogue:
    """Read and validate a catalogue file; times in it are local to `timezone`."""
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    cluster = raw.get("cluster", {})
    if "name" not in cluster or "max_members" not in cluster:
        raise ValueError(f"{path}: [cluster] braucht name und max_members")
    contacts = {k: Contact(**v) for k, v in cluster.get("contacts", {}).items()}
    return Catalogue(
        name=cluster["name"],
        long_name=cluster.get("long_name", cluster["name"]),
        max_members=int(cluster["max_members"]),
        website=cluster.get("website", ""),
        tz=ZoneInfo(timezone),
        team=Contact(**cluster.get("team", {"name": cluster["name"]})),
        contacts=contacts,
        raw=raw,
    )


async def seed_companies(s: Session, catalogue: Catalogue) -> int:
    """Insert catalogue companies that are missing (by key or name); return how many."""
    rows = (await s.exec(select(Company.catalogue_key, Company.name))).all()
    keys = {k for k, _ in rows if k}
    names = {n.lower() for _, n in rows}
    fresh = [
        Company(name=e["name"], state=e.get("state"), city=e.get("city"), catalogue_key=e["key"])
        for e in catalogue.section("companies")
        if e["key"] not in keys and e["name"].lower() not in names
    ]
    s.add_all(fresh)
    return len(fresh)


async def seed_missing(
    s: Session, *, entries: list[dict[str, Any]], key_column: Any,
    build: Callable[[dict[str, Any]], SQLModel],
) -> int:
    """Insert the entries whose `key` is not in `key_column` yet; never overwrite; count them."""
    known = set(await s.exec(select(key_column)))
    fresh = [build(e) for e in entries if e["key"] not in known]
    s.add_all(fresh)
    return len(fresh)
