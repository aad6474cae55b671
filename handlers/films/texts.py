"""German texts of the film series "Berufe mit Zukunft" (/film, /filme, notices, export)."""

from __future__ import annotations

from collections.abc import Callable

from handlers.core.format import esc
from storage.errors import DomainError

HEAD = (
    "<b>YouTube-Serie „{title}“</b>\nBis zu {max} Recruitingfilme, je einer pro Berufsgruppe – "
    "gedreht bei einer Clusterfirma, die diese Berufe ausbildet."
)
GROUP_FREE = "• {label}: frei"
GROUP_TAKEN = "• {label}: {company}{state}"
STATE_ASSIGNED = " (zugeordnet)"
STATE_INTEREST = " (Interesse)"
OWN_NONE = "\nInteresse? Wähl unten eine freie Berufsgruppe."
OWN_OPEN = "\nEuer Interesse: <b>{group}</b>{desc}. Ändern geht, bis das Team zuordnet."
OWN_NO_GROUP = "\nEuer Interesse ist vorgemerkt – wähl unten eure Berufsgruppe."
MINE_NO_GROUP = "Filmserie: Interesse vorgemerkt – Berufsgruppe wählen mit /film"
MINE = "Filmserie „{title}“: {group}{state}"
OWN_ASSIGNED = "\nEuer Film: <b>{group}</b> ist zugeordnet. Das Team meldet sich zum Dreh."
DIALOG_TITLE = "Interesse an der Filmserie"
ASK_DESC = "Beschreib kurz den Beruf für <b>{group}</b> (z. B. „Mechatroniker/in – Anlagen warten“):"
SAVED = "Danke! Euer Interesse für <b>{group}</b> ist vorgemerkt. Das Team ordnet zu und meldet sich."
ADMIN_HEAD = "<b>Filmserie „{title}“</b> – {films} von {max} Filmen belegt"
ADMIN_LINE = "<b>{company}</b>: {group}{state}{desc}"
NO_GROUP = "(noch keine Berufsgruppe)"
BTN_CONFIRM = "Bestätigen"
BTN_PICK = "Gruppe zuordnen"
PICK = "Welche Berufsgruppe bekommt {company}?"
ASSIGNED = "Zugeordnet: {company} – {group}."
NOTICE_ASSIGNED = "Gute Nachricht: Euer Film für „{title}“ ist zugeordnet – Berufsgruppe <b>{group}</b>. Das Team meldet sich zum Dreh."
EXPORT_COLUMNS = ("Firma", "Berufsgruppe", "Beschreibung", "Status", "Quelle", "Gemeldet am")
SOURCE_PLAN = "Jahresplan"
SOURCE_BOT = "im Bot gemeldet"
STATUS_ASSIGNED, STATUS_INTEREST = "zugeordnet", "Interesse"

# removing a company from its film (team) or withdrawing one's own company (member)
BTN_REMOVE = "Entfernen: {company}"
BTN_REMOVE_YES, BTN_WITHDRAW, BTN_WITHDRAW_YES, BTN_NO = (
    "Ja, entfernen", "Austragen", "Ja, austragen", "Nein")
ASK_REMOVE = "<b>{company}</b> wirklich aus dem Film <b>{group}</b> entfernen? Die Firma wird benachrichtigt."
REMOVED = "Entfernt: {company} – {group}. Der Platz ist frei und kann neu zugeordnet werden."
NOTICE_REMOVED = "Info zur Filmserie „{title}“: Eure Firma ist nicht mehr beim Film <b>{group}</b> dabei. Fragen? Meldet euch gern beim Clusterteam."
ASK_WITHDRAW = "Euren Film <b>{group}</b> wirklich austragen? Das Clusterteam wird informiert."
WITHDRAWN = "Ausgetragen: Ihr seid nicht mehr beim Film <b>{group}</b> dabei. Eine neue Gruppe wählen geht jederzeit mit /film."
TEAM_WITHDRAWN = "Filmserie „{title}“: <b>{company}</b> hat sich aus dem Film <b>{group}</b> ausgetragen. Der Platz ist wieder frei (/filme)."
TEAM_INTEREST = "Neues Interesse an der Filmserie"
TEAM_INTEREST_DETAILS = "„{title}“ – Berufsgruppe <b>{group}</b>{desc}\nZuordnen: /filme"
BTN_OPEN = "Filmliste öffnen"
KEPT = "Alles klar, es bleibt, wie es ist."
BAD_GROUP = "Diese Berufsgruppe kenne ich nicht."
NOT_FOUND = "Dieses Interesse finde ich nicht (mehr)."


def not_held(group: object) -> str:
    """Say that the company no longer holds the group (a stale button): nothing to do."""
    return (f"Diese Firma ist schon nicht mehr beim Film „{esc(group)}“ dabei – nichts zu tun. "
            "Den aktuellen Stand zeigen /film und /filme.")


RULES: dict[str, Callable[[DomainError], str]] = {
    "film_group_taken": lambda e: f"Die Berufsgruppe „{esc(e.info['group'])}“ ist schon vergeben – je Gruppe gibt es nur eine Firma. Die freien Gruppen zeigt /film.",
    "film_full": lambda e: f"Alle {e.info['max']} Filme sind schon vergeben.",
    "film_assigned": lambda e: f"Euer Film ist schon zugeordnet ({esc(e.info['group'])}) – Änderungen bitte über das Clusterteam.",
    "film_bad_group": lambda e: BAD_GROUP,
    "film_not_found": lambda e: NOT_FOUND,
    "film_not_held": lambda e: not_held(e.info["group"]),
}

# /hilfe lines and command-menu descriptions
HELP_FILM = "Filmserie „Berufe mit Zukunft“: Interesse melden"
HELP_FILME = "Filmserie: Interessen zuordnen"
EXPORT_LABEL = "Filmserie"
