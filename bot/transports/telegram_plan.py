"""Telegram's rules without the network: command addressing, keyboard rows, text limits, and the
plan of Bot API calls for a list of replies.

Nothing here imports python-telegram-bot (telegram.py, telegram_http.py and telegram_updates.py
do), so these rules are unit-tested without a server.
"""

from __future__ import annotations

import html
import re
import warnings
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from bot.chat import Button, FileOut, Reply, plain_text

Json = dict[str, Any]
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_BYTES = 64
MAX_BUTTONS = 100  # inline keyboard buttons per message
ROW_BUTTONS = 3
ROW_CHARS = 36

# The transport's only own German strings. They live here and not in handlers/texts because
# transports must not import handlers (import contract), and they exist only because Telegram
# has group chats: a personal reply (sign-up, booking, a team list) is sent to the person's
# private chat and the group sees GROUP_SENT; where Telegram refuses that (the person never
# started the bot), the group sees GROUP_NOTE with a link to the private chat instead.
GROUP_NOTE = (
    "Das machen wir lieber unter vier Augen – tipp auf den Knopf, dann geht es privat weiter."
)
GROUP_SENT = "Das habe ich dir privat geschickt – schau in unseren Chat."
GROUP_BUTTON = "Privat weiter"

_GONE = ("chat not found", "user is deactivated", "peer_id_invalid", "bot was kicked")
_TAG = re.compile(r"<[^>]*>")
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


def inline_keyboard(rows: list[list[Button]], link: tuple[str, str] | None) -> Json | None:
    """Return the Bot API's InlineKeyboardMarkup as JSON (buttons, and a link button last)."""
    keyboard: list[list[Json]] = [
        [{"text": b.label, "callback_data": callback_data(b)} for b in row] for row in rows
    ]
    if link:
        keyboard.append([{"text": link[0], "url": link[1]}])
    return {"inline_keyboard": keyboard} if keyboard else None


def visible_length(markup: str) -> int:
    """Return how many characters Telegram counts for the HTML subset `markup`.

    Tags (and link targets) do not count, entities count once. A regular expression, not
    an HTML parser: it runs for every card of every list and was a visible cost there.
    """
    return len(html.unescape(_TAG.sub("", markup)))


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


@dataclass(frozen=True)
class SendText:
    """Send a new text message (HTML), optionally with buttons or one link button."""

    text: str
    rows: list[list[Button]] = field(default_factory=list)
    link: tuple[str, str] | None = None
    part: int = 0  # index of the reply this step comes from


@dataclass(frozen=True)
class EditText:
    """Replace the text and buttons of the message whose button was pressed."""

    message_id: int
    text: str
    rows: list[list[Button]] = field(default_factory=list)
    part: int = 0


@dataclass(frozen=True)
class SendFile:
    """Send a document, with the reply text as caption when it fits."""

    file: FileOut
    caption: str | None
    rows: list[list[Button]] = field(default_factory=list)
    part: int = 0


Step = SendText | EditText | SendFile


def plan(replies: list[Reply], *, is_group: bool, edit_id: int | None, bot_url: str,
         sent_privately: bool = False) -> list[Step]:
    """Translate replies into Telegram calls in order: groups get a note instead of personals.

    sent_privately: the personal replies went to the person's private chat already.
    """
    steps: list[Step] = []
    moved = False
    for part, reply in enumerate(replies):
        if is_group and reply.personal:
            if not moved:
                note = GROUP_SENT if sent_privately else GROUP_NOTE
                steps.append(SendText(note, link=(GROUP_BUTTON, bot_url), part=part))
                moved = True
            continue
        steps.extend(replace(s, part=part) for s in _steps(reply, edit_id if reply.edit else None))
        if reply.edit:
            edit_id = None  # a pressed message is replaced once; later replies are new messages
    return steps


def _steps(reply: Reply, edit_id: int | None) -> list[Step]:
    rows = keyboard_rows(reply.buttons)
    if reply.file is not None:
        caption = caption_for(reply.text)
        texts = split_text(reply.text) if reply.text and caption is None else []
        return [*(SendText(t) for t in texts), SendFile(reply.file, caption, rows)]
    chunks = split_text(reply.text)
    if edit_id is not None and len(chunks) == 1:
        return [EditText(edit_id, reply.text, rows)]
    return [SendText(c, rows if n == len(chunks) else []) for n, c in enumerate(chunks, 1)]


def merge_lists(replies: list[Reply]) -> list[Reply]:
    """Show consecutive list entries as one message: cards numbered, buttons carry the number.

    A /termine of eight events is then one message instead of nine, which is how Telegram
    bots show lists; a pressed button edits that one message.
    """
    out: list[Reply] = []
    run: list[Reply] = []

    def flush() -> None:
        out.extend(_merged(run) if len(run) > 1 else run)
        run.clear()

    for reply in replies:
        mergeable = reply.listed and reply.file is None
        # An edit starts a list ("Alle Termine" shows the list where the pressed message was).
        if not mergeable or reply.edit or (run and run[0].personal != reply.personal):
            flush()
        (run if mergeable else out).append(reply)
    flush()
    return out


def _merged(run: list[Reply]) -> list[Reply]:
    out: list[Reply] = []
    texts: list[str] = []
    rows: list[tuple[Button, ...]] = []
    number = length = buttons = 0
    for reply in run:
        text, more = reply.text, reply.buttons
        if more and not reply.heading:  # a heading's buttons (filters) are for the whole list
            number += 1
            text = f"<b>{number}.</b> {text}"
            more = tuple(tuple(Button(b.id, f"{number} · {b.label}") for b in row) for row in more)
        size, count = visible_length(text), sum(len(r) for r in more)
        grown = length + 2 + size if texts else size  # 2: the blank line between cards
        if texts and (grown > MAX_TEXT or buttons + count > MAX_BUTTONS):
            out.append(_joined(texts, rows, run[0], first=not out))
            texts, rows, grown, buttons = [], [], size, 0
        texts.append(text)
        rows.extend(more)
        length, buttons = grown, buttons + count
    out.append(_joined(texts, rows, run[0], first=not out))
    return out


def _joined(texts: list[str], rows: list[tuple[Button, ...]], head: Reply, *,
            first: bool) -> Reply:
    """One message of a list; only its first message replaces the pressed one."""
    return Reply("\n\n".join(texts), tuple(rows), edit=head.edit and first,
                 personal=head.personal)


def unsent(replies: list[Reply], left: list[Step]) -> list[Reply]:
    """Return the replies that steps `left` belong to (a half-sent reply is sent again whole)."""
    return [replies[part] for part in sorted({step.part for step in left})]


def is_gone(description: str) -> bool:
    """Tell whether a Bot API error means the chat no longer exists for the bot."""
    return any(marker in description.lower() for marker in _GONE)


def retry_seconds(flood_error: object) -> float:
    """Return a RetryAfter's wait in seconds (PTB 22 gives int or timedelta, with a warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = getattr(flood_error, "retry_after", 0)
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


_KNOWN_TAG = re.compile(r"</?(?:b|i|u|s|code|pre)>|<a\s+href=\"[^\"<>]*\">|</a>")


def fallback_text(markup: str) -> str:
    """Return rejected HTML as plain text that loses nothing: known tags dropped, rest kept."""
    return html.unescape(_KNOWN_TAG.sub("", markup))


_MENU_NAME = re.compile(r"^[a-z0-9_]{1,32}$")


def menu(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Keep the commands Telegram accepts in a menu (a-z, 0-9, _; description 1-256 chars)."""
    return [(name, text[:256]) for name, text in pairs if _MENU_NAME.match(name) and text]
