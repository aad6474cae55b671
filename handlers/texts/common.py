"""Temporary shim: handlers/texts/dates.py still imports the formatters from here.

They moved to handlers.core.format with core v2; delete this module once the dates package
move (someone else's branch) imports them from there.
"""

from handlers.core.format import fmt_date, fmt_time

__all__ = ["fmt_date", "fmt_time"]
