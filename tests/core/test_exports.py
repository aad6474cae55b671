"""Export rendering: German Excel CSV and XLSX, safe against formula cells."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from handlers.core.exports import Table, to_csv, to_xlsx

TABLE = Table("Test", ["Firma", "Telefon", "Datum", "Personen"], [
    ["Müller & Söhne", "+49 355 123", date(2026, 3, 5), 2],
    ["=HYPERLINK(\"x\")", "-", None, 0],
])


def test_csv_for_german_excel() -> None:
    data = to_csv(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Firma;Telefon;Datum;Personen"
    assert lines[1] == "Müller & Söhne;'+49 355 123;05.03.2026;2"
    assert lines[2] == '"\'=HYPERLINK(""x"")";\'-;;0'


def test_xlsx_keeps_dates_and_never_makes_formulas() -> None:
    ws = load_workbook(io.BytesIO(to_xlsx(TABLE))).active
    assert [c.value for c in ws[1]] == ["Firma", "Telefon", "Datum", "Personen"]
    assert ws["C2"].value.date() == date(2026, 3, 5) and ws["C2"].number_format == "DD.MM.YYYY"
    assert ws["A3"].data_type == "s" and ws["A3"].value.startswith("=HYPERLINK")
    assert ws["A1"].font.bold
