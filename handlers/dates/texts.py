"""German texts for understood (and not understood) dates: echo, examples, refusal of the past."""

from __future__ import annotations

from datetime import datetime

from handlers.core.format import esc, fmt_date, fmt_time
from handlers.core.texts import NO_LABEL, YES_LABEL
from handlers.dates.reading import Impossible, read_when
from handlers.dates.when import When

CONFIRM_LABELS = (YES_LABEL, NO_LABEL)
EXAMPLES = ("morgen 9 Uhr", "Dienstag 14:30", "5.3. 10-12 Uhr")


def format_when(w: When) -> str:
    """Format as "Dienstag, 17. März 2026, 14:00 Uhr" (with range "…, 10:00–12:00 Uhr")."""
    day = fmt_date(w.date, long=True)
    if w.time is None:
        return day
    if w.end is None:
        return f"{day}, {fmt_time(w.time)} Uhr"
    return f"{day}, {fmt_time(w.time)}–{fmt_time(w.end)} Uhr"


def confirm_text(w: When) -> str:
    """Echo what was understood and ask for a yes/no ("Verstanden: … – passt das?")."""
    return f"Verstanden: {format_when(w)} – passt das?"


def not_understood_text() -> str:
    """Say briefly that the date was not understood, with three phrases that work."""
    first, second, third = (f"„{example}“" for example in EXAMPLES)
    return (
        "Dieses Datum habe ich leider nicht verstanden. "
        f"Schreib es zum Beispiel so: {first}, {second} oder {third}."
    )


IMPOSSIBLE = {
    "date": "„{phrase}“: Dieses Datum gibt es nicht im Kalender. Bitte prüf Tag und Monat.",
    "time": "„{phrase}“: Diese Uhrzeit gibt es nicht. Bitte nenn eine Zeit von 0:00 bis 23:59.",
    "mismatch": "„{phrase}“ passt nicht zusammen (Wochentag und Datum). Bitte prüf beides.",
}


def impossible_text(found: Impossible) -> str:
    """Name the date or time that cannot be ("31.2.": no such day)."""
    return IMPOSSIBLE[found.problem].format(phrase=esc(found.phrase))


def impossible_in(text: str, *, now: datetime) -> str | None:
    """Name a date or time in `text` that cannot be ("31.2.", "25 Uhr"); None if none."""
    found = read_when(text, now=now)
    return impossible_text(found) if isinstance(found, Impossible) else None


def unreadable_text(text: str, *, now: datetime) -> str:
    """Say why `text` gave no date: a date or time that cannot be, else not understood."""
    return impossible_in(text, now=now) or not_understood_text()


def past_text(w: When | None = None) -> str:
    """Refuse a date in the past, naming it when known."""
    what = f"{format_when(w)} liegt" if w is not None else "Dieser Zeitpunkt liegt"
    return f"{what} in der Vergangenheit. Bitte nenn mir einen Termin in der Zukunft."
