"""What a new catalogue means for what lives in the catalogue alone: the Schau-rein week, the
Stammtisch series and the settings of the other sections (nothing to write: the catalogue in
force is the record; the caller tells the people concerned)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import select

from storage.catalogue.changes.merge import EntryChange, FieldChange, same
from storage.catalogue.model import Catalogue
from storage.db import Session
from storage.schau_rein import queries as schau_rein
from storage.schau_rein.models import SchauReinConfirmation
from storage.stammtisch import queries as stammtisch
from storage.stammtisch.models import StammtischSetting
from storage.stammtisch.series import Meeting

SCHAU_REIN = "schau_rein"
TELL_SCHAU_REIN = ("title", "first_day", "last_day")
LOOK_AHEAD = 6  # Stammtisch meetings compared
SETTINGS = ("cluster", "media_days", "film_series")  # shown as "setting: old -> new"
_CHAT_SETTINGS = {"link": "link", "time": "first"}  # Stammtisch values the team sets in chat


@dataclass
class SeriesChange:
    """The Stammtisch: its next meetings before and after, subscribers, values kept from chat."""

    what: str  # new, changed, removed
    before: list[Meeting]
    after: list[Meeting]
    subscribers: int = 0
    kept: list[str] = field(default_factory=list)  # "link", "time": set in chat, they stay
    # The new section's assumptions ("duration") and its meeting length: applying a changed
    # series clears the team's confirmation (changes.apply), so all of them read "vorläufig".
    provisional: list[str] = field(default_factory=list)
    minutes: int = 0

    @property
    def told(self) -> int:
        """Return how many subscribers hear of it (only when their meetings change)."""
        return self.subscribers if self.what == "changed" and _moved(self) else 0


@dataclass(frozen=True)
class SettingChange:
    """One value of a settings section: before and after."""

    section: str
    name: str
    old: Any
    new: Any


async def schau_rein_changes(s: Session, *, old: Catalogue, new: Catalogue,
                             now: datetime) -> list[EntryChange]:
    """Return the Schau-rein week's change: new, changed (same key), or removed with sign-ups."""
    a, b = old.data.schau_rein, new.data.schau_rein
    today = now.astimezone(new.tz).date()
    out: list[EntryChange] = []
    if a is not None and (b is None or a.key != b.key) and a.last_day >= today:
        signed = len(await schau_rein.signups(s, programme=a.key))
        out.append(EntryChange(SCHAU_REIN, a.key, a.title, "removed", a.first_day,
                               affected=signed, told=signed))
    if b is not None and (a is None or a.key != b.key):
        out.append(EntryChange(SCHAU_REIN, b.key, b.title, "new", b.first_day,
                               provisional=[str(f) for f in sorted(b.provisional)]))
    elif a is not None and b is not None:
        fields = [FieldChange(k, v, getattr(b, k)) for k, v in a if not same(v, getattr(b, k))]
        if fields:
            signed = len(await schau_rein.signups(s, programme=b.key))
            told = signed if any(f.name in TELL_SCHAU_REIN for f in fields) else 0
            # Same key: the team's confirmation of this week stays (a row per programme).
            done = await s.get(SchauReinConfirmation, b.key)
            assumed = [str(f) for f in b.provisional if done is None or f not in done.fields]
            out.append(EntryChange(SCHAU_REIN, b.key, b.title, "changed", b.first_day, fields,
                                   affected=signed, told=told, provisional=assumed))
    return out


async def stammtisch_change(s: Session, *, old: Catalogue, new: Catalogue,
                            now: datetime) -> SeriesChange | None:
    """Return how the Stammtisch series changes (None: not at all)."""
    a, b = old.data.stammtisch, new.data.stammtisch
    if a == b or b is None:
        return None  # a catalogue without the series is refused before (see check_against)
    after = (await stammtisch.schedule(s, new)).upcoming(after=now, count=LOOK_AHEAD)
    assumed, minutes = [str(f) for f in b.provisional], b.duration_minutes
    if a is None:
        return SeriesChange("new", [], after, provisional=assumed, minutes=minutes)
    before = (await stammtisch.schedule(s, old)).upcoming(after=now, count=LOOK_AHEAD)
    chat = {r.key for r in await s.exec(select(StammtischSetting))}
    kept = [k for k, name in _CHAT_SETTINGS.items()
            if k in chat and not same(_value(a, name), _value(b, name))]
    subscribers = len(await stammtisch.subscribers(s))
    return SeriesChange("changed", before, after, subscribers, kept, assumed, minutes)


def setting_changes(old: Catalogue, new: Catalogue) -> list[SettingChange]:
    """Return the values of the settings sections that differ (lists compared whole)."""
    out: list[SettingChange] = []
    for section in SETTINGS:
        a, b = _dump(getattr(old.data, section)), _dump(getattr(new.data, section))
        for name in sorted(a.keys() | b.keys()):
            if not same(a.get(name), b.get(name)):
                out.append(SettingChange(section, name, a.get(name), b.get(name)))
    return out


def _moved(c: SeriesChange) -> bool:
    def when(ms: list[Meeting]) -> list[tuple[datetime, str, bool]]:
        return [(m.start, m.link, m.cancelled) for m in ms]

    return when(c.before) != when(c.after)


def _value(section: BaseModel, name: str) -> Any:
    value = getattr(section, name)
    return value.time() if isinstance(value, datetime) else value


def _dump(section: BaseModel | None) -> dict[str, Any]:
    return {} if section is None else section.model_dump()

