"""Limits against floods: messages per minute per person (in process), and the configured caps.

The message limit is a token bucket per person held in this process: checking it costs no
database round trip, so a flood is turned away before any unit of work opens. Caps on stored
things (open personal reminders, topic suggestions) are counted in the update's own unit of
work by the features that store them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Buckets of people idle this long are full again and can be forgotten.
_FORGET_AFTER_SECONDS = 600.0
_PRUNE_ABOVE = 10_000


@dataclass(frozen=True)
class Limits:
    """The configured limits (bot.settings: RATE_MESSAGES_PER_MINUTE and friends)."""

    messages_per_minute: int = 30  # 0: no limit
    open_reminders: int = 20
    topics_per_meeting: int = 3


@dataclass
class _Bucket:
    tokens: float
    at: datetime
    told: bool = False  # the person was told to slow down since the bucket ran empty


class RateLimiter:
    """A token bucket per person: `per_minute` messages in a burst, refilled evenly."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._buckets: dict[str, _Bucket] = {}

    def take(self, key: str, now: datetime) -> bool | None:
        """Spend one message of `key`: True allowed, False refused (tell once), None silent.

        After the first refusal the person is not answered again until a message is
        allowed, so a flood gets one friendly answer and no echo of itself.
        """
        if self.per_minute <= 0:
            return True
        bucket = self._buckets.get(key)
        if bucket is None:
            self._prune(now)
            bucket = self._buckets[key] = _Bucket(float(self.per_minute), now)
        elapsed = max(0.0, (now - bucket.at).total_seconds())
        bucket.tokens = min(float(self.per_minute),
                            bucket.tokens + elapsed * self.per_minute / 60.0)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.told = False
            return True
        if bucket.told:
            return None
        bucket.told = True
        return False

    def _prune(self, now: datetime) -> None:
        """Forget idle people once many are held (their buckets would be full anyway)."""
        if len(self._buckets) < _PRUNE_ABOVE:
            return
        self._buckets = {
            k: b for k, b in self._buckets.items()
            if (now - b.at).total_seconds() < _FORGET_AFTER_SECONDS
        }
