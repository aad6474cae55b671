"""Wiring: build database, catalogue, router, deliverer and scheduler from Settings."""

from __future__ import annotations

import asyncio
import logging
import math
import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.chat import BadSetup, ChatPort, Connected, Incoming, Person, Reply, Transport, Unreachable
from bot.clock import Clock, ManualClock, QuietHours, SystemClock
from bot.metrics import Metrics
from bot.settings import Settings
from bot.startup import Sleep, retrying
from handlers import build_router
from handlers.catalogue.texts import problem_text
from handlers.core import Services
from handlers.core.actions import Signer
from handlers.core.format import fmt_dt
from handlers.core.limits import Limits
from handlers.core.router import Router
from handlers.web import LINK_PLATFORM as WEB_LINKS
from handlers.web import login_link
from handlers.web import texts as web_texts
from scheduler.delivery import Deliverer
from scheduler.replay import replay_until
from scheduler.runner import HEARTBEAT, Runner
from storage import catalogue as catalogue_store
from storage import chat, outbox, pace
from storage.catalogue import Catalogue, CatalogueInvalid
from storage.catalogue import versions as catalogue_versions
from storage.db import Database, current_revision, script_head
from storage.members import people
from storage.members.invites import InvitePolicy
from storage.outbox import FilePayload, Plan, queue

if TYPE_CHECKING:
    from bot.transports.telegram import TelegramTransport
    from bot.web_server import WebServer

log = logging.getLogger(__name__)
DELIVERY_CONCURRENCY = 32  # people served side by side by the real-time deliverer


class App:
    """The running bot, independent of any chat platform."""

    def __init__(self, settings: Settings, clock: Clock, db: Database, catalogue: Catalogue,
                 signer: Signer) -> None:
        self.settings = settings
        self.clock = clock
        self.db = db
        self._runner: Runner | None = None
        self.web: WebServer | None = None
        self._delivering = asyncio.Lock()
        self.metrics = Metrics()
        # The daily jobs run in one process of a cluster: the leader (always true alone).
        self.leading = True
        self.services = Services(
            db=db, clock=clock, catalogue=catalogue, admin_keys=settings.admin_keys(),
            signer=signer, wake=self._planned, invites=invite_policy(settings),
            retention=settings.retention(),
            limits=Limits(settings.rate_messages_per_minute, settings.max_open_reminders,
                          settings.max_topics_per_meeting),
            quiet=QuietHours(settings.quiet_start, settings.quiet_end, catalogue.tz),
        )
        self.router: Router = build_router(self.services)
        manual = isinstance(clock, ManualClock)
        self.deliverer = Deliverer(
            db, clock, compose=self.router.compose, jobs=self._run_jobs,
            quiet=self.services.quiet,
            # A manual clock (console, tests) prints in a stable order: one person at a time.
            concurrency=1 if manual else DELIVERY_CONCURRENCY, observe=self.metrics.settled,
        )

    async def start(self) -> None:
        """Seed the catalogue and note what a crash left in flight."""
        await self.router.seed()
        await self.deliverer.recover()

    async def _run_jobs(self, now: datetime) -> int:
        """Run the jobs in the leading process only (they plan the same rows everywhere)."""
        return await self.router.run_jobs(now) if self.leading else 0

    async def _planned(self) -> None:
        """Handlers planned rows: deliver them soon without making the person wait or fail."""
        if self._runner is not None:
            self._runner.wake_at(self.clock.now())  # the scheduler delivers in the background
            return
        try:  # a manual clock (console, tests): deliver now, before the input line is done
            await self.deliver_due()
        except Exception:
            log.exception("delivery after planning failed; the rows stay due")

    async def stop(self) -> None:
        """Stop the HTTP server and release the database."""
        if self.web is not None:
            await self.web.stop()
            self.web = None
        await self.db.dispose()

    async def start_web(self) -> WebServer | None:
        """Start the bot's one HTTP server: the desk (WEB_PORT) and /healthz, /metrics (HTTP_PORT).

        Both set: one application on WEB_PORT and, when HTTP_PORT differs, on HTTP_PORT too
        (every route on each; docs/operations.md). With the desk, /web then sends login links.
        """
        st = self.settings
        if self.web is not None or (not st.web_enabled and st.http_port is None):
            return None
        from bot.http import operations_routes  # aiohttp.web only when a server is on
        from bot.web_server import WebServer

        if st.web_port is not None:
            server = WebServer(host=st.web_listen, port=st.web_port)
        else:
            server = WebServer(host=st.http_listen, port=st.http_port or 0)
        desk = None
        if st.web_enabled:
            from web.desk import Desk  # the desk's templates load only when it is switched on

            desk = Desk(self.router, base=st.web_base(),
                        secure_cookies=st.web_base().startswith("https://"),
                        trusted_proxies=st.trusted_proxies())
            desk.mount(server)
        if st.http_port is not None:
            server.app.add_routes(operations_routes(self.health, self.metrics_exposition))
            server.also_listen(host=st.http_listen, port=st.http_port)
        await server.start()
        if desk is not None:
            desk.base = st.web_base(server.port)  # WEB_PORT=0 (tests) picks a free port
            self.set_link_base(WEB_LINKS, desk.base)
        self.web = server
        return server

    async def web_link(self, person: Person) -> str | None:
        """Issue a one-time desk link for an admin at this machine (the console's `make run`)."""
        base = self.services.links.get(WEB_LINKS)
        if base is None or not self.is_admin(person):
            return None
        now = self.clock.now()
        async with self.db.unit() as s:
            seen = await chat.seen(s, platform=person.platform, external_id=person.external_id,
                                   display_name=person.display_name, chat_id=person.external_id)
            link, until = await login_link(s, base=base, person_id=seen.person.id, now=now)
        return web_texts.CONSOLE_LINK.format(who=person.key, link=link,
                                             until=fmt_dt(until, self.catalogue.tz))

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Handle one update from any transport; never raises."""
        started = time.perf_counter()
        replies = await self.router.handle(incoming)
        self.metrics.handled(incoming, time.perf_counter() - started)
        return replies

    async def health(self) -> dict[str, Any]:
        """Report whether the database answers at the newest revision and transports are up."""
        report: dict[str, Any] = {"database": False, "migrations": None, "transports": {}}
        try:
            async with asyncio.timeout(5):
                report["migrations"] = await current_revision(self.db)
                report["database"] = True
        except Exception as err:  # an unreachable database is the answer, not a crash
            report["error"] = f"database: {err.__class__.__name__}"
        report["migrations_current"] = report["migrations"] == script_head()
        report["transports"] = {
            name: port.connected if isinstance(port, Connected) else True
            for name, port in self.deliverer.ports.items()
        }
        report["leader"] = self.leading
        # A delivery round holds claimed rows until it settles them; between rounds none are.
        report["delivering"] = self._delivering.locked()
        report["ok"] = (report["database"] and report["migrations_current"]
                        and all(report["transports"].values()))
        return report

    async def metrics_exposition(self) -> tuple[bytes, str]:
        """Return the Prometheus metrics, with the outbox's due rows counted now."""
        try:
            async with self.db.read() as s:
                self.metrics.outbox_due.set(await queue.count_due(s, now=self.clock.now()))
        except Exception:  # metrics must answer even when the database does not
            log.warning("metrics: cannot count due outbox rows", exc_info=True)
            # Unknown, not the last count: an old number would pass for a current one.
            self.metrics.outbox_due.set(math.nan)
        return self.metrics.exposition()

    def add_port(self, port: ChatPort) -> None:
        """Register a transport's outbound side for outbox delivery."""
        self.deliverer.ports[port.platform] = port

    def remove_port(self, platform: str) -> None:
        """Stop delivering to a platform (its rows wait for a process that has it)."""
        self.deliverer.ports.pop(platform, None)

    def wake(self) -> None:
        """Let the scheduler look for due rows now (e.g. a platform was added)."""
        if self._runner is not None:
            self._runner.wake_at(self.clock.now())

    async def deliver_due(self) -> None:
        """Deliver every outbox row that is due now, then wake the scheduler at the next one."""
        async with self._delivering:
            if self.delivers:
                await self.deliverer.deliver_due()
            if self._runner is not None:
                self._runner.wake_at(await self._next_wake())

    @property
    def delivers(self) -> bool:
        """Tell whether this process sends outbox rows.

        With the rate limit on, every process's Telegram calls share one budget (~30 msg/s per
        token, telegram_pace); only the leader delivers then, so fewer outbox calls take
        slots ahead of people's answers.
        """
        return self.leading or self.db.is_sqlite or not self.settings.telegram_rate_limit

    async def _next_wake(self) -> datetime | None:
        """Return when to look for due rows next.

        On PostgreSQL other processes plan rows this one was not told about: look at least
        every OUTBOX_RESCAN seconds (each row is still claimed by one process only).
        """
        when = await self.deliverer.next_due()
        if self.db.is_sqlite:
            return when
        latest = self.clock.now() + timedelta(seconds=self.settings.outbox_rescan)
        return latest if when is None else min(when, latest)

    def start_scheduler(self) -> Runner | None:
        """Start APScheduler for real-time delivery (a manual clock is moved by advance())."""
        if isinstance(self.clock, ManualClock):
            return None
        self._runner = Runner(self.deliver_due, heartbeat=HEARTBEAT)
        self._runner.start()
        self._runner.wake_at(self.clock.now())  # first run: deliver what came due while down
        return self._runner

    async def stop_scheduler(self) -> None:
        """Stop APScheduler."""
        if self._runner is not None:
            await self._runner.stop()
            self._runner = None

    async def advance(self, now: datetime) -> None:
        """Move a manual clock to `now`, delivering what came due on the way, in order."""
        if not isinstance(self.clock, ManualClock):
            raise TypeError("advance() needs a ManualClock")
        await replay_until(self.clock, now, self.deliver_due, self.deliverer.next_due)

    async def mark_unreachable(self, person: Person) -> None:
        """Remember that a person blocked the bot or left."""
        async with self.db.unit() as s:
            known = await people.find(s, platform=person.platform,
                                      external_id=person.external_id)
            if known is not None:
                await people.mark_unreachable(s, person_id=known.id, now=self.clock.now())

    async def admin_ids(self, platform: str) -> set[str]:
        """Return the ids on `platform` of everyone who is admin now (settings or granted)."""
        async with self.db.read() as s:
            found = await people.admins(s, admin_keys=self.admin_keys)
        return {p.external_id for p in found if p.platform == platform}

    async def retry_later(self, person: Person, replies: list[Reply], key: str, *,
                          first: int = 0) -> None:
        """Plan direct replies a transport could not send as urgent outbox rows, due now."""
        now = self.clock.now()
        async with self.db.unit() as s:
            known = await people.find(s, platform=person.platform,
                                      external_id=person.external_id)
            if known is None:
                return
            for n, r in enumerate(replies, start=first):  # n: the reply's place in the answer
                # The outbox signs buttons again at delivery, so it keeps the actions behind them.
                buttons = [[(b.label, self.router.verify(person.key, b.id) or "") for b in row]
                           for row in r.buttons]
                file = FilePayload(r.file.name, r.file.mime, r.file.data) if r.file else None
                await outbox.plan(s, Plan(
                    person_id=known.id, kind="reply.retry", key=f"{key}:{n}", due_at=now,
                    text=r.text, buttons=buttons, file=file, urgent=True,
                ), now=now)
        await self._planned()  # tried again soon; the deliverer backs off if it fails again

    @property
    def catalogue(self) -> Catalogue:
        """Return the catalogue in force (a new one may have been applied in chat)."""
        return self.services.catalogue

    def is_admin(self, person: Person) -> bool:
        """Tell whether the settings name this person as admin."""
        return person.key in self.services.admin_keys

    @property
    def admin_keys(self) -> frozenset[str]:
        """Return the admin identities from the settings."""
        return self.services.admin_keys

    def command_menu(self, *, admin: bool) -> list[tuple[str, str]]:
        """Return (command, German description) pairs for a platform's command menu."""
        cmds = self.router.visible_commands(admin=admin, linked=True)
        return [(c.name, c.help) for c in cmds]

    def set_link_base(self, platform: str, base: str) -> None:
        """Remember how invite deep links start on a platform (e.g. t.me/<bot>?start=)."""
        self.services.links[platform] = base

    def platform_transports(self) -> list[Transport]:
        """Build the chat transports the settings enable (imported only when configured)."""
        found = [self.telegram_transport(), self.matrix_transport()]
        return [t for t in found if t is not None]

    def telegram_transport(self) -> TelegramTransport | None:
        """Build the Telegram transport when configured."""
        if not self.settings.telegram_enabled:
            return None
        from bot.transports.telegram import build_telegram

        # On PostgreSQL several processes may send for one token: they share one budget.
        take = None if self.db.is_sqlite else self.take_send_slot
        return build_telegram(self.settings, self, on_wait=self.metrics.rate_limit_wait,
                              take=take)

    async def take_send_slot(self, name: str, interval: float, burst: int) -> float:
        """Take the next slot of a send budget all processes share; return seconds to wait."""
        return await pace.take_slot(self.db, name, interval=interval, burst=burst)

    def matrix_transport(self) -> Transport | None:
        """Build the Matrix transport when configured."""
        if not self.settings.matrix_enabled:
            return None
        from bot.transports.matrix import build_matrix

        return build_matrix(self.settings)


async def open_database(url: str, *, sleep: Sleep = asyncio.sleep) -> Database:
    """Connect and migrate; a server that does not answer is retried with backoff."""

    async def attempt() -> Database:
        db = Database(url)
        try:
            await db.migrate()
        except Exception as exc:
            await db.dispose()
            where = db.url.render_as_string(hide_password=True)
            if db.is_unreachable(exc):  # one line, no traceback: it is not a bug
                raise Unreachable(f"{where}: {type(exc).__name__}") from None
            # Refused (password, missing database) or broken: one clear line; details below.
            log.debug("database start failed", exc_info=True)
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            raise BadSetup(f"Datenbank / database {where}: {type(exc).__name__}: {first}",
                           ) from None
        return db

    return await retrying(attempt, what="Datenbank / database", sleep=sleep)


async def build_app(settings: Settings, *, clock: Clock | None = None,
                    sleep: Sleep = asyncio.sleep) -> App:
    """Build and start the app (schema migrated, catalogue seeded).

    The catalogue is the newest one applied in chat (stored in the database), else the file
    CATALOGUE names; a file that cannot be used stops the start with its problems in German.
    A database server that does not answer yet is tried again (`sleep` waits between tries).
    """
    try:
        from_file = catalogue_store.load(settings.catalogue, timezone=settings.timezone)
    except CatalogueInvalid as err:
        lines = [problem_text(p) for p in err.problems]
        raise SystemExit(f"CATALOGUE {settings.catalogue}:\n" + "\n".join(lines)) from None
    db = await open_database(settings.database_url, sleep=sleep)
    async with db.read() as s:
        catalogue = await catalogue_versions.in_force(s, fallback=from_file)
    if catalogue.version is not None:
        log.info("catalogue: version %s applied in chat (not the file %s)", catalogue.version,
                 settings.catalogue)
    signer = Signer(await chat.button_secret(db))
    app = App(settings, clock or SystemClock(), db, catalogue, signer)
    await app.start()
    return app


def invite_policy(settings: Settings) -> InvitePolicy:
    """Return how invite codes are issued and limited, from the settings."""
    return InvitePolicy(uses=settings.invite_uses, lifetime=timedelta(days=settings.invite_days),
                        attempts=settings.invite_attempts_per_hour, window=timedelta(hours=1))
