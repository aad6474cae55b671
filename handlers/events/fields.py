"""Reading the admin's answers for event fields (shared by /termin_neu and /termin_bearbeiten).

Answers are kept JSON-friendly in dialog data (ISO strings) and turned into model values by
`to_fields` only when saving.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from handlers.core import Ctx, UsageError
from handlers.core import texts as core_t
from handlers.core.answers import unclear_number
from handlers.core.format import esc
from handlers.dates import When, parse_when, to_datetime
from handlers.dates import texts as dt
from handlers.events import texts as t

NONE_WORDS = frozenset({"-", "–", "keine", "kein", "nein", "nichts", "leer"})
MAX_CAPACITY = 1000
MAX_REMINDER_DAYS = 60


def title(ctx: Ctx, text: str) -> dict[str, Any]:
    """Read a title."""
    return {"title": _line(text, 200, t.BAD_TITLE)}


def place(ctx: Ctx, text: str) -> dict[str, Any]:
    """Read a place."""
    return {"place": _line(text, 200, t.BAD_PLACE)}


def topic(ctx: Ctx, text: str) -> dict[str, Any]:
    """Read a topic ("-" for none)."""
    return {"topic": None if _none(text) else _line(text, 500, t.BAD_TOPIC)}


def capacity(ctx: Ctx, text: str) -> dict[str, Any]:
    """Read a number of places (people)."""
    if unclear_number(text):  # "/termin_bearbeiten" asks this outside a number step too
        raise UsageError(core_t.NUMBER_UNCLEAR.format(text=esc(" ".join(text.split())[:80])))
    digits = text.strip().split()[0] if text.strip() else ""
    if not digits.isdigit() or not 1 <= int(digits) <= MAX_CAPACITY:
        raise UsageError(t.BAD_CAPACITY.format(max=MAX_CAPACITY))
    return {"capacity": int(digits)}


def per_company(ctx: Ctx, text: str, capacity: int | None) -> dict[str, Any]:
    """Read the places one company may take, 1..capacity ("-" for no limit)."""
    if _none(text):
        return {"per_company": None}
    if unclear_number(text):
        raise UsageError(core_t.NUMBER_UNCLEAR.format(text=esc(" ".join(text.split())[:80])))
    top = MAX_CAPACITY if capacity is None else capacity
    digits = text.strip().split()[0] if text.strip() else ""
    if not digits.isdigit() or not 1 <= int(digits) <= top:
        raise UsageError(t.BAD_PER_COMPANY.format(max=top))
    return {"per_company": int(digits)}


def link(ctx: Ctx, text: str) -> dict[str, Any]:
    """Read a web link ("-" for none)."""
    if _none(text):
        return {"link": None}
    url = text.strip()
    if not url.startswith(("https://", "http://")) or " " in url or len(url) > 500:
        raise UsageError(t.BAD_LINK)
    return {"link": url}


def reminder_days(ctx: Ctx, text: str) -> dict[str, Any]:
    """Read reminder days before the start, e.g. "7, 1" ("-" for no reminders)."""
    if _none(text):
        return {"reminder_days": []}
    parts = text.replace(",", " ").replace(";", " ").split()
    if not parts or not all(p.isdigit() and 1 <= int(p) <= MAX_REMINDER_DAYS for p in parts):
        raise UsageError(t.BAD_REMINDERS.format(max=MAX_REMINDER_DAYS))
    return {"reminder_days": sorted({int(p) for p in parts}, reverse=True)}


def when(ctx: Ctx, text: str) -> tuple[dict[str, Any], When]:
    """Read start (and end, from a range like "5.3. 10-15 Uhr"); refuse the past."""
    w = parse_when(text, now=ctx.now)
    if w is None:
        raise UsageError(dt.unreadable_text(text, now=ctx.now))
    if w.time is None:
        raise UsageError(t.NEED_TIME)
    start = to_datetime(w, default_time=time(10), tz=ctx.tz)
    if start <= ctx.now:
        raise UsageError(dt.past_text(w))
    end = to_datetime(When(w.date, w.end), default_time=time(0), tz=ctx.tz) if w.end else None
    return {"start": start.isoformat(), "end": end.isoformat() if end else None}, w


def deadline(ctx: Ctx, text: str, start: datetime) -> dict[str, Any]:
    """Read a registration deadline ("-" for none); it must lie before the start."""
    if _none(text):
        return {"deadline": None}
    w = parse_when(text, now=ctx.now)
    if w is None:
        raise UsageError(dt.unreadable_text(text, now=ctx.now))
    at = to_datetime(w, default_time=time(23, 59), tz=ctx.tz)
    if at <= ctx.now:
        raise UsageError(dt.past_text(w))
    if at >= start:
        raise UsageError(t.DEADLINE_AFTER_START)
    return {"deadline": at.isoformat()}


def to_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Turn stored answers into model values (ISO strings become aware datetimes)."""
    out = dict(data)
    for key in ("start", "end", "deadline"):
        if out.get(key):
            out[key] = datetime.fromisoformat(out[key])
    return out


def _line(text: str, limit: int, error: str) -> str:
    value = " ".join(text.split())
    if not value or len(value) > limit:
        raise UsageError(error.format(limit=limit))
    return value


def _none(text: str) -> bool:
    return text.strip().lower() in NONE_WORDS
