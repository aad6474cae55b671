"""German texts of polls and date findings (/umfrage_neu, /terminfindung, /umfragen, notices)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from handlers.core.format import esc, fmt_dt
from storage.errors import DomainError

HELP_NEW = "Umfrage an Mitglieder anlegen und senden"
HELP_DATES = "Terminfindung: mögliche Termine abfragen"
HELP_LIST = "Laufende Umfragen mit Zwischenstand"
HELP_OPEN = "Offene Umfragen an dich: abstimmen oder deine Wahl ändern"
OPEN_NONE = "Gerade gibt es keine offene Umfrage an dich."

TITLE_POLL = "Neue Umfrage"
TITLE_DATES = "Neue Terminfindung"
ASK_QUESTION = "Wie lautet die Frage? (z. B. „Welches Thema wünscht ihr euch fürs nächste Netzwerktreffen?“)"
ASK_TOPIC = "Worum geht es? (z. B. „Generationendialog“ – das wird der Titel des Termins)"
ASK_OPTIONS = "Schreib die Antworten, <b>eine pro Zeile</b> (2 bis 10, je höchstens 120 Zeichen)."
ASK_DATES = (
    "Schreib die möglichen Termine, <b>einen pro Zeile</b> (2 bis 10), z. B.\n"
    "<code>Di 14.4. 16 Uhr\nDo 16.4. 10 Uhr</code>"
)
ASK_MODE = "Dürfen Mitglieder eine oder mehrere Antworten wählen?"
MODE_SINGLE, MODE_MULTI = "Eine Antwort", "Mehrere Antworten"
ASK_PRIVACY = "Mit Namen oder anonym? (Anonym: niemand sieht, wer wie gestimmt hat – auch nicht im Export.)"
PRIVACY_NAMED, PRIVACY_ANON = "Mit Namen", "Anonym"
ASK_AUDIENCE = "An wen geht die Frage?"
AUDIENCE_ALL = "Alle Mitglieder"
AUDIENCE_STATE = {"BB": "Firmen in Brandenburg", "SN": "Firmen in Sachsen"}
AUDIENCE_EVENT = "Angemeldete eines Termins"
AUDIENCE_EVENT_NAMED = "Angemeldete: {title}"
AUDIENCE_ROLE = "Eine Rolle im Betrieb"
AUDIENCE_ROLE_NAMED = "Rolle: {role}"
ASK_ROLE = (
    "Welche Rolle im Betrieb? In Klammern: wie viele sie mit /rolle angegeben haben. "
    "Wer keine Rolle angegeben hat, bekommt es nicht."
)
ROLE_COUNT = "{role} ({n})"
OTHER_AUDIENCE = "Andere Zielgruppe"

# /rolle: what a member does in their company
HELP_ROLE = "Deine Rolle im Betrieb angeben (z. B. Personal oder Ausbildung)"
ROLES = {
    "personal": "Personal / HR",
    "ausbildung": "Ausbildung / Ausbilder:in",
    "marketing": "Marketing / Social Media",
    "leitung": "Geschäftsführung",
}
ROLE_NONE = "Keine Angabe"
ROLE_CURRENT = "Deine Rolle im Betrieb: <b>{role}</b>."
ROLE_UNSET = "Du hast noch keine Rolle im Betrieb angegeben."
ROLE_WHY = "Damit kann dir das Clusterteam Umfragen und Rundschreiben schicken, die deine Rolle betreffen. Tipp auf deine Rolle:"
ROLE_SET = "Gespeichert: Deine Rolle im Betrieb ist <b>{role}</b>. Ändern geht jederzeit mit /rolle."
ROLE_CLEARED = "Gespeichert: keine Rolle angegeben. Ändern geht jederzeit mit /rolle."
ASK_EVENT = "Für welchen Termin? (die letzten Termine mit Anmeldungen)"
NO_EVENTS = "Es gibt gerade keinen Termin mit Anmeldungen über den Bot. Wähl eine andere Zielgruppe."
ASK_CLOSES = "Bis wann kann abgestimmt werden? (z. B. „Freitag 12 Uhr“ oder „20.3.“ – ohne Uhrzeit gilt 23:59 Uhr)"
CLOSES_AFTER_FIRST_DATE = "Der erste Termin ist schon am {first} – die Abstimmung muss vorher enden. Bitte nenn einen früheren Schluss."
CLOSES_PAST = "Dieser Zeitpunkt ist schon vorbei. Bitte nenn einen späteren."
ASK_PER_COMPANY = "Eine Stimme pro Firma? (Ja: die erste Person einer Firma stimmt für alle.)"
PREVIEW = "<b>Vorschau</b> – so sehen es die Mitglieder:"
PREVIEW_OPTIONS = "Antworten:"
RECIPIENTS = "Geht an <b>{count}</b> ({audience})."
REMIND_NOTE = "Erinnerung an alle, die noch nicht abgestimmt haben, einen Tag vor Schluss."
NOBODY = "In dieser Zielgruppe ist gerade niemand erreichbar – bitte wähl eine andere."
NO_REMIND_NOTE = "Schluss ist in weniger als einem Tag – eine Erinnerung gibt es deshalb nicht."
SEND, SEND_NO_REMIND = "Senden", "Ohne Erinnerung senden"
SENT = "Gesendet an {count}. Zwischenstand: /umfragen"
QUESTION_TOO_LONG = "Die Frage ist zu lang (höchstens {limit} Zeichen). Bitte kürzer."
DATE_LINE = "Zeile {line}: "
DATE_NOT_UNDERSTOOD = "Zeile {line}: „{text}“ verstehe ich nicht als Datum. Bitte z. B. „Di 14.4. 16 Uhr“."
DATE_PAST = "Zeile {line}: „{text}“ liegt in der Vergangenheit."

# the card members get
CARD_POLL = "📊 <b>Umfrage:</b> {question}"
CARD_DATES = "📅 <b>Terminfindung:</b> {question}\nBitte sag zu jedem Termin Ja, Vielleicht oder Nein."
CARD_FLAGS_SINGLE = "Eine Antwort"
CARD_FLAGS_MULTI = "Mehrere Antworten möglich"
CARD_FLAG_ANON = "anonym"
CARD_FLAG_NAMED = "mit Namen (das Team sieht, wer wie gestimmt hat)"
CARD_FLAG_COMPANY = "eine Stimme pro Firma"
CARD_UNTIL = "Abstimmen bis {closes}."
CARD_CLOSED = "Abgestimmt werden konnte bis {closes}."
CARD_NOT_VOTED = "Tipp unten auf deine Antwort – ändern geht bis zum Schluss."
CARD_VOTED = "Deine Wahl: <b>{choice}</b>. Ändern geht bis zum Schluss."
CARD_VOTED_NONE = "Gerade ist nichts gewählt."
CARD_COMPANY_VOTED = "Für eure Firma hat schon jemand abgestimmt: <b>{choice}</b>."
CARD_DATE_LINE = "{n}. {label}: {answer}"
CARD_THANKS = "Danke, gespeichert!"
REMINDER = "⏰ Nur noch bis {closes}: deine Antwort fehlt noch."
ANSWER_LABELS = {"ja": "Ja", "vielleicht": "Vielleicht", "nein": "Nein"}
ANSWER_BUTTONS = {"ja": "Ja", "vielleicht": "Vielleicht", "nein": "Nein"}
NO_ANSWER = "–"
CHOSEN_MARK = "✅ "
OPTION_BUTTON = "{n}. {label}"

# results
RESULT_HEAD_POLL = "📊 <b>Ergebnis der Umfrage:</b> {question}"
RESULT_HEAD_DATES = "📅 <b>Ergebnis der Terminfindung:</b> {question}"
RESULT_TURNOUT = "{answered} von {asked} haben abgestimmt."
RESULT_LINE = "{label}: {votes} ({pct} %)"
RESULT_DATE_LINE = "{rank}. {label} – Ja {ja} · Vielleicht {vielleicht} · Nein {nein}"
RESULT_WINNER = "Am besten passt: <b>{label}</b>"
RESULT_NO_WINNER = "Kein Termin hat ein Ja oder Vielleicht bekommen."
RESULT_NONE = "Es hat niemand abgestimmt."
CHART_VOTES = "Stimmen"
CHART_ANSWERS = "Antworten"
CHART_FILE = "umfrage-{id}-ergebnis.png"
TEAM_FILES = "Export der Umfrage „{question}“ ({kind}):"
EXPORT_LABEL = "Umfrage"
EXPORT_USAGE = "So geht's: <code>/export umfrage NUMMER</code> – die Nummern stehen in /umfragen."
DRAFT_BUTTON = "Als Termin anlegen: {label}"

# /umfragen
LIST_HEAD = "<b>Umfragen</b> (offen und die letzten 30 Tage)"
LIST_EMPTY = "Keine Umfragen. Neue: /umfrage_neu oder /terminfindung"
LIST_OPEN = "\n<b>#{id}</b> {question}\noffen bis {closes} · {answered} von {asked} abgestimmt"
LIST_CLOSED = "\n<b>#{id}</b> {question}\nbeendet {closed} · {answered} von {asked} abgestimmt"
LIST_COUNT = "  {label}: {votes}"
LIST_DATE_COUNT = "  {label}: Ja {ja} · Vielleicht {vielleicht} · Nein {nein}"
BTN_EXPORT = "Export #{id}"
BTN_CLOSE = "Beenden #{id}"
ASK_CLOSE = "Umfrage #{id} „{question}“ jetzt beenden? Alle Gefragten bekommen dann das Ergebnis."
BTN_CLOSE_YES, BTN_NO = "Ja, beenden", "Nein"
KEPT = "Alles bleibt, wie es war."
CLOSED_ALREADY = "Umfrage #{id} ist schon beendet; das Ergebnis ging an alle Gefragten. Export: /umfragen"
CLOSED_NOW = "Umfrage #{id} ist beendet; das Ergebnis geht an alle Gefragten."
NOT_DATES = "Das geht nur bei einer Terminfindung."
EXPORT_NAMES = ("Name", "Firma", "Antwort", "Geändert")
EXPORT_COUNTS = ("Antwort", "Stimmen")
EXPORT_DATE_COUNTS = ("Termin", "Ja", "Vielleicht", "Nein")

SWITCH_REMINDER = "Erinnerungen an Umfragen"


def votes(n: int) -> str:
    """Return "1 Stimme" / "3 Stimmen"."""
    return f"{n} Stimme" if n == 1 else f"{n} Stimmen"


def people(n: int) -> str:
    """Return "1 Person" / "3 Personen"."""
    return f"{n} Person" if n == 1 else f"{n} Personen"


def companies(n: int) -> str:
    """Return "1 Firma" / "3 Firmen"."""
    return f"{n} Firma" if n == 1 else f"{n} Firmen"


def _closed(e: DomainError) -> str:
    closes = e.info.get("closes_at")
    when = fmt_dt(closes) if isinstance(closes, datetime) else ""
    return (f"Diese Umfrage ist seit {when} beendet – deine Antwort kam leider zu spät. "
            "Das Ergebnis bekommst du per Nachricht.")


RULES: dict[str, Callable[[DomainError], str]] = {
    "poll_unknown": lambda e: "Diese Umfrage gibt es nicht mehr.",
    "poll_closed": _closed,
    "poll_not_asked": lambda e: "Diese Umfrage ging nicht an dich – abstimmen können nur die Gefragten.",
    "poll_company_voted": lambda e: (
        "Für eure Firma hat schon eine Kollegin oder ein Kollege abgestimmt – pro Firma zählt eine Stimme."),
    "poll_option_count": lambda e: (
        f"Bitte {e.info['min']} bis {e.info['max']} Antworten, eine pro Zeile "
        f"(gerade sind es {e.info['given']})."),
    "poll_option_long": lambda e: (
        f"Die Antwort „{esc(e.info['label'])}“ ist zu lang (höchstens {e.info['max']} Zeichen)."),
    "poll_option_twice": lambda e: "Eine Antwort steht doppelt da. Bitte jede nur einmal.",
    "poll_closes_past": lambda e: CLOSES_PAST,
    "poll_no_recipients": lambda e: "In dieser Zielgruppe ist gerade niemand erreichbar. Bitte wähl eine andere.",
    "audience_unknown": lambda e: "Diese Zielgruppe kenne ich nicht.",
    "role_unknown": lambda e: "Diese Rolle kenne ich nicht. Tipp bitte auf eine der Rollen unter /rolle.",
    "role_needs_company": lambda e: (
        "Eine Rolle im Betrieb gibt es erst, wenn du mit einer Mitgliedsfirma verbunden bist "
        "(Einladungscode mit /start CODE)."),
}
