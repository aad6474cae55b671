"""German texts of the web desk (page titles, labels, answers)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from handlers.core.format import fmt_date
from handlers.polls.texts import ROLES as ROLES
from storage.media_days.models import MediaDay

TITLE = "Zukunftsmacher – Schreibtisch"
NAV = (("heute", "Heute"), ("firmen", "Firmen"), ("anfragen", "Anfragen"),
       ("termine", "Termine"), ("kalender", "Kalender"), ("zahlen", "Zahlen"),
       ("protokoll", "Protokoll"), ("exporte", "Exporte"))
NEED_LOGIN = "Bitte melde dich an: Schreib dem Bot im privaten Chat /web – du bekommst einen Link, der 10 Minuten gilt."
NOT_ADMIN = "Der Schreibtisch ist nur für das Cluster-Team. Wenn du dazugehörst, bitte eine Admin-Person, dich freizuschalten."
LOGIN_INTRO = "Anmelden am Schreibtisch als {name}. Der Link gilt nur einmal."
LOGIN_BUTTON = "Anmelden"
TOO_MANY = "Zu viele Anmeldeversuche. Bitte warte eine Minute und versuch es dann noch einmal."
CSRF_FAILED = "Das Formular ist abgelaufen. Bitte lade die Seite neu und versuch es noch einmal."
LOGGED_OUT = "Du bist abgemeldet. Einen neuen Link gibt es im Chat mit /web."
NOT_FOUND = "Diese Seite gibt es nicht."
TOO_LARGE = "Das war zu viel Text auf einmal. Bitte kürze ihn und versuch es noch einmal."
WRONG_METHOD = "So lässt sich diese Adresse nicht öffnen. Bitte nimm die Links und Knöpfe auf den Seiten."
NO_REASON = "Bitte schreib eine Begründung – die Firma liest sie."
BAD_DAY = "Dieser Tag passt nicht zur Anfrage. Bitte lade die Seite neu."
STATUS = {"requested": "angefragt", "confirmed": "bestätigt", "declined": "abgesagt",
          "withdrawn": "zurückgezogen", "waiting": "Warteliste", "registered": "angemeldet",
          "waitlist": "Warteliste", "cancelled": "abgemeldet"}
STATE = {"BB": "Brandenburg", "SN": "Sachsen", None: "–", "": "–"}
FEED_NEW = "Neue Kalender-Adresse (nur im Team weitergeben, die alte gilt nicht mehr): {url}"
FEED_REVOKED = "Die Kalender-Adresse gilt nicht mehr."


def media_day_status(md: MediaDay | None, today: date) -> str:
    """Say in a few words where a company's media day stands (a cell of the Firmen table)."""
    if md is None or md.status == "withdrawn":
        return "–"
    if md.status == "confirmed" and md.day is not None:
        return f"{'erledigt' if md.day < today else 'bestätigt'}: {fmt_date(md.day)}"
    if md.status == "requested":
        return "angefragt"
    return STATUS.get(md.status, md.status)

# Kalender: what an entry's details say.
CAL_DATE = "Datum"
CAL_DAYS = "Tage"
CAL_TIME = "Uhrzeit"
CAL_WHEN = "Wann"
CAL_PLACE = "Ort"
CAL_ONLINE = "Online"
CAL_NO_LINK = "Link noch nicht eingetragen"
CAL_STATE = "Stand"
CAL_DEADLINE = "Anmeldeschluss"
CAL_AREA = "Standfläche"
CAL_SETUP = "Aufbau"
CAL_FOR = "Für Firmen aus"
CAL_COMPANY = "Firma"
CAL_HOLIDAY_IN = "Feiertag in"
CAL_ABOUT = "Worum es geht"
CAL_PLANNED = "findet statt"
CAL_CANCELLED = "abgesagt"
CAL_SKIPPED = "fällt aus"
CAL_MOVED = "verschoben, geplant war {when}"
CAL_CONFIRMED = "bestätigt"
CAL_MORE = {"event": "Teilnehmende und Warteliste", "fair": "Standplan und Anfragen",
            "media": "Seite der Firma"}
CAL_DETAILS_HINT = "Ein Eintrag öffnet sich mit Klick oder Eingabetaste und zeigt seine Einzelheiten."


# What an undelivered message was about, by the first part of its kind ("fair.decision": Messe),
# for the kinds that have no German name of their own (the switchable ones have one).
NOTICE_AREAS = {
    "catalogue": "Jahresplan", "event": "Termin", "fair": "Messe", "feedback": "Feedback",
    "film": "Filmreihe", "idea": "Idee", "media_day": "Medientag", "member": "Mitglieder",
    "news": "Rundschreiben", "personal": "Eigene Erinnerung", "poll": "Umfrage",
    "schaurein": "Schau rein", "stammtisch": "Stammtisch",
}
NOTICE_OTHER = "Nachricht"


def notice_label(kind: str, named: Mapping[str, str]) -> str:
    """Return the German name of an outbox row's kind: its own, else its area's."""
    if kind in named:
        return named[kind]
    area = kind.replace(":", ".").split(".", 1)[0]
    return NOTICE_AREAS.get(area, NOTICE_OTHER)
