"""The personal reminder as a notice: planned with its text, rendered at delivery."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from handlers.core import Notice, RenderCtx, Rendered
from handlers.core.format import esc, fmt_dt
from handlers.reminders import texts as t
from storage.reminders import PERSONAL

LATE_AFTER = timedelta(hours=1)  # later than this (an outage), the reminder says so


def personal(text: str, due_at: datetime) -> Notice:
    """Return the notice of a reminder the person asked for (at exactly that time: urgent)."""
    return Notice(kind=PERSONAL, key=f"{PERSONAL}:{uuid.uuid4().hex}", params={"text": text},
                  due_at=due_at, urgent=True)


async def render_personal(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render the reminder's text; say so when it comes long after its time."""
    if not p.get("text"):
        return None  # a row planned before reminders carried their text: nothing to say
    text = t.REMINDER.format(text=esc(p["text"]))
    if rc.now - rc.due_at > LATE_AFTER:
        text += t.LATE.format(when=fmt_dt(rc.due_at, rc.tz))
    return Rendered(text)
