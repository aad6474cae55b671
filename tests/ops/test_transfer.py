"""backup / restore / copy-db round-trip a database with every table filled (both databases)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage.db import Database
from storage.transfer import tables
from tests.ops.filled import ROWS, dump, fill_every_table
from tests.support.console import REPO
from tests.support.databases import sqlite_url

company = next(t for t in tables() if t.name == "company")


def cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` against DATABASE_URL; return what it printed."""
    env = {**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"}
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=120)


async def test_backup_and_restore_round_trip_every_table(db: Database, tmp_path: Path,
                                                         pg_url: str) -> None:
    await fill_every_table(db)
    before = await dump(db)
    assert all(len(rows) == ROWS for rows in before.values())
    url = db.url.render_as_string(hide_password=False)
    made = cli(url, "backup", str(tmp_path / "sicherung.db"))
    assert made.returncode == 0, made.stderr
    assert "Sicherung geschrieben" in made.stdout
    # Into a fresh database of the other kind (and of the same kind): everything as before.
    other = pg_url if db.is_sqlite else sqlite_url(tmp_path)
    for target in (other, sqlite_url(tmp_path)):
        done = cli(target, "restore", str(tmp_path / "sicherung.db"))
        assert done.returncode == 0, done.stderr
        assert "eingespielt" in done.stdout
        restored = Database(target)
        try:
            assert await dump(restored) == before
        finally:
            await restored.dispose()


async def test_restore_refuses_a_filled_database_unless_replacing(db: Database,
                                                                  tmp_path: Path) -> None:
    await fill_every_table(db)
    url = db.url.render_as_string(hide_password=False)
    assert cli(url, "backup", str(tmp_path / "a.db")).returncode == 0
    again = cli(url, "backup", str(tmp_path / "a.db"))
    assert again.returncode != 0 and "gibt es schon" in again.stderr
    refused = cli(url, "restore", str(tmp_path / "a.db"))
    assert refused.returncode != 0
    assert "nicht leer" in refused.stderr and "--ersetzen" in refused.stderr
    replaced = cli(url, "restore", "--ersetzen", str(tmp_path / "a.db"))
    assert replaced.returncode == 0, replaced.stderr
    assert all(len(rows) == ROWS for rows in (await dump(db)).values())


async def test_copy_db_moves_every_table_to_postgresql(tmp_path: Path, pg_url: str) -> None:
    source_url = sqlite_url(tmp_path)
    source = Database(source_url)
    await source.migrate()
    await fill_every_table(source)
    before = await dump(source)
    await source.dispose()
    done = cli(source_url, "copy-db", "--to", pg_url)
    assert done.returncode == 0, done.stderr
    assert f"{ROWS * len(before)} Zeilen in {len(before)} Tabellen" in done.stdout
    assert f"DATABASE_URL={pg_url}" in done.stdout
    target = Database(pg_url)
    try:
        assert await dump(target) == before
        # Sequences moved past the copied ids: the next company gets a new id.
        async with target.engine.begin() as conn:
            await conn.execute(company.insert(), [{"name": "Neu", "edited_in_chat": False}])
    finally:
        await target.dispose()
    twice = cli(source_url, "copy-db", "--to", pg_url)
    assert twice.returncode != 0 and "nicht leer" in twice.stderr
