"""End to end: the catalogue's assumptions read "vorläufig" until the team confirms them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts

SEPTEMBER = "Regionale Ausbildungscluster"
SEPTEMBER_TITLE = f"Netzwerktreffen: {SEPTEMBER} als Motor für die Berufsausbildung"


def _csv(messages: list[dict[str, Any]]) -> list[list[str]]:
    path = next(m["file"]["path"] for m in messages if m.get("file", {}).get("name", "")
                .endswith(".csv"))
    return [line.split(";") for line in Path(path).read_text("utf-8-sig").splitlines()]


def _sign_up(console: ConsoleBot, who: str, title: str) -> None:
    meeting = card(console.say(who, "/termine"), title)
    console.press(who, button(console.press(who, button(meeting, "Anmelden")), "1"))


def _provisional_column(console: ConsoleBot) -> dict[str, str]:
    rows = _csv(console.say("chef", "/export anmeldungen"))
    head = rows[0]
    at = head.index("Datum vorläufig")
    return {r[0]: r[at] for r in rows[1:]}


def test_assumed_values_are_provisional_until_the_team_confirms_them(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    shown = console.say("anna", "/termine")
    march = texts(card(shown, "Ausbildungs-Marketing"))
    assert "noch 40 Plätze (vorläufig)" in march
    assert "Anmeldung bis Do, 26. Februar 2026, 23:59 Uhr (vorläufig)" in march
    assert "5. März 2026" in march and "Termin folgt" not in march
    assert "September 2026, genauer Termin folgt (vorläufig)" in texts(card(shown, SEPTEMBER))

    _sign_up(console, "anna", SEPTEMBER)
    _sign_up(console, "anna", "Ausbildungs-Marketing")
    column = _provisional_column(console)
    assert column[SEPTEMBER_TITLE] == "vorläufig"
    assert column["Netzwerktreffen: Ausbildungs-Marketing"] == ""

    listed = console.say("chef", "/bestaetigen")
    assert "Datum, Plätze, Anmeldefrist" in texts(listed)
    # The team sees the assumed day itself, not only "September 2026, Termin folgt".
    assert "Do, 17. September 2026, 10:00–15:00 Uhr (vorläufig)" in texts(listed)
    preview = console.press("chef", button(listed, "Bestätigen: Netzwerktreffen: Regionale"))
    assert "1 Person (angemeldet oder wartend) bekommt die Nachricht" in texts(preview)
    assert "17. September 2026, 10:00–15:00 Uhr (vorläufig)" in texts(preview)
    out = console.press("chef", button(preview, "Ja, bestätigen"))
    done = texts(out, to="chef")
    assert "Bestätigt" in done and "17. September 2026" in done and "Benachrichtigt: 1" in done
    told = [m for m in out if m.get("to") == "anna"]
    assert "Der Termin steht jetzt fest" in texts(told) and "17. September 2026" in texts(told)
    assert "vorläufig" not in texts(told) and any(m.get("file") for m in told)

    september = texts(card(console.say("anna", "/termine"), SEPTEMBER))
    assert "vorläufig" not in september and "Termin folgt" not in september
    assert "17. September 2026" in september
    column = _provisional_column(console)
    assert column[SEPTEMBER_TITLE] == ""
    assert "Bestätigen: Netzwerktreffen: Regionale" not in str(console.say("chef", "/bestaetigen"))
