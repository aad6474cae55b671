"""German texts of the team's commands: invites, companies, admins, audit log."""

from __future__ import annotations

from handlers.core.format import esc, plural
from handlers.onboarding.texts import platform_name
from handlers.polls.texts import ROLES
from storage.members.removal import Holding

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
ALREADY_ADMIN = "{key} ist schon Admin – da ändert sich nichts. Wer Admin ist: /admins"
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


def member_name(name: str, role: str | None) -> str:
    """Name a company's person in /firmen, with the company role they stated (/rolle)."""
    label = ROLES.get(role or "")
    return f"{name} ({label})" if label else name


def company_line(name: str, state: str | None, city: str | None, members: list[str]) -> str:
    """Format one company in /firmen: where, and who of it uses the bot."""
    where = ", ".join(x for x in (city, STATE_NAMES.get(state, state)) if x)
    line = f"• {esc(name)} – {esc(where)} – {plural(len(members), 'Person', 'Personen')} im Bot"
    return f"{line}: {esc(', '.join(members))}" if members else line


COMPANIES_FOOT = (
    "\nÄndern: <code>/firma_umbenennen Alt; Neu</code>, <code>/firma_land Name; BB</code>, "
    "<code>/firmen_zusammenlegen Quelle; Ziel</code>, <code>/firma_loeschen Name</code>"
)
RENAME_USAGE = "So geht's: <code>/firma_umbenennen Alter Name; Neuer Name</code>"
RENAMED = "<b>{old}</b> heißt jetzt <b>{new}</b>."
STATE_USAGE = "So geht's: <code>/firma_land Firmenname; BB</code> (oder SN)"
STATE_SET = "<b>{name}</b> liegt jetzt in {state}."
COMPANY_NAME_EMPTY = "Der neue Name fehlt. " + RENAME_USAGE
DELETE_USAGE = "So geht's: <code>/firma_loeschen Firmenname</code>"
DELETE_IN_CATALOGUE = (
    "<b>{name}</b> steht im Katalog, der gerade gilt – gelöscht käme sie beim nächsten Start "
    "wieder. Erst aus dem Katalog nehmen (/katalog), dann löschen; oder mit "
    "<code>/firmen_zusammenlegen</code> eine doppelte Firma in sie aufgehen lassen."
)
DELETED = "<b>{name}</b> ist gelöscht."
MERGE_USAGE = "So geht's: <code>/firmen_zusammenlegen Quelle; Ziel</code> – die Quelle geht in das Ziel auf."
MERGE_SAME = "Quelle und Ziel sind dieselbe Firma. " + MERGE_USAGE
MERGE_BOTH_CATALOGUE = (
    "<b>{source}</b> und <b>{target}</b> stehen beide im Katalog. Erst eine davon aus dem "
    "Katalog nehmen (/katalog), dann zusammenlegen."
)
MERGED = "<b>{source}</b> ist in <b>{target}</b> aufgegangen – alles von ihr gehört jetzt zu {target}."
BTN_YES_DELETE = "Ja, löschen"
BTN_YES_MERGE = "Ja, zusammenlegen"

# What a company holds, by table (a table not named here is shown by its name)
HELD = {
    "event_registration": ("Anmeldung zu Terminen", "Anmeldungen zu Terminen"),
    "boothrequest": ("Messestand-Anfrage", "Messestand-Anfragen"),
    "filminterest": ("Filmserie-Anfrage", "Filmserie-Anfragen"),
    "mediaday": ("Medientag-Anfrage", "Medientag-Anfragen"),
    "schaureinsignup": ("„Schau rein!“-Anmeldung", "„Schau rein!“-Anmeldungen"),
    "idea": ("Idee", "Ideen"),
    "poll_ballot": ("Stimme in Umfragen", "Stimmen in Umfragen"),
    "poll_recipient": ("Umfrage-Empfang", "Umfrage-Empfänge"),
}


def held(table: str, count: int) -> str:
    """Count what a company holds in one table ("3 Anmeldungen zu Terminen")."""
    one, many = HELD.get(table, (table, table))
    return plural(count, one, many)


def _people(names: list[str]) -> str:
    who = f": {esc(', '.join(names))}" if names else ""
    return f"{plural(len(names), 'Person', 'Personen')}{who}"


def ask_delete(name: str, names: list[str], codes: int, holdings: list[Holding]) -> str:
    """Spell out what deleting a company does, and ask."""
    lines = [f"<b>{esc(name)}</b> löschen? Das passiert:"]
    lines.append(f"• {_people(names)} – von der Firma gelöst; wer wieder dazugehören soll, "
                 "braucht einen neuen Code")
    lines.append(f"• {plural(codes, 'offener Code wird', 'offene Codes werden')} ungültig")
    for h in holdings:
        seats = " (Plätze bleiben belegt)" if h.table == "event_registration" else ""
        lines.append(f"• {held(h.table, h.count)} – bleiben bestehen{seats}, aber ohne Firma")
    lines.append("Das lässt sich nicht rückgängig machen.")
    return "\n".join(lines)


def delete_blocked(name: str, holdings: list[Holding]) -> str:
    """Say why a company cannot be deleted yet and what to do."""
    what = ", ".join(held(h.table, h.count) for h in holdings)
    return (f"<b>{esc(name)}</b> hat noch {what} – die brauchen eine Firma. Erst dort "
            "zurückziehen, oder mit <code>/firmen_zusammenlegen "
            f"{esc(name)}; Zielfirma</code> alles auf eine andere Firma übertragen.")


def ask_merge(source: str, target: str, names: list[str], codes: int,
              holdings: list[Holding]) -> str:
    """Spell out what merging moves, and ask."""
    lines = [f"<b>{esc(source)}</b> in <b>{esc(target)}</b> aufgehen lassen? Alles von "
             f"{esc(source)} gehört dann zu {esc(target)}:"]
    lines.append(f"• {_people(names)}")
    lines.append(f"• {plural(codes, 'offener Code', 'offene Codes')} (gelten dann für "
                 f"{esc(target)})")
    lines += [f"• {held(h.table, h.count)}" for h in holdings]
    lines.append(f"Danach gibt es {esc(source)} nicht mehr. Das lässt sich nicht rückgängig "
                 "machen.")
    return "\n".join(lines)


def merge_clash(source: str, target: str, holdings: list[Holding]) -> str:
    """Say why two companies cannot be merged yet."""
    what = ", ".join(held(h.table, h.clashes) for h in holdings)
    return (f"<b>{esc(source)}</b> und <b>{esc(target)}</b> haben beide schon: {what}. "
            "Zwei davon darf eine Firma nicht haben – bitte erst eine zurückziehen, dann "
            "zusammenlegen.")


NOT_LINKED = "{name} gehört zu keiner Firma."
ASK_UNLINK = (
    "{name} von <b>{company}</b> lösen? Die Person kann sich dann nicht mehr für die Firma "
    "anmelden; ihre Anmeldungen bleiben bestehen. Wieder dazu: neuer Code."
)
UNLINKED = "{name} gehört nicht mehr zu <b>{company}</b>."
MOVED_MEANWHILE = "Die Person gehört inzwischen zu einer anderen Firma. Bitte neu suchen: /personen"
MOVE_PICK = "Zu welcher Firma soll {name} gehören?"
MOVED = "{name} gehört jetzt zu <b>{company}</b>. Bisherige Anmeldungen bleiben bei der alten Firma."
# What a person is told when the team changed something about them (notice member.changed)
TOLD = {
    "admin": "Das Clusterteam hat dich zum Admin gemacht. Deine neuen Befehle: /hilfe",
    "admin_revoked": "Du bist kein Admin des Clusterteams mehr.",
    "unlink": (
        "Das Clusterteam hat dich von <b>{company}</b> gelöst. Stimmt das nicht? Dann frag das "
        "Clusterteam nach einem neuen Code."
    ),
    "move": "Das Clusterteam hat dich <b>{company}</b> zugeordnet. Was du vorhast: /termine",
}
BTN_UNLINK = "Von Firma lösen"
BTN_MOVE = "Firma wechseln"
BTN_YES_UNLINK = "Ja, lösen"


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
    where = platform_name(platform)
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
HELP_FIRMA_UMBENENNEN = "Firma umbenennen: Alt; Neu"
HELP_FIRMA_LAND = "Land einer Firma: Name; BB|SN"
HELP_FIRMA_LOESCHEN = "Firma löschen (mit Rückfrage)"
HELP_FIRMEN_ZUSAMMENLEGEN = "Firmen zusammenlegen: Quelle; Ziel"
HELP_EINLADUNG = "Einladungscode für eine Firma"
HELP_EINLADUNGEN = "Offene Einladungen anzeigen und zurückziehen"
HELP_FIRMA_NEU = "Firma anlegen: Name; BB|SN; Ort"
HELP_FIRMEN = "Mitgliedsfirmen anzeigen"
HELP_PROTOKOLL = "Protokoll: /protokoll [abgelehnt | Aktion | Name]"


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
