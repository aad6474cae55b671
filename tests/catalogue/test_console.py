"""Next year's plan through the real console: upload, errors, preview, apply, restart."""

from __future__ import annotations

from pathlib import Path

from tests.catalogue.helpers import (
    EXAMPLE_2027,
    PLAN_2026,
    edited,
    line,
    send_file,
    without_entry,
)
from tests.events.console_helpers import join
from tests.fairs.console_helpers import member, request_booth
from tests.support.console import ConsoleBot, button, texts


def test_december_the_2027_plan_is_previewed_applied_and_survives_a_restart(
        dec: ConsoleBot) -> None:
    before = texts(dec.say("anna", "/termine"))
    assert "Gerade stehen keine Termine an" in before and "Jahresplan folgt" in before

    preview = send_file(dec, "chef", EXAMPLE_2027)
    shown = texts(preview)
    assert "Neuer Jahresplan: catalogue-2027.example.toml" in shown
    # The new file's assumptions ("provisional = [...]") read "vorläufig" as on every screen.
    assert ("Termin: Netzwerktreffen im Frühjahr – Do, 4. März 2027, 10:00 Uhr "
            "(vorläufig – Termin folgt)") in shown
    assert "Messe: Insidertreff – Sa, 8. Mai 2027 (vorläufig – Termin folgt)" in shown
    assert "Stammtisch: nächste Termine 14.01.2027" in shown
    assert "Dauer 60 Minuten (vorläufig)" in shown
    assert "schon vorbei und bleiben als Verlauf" in shown
    # Uploaded, not applied: members see what is planned next, marked as provisional.
    waiting = texts(dec.say("anna", "/termine"))
    assert "vorläufig" in waiting and "Netzwerktreffen im Frühjahr" in waiting

    done = dec.press("chef", button(preview, "Übernehmen"))
    assert "Der neue Jahresplan gilt ab jetzt" in texts(done)
    listed = texts(dec.say("anna", "/termine"))
    assert "Do, 4. März 2027" in listed and "Azubi Speed Dating Görlitz" in listed
    assert "schon übernommen" in texts(dec.press("chef", button(preview, "Übernehmen")))
    assert "“ übernommen" in texts(dec.say("chef", "/protokoll katalog"))

    dec.stop()
    dec.start()  # a new process on the same database: the applied plan is the one in force
    assert "Do, 4. März 2027" in texts(dec.say("anna", "/termine"))
    assert "Version" in texts(dec.say("chef", "/katalog"))


def test_a_new_plan_assuming_the_duration_again_asks_for_a_new_confirmation(
        dec: ConsoleBot) -> None:
    listed = dec.say("chef", "/bestaetigen")
    assert "dauert 60 Minuten – nicht mehr vorläufig" in texts(
        dec.press("chef", button(listed, "Bestätigen: Stammtisch")))
    assert "vorläufig" not in texts(dec.say("chef", "/stammtisch"))

    preview = send_file(dec, "chef", EXAMPLE_2027)  # 2027: a new series, duration assumed
    assert "Dauer 60 Minuten (vorläufig)" in texts(preview)
    assert "gilt ab jetzt" in texts(dec.press("chef", button(preview, "Übernehmen")))
    assert "Dauer: 60 Minuten (vorläufig)" in texts(dec.say("chef", "/stammtisch"))
    assert "Bestätigen: Stammtisch" in str(dec.say("chef", "/bestaetigen"))


def test_a_file_with_errors_is_answered_line_by_line_and_changes_nothing(
        console: ConsoleBot, tmp_path: Path) -> None:
    before = texts(console.say("anna", "/termine"))
    broken = edited(tmp_path, "plan.toml",
                    ('capacity = 40                      # Annahme: Personen',
                     'capacity = "vierzig"'),
                    ('title = "Insidertreff"', 'titel = "Insidertreff"'),
                    ('key = "speeddating-2026-03-17-zittau"',
                     'key = "speeddating-2026-03-17-weisswasser"'))
    answer = texts(send_file(console, "chef", broken))
    assert "kann ich so nicht übernehmen – 4 Probleme" in answer
    capacity, titel = line(broken, '"vierzig"'), line(broken, "titel =")
    twice = line(broken, 'key = "speeddating-2026-03-17-weisswasser"', 2)
    first = line(broken, 'key = "speeddating-2026-03-17-weisswasser"') - 1  # its [[events]]
    assert f"Zeile {capacity}: Termin 1: „capacity“ braucht eine ganze Zahl" in answer
    assert (f"Zeile {twice}: Termin 6: Der Schlüssel „speeddating-2026-03-17-weisswasser“ "
            f"kommt doppelt vor (zuerst in Zeile {first})") in answer
    assert f"Zeile {titel}: Messe 1: Das Feld „titel“ kenne ich nicht" in answer
    assert f"Zeile {titel - 2}: Messe 1: Pflichtfeld „title“ fehlt" in answer
    assert "Es hat sich nichts geändert" in answer

    syntax = tmp_path / "kaputt.toml"
    syntax.write_text('[cluster]\nname = "Zukunftsmacher\nmax_members = 30\n', encoding="utf-8")
    answer = texts(send_file(console, "chef", syntax))
    assert "Zeile 2: TOML-Syntaxfehler (Spalte" in answer

    assert texts(console.say("anna", "/termine")) == before
    assert "aus der Datei beim Start" in texts(console.say("chef", "/katalog"))


def test_moved_and_dropped_dates_reach_everyone_signed_up(
        console: ConsoleBot, tmp_path: Path) -> None:
    join(console, "anna", "Zemmler")
    out = console.say("anna", "/termine")
    meeting = [m for m in out if "Ausbildungs-Marketing" in m.get("text", "")]
    out = console.press("anna", button(meeting, "Anmelden"))
    assert "Ausbildungs-Marketing" in texts(console.press("anna", button(out, "2")))
    member(console, "bernd", "Lausitz Metall GmbH")
    assert "Anfrage" in texts(request_booth(console, "bernd", "12"))

    moved = edited(
        tmp_path, "plan-neu.toml",
        ("start = 2026-03-05T10:00:00\nend = 2026-03-05T15:00:00",
         "start = 2026-03-12T10:00:00\nend = 2026-03-12T15:00:00"),
        without_entry(PLAN_2026, "insidertreff-2026"),
    )
    preview = send_file(console, "chef", moved)
    shown = texts(preview)
    assert ("Termin Netzwerktreffen: Ausbildungs-Marketing: Beginn Do, 5. März 2026, 10:00 Uhr "
            "→ Do, 12. März 2026, 10:00 Uhr") in shown
    assert "– 1 Anmeldung wird benachrichtigt" in shown
    assert ("Messe Insidertreff – Sa, 9. Mai 2026 entfällt – 1 Standanfrage wird "
            "benachrichtigt") in shown
    assert "Achtung: 1 Datum ist aus dem Plan, der gerade gilt, noch nicht vorbei" in shown
    assert "entfallen sie (Absagen gehen an 1)" in shown

    done = console.press("chef", button(preview, "Übernehmen"))
    assert "2 benachrichtigt" in texts(done, to="chef")
    told_anna = texts(done, to="anna")
    assert "Ausbildungs-Marketing" in told_anna and "12. März 2026" in told_anna
    assert any(m.get("file", {}).get("name", "").endswith(".ics") for m in done
               if m["to"] == "anna")
    assert "Insidertreff" in texts(done, to="bernd") and "entfällt" in texts(done, to="bernd")
    assert "Insidertreff" not in texts(console.say("bernd", "/messe"))


def test_only_the_team_may_bring_a_plan(console: ConsoleBot) -> None:
    assert "nur Admins" in texts(console.say("anna", "/katalog"))
    answer = texts(send_file(console, "anna", EXAMPLE_2027))
    assert "Mit Dateien kann ich leider nichts anfangen" in answer
    sent = console.press("chef", button(console.say("chef", "/katalog"), "Aktuellen Katalog"))
    assert any(m.get("file", {}).get("name") == "katalog.toml" for m in sent)


def test_server_path_and_discard(console: ConsoleBot) -> None:
    preview = console.say("chef", f"/katalog {EXAMPLE_2027}")
    assert "Neuer Jahresplan" in texts(preview)
    assert "Verworfen" in texts(console.press("chef", button(preview, "Verwerfen")))
    assert "verworfen" in texts(console.press("chef", button(preview, "Übernehmen")))
    missing = console.say("chef", "/katalog /gibt/es/nicht.toml")
    assert "finde ich auf dem Server nicht" in texts(missing)


def test_a_caption_command_under_a_members_file_still_works(console: ConsoleBot) -> None:
    answer = texts(console.send({"from": "anna", "file": str(EXAMPLE_2027), "text": "/termine"}))
    assert "Kommende Termine" in answer and "Dateien" not in answer
