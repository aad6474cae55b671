"""End to end: a broadcast previewed and sent, quiet hours, opt-out, once per person, report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts


def broadcast(console: ConsoleBot, text: str, *, urgency: str = "Normal",
              audience: str = "Alle Mitglieder") -> list[dict[str, Any]]:
    """Walk /rundschreiben as the team up to the preview."""
    console.say("chef", "/rundschreiben")
    out = console.say("chef", text)
    out = console.press("chef", button(out, "Ohne Datei"))
    out = console.press("chef", button(out, audience))
    return console.press("chef", button(out, urgency))


def test_broadcast_preview_quiet_hours_opt_out_and_report(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    preview = broadcast(console, "Folgt uns auf Instagram: @zukunftsmacher")
    assert "Vorschau" in texts(preview) and "Geht an 2 Personen (Alle Mitglieder)" in \
        texts(preview)
    sent = console.press("chef", button(preview, "Senden"))
    assert "Instagram" in texts(sent, to="anna") and "Instagram" in texts(sent, to="ben")
    assert "Nachtruhe" not in texts(sent, to="chef")  # in the daytime nothing waits
    off = console.press("anna", button([m for m in sent if m.get("to") == "anna"],
                                       "Keine Rundschreiben"))
    assert "Rundschreiben (Neuigkeiten)" in texts(off)
    assert button(console.say("anna", "/erinnerungen"), "Rundschreiben (Neuigkeiten) an")

    console.now("2026-02-02T21:00:00+01:00")
    sent = console.press("chef", button(broadcast(console, "Der Podcast ist online!"),
                                        "Senden"))
    assert "Podcast" not in texts(sent, to="ben")  # quiet hours hold it back
    assert "Jetzt ist Nachtruhe: zugestellt wird ab 7 Uhr" in texts(sent, to="chef")
    report = texts(console.press("chef", button(sent, "Zustellbericht")))
    assert "Zugestellt: 0" in report and "Noch offen (Nachtruhe, Wiederholung): 2" in report
    morning = console.now("2026-02-03T07:05:00+01:00")
    assert "Podcast" in texts(morning, to="ben") and "Podcast" not in texts(morning, to="anna")
    report = texts(console.press("chef", button(sent, "Zustellbericht")))
    assert "Zugestellt: 1" in report and "Abbestellt: 1" in report
    again = console.now("2026-02-03T09:00:00+01:00")
    assert "Podcast" not in texts(again)  # once per person

    console.now("2026-02-03T22:00:00+01:00")
    urgent = console.press("chef", button(broadcast(console, "Treffen heute fällt aus",
                                                    urgency="Dringend"), "Senden"))
    assert "fällt aus" in texts(urgent, to="ben") and "Nachtruhe" not in texts(urgent, "chef")


def test_broadcast_is_for_the_team_and_keeps_the_text(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    assert "nur Admins" in texts(console.say("anna", "/rundschreiben"))
    console.say("chef", "/rundschreiben")
    out = console.say("chef", "x" * 1900)
    assert "zu lang" in texts(out) and "Was sollen die Mitglieder lesen" in texts(out)


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # the bytes matter, not the picture


def test_broadcast_with_a_picture_goes_once_to_each_person(console: ConsoleBot,
                                                           tmp_path: Path) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    flyer = tmp_path / "flyer.png"
    flyer.write_bytes(PNG)
    console.say("chef", "/rundschreiben")
    ask = console.say("chef", "Hier ist der Flyer für die Karrieretage")
    assert "Datei oder ein Bild" in texts(ask) and button(ask, "Ohne Datei")
    out = console.send({"from": "chef", "file": str(flyer)})
    assert "Datei „flyer.png“ kommt mit" in texts(out) and "An wen" in texts(out)
    out = console.press("chef", button(out, "Alle Mitglieder"))
    preview = console.press("chef", button(out, "Normal"))
    assert "Mit Datei: flyer.png" in texts(preview) and "Geht an 2 Personen" in texts(preview)
    shown = next(m for m in preview if m.get("file"))
    assert Path(shown["file"]["path"]).read_bytes() == PNG

    sent = console.press("chef", button(preview, "Senden"))
    for who in ("anna", "ben"):
        got = [m for m in sent if m.get("to") == who and "Karrieretage" in m.get("text", "")]
        assert len(got) == 1, sent
        assert got[0]["file"]["name"] == "flyer.png" and got[0]["file"]["mime"] == "image/png"
        assert Path(got[0]["file"]["path"]).read_bytes() == PNG
    assert "Karrieretage" not in texts(console.now("2026-02-02T12:00:00+01:00"))  # once
    report = texts(console.press("chef", button(sent, "Zustellbericht")))
    assert "Zugestellt: 2" in report
    log = texts(console.say("chef", "/protokoll"))
    assert "mit Datei flyer.png" in log


def test_broadcast_file_too_large_is_refused_and_asked_again(console: ConsoleBot,
                                                             tmp_path: Path) -> None:
    big = tmp_path / "video.mp4"
    big.write_bytes(b"0" * (1024 * 1024 + 1))
    console.say("chef", "/rundschreiben")
    console.say("chef", "Das Video vom Insidertreff")
    out = console.send({"from": "chef", "file": str(big)})
    assert "zu groß" in texts(out) and "Datei oder ein Bild" in texts(out)
    out = console.press("chef", button(out, "Ohne Datei"))
    assert "An wen" in texts(out)


def test_broadcast_file_before_the_text_is_kept_and_the_text_asked(console: ConsoleBot,
                                                                  tmp_path: Path) -> None:
    flyer = tmp_path / "flyer.png"
    flyer.write_bytes(PNG)
    console.say("chef", "/rundschreiben")
    out = console.send({"from": "chef", "file": str(flyer)})
    assert "Datei „flyer.png“ kommt mit" in texts(out)
    assert "Jetzt fehlt noch der Text." in texts(out)
    assert "Was sollen die Mitglieder lesen" in texts(out) and "Katalog" not in texts(out)
    ask = console.say("chef", "Hier ist der Flyer")
    assert "Datei oder ein Bild" not in texts(ask)  # the file is already there: on to the audience
    out = console.press("chef", button(ask, "Alle Mitglieder"))
    preview = console.press("chef", button(out, "Normal"))
    assert "Vorschau" in texts(preview) and "flyer.png" in texts(preview)
    assert "Katalog" not in texts(console.say("chef", "/protokoll"))


def test_the_urgency_question_names_the_configured_quiet_hours(
        console_with: Callable[..., ConsoleBot]) -> None:
    bot = console_with(QUIET_START="21", QUIET_END="6")
    bot.say("chef", "/rundschreiben")
    out = bot.press("chef", button(bot.say("chef", "Neue Termine sind online"), "Ohne Datei"))
    asked = texts(bot.press("chef", button(out, "Alle Mitglieder")))
    assert "zwischen 21 und 6 Uhr" in asked, asked
