"""German (and simple English) date phrases: `parse_when(text, now=...)` and its German texts.

The rules for what is ambiguous are in `handlers/dates/parser.py`. The package is pure: it
reads no settings, storage or clock (`now` is passed in); an import-linter contract keeps it so.
"""

from handlers.dates.fallback import warm_up
from handlers.dates.parser import parse_when
from handlers.dates.texts import (
    CONFIRM_LABELS,
    EXAMPLES,
    confirm_text,
    format_when,
    impossible_in,
    impossible_text,
    not_understood_text,
    past_text,
    unreadable_text,
)
from handlers.dates.when import When, to_datetime

__all__ = [
    "CONFIRM_LABELS",
    "EXAMPLES",
    "When",
    "confirm_text",
    "format_when",
    "impossible_in",
    "impossible_text",
    "not_understood_text",
    "parse_when",
    "past_text",
    "to_datetime",
    "unreadable_text",
    "warm_up",
]
