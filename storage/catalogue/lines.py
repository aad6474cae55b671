"""Where things are in a TOML text: the line of every table, key and array element.

tomllib gives values without positions (and tomlkit exposes none publicly), so a refused entry
would be reported without a line. This small scanner follows TOML's structure just far enough:
table headers (`[a.b]`, `[[a]]` counted per array), `key = value` lines (dotted and quoted
keys), inline tables and multi-line arrays (each element's first line), strings of all four
kinds (so brackets and `#` inside them are text). It only runs on files tomllib accepted.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def locate(text: str) -> dict[Path, int]:
    """Return the 1-based line of every table, key and array element, by its path."""
    return _Scanner(text).run()


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """Return the line of `path` or of the nearest enclosing thing that has one."""
    for end in range(len(path), 0, -1):
        found = lines.get(path[:end])
        if found is not None:
            return found
    return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.line = 1
        self.found: dict[Path, int] = {}
        self.table: Path = ()
        self.arrays: dict[Path, int] = {}  # [[a]] seen so far, per array path

    def run(self) -> dict[Path, int]:
        while self._skip_blank():
            if self._peek() == "[":
                self._header()
            else:
                self._pair(self.table)
        return self.found

    # -- structure -------------------------------------------------------------------------
    def _header(self) -> None:
        line = self.line
        many = self.s.startswith("[[", self.i)
        self.i += 2 if many else 1
        keys = self._key()
        self.i += 2 if many else 1  # "]]" or "]"
        path: Path = tuple(keys)
        if many:
            index = self.arrays.get(path, -1) + 1
            self.arrays[path] = index
            self.found.setdefault(path, line)
            path = (*path, index)
        else:
            path = self._resolve(path)
        self.found.setdefault(path, line)
        self.table = path

    def _resolve(self, keys: Path) -> Path:
        """Insert array indices: [a.b] under the last [[a]] means a.<last index>.b."""
        out: list[str | int] = []
        for key in keys:
            out.append(key)
            if tuple(out) in self.arrays:
                out.append(self.arrays[tuple(out)])
        return tuple(out)

    def _pair(self, base: Path) -> None:
        line = self.line
        path = (*base, *self._key())
        self.found.setdefault(path, line)
        self._skip_spaces()
        self.i += 1  # "="
        self._skip_spaces()
        self._value(path)

    def _value(self, path: Path) -> None:
        c = self._peek()
        if c == "[":
            self._array(path)
        elif c == "{":
            self._inline_table(path)
        elif c in "\"'":
            self._string()
        else:
            while self.i < len(self.s) and self.s[self.i] not in ",]}\n#":
                self.i += 1

    def _array(self, path: Path) -> None:
        self.i += 1
        index = 0
        while True:
            self._skip_blank(in_array=True)
            if self._peek() == "]":
                self.i += 1
                return
            self.found.setdefault((*path, index), self.line)
            self._value((*path, index))
            self._skip_blank(in_array=True)
            if self._peek() == ",":
                self.i += 1
            index += 1

    def _inline_table(self, path: Path) -> None:
        self.i += 1
        while True:
            self._skip_spaces()
            if self._peek() in ("}", ""):
                self.i += 1
                return
            if self._peek() == ",":
                self.i += 1
                continue
            self._pair(path)

    # -- tokens ----------------------------------------------------------------------------
    def _key(self) -> list[str]:
        keys: list[str] = []
        while True:
            self._skip_spaces()
            c = self._peek()
            if c in "\"'":
                start = self.i
                self._string()
                keys.append(self.s[start + 1:self.i - 1])
            else:
                m = _BARE.match(self.s, self.i)
                end = m.end() if m else self.i
                keys.append(self.s[self.i:end])
                self.i = end
            self._skip_spaces()
            if self._peek() != ".":
                return keys
            self.i += 1

    def _string(self) -> None:
        quote = self.s[self.i]
        triple = self.s.startswith(quote * 3, self.i)
        self.i += 3 if triple else 1
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == "\\" and quote == '"':
                self._advance(2)
                continue
            if triple and self.s.startswith(quote * 3, self.i):
                self.i += 3
                while self._peek() == quote:  # up to two quotes may close the content
                    self.i += 1
                return
            if not triple and c == quote:
                self.i += 1
                return
            self._advance(1)

    def _advance(self, n: int) -> None:
        for _ in range(n):
            if self.i < len(self.s) and self.s[self.i] == "\n":
                self.line += 1
            self.i += 1

    def _skip_spaces(self) -> None:
        while self._peek() in (" ", "\t"):
            self.i += 1

    def _skip_blank(self, *, in_array: bool = False) -> bool:
        """Skip whitespace, newlines and comments; tell whether anything is left."""
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
            elif c in " \t\r\n":
                self._advance(1)
            elif c == "," and not in_array:
                self.i += 1
            else:
                return True
        return False

    def _peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""
