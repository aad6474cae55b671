"""The catalogue's `[schau_rein]` section, typed: the week, its state, deadline and support."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.catalogue import Catalogue


@dataclass(frozen=True)
class Support:
    """One kind of support the cluster offers (key stored with a sign-up, German label)."""

    key: str
    label: str


@dataclass(frozen=True)
class Programme:
    """One Schau-rein week: which days, for companies of which state, open until when."""

    key: str
    title: str
    first_day: date
    last_day: date
    state: str
    deadline: datetime
    support: tuple[Support, ...]
    provisional: tuple[str, ...] = ()  # the catalogue's assumptions ("days", "deadline")

    def label(self, key: str) -> str:
        """Return the German label of a support key (the key itself if unknown)."""
        return next((s.label for s in self.support if s.key == key), key)

    def is_open(self, now: datetime) -> bool:
        """Tell whether sign-ups, changes and withdrawals are still taken."""
        return now <= self.deadline


def programme(catalogue: Catalogue) -> Programme | None:
    """Return the catalogue's Schau-rein week, or None when it names none."""
    raw = catalogue.section("schau_rein")
    if not raw:
        return None
    return Programme(
        key=raw["key"], title=raw["title"], first_day=raw["first_day"],
        last_day=raw["last_day"], state=raw["state"], deadline=catalogue.local(raw["deadline"]),
        support=tuple(Support(s["key"], s["label"]) for s in raw.get("support", [])),
        provisional=tuple(raw.get("provisional", [])),
    )
