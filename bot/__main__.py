"""`python -m bot [console|run|migrate|backup|restore|copy-db]`: build from Settings, run."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Coroutine
from functools import partial
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from bot import maintenance
from bot.app import App, build_app
from bot.chat import BadSetup, Transport
from bot.clock import ManualClock, SystemClock
from bot.leader import LEASE, LeaderRoles, Leadership
from bot.logs import setup_logging
from bot.settings import Settings
from bot.startup import retrying
from bot.transports.console import ConsoleTransport, parse_now
from bot.transports.console import person as console_person
from handlers.dates import warm_up
from storage.leases import Lease

log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Cluster-Chatbot")
    sub = p.add_subparsers(dest="cmd")
    c = sub.add_parser("console", help="Chat im Terminal (oder JSONL für Skripte)")
    c.add_argument("--jsonl", action="store_true", help="JSON-Zeilen auf stdin/stdout")
    c.add_argument("--now", help="Uhr festsetzen (ISO mit Zeitzone)")
    c.add_argument("--as", dest="as_name", default="du", help="wer du in der Konsole bist")
    sub.add_parser("run", help="Telegram/Matrix starten (laut .env)")
    sub.add_parser("migrate", help="Datenbankschema aktualisieren")
    maintenance.add_commands(sub.add_parser)
    return p


async def _console(settings: Settings, args: argparse.Namespace) -> None:
    settings = _with_console_admin(settings)
    start = parse_now(args.now) if args.now else None
    clock = ManualClock(start or SystemClock().now()) if args.jsonl or start else SystemClock()
    app = await build_app(settings, clock=clock)
    await app.start_web()
    console = ConsoleTransport()
    app.add_port(console)
    await console.start(app.handle)
    try:
        if args.jsonl:
            await app.deliver_due()
            await console.run_jsonl(sys.stdin, app.advance)
        else:
            admin = min(k for k in settings.admin_keys() if k.startswith("console:"))
            link = await app.web_link(console_person(admin.split(":", 1)[1]))
            if link:  # the newcomer's way onto the desk: open it from the terminal
                console.out.write(link + "\n")
            chat = console.run_interactive(sys.stdin, args.as_name, admin.split(":", 1)[1])
            await _with_scheduler(app, chat)
    finally:
        await app.stop()


CONSOLE_ADMIN = "console:chef"


def _with_console_admin(settings: Settings) -> Settings:
    """Make console:chef admin when ADMINS names no console person.

    Only someone at this machine can be a console person; a fresh clone has no .env, and the
    team's side should be there to try.
    """
    if any(key.startswith("console:") for key in settings.admin_keys()):
        return settings
    admins = ",".join([*settings.admin_keys(), CONSOLE_ADMIN])
    return settings.model_copy(update={"admins": admins})


async def _with_scheduler(app: App, main: Awaitable[object]) -> None:
    app.start_scheduler()
    try:
        await main
    finally:
        await app.stop_scheduler()


async def _run(settings: Settings, _args: argparse.Namespace) -> None:
    app = await build_app(settings)
    # The first odd date phrase should not wait for dateparser (~0.25 s): it loads in a thread
    # while the transports connect, so start-up does not wait for it either.
    warming = asyncio.create_task(asyncio.to_thread(warm_up))
    started: list[Transport] = []
    leadership: Leadership | None = None
    try:
        if not (settings.telegram_enabled or settings.matrix_enabled):
            log.error("no TELEGRAM_BOT_TOKEN and no MATRIX_* settings: nothing to run")
            raise SystemExit(2)
        await app.start_web()  # desk, /healthz and /metrics: one server (stopped by app.stop)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        roles = LeaderRoles(app)
        telegram = app.telegram_transport()
        if telegram is not None:
            app.add_port(telegram)
            # A webhook receives in every process (behind one proxy); polling only in the leader.
            polling = not settings.telegram_webhook_url
            await retrying(partial(telegram.start, app.handle, receive=not polling),
                           what="Telegram")
            started.append(telegram)  # only what started is stopped, even if a later start fails
            if polling:
                roles.receivers.append(telegram)
        if settings.matrix_enabled:
            roles.exclusive.append(app.matrix_transport)
        leadership = Leadership(Lease(app.db, LEASE), gain=roles.gain, lose=roles.lose)
        await leadership.start()
        await warming  # loaded before gc.freeze(): dateparser's data is frozen with the rest
        # What start-up loaded (libraries, catalogue, metadata) lives as long as the process:
        # keep it out of the collector, whose full passes over it cost updates 30-70 ms.
        gc.freeze()
        await _with_scheduler(app, stop.wait())
    finally:
        if leadership is not None:
            await leadership.stop()
        for t in reversed(started):
            await t.stop()
        await app.stop()


async def _migrate(settings: Settings, _args: argparse.Namespace) -> None:
    app = await build_app(settings)
    await app.stop()


def _setting_error(error: ErrorDetails) -> str:
    """Return one refused setting by its name: `HTTP_PORT: ...` (never its value: secrets)."""
    msg = str(error["msg"]).removeprefix("Value error, ")
    name = "_".join(str(part) for part in error["loc"]).upper()
    if not name or name in msg:  # our own validators name the setting already
        return msg
    return f"{name}: {msg}"


MODES: dict[str, Callable[[Settings, argparse.Namespace], Coroutine[Any, Any, None]]] = {
    "console": _console, "run": _run, "migrate": _migrate,
    "backup": maintenance.backup, "restore": maintenance.restore, "copy-db": maintenance.copy_db,
}


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, load settings and run the chosen mode."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as err:
        sys.exit(f"Einstellungen fehlerhaft: {'; '.join(map(_setting_error, err.errors()))}")
    setup_logging(settings)
    if args.cmd is None:  # `make run`: the platforms when configured, else the console chat
        platforms = settings.telegram_enabled or settings.matrix_enabled
        args = _parser().parse_args(["run" if platforms else "console"])
    try:
        asyncio.run(MODES[args.cmd](settings, args))
    except BadSetup as err:  # a service refused the settings: one clear line, no traceback
        sys.exit(f"Start abgebrochen / start failed: {err}")
    except Exception:  # written through the secrets filter (raw tracebacks are not)
        log.critical("Abbruch / stopped by an unexpected error", exc_info=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
