"""What users can do: every feature, one line each, in the order /hilfe lists them."""

from __future__ import annotations

from typing import Protocol

from handlers import (
    catalogue,
    events,
    fairs,
    films,
    media_days,
    onboarding,
    polls,
    privacy,
    reminders,
    schau_rein,
    stammtisch,
    team,
)
from handlers.core import Router, Services
from handlers.core import overview as mine_and_exports


class Feature(Protocol):
    """A feature package: it registers its commands, actions, dialogs and notices."""

    def register(self, router: Router) -> None:
        """Register everything the feature offers."""
        ...


FEATURES: tuple[Feature, ...] = (
    onboarding,  # /start, /hilfe, /weiter
    privacy,  # /datenschutz, /meinedaten, /loeschen, /austreten; the retention job
    mine_and_exports,  # /meine, /export
    events,  # /termine; team: /termin_neu, /termin_bearbeiten, /termin_absagen, /teilnehmer
    media_days,  # /medientag, /medientage, /medientag_tage
    films,  # /film, /filme
    stammtisch,  # /stammtisch, reminders of the biweekly meeting; team: skip, move, link, time
    reminders,  # /erinnerung, /erinnerungen
    fairs,  # /messe, /messestand, /export messe
    schau_rein,  # /schaurein, /schaurein_liste, /schaurein_kalender, /export schaurein
    team,  # /einladung, /firma_neu, /firmen, /admin, /protokoll
    polls,  # team: /umfrage_neu, /terminfindung, /umfragen; members vote on cards
    catalogue,  # team: /katalog, catalogue files sent in chat (next year's plan)
)


def build_router(services: Services) -> Router:
    """Create the router with every feature registered."""
    router = Router(services)
    for feature in FEATURES:
        feature.register(router)
    return router
