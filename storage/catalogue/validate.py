"""Check a catalogue text: TOML syntax, the schema, and the rules across entries, with lines.

Every problem is a `Problem(line, code, path, info)`; the German sentence for each code is
written by the chat side (handlers/catalogue/texts.py), the storage only names what is wrong
and where. Nothing here touches the database.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from storage.catalogue.lines import Path, line_of, locate
from storage.catalogue.schema import KEYED_LISTS, CatalogueFile

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")
# Errors raised by the schema's own checks name the field they are about.
_RULE_FIELD = {"end_before_start": "end", "deadline_after_start": "deadline",
               "days_unsorted": "days", "last_before_first": "last_day"}
_TYPES = {
    "datetime_type": "datetime", "datetime_parsing": "datetime", "date_type": "date",
    "date_parsing": "date", "int_type": "int", "int_parsing": "int", "string_type": "str",
    "list_type": "list", "model_type": "table", "dict_type": "table", "bool_type": "bool",
    "model_attributes_type": "table", "float_type": "int",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalogue file: where (line, path) and what (code, info)."""

    line: int | None
    code: str
    path: Path = ()
    info: dict[str, Any] = field(default_factory=dict)


class CatalogueInvalid(ValueError):
    """The file cannot be used; `problems` says why, line by line."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = problems
        self.source = source
        first = problems[0] if problems else Problem(None, "empty")
        where = f"line {first.line}: " if first.line else ""
        super().__init__(f"{source or 'catalogue'}: {where}{first.code} {first.path} "
                         f"{first.info} ({len(problems)} problem(s))")


def parse_text(text: str, *, source: str = "") -> tuple[CatalogueFile, dict[str, Any]]:
    """Return the typed file and its normalised raw form; raise CatalogueInvalid if unusable."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise CatalogueInvalid([_syntax(str(err))], source) from None
    if not raw:  # an empty file, or only comments: one clear problem, not "cluster missing"
        raise CatalogueInvalid([Problem(None, "no_content")], source)
    lines = locate(text)
    problems = _across(raw, lines)  # also when the schema refuses: every problem at once
    try:
        typed = CatalogueFile.model_validate(raw)
    except ValidationError as err:
        problems += [_problem(e, lines) for e in err.errors()]
        raise CatalogueInvalid(_sorted(problems), source) from None
    if problems:
        raise CatalogueInvalid(_sorted(problems), source)
    # The features read sections as dicts: give them the checked values, not the raw ones.
    return typed, typed.model_dump(exclude_unset=True)


def decode(data: bytes, *, source: str = "") -> str:
    """Return the text of an uploaded file (UTF-8, a BOM is allowed); raise if it is not text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise CatalogueInvalid([Problem(line, "encoding")], source) from None


def _syntax(message: str) -> Problem:
    m = _AT.search(message)
    if m:
        return Problem(int(m.group(1)), "syntax",
                       info={"message": message[:m.start()], "column": int(m.group(2))})
    return Problem(None, "syntax", info={"message": _AT_END.sub("", message)})


def _problem(e: ErrorDetails, lines: dict[Path, int]) -> Problem:
    path: Path = tuple(e["loc"])
    kind = e["type"]
    ctx = e.get("ctx") or {}
    if kind == "value_error":
        code = str(ctx.get("error", "")).strip() or "invalid"
        if code in _RULE_FIELD:
            path = (*path, _RULE_FIELD[code])
            return Problem(line_of(lines, path), code, path)
        return Problem(line_of(lines, path), "invalid", path, {"message": e["msg"]})
    if kind == "missing":
        return Problem(line_of(lines, path[:-1]), "missing", path, {"field": path[-1]})
    if kind == "extra_forbidden":
        return Problem(line_of(lines, path), "unknown_field", path, {"field": path[-1]})
    info: dict[str, Any] = {"field": _field(path)}
    if kind in _TYPES:
        return Problem(line_of(lines, path), "type", path, {**info, "expected": _TYPES[kind]})
    if kind in ("literal_error", "enum"):
        return Problem(line_of(lines, path), "choice", path,
                       {**info, "allowed": str(ctx.get("expected", ""))})
    if kind in ("greater_than_equal", "greater_than", "too_short"):
        limit = ctx.get("ge", ctx.get("gt", ctx.get("min_length")))
        code = "too_few" if kind == "too_short" else "too_small"
        return Problem(line_of(lines, path), code, path, {**info, "limit": limit})
    if kind in ("less_than_equal", "less_than", "too_long"):
        limit = ctx.get("le", ctx.get("lt", ctx.get("max_length")))
        return Problem(line_of(lines, path), "too_large", path, {**info, "limit": limit})
    if kind == "string_pattern_mismatch":
        return Problem(line_of(lines, path), "pattern", path, info)
    if kind == "string_too_short":
        return Problem(line_of(lines, path), "empty", path, info)
    if kind == "string_too_long":
        return Problem(line_of(lines, path), "too_long", path,
                       {**info, "limit": ctx.get("max_length")})
    return Problem(line_of(lines, path), "invalid", path, {**info, "message": e["msg"]})


def _field(path: Path) -> str:
    """Return the last name in a path (the field, not a list index)."""
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else ""


def _across(raw: dict[str, Any], lines: dict[Path, int]) -> list[Problem]:
    """Rules across entries: unique keys (and company names), film companies must exist."""
    problems: list[Problem] = []
    for section in KEYED_LISTS:
        entries = _tables(raw.get(section))
        problems += _unique(section, "key", [e.get("key") for e in entries], lines)
        if section == "companies":
            names = [n.lower() if isinstance(n := e.get("name"), str) else None for e in entries]
            problems += _unique(section, "name", names, lines)
    films = raw.get("film_series")
    interested = films.get("interested") if isinstance(films, dict) else None
    if isinstance(interested, list):
        known = {e.get("key") for e in _tables(raw.get("companies"))}
        for n, key in enumerate(interested):
            if isinstance(key, str) and key not in known:
                path: Path = ("film_series", "interested", n)
                problems.append(Problem(line_of(lines, path), "unknown_company", path,
                                        {"key": key}))
    return problems


def _tables(value: object) -> list[dict[str, Any]]:
    """Return the tables of an array of tables (anything else is the schema's to refuse)."""
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _unique(section: str, name: str, values: list[Any],
            lines: dict[Path, int]) -> list[Problem]:
    first: dict[str, int] = {}
    out: list[Problem] = []
    for n, value in enumerate(values):
        if not isinstance(value, str):
            continue  # missing or not text: the schema says so
        if value not in first:
            first[value] = n
            continue
        path: Path = (section, n, name)
        out.append(Problem(line_of(lines, path), "duplicate", path, {
            "field": name, "value": value, "first_line": line_of(lines, (section, first[value])),
        }))
    return out


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))
