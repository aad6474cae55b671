"""German texts of the web desk (page titles, labels, answers)."""

from __future__ import annotations

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
NO_REASON = "Bitte schreib eine Begründung – die Firma liest sie."
BAD_DAY = "Dieser Tag passt nicht zur Anfrage. Bitte lade die Seite neu."
STATUS = {"requested": "angefragt", "confirmed": "bestätigt", "declined": "abgesagt",
          "withdrawn": "zurückgezogen", "waiting": "Warteliste", "registered": "angemeldet",
          "waitlist": "Warteliste"}
STATE = {"BB": "Brandenburg", "SN": "Sachsen", None: "–", "": "–"}
FEED_NEW = "Neue Kalender-Adresse (nur im Team weitergeben, die alte gilt nicht mehr): {url}"
FEED_REVOKED = "Die Kalender-Adresse gilt nicht mehr."
