"""/termine end to end: every kind of date in order, filters, the buttons that act on them."""

from __future__ import annotations

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts


def _order(listing: str, *titles: str) -> list[int]:
    return [listing.index(title) for title in titles]


def test_termine_lists_every_kind_in_date_order(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    out = console.say("anna", "/termine")
    listing = texts(out)
    assert "Kommende Termine" in listing
    at = _order(listing, "Social Media Stammtisch", "Netzwerktreffen: Ausbildungs-Marketing",
                "Schau rein!", "Azubi Speed Dating Weißwasser", "Azubi Speed Dating Görlitz",
                "Girls' Day", "Insidertreff", "Regionale Ausbildungscluster",
                "Oberlausitzer Karrieretage", "Generationendialog Teil 2 – Runde Brandenburg")
    assert at == sorted(at)
    assert listing.count("Social Media Stammtisch") == 1  # only the next meeting
    assert "Do, 5. Februar 2026, 13:00 Uhr" in texts(card(out, "Social Media Stammtisch"))
    fair = card(out, "Insidertreff")
    assert "Standplatz anfragen bis" in texts(fair) and "Blumenhalle Löbau" in texts(fair)
    assert "Anmelden" in [b["label"] for b in card(out, "Ausbildungs-Marketing")[0]["buttons"]]
    # Zemmler is in Brandenburg: Schau rein is shown, but there is nothing to press.
    assert card(out, "Schau rein!")[0].get("buttons", []) == []
    labels = [b["label"] for b in out[0]["buttons"]]
    assert labels == ["• Alle", "Treffen", "Messen", "Schau rein", "Stammtisch", "Aktionstage"]


def test_filters_show_one_kind_and_the_booth_button_opens_the_request(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    out = console.say("anna", "/termine")
    fairs = console.press("anna", button(out, "Messen"))
    shown = texts(fairs)
    assert "Kommende Termine – Messen (2)" in shown
    assert "Insidertreff" in shown and "Karrieretage" in shown
    assert "Netzwerktreffen" not in shown and "Stammtisch" not in shown
    assert "• Messen" in [b["label"] for b in fairs[0]["buttons"]]
    ask = console.press("anna", button(card(fairs, "Insidertreff"), "Standplatz anfragen"))
    assert "Mit wie vielen Personen seid ihr am Stand" in texts(ask)  # the fair is chosen

    other = console.press("anna", button(fairs, "Aktionstage"))
    assert "Speed Dating" in texts(other) and "Girls' Day" in texts(other)
    assert "Insidertreff" not in texts(other)
    meetings = console.press("anna", button(other, "Treffen"))
    assert "Ausbildungs-Marketing" in texts(meetings) and "Speed Dating" not in texts(meetings)
    everything = console.press("anna", button(meetings, "Alle"))
    assert "Insidertreff" in texts(everything) and "Speed Dating" in texts(everything)


def test_schau_rein_and_stammtisch_buttons(console: ConsoleBot) -> None:
    join(console, "ben", "Pragma")  # no state known yet: Schau rein may be for them
    out = console.say("ben", "/termine")
    join_it = console.press("ben", button(card(out, "Schau rein!"), "Mitmachen"))
    assert "In welchem Bundesland" in texts(join_it)
    console.say("ben", "abbrechen")
    meeting = console.press("ben", button(card(out, "Social Media Stammtisch"), "Stammtisch"))
    assert "Nächste Termine" in texts(meeting)


def test_after_the_deadline_the_fair_says_whom_to_ask_and_a_guest_only_reads(
    console: ConsoleBot,
) -> None:
    console.now("2026-04-20T09:00:00+02:00")
    join(console, "anna", "Zemmler")
    fair = texts(card(console.say("anna", "/termine"), "Insidertreff"))
    assert "Anfragefrist vorbei" in fair
    guest = console.say("gast", "/termine")
    assert "Insidertreff" in texts(guest)
    on_cards = [b["label"] for m in guest[1:] for b in m.get("buttons", [])]  # not the filters
    assert "Standplatz anfragen" not in on_cards and "Stammtisch" not in on_cards


def test_when_only_the_stammtisch_is_left_the_new_plan_follows(console: ConsoleBot) -> None:
    console.now("2026-12-07T09:00:00+01:00")
    out = console.say("anna", "/termine")
    shown = texts(out)
    assert "Der neue Jahresplan folgt" in shown
    assert "Social Media Stammtisch" in shown and "Do, 10. Dezember 2026, 13:00 Uhr" in shown
    assert "Kommende Termine" not in shown
