"""Drive the real `python -m bot console --jsonl` process, line by line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[2]


class ConsoleBot:
    """One running console process; `say`/`press`/`now` return the messages it printed."""

    def __init__(
        self, workdir: Path, *, now: str, admins: str = "console:chef",
        database_url: str | None = None, env: dict[str, str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.database_url = database_url or f"sqlite+aiosqlite:///{workdir / 'bot.db'}"
        self.env = {**os.environ, "DATABASE_URL": self.database_url, "ADMINS": admins,
                    "LOG_LEVEL": "WARNING", "TELEGRAM_BOT_TOKEN": "", "MATRIX_HOMESERVER": "",
                    # Scripts send many lines within one frozen minute; the message limit has
                    # its own tests (tests/strangers/test_limits.py) that set it.
                    "RATE_MESSAGES_PER_MINUTE": "0",
                    **(env or {})}
        self.now_arg = now
        self.proc: subprocess.Popen[str] | None = None
        self.sent = 0
        self._log: list[str] = []
        self._drain: threading.Thread | None = None
        self.start()

    def start(self) -> None:
        """Start (or restart) the console process on the same database."""
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "console", "--jsonl", "--now", self.now_arg],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, cwd=self.workdir, env=self.env, bufsize=1,
        )
        self.sent = 0
        # Read stderr all the time: a bot that logs more than the pipe holds would block.
        assert self.proc.stderr is not None
        self._drain = threading.Thread(target=_collect, args=(self.proc.stderr, self._log),
                                       daemon=True)
        self._drain.start()

    def send(self, obj: dict[str, Any] | str) -> list[dict[str, Any]]:
        """Send one input line; return every object printed until its {"done": N}."""
        assert self.proc is not None and self.proc.stdin and self.proc.stdout
        line = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        self.sent += 1
        out: list[dict[str, Any]] = []
        while True:
            raw = self.proc.stdout.readline()
            if not raw:
                raise AssertionError(f"console exited; stderr:\n{self.stderr()}")
            msg = json.loads(raw)
            if msg.get("done") == self.sent:
                return out
            out.append(msg)

    def say(self, who: str, text: str) -> list[dict[str, Any]]:
        """Send text as person `who`."""
        return self.send({"from": who, "text": text})

    def press(self, who: str, button_id: str) -> list[dict[str, Any]]:
        """Press a button as person `who`."""
        return self.send({"from": who, "press": button_id})

    def now(self, iso: str) -> list[dict[str, Any]]:
        """Move the clock; return what was delivered on the way."""
        self.now_arg = iso
        return self.send({"now": iso})

    def stop(self) -> None:
        """Close stdin and wait for a clean exit."""
        if self.proc is None:
            return
        assert self.proc.stdin
        self.proc.stdin.close()
        code = self.proc.wait(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        err = self._finish_log()
        self.proc = None
        assert code == 0, f"console exit {code}: {err}"

    def stderr(self) -> str:
        """Return what the process wrote to stderr (it is stopped first if still running)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        return self._finish_log()

    def _finish_log(self) -> str:
        if self._drain is not None:
            self._drain.join(timeout=10)
        return "".join(self._log)


def button(messages: list[dict[str, Any]], label: str) -> str:
    """Return the id of the first button whose label contains `label`."""
    for msg in messages:
        for b in msg.get("buttons", []):
            if label.lower() in b["label"].lower():
                return b["id"]
    raise AssertionError(f"no button {label!r} in {messages}")


def texts(messages: list[dict[str, Any]], to: str | None = None) -> str:
    """Join the texts of the messages (optionally only those to one person)."""
    return "\n".join(m.get("text", "") for m in messages if to is None or m.get("to") == to)


def invite_code(messages: list[dict[str, Any]]) -> str:
    """Extract CODE from a "/start CODE" line."""
    for line in texts(messages).splitlines():
        if line.strip().startswith("/start "):
            return line.strip().split()[1]
    raise AssertionError(f"no /start CODE in {messages}")


def join(console: ConsoleBot, *who: str, company: str = "Zemmler", quiet: bool = False) -> None:
    """Link each person to `company` with an invite code of their own from console:chef.

    quiet: switch off the reminders a member gets for the company (media day nudges, fair
    deadlines), for tests that count what one feature delivers.
    """
    for name in who:
        code = invite_code(console.say("chef", f"/einladung {company}"))
        assert "Willkommen" in texts(console.say(name, f"/start {code}")), name
        if quiet:
            for b in console.say(name, "/erinnerungen")[-1].get("buttons", []):
                if b["label"].endswith(" aus"):
                    console.press(name, b["id"])


def _collect(stream: IO[str], into: list[str]) -> None:
    """Append every line of `stream` to `into` until it closes."""
    for line in stream:
        into.append(line)
    stream.close()
