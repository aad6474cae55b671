"""`/medientag_tage` refuses a span instead of offering only its first day (QA finding).

"16.-20.3." and "KW 12" offered Monday 16.3. alone, "16.3. bis 18.3." dropped the 17th.
"""

from __future__ import annotations

import pytest

from tests.support.console import ConsoleBot, texts


@pytest.mark.parametrize("typed", ["KW 12", "16.-20.3.", "16.3. bis 18.3.", "16.3. – 18.3."])
def test_a_span_of_days_is_refused_and_nothing_offered(console: ConsoleBot, typed: str) -> None:
    out = texts(console.say("chef", f"/medientag_tage {typed}"))
    assert "Bitte nenn jeden Tag einzeln" in out and "Angeboten" not in out, out
    assert "Noch keine Tage angeboten" in texts(console.say("chef", "/medientag_tage"))


def test_single_days_are_still_offered(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/medientag_tage 16.3., 17.3. und nächste Woche Dienstag"))
    assert "Mo, 16. März 2026; Di, 17. März 2026" in out and "Di, 10. Februar 2026" in out
