"""Events (network meetings, fairs, info days) and the sign-ups for them.

`models` (tables), `signup` (capacity, waiting list, moving up), `manage` (the team creates,
edits, cancels), `queries` (the read side), `catalogue` (seeding the year's events).
"""

from storage.events import catalogue, manage, queries, signup
from storage.events.models import Event, Registration

__all__ = ["Event", "Registration", "catalogue", "manage", "queries", "signup"]
