"""German texts of the team's commands: invites, companies, admins, audit log."""

from __future__ import annotations

from handlers.core.format import esc, plural

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
COMPANY_UNKNOWN = "Diese Firma gibt es nicht (mehr). Liste: /firmen"
COMPANIES_HEAD = "<b>Mitgliedsfirmen ({count} von {max}):</b>"
STATE_NAMES: dict[str | None, str] = {"BB": "Brandenburg", "SN": "Sachsen", None: "Land unbekannt"}

ADMIN_USAGE = "So geht's: <code>/admin plattform:id</code>, z. B. <code>/admin telegram:12345</code>"
ADMIN_UNKNOWN = "Die Person {key} kenne ich noch nicht – sie muss mir zuerst einmal schreiben."
ADMIN_GRANTED = "{key} ist jetzt Admin."
AUDIT_HEAD = "<b>Letzte Admin-Aktionen:</b>"


def company_line(name: str, state: str | None, city: str | None, members: int) -> str:
    """Format one company in /firmen."""
    where = ", ".join(x for x in (city, STATE_NAMES.get(state, state)) if x)
    return f"• {esc(name)} – {esc(where)} – {plural(members, 'Person', 'Personen')} im Bot"


# /hilfe lines and command-menu descriptions
HELP_ADMIN = "Person zum Admin machen"
HELP_EINLADUNG = "Einladungscode für eine Firma"
HELP_FIRMA_NEU = "Firma anlegen: Name; BB|SN; Ort"
HELP_FIRMEN = "Mitgliedsfirmen anzeigen"
HELP_PROTOKOLL = "Letzte Admin-Aktionen"
