"""Limits per person: messages per minute (in process), open reminders, topic suggestions."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from handlers.core.limits import RateLimiter
from tests.support.console import ConsoleBot, button, join, texts

T0 = datetime.fromisoformat("2026-02-02T09:00:00+01:00")


def test_bucket_allows_a_burst_tells_once_then_refills_evenly() -> None:
    rate = RateLimiter(per_minute=3)
    assert [rate.take("a", T0) for _ in range(5)] == [True, True, True, False, None]
    assert rate.take("b", T0) is True  # per person
    assert rate.take("a", T0 + timedelta(seconds=10)) is None  # not yet a whole message back
    assert rate.take("a", T0 + timedelta(seconds=20)) is True  # one every 20 seconds
    assert rate.take("a", T0 + timedelta(seconds=21)) is False  # told again after an allowed one
    assert [rate.take("a", T0 + timedelta(hours=1)) for _ in range(4)] == [True] * 3 + [False]
    assert all(RateLimiter(per_minute=0).take("a", T0) for _ in range(100))


def test_stranger_flooding_hits_the_limit_once_and_is_answered_after_a_minute(
        tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00",
                     env={"RATE_MESSAGES_PER_MINUTE": "5"})
    try:
        for _ in range(5):
            assert "kenne ich nicht" in texts(bot.say("gast", "/gibtsnicht"))
        refused = bot.say("gast", "/termine")
        assert "Langsam" in texts(refused) and "5 Nachrichten pro Minute" in texts(refused)
        assert bot.say("gast", "/termine") == []  # a flood gets one answer, not an echo
        assert bot.press("gast", "event.details:1~x") == []  # buttons count too
        assert "Ausbildungs-Marketing" in texts(bot.say("anna", "/termine"))  # others go on
        for _ in range(10):
            assert "Langsam" not in texts(bot.say("chef", "/firmen"))  # the team is not limited
        bot.now("2026-02-02T09:01:00+01:00")
        assert "Ausbildungs-Marketing" in texts(bot.say("gast", "/termine"))
    finally:
        bot.stop()


def test_open_reminders_and_topics_are_capped_with_a_german_answer(tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00",
                     env={"MAX_OPEN_REMINDERS": "2", "MAX_TOPICS_PER_MEETING": "1"})
    try:
        join(bot, "anna")
        for day in ("morgen", "übermorgen"):
            asked = bot.say("anna", f"/erinnerung {day} 9 Uhr Bewerbungen sichten")
            assert "Ich erinnere dich" in texts(bot.press("anna", button(asked, "Ja")))
        full = texts(bot.say("anna", "/erinnerung Freitag 9 Uhr Unterlagen prüfen"))
        assert "schon 2 Erinnerungen" in full and "/erinnerungen" in full
        listing = bot.say("anna", "/erinnerungen")
        bot.press("anna", button(listing, "Bewerbungen"))  # deleting one makes room again
        asked = bot.say("anna", "/erinnerung Freitag 10 Uhr Unterlagen prüfen")
        assert "Ich erinnere dich" in texts(bot.press("anna", button(asked, "Ja")))

        shown = bot.say("anna", "/stammtisch")
        bot.press("anna", button(shown, "Thema vorschlagen"))
        assert "Danke" in texts(bot.say("anna", "Reels im Recruiting"))
        again = texts(bot.press("anna", button(bot.say("anna", "/stammtisch"),
                                               "Thema vorschlagen")))
        assert "schon 1 Thema vorgeschlagen" in again
    finally:
        bot.stop()
