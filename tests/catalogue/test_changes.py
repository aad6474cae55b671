"""The rule for rows that came from the catalogue, on SQLite and PostgreSQL.

A new catalogue's change follows into a row unless the team changed that field in chat;
upcoming entries it drops are cancelled (events) or closed (fairs); past ones stay history.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import select

from handlers.catalogue.preview import preview_text
from storage.catalogue import Catalogue, from_text, seed_companies
from storage.catalogue import changes as catalogue_changes
from storage.db import Database
from storage.events import catalogue as event_catalogue
from storage.events import manage, signup
from storage.events.models import Event
from storage.fairs import queries as fair_queries
from storage.fairs import seed_fairs
from storage.fairs.models import BoothRequest, Fair
from storage.members.models import Company, Person
from storage.stammtisch import service as stammtisch_service
from storage.stammtisch.models import StammtischSetting
from storage.stammtisch.series import CONFIRMED
from tests.catalogue.helpers import PLAN_2026

BERLIN = ZoneInfo("Europe/Berlin")
FEB = datetime(2026, 2, 2, 9, 0, tzinfo=BERLIN)
MEETING = "netzwerk-2026-03"
NEXT = '\n\n[[events]]\nkey = "netzwerk-2026-09"'  # the line after the meeting's entry


def plan_2026(*changes: tuple[str, str]) -> Catalogue:
    """The shipped 2026 catalogue with text replaced."""
    text = PLAN_2026.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return from_text(text)


async def seeded(db: Database, cat: Catalogue) -> None:
    async with db.unit() as s:
        await seed_companies(s, cat)
        await event_catalogue.seed(s, cat)
        await seed_fairs(s, cat)


async def event(db: Database, key: str) -> Event:
    async with db.read() as s:
        return (await s.exec(select(Event).where(Event.key == key))).one()


async def test_a_field_changed_in_chat_stays_and_the_others_follow(
        db: Database, catalogue: Catalogue) -> None:
    await seeded(db, catalogue)
    ev = await event(db, MEETING)
    async with db.unit() as s:
        await manage.update(s, event_id=ev.id, changes={"place": "Rathaus Görlitz"}, now=FEB)
    new = plan_2026(('place = "Go Be, Görlitzer Altstadt"', 'place = "Kulturbrauerei"'),
                    ('topic = "Marketing mit Schwerpunkt Social Media"',
                     'topic = "Marketing auf TikTok"'))
    async with db.unit() as s:
        plan = await catalogue_changes.compare(s, old=catalogue, new=new, now=FEB)
        [change] = plan.of("event")
        assert change.what == "changed" and change.key == MEETING
        assert [(f.name, f.kept) for f in change.fields] == [("place", "chat"), ("topic", "")]
        assert change.told == 0  # the topic is no reason to message people; the place stays
        await catalogue_changes.apply(s, plan, now=FEB)
    after = await event(db, MEETING)
    assert (after.place, after.topic) == ("Rathaus Görlitz", "Marketing auf TikTok")


async def test_fewer_places_than_signed_up_keep_the_capacity(
        db: Database, catalogue: Catalogue) -> None:
    await seeded(db, catalogue)
    ev = await event(db, MEETING)
    async with db.unit() as s:
        companies = list(await s.exec(select(Company).limit(4)))  # 3 places per company
        for n, company in enumerate(companies):
            p = Person(platform="console", external_id=f"p{n}", chat_id=f"p{n}",
                       company_id=company.id)
            s.add(p)
            await s.flush()
            await signup.register(s, event_id=ev.id, person_id=p.id, people=3, now=FEB)
    new = plan_2026(("capacity = 40                      # Annahme: Personen",
                     "capacity = 10"))
    async with db.unit() as s:
        plan = await catalogue_changes.compare(s, old=catalogue, new=new, now=FEB)
        [change] = plan.of("event")
        assert change.what == "kept" and change.fields[0].kept == "booked"
        await catalogue_changes.apply(s, plan, now=FEB)
    assert (await event(db, MEETING)).capacity == 40


async def test_dropped_upcoming_dates_are_cancelled_and_past_ones_stay_history(
        db: Database, catalogue: Catalogue) -> None:
    await seeded(db, catalogue)
    april = datetime(2026, 4, 1, 9, 0, tzinfo=BERLIN)
    text = PLAN_2026.read_text(encoding="utf-8")
    for key in (MEETING, "netzwerk-2026-09"):  # March is over in April, September is not
        start = text.index(f'key = "{key}"')
        end = text.index("[[events]]", start)
        text = text[:start] + 'key = "x-' + key + text[start + 7 + len(key):end] + text[end:]
    new = from_text(text)
    async with db.unit() as s:
        plan = await catalogue_changes.compare(s, old=catalogue, new=new, now=april)
        whats = {e.key: e.what for e in plan.of("event")}
        assert whats[MEETING] == "past" and whats["netzwerk-2026-09"] == "removed"
        assert whats[f"x-{MEETING}"] == "new"
        done = await catalogue_changes.apply(s, plan, now=april)
        assert [ev.key for ev, _ in done.events.cancelled] == ["netzwerk-2026-09"]
    assert (await event(db, MEETING)).cancelled_at is None
    assert (await event(db, "netzwerk-2026-09")).cancelled_at is not None


async def test_a_dropped_fair_is_closed_with_its_requests_kept(
        db: Database, catalogue: Catalogue) -> None:
    await seeded(db, catalogue)
    async with db.unit() as s:
        fair = (await s.exec(select(Fair).where(Fair.key == "insidertreff-2026"))).one()
        company = (await s.exec(select(Company))).first()
        assert company is not None
        s.add(BoothRequest(fair_id=fair.id, company_id=company.id, status="requested",
                           staff=2, area_m2=10, queued_at=FEB, updated_at=FEB))
    text = PLAN_2026.read_text(encoding="utf-8")
    start = text.index('[[fairs]]\nkey = "insidertreff-2026"')
    new = from_text(text[:start] + text[text.index("[[fairs]]", start + 5):])
    async with db.unit() as s:
        plan = await catalogue_changes.compare(s, old=catalogue, new=new, now=FEB)
        [change] = plan.of("fair")
        assert (change.what, change.affected, change.told) == ("removed", 1, 1)
        done = await catalogue_changes.apply(s, plan, now=FEB)
        assert len(done.fairs.cancelled[0][1]) == 1
    async with db.read() as s:
        assert [f.key for f in await fair_queries.list_fairs(s)] == ["karrieretage-2026"]
        req = (await s.exec(select(BoothRequest))).one()
        assert req.status == "requested"  # history stays as it was


async def test_companies_are_added_and_renamed_unless_renamed_in_chat(
        db: Database, catalogue: Catalogue) -> None:
    await seeded(db, catalogue)
    async with db.unit() as s:
        emis = (await s.exec(select(Company).where(Company.catalogue_key == "emis"))).one()
        emis.name = "EMIS Electrics GmbH"  # the team corrected it in chat
    new = plan_2026(('name = "Pragma"', 'name = "Pragma Industries"'),
                    ('name = "EMIS"', 'name = "EMIS GmbH"'),
                    ('[[companies]]\nkey = "pragma"',
                     '[[companies]]\nkey = "neu"\nname = "Neue Firma"\n\n'
                     '[[companies]]\nkey = "pragma"'))
    async with db.unit() as s:
        plan = await catalogue_changes.compare(s, old=catalogue, new=new, now=FEB)
        whats = {e.key: e.what for e in plan.of("company")}
        assert whats == {"neu": "new", "pragma": "changed", "emis": "kept"}
        await catalogue_changes.apply(s, plan, now=FEB)
        assert await seed_companies(s, new) == 1
    async with db.read() as s:
        names = {c.catalogue_key: c.name for c in await s.exec(select(Company))}
    assert names["pragma"] == "Pragma Industries" and names["emis"] == "EMIS Electrics GmbH"
    assert names["neu"] == "Neue Firma"


async def confirmed(db: Database) -> str | None:
    async with db.read() as s:
        row = await s.get(StammtischSetting, CONFIRMED)
        return None if row is None else row.value


async def test_a_changed_stammtisch_series_clears_the_duration_confirmation(
        db: Database, catalogue: Catalogue) -> None:
    async with db.unit() as s:
        await stammtisch_service.confirm_assumed(s, fields=["duration"], now=FEB)
    same_series = plan_2026(('title = "Insidertreff"', 'title = "Insidertreff Löbau"'))
    async with db.unit() as s:  # the same [stammtisch]: the team's confirmation stands
        plan = await catalogue_changes.compare(s, old=catalogue, new=same_series, now=FEB)
        assert plan.stammtisch is None
        await catalogue_changes.apply(s, plan, now=FEB)
    assert await confirmed(db) == "duration"

    moved = plan_2026(("duration_minutes = 60", "duration_minutes = 90"))
    async with db.unit() as s:  # a new statement about the series: it is assumed again
        plan = await catalogue_changes.compare(s, old=catalogue, new=moved, now=FEB)
        assert plan.stammtisch is not None and plan.stammtisch.provisional == ["duration"]
        await catalogue_changes.apply(s, plan, now=FEB)
    assert await confirmed(db) is None


async def test_the_preview_marks_what_the_new_file_assumes(
        db: Database, catalogue: Catalogue) -> None:
    await seeded(db, catalogue)
    new = plan_2026(("start = 2026-03-05T10:00:00\nend = 2026-03-05T15:00:00",
                     "start = 2026-03-12T10:00:00\nend = 2026-03-12T15:00:00"),
                    ("capacity = 40                      # Annahme: Personen",
                     "capacity = 30"),
                    (f'provisional = ["capacity", "deadline"]{NEXT}',
                     f'provisional = ["start", "capacity"]{NEXT}'))
    async with db.unit() as s:
        plan = await catalogue_changes.compare(s, old=catalogue, new=new, now=FEB)
    [change] = plan.of("event")
    assert change.provisional == ["capacity", "start"]  # the new file's list, applied
    shown = preview_text(plan, "plan.toml", BERLIN)
    assert ("Beginn Do, 5. März 2026, 10:00 Uhr → Do, 12. März 2026, 10:00 Uhr "
            "(vorläufig – Termin folgt)") in shown
    assert "Plätze 40 → 30 (vorläufig)" in shown
    assert "Ende Do, 5. März 2026, 15:00 Uhr → Do, 12. März 2026, 15:00 Uhr;" in shown
