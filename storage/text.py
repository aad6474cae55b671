"""Text as it may be stored and exported: the same rules on SQLite and PostgreSQL.

PostgreSQL refuses NUL in text columns and enforces `VARCHAR(n)`; SQLite takes both. Excel
files (openpyxl) refuse most control characters. So free text is cleaned once where it
enters (the router calls `clean_text`/`clean_line` for every update of every transport),
again when rows are written (`check_row`: a last guard for text from other sources, such as
catalogue files) and when a table is exported (rows stored before these rules).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.types import TypeDecorator

from storage.errors import DomainError

# Direction overrides and isolates: they let a name display as something else.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACES = re.compile(r"\s+")
_NEWLINES = re.compile(r"\r\n?")


def _kept(ch: str, *, newlines: bool) -> bool:
    if ch == "\n":
        return newlines
    if ch in _BIDI:
        return False
    # Cc: C0/C1 control characters incl. NUL and DEL; Cs: lone surrogates (no valid UTF-8).
    return unicodedata.category(ch) not in ("Cc", "Cs")


def clean_text(value: str) -> str:
    """Return free text without control characters (line breaks stay, tabs become spaces)."""
    value = _NEWLINES.sub("\n", value).replace("\t", " ")
    if value.isascii() and value.isprintable():  # the usual case: nothing to do
        return value
    value = "".join(ch for ch in value if _kept(ch, newlines=True))
    return unicodedata.normalize("NFC", value)


def clean_line(value: str) -> str:
    """Return a one-line value (a name): no control characters, whitespace runs as one space."""
    value = value if value.isascii() and value.isprintable() else "".join(
        ch if _kept(ch, newlines=False) else " " if ch in "\n\r\t" else ""
        for ch in unicodedata.normalize("NFC", value))
    return _SPACES.sub(" ", value).strip()


def check_row(row: Any) -> None:
    """Clean a row's text columns and refuse values longer than their column allows.

    Raises DomainError("text_too_long", max=n) (a German answer, the unit rolls back) on both
    databases alike: SQLite would store the long value, PostgreSQL would fail.
    """
    state = inspect(row, raiseerr=False)
    if state is None:
        return
    loaded, new = state.dict, state.key is None  # only what is in memory: no lazy loads
    for attr in state.mapper.column_attrs:
        kind = attr.columns[0].type
        if isinstance(kind, TypeDecorator):  # sqlmodel's AutoString wraps a String
            kind = kind.impl_instance
        value = loaded.get(attr.key)
        if not isinstance(kind, String) or not isinstance(value, str):
            continue
        if not new and not state.attrs[attr.key].history.has_changes():
            continue  # a stored value that is not changed now is not checked again
        cleaned = clean_text(value)
        if cleaned != value:
            setattr(row, attr.key, cleaned)
        if kind.length is not None and len(cleaned) > kind.length:
            raise DomainError("text_too_long", max=kind.length, field=attr.key)
