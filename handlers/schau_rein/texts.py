"""German texts of Schau rein (/schaurein, admin list, calendar)."""

from __future__ import annotations

from datetime import date

from handlers.core.format import esc, fmt_date, team_request

NO_COMPANY = "Für Schau rein können sich nur Mitgliedsfirmen anmelden."
ASK_STATE = (
    "„Schau rein!“ ist die Woche der offenen Unternehmen in <b>Sachsen</b>. In welchem "
    "Bundesland liegt euer Betrieb? (Ich frage nur einmal und merke es mir.)"
)
SAXONY = "Sachsen"
BRANDENBURG = "Brandenburg"
NOT_SAXON = (
    "Danke für euer Interesse! „Schau rein!“ ist ein Programm des Freistaats Sachsen – "
    "mitmachen können nur Betriebe in Sachsen. Für euch passen zum Beispiel unsere "
    "Netzwerktreffen (/termine), der Social Media Stammtisch (/stammtisch), ein Medientag "
    "(/medientag) oder ein Platz am Gemeinschaftsstand bei einer Messe (/messe)."
)
INTRO = (
    "<b>{title}</b> ({week})\nWir unterstützen euch mit Ideen, Werbung auf Social "
    "Media und medialer Begleitung.{existing}\n\nAn welchem Tag öffnet ihr euren Betrieb? "
    "Mehrere Tage gehen auch, z. B. „9.3. und 11.3.“ oder „9.-11.3.“."
)
EXISTING = (
    "\nIhr seid schon angemeldet ({days}) – eine neue Anmeldung ersetzt die alte. Ihr könnt "
    "sie auch zurückziehen."
)
ASK_DAY = "Welchen Tag noch? ({week})"
NOT_IN_WEEK = "{day} liegt nicht in der Schau-rein-Woche ({week}). Bitte einen Tag in dieser Woche."
WEEK = "{first} bis {last}"
DAYS_NOT_UNDERSTOOD = (
    "Diese Tage habe ich leider nicht verstanden. Schreib sie zum Beispiel so: „10.3.“, "
    "„9.3. und 11.3.“, „9.-11.3.“ oder „die ganze Woche“."
)
CONFIRM_DAYS = "Verstanden: {days} – passt das?"
TIME_LATER = "\nDie Uhrzeit schreibt ihr gleich mit in die Beschreibung der Aktion."
ASK_MORE = "Bisher: {days}.\nNoch einen Tag hinzufügen?"
MORE_LABEL = "+ Tag hinzufügen"
NEXT_LABEL = "Weiter"
ASK_SUPPORT = "Wobei sollen wir euch unterstützen? Tippe alles an, was passt, dann „Weiter“."
NEED_SUPPORT = "Bitte mindestens eine Unterstützung wählen."
ASK_DESCRIPTION = "Beschreib eure Aktion kurz: Was können Jugendliche bei euch erleben? (gern mit Uhrzeit)"
ASK_CONTACT = "Wer ist eure Ansprechperson für Schau rein? (Name und Telefon oder E-Mail)"
TOO_LONG = "Bitte etwas kürzer (höchstens {max} Zeichen)."
CONFIRM = "<b>Eure Anmeldung für Schau rein</b>\n{summary}\n\nSo anmelden?"
SEND_LABEL = "Anmelden"
DONE = (
    "Danke, ihr seid für <b>Schau rein</b> angemeldet! {contact} vom Clusterteam ist informiert "
    "und meldet sich wegen der Unterstützung."
)
# Team notices: the same format as the fairs' (what happened, by whom, the details)
TEAM_NEW = "Neue Schau-rein-Anmeldung"
REPLACED = " (ersetzt die bisherige)"
TEAM_WITHDRAWN = "Schau-rein-Anmeldung zurückgezogen"
TEAM_WITHDRAWN_DAYS = "Macht nicht mehr mit (bisher: {days})."
OPEN_LABEL = "Anmeldung öffnen"
LIST_LABEL = "Alle Anmeldungen"
GONE = "Diese Anmeldung gibt es nicht mehr – sie wurde zurückgezogen."
NO_PROGRAMME = "Gerade ist keine Schau-rein-Woche geplant."
OVERVIEW_HEAD = "<b>Schau rein</b>"
OVERVIEW_CHANGE = " – ändern bis {deadline}: /schaurein"
DEADLINE = "Die Anmeldung für Schau rein ist seit {deadline} geschlossen. Bitte wendet euch direkt an {contact}."
WITHDRAW_LABEL = "Anmeldung zurückziehen"
ASK_WITHDRAW = "Wollt ihr eure Anmeldung für Schau rein ({days}) wirklich zurückziehen?"
WITHDRAW_YES = "Ja, zurückziehen"
WITHDRAW_NO = "Nein"
WITHDRAWN = (
    "Eure Anmeldung für Schau rein ist zurückgezogen. {contact} vom Clusterteam weiß Bescheid. "
    "Neu anmelden könnt ihr euch jederzeit mit /schaurein."
)
KEPT = "Alles klar, eure Anmeldung für Schau rein bleibt bestehen."
NO_SIGNUP = "Ihr habt gerade keine Anmeldung für Schau rein. Anmelden: /schaurein"
BAD_DAY = "Bitte nur Tage zwischen {first} und {last}."
STATE_REFUSED = NOT_SAXON
LIST_HEAD = "<b>Schau rein – Anmeldungen: {count}</b>"
LIST_HINT = "\nTabelle: /export schaurein · Kalender (.ics) der Termine mit medialer Begleitung: /schaurein_kalender"
LIST_EMPTY = "Noch keine Anmeldungen für Schau rein."
CAL_DONE = "Kalender für die mediale Begleitung (Einträge: {count}) – zum Import in euren Kalender."
CAL_PROVISIONAL = " Die Woche ist noch vorläufig – die Einträge sind so markiert."
ICS_SUMMARY = "Schau rein: mediale Begleitung bei {company}"
CAL_EMPTY = "Noch niemand wünscht mediale Begleitung – kein Kalendereintrag."


def days_text(days: list[date]) -> str:
    """Format days as "Mo, 9. März 2026 und Mi, 11. März 2026"."""
    return ", ".join(fmt_date(d) for d in days[:-1]) + (" und " if len(days) > 1 else "") + (
        fmt_date(days[-1]) if days else ""
    )


def team_notice(what: str, company: str, details: str, extra: str = "") -> str:
    """Format a team notice: what happened, by which company (escaped), the details."""
    return team_request(what, company, details, extra)


def signup_item(company: str, details: str) -> str:
    """Format one sign-up in the team's list."""
    return f"<b>{esc(company)}</b>\n{details}"


def summary(days: list[date], support: list[str], description: str, contact: str) -> str:
    """Summarise a sign-up (support labels from the catalogue; user input escaped)."""
    return (
        f"• Tag(e): {days_text(days)}\n• Unterstützung: {esc(', '.join(support))}\n"
        f"• Aktion: {esc(description)}\n• Kontakt: {esc(contact)}"
    )

# /hilfe lines and command-menu descriptions
HELP_SCHAUREIN_KALENDER = "Kalender (.ics): Schau-rein-Termine mit medialer Begleitung"
HELP_SCHAUREIN_LISTE = "Schau-rein-Anmeldungen anzeigen"
HELP_SCHAUREIN = "Schau rein (Sachsen): Aktionstag, Unterstützung"
EXPORT_LABEL = "Schau-rein-Anmeldungen"
LABEL_DEADLINE = "Schau rein: Erinnerung an die Anmeldefrist"
JOIN_LABEL = "Mitmachen"
REMIND_DEADLINE = (
    "Erinnerung: <b>{title}</b> ({days}) – wollt ihr euren Betrieb öffnen? Anmelden geht bis "
    "{deadline}, das Clusterteam unterstützt mit Ideen, Social Media und Presse. "
    "Mitmachen: /schaurein (Abschalten: /erinnerungen)"
)
DIALOG_TITLE = "Schau-rein-Anmeldung"


PROVISIONAL_FIELDS = {"days": "Woche", "deadline": "Anmeldefrist"}
EXPORT_PROVISIONAL = "Angaben vorläufig"
CONFIRM_LINE = "• <b>{title}</b>: {fields}"
CONFIRM_BUTTON = "Bestätigen: Schau rein"
CONFIRMED = "Bestätigt: <b>{title}</b> ist nicht mehr vorläufig."
NOT_PROVISIONAL = "<b>{title}</b> ist schon bestätigt. Noch Vorläufiges: /bestaetigen"
WHEN_FIELDS = ("days",)
CONFIRM_PREVIEW = "<b>{title}</b> bestätigen: {week} ({fields})?\n{told}"
CONFIRM_YES = "Ja, bestätigen"
CONFIRM_NO = "Nein"
CONFIRM_KEPT = "Gut, <b>{title}</b> bleibt vorläufig. Bestätigen später mit /bestaetigen."
CONFIRMED_TOLD = " Benachrichtigt: {n}."
FIXED = (
    "<b>Der Termin steht jetzt fest:</b> {title}\n{week}\nIhr seid dabei: {days}. "
    "Ändern oder zurückziehen: /schaurein"
)


def fixed_told_text(n: int) -> str:
    """Say how many people of companies signed up hear that the week stands."""
    if n == 0:
        return "Noch keine Anmeldungen – es geht keine Nachricht raus."
    who = "1 Person" if n == 1 else f"{n} Personen"
    verb = "bekommt" if n == 1 else "bekommen"
    return f"{who} aus angemeldeten Firmen {verb} die Nachricht, dass der Termin feststeht."
