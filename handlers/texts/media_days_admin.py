"""German texts of the media team's side of media days (/medientage, /medientag_tage, export)."""

from __future__ import annotations

from datetime import date

from handlers.texts.common import esc, fmt_date

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
EXPORT_COLUMNS = (
    "Firma", "Land", "Status", "Termin", "Wunschtermine", "Formate", "Ansprechperson",
    "Kontakt", "Notiz", "Angefragt am", "Bestätigt am", "Absagegrund",
)


def confirmed_line(day: date, company: str, formats: str, state: str) -> str:
    """Return one line of the confirmed list."""
    return f"• {fmt_date(day)}: {esc(company)} – {formats}{state}"
