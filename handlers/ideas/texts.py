"""German texts of the idea collection (/idee, /ideen, the author's notice)."""

from __future__ import annotations

from collections.abc import Callable

from storage.errors import DomainError

HELP_IDEE = "Eine Idee fürs Cluster einreichen"
HELP_IDEEN = "Ideen der Mitglieder ansehen und mit +1 unterstützen"
DIALOG_TITLE = "Neue Idee"
ASK_TEXT = "Was ist deine Idee? Schreib sie in ein paar Sätzen (höchstens 1000 Zeichen)."
ASK_THEME = "Zu welchem Thema passt sie am besten?"
SAVED = "Danke für deine Idee! Sie steht jetzt unter <b>{theme}</b> in /ideen – das Clusterteam schaut sie sich an."
NO_THEMES = "Gerade sind keine Themen hinterlegt – das Clusterteam pflegt sie im Jahresplan."
HEAD = "<b>Ideen der Mitglieder</b> – mit +1 unterstützt du eine Idee (einmal pro Idee)."
EMPTY = "Noch keine Ideen. Deine erste: /idee"
THEME_HEAD = "<b>{theme}</b>"
LINE = "#{id} {text} – <b>+{votes}</b>{status}{own}"
LINE_AUTHOR = " (von {author})"
OWN = " (deine Idee)"
STATUS = {"neu": "", "aufgegriffen": " · aufgegriffen", "erledigt": " · erledigt"}
NOTE = "\n   Notiz: {note}"
BTN_PLUS = "+1 für #{id}"
BTN_TAKEN = "Aufgegriffen #{id}"
BTN_DONE = "Erledigt #{id}"
PLUSSED = "Danke! Idee #{id} hat jetzt +{votes}."
STATUS_DIALOG = "Idee aufgreifen"
ASK_NOTE = "Notiz zu Idee #{id} (z. B. der Termin, zu dem sie wird) – oder „-“ für keine:"
MARKED = "Idee #{id} ist jetzt „{status}“.{told}"
TOLD = " Die Person, die sie eingereicht hat, bekommt Bescheid."
NOTICE = {
    "aufgegriffen": "💡 Deine Idee wurde vom Clusterteam <b>aufgegriffen</b>: „{text}“",
    "erledigt": "✅ Deine Idee ist <b>umgesetzt</b>: „{text}“ – danke fürs Mitdenken!",
}
NOTICE_NOTE = "\nNotiz des Teams: {note}"
NO_NOTE = ("-", "–", "keine", "nein")
OTHER_THEME = "Sonstiges"
SNIPPET = 160

RULES: dict[str, Callable[[DomainError], str]] = {
    "idea_empty": lambda e: "Die Idee ist leer. Schreib sie bitte in ein paar Worten.",
    "idea_too_long": lambda e: f"Das ist zu lang (höchstens {e.info['max']} Zeichen). Bitte kürzer.",
    "idea_theme_unknown": lambda e: "Dieses Thema gibt es nicht mehr. Bitte wähl eins aus der Liste.",
    "idea_unknown": lambda e: "Diese Idee gibt es nicht mehr.",
    "idea_own": lambda e: "Für die eigene Idee kann man nicht +1 geben – aber sag's gern weiter!",
    "idea_voted": lambda e: "Du hast diese Idee schon mit +1 unterstützt.",
    "idea_status_unknown": lambda e: "Diesen Stand kenne ich nicht.",
    "idea_note_too_long": lambda e: f"Die Notiz ist zu lang (höchstens {e.info['max']} Zeichen).",
}
