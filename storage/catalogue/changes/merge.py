"""The rule for rows that came from the catalogue: a three-way merge, field by field.

base = what the catalogue in force says, row = what the database holds, new = what the new
catalogue says. A field the new catalogue does not change is left alone. A changed field
follows the new catalogue when the row still holds the base value (nobody touched it in chat);
a field the team changed in chat keeps the chat value and is reported as kept. A row whose
entry the catalogue in force does not have (no base) follows the new catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

KEPT_CHAT = "chat"  # changed in chat: the chat value stays
KEPT_BOOKED = "booked"  # fewer places than people already signed up


@dataclass(frozen=True)
class FieldChange:
    """One field of one row: its value now, the new catalogue's, and whether it is kept."""

    name: str
    old: Any
    new: Any
    kept: str = ""  # "" (follows the catalogue), KEPT_CHAT or KEPT_BOOKED
    booked: int = 0  # KEPT_BOOKED: the places already taken (people, not sign-ups)


@dataclass
class EntryChange:
    """What a new catalogue means for one entry (event, fair, company, Schau-rein week).

    `what`: new, changed, removed (cancelled or closed), kept (every change stays as in
    chat), conflict (the merged values would break a rule: nothing is changed), past
    (removed but over: stays as history). `affected`: sign-ups, booth requests or
    registrations it has; `told`: how many of them get a message. `provisional`: the values
    still assumed once applied (new and changed entries), marked "vorläufig" in the preview.
    """

    kind: str
    key: str
    title: str
    what: str
    when: datetime | date | None = None
    fields: list[FieldChange] = field(default_factory=list)
    affected: int = 0
    told: int = 0
    row_id: int | None = None
    provisional: list[str] = field(default_factory=list)

    @property
    def applied(self) -> list[FieldChange]:
        """Return the fields that follow the new catalogue."""
        return [f for f in self.fields if not f.kept]

    @property
    def kept(self) -> list[FieldChange]:
        """Return the fields that stay as they are (changed in chat, or too few places)."""
        return [f for f in self.fields if f.kept]


def three_way(base: Mapping[str, Any] | None, new: Mapping[str, Any],
              row: Any) -> list[FieldChange]:
    """Return the fields of `row` a new catalogue changes, each marked kept or applied."""
    out: list[FieldChange] = []
    for name, value in new.items():
        current = getattr(row, name)
        if same(current, value):
            continue
        if base is not None and same(base.get(name), value):
            continue  # the catalogue did not change it: a chat edit is not undone
        chat_edit = base is not None and not same(current, base.get(name))
        out.append(FieldChange(name, current, value, KEPT_CHAT if chat_edit else ""))
    return out


def assumed_after(fields: list[FieldChange], current: list[str] | None) -> list[str]:
    """Return the assumed fields a row holds once applied: the new file's list, unless kept."""
    # A confirmation in chat survives a file whose marks did not change (the merge rule), so
    # the row's own list stands unless the new file's list is applied.
    for f in fields:
        if f.name == "provisional" and not f.kept:
            return list(f.new or [])
    return list(current or [])


def same(a: Any, b: Any) -> bool:
    """Compare column values; aware times compare as instants, "" and None as empty."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a == b if (a.tzinfo is None) == (b.tzinfo is None) else False
    if a in ("", None) and b in ("", None):
        return True
    return bool(a == b)
