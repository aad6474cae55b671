"""German texts of the core: start, help, router answers, dialogs, invites, companies, admin."""

from __future__ import annotations

from handlers.texts.common import esc, fmt_date, plural

CANCEL_LABEL = "Abbrechen"
YES_LABEL = "Ja"
NO_LABEL = "Nein"
CANCEL_WORDS = frozenset({"abbrechen", "abbruch", "/abbrechen", "stop", "cancel"})

WELCOME = "Hallo{name}! Ich bin der Chatbot des Ausbildungsclusters <b>{cluster}</b>."
PRIVACY = (
    "Datenschutz kurz: Ich speichere deinen Namen, deine Chat-Kennung, deine Firma und was du "
    "hier anmeldest oder buchst – nur für die Clusterarbeit. Mehr: /datenschutz"
)
ASK_CODE = (
    "Du bist noch keiner Mitgliedsfirma zugeordnet. Schick mir deinen Einladungscode so:\n"
    "<code>/start CODE</code>\nKeinen Code? Frag das Clusterteam ({team})."
)
LINKED = "Willkommen bei <b>{company}</b>! Du bist jetzt dieser Firma zugeordnet."
ALREADY_LINKED = "Du gehörst zu <b>{company}</b>. Was möchtest du tun? Alle Befehle: /hilfe"
START_HINT = "Los geht's mit /termine, /stammtisch oder /hilfe."
CODE_UNKNOWN = "Den Code <code>{code}</code> kenne ich nicht. Bitte prüf ihn oder frag das Clusterteam."
CODE_EXPIRED = "Der Code <code>{code}</code> ist abgelaufen (30 Tage). Bitte frag das Clusterteam nach einem neuen."
LINKED_ELSEWHERE = "Du bist schon einer anderen Firma zugeordnet. Das Clusterteam kann das ändern."

PRIVACY_FULL = (
    "<b>Datenschutz</b>\n"
    "Gespeichert werden: deine Chat-Kennung und dein Anzeigename, die Firma, der du zugeordnet "
    "bist, deine Anmeldungen, Anfragen und Erinnerungen, sowie für Admins ein Protokoll ihrer "
    "Aktionen. Zweck: Organisation der Clusterangebote. Es gibt keine Weitergabe an Dritte; "
    "Exporte erhält nur das Clusterteam. Löschung oder Auskunft: {team}."
)

UNKNOWN_COMMAND = "Den Befehl <code>/{cmd}</code> kenne ich nicht. Alle Befehle: /hilfe"
UNKNOWN_COMMAND_HINT = (
    "Den Befehl <code>/{cmd}</code> kenne ich nicht. Meintest du /{hint}? Alle Befehle: /hilfe"
)
MEANT = "Meintest du /{cmd}? Befehle beginnen mit „/“. Alle Befehle: /hilfe"
NOT_UNDERSTOOD = "Das habe ich nicht verstanden. Ich reagiere auf Befehle wie /termine – alle Befehle: /hilfe"
TOO_LONG = "Deine Nachricht ist zu lang (höchstens {limit} Zeichen). Bitte fass dich kürzer."
EMPTY = "Ich habe eine leere Nachricht bekommen. Schreib z. B. /hilfe."
ERROR = "Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuch es gleich noch einmal."
ADMIN_ONLY = "Das dürfen nur Admins des Clusterteams."
NEEDS_LINK = (
    "Dafür musst du einer Mitgliedsfirma zugeordnet sein. Schick mir deinen Einladungscode "
    "mit <code>/start CODE</code> – Codes verteilt das Clusterteam."
)
GO_PRIVATE = "Das besprechen wir besser privat – schreib mir direkt, dann geht's weiter."
FOREIGN_BUTTON = "Dieser Knopf gehört zu einer anderen Person. Schreib mir direkt, z. B. /termine."
STALE_BUTTON = "Dieser Knopf ist nicht mehr aktuell."
PLEASE_PRESS = "Bitte wähl eine der Antworten unten (oder schreib „abbrechen“)."
CANCELLED = "Abgebrochen. Nichts wurde gespeichert."
DIALOG_GONE = "Dein angefangener Dialog passt nicht mehr zur neuen Version des Bots – bitte fang ihn neu an."
NOTHING_TO_CANCEL = "Gerade ist nichts offen, das ich abbrechen könnte."
NOTHING_TO_RESUME = "Gerade ist nichts offen. Alle Befehle: /hilfe"
DIALOG_OPEN_HINT = "Noch offen: <b>{title}</b>. Weiter mit /weiter oder „abbrechen“."


def dialog_busy(title: str) -> str:
    """Say that another dialog is still open and how to go on."""
    return f"Du bist noch mitten in <b>{esc(title)}</b>. Weiter mit /weiter oder „abbrechen“."


HELP_HEAD = "<b>Das kann ich für dich tun:</b>"
HELP_ADMIN_HEAD = "\n<b>Für das Clusterteam:</b>"
HELP_FOOT = "\nMitten in einem Dialog? „abbrechen“ bricht ab, /weiter macht weiter."

INVITE_USAGE = "So geht's: <code>/einladung Firmenname</code>"
INVITE_NO_COMPANY = "Keine Firma passt zu „{query}“. Anlegen mit <code>/firma_neu Name; BB|SN; Ort</code> – Liste: /firmen"
INVITE_AMBIGUOUS = "Mehrere Firmen passen zu „{query}“: {names}. Bitte genauer."
INVITE_DONE = (
    "Einladung für <b>{company}</b> (gültig bis {until}).\n"
    "Zum Weiterleiten:\n\n<code>/start {code}</code>"
)
INVITE_LINK = "\nOder direkt: {link}"

COMPANY_USAGE = "So geht's: <code>/firma_neu Name; BB|SN; Ort</code> (Land und Ort dürfen fehlen)"
COMPANY_BAD_STATE = "Das Land „{state}“ kenne ich nicht. Bitte BB (Brandenburg) oder SN (Sachsen)."
COMPANY_EXISTS = "<b>{name}</b> gibt es schon. Liste: /firmen"
CLUSTER_FULL = (
    "Das Cluster hat schon {max} Mitglieder – mehr sind nicht möglich "
    "(Obergrenze laut Katalog). Die Firma wurde nicht angelegt."
)
COMPANY_ADDED = "<b>{name}</b> ist angelegt ({state}{city}). Einladung: <code>/einladung {name}</code>"
COMPANIES_HEAD = "<b>Mitgliedsfirmen ({count} von {max}):</b>"
STATE_NAMES = {"BB": "Brandenburg", "SN": "Sachsen", None: "Land unbekannt"}

ADMIN_USAGE = "So geht's: <code>/admin plattform:id</code>, z. B. <code>/admin telegram:12345</code>"
ADMIN_UNKNOWN = "Die Person {key} kenne ich noch nicht – sie muss mir zuerst einmal schreiben."
ADMIN_GRANTED = "{key} ist jetzt Admin."
AUDIT_HEAD = "<b>Letzte Admin-Aktionen:</b>"


def company_line(name: str, state: str | None, city: str | None, members: int) -> str:
    """Format one company in /firmen."""
    where = ", ".join(x for x in (city, STATE_NAMES.get(state, state)) if x)
    return f"• {esc(name)} – {esc(where)} – {plural(members, 'Person', 'Personen')} im Bot"


def until(d: object) -> str:
    """Format an expiry date."""
    return fmt_date(d)  # type: ignore[arg-type]

# /hilfe lines and command-menu descriptions
HELP_ADMIN = "Person zum Admin machen"
HELP_EINLADUNG = "Einladungscode für eine Firma"
HELP_FIRMA_NEU = "Firma anlegen: Name; BB|SN; Ort"
HELP_FIRMEN = "Mitgliedsfirmen anzeigen"
HELP_PROTOKOLL = "Letzte Admin-Aktionen"
HELP_DATENSCHUTZ = "Was ich speichere"
HELP_HILFE = "Alle Befehle"
HELP_START = "Begrüßung und Einladungscode einlösen"
HELP_WEITER = "Offenen Dialog fortsetzen"
