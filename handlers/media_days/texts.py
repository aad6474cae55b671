"""German texts of media days: the company's side, the rules, notices, the team's side."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import cast

from handlers.core.format import esc, fmt_date
from storage.errors import DomainError

STATE_LONG = {"BB": "Brandenburg", "SN": "Sachsen"}
CHECKLIST = (
    "Ansprechperson ist an dem Tag da",
    "Azubis wissen Bescheid und haben Zeit",
    "Einverständnis für Fotos und Videos liegt vor",
    "ein ruhiger Raum für den Podcast",
)


def days_text(days: Iterable[date]) -> str:
    """Join dates as "Mo, 16. Februar 2026; Di, …"."""
    return "; ".join(fmt_date(d) for d in days) or "–"


def formats_text(keys: Iterable[str], labels: dict[str, str], sep: str = ", ") -> str:
    """Join format labels ("Podcast, Fotos"; exports pass "; ")."""
    return sep.join(labels.get(k, k) for k in keys) or "–"


# --- rules -----------------------------------------------------------------------------------
NOT_OPEN = "Das geht bei diesem Medientag nicht mehr (schon bestätigt, abgesagt oder zurückgezogen)."
NOT_FOUND = "Diesen Medientag finde ich nicht (mehr)."
SEE_STATUS = "\nDen aktuellen Stand zeigt /medientag."


def _day(e: DomainError, key: str = "day") -> date:
    return cast(date, e.info[key])


def _taken(e: DomainError) -> str:
    free = cast(list[date], e.info.get("free") or [])
    tail = f" – frei wären: {days_text(free)}." if free else ". Bitte nenn einen anderen Tag."
    return f"Der {fmt_date(_day(e))} ist schon vergeben{tail}"


def _holiday(e: DomainError) -> str:
    state = STATE_LONG.get(str(e.info["state"]))
    where = f" in {state}" if state else ""
    return (f"Der {fmt_date(_day(e))} ist ein Feiertag{where} ({esc(e.info['name'])}) – "
            "bitte nenn einen Werktag.")


def _weekend(e: DomainError) -> str:
    name = "Samstag" if _day(e).weekday() == 5 else "Sonntag"
    return f"Das ist ein {name} – der Medientag geht nur an Werktagen."


RULES: dict[str, Callable[[DomainError], str]] = {
    "md_past": lambda e: f"Der {fmt_date(_day(e))} liegt in der Vergangenheit. Bitte nenn einen Tag in der Zukunft.",
    "md_too_soon": lambda e: (
        f"Der {fmt_date(_day(e))} ist zu knapp: Wir brauchen mindestens "
        f"{e.info['min_days']} Tage Vorlauf, also frühestens {fmt_date(_day(e, 'earliest'))}."
    ),
    "md_weekend": _weekend,
    "md_holiday": _holiday,
    "md_year_taken": lambda e: (
        f"Ihr habt schon einen Medientag {e.info['year']} – mehr sind pro Jahr nicht möglich. "
        "Ändern geht über /medientag."
    ),
    "md_day_taken": _taken,
    "md_no_format": lambda e: "Bitte wähl mindestens ein Format.",
    "md_bad_wishes": lambda e: f"Bitte nenn einen bis {e.info['max']} verschiedene Wunschtermine.",
    "md_not_open": lambda e: NOT_OPEN,
    "md_not_found": lambda e: NOT_FOUND,
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
WITHDRAWN_BY = (
    "{name} hat eure Medientag-Anfrage zurückgezogen. Ihr könnt jederzeit neu anfragen: "
    "/medientag"
)
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
NOTICE_TEAM_NOTE = "\nHinweis vom Medienteam: {note}"
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
ADMIN_NEW = "Neue Medientag-Anfrage"
ADMIN_CHANGED = "Medientag-Anfrage geändert"
ADMIN_OVERVIEW = "\nAlles im Überblick: /medientage"
BTN_OPEN = "Anfrage öffnen"
ADMIN_WITHDRAWN = "{company} hat die Medientag-Anfrage zurückgezogen."
ADMIN_MOVE = "<b>{company} möchte den Medientag ({day}) verschieben</b> – Wunschtermine: {wishes}\nÜberblick: /medientage"
ADMIN_ACCEPTED = "{company} hat euren Vorschlag angenommen: Medientag am {day} ist bestätigt."
ADMIN_REJECTED = "{company} passt der vorgeschlagene Tag ({day}) nicht. Überblick: /medientage"
# the kinds people may switch off in /erinnerungen (answers to their own request always come)
SWITCH_REMINDER = "Medientag: Erinnerung vor dem Termin"
SWITCH_NUDGE = "Medientag: monatliche Erinnerung ohne Termin"


def reminder(days_before: int, day: date, company: str, formats: str) -> str:
    """Return the reminder text N days before a media day."""
    when = "morgen" if days_before == 1 else f"in {days_before} Tagen"
    checklist = "\n".join(f"☐ {item}" for item in CHECKLIST)
    return REMINDER.format(when=when, day=fmt_date(day), company=esc(company), formats=formats,
                           checklist=checklist)


# --- the team's side: /medientage, /medientag_tage, export ------------------------------------
HEAD = "<b>Medientage</b> – {confirmed} bestätigt, {requested} offen, {without} Firmen ohne Termin"
CONFIRMED_HEAD = "\n<b>Bestätigt</b> (nach Datum):"
NONE = "– noch keine"
DONE = " (erledigt)"
MOVE_WANTED = " (Verschiebung angefragt)"
WITHOUT = "\n<b>{n} Firmen ohne Termin:</b> {names}"
NUDGED = "\n<b>Zuletzt erinnert:</b> {names}"
NUDGED_NONE = "\nZuletzt erinnert: noch niemand (monatlich am ersten Werktag um 9 Uhr)."
REQUESTED_HEAD = "\n<b>Angefragt</b> ({n}, älteste zuerst) – Karten unten:"
REQUESTED_NONE = "\n<b>Angefragt:</b> keine offenen Anfragen."
REQUEST_CARD = "<b>{company}</b> ({state}) – angefragt am {since}\n{summary}"
MOVE_CARD = "<b>{company}</b> ({state}) – möchte den {day} verschieben\n{summary}"
STATE_UNKNOWN = "Land unbekannt"
WISH_TAKEN = "\nSchon an eine andere Firma vergeben: {days}"
PROPOSED = "\nVorgeschlagen: {day} (wartet auf Antwort)"
BTN_PROPOSE = "Anderen Tag vorschlagen"
BTN_DECLINE = "Absagen"
CONFIRMED = "Bestätigt: <b>{company}</b> am {day}. Die Firma ist informiert, Erinnerungen sind geplant."
PROPOSE_TITLE = "Medientag: anderen Tag vorschlagen"
ASK_PROPOSE = "Welchen Tag schlägst du {company} vor?"
PROPOSED_SENT = "Vorschlag {day} an {company} geschickt."
DECLINE_TITLE = "Medientag absagen"
ASK_REASON = "Warum sagen wir {company} ab? (Der Grund geht so an die Firma.)"
DECLINED = "Abgesagt – {company} ist informiert."
OFFERS = "Angebotene Tage: {days}"
OFFERS_NONE = "Noch keine Tage angeboten. So geht's: <code>/medientag_tage 3.2., 10.2., 17.2.</code>"
OFFERS_SPAN = (
    "Bitte nenn jeden Tag einzeln, z. B. <code>/medientag_tage 16.3., 17.3., 18.3.</code> – "
    "Zeiträume wie „16.-20.3.“ oder „KW 12“ nehme ich nicht an. Es wurde nichts gespeichert."
)
OFFERS_BAD = "Diese Tage verstehe ich nicht (oder sie liegen in der Vergangenheit): {parts}"
OFFERS_CLOSED = (
    "Kein Werktag (Wochenende oder Feiertag): {days}. Bitte nur Montag bis Freitag anbieten – "
    "es wurde nichts gespeichert."
)
OFFERS_ADDED = "Angeboten: {days}. Firmen sehen sie beim Anfragen als Knöpfe."
STATUS_LABELS = {
    "requested": "angefragt", "confirmed": "bestätigt", "done": "erledigt",
    "declined": "abgesagt", "withdrawn": "zurückgezogen",
}
EXPORT_COLUMNS = (  # the wished days go after "Termin", one column each
    "Firma", "Land", "Status", "Termin", "Formate", "Ansprechperson",
    "Kontakt", "Notiz", "Angefragt am", "Bestätigt am", "Absagegrund",
)


def confirmed_line(day: date | None, company: str, formats: str, state: str) -> str:
    """Return one line of the confirmed list."""
    when = fmt_date(day) if day else "–"
    return f"• {when}: {esc(company)} – {formats}{state}"


# /hilfe lines and command-menu descriptions
HELP_MEDIENTAG = "Medientag anfragen oder Status ansehen"
HELP_MEDIENTAGE = "Medientage: Überblick und Bestätigen"
HELP_MEDIENTAG_TAGE = "Angebotene Medientage: /medientag_tage 3.2., 10.2."
EXPORT_LABEL = "Medientage"
