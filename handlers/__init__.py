"""What users can do: every feature, one line each, in the order /hilfe lists them."""

from __future__ import annotations

from typing import Protocol

from handlers import (
    agenda,
    broadcasts,
    catalogue,
    channels,
    events,
    fairs,
    feedback,
    films,
    ideas,
    media_days,
    onboarding,
    polls,
    privacy,
    reminders,
    schau_rein,
    stammtisch,
    team,
    web,
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
    agenda,  # /termine: events, fairs, Schau rein, Stammtisch in date order, filterable
    events,  # sign-up; team: /termin_neu, /termin_bearbeiten, /termin_absagen, /teilnehmer
    media_days,  # /medientag, /medientage, /medientag_tage
    films,  # /film, /filme
    stammtisch,  # /stammtisch, reminders of the biweekly meeting; team: skip, move, link, time
    reminders,  # /erinnerung, /erinnerungen
    fairs,  # /messe, /messestand, /export messe
    schau_rein,  # /schaurein, /schaurein_liste, /schaurein_kalender, /export schaurein
    channels,  # /kanaele: Instagram co-lab, TikTok, podcast, mitmachen (from the catalogue)
    team,  # /einladung, /firma_neu, /firmen, /admin, /protokoll
    ideas,  # /idee, /ideen; team: aufgegriffen/erledigt
    polls,  # team: /umfrage_neu, /terminfindung, /umfragen; members vote on cards
    feedback,  # stars after events (the day after, 10:00); team: /feedback
    broadcasts,  # team: /rundschreiben (preview, quiet hours, delivery report)
    catalogue,  # team: /katalog, catalogue files sent in chat (next year's plan)
    web,  # team: /web (one-time link to the web desk), /web_abmelden
)


def build_router(services: Services) -> Router:
    """Create the router with every feature registered."""
    router = Router(services)
    for feature in FEATURES:
        feature.register(router)
    return router
