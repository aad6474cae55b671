"""The desk's pages and actions in-process: media-day and booth answers reach the member once."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import aiohttp

from handlers.media_days.view import config
from storage.events import manage, signup
from storage.events import queries as events
from storage.fairs import booths
from storage.films import service as films
from storage.films.rules import FilmConfig
from storage.media_days import queries as service_queries
from storage.media_days import service
from storage.members import companies, people
from storage.outbox.models import OutboxMessage
from storage.polls import roles
from storage.schau_rein import service as schau_rein
from storage.schau_rein.programme import programme
from storage.stammtisch import service as stammtisch
from tests.support.store import plan_text
from tests.web.conftest import Desk
from tests.web.test_login import CSRF, log_in

MON = date(2026, 2, 16)


async def join(desk: Desk, who: str, company: str) -> int:
    """Link a console person to a company of the shipped catalogue; return its id."""
    out = await desk.say("chef", f"/einladung {company}")
    code = re.search(r"/start ([A-Za-z0-9-]+)", out[0].text)
    assert code
    await desk.say(who, f"/start {code.group(1)}")
    async with desk.app.db.read() as s:
        return (await companies.find(s, query=company))[0].id


async def request_media_day(desk: Desk, company_id: int) -> int:
    """Request a media day for the company on Monday 16 February (as the chat's dialog does)."""
    now = desk.clock.now()
    async with desk.app.db.unit() as s:
        md = await service.request(
            s, company_id=company_id, person_id=None, formats=["fotos"], wishes=[MON],
            contact_name="Anna", contact_reach="0171 1", note="", now=now, today=now.date(),
            cfg=config(desk.app.catalogue))
    return md.id


async def test_last_activity_is_what_the_person_sent_not_what_the_bot_delivered(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")  # anna writes on Mon 2 Feb
    await join(desk, "ben", "Pragma")
    async with desk.app.db.read() as s:
        ben = await people.find(s, platform="console", external_id="ben")
    assert ben is not None
    later = desk.clock.now() + timedelta(days=2)
    await plan_text(desk.app.db, person_id=ben.id, text="Erinnerung", due_at=later, key="r",
                    now=desk.clock.now())
    await desk.app.advance(later)  # ben is sent a message on Wed 4 Feb: not his activity
    assert "Erinnerung" in desk.port.texts("ben")
    await desk.app.advance(later + timedelta(days=1, hours=1))
    await desk.say("anna", "/termine")  # anna writes on Thu 5 Feb, 10:00
    heute = await log_in(desk, browser_session)  # chef's /web in chat: his activity
    csrf = CSRF.search(heute)
    assert csrf
    asked = desk.clock.now()
    await desk.app.advance(asked + timedelta(hours=1))
    # An action on the desk runs as the admin through the router, but is no chat activity.
    export = await browser_session.post(f"{desk.base}/exporte/medientage",
                                        data={"csrf": csrf.group(1)})
    assert export.status == 200 and "attachment" in export.headers["Content-Disposition"]
    async with desk.app.db.read() as s:
        chef = await people.find(s, platform="console", external_id="chef")
    assert chef is not None and chef.last_seen_at == asked
    firmen = await (await browser_session.get(f"{desk.base}/firmen")).text()
    assert "anna (console, zuletzt aktiv 05.02.2026)" in firmen
    assert "ben (console, zuletzt aktiv 02.02.2026)" in firmen
    firma = await (await browser_session.get(f"{desk.base}/firmen/{cid}")).text()
    assert "anna (console), zuletzt aktiv: Do, 5. Februar 2026, 10:00 Uhr" in firma


async def test_confirm_on_the_web_tells_the_member_once_and_is_audited(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    md_id = await request_media_day(desk, cid)
    heute = await log_in(desk, browser_session)
    assert "Pragma" in heute and "Medientage: 1 offen" in heute
    page = await (await browser_session.get(f"{desk.base}/anfragen")).text()
    assert f"/anfragen/medientag/{md_id}/bestaetigen" in page
    csrf = CSRF.search(page)
    assert csrf
    done = await browser_session.post(f"{desk.base}/anfragen/medientag/{md_id}/bestaetigen",
                                      data={"csrf": csrf.group(1), "day": MON.isoformat(),
                                            "note": "Bitte Parkplatz freihalten."})
    text = await done.text()
    assert "Bestätigt: Pragma" in text and "Keine offenen Medientag-Anfragen" in text
    told = [t for t in desk.port.texts("anna") if "Medientag bestätigt" in t]
    assert len(told) == 1 and "Hinweis vom Medienteam: Bitte Parkplatz freihalten." in told[0]
    again = await browser_session.post(f"{desk.base}/anfragen/medientag/{md_id}/bestaetigen",
                                       data={"csrf": csrf.group(1), "day": MON.isoformat()})
    assert again.status == 200 and "Bestätigt: Pragma" not in await again.text()
    assert len([t for t in desk.port.texts("anna") if "Medientag bestätigt" in t]) == 1
    firmen = await (await browser_session.get(f"{desk.base}/firmen")).text()
    assert "anna (console, zuletzt aktiv 02.02.2026)" in firmen
    assert "bestätigt: Mo, 16. Februar 2026" in firmen
    log = await (await browser_session.get(f"{desk.base}/protokoll?aktion=media_day_confirm"))\
        .text()
    assert "1 Eintrag ·" in log and "console:chef" in log


async def test_decline_needs_a_reason_and_the_company_reads_it(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    md_id = await request_media_day(desk, cid)
    page = await log_in(desk, browser_session)
    csrf = CSRF.search(page)
    assert csrf
    url = f"{desk.base}/anfragen/medientag/{md_id}/absagen"
    empty = await browser_session.post(url, data={"csrf": csrf.group(1), "reason": "  "})
    assert "Bitte schreib eine Begründung" in await empty.text()
    assert not [t for t in desk.port.texts("anna") if "abgesagt" in t.lower()]
    await browser_session.post(url, data={"csrf": csrf.group(1), "reason": "Team im Urlaub"})
    told = [t for t in desk.port.texts("anna") if "Team im Urlaub" in t]
    assert len(told) == 1


async def test_every_page_renders_for_the_team(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    await request_media_day(desk, cid)
    async with desk.app.db.unit() as s:  # anna signs up 3 people for the first meeting
        first = (await events.upcoming(s, now=desk.clock.now()))[0]
        anna = await people.by_key(s, "console:anna")
        assert anna is not None
        await signup.register(s, event_id=first.id, person_id=anna.id, people=3,
                              now=desk.clock.now())
        await roles.set_role(s, person=anna, role="personal", now=desk.clock.now())
    await log_in(desk, browser_session)
    termine = await (await browser_session.get(f"{desk.base}/termine")).text()
    assert f"Teilnehmende: {first.title}" in termine
    assert "3 von 40 (vorläufig) Plätzen belegt" in termine  # the catalogue assumed 40
    assert "m² (vorläufig) belegt" in termine
    for path, expect in [("/firmen", "Pragma"), ("/firmen?land=SN", "Firmen"),
                         ("/firmen?ohne_medientag=1", "Firmen"),
                         (f"/firmen/{cid}", "anna (console), Personal / HR, zuletzt"),
                         (f"/firmen/{cid}", "Einladung für Pragma erstellt (für 1 Person) "
                                            "(chef)</li>"),
                         ("/termine", "Standplan"), ("/kalender?monat=2026-03", "Schau rein"),
                         ("/zahlen", "<svg"), ("/protokoll", "invite"),
                         # What an entry did reads in German, as /protokoll in chat.
                         ("/protokoll", "<td>Einladung für Pragma erstellt (für 1 Person)</td>"),
                         ("/protokoll", "<td>am Web-Schreibtisch angemeldet</td>"),
                         ("/exporte", "Medientage")]:
        r = await browser_session.get(f"{desk.base}{path}")
        assert r.status == 200, path
        assert expect in await r.text(), path
    csv = await browser_session.get(f"{desk.base}/zahlen/anmeldungen.csv")
    assert csv.status == 200 and "Termin" in (await csv.read()).decode("utf-8-sig")


async def test_exports_and_the_secret_calendar_feed(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    page = await log_in(desk, browser_session)
    csrf = CSRF.search(page)
    assert csrf
    r = await browser_session.post(f"{desk.base}/exporte/medientage",
                                   data={"csrf": csrf.group(1), "format": "csv"})
    assert r.status == 200 and "attachment" in r.headers["Content-Disposition"]
    feed_page = await (await browser_session.post(f"{desk.base}/kalender/feed",
                                                  data={"csrf": csrf.group(1)})).text()
    url = re.search(r"(http://\S+\.ics)", feed_page)
    assert url
    async with aiohttp.ClientSession() as calendar_app:  # no cookie: the secret is the key
        ics = await calendar_app.get(url.group(1))
        body = await ics.text()
        assert ics.status == 200 and "BEGIN:VCALENDAR" in body and "Netzwerktreffen" in body
        assert "SUMMARY:Girls' Day & Boys' Day (vorläufig)" in body  # the times are assumed
        await browser_session.post(f"{desk.base}/kalender/feed/aus",
                                   data={"csrf": csrf.group(1)})
        assert (await calendar_app.get(url.group(1))).status == 404


async def test_heute_shows_deadlines_waiting_lists_and_undelivered_messages(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await join(desk, "anna", "Pragma")
    await join(desk, "bert", "EMIS")
    now = desk.clock.now()
    async with desk.app.db.unit() as s:
        ev = await manage.create(s, now=now, title="Kleiner Workshop", kind="intern",
                                 start=now + timedelta(days=10), capacity=1,
                                 deadline=now + timedelta(days=5), provisional=["deadline"])
        anna = await people.by_key(s, "console:anna")
        bert = await people.by_key(s, "console:bert")
        assert anna is not None and bert is not None
        await signup.register(s, event_id=ev.id, person_id=anna.id, people=1, now=now)
        await signup.register(s, event_id=ev.id, person_id=bert.id, people=1, now=now)
        s.add(OutboxMessage(person_id=bert.id, kind="event.reminder", due_at=now,
                            dedupe_key="test:1", created_at=now, dropped_at=now,
                            drop_reason="gave_up", last_error="blocked"))
        s.add(OutboxMessage(person_id=anna.id, kind="fair.decision", due_at=now,
                            dedupe_key="test:2", created_at=now, last_error="timeout"))
    page = await log_in(desk, browser_session)
    assert "Uhr (vorläufig): Kleiner Workshop (Anmeldeschluss)" in page  # an assumed deadline
    assert "Kleiner Workshop</a>: 1 Person auf der Warteliste" in page
    # The kind in German: its own name where people can switch it off, else its area.
    assert ("<td>bert</td><td>EMIS</td><td>Erinnerungen an Termine</td><td>aufgegeben</td>"
            in page)
    assert "<td>anna</td><td>Pragma</td><td>Messe</td><td>neuer Versuch geplant</td>" in page
    assert "event.reminder" not in page and "fair.decision" not in page


async def request_booth(desk: Desk, company_id: int) -> int:
    """Ask for 12 m² at the Insidertreff (9 May 2026), as the chat's /messe dialog does."""
    wish = booths.BoothWish(days=["2026-05-09"], staff=2, needs_table=True, needs_wall=False,
                            needs_power=True, area_m2=12, professions="Mechatroniker/in",
                            activity="Löten")
    async with desk.app.db.unit() as s:
        out = await booths.submit(s, fair_key="insidertreff-2026", company_id=company_id,
                                  person_id=None, wish=wish, now=desk.clock.now())
    return out.request.id


async def test_booth_requests_are_decided_on_the_web_and_the_member_is_told_once(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    pragma = await join(desk, "anna", "Pragma")
    emis = await join(desk, "bert", "EMIS")
    yes, no = await request_booth(desk, pragma), await request_booth(desk, emis)
    page = await log_in(desk, browser_session)
    csrf = CSRF.search(page)
    assert csrf
    anfragen = await (await browser_session.get(f"{desk.base}/anfragen")).text()
    assert f"/anfragen/messestand/{yes}/bestaetigen" in anfragen
    assert f"/anfragen/messestand/{no}/ablehnen" in anfragen
    url = f"{desk.base}/anfragen/messestand/{yes}/bestaetigen"
    done = await browser_session.post(url, data={"csrf": csrf.group(1),
                                                 "note": "Stand 4 neben dem Eingang."})
    assert "Pragma" in await done.text()
    again = await browser_session.post(url, data={"csrf": csrf.group(1), "note": ""})
    assert again.status == 200
    told = [t for t in desk.port.texts("anna") if "Insidertreff" in t and "bestätigt" in t]
    assert len(told) == 1 and "Hinweis vom Clusterteam: Stand 4 neben dem Eingang." in told[0]
    await browser_session.post(f"{desk.base}/anfragen/messestand/{no}/ablehnen",
                               data={"csrf": csrf.group(1)})
    declined = [t for t in desk.port.texts("bert") if "abgelehnt" in t]
    assert len(declined) == 1 and "Hinweis vom Clusterteam" not in declined[0]
    rest = await (await browser_session.get(f"{desk.base}/anfragen")).text()
    assert "Keine offenen Standanfragen." in rest
    log = await (await browser_session.get(f"{desk.base}/protokoll?aktion=fair_confirm")).text()
    assert "1 Eintrag ·" in log and "console:chef" in log
    bad = await browser_session.post(f"{desk.base}/anfragen/messestand/{yes}/loeschen",
                                     data={"csrf": csrf.group(1)})
    assert bad.status == 404


async def test_every_calendar_entry_opens_its_details(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    tz = desk.app.services.tz
    async with desk.app.db.unit() as s:  # the team skipped one meeting and moved another
        await stammtisch.change_meeting(s, meeting="2026-04-02", cancelled=True, moved_to=None,
                                        now=desk.clock.now())
        await stammtisch.change_meeting(
            s, meeting="2026-04-16", cancelled=False,
            moved_to=datetime(2026, 4, 17, 14, 0, tzinfo=tz), now=desk.clock.now())
    await log_in(desk, browser_session)
    page = await (await browser_session.get(f"{desk.base}/kalender?monat=2026-04")).text()
    entries = re.findall(r'<details class="entry (\w+)"><summary>(.*?)</details>', page, re.S)
    assert {kind for kind, _ in entries} >= {"stammtisch", "holiday", "event"}
    assert all("<dt>" in body for _, body in entries)  # every entry has details to open
    text = " ".join(" ".join(re.sub(r"<[^>]+>", " ", body).split()) for _, body in entries)
    assert ("Social Media Stammtisch (fällt aus) 13:00 Uhr Datum Do, 2. April 2026 Uhrzeit "
            "13:00–14:00 Uhr (vorläufig) Online us06web.zoom.us Stand fällt aus") in text
    assert ("Social Media Stammtisch (verschoben) 14:00 Uhr Datum Fr, 17. April 2026 Uhrzeit "
            "14:00–15:00 Uhr (vorläufig)") in text  # the assumed duration
    assert "Stand verschoben, geplant war Do, 16. April 2026, 13:00 Uhr" in text
    assert "Social Media Stammtisch 13:00 Uhr Datum Do, 30. April 2026" in text
    assert '<a href="https://us06web.zoom.us/j/83092512251?pwd=' in page
    assert 'rel="noopener noreferrer"' in page
    assert ("Karfreitag Feiertag BB und SN Datum Fr, 3. April 2026 Feiertag in "
            "Brandenburg (BB) und Sachsen (SN)") in text
    easter = [" ".join(re.sub(r"<[^>]+>", " ", body).split()) for _, body in entries
              if body.startswith("Ostersonntag")]
    assert easter == ["Ostersonntag Feiertag BB Datum So, 5. April 2026 "
                      "Feiertag in Brandenburg (BB)"]  # not a holiday in Sachsen


async def test_every_table_scrolls_sideways_on_a_phone(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    await request_media_day(desk, cid)
    async with desk.app.db.unit() as s:
        first = (await events.upcoming(s, now=desk.clock.now()))[0]
        anna = await people.by_key(s, "console:anna")
        assert anna is not None
        await signup.register(s, event_id=first.id, person_id=anna.id, people=1,
                              now=desk.clock.now())
    await log_in(desk, browser_session)
    for path in ("/heute", "/termine", "/firmen", "/kalender", "/zahlen", "/protokoll"):
        page = await (await browser_session.get(f"{desk.base}{path}")).text()
        tables = page.count("<table")
        assert tables, path
        # A table wider than a phone scrolls in its box instead of widening the page.
        assert len(re.findall(r'<div class="scroll">\s*<table', page)) == tables, path


async def test_counts_of_one_are_singular(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    async with desk.app.db.unit() as s:
        first = (await events.upcoming(s, now=desk.clock.now()))[0]
        anna = await people.by_key(s, "console:anna")
        assert anna is not None
        await signup.register(s, event_id=first.id, person_id=anna.id, people=1,
                              now=desk.clock.now())
    await log_in(desk, browser_session)
    log = await (await browser_session.get(f"{desk.base}/protokoll?aktion=web_login")).text()
    assert "1 Eintrag · Seite 1 von 1" in log
    firma = await (await browser_session.get(f"{desk.base}/firmen/{cid}")).text()
    assert "angemeldet, 1 Person</li>" in firma
    async with desk.app.db.read() as s:
        n = len(await companies.all_companies(s))
    firmen = await (await browser_session.get(f"{desk.base}/firmen")).text()
    assert f"<p>{n} Firmen</p>" in firmen
    bb = await (await browser_session.get(f"{desk.base}/firmen?land=BB")).text()
    assert "<p>1 Firma</p>" in bb  # the shipped catalogue names one company in Brandenburg


async def test_feed_entries_keep_their_uid_when_an_earlier_entry_comes(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    md_id = await request_media_day(desk, cid)
    csrf = CSRF.search(await log_in(desk, browser_session))
    assert csrf
    feed_page = await (await browser_session.post(f"{desk.base}/kalender/feed",
                                                  data={"csrf": csrf.group(1)})).text()
    url = re.search(r"(http://\S+\.ics)", feed_page)
    assert url
    uids = re.compile(r"^UID:(.+?)\r?$", re.M)
    async with aiohttp.ClientSession() as calendar_app:
        before = set(uids.findall(await (await calendar_app.get(url.group(1))).text()))
        # A confirmed media day on 16 February: an entry before most of the year's.
        await browser_session.post(f"{desk.base}/anfragen/medientag/{md_id}/bestaetigen",
                                   data={"csrf": csrf.group(1), "day": MON.isoformat()})
        after = set(uids.findall(await (await calendar_app.get(url.group(1))).text()))
    assert len(after) == len(before) + 1 and before < after  # calendar apps match by UID


async def test_heute_counts_the_people_on_a_waiting_list_not_the_sign_ups(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await join(desk, "anna", "Pragma")
    await join(desk, "bert", "EMIS")
    now = desk.clock.now()
    async with desk.app.db.unit() as s:
        ev = await manage.create(s, now=now, title="Kleiner Workshop", kind="intern",
                                 start=now + timedelta(days=10), capacity=2)
        anna = await people.by_key(s, "console:anna")
        bert = await people.by_key(s, "console:bert")
        assert anna is not None and bert is not None
        await signup.register(s, event_id=ev.id, person_id=anna.id, people=2, now=now)
        await signup.register(s, event_id=ev.id, person_id=bert.id, people=2, now=now)
    page = await log_in(desk, browser_session)
    assert "Kleiner Workshop</a>: 2 Personen auf der Warteliste" in page
    zahlen = await (await browser_session.get(f"{desk.base}/zahlen")).text()
    assert "<td>Kleiner Workshop</td><td>12.02.2026</td><td>2</td><td>2</td>" in zahlen


async def test_heute_names_a_chosen_film_group_by_its_label(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    cfg = FilmConfig.from_catalogue(desk.app.catalogue)
    async with desk.app.db.unit() as s:
        await films.register_interest(s, company_id=cid, group_key="kaufmaennisch",
                                      description="Industriekaufleute", now=desk.clock.now(),
                                      cfg=cfg)
    page = await log_in(desk, browser_session)
    assert "<td>Kaufmännische Berufe</td>" in page and "kaufmaennisch" not in page


async def test_heute_writes_schau_rein_days_the_german_way(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    prog = programme(desk.app.catalogue)
    assert prog is not None
    async with desk.app.db.unit() as s:
        await companies.set_state(s, company_id=cid, state="SN")
        await schau_rein.sign_up(s, programme=prog, company_id=cid, person_id=None,
                                 days=[date(2026, 3, 9), date(2026, 3, 10)], support=[],
                                 description="Werkstatt", contact="Anna", now=desk.clock.now())
    page = await log_in(desk, browser_session)
    assert "<td>Mo, 9. März 2026, Di, 10. März 2026</td>" in page and "2026-03-09" not in page


async def test_a_cancelled_registration_reads_abgemeldet_on_the_company_page(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    now = desk.clock.now()
    async with desk.app.db.unit() as s:
        first = (await events.upcoming(s, now=now))[0]
        anna = await people.by_key(s, "console:anna")
        assert anna is not None
        await signup.register(s, event_id=first.id, person_id=anna.id, people=2, now=now)
        await signup.cancel(s, event_id=first.id, person_id=anna.id, now=now)
    await log_in(desk, browser_session)
    firma = await (await browser_session.get(f"{desk.base}/firmen/{cid}")).text()
    assert ": abgemeldet, 2 Personen</li>" in firma and "cancelled" not in firma


async def test_heute_lists_the_schau_rein_deadline(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await desk.app.advance(datetime(2026, 2, 10, 9, 0, tzinfo=desk.app.services.tz))
    page = await log_in(desk, browser_session)
    assert ("Fr, 20. Februar 2026, 23:59 Uhr (vorläufig): Schau rein! – Woche der offenen "
            "Unternehmen Sachsen (Anmeldeschluss)") in page


async def test_a_media_day_is_only_confirmed_on_a_wished_day(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    md_id = await request_media_day(desk, cid)  # wished: Monday 16 February
    csrf = CSRF.search(await log_in(desk, browser_session))
    assert csrf
    url = f"{desk.base}/anfragen/medientag/{md_id}/bestaetigen"
    for day in ("9999-12-31", "2026-02-17", "2026-02-15"):  # a forged form: not wished
        page = await browser_session.post(url, data={"csrf": csrf.group(1), "day": day})
        assert "Dieser Tag passt nicht zur Anfrage." in await page.text(), day
    assert not [t for t in desk.port.texts("anna") if "bestätigt" in t]
    async with desk.app.db.read() as s:
        md = await service_queries.get(s, md_id=md_id)
    assert md is not None and md.status == "requested"
    done = await browser_session.post(url, data={"csrf": csrf.group(1), "day": MON.isoformat()})
    assert "Bestätigt: Pragma am Montag, 16. Februar 2026" in await done.text()
