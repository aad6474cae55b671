"""Temporary alias: handlers/texts/dates.py still imports its Ja/Nein labels from here.

core-v2 moved them to handlers.core.texts; the dates package (branch dates-pkg) replaces
handlers/texts/dates.py. Delete this module when that lands.
"""

from handlers.core.texts import NO_LABEL, YES_LABEL

__all__ = ["NO_LABEL", "YES_LABEL"]
