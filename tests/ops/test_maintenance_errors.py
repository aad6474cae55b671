"""backup / restore / copy-db given wrong paths or URLs: one German line and exit code 1.

No traceback, no file or database left behind that the operator did not ask for.
"""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

from sqlalchemy import text

from storage.db import Database, current_revision, script_head
from tests.ops.cluster import free_port
from tests.ops.test_transfer import cli
from tests.support.databases import sqlite_copy


def refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Assert the command stopped with exit code 1 and one clear line naming `words`."""
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "CRITICAL" not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def test_copy_db_refuses_urls_it_cannot_use_clearly(tmp_path: Path, sqlite_template: Path,
                                                    pg_url: str) -> None:
    source = sqlite_copy(sqlite_template, tmp_path)
    refused(cli(source, "copy-db", "--to", "nonsense"), "--to ist keine Datenbank-Adresse",
            "postgresql+asyncpg://")
    # The scheme psql and pg_dump take: SQLAlchemy's sync driver, which the bot does not ship.
    refused(cli(source, "copy-db", "--to", pg_url.replace("+asyncpg", "")),
            "kein asynchroner Treiber")
    refused(cli(source, "copy-db", "--to",
                f"postgresql+asyncpg://bot:geheim@127.0.0.1:{free_port()}/bot"),
            "antwortet nicht", "bot:***@127.0.0.1")
    missing = pg_url.rpartition("/")[0] + f"/fehlt_{uuid.uuid4().hex[:8]}"
    refused(cli(source, "copy-db", "--to", missing), "lässt sich nicht öffnen", "does not exist")


def test_backup_and_copy_db_refuse_a_sqlite_file_that_is_not_there(tmp_path: Path) -> None:
    # E.g. started outside the bot's folder: the default var/bot.db is not the cluster's data.
    absent = tmp_path / "var" / "bot.db"
    url = f"sqlite+aiosqlite:///{absent}"
    refused(cli(url, "backup", str(tmp_path / "b.db")), str(absent), "gibt")
    refused(cli(url, "copy-db", "--to", f"sqlite+aiosqlite:///{tmp_path / 'neu.db'}"),
            str(absent))
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing created, nothing copied


async def test_backup_refuses_a_never_migrated_database(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'leer.db'}"
    await Database(url).dispose()  # the file exists, without any table
    refused(cli(url, "backup", str(tmp_path / "b.db")), "nie migriert")
    assert not (tmp_path / "b.db").exists() and not (tmp_path / "b.db.partial").exists()


def test_backup_paths_that_are_folders_or_cannot_be_written(tmp_path: Path,
                                                            sqlite_template: Path) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    refused(cli(url, "backup", str(tmp_path)), "ist ein Ordner", "Dateinamen")
    refused(cli(url, "backup", f"{tmp_path / 'neu'}/"), "ist ein Ordner")
    assert not (tmp_path / "neu").exists()  # not a file named like the folder meant
    blocked = tmp_path / "datei"
    blocked.write_text("kein Ordner")
    refused(cli(url, "backup", str(blocked / "b.db")), "kann nicht angelegt werden")
    made = cli(url, "backup", str(tmp_path / "a" / "b" / "b.db"))  # new folders are made
    assert made.returncode == 0, made.stderr


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    target = tmp_path / "ziel.db"
    url = f"sqlite+aiosqlite:///{target}"
    text = tmp_path / "notiz.txt"
    text.write_text("Hallo, das ist keine Datenbank.\n" * 20)
    refused(cli(url, "restore", str(text)), "keine Sicherung dieses Bots")
    refused(cli(url, "restore", str(tmp_path)), "ist ein Ordner")
    refused(cli(url, "restore", str(tmp_path / "fehlt.db")), "gibt es nicht")
    assert not target.exists()
    refused(cli("postgresql://bot@127.0.0.1/bot", "restore", str(text)),
            "DATABASE_URL ist keine Datenbank-Adresse")


def test_restore_leaves_the_backup_folder_as_it_was(tmp_path: Path,
                                                     sqlite_template: Path) -> None:
    # Nothing is written beside the backup (no -shm, -wal): it restores from a folder this
    # user may only read (a read-only mount, the backup user's folder) and stays untouched.
    folder = tmp_path / "sicherungen"
    made = cli(sqlite_copy(sqlite_template, tmp_path), "backup", str(folder / "b.db"))
    assert made.returncode == 0, made.stderr
    before = (folder / "b.db").read_bytes()
    done = cli(f"sqlite+aiosqlite:///{tmp_path / 'neu.db'}", "restore", str(folder / "b.db"))
    assert done.returncode == 0, done.stderr
    assert [p.name for p in folder.iterdir()] == ["b.db"]
    assert (folder / "b.db").read_bytes() == before


def test_copy_db_to_the_same_sqlite_file_written_otherwise(tmp_path: Path,
                                                          sqlite_template: Path) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    file = Path(url.removeprefix("sqlite+aiosqlite:///"))
    other = f"sqlite+aiosqlite:///{file.parent}/./../{file.parent.name}/{file.name}"
    refused(cli(url, "copy-db", "--to", other), "dieselbe Datenbank")


async def test_going_back_after_an_upgrade_as_documented(tmp_path: Path, sqlite_template: Path,
                                                         pg_url: str) -> None:
    # docs/operations.md, Upgrades: a database a newer version migrated, the old code restores
    # the backup taken before the upgrade.
    made = cli(sqlite_copy(sqlite_template, tmp_path), "backup", str(tmp_path / "vorher.db"))
    assert made.returncode == 0, made.stderr
    newer = sqlite_copy(sqlite_template, tmp_path)
    for url in (newer, pg_url):
        db = Database(url)
        async with db.engine.begin() as conn:
            await conn.execute(text("UPDATE alembic_version SET version_num = '9999_neuer'"))
        await db.dispose()
    # SQLite: --ersetzen replaces the whole file, the newer schema too.
    refused(cli(newer, "restore", str(tmp_path / "vorher.db")), "9999_neuer", "--ersetzen")
    done = cli(newer, "restore", "--ersetzen", str(tmp_path / "vorher.db"))
    assert done.returncode == 0, done.stderr
    db = Database(newer)
    try:
        assert await current_revision(db) == script_head()
    finally:
        await db.dispose()
    # PostgreSQL: older code cannot empty a newer schema; it says what to do instead.
    refused(cli(pg_url, "restore", "--ersetzen", str(tmp_path / "vorher.db")),
            "9999_neuer", "createdb")
    refused(cli(newer, "copy-db", "--ersetzen", "--to", pg_url), "--to", "9999_neuer")
