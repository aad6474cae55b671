"""Temporary shim: handlers/texts/dates.py still imports the yes/no labels from here.

They moved to handlers.core.texts with core v2; delete this module once the dates package
move (someone else's branch) imports them from there.
"""

from handlers.core.texts import NO_LABEL, YES_LABEL

__all__ = ["NO_LABEL", "YES_LABEL"]
