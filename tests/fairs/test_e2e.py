"""End to end through the console: booth requests (/messe, /messestand, /export messe)."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from openpyxl import load_workbook

from tests.fairs.console_helpers import member, read_csv, request_booth, switch_off
from tests.schau_rein.console_helpers import schau_rein
from tests.support.console import ConsoleBot, button, invite_code, texts


def test_saxon_member_booth_and_schau_rein_and_admin_views(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    sent = request_booth(console, "anna", "6,5 m²")
    assert "angefragt" in texts(sent, "anna")
    assert "ca. 7 m²" in texts(console.say("anna", "/meine"))
    out = console.say("anna", "/schaurein")
    assert "An welchem Tag" in texts(out)
    done = schau_rein(console, "anna")
    assert "angemeldet" in texts(done, "anna")
    assert "Neue Schau-rein-Anmeldung von Sachsenwerk GmbH" in texts(done, "chef")
    assert "Mediale Begleitung" in texts(done, "chef")
    mine = texts(console.say("anna", "/meine"))
    assert "Insidertreff" in mine and "Schau rein" in mine and "Werkstatt-Rallye" in mine

    board = console.say("chef", "/messestand")
    assert "7 von 120 m²" in texts(board) and "Sachsenwerk GmbH – angefragt" in texts(board)
    assert "Löten mit &lt;b&gt;" not in texts(board)  # escaped once, shown as typed
    assert "Sachsenwerk" in texts(console.say("chef", "/schaurein_liste"))
    rows = read_csv(console.say("chef", "/export messe"))
    assert rows[0][:4] == ["Messe", "Firma", "Status", "Tag"]
    assert rows[1][:5] == ["Insidertreff", "Sachsenwerk GmbH", "angefragt", "09.05.2026", "3"]
    exported = console.say("chef", "/export schaurein")
    rows = read_csv(exported)
    assert rows[0][:4] == ["Firma", "Tag 1", "Tag 2", "Tag 3"]  # one date cell per day
    assert rows[1][:6] == ["Sachsenwerk GmbH", "09.03.2026", "11.03.2026", "13.03.2026", "ja",
                           "nein"]
    xlsx = next(m["file"]["path"] for m in exported if m["file"]["name"].endswith(".xlsx"))
    sheet = load_workbook(xlsx).active
    assert sheet["A2"].value == "Sachsenwerk GmbH"
    assert sheet["B2"].is_date and sheet["B2"].number_format == "DD.MM.YYYY"
    cal = console.say("chef", "/schaurein_kalender")
    ics = next(m["file"]["path"] for m in cal if "file" in m)
    events = Calendar.from_ical(Path(ics).read_bytes()).walk("VEVENT")
    assert len(events) == 3 and "Sachsenwerk" in str(events[0]["summary"])
    assert "chef: Export schaurein_kalender" in texts(console.say("chef", "/protokoll"))


def test_over_capacity_waiting_list_decline_with_note_and_move_up(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    member(console, "bernd", "Spreewerk GmbH", "BB")
    request_booth(console, "anna", "100")
    waiting = texts(request_booth(console, "bernd", "30"), "bernd")
    assert "Warteliste" in waiting and "Platz 1" in waiting
    assert "auf der Warteliste" in texts(console.say("bernd", "/meine"))
    board = console.say("chef", "/messestand")
    assert "100 von 120 m²" in texts(board) and "Warteliste 1" in texts(board)
    note = console.press("chef", button(board, "Ablehnen"))
    decided = console.say("chef", "Leider zu groß für die Halle")
    told = texts(decided, "anna")
    assert "abgelehnt" in told and "zu groß für die Halle" in told
    assert "nachgerückt" in texts(decided, "bernd")
    assert "informiert" in texts(decided, "chef") and note
    assert "Messestand-Anfrage von Sachsenwerk GmbH abgelehnt" in texts(
        console.say("chef", "/protokoll"))


def test_withdrawal_frees_space_and_confirmed_get_reminder(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    member(console, "bernd", "Spreewerk GmbH", "BB")
    request_booth(console, "anna", "110")
    request_booth(console, "bernd", "20")
    out = console.press("anna", button(console.say("anna", "/messe"), "Insidertreff"))
    assert "ändern oder zurückziehen" in texts(out)
    gone = console.press("anna", button(out, "Zurückziehen"))
    assert "zurückgezogen" in texts(gone, "anna") and "nachgerückt" in texts(gone, "bernd")
    board = console.say("chef", "/messestand")
    confirmed = console.press("chef", button(console.press("chef", button(board, "Bestätigen")),
                                             "Ohne Notiz"))
    assert "bestätigt" in texts(confirmed, "bernd") and "Aufbau ab 08:00" in texts(confirmed)
    reminder = console.now("2026-05-02T10:00:00+02:00")
    assert "In einer Woche ist Insidertreff" in texts(reminder, "bernd")
    assert "Aufbau ab 08:00 Uhr" in texts(reminder, "bernd")


def test_deadline_nudges_and_refusal_after_the_deadline(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    member(console, "bernd", "Spreewerk GmbH", "BB")
    request_booth(console, "anna", "10")
    nudges = console.now("2026-03-20T10:00:00+01:00")
    assert "Anfragen bis Fr, 10. April 2026" in texts(nudges, "bernd")
    assert texts(nudges, "anna") == "" or "Insidertreff" not in texts(nudges, "anna")
    console.now("2026-04-11T09:00:00+02:00")
    late = texts(console.press("bernd", button(console.say("bernd", "/messe"), "Insidertreff")))
    assert "Anmeldefrist" in late and "altmann@lausitz-matrix.de" in late
    out = console.press("anna", button(console.say("anna", "/messe"), "Insidertreff"))
    assert "abgelaufen" in texts(out)  # no more changes or withdrawal either


def test_change_too_big_asks_for_space_again_and_full_confirm_is_refused(
    console: ConsoleBot,
) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    member(console, "bernd", "Spreewerk GmbH", "BB")
    member(console, "carl", "Neißewerk GmbH")
    request_booth(console, "anna", "100")
    request_booth(console, "bernd", "20")
    assert "Warteliste" in texts(request_booth(console, "carl", "30"))
    out = console.press("anna", button(console.say("anna", "/messe"), "Insidertreff"))
    out = console.press("anna", button(out, "Ändern"))
    out = console.press("anna", button(console.say("anna", "2"), "Weiter"))
    assert "zwischen 1 und 120" in texts(console.say("anna", "121"))
    for answer in ("110", "Elektroniker/in", "Schaltkreise stecken"):
        out = console.say("anna", answer)
    refused = console.press("anna", button(out, "Anfrage senden"))
    assert "nicht mehr frei (noch 100 m²" in texts(refused) and "Fläche" in texts(refused)
    out = console.say("anna", "90")
    assert "ca. 90 m²" in texts(out) and "Schaltkreise" in texts(out)  # other answers kept
    changed = console.press("anna", button(out, "Anfrage senden"))
    assert "geänderte Anfrage" in texts(changed, "anna")
    assert "nachgerückt" not in texts(changed, "carl")  # 10 m² free, carl needs 30
    board = console.say("chef", "/messestand")
    waiting = [m for m in board if "Neißewerk" in m.get("text", "")]
    out = console.press("chef", button(waiting, "Bestätigen"))
    refusal = texts(console.press("chef", button(out, "Ohne Notiz")))
    assert "nur noch 10 m² frei" in refusal
    assert "Gerade ist nichts offen" in texts(console.say("chef", "abbrechen"))


def test_deadline_nudge_can_be_switched_off_per_person(console: ConsoleBot) -> None:
    member(console, "bernd", "Spreewerk GmbH", "BB")
    code = invite_code(console.say("chef", "/einladung Spreewerk"))
    console.say("berta", f"/start {code}")
    console.now("2026-02-03T09:00:00+01:00")  # a delivery run plans the nudges
    # /erinnerungen belongs to the reminders feature; switch the kind off the way it does
    # (its label there is tested in test_fair_reminders).
    switch_off(console, "bernd", "fair.deadline")
    nudges = console.now("2026-03-20T10:00:00+01:00")
    assert "Insidertreff" in texts(nudges, "berta")
    assert "Insidertreff" not in texts(nudges, "bernd")
