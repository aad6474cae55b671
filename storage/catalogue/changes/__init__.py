"""What a new catalogue means, worked out before (preview) and done on confirmation (apply).

`compare()` reads the database and both catalogues and returns a `Plan`: per event, fair,
company and the Schau-rein week whether it is new, changed (field by field, merged by the rule
in `merge`), removed or kept, how many registrations or requests it has and how many people
are told; the Stammtisch series' next meetings before and after; changed settings. `apply()`
writes it in the caller's unit of work and returns whom to tell; new entries are inserted by
the features' seeders, run with the new catalogue in the same unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from storage.catalogue.changes import companies, events, fairs, series
from storage.catalogue.changes.events import EventsApplied
from storage.catalogue.changes.fairs import FairsApplied
from storage.catalogue.changes.merge import EntryChange, FieldChange
from storage.catalogue.changes.series import SeriesChange, SettingChange
from storage.catalogue.model import Catalogue
from storage.catalogue.validate import Problem
from storage.db import Session
from storage.stammtisch import service as stammtisch

__all__ = [
    "Applied", "EntryChange", "FieldChange", "Plan", "SeriesChange", "SettingChange", "apply",
    "check_against", "compare",
]


@dataclass
class Plan:
    """Everything a new catalogue changes, in the order the preview lists it."""

    entries: list[EntryChange] = field(default_factory=list)
    stammtisch: SeriesChange | None = None
    settings: list[SettingChange] = field(default_factory=list)

    def of(self, kind: str, *whats: str) -> list[EntryChange]:
        """Return the entries of one kind (and state), by date."""
        found = [e for e in self.entries if e.kind == kind and (not whats or e.what in whats)]
        return sorted(found, key=lambda e: (str(e.when or ""), e.title))

    @property
    def told(self) -> int:
        """Return how many messages to people the plan causes (registrations, requests, ...)."""
        return sum(e.told for e in self.entries if e.what in ("changed", "removed")) + (
            self.stammtisch.told if self.stammtisch else 0)

    @property
    def empty(self) -> bool:
        """Tell whether the new catalogue changes nothing at all."""
        return not self.entries and self.stammtisch is None and not self.settings


@dataclass
class Applied:
    """Whom an applied plan concerns."""

    events: EventsApplied
    fairs: FairsApplied


async def compare(s: Session, *, old: Catalogue, new: Catalogue, now: datetime) -> Plan:
    """Return what applying `new` instead of `old` would change now."""
    entries = [
        *await events.compare(s, old=old, new=new, now=now),
        *await fairs.compare(s, old=old, new=new, now=now),
        *await series.schau_rein_changes(s, old=old, new=new, now=now),
        *await companies.compare(s, old=old, new=new),
    ]
    return Plan(entries, await series.stammtisch_change(s, old=old, new=new, now=now),
                series.setting_changes(old, new))


async def apply(s: Session, plan: Plan, *, now: datetime) -> Applied:
    """Write a plan's changes to the rows (the caller then seeds the new entries)."""
    await companies.apply(s, plan.entries)
    if plan.stammtisch is not None:
        # The team confirmed the assumptions of the series in force. A plan whose [stammtisch]
        # differs is a new statement about the series (next year's plan assuming the duration
        # again, or another duration), so that confirmation does not carry over. Not "whenever
        # the file lists duration": re-applying the same section (or a file that changes only
        # other sections) would undo a confirmation of exactly this plan for nothing – the
        # merge rule keeps event and fair confirmations the same way.
        await stammtisch.forget_confirmed(s)
    return Applied(await events.apply(s, plan.entries, now=now),
                   await fairs.apply(s, plan.entries, now=now))


def check_against(old: Catalogue, new: Catalogue) -> list[Problem]:
    """Refuse what the running bot cannot follow: dropping the Stammtisch series it runs."""
    if old.data.stammtisch is not None and new.data.stammtisch is None:
        return [Problem(None, "stammtisch_removed", ("stammtisch",))]
    return []
