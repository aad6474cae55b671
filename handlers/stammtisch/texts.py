"""German texts of the Social Media Stammtisch: dates, reminders, changes, topics."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.core.format import esc, fmt_day, fmt_dt, fmt_time, local
from handlers.core.provisional import mark

LABEL_MORNING = "Stammtisch: am Morgen (9 Uhr)"
LABEL_SOON = "Stammtisch: 15 Minuten vorher"
LABEL_CHANGE = "Stammtisch: Änderungen"
LABEL_TOPICS = "Stammtisch: Themen (Admins)"
SUBSCRIBE = "🔔 Erinnerung an"
UNSUBSCRIBE = "🔕 Erinnerung aus"
SUGGEST = "💡 Thema vorschlagen"
CALENDAR = "📅 Alle Termine in den Kalender"
ICS_SENT = "Hier ist der <b>{title}</b> als Serie für deinen Kalender – abgesagte und verschobene Termine sind schon berücksichtigt, mit Erinnerung am Vortag."
ICS_DESCRIPTION = "{about}\n\nZoom: {link}\nAusbildungscluster Zukunftsmacher"

CLASH = (
    "⚠️ <b>Terminüberschneidung:</b> Der {title} am {when} fällt in „{other}“ ({other_when}).\n"
    "Vorschlag: diesen Stammtisch absagen oder verschieben, z. B. "
    "<code>/stammtisch_verschieben {day} auf {day} {after} Uhr</code>."
)
CLASH_SKIP = "Diesen Stammtisch absagen"
CONFIRM_SKIP = "Den {title} am {when} absagen?"
CONFIRM_MOVE = "Den {title} vom {old} auf {new} verschieben?"
CONFIRM_BACK = "Den {title} wieder auf den ursprünglichen Termin {new} legen (nicht mehr verschoben)?"
CONFIRM_LINK = "Für alle kommenden Termine von „{title}“ den neuen Zoom-Link {link} nehmen?"
CONFIRM_TIME = "Alle kommenden Termine von „{title}“ ab sofort um {time} Uhr beginnen lassen?"
CONFIRM_YES_SKIP = "Ja, absagen"
CONFIRM_YES_MOVE = "Ja, verschieben"
CONFIRM_YES_CHANGE = "Ja, ändern"
CONFIRM_NO = "Nein, so lassen"
KEPT = "Gut, nichts geändert."
STALE_SETTING = "Diese Änderung ist nicht mehr aktuell – bitte schick den Befehl noch einmal."
STALE_CHANGE = "Dieser Termin hat sich inzwischen geändert – bitte schau in /stammtisch und fang neu an."

HEAD = "<b>{title}</b> – online per Zoom, alle 14 Tage\n{about}"
DURATION = "Dauer: {minutes} Minuten{mark}"
PROVISIONAL_FIELDS = {"duration": "Dauer"}
CONFIRM_LINE = "• <b>{title}</b>: {fields} ({minutes} Minuten)"
CONFIRM_BUTTON = "Bestätigen: Stammtisch"
CONFIRMED = "Bestätigt: Der {title} dauert {minutes} Minuten – nicht mehr vorläufig."
NOT_PROVISIONAL = "Beim {title} ist nichts mehr vorläufig. Noch Vorläufiges: /bestaetigen"
NEXT = "\n<b>Nächste Termine</b>"
NONE = "\nZurzeit sind keine Termine geplant."
SUBSCRIBED = "\n🔔 Du wirst am Morgen (9 Uhr) und 15 Minuten vorher erinnert. Einzeln abschalten: /erinnerungen"
NOT_SUBSCRIBED = "\nMöchtest du erinnert werden? Dann tipp auf „Erinnerung an“."
NOW_ON = "🔔 Erledigt: Ich erinnere dich an jeden Stammtisch – am Morgen um 9 Uhr und 15 Minuten vorher."
NOW_OFF = "🔕 Erledigt: keine Stammtisch-Erinnerungen mehr."
ASK_TOPIC = "Welches Thema schlägst du für den Stammtisch am {date} vor? Schreib es mir in einer Nachricht."
TOO_MANY_TOPICS = (
    "Du hast für diesen Termin schon {count} vorgeschlagen – das reicht für ein Treffen. "
    "Weitere Ideen gern für den nächsten Stammtisch oder direkt ans Clusterteam."
)
TOPIC_THANKS = "Danke! Dein Themenvorschlag ist notiert, das Clusterteam sieht ihn vor dem Termin."
TOPIC_EMPTY = "Bitte schreib dein Thema als Text (höchstens 500 Zeichen)."
TOPIC_TOO_LONG = "Das sind {count} Zeichen – bitte fass dein Thema in höchstens 500 Zeichen."
OVERVIEW = "🔔 <b>Social Media Stammtisch</b>: Erinnerungen an (/stammtisch)"
NO_SESSION = "Gerade ist kein Stammtisch geplant."

MORNING = "☀️ Heute um {time} Uhr ist <b>{title}</b>.\nZoom: {link}"
SOON = "⏰ In 15 Minuten, um {time} Uhr, geht's los: <b>{title}</b>.\nZoom: {link}"
TOPICS_PUSH = "💡 Themen für den {title} heute um {time} Uhr:\n{lines}"

CANCELLED = "❌ Der {title} am {date} fällt aus."
MOVED = "📅 Der {title} vom {old} wird verschoben auf {new}.\nZoom: {link}"
NEW_LINK = "🔗 Der {title} hat einen neuen Zoom-Link: {link}"
NEW_TIME = "🕐 Der {title} beginnt ab sofort um {time} Uhr. Nächster Termin: {next}"

USAGE_SKIP = "So sagst du einen Termin ab: <code>/stammtisch_absagen 2.4.</code>"
USAGE_MOVE = "So verschiebst du einen Termin: <code>/stammtisch_verschieben 2.4. auf 9.4. 14 Uhr</code>"
USAGE_LINK = "So änderst du den Link: <code>/stammtisch_link https://…</code> (ein Link, höchstens 500 Zeichen)"
USAGE_TIME = "So änderst du die Uhrzeit aller Termine: <code>/stammtisch_zeit 13:00</code>"
NO_SUCH_SESSION = "Am {date} ist kein Stammtisch geplant. Die nächsten Termine zeigt /stammtisch."
ALREADY_CANCELLED = "Der Termin am {date} ist schon abgesagt. Wieder ansetzen: /stammtisch_verschieben"
SAME_START = "Der Stammtisch ist schon am {when} – nichts zu verschieben."
TAKEN = ("Am {when} ist schon ein Stammtisch. Nimm eine andere Zeit – oder sag den Termin vom "
         "{old} ab: /stammtisch_absagen {day}")
SAME_TIME = "Der Stammtisch beginnt schon um {time} Uhr – nichts zu ändern."
SAME_LINK = "Das ist schon der aktuelle Link – nichts zu ändern."
NOT_A_DATE = (
    "Dieses Datum habe ich leider nicht verstanden. Schreib es zum Beispiel so: "
    "„2.4.“, „Donnerstag“ oder „9.4. 14 Uhr“."
)
PAST = "{when} liegt in der Vergangenheit. Bitte nenn mir einen Termin in der Zukunft."
TOPICS_HEAD = "<b>Themenvorschläge</b>"
TOPICS_NONE = "Noch keine Themenvorschläge für die nächsten Termine."


def session_line(start: datetime, link: str, tz: ZoneInfo, *, moved: bool = False) -> str:
    """Format one upcoming session with its join link."""
    note = " (verschoben)" if moved else ""
    return f"• {fmt_dt(start, tz)}{note}\n  <a href=\"{esc(link)}\">Zoom-Link</a>"


def duration_line(minutes: int, provisional: tuple[str, ...]) -> str:
    """Return "Dauer: 60 Minuten", " (vorläufig)" while the catalogue only assumed it."""
    return DURATION.format(minutes=minutes, mark=mark(provisional, "duration"))


def at(start: datetime, tz: ZoneInfo) -> str:
    """Return the local start time as "13:00"."""
    return fmt_time(local(start, tz).time())


def day(start: datetime, tz: ZoneInfo) -> str:
    """Return the local date as "Do, 2. April 2026"."""
    return fmt_day(start, tz)


def topic_lines(entries: list[tuple[str, str]]) -> str:
    """Format topic suggestions as bullet lines."""
    return "\n".join(f"• {esc(text)} ({esc(who)})" for who, text in entries)


def told(count: int) -> str:
    """Say how many subscribers a change would message."""
    if count == 0:
        return "Niemand hat Stammtisch-Erinnerungen an – es geht keine Nachricht raus."
    if count == 1:
        return "1 Abonnent:in bekommt dazu eine Nachricht."
    return f"{count} Abonnent:innen bekommen dazu eine Nachricht."


def done_change(count: int) -> str:
    """Confirm an admin change and say how many subscribers are told."""
    if count == 0:
        return "Erledigt. Niemand hat Stammtisch-Erinnerungen an, also geht keine Nachricht raus."
    who = "1 Abonnent:in wird" if count == 1 else f"{count} Abonnent:innen werden"
    return f"Erledigt. {who} einmal benachrichtigt."


def subscribed(morning: bool, soon: bool, *, just_now: bool = False) -> str:
    """Say which Stammtisch reminders the subscriber gets (one kind may be switched off)."""
    if morning and soon:
        return NOW_ON if just_now else SUBSCRIBED
    head = "🔔 Erledigt." if just_now else "\n🔔"
    if morning or soon:
        which, other = ("am Morgen um 9 Uhr", "15 Minuten vorher") if morning else (
            "15 Minuten vorher", "am Morgen")
        return f"{head} Ich erinnere dich nur {which}, die Erinnerung {other} ist aus. " \
               "Wieder an: /erinnerungen"
    return f"{head} Beide Stammtisch-Erinnerungen sind aus. Wieder an: /erinnerungen"

# /hilfe lines and command-menu descriptions
HELP_STAMMTISCH = "Social Media Stammtisch: Termine und Erinnerung"
HELP_STAMMTISCH_ABSAGEN = "Stammtisch-Termin absagen: Datum"
HELP_STAMMTISCH_LINK = "Neuer Zoom-Link für den Stammtisch"
HELP_STAMMTISCH_VERSCHIEBEN = "Stammtisch-Termin verschieben: Datum auf neues Datum/Zeit"
HELP_STAMMTISCH_ZEIT = "Neue Uhrzeit aller Stammtisch-Termine"
HELP_THEMEN = "Themenvorschläge für den Stammtisch"
TOPIC_DIALOG_TITLE = "Themenvorschlag"
