"""`/export <was>`: tables as CSV for German Excel and as XLSX; features register their tables."""

from __future__ import annotations

import asyncio
import codecs
import csv
import io
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.chat import FileOut
from handlers.core import texts as t
from handlers.core.context import Ctx, UsageError
from handlers.core.format import esc, fmt_short_date, plural
from storage.text import clean_text

Cell = str | int | float | date | datetime | None
LIST_SEP = "; "  # a list in one cell ("Podcast; Fotos"): a label's own comma stays readable


@dataclass(frozen=True)
class Table:
    """A titled table: header row plus data rows."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Cell]]


Producer = Callable[[Ctx, str], Awaitable[Table]]


def spread(name: str, lists: Sequence[Sequence[Cell]]) -> tuple[list[str], list[list[Cell]]]:
    """Spread lists (a request's days) over columns "Tag 1", "Tag 2", ...: one cell each.

    Every row gets as many cells as the longest list (at least one), so each date stays a
    real date cell in the spreadsheet instead of text.
    """
    width = max([1, *(len(x) for x in lists)])
    columns = [name] if width == 1 else [f"{name} {i}" for i in range(1, width + 1)]
    return columns, [[*x, *([None] * (width - len(x)))] for x in lists]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def to_csv(table: Table) -> bytes:
    """Render CSV for German Excel: semicolons, UTF-8 with BOM, dates as TT.MM.JJJJ."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([[_csv_cell(c) for c in row] for row in table.rows])
    return codecs.BOM_UTF8 + buf.getvalue().encode("utf-8")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = clean_text(value)
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return fmt_short_date(value)
    text = str(value)
    # Excel runs cells starting like a formula ("=…", "+49 …" phone numbers): keep them text.
    return f"'{text}" if isinstance(value, str) and text[:1] in _FORMULA_START else text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_xlsx(table: Table) -> bytes:
    """Render an .xlsx workbook with a bold header, German date formats and fitted columns."""
    # Imported here: openpyxl costs a tenth of a second at every start for a rare command.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = clean_text(table.title)[:31]
    ws.append([clean_text(c) for c in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        # Rows stored before text was cleaned at the edge may hold control characters,
        # which openpyxl refuses: clean every text cell.
        ws.append([_xlsx_cell(v) for v in row])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # a typed "=…" is text, never a formula
                cell.data_type = "s"
    for col in ws.iter_cols(min_row=2):
        for cell in col:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD.MM.YYYY HH:MM"
            elif isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
    for i, name in enumerate(table.columns, start=1):
        width = max([len(str(name))] + [len(_csv_cell(r[i - 1])) for r in table.rows])
        ws.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xlsx_cell(value: Cell) -> Cell:
    if isinstance(value, str):
        return clean_text(value)
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


class Exports:
    """Registry of export kinds (`/export anmeldungen`, `/export medientage`, ...)."""

    def __init__(self) -> None:
        self._producers: dict[str, tuple[str, Producer]] = {}

    def add(self, kind: str, label: str, producer: Producer) -> None:
        """Register an export kind; the producer gets the ctx and the rest of the arguments."""
        self._producers[kind] = (label, producer)

    def kinds(self) -> list[tuple[str, str]]:
        """Return (kind, German label) of every export, in registration order."""
        return [(kind, label) for kind, (label, _) in self._producers.items()]

    async def run(self, ctx: Ctx) -> None:
        """Handle `/export <kind> [filter]`: send the CSV and the XLSX file."""
        kind, _, rest = ctx.args.partition(" ")
        if kind.lower() not in self._producers:
            kinds = ", ".join(f"<code>{k}</code>" for k in self._producers)
            raise UsageError(t.EXPORT_USAGE.format(kinds=kinds))
        label, producer = self._producers[kind.lower()]
        table = await producer(ctx, rest.strip())
        stamp = ctx.now.astimezone(ctx.tz).strftime("%Y-%m-%d")
        base = f"{kind.lower()}-{stamp}"
        ctx.audit("export", kind=kind.lower(), filter=rest.strip(), rows=len(table.rows))
        local = _localised(table, ctx)
        # openpyxl is CPU-bound (tens of ms for a large list): keep it off the event loop.
        csv_data, xlsx_data = await asyncio.to_thread(lambda: (to_csv(local), to_xlsx(local)))
        rows = plural(len(table.rows), "Zeile", "Zeilen")
        ctx.say(t.EXPORT_DONE.format(label=esc(label), rows=rows),
                file=FileOut(f"{base}.csv", "text/csv", csv_data))
        ctx.say(t.EXPORT_XLSX, file=FileOut(f"{base}.xlsx", XLSX_MIME, xlsx_data))


def _localised(table: Table, ctx: Ctx) -> Table:
    """Show aware datetimes in the cluster's zone: Excel cells carry no zone."""
    rows = [
        [v.astimezone(ctx.tz) if isinstance(v, datetime) and v.tzinfo else v for v in row]
        for row in table.rows
    ]
    return Table(table.title, table.columns, rows)
