"""Benchmark the team's web desk: page load times with 30 companies and a year of data.

Run: .venv/bin/python bench/web.py [--rounds N] [--pg URL] [--no-pg]

Seeds a database (SQLite, and PostgreSQL when reachable) with the shipped catalogue plus
companies up to 30, two people each, 24 events over 2026 with registrations and waiting lists,
media days for 20 companies (confirmed across the year) and 6 open requests, booth requests,
5,000 audit entries and 20,000 delivered messages (plus 40 undelivered), with the clock at
1 December 2026. Then logs in by link and loads every page N times over real HTTP on
127.0.0.1, one request at a time. Prints p50 / p95 / max per page next to the baseline of the
same run: the stylesheet (aiohttp + cookie-free static route, no database). Target: p95 <=
200 ms per page.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402

from bot.app import App, build_app  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.transports.console import incoming  # noqa: E402
from storage.audit.models import AuditLog  # noqa: E402
from storage.events.models import Event, Registration  # noqa: E402
from storage.fairs.models import BoothRequest, Fair  # noqa: E402
from storage.media_days.models import MediaDay  # noqa: E402
from storage.members.models import Company, Person  # noqa: E402
from storage.outbox.models import OutboxMessage  # noqa: E402
from tests.support.databases import (  # noqa: E402
    drop_postgres,
    make_postgres_template,
    postgres_database,
    postgres_reachable,
)

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
PAGES = ("/desk.css", "/heute", "/firmen", "/firmen?ohne_medientag=1", "/firmen/1",
         "/anfragen", "/termine", "/kalender?monat=2026-09", "/zahlen", "/protokoll",
         "/protokoll?seite=20", "/exporte")


async def seed(app: App) -> None:
    """Fill the database with a year of the cluster (direct inserts, consistent counts)."""
    from sqlmodel import select

    start = datetime(2026, 1, 5, 8, 0, tzinfo=TZ)
    async with app.db.unit() as s:
        companies = list(await s.exec(select(Company)))
        for n in range(len(companies), 30):
            c = Company(name=f"Betrieb {n + 1:02d}", state="BB" if n % 2 else "SN",
                        city="Cottbus" if n % 2 else "Görlitz")
            s.add(c)
            companies.append(c)
        await s.flush()
        people: list[Person] = []
        for c in companies:
            for k in range(2):
                p = Person(platform="telegram", external_id=f"{c.id}{k}",
                           display_name=f"HR {c.name} {k}", chat_id=f"{c.id}{k}",
                           company_id=c.id, last_seen_at=NOW - timedelta(days=k + c.id % 9))
                s.add(p)
                people.append(p)
        await s.flush()
        for m in range(24):
            at = start + timedelta(days=15 * m)
            ev = Event(title=f"Netzwerktreffen {m + 1}", start=at, end=at + timedelta(hours=3),
                       place="Görlitz", capacity=40, created_at=start, kind="intern",
                       deadline=at - timedelta(days=7))
            s.add(ev)
            await s.flush()
            for i, p in enumerate(people[(m % 3)::2][:25]):
                fits = ev.booked + 2 <= 40
                s.add(Registration(event_id=ev.id, person_id=p.id, company_id=p.company_id,
                                   people=2, status="registered" if fits else "waitlist",
                                   created_at=at - timedelta(days=20 - i % 10)))
                ev.booked += 2 if fits else 0
        for i, c in enumerate(companies[:26]):
            day = date(2026, 2, 2) + timedelta(days=14 * i)
            while day.weekday() > 4:
                day += timedelta(days=1)
            open_ = i >= 20
            s.add(MediaDay(company_id=c.id, status="requested" if open_ else "confirmed",
                           year=2026, year_slot=1, day=None if open_ else day,
                           day_slot=None if open_ else 1,
                           formats=["podcast", "fotos"],
                           wishes=[(NOW.date() + timedelta(days=14 + i)).isoformat()],
                           requested_at=start + timedelta(days=10 * i),
                           updated_at=start + timedelta(days=10 * i),
                           confirmed_at=None if open_ else start + timedelta(days=10 * i + 2)))
        for f in await s.exec(select(Fair)):
            for i, c in enumerate(companies[:15]):
                s.add(BoothRequest(fair_id=f.id, company_id=c.id, status="confirmed" if i < 10
                                   else "requested", days=f.days[:1], staff=2, area_m2=6,
                                   queued_at=start, updated_at=start))
        for i in range(5000):
            s.add(AuditLog(at=start + timedelta(minutes=95 * i), actor="telegram:1000",
                           action=("invite", "export", "media_day_confirm", "event_edit")[i % 4],
                           detail={"company": companies[i % 30].name}))
        for i in range(20040):
            p = people[i % len(people)]
            at = start + timedelta(minutes=26 * i)
            failed = i >= 20000
            s.add(OutboxMessage(person_id=p.id, kind="event.reminder", due_at=at,
                                dedupe_key=f"bench:{i}", created_at=NOW - timedelta(days=3)
                                if failed else at, sent_at=None if failed else at,
                                dropped_at=at if failed else None,
                                last_error="blocked" if failed else None))


async def measure(app: App, rounds: int
                  ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Log in by link and load every page `rounds` times; return milliseconds per page."""
    assert app.web is not None
    base = f"http://127.0.0.1:{app.web.port}"
    replies = await app.handle(incoming("chef", text="/web"))
    link = next(w for r in replies for w in r.text.split() if "/login/" in w)
    times: dict[str, list[float]] = {p: [] for p in PAGES}
    cpu: dict[str, list[float]] = {p: [] for p in PAGES}
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        r = await http.post(f"{base}/login", data={"token": link.rsplit("/", 1)[1]})
        assert r.status == 200, await r.text()
        for _ in range(2):  # warm up: templates compiled, holidays loaded
            for p in PAGES:
                await (await http.get(base + p)).read()
        for _ in range(rounds):
            for p in PAGES:
                t0, c0 = time.perf_counter(), time.process_time()
                r = await http.get(base + p)
                await r.read()
                times[p].append((time.perf_counter() - t0) * 1000)
                cpu[p].append((time.process_time() - c0) * 1000)
                assert r.status == 200, (p, r.status)
    return times, cpu


def report(name: str, times: dict[str, list[float]], cpu: dict[str, list[float]]) -> None:
    """Print wall-clock p50 / p95 / max per page, and CPU p50 / p95 (server + client)."""
    print(f"\n{name}: page load over HTTP, ms (one request at a time); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'page':28} {'p50':>7} {'p95':>7} {'max':>7} {'cpu p50':>8} {'cpu p95':>8}")
    worst = 0.0
    for page, ms in times.items():
        p95 = statistics.quantiles(ms, n=20)[18]
        c = cpu[page]
        worst = max(worst, p95) if page != "/desk.css" else worst
        print(f"{page:28} {statistics.median(ms):7.1f} {p95:7.1f} {max(ms):7.1f} "
              f"{statistics.median(c):8.1f} {statistics.quantiles(c, n=20)[18]:8.1f}")
    print(f"worst page p95: {worst:.1f} ms (target <= 200 ms; baseline /desk.css above)")


async def run(url: str, rounds: int, name: str) -> None:
    """Seed a database at `url`, start the desk, measure and report."""
    settings = Settings(_env_file=None, database_url=url, admins="console:chef", web_port=0,
                        telegram_bot_token=None, matrix_homeserver=None, log_level="WARNING")
    app = await build_app(settings, clock=ManualClock(NOW))
    try:
        await app.start_web()
        await seed(app)
        report(name, *await measure(app, rounds))
    finally:
        await app.stop()


async def main() -> None:
    """Run on SQLite, then on PostgreSQL when reachable."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        await run(f"sqlite+aiosqlite:///{tmp}/bench.db", args.rounds, "SQLite")
    if not args.no_pg and await postgres_reachable():
        template = await make_postgres_template()
        try:
            async with postgres_database(template) as url:
                await run(url, args.rounds, "PostgreSQL")
        finally:
            await drop_postgres(template)


if __name__ == "__main__":
    asyncio.run(main())
