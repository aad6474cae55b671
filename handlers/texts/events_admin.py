"""German texts of the cluster team's event commands: new, edit, cancel, participants, export."""

from __future__ import annotations

HELP_NEW = "Neuen Termin anlegen"
HELP_EDIT = "Termin ändern (Zeit, Ort, Plätze, …)"
HELP_CANCEL = "Termin absagen: /termin_absagen Titel"
HELP_PARTICIPANTS = "Anmeldungen zu einem Termin: /teilnehmer Titel"
DIALOG_NEW = "Neuer Termin"
DIALOG_EDIT = "Termin bearbeiten"

ASK_TITLE = "Neuer Termin – wie heißt er? (z. B. „Netzwerktreffen: Ausbildungs-Marketing“)"
ASK_WHEN = "Wann? Zum Beispiel „5.3. 10-15 Uhr“ oder „Donnerstag 14 Uhr“."
ASK_PLACE = "Wo findet er statt? (Ort, Adresse oder „online“)"
ASK_TOPIC = "Thema in einem Satz? („-“ für keins)"
ASK_KIND = "Wie melden sich die Firmen an?"
KIND_CHOICES = {"intern": "Über den Bot", "extern": "Beim Veranstalter (Link)", "info": "Nur Info"}
ASK_CAPACITY = "Wie viele Plätze (Personen) gibt es?"
ASK_DEADLINE = "Anmeldefrist? Zum Beispiel „26.2.“ (bis 23:59 Uhr) – oder „-“ für keine."
ASK_LINK_EXTERN = "Link zur Anmeldung beim Veranstalter (https://…)?"
ASK_LINK_INFO = "Link mit mehr Infos (https://…)? „-“ für keinen."
PREVIEW = "<b>Vorschau</b> – so sehen die Mitglieder den Termin. Speichern?"
SAVE = "Speichern"
SAVED = "Gespeichert: <b>{title}</b>. Die Mitglieder sehen ihn ab sofort unter /termine."

BAD_TITLE = "Bitte gib einen Titel ein (höchstens {limit} Zeichen)."
BAD_PLACE = "Bitte gib einen Ort ein (höchstens {limit} Zeichen)."
BAD_TOPIC = "Das Thema ist zu lang (höchstens {limit} Zeichen). „-“ für keins."
BAD_CAPACITY = "Bitte eine Zahl von 1 bis {max} schreiben, z. B. „40“."
BAD_REMINDERS = "Bitte Tage als Zahlen von 1 bis {max} schreiben, z. B. „7, 1“ (oder „-“)."
LINK_REQUIRED = "Ohne Link wissen die Firmen nicht, wo sie sich anmelden – bitte den Link des Veranstalters."
BAD_LINK = "Bitte einen vollständigen Link schreiben, der mit https:// beginnt (oder „-“)."
NEED_TIME = "Bitte mit Uhrzeit, z. B. „5.3. 10-15 Uhr“ oder „5.3. 10 Uhr“."
DEADLINE_AFTER_START = "Die Anmeldefrist muss vor dem Beginn des Termins liegen."

PICK = "Welcher Termin?"
NOT_FOUND = "Einen Termin „{query}“ finde ich nicht. Kommende Termine: /termine"
ASK_FIELD = "Was möchtest du bei <b>{title}</b> ändern?"
FIELDS = {
    "title": "Titel", "when": "Zeit", "place": "Ort", "topic": "Thema",
    "capacity": "Plätze", "deadline": "Anmeldefrist", "link": "Link",
    "reminder_days": "Erinnerungen",
}
FIELD_NAMES = {
    "title": "Titel", "start": "Beginn", "end": "Ende", "place": "Ort", "topic": "Thema",
    "capacity": "Plätze", "deadline": "Anmeldefrist", "link": "Link",
    "reminder_days": "Erinnerung (Tage vorher)",
}
ASK_VALUE = {
    "title": "Neuer Titel?",
    "when": "Neue Zeit? Zum Beispiel „5.3. 10-15 Uhr“.",
    "place": "Neuer Ort?",
    "topic": "Neues Thema? („-“ für keins)",
    "capacity": "Wie viele Plätze (Personen) insgesamt?",
    "deadline": "Neue Anmeldefrist? („-“ für keine)",
    "link": "Neuer Link (https://…)? („-“ für keinen)",
    "reminder_days": "Wie viele Tage vorher erinnern? Zum Beispiel „7, 1“ („-“ für keine).",
}
CONFIRM_HEAD = "Änderung an <b>{title}</b>:"
WILL_NOTIFY = "Alle Angemeldeten bekommen eine Nachricht mit dem neuen Kalendereintrag."
EDIT_DONE = (
    "Gespeichert: <b>{title}</b>. Informiert: {told}; "
    "von der Warteliste nachgerückt: {moved}."
)

CANCEL_CONFIRM = (
    "<b>{title}</b> ({when}) wirklich absagen? Alle Angemeldeten und Wartenden bekommen "
    "sofort Bescheid."
)
CANCEL_YES = "Ja, absagen"
CANCEL_NO = "Nein"
NOT_CANCELLED = "Gut, der Termin bleibt."
CANCEL_DONE = "<b>{title}</b> ist abgesagt. Benachrichtigt: {n}."
IS_CANCELLED = "<i>Dieser Termin ist abgesagt.</i>"

PARTICIPANTS_HEAD = "<b>{title}</b> – {when}\nBelegt: {booked} von {capacity} Plätzen"
PARTICIPANT_LINE = "• {firm} – {who} ({people}) – {status}"
UNREGISTER_FOR = "Abmelden: {who}"
UNREGISTERED_BY_TEAM = "Das Clusterteam hat dich von <b>{title}</b> abgemeldet. Fragen? Antworte dem Clusterteam direkt."
UNREGISTERED_DONE = "Abgemeldet von <b>{title}</b>. Die Person bekommt Bescheid; nachgerückt: {moved}."
NO_PARTICIPANTS = "Noch keine Anmeldungen."
EXPORT_COLUMNS = (
    "Termin", "Datum", "Firma", "Name", "Plattform", "Personen", "Status", "Angemeldet am",
)
EXPORT_LABEL = "Anmeldungen zu Terminen"
