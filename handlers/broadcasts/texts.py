"""German texts of team broadcasts (/rundschreiben)."""

from __future__ import annotations

from collections.abc import Callable

from storage.errors import DomainError

HELP = "Rundschreiben an Mitglieder senden (mit Vorschau und Zustellbericht)"
DIALOG_TITLE = "Rundschreiben"
ASK_TEXT = "Was sollen die Mitglieder lesen? (höchstens 1800 Zeichen)"
ASK_URGENT = (
    "Normal (nachts zwischen {start} und {end} Uhr wird nichts zugestellt) oder dringend "
    "(sofort, auch nachts)?"
)
ASK_URGENT_ALWAYS = "Normal oder dringend? (Eine Nachtruhe ist nicht eingestellt.)"
NORMAL, URGENT = "Normal", "Dringend"
ASK_FILE = (
    "Soll eine Datei oder ein Bild mit (z. B. ein Flyer)? Dann schick sie jetzt hier in den "
    "Chat (höchstens {limit} MB). Sonst tipp auf „Ohne Datei“."
)
NO_FILE = "Ohne Datei"
TEXT_FIRST = "Jetzt fehlt noch der Text."
FILE_HELP = "Schick eine Datei oder ein Bild in diesen Chat – oder tipp auf „Ohne Datei“."
FILE_KEPT = "Datei „{name}“ kommt mit."
FILE_TOO_LARGE = "„{name}“ ist zu groß (höchstens {limit} MB). Schick bitte eine kleinere Datei oder tipp auf „Ohne Datei“."
FILE_NOT_FETCHED = "„{name}“ konnte ich nicht laden. Schick sie bitte noch einmal oder tipp auf „Ohne Datei“."
WITH_FILE = "\nMit Datei: <b>{name}</b> (kommt mit dem Text)."
PREVIEW = "<b>Vorschau</b> – so sieht es jede und jeder:"
RECIPIENTS = "Geht an <b>{count}</b> ({audience}){urgent}. Wer Rundschreiben abbestellt hat, bekommt es nicht."
URGENT_NOTE = ", dringend: auch in der Nachtruhe"
SEND = "Senden"
ASK_AUDIENCE = "An wen geht das Rundschreiben?"
OTHER_AUDIENCE = "Andere Zielgruppe"
NOBODY = "In dieser Zielgruppe ist gerade niemand erreichbar – bitte wähl eine andere."
SENT = "Rundschreiben #{id} geht an {count}. Den Stand zeigt „Zustellbericht“."
SENT_QUIET = " Jetzt ist Nachtruhe: zugestellt wird ab {end} Uhr."
BTN_REPORT = "Zustellbericht #{id}"
HEAD = "📣 <b>Rundschreiben des Clusterteams</b>\n\n{text}"
OPT_OUT = "Keine Rundschreiben mehr"
OPT_OUT_WORDS = ("keine rundschreiben mehr", "keine rundschreiben", "rundschreiben abbestellen",
                 "rundschreiben aus")
SWITCH = "Rundschreiben (Neuigkeiten)"
REPORT = (
    "<b>Zustellbericht Rundschreiben #{id}</b> ({count})\nZugestellt: {sent}\n"
    "Nicht erreichbar: {unreachable}\nAbbestellt: {opted_out}\nNoch offen (Nachtruhe, "
    "Wiederholung): {waiting}{other}"
)
REPORT_OTHER = "\nVerworfen (zu spät, aufgegeben): {n}"

RULES: dict[str, Callable[[DomainError], str]] = {
    "news_empty": lambda e: "Das Rundschreiben ist leer. Schreib bitte einen Text.",
    "news_too_long": lambda e: f"Das ist zu lang (höchstens {e.info['max']} Zeichen). Bitte kürzer.",
    "news_unknown": lambda e: "Dieses Rundschreiben gibt es nicht.",
    "news_file_empty": lambda e: "Die Datei ist leer. Schick bitte eine andere oder tipp auf „Ohne Datei“.",
    "news_file_too_large": lambda e: f"Die Datei ist zu groß (höchstens {e.info['max']} MB).",
    "news_file_gone": lambda e: "Die Datei ist nicht mehr da. Fang das Rundschreiben bitte mit /rundschreiben neu an.",
}
