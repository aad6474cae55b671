"""German texts of /termine: the head, the filter buttons, fairs, Schau rein, Stammtisch."""

from __future__ import annotations

from datetime import date

from handlers.core.format import fmt_date

HELP = "Alles, was ansteht: Treffen, Messen, Schau rein, Stammtisch – mit Anmeldung"
ALL = "alle"
# Filter keys and their button labels, in the order of the buttons.
GROUPS = {
    ALL: "Alle",
    "treffen": "Treffen",
    "messen": "Messen",
    "schaurein": "Schau rein",
    "stammtisch": "Stammtisch",
    "weitere": "Aktionstage",
}
# What "/termine Messen" may say after the command, per filter key (lower case, no spaces).
TYPED_GROUPS = {
    "treffen": ("treffen", "netzwerk"),
    "messen": ("messe",),
    "schaurein": ("schaurein",),
    "stammtisch": ("stammtisch",),
    "weitere": ("aktion", "weitere", "speeddating", "girlsday", "boysday"),
}
RECURRING = "stammtisch"  # goes on without end: alone it does not count as "coming up"
HEAD = "<b>Kommende Termine</b> ({n})"
HEAD_GROUP = "<b>Kommende Termine – {group}</b> ({n})"
FILTER_HINT = "Nur eine Art zeigen? Tippe unten auf „Treffen“, „Messen“, …"
NONE_IN_GROUP = "Unter „{group}“ steht gerade nichts an. Alle kommenden Termine: „Alle“."
ACTIVE_MARK = "• "

FAIR_KIND = "Messe mit Gemeinschaftsstand der Zukunftsmacher"
FAIR_DEADLINE = "Standplatz anfragen bis {deadline}"
FAIR_CLOSED = "Anfragefrist vorbei – bitte direkt beim Clusterteam melden."
FAIR_REQUEST = "Eure Anfrage: {status}"
FAIR_ASK = "Standplatz anfragen"
FAIR_OPEN = "Eure Anfrage"
PLACE = "Ort: {place}"

SCHAU_KIND = "Für Betriebe in {state} – das Clusterteam hilft mit Ideen, Social Media und Presse"
STATES = {"BB": "Brandenburg", "SN": "Sachsen", "BE": "Berlin", "ST": "Sachsen-Anhalt",
          "TH": "Thüringen", "MV": "Mecklenburg-Vorpommern"}
SCHAU_DEADLINE = "Mitmachen bis {deadline}"
SCHAU_CLOSED = "Anmeldefrist vorbei"
SCHAU_SIGNED = "Ihr seid dabei: {days}"
SCHAU_JOIN = "Mitmachen"
SCHAU_OPEN = "Eure Anmeldung"

STAMMTISCH_KIND = "Online, alle {days} Tage – ohne Anmeldung, einfach reinkommen"
STAMMTISCH_MOVED = " (verschoben)"
STAMMTISCH_OPEN = "Stammtisch"


def span(first: date, last: date) -> str:
    """Format a week as "Mo, 9. März 2026 bis Sa, 14. März 2026" (one day alone)."""
    return fmt_date(first) if first == last else f"{fmt_date(first)} bis {fmt_date(last)}"
