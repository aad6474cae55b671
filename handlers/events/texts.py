"""German texts of the events feature: cards, sign-up answers, notices, the team's commands."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.core import provisional
from handlers.core.format import esc, fmt_dt, fmt_span, plural
from handlers.core.provisional import PROVISIONAL, PROVISIONAL_DATE, time_mark
from storage.events.models import Event

REG, UNREG, CAL, INFO = "Anmelden", "Abmelden", "Kalender", "Details"
ASK_TEAM = "Bitte beim Team abmelden"
CHANGE_PEOPLE = "Personen ändern"
GIVE_NAMES = "Namen angeben"
YES_SIGN_OFF = "Ja, abmelden"
NO = "Nein"
REG_WAIT = "Auf die Warteliste"
BACK = "Zurück"
ALL_EVENTS = "Alle Termine"
STATUS = {"registered": "angemeldet", "waitlist": "Warteliste", "cancelled": "abgemeldet"}
KIND_LABELS = {"intern": "Anmeldung im Bot", "extern": "Anmeldung beim Veranstalter",
               "info": "nur zur Info"}
KIND_REMINDER = "Erinnerungen an Termine"  # the switch in /erinnerungen
KIND_DEADLINE = "Treffen: Erinnerung an die Anmeldefrist"
REMIND_DEADLINE = (
    "Erinnerung: Für <b>{title}</b> ({when}) ist von eurer Firma noch niemand angemeldet. "
    "Anmelden geht bis {deadline} – hier mit einem Tipp oder unter /termine. "
    "(Abschalten: /erinnerungen)"
)
NEEDS_CODE = "<i>Anmelden kannst du dich, sobald du mit <code>/start CODE</code> deiner Firma zugeordnet bist.</i>"
NONE_UPCOMING = "Gerade stehen keine Termine an. Schau später wieder mit /termine vorbei."
HOW_MANY = "<b>{title}</b>\nWie viele Personen eurer Firma kommen? (Plätze zählen pro Person)"
PER_COMPANY = "Pro Firma bis zu {cap} Personen"
PER_COMPANY_LEFT = " – für eure Firma noch {left}"
CONFIRM_SIGN_OFF = "Wirklich von <b>{title}</b> abmelden? ({people})\nDein Platz geht an die Nächsten auf der Warteliste."
CONFIRM_LEAVE_WAITLIST = "Wirklich die Warteliste für <b>{title}</b> verlassen?"
KEPT = "Gut, du bleibst angemeldet."
KEPT_WAITING = "Gut, du bleibst auf der Warteliste."
AFTER_DEADLINE = (
    "Die Anmeldefrist für <b>{title}</b> ist vorbei – abmelden kann dich jetzt nur das "
    "Clusterteam. Soll ich es darum bitten?"
)
ASKED_TEAM = (
    "Ich habe deine Bitte, dich von <b>{title}</b> abzumelden, an das Clusterteam "
    "weitergegeben. Du bekommst Bescheid, sobald es dich abgemeldet hat. Eilt es? {contact}"
)
TEAM_SIGNOFF_REQUEST = (
    "<b>Bitte um Abmeldung</b> von <b>{firm}</b>\n{who} ({people}) möchte sich von "
    "<b>{title}</b> ({when}) abmelden – die Anmeldefrist ist vorbei. Abmelden: „Teilnehmer“ → "
    "„Abmelden: {who}“."
)
TEAM_OPEN = "Teilnehmer"
ASK_NEW_PEOPLE = "<b>{title}</b>\nMit wie vielen Personen kommt ihr? Bisher: {people}."
PEOPLE_CHANGED = "Geändert: <b>{title}</b> – jetzt {people}."
NAMES_DROPPED = "Nicht mehr auf der Namensliste: {names} (ändern: „Namen angeben“)."
PEOPLE_SAME = "Es bleibt bei {people} für <b>{title}</b>."
NAMES_HINT = "\nNamen für die Namensschilder: Knopf „Namen angeben“ (geht auch später unter /termine)."
DIALOG_NAMES = "Namen für Namensschilder"
ASK_NAMES = (
    "Wer kommt zu <b>{title}</b>? Schreib bis zu {people} Namen, getrennt durch Komma, "
    "z. B. „Anna Muster, Ben Beispiel“. Das Clusterteam braucht sie für die Namensschilder. "
    "„-“ löscht die Namen."
)
NAMES_EMPTY = "Bitte Namen schreiben, getrennt durch Komma – oder „-“, um sie zu löschen."
NAMES_NOW = "Bisher: {names}"
NAMES_SAVED = "Danke! Namen für <b>{title}</b>: {names}"
NAMES_CLEARED = "Die Namen für <b>{title}</b> sind gelöscht."
BAD_NAME = "Ein Name darf höchstens {max} Zeichen haben. Bitte kürzer, getrennt durch Komma."
NAMES_LINE = "Namen: {names}"
REGISTERED = "Angemeldet für <b>{title}</b> ✅\n{when}\n{place}Personen: {people}\n"
REGISTERED_ICS = "Hier ist der Kalendereintrag (.ics, auch für Outlook)."
WILL_REMIND = " Ich erinnere dich vorher."
REGISTERED_LATER = "Sobald der genaue Termin feststeht, bekommst du ihn mit Kalendereintrag."
WAITLISTED = (
    "<b>{title}</b> ist gerade voll – du stehst auf der <b>Warteliste</b> (Platz {pos}, "
    "{people}).\nWird etwas frei, rückst du automatisch nach und bekommst Bescheid."
)
WAITLISTED_FEW = (
    "Für <b>{title}</b> gibt es nur noch {free} – zu wenig für {people}. Du stehst auf der "
    "<b>Warteliste</b> (Platz {pos}).\nWird genug frei, rückst du automatisch nach und "
    "bekommst Bescheid."
)
CANCELLED = "Du bist von <b>{title}</b> abgemeldet."
LEFT_WAITLIST = "Du stehst nicht mehr auf der Warteliste für <b>{title}</b>."
PROMOTED = (
    "Gute Nachricht: Für <b>{title}</b> ist ein Platz frei geworden – du bist jetzt "
    "<b>angemeldet</b> ({people}).\n{when}\n{place}"
)
CHANGED = (
    "<b>Termin geändert:</b> {title}\nNeu: {when}\n{place}"
    "Passt es nicht mehr? /termine → Abmelden."
)
ICS_ATTACHED = "\nDer Kalendereintrag hängt an."
EVENT_CANCELLED = (
    "<b>Abgesagt:</b> {title} ({when}). Das tut uns leid! Deine Anmeldung ist damit hinfällig."
)
ICS_REMOVES = "\nDer angehängte Kalendereintrag entfernt den Termin aus deinem Kalender."
REMINDER = "Erinnerung: <b>{title}</b> {rel}\n{when}\n{place}{directions}Bis dann!"
REL = {1: "ist morgen.", 7: "ist in einer Woche."}
REL_DAYS = "ist in {days} Tagen."
ICS_CAPTION = "📅 Kalendereintrag: {title}"
OVERVIEW_HEAD = "<b>Termine</b>"
OVERVIEW_LINE = "• <b>{title}</b> – {when}"
TOPIC = "Thema: {topic}"
PLACES_DETAIL = "Plätze gesamt: {capacity}, vergeben: {booked}, auf der Warteliste: {waiting}"
QUESTIONS = "Fragen? {contact}"
MORE_LINK = 'Mehr: <a href="{url}">{url}</a>'
DIRECTIONS = "Anfahrt: <a href=\"{url}\">Karte öffnen</a>\n"

ERRORS = {
    "already_registered": "Du bist für <b>{title}</b> schon angemeldet oder auf der Warteliste.",
    "not_registered": "Du bist für <b>{title}</b> nicht angemeldet.",
    "event_cancelled": "<b>{title}</b> ist abgesagt.",
    "event_over": "<b>{title}</b> hat schon begonnen – absagen geht nicht mehr.",
    "event_past": "<b>{title}</b> hat schon begonnen – An- und Abmeldung geht nicht mehr.",
    "event_unknown": "Diesen Termin gibt es nicht mehr. Aktuelle Termine: /termine",
    "event_not_provisional": "<b>{title}</b> ist schon bestätigt. Noch Vorläufiges: /bestaetigen",
    "too_many_people": "Für <b>{title}</b> gibt es nur {capacity} Plätze – bitte wähl weniger Personen.",
    "bad_people": "Bitte wähl 1 bis {max} Personen.",
    "company_cap": (
        "Pro Firma gibt es für <b>{title}</b> höchstens {cap} Plätze – für eure Firma noch "
        "frei: {left}. Bitte wähl weniger Personen oder sprecht euch in der Firma ab."
    ),
    "no_room_for_more": (
        "Für <b>{title}</b> sind gerade nicht genug Plätze frei (frei: {free}). Deine Anmeldung "
        "bleibt, wie sie ist."
    ),
    "too_many_names": "Angemeldet sind {people} Personen – bitte höchstens {people} Namen (du hast {given} geschrieben).",
    "capacity_below_booked": "Es sind schon {booked} Personen angemeldet – weniger Plätze gehen nicht.",
}
DEADLINE = (
    "Die Anmeldefrist für <b>{title}</b> ist vorbei. An- oder Abmeldung jetzt bitte direkt "
    "beim Clusterteam melden: {contact}"
)
NOT_IN_BOT = {
    "extern": "Für <b>{title}</b> meldest du dich beim Veranstalter an: {link}",
    "info": "<b>{title}</b> ist nur zur Info – eine Anmeldung über mich gibt es nicht. {link}",
}
INVALID = {
    "kind": "Die Art muss intern, extern oder info sein.",
    "end": "Das Ende liegt vor dem Beginn.",
    "deadline": "Die Anmeldefrist muss vor dem Beginn liegen.",
    "capacity": "Bitte mindestens 1 Platz.",
    "per_company": "Pro Firma bitte mindestens 1 Platz und nicht mehr, als der Termin hat.",
}

# -- the cluster team's commands ------------------------------------------------------
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
BAD_PER_COMPANY = (
    "Bitte eine Zahl von 1 bis {max} schreiben (höchstens so viele, wie der Termin Plätze "
    "hat), z. B. „3“ – oder „-“ für keine Grenze."
)
BAD_REMINDERS = "Bitte Tage als Zahlen von 1 bis {max} schreiben, z. B. „7, 1“ (oder „-“)."
LINK_REQUIRED = "Ohne Link wissen die Firmen nicht, wo sie sich anmelden – bitte den Link des Veranstalters."
BAD_LINK = "Bitte einen vollständigen Link schreiben, der mit https:// beginnt (oder „-“)."
NEED_TIME = "Bitte mit Uhrzeit, z. B. „5.3. 10-15 Uhr“ oder „5.3. 10 Uhr“."
DEADLINE_AFTER_START = "Die Anmeldefrist muss vor dem Beginn des Termins liegen."
MOVED_BEFORE_DEADLINE = (
    "Der neue Beginn läge vor der Anmeldefrist ({deadline}). Schreib einen späteren Beginn – "
    "oder schreib „abbrechen“ und ändere mit /termin_bearbeiten zuerst die „Anmeldefrist“."
)

PICK = "Welcher Termin?"
NOT_FOUND = "Einen Termin „{query}“ finde ich nicht. Kommende Termine: /termine"
ASK_FIELD = "Was möchtest du bei <b>{title}</b> ändern?"
FIELDS = {
    "title": "Titel", "when": "Zeit", "place": "Ort", "topic": "Thema",
    "capacity": "Plätze", "per_company": "Plätze pro Firma", "deadline": "Anmeldefrist",
    "link": "Link", "reminder_days": "Erinnerungen",
}
FIELD_NAMES = {
    "title": "Titel", "start": "Beginn", "end": "Ende", "place": "Ort", "topic": "Thema",
    "capacity": "Plätze", "per_company": "Plätze pro Firma", "deadline": "Anmeldefrist",
    "link": "Link", "reminder_days": "Erinnerung (Tage vorher)",
}
ASK_VALUE = {
    "title": "Neuer Titel?",
    "when": "Neue Zeit? Zum Beispiel „5.3. 10-15 Uhr“.",
    "place": "Neuer Ort?",
    "topic": "Neues Thema? („-“ für keins)",
    "capacity": "Wie viele Plätze (Personen) insgesamt?",
    "per_company": "Wie viele Plätze darf eine Firma höchstens belegen? („-“ für keine Grenze)",
    "deadline": "Neue Anmeldefrist? („-“ für keine)",
    "link": "Neuer Link (https://…)? („-“ für keinen)",
    "reminder_days": "Wie viele Tage vorher erinnern? Zum Beispiel „7, 1“ („-“ für keine).",
}
CONFIRM_HEAD = "Änderung an <b>{title}</b>:"
WILL_NOTIFY = "{who} eine Nachricht mit dem neuen Kalendereintrag."
EDIT_DONE = (
    "Gespeichert: <b>{title}</b>. Informiert: {told}; "
    "von der Warteliste nachgerückt: {moved}."
)

CANCEL_CONFIRM = (
    "<b>{title}</b> ({when}) wirklich absagen? {told}"
)


def told_text(n: int) -> str:
    """Say how many registered or waiting people a team change messages at once."""
    if n == 0:
        return "Niemand ist angemeldet – es geht keine Nachricht raus."
    return f"{people_text(n)} (Angemeldete und Wartende) bekommen sofort Bescheid." if n > 1 \
        else "1 Person (angemeldet oder wartend) bekommt sofort Bescheid."
CANCEL_YES = "Ja, absagen"
CANCEL_NO = "Nein"
NOT_CANCELLED = "Gut, der Termin bleibt."
CANCEL_DONE = "<b>{title}</b> ist abgesagt. Benachrichtigt: {n}."
IS_CANCELLED = "<i>Dieser Termin ist abgesagt.</i>"

PARTICIPANTS_HEAD = "<b>{title}</b> – {when}\nBelegt: {booked} von {capacity} Plätzen"
PARTICIPANT_LINE = "• {firm} – {who} ({people}) – {status}"
PARTICIPANT_NAMES = "\n   Namen: {names}"
UNREGISTER_FOR = "Abmelden: {who}"
UNREGISTERED_BY_TEAM = "Das Clusterteam hat dich von <b>{title}</b> abgemeldet. Fragen? Antworte dem Clusterteam direkt."
UNREGISTERED_DONE = "Abgemeldet von <b>{title}</b>. Die Person bekommt Bescheid; nachgerückt: {moved}."
NO_PARTICIPANTS = "Noch keine Anmeldungen."
EXPORT_COLUMNS = (
    "Termin", "Datum", "Firma", "Name", "Plattform", "Personen", "Namen (Namensschilder)",
    "Status", "Angemeldet am", "Abgemeldet am", "Datum vorläufig", "Angaben vorläufig",
)
ICS_PROVISIONAL = "Termin vorläufig – der genaue Termin folgt."
PROVISIONAL_FIELDS = {"start": "Datum", "time": "Uhrzeit", "capacity": "Plätze",
                      "deadline": "Anmeldefrist"}
WHEN_FIELDS = ("start", "time")  # the fields that make the date (and the .ics) provisional
TIME_PROVISIONAL = "Uhrzeit vorläufig"
HELP_CONFIRM = "Vorläufige Angaben aus dem Jahresplan bestätigen"
CONFIRM_NONE = "Alle Angaben aus dem Jahresplan sind bestätigt – nichts mehr vorläufig."
CONFIRM_LIST_HEAD = "<b>Vorläufig</b> (Annahmen aus dem Jahresplan). Stimmt es? Dann bestätigen:"
CONFIRM_LINE = "• <b>{title}</b> – {when}: {fields}"
CONFIRM_BUTTON = "Bestätigen: {title}"
CONFIRMED = (
    "Bestätigt: <b>{title}</b> ({when}) ist nicht mehr vorläufig. Stimmt etwas nicht? "
    "Ändern mit /termin_bearbeiten."
)
CONFIRM_PREVIEW = (
    "<b>{title}</b> bestätigen: {when} ({fields})?\n{told}\nStimmt der Termin nicht? "
    "„Anderer Termin“ ändert ihn – die Angemeldeten erfahren dann den neuen."
)
CONFIRM_YES = "Ja, bestätigen"
CONFIRM_OTHER = "Anderer Termin"
CONFIRM_NO = "Nein"
CONFIRM_KEPT = "Gut, <b>{title}</b> bleibt vorläufig. Bestätigen später mit /bestaetigen."
CONFIRMED_TOLD = " Benachrichtigt: {n}."
FIXED = (
    "<b>Der Termin steht jetzt fest:</b> {title}\n{when}\n{place}"
    "Passt es nicht mehr? /termine → Abmelden."
)
WILL_FIX = "{who} die Nachricht, dass der Termin jetzt feststeht (mit Kalendereintrag)."
EVENT_CANCELLED_STATUS = "abgesagt (Termin abgesagt)"
EXPORT_LABEL = "Anmeldungen zu Terminen"

def when_text(ev: Event, tz: ZoneInfo) -> str:
    """Return the date line: the month note for vague dates, else weekday, date and time."""
    text = esc(ev.date_note) if ev.date_note else fmt_span(ev.start, ev.end, tz)
    if is_provisional(ev, "start"):
        return text + (PROVISIONAL if "folgt" in text else PROVISIONAL_DATE)
    return text + time_mark(ev.provisional, "time")


def assumed_when(ev: Event, tz: ZoneInfo) -> str:
    """Return the assumed day and time themselves (not the month note) for the team to confirm."""
    return fmt_span(ev.start, ev.end, tz) + (
        PROVISIONAL if is_provisional(ev, "start") else time_mark(ev.provisional, "time"))


def fixed_told_text(n: int) -> str:
    """Say how many registered or waiting people hear that the date now stands."""
    if n == 0:
        return "Niemand ist angemeldet – es geht keine Nachricht raus."
    return (f"{people_text(n)} (Angemeldete und Wartende) bekommen die Nachricht, dass der "
            "Termin jetzt feststeht." if n > 1 else
            "1 Person (angemeldet oder wartend) bekommt die Nachricht, dass der Termin jetzt "
            "feststeht.")


def is_provisional(ev: Event, field: str) -> bool:
    """Return whether the catalogue only assumed this value and the team has not confirmed it."""
    return provisional.is_provisional(ev.provisional, field)


def mark(ev: Event, field: str) -> str:
    """Return " (vorläufig)" after an assumed value, else nothing."""
    return provisional.mark(ev.provisional, field)


def place_line(ev: Event) -> str:
    """Return "Ort: …" with city, or nothing."""
    if not ev.place:
        return ""
    city = f" ({esc(ev.city)})" if ev.city and ev.city not in ev.place else ""
    return f"Ort: {esc(ev.place)}{city}\n"


def places_text(ev: Event, waiting: bool) -> str:
    """Return "noch 12 Plätze" or "ausgebucht – Warteliste"."""
    if ev.capacity is None:
        return ""
    free = ev.capacity - ev.booked
    return (f"noch {plural(free, 'Platz', 'Plätze')}" + mark(ev, "capacity")
            if free > 0 and not waiting else "ausgebucht – Warteliste")


def per_company_now(cap: int | None, capacity: int | None) -> str:
    """Say the current cap per company and the allowed range, under the question."""
    now = "keine Grenze" if cap is None else plural(cap, "Platz", "Plätze")
    top = f" (1 bis {capacity})" if capacity is not None else ""
    return f"\nBisher: {now}{top}."


def people_text(n: int) -> str:
    """Return "1 Person" / "3 Personen"."""
    return plural(n, "Person", "Personen")


def status_line(status: str | None, people: int, position: int | None) -> str:
    """Return the person's own status on an event card."""
    if status == "registered":
        return f"✅ Du bist angemeldet ({people_text(people)})."
    if status == "waitlist":
        return f"⏳ Du stehst auf der Warteliste (Platz {position}, {people_text(people)})."
    return ""


def colleagues_line(names: list[tuple[str, int, str]]) -> str:
    """Return "Von eurer Firma: Anna (2 Personen), Ben (Warteliste)"."""
    if not names:
        return ""
    parts = [f"{esc(n)} ({people_text(k)}{', Warteliste' if s == 'waitlist' else ''})"
             for n, k, s in names]
    return "Von eurer Firma: " + ", ".join(parts)


def deadline_line(ev: Event, now: datetime, tz: ZoneInfo, contact: str) -> str:
    """Return the registration deadline, or that it has passed and whom to ask."""
    if ev.deadline is None or ev.kind != "intern":
        return ""
    if now > ev.deadline:
        return f"Anmeldefrist vorbei – bitte beim Clusterteam melden: {esc(contact)}"
    return f"Anmeldung bis {deadline_text(ev, tz)}"


def deadline_text(ev: Event, tz: ZoneInfo) -> str:
    """Return the sign-up deadline, " (vorläufig)" while only assumed."""
    return fmt_dt(ev.deadline, tz) + mark(ev, "deadline") if ev.deadline else ""


def capacity_text(ev: Event) -> str:
    """Return the number of places, " (vorläufig)" while only assumed ("–": no limit)."""
    return f"{ev.capacity}{mark(ev, 'capacity')}" if ev.capacity is not None else "–"


def kind_line(ev: Event) -> str:
    """Return how to register for external and info-only events."""
    link = f'<a href="{esc(ev.link)}">{esc(ev.link)}</a>' if ev.link else ""
    if ev.kind == "extern":
        return f"Anmeldung beim Veranstalter: {link}" if link else KIND_LABELS["extern"]
    if ev.kind == "info":
        return "Nur zur Info, keine Anmeldung über den Bot." + (f" Mehr: {link}" if link else "")
    return ""
