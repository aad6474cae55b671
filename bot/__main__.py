"""`python -m bot [console|run|migrate]`: build everything from Settings and start it."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from pydantic import ValidationError

from bot.app import App, build_app
from bot.clock import ManualClock, SystemClock
from bot.settings import Settings
from bot.transports.console import ConsoleTransport, parse_now

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
    return p


async def _console(settings: Settings, args: argparse.Namespace) -> None:
    start = parse_now(args.now) if args.now else None
    clock = ManualClock(start or SystemClock().now()) if args.jsonl or start else SystemClock()
    app = await build_app(settings, clock=clock)
    console = ConsoleTransport()
    app.add_port(console)
    await console.start(app.handle)
    try:
        if args.jsonl:
            await app.deliver_due()
            await console.run_jsonl(sys.stdin, app.advance)
        else:
            await _with_scheduler(app, console.run_interactive(sys.stdin, args.as_name))
    finally:
        await app.stop()


async def _with_scheduler(app: App, main: object) -> None:
    runner = app.start_scheduler() if hasattr(app, "start_scheduler") else None
    try:
        await main  # type: ignore[misc]
    finally:
        if runner is not None:
            await app.stop_scheduler()  # type: ignore[attr-defined]


async def _run(settings: Settings) -> None:
    app = await build_app(settings)
    transports = app.platform_transports() if hasattr(app, "platform_transports") else []
    if not transports:
        log.error("Kein TELEGRAM_BOT_TOKEN und keine MATRIX_* Einstellungen – nichts zu starten.")
        await app.stop()
        raise SystemExit(2)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    for t in transports:
        app.add_port(t)
        await t.start(app.handle)
    try:
        await _with_scheduler(app, stop.wait())
    finally:
        for t in transports:
            await t.stop()
        await app.stop()


async def _migrate(settings: Settings) -> None:
    app = await build_app(settings)
    await app.stop()


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, load settings and run the chosen mode."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as err:
        msgs = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in err.errors())
        sys.exit(f"Einstellungen fehlerhaft: {msgs}")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # one line per wake-up is noise
    logging.basicConfig(
        level=settings.log_level.upper(), stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    cmd = args.cmd or ("run" if settings.telegram_enabled or settings.matrix_enabled else None)
    if cmd == "run":
        asyncio.run(_run(settings))
    elif cmd == "migrate":
        asyncio.run(_migrate(settings))
    else:
        if cmd is None:
            args = _parser().parse_args(["console"])
        asyncio.run(_console(settings, args))


if __name__ == "__main__":
    main()
