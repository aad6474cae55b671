"""The "vorläufig" marks of values the catalogue only assumed ("Annahme"), for every feature."""

from __future__ import annotations

from collections.abc import Sequence

PROVISIONAL = " (vorläufig)"
PROVISIONAL_DATE = " (vorläufig – Termin folgt)"
PROVISIONAL_WORD = "vorläufig"


def is_provisional(fields: Sequence[str] | None, field: str) -> bool:
    """Return whether this value is still assumed (listed) and not confirmed by the team."""
    return field in (fields or [])


def mark(fields: Sequence[str] | None, field: str) -> str:
    """Return " (vorläufig)" after an assumed value, else nothing."""
    return PROVISIONAL if is_provisional(fields, field) else ""


def date_mark(fields: Sequence[str] | None, field: str) -> str:
    """Return " (vorläufig – Termin folgt)" after an assumed date, else nothing."""
    return PROVISIONAL_DATE if is_provisional(fields, field) else ""


def names(fields: Sequence[str] | None, labels: dict[str, str]) -> str:
    """Return the German names of the assumed fields, in the labels' order ("Datum, Plätze")."""
    return ", ".join(name for f, name in labels.items() if is_provisional(fields, f))
