"""Matrix rendering without nio: replies to message content, incoming text to commands/options.

The few German strings the Matrix transport needs live here as constants, because transports
may not import handlers (where all other user-facing text lives).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.chat import (
    Button,
    DeliveryError,
    FileOut,
    PermanentFailure,
    Reply,
    TemporaryFailure,
    plain_text,
)

ANSWER_WITH = "Antworte mit {choices}."
MOVED_TO_DM = "Das Persönliche schicke ich dir im Direktchat."
CHOOSE_IN_DM = "<i>Zum Auswählen schick mir den Befehl im Direktchat.</i>"
UNREADABLE = (
    "Deine Nachricht kam verschlüsselt an, aber ich konnte sie nicht lesen. "
    "Schick sie bitte noch einmal."
)

_GONE = frozenset({"M_FORBIDDEN", "M_NOT_FOUND", "M_UNKNOWN_TOKEN"})
_OPTION = re.compile(r"\d{1,2}")
_COMMAND_PREFIXES = ("!", "/")


@dataclass(frozen=True)
class ParsedText:
    """What a person's message means for the router: text, and an option number if bare."""

    text: str
    option: int | None = None


def choices_phrase(count: int, first: int = 1) -> str:
    """Return "Antworte mit 1, 2 oder 3." for `count` options numbered from `first`."""
    numbers = [str(n) for n in range(first, first + count)]
    joined = numbers[0] if count == 1 else f"{', '.join(numbers[:-1])} oder {numbers[-1]}"
    return ANSWER_WITH.format(choices=joined)


def render_options(buttons: list[Button], first: int = 1) -> str:
    """Render buttons as a numbered list plus the answer hint (HTML subset)."""
    if not buttons:
        return ""
    # Numbers follow the reading order and count on across the cards of one answer, which is
    # how the router stores positions (one batch per answer, 1-based).
    lines = [f"<b>{n})</b> {b.label}" for n, b in enumerate(buttons, start=first)]
    return "\n".join(lines) + "\n" + choices_phrase(len(buttons), first)


def message_html(
    reply: Reply, *, with_options: bool = True, note: str = "", first_option: int = 1
) -> str:
    """Return the reply's HTML with numbered options (or a note) appended."""
    parts = [reply.text.strip()]
    buttons = reply.flat_buttons()
    if buttons and with_options:
        parts.append(render_options(buttons, first_option))
    elif buttons and note:
        parts.append(note)
    return "\n\n".join(p for p in parts if p)


def text_content(html_text: str) -> dict[str, Any]:
    """Build an `m.text` content with HTML `formatted_body` and a plain-text `body`."""
    return {
        "msgtype": "m.text",
        "body": plain_text(html_text.replace("\n", "<br>")),
        "format": "org.matrix.custom.html",
        "formatted_body": html_text.replace("\n", "<br>"),
    }


def file_content(file: FileOut, url: str, encrypted: dict[str, Any] | None) -> dict[str, Any]:
    """Build an `m.file` content for an uploaded file (encrypted attachment when given keys)."""
    content: dict[str, Any] = {
        "msgtype": "m.file",
        "body": file.name,
        "filename": file.name,
        "info": {"mimetype": file.mime, "size": len(file.data)},
    }
    if encrypted is None:
        content["url"] = url
    else:
        content["file"] = {**encrypted, "url": url, "mimetype": file.mime}
    return content


def strip_reply_fallback(body: str) -> str:
    """Drop the quoted "> <@user> ..." fallback that clients put above replies."""
    lines = body.splitlines()
    if not lines or not lines[0].startswith("> "):
        return body
    while lines and lines[0].startswith(">"):
        lines.pop(0)
    return "\n".join(lines).strip()


def parse_text(body: str, *, is_group: bool) -> ParsedText | None:
    """Turn a message body into router input; None means: not for the bot (groups: no command)."""
    text = strip_reply_fallback(body).strip()
    if not text:
        return None
    if text.startswith(_COMMAND_PREFIXES):
        # `!termine` is the Matrix habit (Element eats unknown `/` commands); the router wants `/`.
        return ParsedText("/" + text[1:].lstrip())
    if is_group:
        return None
    if _OPTION.fullmatch(text):
        return ParsedText(text, int(text))
    return ParsedText(text)


def server_of(user_id: str) -> str:
    """Return the server part of a Matrix user id (room ids may have none since v12)."""
    return user_id.partition(":")[2]


def failure(errcode: str | None, retry_after_ms: int | None, message: str) -> DeliveryError:
    """Map a Matrix error to what the outbox understands (rate limit -> retry_after)."""
    if errcode == "M_LIMIT_EXCEEDED":
        return TemporaryFailure(message, retry_after=(retry_after_ms or 5000) / 1000)
    if errcode in _GONE:
        return PermanentFailure(message)
    return TemporaryFailure(message)
