"""German texts of personal reminders and the /erinnerungen overview."""

from __future__ import annotations

LABEL_PERSONAL = "Eigene Erinnerung"
LABEL_OTHER = "Mitteilung"
TOO_MANY = (
    "Du hast schon {count} geplant – mehr gehen nicht auf einmal. Lösch eine "
    "unter /erinnerungen, dann ist wieder Platz."
)
USAGE = (
    "So legst du eine Erinnerung an:\n<code>/erinnerung morgen 9 Uhr Unterlagen für den Medientag</code>\n"
    "Erst wann, dann woran. Deine Erinnerungen: /erinnerungen"
)
NO_TEXT = "Woran soll ich dich erinnern? Schreib mir bitte einen kurzen Text."
CONFIRM = "Verstanden: {when} – passt das?\nErinnerung: „{text}“"
DONE = "✅ Ich erinnere dich am {when}: „{text}“. Alle Erinnerungen: /erinnerungen"
RETRY = "Okay, das habe ich nicht gespeichert."
ASK_WHEN = "Wann soll ich dich{about} erinnern? Schreib mir nur die Zeit, z. B. „Freitag 10 Uhr“."
REPLACED = "Die noch nicht bestätigte Erinnerung „{text}“ habe ich verworfen."
ABOUT = " an „{text}“"
ASK_TEXT = "Woran soll ich dich am {when} erinnern? Schreib mir den Text."
ANSWER_YES_NO = "Bitte antworte mit Ja oder Nein."
PAST = "Dieser Zeitpunkt ist schon vorbei. Bitte nenn mir einen Termin in der Zukunft."
PAST_WHEN = "{when} liegt in der Vergangenheit. Bitte nenn mir einen Termin in der Zukunft."
NOT_UNDERSTOOD = (
    "Dieses Datum habe ich leider nicht verstanden. "
    "Schreib es zum Beispiel so: „morgen 9 Uhr“, „Dienstag 14:30“ oder „5.3. 10 Uhr“."
)
REMINDER = "🔔 Erinnerung: {text}"
LATE = "\n<i>(verspätet, eigentlich für {when})</i>"
TITLE = "Erinnerung anlegen"

HEAD = "<b>Deine geplanten Erinnerungen</b>"
EMPTY = "Für dich ist gerade nichts geplant. Neue Erinnerung: /erinnerung morgen 9 Uhr Text"
LINE = "• {when} – {label}{text}"
MORE = "… und {count} weitere, später geplante."
SWITCHES = "\nDiese Arten kannst du an- und abschalten:"
DELETE = "🗑 {text}"
KIND_OFF = "🔕 {label} aus"
KIND_ON = "🔔 {label} an"
DELETED = "🗑 Erinnerung gelöscht."
GONE = "Diese Erinnerung gibt es nicht mehr (schon verschickt oder gelöscht)."
SWITCHED_OFF = "🔕 „{label}“ ist aus. Wieder an: /erinnerungen"
SWITCHED_ON = "🔔 „{label}“ ist wieder an."
UNKNOWN_KIND = "Diese Art von Erinnerung kenne ich nicht (mehr)."

# /hilfe lines and command-menu descriptions
HELP_ERINNERUNG = "Erinnerung anlegen: /erinnerung morgen 9 Uhr Text"
HELP_ERINNERUNGEN = "Meine geplanten Erinnerungen, Arten an/aus"
