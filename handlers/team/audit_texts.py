"""German, readable lines for every kind of audit entry ("Stammtisch 22.1. auf 13:30 verschoben").

Each kind the code writes with `ctx.audit` has a describer here; a test scans the
code for kinds without one. A kind nobody described yet still shows, with its details.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from handlers.core.format import esc, fmt_dt, fmt_time, plural
from handlers.polls import texts as pt
from storage.audit import Names

Detail = Mapping[str, Any]
Describe = Callable[[Detail, Names, ZoneInfo], str]
STATES = {"BB": "Brandenburg", "SN": "Sachsen"}


def _s(d: Detail, key: str) -> str:
    """Return a detail as escaped text ("" when missing)."""
    value = d.get(key)
    return "" if value is None else esc(str(value))


def _day(value: object) -> str:
    """Format an ISO date as "22.1."."""
    try:
        d = date.fromisoformat(str(value)[:10])
    except ValueError:
        return esc(str(value))
    return f"{d.day}.{d.month}."


def _when(value: object, tz: ZoneInfo) -> str:
    """Format an ISO datetime in local time, long."""
    try:
        return fmt_dt(datetime.fromisoformat(str(value)), tz)
    except ValueError:
        return esc(str(value))


def _count(d: Detail, key: str) -> str:
    """Count the people a detail names ("3 Personen")."""
    return plural(int(d.get(key, 0)), "Person", "Personen")


def _person(d: Detail, names: Names) -> str:
    """Name the person an entry is about (by key or id)."""
    if d.get("target"):
        return esc(names.people.get(str(d["target"]), str(d.get("name") or d["target"])))
    if isinstance(d.get("person"), int):
        return esc(names.person_ids.get(d["person"], f"Person Nr. {d['person']}"))
    return esc(str(d.get("name", "?")))


def _event(d: Detail, names: Names) -> str:
    """Name the event an entry is about."""
    event = d.get("event")
    title = d.get("title") or (names.events.get(event) if isinstance(event, int) else None)
    return f"„{esc(str(title))}“" if title else f"Nr. {esc(str(event))}"


def _audience(d: Detail, names: Names) -> str:
    """Say whom a poll or broadcast went to, with the audience step's labels ("an alle
    Mitglieder", "an Rolle Personal / HR"); an unknown code is shown as it is."""
    code = str(d.get("audience", "all"))
    if code == "all":
        return f"an {pt.AUDIENCE_ALL[:1].lower()}{pt.AUDIENCE_ALL[1:]}"
    if code in pt.AUDIENCE_STATE:
        return f"an {pt.AUDIENCE_STATE[code]}"
    kind, _, rest = code.partition(":")
    if kind == "role" and rest in pt.ROLES:
        return f"an Rolle {pt.ROLES[rest]}"
    if kind == "event" and rest.isdigit():
        title = names.events.get(int(rest))
        return f"an Angemeldete von „{esc(title)}“" if title else f"an Angemeldete von Nr. {rest}"
    return f"an {esc(code)}"


def _stammtisch_move(d: Detail, names: Names, tz: ZoneInfo) -> str:
    """ "Stammtisch 22.1. auf 13:30 verschoben" (another day: "auf 23.1., 13:30")."""
    try:
        to = datetime.fromisoformat(str(d.get("to"))).astimezone(tz)
    except ValueError:
        return f"Stammtisch {_day(d.get('session'))} verschoben"
    same_day = str(d.get("session", ""))[:10] == to.date().isoformat()
    where = fmt_time(to.time()) if same_day else f"{to.day}.{to.month}., {fmt_time(to.time())}"
    return f"Stammtisch {_day(d.get('session'))} auf {where} verschoben"


def _denied(d: Detail, names: Names, tz: ZoneInfo) -> str:
    commands = d.get("commands") or {d.get("command", "?"): 1}
    which = ", ".join(f"/{esc(str(c))}" + (f" ({n}×)" if int(n) > 1 else "")
                      for c, n in commands.items())
    count = int(d.get("count", 1))
    last = f", zuletzt {_when(d['last'], tz)}" if count > 1 and d.get("last") else ""
    return f"abgelehnt: {plural(count, 'Versuch', 'Versuche')} ({which}){last}"


def _changes(d: Detail) -> str:
    labels = {"title": "Titel", "start": "Beginn", "end": "Ende", "place": "Ort",
              "topic": "Thema", "capacity": "Plätze", "per_company": "Plätze pro Firma",
              "deadline": "Anmeldeschluss", "link": "Link", "reminder_days": "Erinnerungen"}
    fields = [labels.get(k, k) for k in d if k != "event"]
    return ", ".join(fields) or "nichts"


DESCRIBE: dict[str, Describe] = {
    # invites, admins, people, companies
    "invite": lambda d, n, tz: (f"Einladung für {_s(d, 'company')} erstellt"
                                + (f" (für {plural(int(d['uses']), 'Person', 'Personen')})"
                                   if d.get("uses") else "")),
    "invite_redeem": lambda d, n, tz: f"mit einem Code zu {_s(d, 'company')} gekommen",
    "invite_revoke": lambda d, n, tz: f"Einladungscode für {_s(d, 'company')} zurückgezogen",
    "invite_revoke_all": lambda d, n, tz: (
        f"{plural(int(d.get('count', 0)), 'Einladungscode', 'Einladungscodes')} zurückgezogen"
        f" ({esc(', '.join(map(str, d.get('companies', []))))})"),
    "grant_admin": lambda d, n, tz: f"{_person(d, n)} zum Admin gemacht",
    "revoke_admin": lambda d, n, tz: f"{_person(d, n)} die Admin-Rolle entzogen",
    "person_unlink": lambda d, n, tz: f"{_person(d, n)} von {_s(d, 'company')} gelöst",
    "person_move": lambda d, n, tz: f"{_person(d, n)} zu {_s(d, 'company')} verschoben",
    "company_add": lambda d, n, tz: f"Firma {_s(d, 'company')} angelegt",
    "company_rename": lambda d, n, tz: f"Firma {_s(d, 'old')} in {_s(d, 'company')} umbenannt",
    "company_state": lambda d, n, tz: (f"Land von {_s(d, 'company')} auf "
                                       f"{STATES.get(str(d.get('state')), _s(d, 'state'))} "
                                       "gesetzt"),
    "company_merge": lambda d, n, tz: f"Firma {_s(d, 'company')} in {_s(d, 'into')} aufgegangen",
    "company_delete": lambda d, n, tz: f"Firma {_s(d, 'company')} gelöscht",
    # events
    "event_add": lambda d, n, tz: f"Termin {_event(d, n)} am {_when(d.get('start'), tz)} angelegt",
    "event_edit": lambda d, n, tz: f"Termin {_event(d, n)} geändert: {_changes(d)}",
    "event_cancel": lambda d, n, tz: (f"Termin {_event(d, n)} abgesagt "
                                      f"({_count(d, 'informed')} informiert)"),
    "event_confirm": lambda d, n, tz: (f"Vorläufige Angaben von Termin {_event(d, n)} "
                                       "bestätigt"),
    "registration_cancel": lambda d, n, tz: (f"Anmeldung von {_person(d, n)} zu Termin "
                                             f"{_event(d, n)} storniert"),
    # Stammtisch
    "stammtisch_skip": lambda d, n, tz: f"Stammtisch {_day(d.get('session'))} abgesagt",
    "stammtisch_move": _stammtisch_move,
    "stammtisch_link": lambda d, n, tz: "Zoom-Link des Stammtischs geändert",
    "stammtisch_time": lambda d, n, tz: f"Stammtisch ab jetzt um {_s(d, 'time')} Uhr",
    "stammtisch_provisional_confirm": lambda d, n, tz: (f"Dauer des Stammtischs "
                                                        f"({_s(d, 'minutes')} Minuten) bestätigt"),
    # media days, films, fairs
    "schaurein_provisional_confirm": lambda d, n, tz: (f"Vorläufige Angaben von "
                                                       f"{_s(d, 'title')} bestätigt"),
    "fair_provisional_confirm": lambda d, n, tz: (f"Vorläufige Angaben der Messe "
                                                  f"{_s(d, 'title')} bestätigt"),
    "media_day_offers": lambda d, n, tz: ("Medientag-Tage angeboten: "
                                          + ", ".join(_day(x) for x in d.get("days", []))),
    "media_day_confirm": lambda d, n, tz: (f"Medientag von {_s(d, 'company')} am "
                                           f"{_day(d.get('day'))} bestätigt"),
    "media_day_propose": lambda d, n, tz: (f"{_s(d, 'company')} den Medientag "
                                           f"{_day(d.get('day'))} vorgeschlagen"),
    "media_day_decline": lambda d, n, tz: f"Medientag-Anfrage von {_s(d, 'company')} abgelehnt",
    "film_assign": lambda d, n, tz: f"Filmserie: {_s(d, 'company')} bekommt {_s(d, 'group')}",
    "film_remove": lambda d, n, tz: f"Filmserie: {_s(d, 'company')} aus {_s(d, 'group')} genommen",
    "film_withdraw": lambda d, n, tz: (f"{_s(d, 'company')} hat sich aus der Filmserie "
                                       f"({_s(d, 'group')}) zurückgezogen"),
    "fair_confirm": lambda d, n, tz: (f"Messestand für {_s(d, 'company')} bestätigt "
                                      f"({_s(d, 'fair')})"),
    "fair_decline": lambda d, n, tz: (f"Messestand-Anfrage von {_s(d, 'company')} abgelehnt "
                                      f"({_s(d, 'fair')})"),
    # polls, ideas, broadcasts
    "poll_send": lambda d, n, tz: (f"Umfrage „{_s(d, 'question')}“ {_audience(d, n)} verschickt "
                                   f"({_count(d, 'recipients')})"),
    "poll_close": lambda d, n, tz: f"Umfrage Nr. {_s(d, 'poll')} beendet",
    "idea_status": lambda d, n, tz: (f"Idee #{_s(d, 'idea')} auf „{_s(d, 'status')}“ gesetzt"
                                     + (f": {_s(d, 'note')}" if d.get("note") else "")),
    "broadcast_send": lambda d, n, tz: (f"Rundschreiben {_audience(d, n)} verschickt "
                                        f"({_count(d, 'recipients')})"
                                        + (f", mit Datei {_s(d, 'file')}" if d.get("file")
                                           else "")),
    # privacy self-service
    "privacy_erase": lambda d, n, tz: (
        f"eigene Daten gelöscht ({plural(int(d.get('rows', 0)), 'Eintrag', 'Einträge')}"
        + (f", {int(d['moved_up'])} nachgerückt" if d.get("moved_up") else "") + ")"),
    "privacy_leave": lambda d, n, tz: f"aus {_s(d, 'company')} ausgetreten",
    # the web desk
    "web_link": lambda d, n, tz: "Anmeldelink für den Web-Schreibtisch geholt",
    "web_login": lambda d, n, tz: "am Web-Schreibtisch angemeldet",
    "web_logout": lambda d, n, tz: (
        f"vom Web-Schreibtisch abgemeldet "
        f"({plural(int(d.get('sessions', 0)), 'Sitzung', 'Sitzungen')})"),
    "web_feed_new": lambda d, n, tz: "neue geheime Kalender-Adresse erstellt",
    "web_feed_revoke": lambda d, n, tz: "geheime Kalender-Adresse gesperrt",
    # exports, catalogue, refusals
    "export": lambda d, n, tz: (f"Export {_s(d, 'kind')} "
                                f"({plural(int(d.get('rows', 0)), 'Zeile', 'Zeilen')})"),
    "catalogue_upload": lambda d, n, tz: f"Katalog „{_s(d, 'name')}“ hochgeladen",
    "catalogue_apply": lambda d, n, tz: f"Katalog „{_s(d, 'name')}“ übernommen",
    "catalogue_discard": lambda d, n, tz: f"Katalog „{_s(d, 'name')}“ verworfen",
    "denied": _denied,
}

# /protokoll WORD: which kinds a word filters (a word that is none of these names a person)
FILTERS: dict[str, tuple[str, ...]] = {
    "abgelehnt": ("denied",),
    "einladung": ("invite",),
    "einladungen": ("invite",),
    "admin": ("grant_admin", "revoke_admin"),
    "person": ("person_", "grant_admin", "revoke_admin"),
    "firma": ("company_",),
    "firmen": ("company_",),
    "termin": ("event_", "registration_"),
    "termine": ("event_", "registration_"),
    "stammtisch": ("stammtisch_",),
    "medientag": ("media_day_",),
    "film": ("film_",),
    "messe": ("fair_",),
    "export": ("export",),
    "katalog": ("catalogue_",),
    "umfrage": ("poll_",),
    "idee": ("idea_",),
    "rundschreiben": ("broadcast_",),
    "datenschutz": ("privacy_",),
    "web": ("web_",),
}


def describe(action: str, detail: Detail, names: Names, tz: ZoneInfo) -> str:
    """Return what an entry did, in German (unknown kinds: the kind and its details)."""
    fn = DESCRIBE.get(action)
    if fn is not None:
        try:
            return fn(detail, names, tz)
        except (KeyError, TypeError, ValueError):
            pass  # an older entry with other details: shown plainly below
    shown = ", ".join(f"{k}: {v}" for k, v in sorted(detail.items()))
    return esc(f"{action} ({shown})" if shown else action)


def line(at: datetime, actor: str, action: str, detail: Detail, names: Names,
         tz: ZoneInfo) -> str:
    """One entry of /protokoll: when (local), who, what."""
    who = esc(names.people.get(actor, actor))
    return f"• {fmt_dt(at, tz)} – <b>{who}</b>: {describe(action, detail, names, tz)}"


HEAD = "<b>Protokoll{what}</b> (neueste zuerst, Ortszeit):"
EMPTY = "Dazu steht nichts im Protokoll."
FOOT = (
    "\nFiltern: <code>/protokoll abgelehnt</code>, <code>/protokoll einladung</code> (auch "
    "admin, firma, termin, stammtisch, medientag, film, messe, export, katalog, umfrage, idee, "
    "rundschreiben, datenschutz, web) oder "
    "<code>/protokoll Name</code>"
)
NOBODY = "Niemand heißt „{query}“, und „{query}“ ist auch keine Aktion. " + FOOT.strip()
BTN_OLDER = "Ältere ›"
