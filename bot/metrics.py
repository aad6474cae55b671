"""The bot's Prometheus metrics, in a registry of their own (one per App, no global state)."""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from bot.chat import Incoming

# Seconds from an update's arrival at the app to its answer; most take a few milliseconds.
REPLY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
WAIT_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def update_kind(incoming: Incoming) -> str:
    """Return what an update is, for metrics: command, button, file or text."""
    if incoming.attachment is not None:
        return "file"
    if incoming.press is not None or incoming.option is not None:
        return "button"
    if (incoming.text or "").startswith("/"):
        return "command"
    return "text"


class Metrics:
    """Counters and histograms the app, the deliverer and the transports feed."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.updates = Counter("bot_updates_handled", "Updates handled, by platform and kind",
                               ["platform", "kind"], registry=r)
        self.reply_seconds = Histogram("bot_reply_seconds", "Time to answer an update",
                                       ["kind"], buckets=REPLY_BUCKETS, registry=r)
        self.outbox_due = Gauge("bot_outbox_due", "Outbox rows due now and not yet sent",
                                registry=r)
        self.outbox = Counter("bot_outbox_rows", "Outbox rows settled by this process, by "
                              "outcome (sent, retry, dropped, unknown)", ["outcome"], registry=r)
        self.rate_limit_waits = Histogram(
            "bot_rate_limit_wait_seconds", "Time Bot API calls waited for the rate limiter",
            ["platform"], buckets=WAIT_BUCKETS, registry=r)

    def handled(self, incoming: Incoming, seconds: float) -> None:
        """Count one handled update and its answer time."""
        kind = update_kind(incoming)
        self.updates.labels(incoming.person.platform, kind).inc()
        self.reply_seconds.labels(kind).observe(seconds)

    def settled(self, outcomes: Mapping[str, int]) -> None:
        """Count outbox rows by what became of them."""
        for outcome, n in outcomes.items():
            if n:
                self.outbox.labels(outcome).inc(n)

    def rate_limit_wait(self, platform: str, seconds: float) -> None:
        """Record how long one call waited for the rate limiter (zero counts too)."""
        self.rate_limit_waits.labels(platform).observe(seconds)

    def exposition(self) -> tuple[bytes, str]:
        """Return the metrics in Prometheus text format and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
