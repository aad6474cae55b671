"""German texts of the shared machinery: router answers, dialogs, /meine, /export."""

from __future__ import annotations

from handlers.core.format import esc

CANCEL_LABEL = "Abbrechen"
YES_LABEL = "Ja"
NO_LABEL = "Nein"
CANCEL_WORDS = frozenset({"abbrechen", "abbruch", "/abbrechen", "stop", "stopp", "cancel"})

UNKNOWN_COMMAND = "Den Befehl <code>/{cmd}</code> kenne ich nicht. Alle Befehle: /hilfe"
UNKNOWN_COMMAND_HINT = (
    "Den Befehl <code>/{cmd}</code> kenne ich nicht. Meintest du /{hint}? Alle Befehle: /hilfe"
)
MEANT = "Meintest du /{cmd}? Befehle beginnen mit „/“. Alle Befehle: /hilfe"
HELLO = "Hallo! 👋 Womit kann ich helfen? Zum Beispiel /termine – alle Befehle: /hilfe"
THANKS = "Gern! 🙂 Wenn du noch etwas brauchst: /hilfe"
NOT_UNDERSTOOD = "Das habe ich nicht verstanden. Ich reagiere auf Befehle wie /termine – alle Befehle: /hilfe"
TOO_LONG = "Deine Nachricht ist zu lang (höchstens {limit} Zeichen). Bitte fass dich kürzer."
EMPTY = "Ich habe eine leere Nachricht bekommen. Schreib z. B. /hilfe."
EMPTY_IN_DIALOG = "Ich habe eine leere Nachricht bekommen – die Frage steht unten."
FILE_NOT_TAKEN = "Mit Dateien kann ich leider nichts anfangen. Schreib mir einfach, was du brauchst – alle Befehle: /hilfe"
FIELD_TOO_LONG = "Das ist zu lang: höchstens {max} Zeichen passen hier. Bitte schick es kürzer."
ERROR = "Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuch es gleich noch einmal."
REFUSED = (
    "Das geht so leider nicht. Bitte prüf deine Angaben – oder frag das Clusterteam, "
    "wenn es trotzdem klappen soll."
)
ADMIN_ONLY = "Das dürfen nur Admins des Clusterteams."


def needs_link(team: str) -> str:
    """Explain to someone without a company how to get an invite (team: contact of the team)."""
    return (
        "Das ist nur für Mitgliedsfirmen des Clusters. Hast du einen Einladungscode? Dann "
        "schick mir <code>/start CODE</code>. Einen Code bekommst du vom Clusterteam: "
        f"{esc(team)}. Ohne Code kannst du /termine ansehen, /hilfe und /datenschutz lesen."
    )



def slow_down(per_minute: int) -> str:
    """Ask someone over the message limit to wait a moment."""
    return (
        f"Langsam, bitte 🙂 Ich beantworte höchstens {per_minute} Nachrichten pro Minute "
        "und Person. Warte kurz und schick deine Nachricht dann noch einmal."
    )


# Only ever shown in the private chat (transports move it out of the group).
GO_PRIVATE = (
    "Das machen wir lieber hier im privaten Chat als in der Gruppe – schick mir den Befehl "
    "bitte hier noch einmal."
)
FOREIGN_BUTTON = "Dieser Knopf gehört zu einer anderen Person. Schreib mir direkt, z. B. /termine."
STALE_BUTTON = "Dieser Knopf ist nicht mehr aktuell."
PLEASE_PRESS = "Bitte wähl eine der Antworten unten (oder schreib „abbrechen“)."
CANCELLED = "Abgebrochen. Nichts wurde gespeichert."
DIALOG_GONE = "Dein angefangener Dialog passt nicht mehr zur neuen Version des Bots – bitte fang ihn neu an."
NOTHING_TO_CANCEL = "Gerade ist nichts offen, das ich abbrechen könnte."
STEP_HELP = (
    "Du bist gerade bei <b>{title}</b>. {help}\n"
    "„abbrechen“ beendet den Dialog, ohne etwas zu speichern; alle Befehle: <code>/hilfe alle</code>."
)
STEP_HELP_TYPE = "Schreib mir einfach die Antwort auf die Frage unten."
STEP_HELP_PRESS = "Wähl eine der Antworten unten."
HELLO_IN_DIALOG = "Hallo! 👋 Wir sind gerade bei <b>{title}</b> – die Frage steht unten."
THANKS_IN_DIALOG = "Gern! 🙂 <b>{title}</b> ist noch offen – die Frage steht unten (oder „abbrechen“)."
NUMBER_UNCLEAR = (
    "„{text}“ – welche Zahl meinst du genau? Bitte schreib nur die eine Zahl, z. B. „4“."
)
ACK_NOT_ANSWER = (
    "„{text}“ nehme ich nicht als Antwort – schreib bitte deinen Text (oder „abbrechen“)."
)
REACH_MISSING = (
    "Darin finde ich keine Telefonnummer und keine E-Mail-Adresse. Schreib sie bitte dazu, "
    "z. B. so: „0355 123456“ oder „name@firma.de“."
)
NOTHING_TO_RESUME = "Gerade ist nichts offen. Alle Befehle: /hilfe"
DIALOG_OPEN_HINT = "Noch offen: <b>{title}</b>. Weiter mit /weiter oder „abbrechen“."


def dialog_busy(title: str) -> str:
    """Say that another dialog is still open and how to go on."""
    return f"Du bist noch mitten in <b>{esc(title)}</b>. Weiter mit /weiter oder „abbrechen“."


# /meine
OVERVIEW_HEAD = "<b>Deine und eure Anmeldungen</b>"
OVERVIEW_EMPTY = "Noch nichts angemeldet oder angefragt. Schau in /termine, /medientag oder /messe."
HELP_MEINE = "Meine Anmeldungen und Anfragen"

# /export
HELP_EXPORT = "Export als CSV und Excel: /export was"
EXPORT_USAGE = "So geht's: <code>/export was</code> – möglich: {kinds}"
EXPORT_DONE = "Export <b>{label}</b>: {rows}. CSV (für Excel):"
EXPORT_XLSX = "Und als Excel-Datei:"
