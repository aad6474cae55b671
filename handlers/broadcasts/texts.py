"""German texts of team broadcasts (/rundschreiben)."""

from __future__ import annotations

from collections.abc import Callable

from storage.errors import DomainError

HELP = "Rundschreiben an Mitglieder senden (mit Vorschau und Zustellbericht)"
DIALOG_TITLE = "Rundschreiben"
ASK_TEXT = "Was sollen die Mitglieder lesen? (höchstens 1800 Zeichen)"
ASK_URGENT = (
    "Normal (nachts zwischen 20 und 7 Uhr wird nichts zugestellt) oder dringend (sofort, "
    "auch nachts)?"
)
NORMAL, URGENT = "Normal", "Dringend"
PREVIEW = "<b>Vorschau</b> – so sieht es jede und jeder:"
RECIPIENTS = "Geht an <b>{count}</b> ({audience}){urgent}. Wer Rundschreiben abbestellt hat, bekommt es nicht."
URGENT_NOTE = ", dringend: auch in der Nachtruhe"
SEND = "Senden"
SENT = "Rundschreiben #{id} geht an {count}. Den Stand zeigt „Zustellbericht“."
BTN_REPORT = "Zustellbericht #{id}"
HEAD = "📣 <b>Rundschreiben des Clusterteams</b>\n\n{text}"
OPT_OUT = "Keine Rundschreiben mehr"
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
}
