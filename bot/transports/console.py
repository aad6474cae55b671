"""Console transport: an interactive terminal chat, and a JSONL mode for scripts and tests.

JSONL: one JSON object per input line ({"from", "text"} | {"from", "press"} | {"now"} |
{"from", "file"}: a local file sent as an attachment, optionally with "text" as its caption);
one JSON object per bot message ({"to", "text", "buttons", "file"}), then {"done": N}.
Interactively, `/datei PFAD` sends a file.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from bot.chat import (
    MAX_ATTACHMENT,
    Address,
    Attachment,
    Handler,
    Incoming,
    Person,
    Reply,
    plain_text,
)

Advance = Callable[[datetime], Awaitable[None]]


class ConsoleTransport:
    """Reads people's input from stdin and writes the bot's messages to stdout."""

    platform = "console"
    numbered = True

    def __init__(self, *, out: TextIO | None = None, files_dir: Path | None = None) -> None:
        self.out = out or sys.stdout
        self.files_dir = files_dir or Path(tempfile.mkdtemp(prefix="clusterbot-files-"))
        self.jsonl = True
        self._handle: Handler | None = None
        self._files = 0
        self._numbered = 0  # buttons numbered so far in this answer (the router counts on)

    async def start(self, handle: Handler) -> None:
        """Remember the handler (input is read by run_jsonl / run_interactive)."""
        self._handle = handle

    async def stop(self) -> None:
        """Nothing to close."""

    async def send(self, address: Address, reply: Reply) -> None:
        """Print one message (scheduled deliveries and direct replies alike)."""
        self._numbered = 0
        self._emit(address.chat_id, reply)

    def _emit(self, to: str, reply: Reply) -> None:
        if self.jsonl:
            self._write(self._as_json(to, reply))
        else:
            self._print_human(to, reply)

    def _as_json(self, to: str, reply: Reply) -> dict[str, Any]:
        obj: dict[str, Any] = {"to": to, "text": plain_text(reply.text)}
        if reply.buttons:
            obj["buttons"] = [{"id": b.id, "label": b.label} for b in reply.flat_buttons()]
        if reply.file is not None:
            obj["file"] = self._save(reply)
        return obj

    def _save(self, reply: Reply) -> dict[str, str]:
        assert reply.file is not None
        self._files += 1
        path = self.files_dir / f"{self._files:04d}-{reply.file.name}"
        path.write_bytes(reply.file.data)  # a few KB to a local disk: not worth a thread hop
        return {"name": reply.file.name, "mime": reply.file.mime, "path": str(path.resolve())}

    def _write(self, obj: dict[str, Any]) -> None:
        self.out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.out.flush()

    def _print_human(self, to: str, reply: Reply) -> None:
        lines = [f"\n[an {to}] {plain_text(reply.text)}"]
        for i, b in enumerate(reply.flat_buttons(), start=self._numbered + 1):
            lines.append(f"   [{i}] {b.label}")
            self._numbered = i
        if reply.file is not None:
            lines.append(f"   📎 {self._save(reply)['path']}")
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    async def _dispatch(self, incoming: Incoming) -> None:
        assert self._handle is not None
        self._numbered = 0
        for reply in await self._handle(incoming):
            self._emit(incoming.chat.chat_id, reply)

    async def run_jsonl(self, source: TextIO, advance: Advance) -> None:
        """Process JSONL input until EOF."""
        self.jsonl = True
        number = 0
        while line := await asyncio.to_thread(source.readline):
            number += 1
            try:
                await self._jsonl_line(line, advance)
            except InputError as err:
                self._write({"error": str(err), "line": number})
            self._write({"done": number})

    async def _jsonl_line(self, line: str, advance: Advance) -> None:
        if not line.strip():
            raise InputError("leere Zeile")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"kein gültiges JSON: {err.msg}") from None
        if not isinstance(obj, dict):
            raise InputError("erwartet ein JSON-Objekt")
        if "now" in obj:
            try:
                await advance(parse_now(obj["now"]))
            except ValueError as err:  # e.g. the clock cannot go backwards
                raise InputError(str(err)) from None
            return
        name = obj.get("from")
        if not isinstance(name, str) or not name.strip():
            raise InputError('"from" fehlt')
        text, press, file = obj.get("text"), obj.get("press"), obj.get("file")
        if not all(isinstance(v, str | None) for v in (text, press, file)):
            raise InputError('"text", "press" und "file" müssen Zeichenketten sein')
        if file is not None:
            if press is not None:
                raise InputError('"file" geht mit "text" (Bildunterschrift), nicht mit "press"')
            await self._dispatch(incoming(name.strip(), text=text,
                                          attachment=await read_attachment(Path(file))))
            return
        if (text is None) == (press is None):
            raise InputError('genau eins von "text", "press" oder "file" angeben')
        await self._dispatch(incoming(name.strip(), text=text, press=press))

    async def run_interactive(self, source: TextIO, name: str, admin: str = "") -> None:
        """Chat in the terminal as `name`; `/als NAME` switches, numbers press buttons."""
        self.jsonl = False
        hint = f" (/als {admin}: Admin)" if admin else ""
        self.out.write(f"Konsole – du bist „{name}“. /als NAME wechselt{hint}, Strg-D beendet.\n")
        while True:
            self.out.write(f"{name}> ")
            self.out.flush()
            line = await asyncio.to_thread(source.readline)
            if not line:
                return
            text = line.strip()
            if text.startswith("/als "):
                name = text[5:].strip() or name
                continue
            if text.startswith("/datei "):
                try:
                    sent = await read_attachment(Path(text[7:].strip()))
                except InputError as err:
                    self.out.write(f"{err}\n")
                    continue
                await self._dispatch(incoming(name, attachment=sent))
                continue
            option = int(text) if text.isdigit() and len(text) <= 3 else None
            await self._dispatch(incoming(name, text=text, option=option))


class InputError(ValueError):
    """A JSONL line the console cannot use (answered with an error object)."""


def person(name: str) -> Person:
    """Return the chat identity of a console user."""
    return Person("console", name, name)


def incoming(name: str, *, text: str | None = None, press: str | None = None,
             option: int | None = None, attachment: Attachment | None = None) -> Incoming:
    """Build the Incoming of a console user."""
    return Incoming(person(name), Address("console", name), text=text,
                    press=press, option=option, attachment=attachment)


async def read_attachment(path: Path) -> Attachment:
    """Read a local file as if it had been sent in a chat (not read when too large)."""
    try:
        path = await asyncio.to_thread(path.expanduser)
        size = (await asyncio.to_thread(path.stat)).st_size
        if size > MAX_ATTACHMENT:
            return Attachment(path.name, _mime(path), None, size)
        data = await asyncio.to_thread(path.read_bytes)
    except OSError as err:
        raise InputError(f"Datei nicht lesbar: {path} ({err.strerror})") from None
    return Attachment(path.name, _mime(path), data, len(data))


def _mime(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def parse_now(value: object) -> datetime:
    """Parse an ISO timestamp with zone for the moved clock."""
    if not isinstance(value, str):
        raise InputError('"now" braucht einen ISO-Zeitstempel mit Zeitzone')
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"ungültige Zeit: {value}") from None
    if when.tzinfo is None:
        raise InputError("Zeitangabe braucht eine Zeitzone, z. B. +01:00")
    return when
