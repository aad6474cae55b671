"""German texts of the media days (member side, rules, notices, reminders, nudges)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from handlers.texts.common import esc, fmt_date
from storage.errors import DomainError

STATE_LONG = {"BB": "Brandenburg", "SN": "Sachsen"}
CHECKLIST = (
    "Ansprechperson ist an dem Tag da",
    "Azubis wissen Bescheid und haben Zeit",
    "Einverständnis für Fotos und Videos liegt vor",
    "ein ruhiger Raum für den Podcast",
)


def days_text(days: Iterable[date]) -> str:
    """Join dates as "Mo, 16. Februar 2026, Di, …"."""
    return "; ".join(fmt_date(d) for d in days) or "–"


def formats_text(keys: Iterable[str], labels: dict[str, str]) -> str:
    """Join format labels ("Podcast, Fotos")."""
    return ", ".join(labels.get(k, k) for k in keys) or "–"


def _taken(e: DomainError) -> str:
    free = e.info.get("free") or []
    tail = f" – frei wären: {days_text(free)}." if free else ". Bitte nenn einen anderen Tag."  # type: ignore[arg-type]
    return f"Der {fmt_date(e.info['day'])} ist schon vergeben{tail}"  # type: ignore[arg-type]


RULES: dict[str, Callable[[DomainError], str]] = {
    "md_past": lambda e: f"Der {fmt_date(e.info['day'])} liegt in der Vergangenheit. Bitte nenn einen Tag in der Zukunft.",  # type: ignore[arg-type]
    "md_too_soon": lambda e: (
        f"Der {fmt_date(e.info['day'])} ist zu knapp: Wir brauchen mindestens "  # type: ignore[arg-type]
        f"{e.info['min_days']} Tage Vorlauf, also frühestens {fmt_date(e.info['earliest'])}."  # type: ignore[arg-type]
    ),
    "md_weekend": lambda e: (
        f"Das ist ein {'Samstag' if e.info['day'].weekday() == 5 else 'Sonntag'} – "  # type: ignore[attr-defined]
        "der Medientag geht nur an Werktagen."
    ),
    "md_holiday": lambda e: (
        f"Der {fmt_date(e.info['day'])} ist ein Feiertag"  # type: ignore[arg-type]
        f"{' in ' + STATE_LONG[e.info['state']] if e.info['state'] in STATE_LONG else ''} "  # type: ignore[index]
        f"({esc(e.info['name'])}) – bitte nenn einen Werktag."
    ),
    "md_year_taken": lambda e: (
        f"Ihr habt schon einen Medientag {e.info['year']} – mehr sind pro Jahr nicht möglich. "
        "Ändern geht über /medientag."
    ),
    "md_day_taken": _taken,
    "md_no_format": lambda e: "Bitte wähl mindestens ein Format.",
    "md_bad_wishes": lambda e: f"Bitte nenn einen bis {e.info['max']} verschiedene Wunschtermine.",
    "md_not_open": lambda e: "Das geht bei diesem Medientag nicht mehr (schon bestätigt, abgesagt oder zurückgezogen).",
    "md_not_found": lambda e: "Diesen Medientag finde ich nicht (mehr).",
}


def rule_text(err: DomainError) -> str:
    """Return the German reason a media day rule refused something."""
    render = RULES.get(err.code)
    return render(err) if render else "Das ging leider nicht."


# --- member: status and dialog ---------------------------------------------------------------
STATUS_NONE = (
    "<b>Medientag</b>\nIhr habt noch keinen Medientag. Das Medienteam kommt gern vorbei – "
    "für einen Podcast, Social-Media-Clips und Fotos."
)
MINE_NONE = "Medientag: noch keiner – anfragen mit /medientag"
STATUS_REQUESTED = "<b>Medientag: angefragt</b>\n{summary}"
STATUS_CONFIRMED = "<b>Medientag: bestätigt für {day}</b>\nFormate: {formats}"
STATUS_MOVE = "\nVerschiebung angefragt – Wunschtermine: {wishes}"
STATUS_DONE = "<b>Medientag: erledigt</b> (am {day}). Danke!"
STATUS_PROPOSED = "\nDas Medienteam schlägt den <b>{day}</b> vor. Passt euch das?"
BTN_REQUEST = "Medientag anfragen"
BTN_CHANGE = "Anfrage ändern"
BTN_WITHDRAW = "Anfrage zurückziehen"
BTN_MOVE = "Verschiebung anfragen"
BTN_ACCEPT = "Vorschlag passt"
BTN_REJECT = "Passt nicht"
MEMBERS_ONLY = "Das geht nur für Mitgliedsfirmen (erst mit /start CODE verknüpfen)."
WITHDRAWN = "Eure Anfrage ist zurückgezogen. Ihr könnt jederzeit neu anfragen: /medientag"
ALREADY_OPEN = "Ihr habt schon einen Medientag angefragt oder bestätigt – hier der Stand:"
PROPOSAL_REJECTED = "Alles klar, das Medienteam meldet sich mit einem anderen Vorschlag."

DIALOG_TITLE = "Medientag anfragen"
MOVE_TITLE = "Medientag verschieben"
ASK_STATE = (
    "In welchem Bundesland liegt euer Betrieb? (Wegen der Feiertage – ich frage nur einmal.)"
)
ASK_FORMATS = "Was soll entstehen? Tippe an, was passt (mehrere möglich), dann „Weiter“.\nGewählt: {chosen}"
BTN_NEXT = "Weiter"
ASK_WISH = (
    "Wunschtermin {n} von höchstens 3: Schreib ein Datum (z. B. „16.2.“ oder „Dienstag in "
    "drei Wochen“){offered}."
)
OFFERED_HINT = " oder nimm einen Tag, den das Medienteam anbietet"
WISHES_SO_FAR = "Bisher: {wishes}"
BTN_WISHES_DONE = "Fertig mit Terminen"
ASK_CONTACT = "Wer ist an dem Tag eure Ansprechperson? (Name)"
ASK_REACH = "Wie erreichen wir {name}? (Telefon oder E-Mail)"
BAD_REACH = (
    "Das sieht nicht nach Telefonnummer oder E-Mail-Adresse aus. Schreib sie bitte z. B. so: "
    "„0355 123456“ oder „name@firma.de“."
)
BTN_KEEP_CONTACT = "Wie bisher: {name}"
ASK_NOTE = "Noch eine Notiz fürs Team? Z. B. welche Azubis, welche Berufe. Oder „Keine Notiz“."
BTN_NO_NOTE = "Keine Notiz"
BTN_KEEP_NOTE = "Notiz behalten"
BTN_SEND = "Anfrage senden"
SUMMARY = (
    "Formate: {formats}\nWunschtermine: {wishes}\nAnsprechperson: {contact} ({reach})\n"
    "Notiz: {note}"
)
ASK_SEND = "<b>Deine Anfrage</b>\n{summary}\n\nAlles richtig?"
SENT = (
    "Danke! Euer Medientag ist <b>angefragt</b>. Das Medienteam prüft eure Wunschtermine "
    "und bestätigt einen davon (oder schlägt einen anderen vor) – ihr bekommt hier sofort "
    "Bescheid. Ändern oder zurückziehen: /medientag"
)
MOVE_SENT = (
    "Danke! Die Verschiebung ist angefragt. Bis das Medienteam bestätigt, gilt der bisherige "
    "Termin."
)
ALREADY_WISHED = "Den {day} hast du schon genannt."
NEED_WISH = "Bitte nenn mindestens einen Wunschtermin – schreib ein Datum, z. B. „16.3.“."
BTN_KEEP_WISHES = "Wie bisher: {days}"
# typed answers that mean the same as a button (people often type instead of tapping)
YES_WORDS = ("ja", "j", "yes", "passt", "ok", "okay")
NO_WORDS = ("nein", "n", "no", "nee")
DONE_WORDS = ("fertig", "weiter", "fertig mit terminen", "das wars", "das war's", "reicht",
              "nein", "keine", "keine weiteren", "nein danke")
ALL_WORDS = ("alle", "alles", "alle drei", "alles drei", "komplett")
NO_NOTE_WORDS = ("keine", "keine notiz", "kein", "nein", "nichts", "-", "–", "nö")
SUMMARY_MOVE = "Verschieben auf einen dieser Tage: {wishes}"


def summary(md_formats: list[str], wishes: list[date], contact: str, reach: str, note: str,
            labels: dict[str, str]) -> str:
    """Summarise a request (all user values escaped)."""
    return SUMMARY.format(
        formats=formats_text(md_formats, labels), wishes=days_text(wishes),
        contact=esc(contact or "–"), reach=esc(reach or "–"), note=esc(note or "–"),
    )


# --- notices, reminders, nudges --------------------------------------------------------------
NOTICE_CONFIRMED = (
    "<b>Medientag bestätigt:</b> Das Medienteam kommt am <b>{day}</b> zu {company}.\n"
    "Formate: {formats}. Wir erinnern euch rechtzeitig vorher."
)
NOTICE_DECLINED = "Eure Medientag-Anfrage wurde leider abgesagt: {reason}\nNeu anfragen: /medientag"
NOTICE_MOVE_DECLINED = "Die Verschiebung geht leider nicht: {reason}\nEuer Termin {day} bleibt."
NOTICE_PROPOSED = (
    "Das Medienteam schlägt für euren Medientag den <b>{day}</b> vor. Passt euch das? "
    "Antwort über /medientag."
)
REMINDER = (
    "<b>Erinnerung: Medientag {when}</b> – am {day} kommt das Medienteam zu {company}.\n"
    "Formate: {formats}\nKurze Checkliste:\n{checklist}"
)
NUDGE = (
    "Hallo! Für {company} gibt es noch keinen Medientag. Das Medienteam kommt gern vorbei "
    "(Podcast, Social-Media-Clips, Fotos) – Anfrage in zwei Minuten: /medientag"
)
BTN_NUDGE_OFF = "Keine Erinnerungen mehr"
NUDGE_OFF = "Verstanden – keine monatlichen Medientag-Erinnerungen mehr."
ADMIN_NEW = "<b>Neue Medientag-Anfrage</b> von {company}\n{summary}\nAlles im Überblick: /medientage"
ADMIN_CHANGED = "<b>Medientag-Anfrage geändert</b> von {company}\n{summary}\nÜberblick: /medientage"
ADMIN_WITHDRAWN = "{company} hat die Medientag-Anfrage zurückgezogen."
ADMIN_MOVE = "<b>{company} möchte den Medientag ({day}) verschieben</b> – Wunschtermine: {wishes}\nÜberblick: /medientage"
ADMIN_ACCEPTED = "{company} hat euren Vorschlag angenommen: Medientag am {day} ist bestätigt."
ADMIN_REJECTED = "{company} passt der vorgeschlagene Tag ({day}) nicht. Überblick: /medientage"

KIND_LABELS = {
    "media_day.reminder": "Medientag: Erinnerung vor dem Termin",
    "media_day.notice": "Medientag: Bestätigungen und Antworten",
    "media_day.nudge": "Medientag: monatliche Erinnerung ohne Termin",
}


def reminder(days_before: int, day: date, company: str, formats: str) -> str:
    """Return the reminder text N days before a media day."""
    when = "morgen" if days_before == 1 else f"in {days_before} Tagen"
    checklist = "\n".join(f"☐ {item}" for item in CHECKLIST)
    return REMINDER.format(when=when, day=fmt_date(day), company=esc(company), formats=formats,
                           checklist=checklist)

# /hilfe lines and command-menu descriptions
HELP_MEDIENTAG = "Medientag anfragen oder Status ansehen"
HELP_MEDIENTAGE = "Medientage: Überblick und Bestätigen"
HELP_MEDIENTAG_TAGE = "Angebotene Medientage: /medientag_tage 3.2., 10.2."
EXPORT_LABEL = "Medientage"
