"""Pure helpers for the Telegram transport: command addressing, keyboard rows, text limits.

Nothing here imports python-telegram-bot, so telegram.py stays the only module that does and
these rules are unit-tested without a network.
"""

from __future__ import annotations

import html
import re

from bot.chat import Button, plain_text

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_BYTES = 64
ROW_BUTTONS = 3
ROW_CHARS = 36

# The transport's only own German strings. They live here and not in handlers/texts because
# transports must not import handlers (import contract), and they exist only because Telegram
# has group chats: a personal reply (sign-up, booking) is replaced by this note in a group.
GROUP_NOTE = (
    "Das machen wir lieber unter vier Augen – tipp auf den Knopf, dann geht es privat weiter."
)
GROUP_BUTTON = "Privat weiter"

_COMMAND = re.compile(r"^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?=\s|$)(.*)$", re.S)


def addressed_text(text: str, bot_username: str, *, is_group: bool) -> str | None:
    """Return the text with `/cmd@bot` normalised to `/cmd`, or None if it is not for us.

    In groups only commands reach the bot; a command naming another bot is ignored.
    """
    match = _COMMAND.match(text.strip())
    if match is None:
        return None if is_group else text
    command, target, rest = match.groups()
    if target and target.lower() != bot_username.lower():
        return None
    return f"/{command.lower()}{rest}"


def keyboard_rows(rows: tuple[tuple[Button, ...], ...]) -> list[list[Button]]:
    """Split the handler's rows so that no row is too wide to read on a phone."""
    result: list[list[Button]] = []
    for row in rows:
        current: list[Button] = []
        width = 0
        for button in row:
            too_wide = width + len(button.label) > ROW_CHARS or len(current) >= ROW_BUTTONS
            if current and too_wide:
                result.append(current)
                current, width = [], 0
            current.append(button)
            width += len(button.label)
        if current:
            result.append(current)
    return result


def callback_data(button: Button) -> str:
    """Return the button id as callback data; reject ids Telegram would refuse."""
    if not button.id or len(button.id.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"Button-ID passt nicht in Telegrams 64 Bytes: {button.id!r}")
    return button.id


def visible_length(markup: str) -> int:
    """Return how many characters Telegram counts for the HTML subset `markup`."""
    return len(plain_text(markup))


def split_text(markup: str, limit: int = MAX_TEXT) -> list[str]:
    """Split long HTML into messages of at most `limit` visible characters at line breaks."""
    if visible_length(markup) <= limit:
        return [markup]
    chunks: list[str] = []
    current = ""
    for line in markup.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if visible_length(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = line
        # A single line longer than a message loses its formatting rather than its text.
        while visible_length(current) > limit:
            text = plain_text(current)
            chunks.append(html.escape(text[:limit], quote=False))
            current = html.escape(text[limit:], quote=False)
    if current:
        chunks.append(current)
    return chunks


def caption_for(markup: str) -> str | None:
    """Return the text as a document caption when it fits, else None (send it separately)."""
    if markup and visible_length(markup) <= MAX_CAPTION:
        return markup
    return None
