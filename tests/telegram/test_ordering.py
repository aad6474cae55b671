"""ChatOrder: per-chat FIFO with a global limit, and no memory of idle chats."""

from __future__ import annotations

import asyncio

from bot.transports.ordering import ChatOrder


async def test_same_chat_waits_other_chat_does_not_and_idle_chats_are_forgotten() -> None:
    order = ChatOrder(limit=4)
    release = asyncio.Event()
    log: list[str] = []

    async def work(name: str, block: bool = False) -> str:
        log.append(f"start {name}")
        if block:
            await release.wait()
        log.append(f"end {name}")
        return name

    first = asyncio.create_task(order.run("a", work("a1", block=True)))
    second = asyncio.create_task(order.run("a", work("a2")))
    other = asyncio.create_task(order.run("b", work("b1")))
    assert await other == "b1"
    assert "start a2" not in log and order.busy_chats == 1
    release.set()
    assert await asyncio.gather(first, second) == ["a1", "a2"]
    assert log.index("end a1") < log.index("start a2")
    assert order.busy_chats == 0


async def test_global_limit_holds() -> None:
    order = ChatOrder(limit=2)
    running = peak = 0
    gate = asyncio.Event()

    async def work() -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await gate.wait()
        running -= 1

    tasks = [asyncio.create_task(order.run(n, work())) for n in range(5)]
    await asyncio.sleep(0)
    gate.set()
    await asyncio.gather(*tasks)
    assert peak == 2
