"""Moving a meeting to the start it already has, or onto another meeting, is refused."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, texts


def test_a_move_to_its_own_start_is_refused(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/stammtisch_verschieben 5.2. auf 5.2. 13:00"))
    assert "schon am Do, 5. Februar 2026, 13:00 Uhr – nichts zu verschieben" in out
    assert "ursprünglichen Termin" not in out  # it was never moved


def test_a_skipped_meeting_comes_back_at_its_own_time(console: ConsoleBot) -> None:
    console.press("chef", button(console.say("chef", "/stammtisch_absagen 19.2."), "Ja"))
    out = console.say("chef", "/stammtisch_verschieben 19.2. auf 19.2. 13:00")
    assert "wieder auf den ursprünglichen Termin" in texts(out)
    assert "Erledigt" in texts(console.press("chef", button(out, "Ja")))


def test_a_move_onto_another_meeting_is_refused(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/stammtisch_verschieben 19.2. auf 5.3. 13:30"))
    assert "Am Do, 5. März 2026, 13:00 Uhr ist schon ein Stammtisch" in out
    assert "/stammtisch_absagen 19.02." in out
    listed = texts(console.say("chef", "/stammtisch"))
    assert listed.count("5. März 2026") == 1 and "19. Februar 2026, 13:00 Uhr" in listed
