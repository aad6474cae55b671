"""Temporary alias: handlers/texts/dates.py still imports its formatters from here.

core-v2 moved them to handlers.core.format; the dates package (branch dates-pkg) replaces
handlers/texts/dates.py. Delete this module when that lands.
"""

from handlers.core.format import fmt_date, fmt_time

__all__ = ["fmt_date", "fmt_time"]
