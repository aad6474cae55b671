"""Checking catalogue files: the shipped plans are valid; problems come with their lines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from handlers.catalogue.texts import problem_text
from storage.catalogue import CatalogueInvalid, Problem, decode, from_text, load
from storage.catalogue.lines import locate
from tests.catalogue.helpers import EXAMPLE_2027, PLAN_2026

HEAD = '[cluster]\nname = "X"\nmax_members = 3\n'


def problems(text: str) -> list[Problem]:
    with pytest.raises(CatalogueInvalid) as err:
        from_text(text)
    return err.value.problems


def test_the_2027_example_is_valid_and_follows_the_2026_rhythm() -> None:
    assert "BEISPIEL" in EXAMPLE_2027.read_text(encoding="utf-8").splitlines()[1]
    cat, old = load(EXAMPLE_2027), load(PLAN_2026)
    events = {e.key: e for e in cat.data.events}
    assert all(e.start.year == 2027 for e in events.values())
    assert all(e.start.weekday() == 3 for k, e in events.items()
               if k.startswith(("netzwerk", "generationendialog", "girls")))  # Thursdays
    assert events["girls-boys-day-2027"].start.month == 4
    assert {e.kind for e in events.values()} == {"intern", "extern", "info"}
    assert [f.days[0].weekday() for f in cat.data.fairs] == [5, 5]  # Saturdays, as in 2026
    week = cat.data.schau_rein
    assert week is not None and week.first_day.weekday() == 0 and week.last_day.weekday() == 5
    series = cat.data.stammtisch
    assert series is not None and series.every_days == 14 and series.first.year == 2027
    assert series.first.time() == old.data.stammtisch.first.time()  # type: ignore[union-attr]
    meetings = {series.first.date() + timedelta(days=14 * n) for n in range(26)}
    assert not meetings & {e.start.date() for e in events.values() if e.kind == "intern"}
    assert {c.key for c in cat.data.companies} == {c.key for c in old.data.companies}


@pytest.mark.parametrize(("text", "line", "code", "needle"), [
    (HEAD + "[[events]]\nkey = \"a\"\ntitle = \"A\"\nstart = 2027-03-04\n", 7, "type",
     "Datum und Uhrzeit"),
    (HEAD + "[[events]]\nkey = \"a\"\ntitle = \"A\"\nstart = 2027-03-04T10:00:00\n"
     "ort = \"X\"\n", 8, "unknown_field", "„ort“ kenne ich nicht"),
    (HEAD + "[[events]]\nkey = \"a\"\nstart = 2027-03-04T10:00:00\n", 4, "missing",
     "Pflichtfeld „title“ fehlt"),
    (HEAD + "[[events]]\nkey = \"a\"\ntitle = \"A\"\nstart = 2027-03-04T10:00:00\n"
     "deadline = 2027-03-05T10:00:00\n", 8, "deadline_after_start", "Anmeldefrist"),
    (HEAD + "[[events]]\nkey = \"Groß\"\ntitle = \"A\"\nstart = 2027-03-04T10:00:00\n", 5,
     "pattern", "Kleinbuchstaben"),
    (HEAD + "[[fairs]]\nkey = \"f\"\ntitle = \"F\"\ndays = [2027-05-09, 2027-05-08]\n"
     "deadline = 2027-04-01T00:00:00\ncapacity_m2 = 10\n", 7, "days_unsorted", "aufsteigend"),
    (HEAD + "[[fairs]]\nkey = \"f\"\ntitle = \"F\"\ndays = [2027-05-08]\n"
     "deadline = 2027-04-01T00:00:00\ncapacity_m2 = 10\nsetup = \"8 Uhr\"\n", 10, "pattern",
     "HH:MM"),
    (HEAD + "[schau_rein]\nkey = \"s\"\ntitle = \"S\"\nfirst_day = 2027-03-08\n"
     "last_day = 2027-03-13\nstate = \"XX\"\ndeadline = 2027-02-19T23:59:00\n", 9, "choice",
     "„state“ muss eins davon sein"),
    (HEAD + "[schau_rein]\nkey = \"s\"\ntitle = \"S\"\nfirst_day = 2027-03-08\n"
     "last_day = 2027-03-13\nstate = \"SN\"\ndeadline = 2027-02-19T23:59:00\nsupport = [\n"
     "  { key = \"a\", label = \"A\" },\n  { key = \"b\" },\n]\n", 13, "missing", "„label“"),
    (HEAD + "[film_series]\ninterested = [\"gibtsnicht\"]\n", 5, "unknown_company",
     "„gibtsnicht“ steht nicht unter [[companies]]"),
    (HEAD + "[[companies]]\nkey = \"a\"\nname = \"A\"\n[[companies]]\nkey = \"b\"\nname = \"a\"\n",
     9, "duplicate", "Der Name „a“ kommt doppelt vor (zuerst in Zeile 4)"),
    (HEAD + "[stammtisch]\nfirst = 2027-01-14T13:00:00\nevery_days = 0\n", 6, "too_small",
     "mindestens 1"),
    (HEAD + "[[events]]\nkey = \"a\"\ntitle = \"A\"\nstart = 2027-02-30T10:00:00\n", 7,
     "syntax", "TOML-Syntaxfehler"),
    ('[cluster]\nname = """lang\n[x]\n"""\nmax_members = 3\nmax_members = 4\n', 6, "syntax",
     "steht doppelt"),
])
def test_problems_name_their_line(text: str, line: int, code: str, needle: str) -> None:
    found = problems(text)
    assert [(p.line, p.code) for p in found] == [(line, code)], found
    assert problem_text(found[0]).startswith(f"Zeile {line}: ")
    assert needle in problem_text(found[0])


def test_every_problem_at_once_and_a_missing_cluster() -> None:
    found = problems("[[events]]\nkey = \"a\"\ntitle = 3\n")
    assert {p.code for p in found} == {"missing", "type"}
    assert any("„cluster“" in problem_text(p) for p in found)


def test_not_utf8_is_named() -> None:
    with pytest.raises(CatalogueInvalid) as err:
        decode(b'[cluster]\nname = "M\xfcller"\n')
    assert err.value.problems[0].line == 2 and "UTF-8" in problem_text(err.value.problems[0])
    assert decode("\ufeff[cluster]".encode()) == "[cluster]"  # a BOM is fine


def test_lines_follow_strings_arrays_and_dotted_keys() -> None:
    text = ('a.b = "x # ]"\n[t]\ns = \'\'\'\n[[nope]]\n\'\'\'\nlist = [\n  1,\n  # c\n  2,\n]\n'
            '[[t.items]]\nk = { x = 1 }\n[[t.items]]\nk = 2\n')
    found = locate(text)
    assert found[("a", "b")] == 1 and found[("t", "s")] == 3
    assert found[("t", "list", 0)] == 7 and found[("t", "list", 1)] == 9
    assert found[("t", "items", 0, "k", "x")] == 12 and found[("t", "items", 1, "k")] == 14
    assert ("nope",) not in found


def test_dates_in_the_past_are_fine_for_history() -> None:
    assert load(PLAN_2026).data.events[0].start.date() == date(2026, 3, 5)
