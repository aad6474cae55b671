"""German texts of the fair booth requests (/messe, /messestand, reminders)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.core.format import esc, fmt_date, fmt_dt, team_request
from handlers.core.provisional import date_mark, mark

STATUS = {
    "requested": "angefragt",
    "waiting": "auf der Warteliste",
    "confirmed": "bestätigt",
    "declined": "abgelehnt",
    "withdrawn": "zurückgezogen",
}
EQUIPMENT = {"needs_table": "Tisch", "needs_wall": "Stellwand", "needs_power": "Strom"}

NO_COMPANY = "Platz am Gemeinschaftsstand können nur Mitgliedsfirmen anfragen."
NO_FAIRS = "Gerade steht keine Messe mit Gemeinschaftsstand an."
PICK_FAIR = "<b>Gemeinschaftsstand der Zukunftsmacher</b> – bei welcher Messe möchtet ihr euch präsentieren?"
EXISTING = "Eure Anfrage für <b>{title}</b>:\n{summary}\n\nMöchtet ihr sie ändern oder zurückziehen? (bis {deadline})"
CHANGE_LABEL = "Ändern"
WITHDRAW_LABEL = "Zurückziehen"
ASK_DAYS = "An welchem Tag seid ihr dabei?"
ALL_DAYS = "Alle Tage"
ASK_STAFF = "Mit wie vielen Personen seid ihr am Stand? (Zahl, z. B. 2)"
BAD_STAFF = "Bitte die Zahl der Personen als ganze Zahl von 1 bis 30 schreiben, z. B. 2."
ASK_EQUIPMENT = "Was braucht ihr? Tippe an, was zutrifft, dann „Weiter“."
NEXT_LABEL = "Weiter"
ASK_AREA = "Wie viel Fläche braucht ihr ungefähr, in m²? (z. B. 6 oder 3 x 2)"
BAD_AREA = "Bitte die Fläche als Zahl in m² schreiben, zwischen 1 und {max}, z. B. 6."
ASK_PROFESSIONS = "Welche Berufe zeigt ihr? (z. B. Mechatroniker/in, Industriekaufleute)"
ASK_ACTIVITY = "Habt ihr eine Idee für eine Mitmachaktion? Beschreib sie kurz."
NO_IDEA_LABEL = "Noch keine Idee"
NO_IDEA = "noch offen"
TOO_LONG = "Bitte etwas kürzer (höchstens {max} Zeichen)."
CONFIRM = "<b>Eure Anfrage für {title}</b>\n{summary}\n\nSoll ich sie so senden?"
SEND_LABEL = "Anfrage senden"
SENT = "Danke! Eure Anfrage für <b>{title}</b> ist eingegangen (Stand: <b>angefragt</b>). Das Clusterteam meldet sich mit einer Bestätigung."
SENT_CHANGED = "Eure geänderte Anfrage für <b>{title}</b> ist eingegangen (Stand: <b>angefragt</b>). Das Clusterteam bestätigt sie neu."
WAITING = (
    "Danke! Beim <b>{title}</b> ist gerade nicht mehr genug Fläche frei (noch {free} m²). Eure "
    "Anfrage steht auf der <b>Warteliste</b> (Platz {position}). Wird Fläche frei, rückt ihr "
    "automatisch nach und ich sage Bescheid."
)
SENT_UNCHANGED = "Ihr habt nichts geändert – eure Anfrage für <b>{title}</b> bleibt <b>bestätigt</b>."
WITHDRAWN = "Eure Anfrage für <b>{title}</b> ist zurückgezogen."
PROMOTED = (
    "Gute Nachricht: Beim <b>{title}</b> ist Fläche frei geworden. Eure Anfrage ist von der "
    "Warteliste nachgerückt und jetzt <b>angefragt</b>. Das Clusterteam bestätigt sie noch."
)
CONFIRMED = "Eure Anfrage für <b>{title}</b> ({days}) ist <b>bestätigt</b>.{setup} Wir freuen uns auf euch!"
SETUP = " Aufbau ab {time} Uhr{mark}."
DECLINED = "Eure Anfrage für <b>{title}</b> wurde leider <b>abgelehnt</b>."
NOTE = "\nHinweis vom Clusterteam: {note}"
OVERVIEW_HEAD = "<b>Messen (Gemeinschaftsstand)</b>"
OVERVIEW_CHANGE = " – ändern oder zurückziehen bis {deadline}: /messe"

DEADLINE_PASSED = (
    "Die Anmeldefrist für <b>{title}</b> ist am {deadline} abgelaufen. Bitte wendet euch direkt "
    "an {contact}."
)
LATE_EXISTING = (
    "Eure Anfrage für <b>{title}</b>:\n{summary}\n\nDie Frist für Änderungen ist am {deadline} "
    "abgelaufen. Wenn sich etwas ändert, wendet euch bitte direkt an {contact}."
)
CHANGE_NO_ROOM = "So viel Fläche ist beim <b>{title}</b> nicht mehr frei (noch {free} m² inklusive eurer bisherigen). Bitte weniger m² angeben."
NO_REQUEST = "Es gibt keine offene Anfrage für <b>{title}</b>."
NOT_OPEN = "Diese Anfrage ist schon {status}."
FULL = "Beim <b>{title}</b> sind nur noch {free} m² frei, die Anfrage braucht {area} m². Erst muss Fläche frei werden (z. B. durch eine Ablehnung), oder die Firma fragt weniger m² an."
BAD_DAYS = "Bitte einen der Messetage wählen."
UNKNOWN_FAIR = "Diese Messe kenne ich nicht."
FAIR_CANCELLED = "<b>{title}</b> findet nicht statt: die Messe steht nicht mehr im Jahresplan. Mit /messe siehst du, welche Messen anstehen."

REMIND_DEADLINE = (
    "Erinnerung: Beim <b>{title}</b> ({days}, {place}) könnt ihr euch am Gemeinschaftsstand der "
    "Zukunftsmacher präsentieren. Anfragen bis {deadline} mit /messe – bitte rechtzeitig melden, "
    "damit wir die Fläche planen können. (Abschalten: /erinnerungen)"
)
REMIND_EXHIBITOR = (
    "In einer Woche ist <b>{title}</b>: {days}, {place}.{setup} "
    "Euer Platz: {area} m²{equipment}. Bis bald am Gemeinschaftsstand!"
)
LABEL_DEADLINE = "Messe: Erinnerung an die Anmeldefrist"
LABEL_EXHIBITOR = "Messe: Hinweis eine Woche vorher (Aufbau)"

ADMIN_HEAD = "<b>{title}</b> – {days}, {place}\nFrist: {deadline} · Fläche: {used} von {total} m² verplant{total_mark}\nAngefragt {requested} · bestätigt {confirmed} · Warteliste {waiting}"
ADMIN_NONE = "Noch keine Anfragen."
ADMIN_CLOSED = "Abgelehnt/zurückgezogen: {names}"
ADMIN_ITEM = "<b>{company}</b> – {status}\n{summary}"
CONFIRM_LABEL = "Bestätigen"
DECLINE_LABEL = "Ablehnen"
ASK_NOTE = "{what} für <b>{company}</b> ({title}). Eine kurze Notiz an die Firma? Schreib sie oder tippe „Ohne Notiz“."
WHAT = {"confirm": "Bestätigung", "decline": "Ablehnung"}
NO_NOTE_LABEL = "Ohne Notiz"
DECIDED = "Erledigt: <b>{company}</b> ist {status} – die Firma ist informiert."
GONE = "Diese Anfrage gibt es nicht mehr."

# Team notices: one format for all (what happened, by or for whom, the fair, the request)
TEAM_NEW = "Neue Messe-Anfrage"
TEAM_CHANGED = "Messe-Anfrage geändert"
TEAM_CHANGED_NOTE = "Sie war bestätigt – bitte neu bestätigen."
TEAM_WITHDRAWN = "Messe-Anfrage zurückgezogen"
TEAM_WITHDRAWN_NOTE = "War {status}, {area} m²."
TEAM_WITHDRAWN_FREED = "War {status}, {area} m² – die Fläche ist wieder frei."
TEAM_DECIDED = {True: "Messe-Anfrage bestätigt", False: "Messe-Anfrage abgelehnt"}
TEAM_DECIDED_BY = "Entschieden von {name}."
TEAM_NOTE = "\nNotiz an die Firma: {note}"
OPEN_LABEL = "Anfrage öffnen"


def team_notice(what: str, company: str, title: str, status: str, summary: str, extra: str = "",
                *, prep: str = "von") -> str:
    """Format a team notice: what happened, by (or for) which company, the fair, the request."""
    if prep == "von":
        text = team_request(what, company, f"{esc(title)} – {status}\n{summary}")
    else:
        text = f"<b>{what}</b> {prep} <b>{esc(company)}</b>\n{esc(title)} – {status}\n{summary}"
    return f"{text}\n{extra}" if extra else text


def days_text(days: list[date]) -> str:
    """Format fair days as "Sa, 26. September 2026 und So, 27. September 2026"."""
    return " und ".join(fmt_date(d) for d in days)


def deadline_text(deadline: datetime, tz: ZoneInfo) -> str:
    """Format a deadline as a full date and time."""
    return fmt_dt(deadline, tz)


def summary(days: list[date], staff: int, equipment: list[str], area: int, professions: str,
            activity: str) -> str:
    """Summarise a booth request in a few lines (user input escaped)."""
    return (
        f"• Tag(e): {days_text(days)}\n• Personen: {staff}\n"
        f"• Ausstattung: {', '.join(equipment) or 'nichts'}\n• Fläche: ca. {area} m²\n"
        f"• Berufe: {esc(professions)}\n• Mitmachaktion: {esc(activity or NO_IDEA)}"
    )


def fair_line(title: str, days: list[date], place: str, deadline: str, note: str,
              closed: bool = False, provisional: list[str] | None = None) -> str:
    """Describe one fair in the picker (assumed values marked "vorläufig")."""
    extra = f"\n  {esc(note)}" if note else ""
    until = (f"Anmeldefrist am {deadline} abgelaufen" if closed
             else f"Anfragen bis {deadline}{mark(provisional, 'deadline')}")
    shown = days_text(days) + date_mark(provisional, "days")
    return f"• <b>{esc(title)}</b>: {shown}, {esc(place)} ({until}){extra}"


def fair_days_text(days: list[date], provisional: list[str] | None) -> str:
    """Format the fair's days, "(vorläufig – Termin folgt)" while only assumed."""
    return days_text(days) + date_mark(provisional, "days")


def fair_deadline_text(deadline: datetime, tz: ZoneInfo, provisional: list[str] | None) -> str:
    """Format the fair's deadline, "(vorläufig)" while only assumed."""
    return deadline_text(deadline, tz) + mark(provisional, "deadline")


def setup_text(setup: str, provisional: list[str] | None) -> str:
    """Return " Aufbau ab 08:00 Uhr." (" (vorläufig)" while assumed); nothing without a time."""
    return SETUP.format(time=setup, mark=mark(provisional, "setup")) if setup else ""


def overview_line(title: str, days: list[date], status: str, area: int,
                  deadline: str | None, provisional: list[str] | None = None) -> str:
    """One /meine line for a booth request (how to change it while the deadline is ahead)."""
    change = OVERVIEW_CHANGE.format(deadline=deadline) if deadline else ""
    shown = fair_days_text(days, provisional)
    return f"• {esc(title)} ({shown}): {STATUS.get(status, status)}, ca. {area} m²{change}"

# /hilfe lines and command-menu descriptions
HELP_MESSE = "Platz am Gemeinschaftsstand einer Messe anfragen"
HELP_MESSESTAND = "Messe-Anfragen je Messe: Fläche, bestätigen, ablehnen"
DIALOG_TITLE = "Messe-Anfrage"
DIALOG_DECIDE_TITLE = "Messe-Anfrage entscheiden"
EXPORT_LABEL = "Messe-Anfragen"


PROVISIONAL_FIELDS = {"days": "Messetage", "setup": "Aufbau", "deadline": "Anmeldefrist",
                      "capacity_m2": "Fläche"}
EXPORT_PROVISIONAL = "Angaben vorläufig"
AREA_PROVISIONAL = " (Gesamtfläche vorläufig)"
CONFIRM_LINE = "• Messe <b>{title}</b> – {days}: {fields}"
CONFIRM_BUTTON = "Bestätigen: Messe {title}"
CONFIRMED_FAIR = (
    "Bestätigt: Messe <b>{title}</b> ({days}) ist nicht mehr vorläufig. Stimmt etwas nicht? "
    "Dann den Jahresplan ändern (/katalog)."
)
NOT_PROVISIONAL = "Messe <b>{title}</b> ist schon bestätigt. Noch Vorläufiges: /bestaetigen"
CONFIRM_PREVIEW = "Messe <b>{title}</b> bestätigen: {days}{setup} ({fields})?\n{told}"
CONFIRM_YES = "Ja, bestätigen"
CONFIRM_NO = "Nein"
CONFIRM_KEPT = "Gut, die Messe <b>{title}</b> bleibt vorläufig. Bestätigen später mit /bestaetigen."
CONFIRMED_TOLD = " Benachrichtigt: {n}."
FIXED = (
    "<b>Der Termin steht jetzt fest:</b> {title}\n{days}, {place}.{setup}\n"
    "Eure Anfrage: {status}. Ändern oder zurückziehen: /messe"
)


def fixed_told_text(n: int) -> str:
    """Say how many people of companies with a booth request hear that the date stands."""
    if n == 0:
        return "Noch keine Anfragen – es geht keine Nachricht raus."
    who = "1 Person" if n == 1 else f"{n} Personen"
    verb = "bekommt" if n == 1 else "bekommen"
    return f"{who} aus Firmen mit Anfrage {verb} die Nachricht, dass der Termin feststeht."
