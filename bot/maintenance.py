"""Operator commands: `backup PATH`, `restore PATH`, `copy-db --to URL` (docs/operations.md).

A backup is always one SQLite file at the bot's schema revision: of a SQLite database it is
made with SQLite's online backup API, of a PostgreSQL database it is a consistent export (one
REPEATABLE READ snapshot) into a fresh SQLite file. Either kind restores into either kind of
database, so a backup is also the way to move a cluster between hosts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bot.settings import Settings
from storage.db import Database, current_revision
from storage.transfer import (
    Copied,
    TransferError,
    copy_all,
    row_counts,
    sqlite_backup,
    sqlite_file,
)


def add_commands(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Register the operator commands with the CLI (`add_parser` of its sub-commands)."""
    b = add_parser("backup", help="Datenbank in eine Datei sichern (läuft neben dem Bot)")
    b.add_argument("path", help="Zieldatei (SQLite), darf noch nicht existieren")
    r = add_parser("restore", help="Sicherung in die Datenbank aus DATABASE_URL einspielen")
    r.add_argument("path", type=Path, help="Sicherungsdatei von `backup`")
    r.add_argument("--ersetzen", action="store_true",
                   help="eine nicht leere Datenbank überschreiben (Bot vorher anhalten)")
    c = add_parser("copy-db", help="alle Daten in eine andere (leere) Datenbank kopieren")
    c.add_argument("--to", required=True, help="Ziel, z. B. postgresql+asyncpg://bot@host/bot")
    c.add_argument("--ersetzen", action="store_true",
                   help="eine nicht leere Zieldatenbank überschreiben")


async def backup(settings: Settings, args: argparse.Namespace) -> None:
    """Write a consistent copy of the database to a new file."""
    path = Path(args.path)
    if args.path.endswith(("/", os.sep)) or await asyncio.to_thread(path.is_dir):
        raise SystemExit(f"{args.path} ist ein Ordner. Gib einen Dateinamen an, "
                         f"z. B. {path / 'bot-JJJJ-MM-TT.db'}.")
    _url(settings.database_url, "DATABASE_URL", must_exist=True)
    partial = await asyncio.to_thread(_partial_next_to, path)
    try:
        counts = await _backup_into(settings.database_url, partial)
    except BaseException:
        await asyncio.to_thread(partial.unlink, missing_ok=True)
        raise
    await asyncio.to_thread(partial.rename, path)
    print(f"Sicherung geschrieben: {path} ({_summary(counts)}).")


def _partial_next_to(path: Path) -> Path:
    """Return where the backup is written until it is complete (a crash leaves no half PATH)."""
    if path.exists():
        raise SystemExit(f"{path} gibt es schon. Nimm einen neuen Dateinamen.")
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        # Created here, owner only: a folder we cannot write to is said before any work.
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as err:
        raise SystemExit(f"{path} kann nicht angelegt werden: {err.strerror} ({err.filename}). "
                         "Nimm einen Ort, an dem du schreiben darfst.") from None
    return partial


async def _backup_into(url: str, file: Path) -> dict[str, int]:
    async with _opened(url, "DATABASE_URL") as source:
        if await current_revision(source) is None:
            raise SystemExit(f"Die Datenbank aus DATABASE_URL "
                             f"({source.url.render_as_string(hide_password=True)}) ist leer "
                             "(nie migriert): nichts zu sichern.")
        if source.is_sqlite:
            await asyncio.to_thread(sqlite_backup, sqlite_file(source), file)
            return await _counts_of(file)
        async with _opened(_sqlite_url(file), "die Sicherung") as target:
            await target.migrate()
            return (await _copy(source, target, replace=False)).counts


async def restore(settings: Settings, args: argparse.Namespace) -> None:
    """Load a backup file into the database DATABASE_URL names (empty unless --ersetzen)."""
    path: Path = args.path
    if await asyncio.to_thread(path.is_dir):
        raise SystemExit(f"{path} ist ein Ordner. Gib die Sicherungsdatei darin an.")
    if not await asyncio.to_thread(path.is_file):
        raise SystemExit(f"{path} gibt es nicht.")
    _url(settings.database_url, "DATABASE_URL")
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "backup.db"  # the backup itself stays untouched
        try:
            await asyncio.to_thread(sqlite_backup, path, staged, settled=True)
        except sqlite3.DatabaseError as err:  # not SQLite at all, or not readable
            raise SystemExit(f"{path} ist keine Sicherung dieses Bots ({err}).") from None
        async with _opened(_sqlite_url(staged), "die Sicherung") as source:
            if await current_revision(source) is None:
                raise SystemExit(f"{path} ist keine Sicherung dieses Bots.")
            # An older backup is brought to this version's schema; a newer one cannot be.
            await _migrate(source, f"Die Sicherung {path}", "Nimm die Version, die sie "
                           "geschrieben hat, oder eine neuere.")
            async with _opened(settings.database_url, "DATABASE_URL") as target:
                if target.is_sqlite and args.ersetzen:
                    pass  # the whole file is replaced, its schema too (even a newer version's)
                else:
                    await _migrate(target, "Die Datenbank aus DATABASE_URL",
                                   "Mit --ersetzen wird die Datei ganz ersetzt (Bot vorher "
                                   "anhalten)." if target.is_sqlite else _NEWER_POSTGRES)
                if target.is_sqlite:
                    await _refuse_filled(target, replace=args.ersetzen)
                    await target.dispose()
                    await asyncio.to_thread(sqlite_backup, staged, sqlite_file(target))
                    counts = await row_counts(target)
                else:
                    counts = (await _copy(source, target, replace=args.ersetzen)).counts
    print(f"Sicherung {path} eingespielt ({_summary(counts)}). Der Bot kann starten.")


async def copy_db(settings: Settings, args: argparse.Namespace) -> None:
    """Copy every table into an empty database, verify the counts and say what to change."""
    to = _url(args.to, "--to")
    if _same_place(to, _url(settings.database_url, "DATABASE_URL", must_exist=True)):
        raise SystemExit("--to ist dieselbe Datenbank wie DATABASE_URL.")
    async with _opened(settings.database_url, "DATABASE_URL") as source, \
            _opened(args.to, "--to") as target:
        await _migrate(source, "Die Datenbank aus DATABASE_URL", "Nimm die neuere Version.")
        await _migrate(target, "Die Datenbank aus --to", "Nimm eine leere Datenbank.")
        copied = await _copy(source, target, replace=args.ersetzen)
    print(f"Kopiert: {_summary(copied.counts)}; die Zeilenzahlen stimmen überein.")
    for name, n in copied.counts.items():
        print(f"  {name}: {n}")
    print("Jetzt in .env ändern und den Bot neu starten:")
    print(f"  DATABASE_URL={to.render_as_string(hide_password=True)}")
    if to.password:
        print("  (*** durch das Passwort ersetzen)")


_NEWER_POSTGRES = ("Zurück zu dieser Version: eine neue, leere Datenbank anlegen (createdb), "
                   "DATABASE_URL darauf setzen und die Sicherung dort einspielen.")


async def _migrate(db: Database, what: str, advice: str) -> None:
    """Migrate `db`; one written by a newer version of the bot is refused with `advice`."""
    from alembic.util.exc import CommandError  # loaded by migrate() anyway

    try:
        await db.migrate()
    except CommandError:
        raise SystemExit(f"{what} hat die Schema-Revision {await current_revision(db)}, die "
                         f"diese Version des Bots nicht kennt (von einer neueren). {advice}"
                         ) from None


async def _copy(source: Database, target: Database, *, replace: bool) -> Copied:
    try:
        return await copy_all(source, target, replace=replace)
    except TransferError as err:
        raise SystemExit(str(err)) from None


async def _refuse_filled(db: Database, *, replace: bool) -> None:
    filled = {n: c for n, c in (await row_counts(db)).items() if c}
    if filled and not replace:
        names = ", ".join(f"{n} ({c})" for n, c in sorted(filled.items()))
        raise SystemExit(f"Die Datenbank ist nicht leer: {names}. "
                         "Bot anhalten und mit --ersetzen überschreiben.")


async def _counts_of(path: Path) -> dict[str, int]:
    async with _opened(_sqlite_url(path), "die Sicherung") as db:
        return await row_counts(db)


def _url(url: str, name: str, *, must_exist: bool = False) -> URL:
    """Parse a database URL (`name` says where it came from); refuse one we cannot open.

    `must_exist`: a SQLite file that is not there is refused instead of created empty (the
    command runs in the wrong folder, or without the .env that names the database).
    """
    try:
        parsed = make_url(url)
        if not parsed.get_dialect().is_async:  # e.g. postgresql:// (psycopg2, not shipped)
            raise ArgumentError(f"{parsed.drivername} ist kein asynchroner Treiber")
    except (ArgumentError, ImportError) as err:  # not a URL, or an unknown scheme
        raise SystemExit(f"{name} ist keine Datenbank-Adresse, die der Bot öffnen kann ({err}). "
                         "So sieht sie aus: postgresql+asyncpg://bot@host/bot oder "
                         "sqlite+aiosqlite:///var/bot.db") from None
    file = Path(str(parsed.database or "").removeprefix("file:"))
    if must_exist and parsed.get_backend_name() == "sqlite" \
            and parsed.database not in (None, "", ":memory:") and not file.is_file():
        raise SystemExit(f"{name} nennt die SQLite-Datei {file.resolve()}, die es nicht "
                         "gibt. Im Ordner des Bots starten (dort liegt .env)?")
    return parsed


def _same_place(a: URL, b: URL) -> bool:
    """Tell whether two URLs name one database (a SQLite file however its path is written)."""
    if a.get_backend_name() == b.get_backend_name() == "sqlite" and a.database and b.database:
        return Path(a.database).resolve() == Path(b.database).resolve()
    return a.render_as_string(hide_password=False) == b.render_as_string(hide_password=False)


@asynccontextmanager
async def _opened(url: str, name: str) -> AsyncIterator[Database]:
    """Open a database and connect once: a refusal is one clear line, not a traceback."""
    _url(url, name)
    try:
        db = Database(url)
    except OSError as err:  # the SQLite file's folder cannot be made
        raise SystemExit(f"{name}: {err.strerror} ({err.filename}).") from None
    try:
        await _connect(db, name)
        yield db
    finally:
        await db.dispose()


async def _connect(db: Database, name: str) -> None:
    where = db.url.render_as_string(hide_password=True)
    try:
        async with db.engine.connect():
            pass
    except Exception as exc:
        if db.is_unreachable(exc):
            raise SystemExit(f"Die Datenbank {where} ({name}) antwortet nicht "
                             f"({type(exc).__name__}). Läuft der Server, stimmen Host und "
                             "Port?") from None
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        raise SystemExit(f"Die Datenbank {where} ({name}) lässt sich nicht öffnen: "
                         f"{type(exc).__name__}: {first}") from None


def _sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path.resolve()}"


def _summary(counts: dict[str, int]) -> str:
    return f"{sum(counts.values())} Zeilen in {len(counts)} Tabellen"
