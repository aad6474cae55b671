"""German texts of the team's commands: invites, companies, admins, audit log."""

from __future__ import annotations

from handlers.core.format import esc, plural
from handlers.onboarding.texts import PLATFORMS

INVITE_USAGE = (
    "So geht's: <code>/einladung Firmenname</code> – für mehrere Personen mit einem Code: "
    "<code>/einladung Firmenname; 3</code>"
)
INVITE_NO_COMPANY = "Keine Firma passt zu „{query}“. Anlegen mit <code>/firma_neu Name; BB|SN; Ort</code> – Liste: /firmen"
INVITE_AMBIGUOUS = "Mehrere Firmen passen zu „{query}“: {names}. Bitte genauer."
INVITE_DONE = (
    "Einladung für <b>{company}</b> ({uses}, gültig bis {until}).\n"
    "Zum Weiterleiten:\n\n<code>/start {code}</code>"
)
INVITES_NONE = "Gerade ist keine Einladung offen. Neue: <code>/einladung Firmenname</code>"
INVITES_HEAD = "<b>Offene Einladungen ({count}):</b>"
INVITE_NOT_OPEN = "Der Code <code>{code}</code> ist nicht mehr offen (benutzt, abgelaufen oder zurückgezogen). Liste: /einladungen"
ASK_REVOKE = "Code <code>{code}</code> für <b>{company}</b> zurückziehen? Danach funktioniert er nicht mehr."
REVOKED = "Code <code>{code}</code> für <b>{company}</b> ist zurückgezogen – er funktioniert nicht mehr."
REVOKED_ALL = "Erledigt: {count} zurückgezogen. Neue Einladung: <code>/einladung Firmenname</code>"
KEPT = "Gut, alles bleibt, wie es ist."
BTN_REVOKE = "{code} zurückziehen"
BTN_REVOKE_ALL = "Alle zurückziehen"
BTN_YES_REVOKE = "Ja, zurückziehen"
BTN_NO = "Nein"
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

ADMIN_USAGE = (
    "So geht's: <code>/admin Name</code> (oder <code>/admin telegram:12345</code>). "
    "Suchen: <code>/personen Name</code>"
)
REVOKE_USAGE = "So geht's: <code>/admin_entziehen Name</code> – wer Admin ist: /admins"
ADMIN_GRANTED = "{name} ist jetzt Admin."
ADMIN_REVOKED = "{name} ist kein Admin mehr – die Admin-Befehle gehen ab sofort nicht mehr."
ADMIN_FROM_SETTINGS = (
    "{key} steht in ADMINS in den Einstellungen des Bots. Das kann nur geändert werden, "
    "wer den Bot betreibt – nicht im Chat."
)
NOT_ADMIN = "{key} ist gar kein Admin. Wer Admin ist: /admins"
LAST_ADMIN = "{key} ist der letzte Admin – ohne Admin könnte niemand mehr den Bot verwalten."
PERSON_UNKNOWN = "Diese Person kenne ich nicht (mehr). Suchen: <code>/personen Name</code>"
ADMINS_HEAD = "<b>Admins ({count}):</b>"
ADMINS_FOOT = "\nErnennen: <code>/admin Name</code> · Entziehen: <code>/admin_entziehen Name</code>"
PEOPLE_USAGE = "So geht's: <code>/personen Name</code> (ein Teil des Namens reicht)"
PEOPLE_NONE = "Niemand heißt „{query}“. Die Person muss mir zuerst einmal schreiben."
PEOPLE_PICK = "Mehrere Personen passen – bitte wähl unten per Knopf:"
PEOPLE_MAX = 10
BTN_GRANT_ADMIN = "Admin machen"
BTN_REVOKE_ADMIN = "Admin entziehen"
AUDIT_HEAD = "<b>Letzte Admin-Aktionen:</b>"


def company_line(name: str, state: str | None, city: str | None, members: int) -> str:
    """Format one company in /firmen."""
    where = ", ".join(x for x in (city, STATE_NAMES.get(state, state)) if x)
    return f"• {esc(name)} – {esc(where)} – {plural(members, 'Person', 'Personen')} im Bot"


def who(name: str, key: str) -> str:
    """Name a person for the team: "Anna (console:anna)"."""
    return f"{name} ({key})" if name else key


def role(admin: bool, from_settings: bool) -> str:
    """Name a person's role in /personen."""
    if from_settings:
        return "Admin (aus ADMINS)"
    return "Admin" if admin else "Mitglied"


def person_card(name: str, platform: str, key: str, company: str | None, role: str) -> str:
    """Show one person in /personen."""
    where = PLATFORMS.get(platform, platform)
    firm = esc(company) if company else "keine"
    return (f"<b>{esc(name or key)}</b> ({esc(where)}, <code>{esc(key)}</code>)\n"
            f"Firma: {firm} · Rolle: {role}")


def people_head(query: str, count: int, *, more: bool) -> str:
    """Head of /personen."""
    shown = f"die ersten {PEOPLE_MAX}" if more else str(count)
    return f"<b>Personen zu „{esc(query)}“ ({shown}):</b>"


def admin_line(name: str, *, from_settings: bool, never_wrote: bool = False) -> str:
    """One admin in /admins."""
    how = "aus ADMINS (nur in den Einstellungen änderbar)" if from_settings else "im Chat ernannt"
    if never_wrote:
        how += ", hat mir noch nie geschrieben"
    return f"• {esc(name)} – {how}"


# /hilfe lines and command-menu descriptions
HELP_ADMIN = "Person zum Admin machen: Name"
HELP_ADMIN_ENTZIEHEN = "Admin-Rolle entziehen: Name"
HELP_ADMINS = "Wer Admin ist"
HELP_PERSONEN = "Personen suchen: Name"
HELP_EINLADUNG = "Einladungscode für eine Firma"
HELP_EINLADUNGEN = "Offene Einladungen anzeigen und zurückziehen"
HELP_FIRMA_NEU = "Firma anlegen: Name; BB|SN; Ort"
HELP_FIRMEN = "Mitgliedsfirmen anzeigen"
HELP_PROTOKOLL = "Letzte Admin-Aktionen"


def uses(n: int) -> str:
    """Say how many people a code links ("für 1 Person")."""
    return f"für {plural(n, 'Person', 'Personen')}"


def codes(n: int) -> str:
    """Count codes ("1 Code", "3 Codes")."""
    return plural(n, "Code", "Codes")


def invite_line(code: str, used: int, max_uses: int, until: str) -> str:
    """Format one open code in /einladungen."""
    return f"• <code>{code}</code> – {used} von {max_uses} genutzt, gültig bis {until}"


def ask_revoke_all(count: int, per_company: dict[str, int]) -> str:
    """Ask to confirm revoking every listed code, naming the companies."""
    parts = ", ".join(f"{esc(name)}: {n}" for name, n in sorted(per_company.items()))
    return (f"Wirklich {codes(count)} zurückziehen ({parts})? Danach funktioniert keiner "
            "davon mehr; wer schon dabei ist, bleibt dabei.")
