"""Build the router: every feature module registers itself explicitly, in menu order."""

from __future__ import annotations

import handlers.reminders as reminders
import handlers.stammtisch as stammtisch
from handlers import admin, events, fairs, films, media_days, overview, start
from handlers.context import Services
from handlers.router import Router


def build_router(services: Services) -> Router:
    """Create the router with all features registered."""
    router = Router(services)
    start.register(router)
    # Feature modules register here, one line each (order = order in /hilfe).
    overview.register(router)
    events.register(router)
    media_days.register(router)
    films.register(router)
    stammtisch.register(router)
    reminders.register(router)
    fairs.register(router)  # /messe, /schaurein and their team commands
    admin.register(router)
    return router
