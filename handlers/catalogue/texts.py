"""German texts of the catalogue upload: errors with line numbers, preview, apply, notices."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from handlers.core.format import esc, fmt_date, fmt_dt, fmt_time, plural
from handlers.core.provisional import date_mark, mark, time_mark
from storage.catalogue import Problem

HELP = "Jahresplan (Katalog) prüfen und übernehmen"

ASK_FILE = (
    "<b>Neuen Jahresplan übernehmen</b>\n"
    "Schick mir die Katalogdatei (TOML, wie <code>data/catalogue.toml</code>) hier im privaten "
    "Chat als Datei. Oder nenne eine Datei auf dem Server: <code>/katalog pfad/zur/datei.toml</code>.\n"
    "Ich prüfe sie, zeige dir, was sich ändert, und übernehme sie erst, wenn du bestätigst.\n\n"
    "Gerade gilt: {current}."
)
CURRENT_FILE = "der Katalog aus der Datei beim Start ({events}, {fairs})"
CURRENT_VERSION = "Version {version}, übernommen am {when} ({events}, {fairs})"
SEND_CURRENT = "Aktuellen Katalog als Datei"
CURRENT_CAPTION = "Der Katalog, der gerade gilt. Ändern, als Datei zurückschicken – fertig."

NOT_TOML = (
    "Die Datei <b>{name}</b> sieht nicht nach einem Katalog aus. Schick mir eine TOML-Datei "
    "(Endung .toml), z. B. eine Kopie von <code>data/catalogue-2027.example.toml</code>."
)
TOO_LARGE = "Die Datei <b>{name}</b> ist zu groß ({size} KB, höchstens {limit} KB). Ein Katalog ist meist nur ein paar KB groß."
NOT_FETCHED = "Die Datei <b>{name}</b> konnte ich nicht laden. Schick sie bitte noch einmal."
NO_SUCH_PATH = "Die Datei <code>{path}</code> finde ich auf dem Server nicht (oder darf sie nicht lesen). Nenne den Pfad, z. B. <code>/katalog data/catalogue-2027.example.toml</code>, oder schick mir die Datei."

INVALID_HEAD = "<b>{name}</b> kann ich so nicht übernehmen – {n}:"
INVALID_MORE = "… und {n} weitere."
INVALID_TAIL = "Es hat sich nichts geändert. Korrigiere die Datei und schick sie mir noch einmal."
PROBLEM_LIMIT = 15

AT_LINE = "Zeile {line}: "
PROBLEMS: dict[str, str] = {
    "syntax": "TOML-Syntaxfehler{column}: {message}",
    "no_content": "Die Datei ist leer (oder enthält nur Kommentare). Schick mir den ganzen "
                  "Katalog, am besten eine Kopie von data/catalogue.toml mit deinen Änderungen.",
    "encoding": "Die Datei ist kein UTF-8-Text (Umlaute?). Bitte als UTF-8 speichern.",
    "missing": "{where}: Pflichtfeld „{field}“ fehlt.",
    "unknown_field": "{where}: Das Feld „{field}“ kenne ich nicht (Tippfehler?).",
    "type": "{where}: „{field}“ {expected}",
    "choice": "{where}: „{field}“ muss eins davon sein: {allowed}.",
    "too_small": "{where}: „{field}“ muss mindestens {limit} sein.",
    "too_few": "{where}: „{field}“ braucht mindestens {limit} Eintrag/Einträge.",
    "too_large": "{where}: „{field}“ darf höchstens {limit} sein.",
    "too_long": "{where}: „{field}“ ist zu lang (höchstens {limit} Zeichen).",
    "empty": "{where}: „{field}“ darf nicht leer sein.",
    "pattern": "{where}: „{field}“ hat nicht die erwartete Form: {pattern}",
    "duplicate": "{where}: {label} „{value}“ kommt doppelt vor (zuerst in Zeile {first_line}).",
    "end_before_start": "{where}: „end“ liegt vor „start“.",
    "deadline_after_start": "{where}: Die Anmeldefrist „deadline“ liegt nach dem Beginn.",
    "days_unsorted": "{where}: „days“ muss aufsteigend sortiert sein, ohne doppelte Tage.",
    "last_before_first": "{where}: „last_day“ liegt vor „first_day“.",
    "unknown_company": "{where}: Die Firma „{key}“ steht nicht unter [[companies]].",
    "stammtisch_removed": "Der Abschnitt [stammtisch] fehlt. Die Stammtisch-Reihe läuft gerade; der Bot kann sie nicht einfach weglassen. Lass den Abschnitt im Katalog (Termine ausfallen lassen: /stammtisch_absagen).",
    "invalid": "{where}: „{field}“ ist ungültig ({message}).",
}
EXPECTED = {
    "datetime": "braucht Datum und Uhrzeit ohne Anführungszeichen, z. B. 2027-03-04T10:00:00.",
    "date": "braucht ein Datum ohne Anführungszeichen, z. B. 2027-03-04.",
    "int": "braucht eine ganze Zahl ohne Anführungszeichen, z. B. 40.",
    "str": "braucht Text in Anführungszeichen, z. B. \"Görlitz\".",
    "list": "braucht eine Liste in eckigen Klammern, z. B. [7, 1].",
    "table": "braucht eine Tabelle (Abschnitt).",
    "bool": "braucht true oder false.",
}
PATTERNS = {
    "setup": "Uhrzeit als \"HH:MM\", z. B. \"08:00\"",
}
PATTERN_KEY = "nur Kleinbuchstaben, Ziffern, „-“, „_“ und „.“, z. B. \"netzwerk-2027-03\""
SECTIONS = {
    "cluster": "[cluster]", "companies": "Firma", "events": "Termin", "fairs": "Messe",
    "schau_rein": "[schau_rein]", "stammtisch": "[stammtisch]", "media_days": "[media_days]",
    "film_series": "[film_series]", "ideas": "[ideas]",
}
# tomllib explains syntax errors in English: the German line for each of its messages (a
# message not listed here is shown as tomllib wrote it).
_VALUE_HINT = ("Text gehört in Anführungszeichen, ein Datum schreibt man 2027-03-04, "
               "Datum mit Uhrzeit 2027-03-04T10:00:00, Zahlen ohne Anführungszeichen")
SYNTAX: list[tuple[str, str]] = [
    (r"Expected '\]' at the end of a table declaration",
     "Nach dem Abschnittsnamen fehlt „]“, z. B. [cluster]."),
    (r"Expected '\]\]' at the end of an array declaration",
     "Nach dem Abschnittsnamen fehlt „]]“, z. B. [[events]]."),
    (r"Expected '=' after a key in a key/value pair",
     "Hier fehlt das „=“ zwischen Feldname und Wert, z. B. title = \"Netzwerktreffen\"."),
    (r"Expected newline or end of document after a statement",
     "Nach dem Wert darf in dieser Zeile nichts mehr stehen (außer einem # Kommentar). "
     + _VALUE_HINT + "."),
    (r"Cannot overwrite a value|Cannot declare .* twice|Duplicate inline table key .*"
     r"|Cannot redefine namespace .*|Cannot mutate immutable namespace .*",
     "Dieses Feld oder dieser Abschnitt steht doppelt im Eintrag. Lösch eins von beiden."),
    (r"Invalid date or datetime",
     "Dieses Datum gibt es nicht (z. B. 30. Februar) oder es ist falsch geschrieben. "
     "Richtig: 2027-03-04 oder 2027-03-04T10:00:00."),
    (r"Invalid value|Invalid statement|Invalid initial character for a key part"
     r"|Found invalid character .*|Illegal character .*",
     "Das kann ich nicht lesen. " + _VALUE_HINT + "."),
    (r"Unterminated string", "Hier fehlt das schließende Anführungszeichen."),
    (r"Unclosed array", "Hier fehlt die schließende Klammer „]“ der Liste."),
    (r"Unclosed inline table", "Hier fehlt die schließende Klammer „}“."),
    (r"Unescaped '\\' in a string|Invalid hex value"
     r"|Escaped character is not a Unicode scalar value",
     "Ein „\\“ im Text: schreib „\\\\“ oder nimm einfache Anführungszeichen."),
    (r"Expected .*", "Hier fehlt ein Zeichen oder steht eins zu viel. " + _VALUE_HINT + "."),
]

DUPLICATE_LABELS = {"key": "Der Schlüssel", "name": "Der Name"}

PREVIEW_HEAD = "<b>Neuer Jahresplan: {name}</b>\nDie Datei ist in Ordnung. Das würde sich ändern:"
PREVIEW_NOTHING = "<b>{name}</b> ist in Ordnung, ändert aber nichts gegenüber dem Plan, der gerade gilt."
PREVIEW_TOLD = "Benachrichtigt werden: {n}."
REMOVED_WARNING = (
    "⚠️ <b>Achtung:</b> {dates} aus dem Plan, der gerade gilt, noch nicht vorbei – mit dem neuen "
    "Plan entfallen sie{told}. Soll der neue Plan erst danach gelten, übernimm ihn später "
    "oder nimm diese Daten in die Datei auf."
)
REMOVED_WARNING_TOLD = " (Absagen gehen an {n})"
PREVIEW_NOBODY = "Niemand muss benachrichtigt werden."
PREVIEW_ASK = "Übernehmen? Bis dahin gilt der bisherige Plan."
APPLY = "Übernehmen"
DISCARD = "Verwerfen"
SECTION_MORE = "  … und {n} weitere"
SECTION_LIMIT = 12

H_NEW = "<b>Neu</b>"
H_CHANGED = "<b>Geändert</b>"
H_REMOVED = "<b>Entfällt</b>"
H_KEPT = "<b>Bleibt, wie im Chat geändert</b>"
H_CONFLICT = "<b>Nicht übernommen (bitte im Chat anpassen)</b>"
H_SETTINGS = "<b>Einstellungen</b>"
H_COMPANIES = "<b>Firmen</b>"
PAST = "{n} aus dem bisherigen Plan sind schon vorbei und bleiben als Verlauf."
UNLISTED = "Nicht mehr im Katalog, bleiben aber Mitglied: {names}"

KIND = {"event": "Termin", "fair": "Messe", "schau_rein": "Schau rein", "company": "Firma"}
NEW_LINE = "• {kind}: {title}{when}"
CHANGED_LINE = "• {kind} {title}: {fields}{told}"
REMOVED_LINE = "• {kind} {title}{when} entfällt{told}"
KEPT_LINE = "• {kind} {title}: {fields}"
CONFLICT_LINE = "• {kind} {title}: {fields} – zusammen mit den Änderungen im Chat passt das nicht (Frist/Ende vor Beginn)"
FIELD_CHANGE = "{name} {old} → {new}"
FIELD_KEPT_CHAT = "{name} bleibt {old} (im Chat geändert; Katalog: {new})"
FIELD_KEPT_BOOKED = "Plätze bleiben {old} (schon {booked} Plätze belegt; Katalog: {new})"
TOLD = " – {n} {verb} benachrichtigt"
AFFECTED_SILENT = " ({n}, keine Nachricht nötig)"
REGISTRATIONS = ("Anmeldung", "Anmeldungen")
REQUESTS = ("Standanfrage", "Standanfragen")
SIGNUPS = ("Schau-rein-Anmeldung", "Schau-rein-Anmeldungen")
STAMMTISCH_NEW = "• Stammtisch: {title}, ab {first}"
STAMMTISCH_CHANGED = "• Stammtisch: nächste Termine {after} (bisher {before}){told}"
SUBSCRIBERS = ("Abonnent:in", "Abonnent:innen")
STAMMTISCH_KEPT = "• Stammtisch: {what} bleibt wie im Chat eingestellt"
STAMMTISCH_KEPT_WHAT = {"link": "der Link", "time": "die Uhrzeit"}
STAMMTISCH_DURATION = " · Dauer {minutes} Minuten{mark}"
SETTING_LINE = "• {section} {name}: {old} → {new}"
SETTING_LIST = "geändert"

FIELD_NAMES = {
    "title": "Titel", "start": "Beginn", "end": "Ende", "date_note": "Datumshinweis",
    "place": "Ort", "city": "Stadt", "topic": "Thema", "kind": "Art", "capacity": "Plätze", "per_company": "Plätze pro Firma",
    "deadline": "Frist", "link": "Link", "directions": "Anfahrt", "reminder_days": "Erinnerungen",
    "days": "Tage", "setup": "Aufbau", "capacity_m2": "Fläche (m²)", "note": "Hinweis",
    "name": "Name", "state": "Bundesland", "first_day": "erster Tag", "last_day": "letzter Tag",
    "support": "Unterstützung", "provisional": "vorläufig (Annahmen)",
}
EMPTY_VALUE = "–"

# The field of an entry that says when it takes place (its "new" line shows it).
WHEN_FIELD = {"event": "start", "fair": "days", "schau_rein": "first_day"}
# Which assumption ("provisional" of the file) a shown field is, where not the same name.
ASSUMED_AS = {("schau_rein", "first_day"): "days", ("schau_rein", "last_day"): "days"}
ASSUMED_FIELDS = frozenset({"start", "days", "deadline", "capacity", "setup", "capacity_m2"})

APPLIED = (
    "<b>Der neue Jahresplan gilt ab jetzt</b> ({name}, Version {version}).\n"
    "{new} neu, {changed} geändert, {removed} entfallen; {told} benachrichtigt.\n"
    "Mit /termine siehst du, was ansteht."
)
DISCARDED = "Verworfen. Es gilt weiter der bisherige Plan."
STALE = "Inzwischen gilt ein anderer Jahresplan. Schick mir die Datei bitte noch einmal – dann zeige ich dir die Änderungen neu."
NOT_PENDING = {
    "applied": "Dieser Plan wurde schon übernommen.",
    "superseded": "Dieser Plan wurde schon übernommen und inzwischen ersetzt.",
    "discarded": "Dieser Plan wurde verworfen. Schick mir die Datei noch einmal, wenn du ihn doch willst.",
    "": "Diesen Plan finde ich nicht mehr. Schick mir die Datei bitte noch einmal.",
}

ANNOUNCED = "Gerade stehen keine Termine an.\n\n<b>Vom Clusterteam:</b> {text}"
PLANNED_NEXT = (
    "Gerade stehen keine Termine an.\n\nDer nächste Jahresplan ist in Arbeit. Als Erstes "
    "vorgesehen (vorläufig): <b>{title}</b> – {when}."
)
PLAN_FOLLOWS = (
    "Gerade stehen keine Termine an. Der neue Jahresplan folgt – sobald das Clusterteam ihn "
    "eingestellt hat, findest du die Termine hier unter /termine."
)

NOTICE_FAIR_CANCELLED = (
    "<b>{title}</b> ({days}) entfällt: die Messe steht nicht mehr im Jahresplan des Clusters. "
    "Eure Standanfrage ist damit hinfällig. Fragen? {contact}"
)
NOTICE_FAIR_CHANGED = (
    "<b>{title}</b> hat sich geändert: {days}, {place}{setup}. Bitte prüft eure Standanfrage "
    "mit /messe."
)
NOTICE_SETUP = ", Aufbau ab {setup} Uhr"
NOTICE_SCHAU_REIN_REMOVED = (
    "<b>{title}</b> ({first} bis {last}) findet so nicht statt: sie steht nicht mehr im "
    "Jahresplan. Eure Anmeldung ist damit hinfällig. Fragen? {contact}"
)
NOTICE_SCHAU_REIN_CHANGED = (
    "<b>{title}</b> hat sich geändert: jetzt {first} bis {last}. Bitte prüft eure Anmeldung "
    "mit /schaurein."
)
NOTICE_STAMMTISCH = "Der <b>{title}</b> hat neue Termine. Die nächsten:\n{lines}\nMehr mit /stammtisch."


def problem_text(p: Problem) -> str:
    """Return one German line for a problem of a catalogue file."""
    info: dict[str, Any] = {k: esc(v) for k, v in p.info.items()}
    info.setdefault("field", esc(_field(p)))
    info["where"] = _where(p)
    if p.code == "syntax":
        column = p.info.get("column")
        info["column"] = f" (Spalte {column})" if column else ""
        info["message"] = esc(syntax_text(str(p.info.get("message", ""))))
    if p.code == "type":
        info["expected"] = EXPECTED.get(str(p.info.get("expected")), "hat die falsche Art.")
    if p.code == "choice":
        info["allowed"] = esc(str(p.info.get("allowed", "")).replace(" or ", " oder "))
    if p.code == "pattern":
        info["pattern"] = PATTERNS.get(_field(p), PATTERN_KEY)
    if p.code == "duplicate":
        info["label"] = DUPLICATE_LABELS.get(str(p.info.get("field")), "Der Wert")
    template = PROBLEMS.get(p.code, PROBLEMS["invalid"])
    info.setdefault("message", esc(p.code))
    text = template.format(**info)
    return (AT_LINE.format(line=p.line) if p.line else "") + text


def syntax_text(message: str) -> str:
    """Return tomllib's English message in German (unknown messages unchanged)."""
    for pattern, german in SYNTAX:
        if re.fullmatch(pattern, message.strip()):
            return german
    return message


def _field(p: Problem) -> str:
    names = [x for x in p.path if isinstance(x, str)]
    return names[-1] if names else ""


def _where(p: Problem) -> str:
    """Name the entry: "Termin 3" for the third [[events]], "[cluster]" for a table."""
    if not p.path:
        return "Datei"
    head = str(p.path[0])
    label = SECTIONS.get(head, f"[{esc(head)}]")
    if len(p.path) > 1 and isinstance(p.path[1], int):
        return f"{label} {p.path[1] + 1}"
    return label


def value_text(value: object, tz: ZoneInfo) -> str:
    """Format a column value for the preview."""
    if value in (None, "", []):
        return EMPTY_VALUE
    if isinstance(value, datetime):
        return fmt_dt(value, tz)
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, list):
        if all(isinstance(v, str) and _iso(v) for v in value):
            return ", ".join(fmt_date(date.fromisoformat(v)) for v in value)
        if all(isinstance(v, int) for v in value):
            return ", ".join(str(v) for v in value)
        return SETTING_LIST
    if isinstance(value, dict):
        return SETTING_LIST
    text = str(value)
    return esc(text if len(text) <= 60 else text[:59] + "…")


def assumed_mark(kind: str, name: str, assumed: list[str]) -> str:
    """Return the "vorläufig" mark of a value the new plan only assumes (else nothing)."""
    if kind == "company":
        return ""
    if kind == "event" and name == "start":
        return date_mark(assumed, "start") or time_mark(assumed, "time")
    field = ASSUMED_AS.get((kind, name), name)
    if field not in ASSUMED_FIELDS:
        return ""
    if name in ("days", "first_day"):  # the date itself: "(vorläufig – Termin folgt)"
        return date_mark(assumed, field)
    return mark(assumed, field)


def stammtisch_duration(minutes: int, assumed: list[str]) -> str:
    """Return " · Dauer 60 Minuten (vorläufig)" when the new plan assumes it, else nothing."""
    if "duration" not in assumed:
        return ""
    return STAMMTISCH_DURATION.format(minutes=minutes, mark=mark(assumed, "duration"))


def when_text(value: datetime | date | None, tz: ZoneInfo) -> str:
    """Format when an entry takes place (" – Do, 4. März 2027, 10:00 Uhr")."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f" – {fmt_dt(value, tz)}"
    return f" – {fmt_date(value)}"


def count(n: int, words: tuple[str, str]) -> str:
    """Return "3 Anmeldungen"."""
    return plural(n, *words)


def told(n: int, words: tuple[str, str]) -> str:
    """Return " – 1 Anmeldung wird benachrichtigt" / " – 3 Anmeldungen werden …"."""
    return TOLD.format(n=count(n, words), verb="wird" if n == 1 else "werden")


def meeting_dates(starts: list[datetime], tz: ZoneInfo) -> str:
    """Return "14.01., 28.01., 11.02. um 13:00 Uhr" (the first three meetings)."""
    if not starts:
        return EMPTY_VALUE
    days = ", ".join(s.astimezone(tz).strftime("%d.%m.%Y") for s in starts[:3])
    return f"{days} um {fmt_time(starts[0].astimezone(tz).time())} Uhr"


def _iso(v: str) -> bool:
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True
