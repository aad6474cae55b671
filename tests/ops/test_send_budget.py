"""Telegram's 30 messages/s per bot token, shared by every process on one PostgreSQL.

The budget (storage/pace) hands out slots; the transport waits for its slot before each call to
a chat (bot/transports/telegram_pace.py). The slots are checked without waiting; the cluster
test is the one real-time test here: three processes answer webhook updates and deliver outbox
rows against the fake Bot API with Telegram's flood control (about 4 s of sending at 28/s).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.transports.telegram_pace import (
    BURST,
    GROUP_BURST,
    GROUP_INTERVAL,
    LATE,
    RATE,
    SharedPace,
)
from storage.db import Database
from storage.pace import take_slot
from tests.ops.cluster import Cluster, answers, people_with_rows, post_all, until
from tests.support.databases import sqlite_url
from tests.telegram.fake_bot_api import FakeBotApi

SENDS = ("sendMessage", "sendDocument", "editMessageText")


@pytest.fixture
async def two_processes(pg_url: str) -> AsyncIterator[tuple[Database, Database]]:
    """Two engines on one database, as two processes would have."""
    first, second = Database(pg_url), Database(pg_url)
    yield first, second
    await first.dispose()
    await second.dispose()


async def test_slots_are_spaced_over_every_process_taking_at_once(
        two_processes: tuple[Database, Database]) -> None:
    # 40 calls taken at once from two processes, one per second: one each second, none shared.
    first, second = two_processes
    waits = await asyncio.gather(*(take_slot(db, "telegram:1", interval=1.0)
                                   for _ in range(20) for db in (first, second)))
    slots = sorted(round(w) for w in waits)
    assert slots == list(range(40)), slots
    # Another budget (another token, or one group) is counted apart.
    assert await take_slot(first, "telegram:2", interval=1.0) == 0


async def test_a_burst_goes_at_once_and_then_one_per_interval(
        two_processes: tuple[Database, Database]) -> None:
    first, _ = two_processes
    waits = [await take_slot(first, "group", interval=1.0, burst=3) for _ in range(5)]
    assert [round(w) for w in waits] == [0, 0, 0, 1, 2], waits


async def test_sqlite_is_one_process_and_keeps_no_budget(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path))
    try:
        assert [await take_slot(db, "telegram:1", interval=1.0) for _ in range(3)] == [0, 0, 0]
    finally:
        await db.dispose()


class Budget:
    """A recording budget: each budget's slots are `interval` apart (no database)."""

    def __init__(self) -> None:
        self.taken: list[tuple[str, float, int]] = []
        self.slept: list[float] = []
        self.fail = False
        self.now = 0.0
        self.stall = 0.0  # how much later than asked the next sleep ends

    def clock(self) -> float:
        """Return the recorded time."""
        return self.now

    async def take(self, name: str, interval: float, burst: int) -> float:
        """Record the take; answer how long its slot is ahead."""
        if self.fail:
            raise ConnectionError("database gone")
        ahead = interval * sum(1 for n, _, _ in self.taken if n == name)
        self.taken.append((name, interval, burst))
        return ahead

    async def sleep(self, seconds: float) -> None:
        """Record the wait instead of waiting; move the time on (plus a stall, once)."""
        self.slept.append(seconds)
        self.now += seconds + self.stall
        self.stall = 0.0


async def test_a_call_to_a_group_takes_the_group_s_slot_then_the_token_s() -> None:
    budget = Budget()
    pace = SharedPace(budget.take, "123456:geheim", sleep=budget.sleep)
    await pace(555)
    await pace("-100")
    await pace(None)  # no numeric chat: the token's budget only
    token = ("telegram:123456", 1 / RATE, BURST)
    assert budget.taken == [token, ("telegram:123456:chat:-100", GROUP_INTERVAL, GROUP_BURST),
                            token, token]
    assert budget.slept == pytest.approx([1 / RATE, 2 / RATE])  # the group's first slot is free
    assert all("geheim" not in name for name, _, _ in budget.taken)


async def test_a_call_woken_late_takes_a_new_slot_instead_of_bunching() -> None:
    budget = Budget()
    pace = SharedPace(budget.take, "123456:geheim", sleep=budget.sleep, clock=budget.clock)
    await pace(555)  # the first slot is free
    budget.stall = LATE + 0.05  # the process stalls while the second call waits
    await pace(555)
    assert len(budget.taken) == 3  # the late call took another slot after the stall
    assert budget.slept == pytest.approx([1 / RATE, 2 / RATE])
    budget.stall = LATE / 2  # a little late is on time
    await pace(555)
    assert len(budget.taken) == 4


async def test_without_the_database_a_call_still_goes(caplog: pytest.LogCaptureFixture) -> None:
    budget = Budget()
    budget.fail = True
    pace = SharedPace(budget.take, "123456:geheim", sleep=budget.sleep)
    with caplog.at_level(logging.WARNING):
        await pace(555)
    assert budget.slept == [] and "pacing this process only" in caplog.text


async def test_three_processes_stay_under_30_per_second_with_no_429(
        api: FakeBotApi, pg_url: str, tmp_path: Path) -> None:
    # Real time, about 4 s: 60 webhook answers (20 per process) and 40 outbox rows at once,
    # against a Bot API that answers 429 like Telegram (30/s, bursts of 33). Each process
    # alone would pace itself at 30/s: together they would send ~90/s without the budget.
    db = Database(pg_url)
    cluster = Cluster(api, pg_url, tmp_path, webhook=True, rate_limit=True)
    users = range(1, 61)
    try:
        cluster.start(3)
        await cluster.ready()
        api.flood_control = True
        before = [_limited_calls(await p.metrics()) for p in cluster.procs]
        await people_with_rows(db, people=40, rows=40, now=datetime.now(UTC))
        await post_all(api, cluster, users)
        await until(lambda: all(answers(api, users).values()), 60, "every update answered")
        await until(lambda: _rows_sent(api) == 40, 30, "every row sent")
        assert api.flood_429s == 0
        times = sorted(c.at for c in api.calls if c.method in SENDS)
        busiest = max(sum(1 for t in times[i:] if t < start + 1) for i, start in
                      enumerate(times))
        rate = (len(times) - 1) / (times[-1] - times[0])
        gaps = sorted(b - a for a, b in itertools.pairwise(times))[:5]
        # Telegram's 30/s on average; in any one second no more than the burst its flood
        # control lets pass (the fake's 33): arrival jitter on a loaded machine bunches a few
        # calls paced 1/28 s apart (measured up to 33 in a second, 0.2 ms apart, no 429).
        assert len(times) >= 100 and rate <= 30, (rate, len(times))
        assert busiest <= 33, (busiest, rate, len(times), gaps)
        # Every process sent (the load was spread), each through the shared budget.
        for p, earlier in zip(cluster.procs, before, strict=True):
            assert _limited_calls(await p.metrics()) > earlier, p.log.read_text()[-2000:]
    finally:
        await cluster.stop()
        await db.dispose()


def _rows_sent(api: FakeBotApi) -> int:
    return sum(1 for c in api.calls_of("sendMessage")
               if str(c.params.get("text", "")).startswith("Nachricht "))


def _limited_calls(metrics: str) -> int:
    """Return how many Bot API calls went through this process's limiter."""
    found = re.search(r'^bot_rate_limit_wait_seconds_count\{platform="telegram"\} (\S+)$',
                      metrics, re.MULTILINE)
    return int(float(found.group(1))) if found else 0
