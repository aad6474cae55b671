"""The dateparser fallback for phrases our grammar does not know, narrowed to what we accept."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Final

from handlers.dates.when import When

log = logging.getLogger(__name__)

LANGUAGES = ("de", "en")
SETTINGS: Final[Mapping[str, object]] = MappingProxyType(
    {
        "PREFER_DATES_FROM": "future",
        "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
    }
)
MAX_YEARS_AWAY = 5  # dateparser reads "26.9. 10 Uhr" as 2110


def ask_dateparser(text: str, local_now: datetime) -> When | None:
    """Ask dateparser about phrases our grammar does not know; keep only full dates."""
    # Imported on first need (most phrases never get here); from its module, where the stubs
    # declare it, rather than the package's re-export.
    from dateparser.date import DateDataParser

    settings = {**SETTINGS, "RELATIVE_BASE": local_now.replace(tzinfo=None)}
    try:
        data = DateDataParser(languages=list(LANGUAGES), settings=settings).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; it is only a fallback
        log.debug("dateparser failed on %r", text, exc_info=True)
        return None
    found = data.date_obj
    if found is None or data.period not in ("day", "time"):
        return None
    if abs(found.year - local_now.year) > MAX_YEARS_AWAY:
        return None
    if data.period == "time":
        return When(found.date(), found.time().replace(second=0, microsecond=0))
    return When(found.date())


def warm_up() -> None:
    """Load dateparser and its German/English data now (blocking: run it in a thread).

    The grammar never needs it for common phrases; the first unusual one would otherwise pay
    ~150-500 ms while a person waits.
    """
    ask_dateparser("1. Januar", datetime(2026, 1, 1))
