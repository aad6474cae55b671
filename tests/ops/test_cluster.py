"""Three real bot processes on one PostgreSQL: every outbox row and update once; leader failover.

The processes run `python -m bot run` against the fake Bot API (tests/telegram), the rate
limiter off so the test is quick. A leader is killed with SIGKILL (no clean-up), as a crash
would; at-most-once allows the rows it had claimed but not sent to be lost, never resent.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from storage.db import Database
from tests.ops.cluster import Cluster, people_with_rows, texts_sent
from tests.telegram.fake_bot_api import FakeBotApi

ROWS, PEOPLE, UPDATES = 2000, 200, 200
LIMITED = 120  # rows sent with the rate limit on (4 s at 30/s)
TAKEOVER = 30.0  # seconds the issue allows for another process to lead




async def until(check: Callable[[], Any], seconds: float, what: str) -> float:
    """Wait until `check()` is true (it may be a coroutine function); return the time taken."""
    started = time.monotonic()
    while True:
        found = check()
        if asyncio.iscoroutine(found):
            found = await found
        if found:
            return time.monotonic() - started
        assert time.monotonic() - started < seconds, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


async def unsettled(db: Database) -> int:
    """Count outbox rows neither sent nor dropped."""
    async with db.read() as s:
        found = await s.exec(text(  # type: ignore[call-overload]
            "SELECT count(*) FROM outboxmessage WHERE sent_at IS NULL AND dropped_at IS NULL"))
        return int(found.scalar_one())


async def in_flight_texts(db: Database) -> set[str]:
    """Return the texts of rows a killed process had claimed and not confirmed."""
    async with db.read() as s:
        found = await s.exec(text(  # type: ignore[call-overload]
            "SELECT text FROM outboxmessage WHERE last_error = 'in flight'"))
        return {str(t) for t in found.scalars()}


def answers(api: FakeBotApi, users: range) -> dict[int, int]:
    """Return how many messages each user got (one pass: the fake API's loop must not stall)."""
    got = Counter(chat for (chat, _), m in api.messages.items()
                  if chat in users and m["from"]["id"] == api.bot_id)
    return {u: got[u] for u in users}


async def test_webhook_processes_send_every_row_and_answer_every_update_once(
        api: FakeBotApi, pg_url: str, tmp_path: Path) -> None:
    db = Database(pg_url)
    cluster = Cluster(api, pg_url, tmp_path, webhook=True)
    users = range(1, UPDATES + 1)
    try:
        cluster.start(3)
        await cluster.ready()
        assert len(await cluster.leaders()) == 1
        await people_with_rows(db, people=PEOPLE, rows=ROWS, now=datetime.now(UTC))
        await post_all(api, cluster, users[: UPDATES // 2])  # spread over the processes
        await until(lambda: sum(texts_sent(api).values()) > ROWS // 3, 30, "first rows")
        [leader] = await cluster.leaders()
        leader.kill()  # mid-delivery: whatever it had claimed is lost, never resent
        await post_all(api, cluster, users[UPDATES // 2:])
        await until(lambda: all(answers(api, users).values()), 30, "every update answered")
        await until(_all_accounted(db, api), 30, "every row sent or held by the dead process")
        await asyncio.sleep(1)  # rows live processes had in flight are confirmed by now
        took = await until(lambda: _one_leader(cluster), 30, "a new leader")
        assert took < TAKEOVER
        sent = texts_sent(api)
        rows = {f"Nachricht {n}" for n in range(ROWS)}
        assert max(sent[t] for t in rows) == 1  # nothing sent twice
        lost = rows - set(sent)
        assert lost <= await in_flight_texts(db)  # only what the killed process held
        per_user = answers(api, users)
        doubled = [u for u, n in per_user.items() if n > 1]
        assert not doubled, [api.sent(u) for u in doubled[:2]]  # every update answered once
    finally:
        await cluster.stop()
        await db.dispose()


async def test_only_the_leader_polls_and_delivers_at_30_per_second_and_is_replaced(
        api: FakeBotApi, pg_url: str, tmp_path: Path) -> None:
    db = Database(pg_url)
    cluster = Cluster(api, pg_url, tmp_path, webhook=False, rate_limit=True)
    try:
        cluster.start(3)
        await cluster.ready()
        [leader] = await cluster.leaders()
        # With the rate limit on only the leader delivers: 30 msg/s per token, no 429.
        api.flood_control = True
        await people_with_rows(db, people=LIMITED, rows=LIMITED, now=datetime.now(UTC))
        took = await until(lambda: len(api.calls_of("sendMessage")) >= LIMITED, 30, "rows")
        await asyncio.sleep(1)  # nothing more arrives: each row went out once
        calls = sorted(c.at for c in api.calls_of("sendMessage"))
        assert len(calls) == LIMITED and api.flood_429s == 0
        assert LIMITED / (calls[-1] - calls[0]) <= 33, took  # Telegram's pace, not faster
        api.flood_control = False
        for user in range(1, 31):
            api.push_text(user, "/hilfe")
        await until(lambda: all(answers(api, range(1, 31)).values()), 30, "answers")
        once = answers(api, range(1, 31))
        await asyncio.sleep(0.5)  # the leader's next long poll confirms what it fetched
        leader.kill()
        started = time.monotonic()
        for user in range(31, 61):
            api.push_text(user, "/hilfe")
        await until(lambda: all(answers(api, range(31, 61)).values()), TAKEOVER + 10,
                    "answers from the new leader")
        assert time.monotonic() - started < TAKEOVER
        [new] = await cluster.leaders()
        assert new is not leader
        both = answers(api, range(1, 61))
        assert set(both.values()) == set(once.values()), both  # each update answered once
        # Only one process polled at a time: no getUpdates conflict was ever needed.
        assert len({p.http_port for p in await cluster.leaders()}) == 1
    finally:
        await cluster.stop()
        await db.dispose()


async def post_all(api: FakeBotApi, cluster: Cluster, users: range) -> None:
    """POST one "/hilfe" update per user to the processes' webhooks, a few at a time."""
    gate = asyncio.Semaphore(8)
    payloads = []
    for user in users:
        api.push_text(user, "/hilfe")
        payloads.append(api.updates.pop())  # not for getUpdates: it goes to a webhook

    async def post(n: int, payload: dict[str, Any]) -> None:
        async with gate:
            await cluster.post_update(payload, n)

    await asyncio.gather(*(post(n, p) for n, p in enumerate(payloads)))


def _all_accounted(db: Database, api: FakeBotApi) -> Callable[[], Any]:
    """Every row was sent, or is held in flight (by the killed process, or about to be sent)."""
    rows = {f"Nachricht {n}" for n in range(ROWS)}

    async def check() -> bool:
        return await unsettled(db) == 0 and rows <= set(texts_sent(api)) | await (
            in_flight_texts(db))

    return check


def _one_leader(cluster: Cluster) -> Callable[[], Any]:
    async def check() -> bool:
        return len(await cluster.leaders()) == 1

    return check
