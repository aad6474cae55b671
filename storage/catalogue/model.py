"""The catalogue as the running bot sees it: cluster values typed, feature sections as dicts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from storage.catalogue.schema import CatalogueFile, ContactModel
from storage.catalogue.validate import parse_text


@dataclass(frozen=True)
class Contact:
    """A named contact with e-mail and, optionally, the admin identity to notify."""

    name: str
    email: str = ""
    phone: str = ""
    admin: str = ""


@dataclass(frozen=True)
class Catalogue:
    """The checked catalogue file (and, once applied in chat, its stored version)."""

    name: str
    long_name: str
    max_members: int
    website: str
    tz: ZoneInfo
    team: Contact
    contacts: dict[str, Contact]
    raw: dict[str, Any] = field(repr=False)
    data: CatalogueFile = field(repr=False)
    source: str = field(default="", repr=False)  # the TOML text it was read from
    version: int | None = None  # the stored version applied in chat; None: the file

    def section(self, name: str) -> Any:
        """Return a raw feature section (list or table), empty if absent."""
        return self.raw.get(name, {})

    def contact(self, key: str) -> Contact:
        """Return the contact for an offer (falls back to the team)."""
        return self.contacts.get(key, self.team)

    def local(self, value: datetime) -> datetime:
        """Attach the cluster's zone to a naive TOML datetime."""
        return value if value.tzinfo else value.replace(tzinfo=self.tz)

    @property
    def sha(self) -> str:
        """Return the SHA-256 of the text (what a preview was compared with)."""
        return digest(self.source)


def from_text(text: str, *, timezone: str = "Europe/Berlin", name: str = "",
              version: int | None = None) -> Catalogue:
    """Check a catalogue text and build the Catalogue; raise CatalogueInvalid if unusable."""
    typed, raw = parse_text(text, source=name)
    cluster = typed.cluster
    return Catalogue(
        name=cluster.name,
        long_name=cluster.long_name or cluster.name,
        max_members=cluster.max_members,
        website=cluster.website,
        tz=ZoneInfo(timezone),
        team=_contact(cluster.team) if cluster.team else Contact(cluster.name),
        contacts={k: _contact(v) for k, v in cluster.contacts.items()},
        raw=raw,
        data=typed,
        source=text,
        version=version,
    )


def digest(text: str) -> str:
    """Return the SHA-256 hex digest of a catalogue text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _contact(c: ContactModel) -> Contact:
    return Contact(c.name, c.email, c.phone, c.admin)
