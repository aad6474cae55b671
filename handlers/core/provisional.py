"""The "vorläufig" marks of values the catalogue only assumed ("Annahme"), for every feature.

Every screen, notice, calendar file and export that shows a value the catalogue may mark as
assumed (dates, times, set-up times, capacities, deadlines, durations) marks it through these
helpers, so the marks read the same everywhere and vanish together once the team confirms.
"""

from __future__ import annotations

from collections.abc import Sequence

PROVISIONAL = " (vorläufig)"
PROVISIONAL_DATE = " (vorläufig – Termin folgt)"
PROVISIONAL_TIME = " (Uhrzeit vorläufig)"
PROVISIONAL_WORD = "vorläufig"
# Fields whose confirmation fixes when something takes place: the people registered for it
# (or asking for a place) are told that the date now stands.
WHEN_FIELDS = frozenset({"start", "time", "days", "setup"})
ICS_NOTE = "Vorläufig (Annahme aus dem Jahresplan, noch nicht bestätigt): {fields}."


def is_provisional(fields: Sequence[str] | None, field: str) -> bool:
    """Return whether this value is still assumed (listed) and not confirmed by the team."""
    return field in (fields or [])


def mark(fields: Sequence[str] | None, field: str) -> str:
    """Return " (vorläufig)" after an assumed value, else nothing."""
    return PROVISIONAL if is_provisional(fields, field) else ""


def date_mark(fields: Sequence[str] | None, field: str) -> str:
    """Return " (vorläufig – Termin folgt)" after an assumed date, else nothing."""
    return PROVISIONAL_DATE if is_provisional(fields, field) else ""


def time_mark(fields: Sequence[str] | None, field: str) -> str:
    """Return " (Uhrzeit vorläufig)" after a fixed day whose time is assumed, else nothing."""
    return PROVISIONAL_TIME if is_provisional(fields, field) else ""


def marked(text: str, fields: Sequence[str] | None, field: str) -> str:
    """Return `text` with " (vorläufig)" when its field is assumed (nothing shown: nothing)."""
    return text + mark(fields, field) if text else text


def names(fields: Sequence[str] | None, labels: dict[str, str], sep: str = ", ") -> str:
    """Return the German names of the assumed fields, in the labels' order ("Datum, Plätze").

    Exports pass `sep=LIST_SEP` ("; "), the separator of every list in one cell.
    """
    return sep.join(name for f, name in labels.items() if is_provisional(fields, f))


def summary(title: str, fields: Sequence[str] | None, when: Sequence[str]) -> str:
    """Return a calendar title, " (vorläufig)" while any of its `when` fields is assumed."""
    return title + (PROVISIONAL if any(is_provisional(fields, f) for f in when) else "")


def ics_note(fields: Sequence[str] | None, labels: dict[str, str]) -> str:
    """Return the calendar text line naming the assumed values, or nothing."""
    shown = names(fields, labels)
    return ICS_NOTE.format(fields=shown) if shown else ""


def fixes_when(fields: Sequence[str] | None) -> bool:
    """Tell whether confirming these fields fixes a date or time people are waiting for."""
    return any(f in WHEN_FIELDS for f in fields or [])
