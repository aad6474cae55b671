"""Fairs with the cluster's joint booth: booth rules, the read side, reminders, seeding."""

from storage.fairs import booths, queries, reminders
from storage.fairs.models import ACTIVE, HOLDING, BoothRequest, Fair
from storage.fairs.seed import seed_fairs

__all__ = [
    "ACTIVE", "HOLDING", "BoothRequest", "Fair", "booths", "queries", "reminders", "seed_fairs",
]
