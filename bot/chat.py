"""Platform-neutral chat types shared by transports, handlers and the scheduler (stdlib only)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Person:
    """A chat identity: platform plus the platform's own id for the person."""

    platform: str
    external_id: str
    display_name: str = ""

    @property
    def key(self) -> str:
        """Return the `platform:id` form used in ADMINS and logs."""
        return f"{self.platform}:{self.external_id}"


@dataclass(frozen=True)
class Address:
    """Where a message goes: a platform and a chat (DM) id there."""

    platform: str
    chat_id: str


@dataclass(frozen=True)
class Button:
    """A choice offered under a message; `id` is opaque to transports."""

    id: str
    label: str


@dataclass(frozen=True)
class FileOut:
    """A file attached to a reply (calendar entry, export)."""

    name: str
    mime: str
    data: bytes


@dataclass(frozen=True)
class Reply:
    """One message from the bot.

    `text` is a small HTML subset (<b>, <i>, <a href>, <code>); every user-supplied string in
    it is escaped by the handlers (handlers.core.format.esc). Transports render it natively or
    as plain text.
    `edit` asks to replace the message whose button was pressed, where the platform can.
    `personal` marks content that belongs in a private chat, not a group.
    `listed` marks one entry of a list answer (/termine): a transport may show consecutive
    entries as one message, numbered, instead of one message each.
    `heading` marks the head entry of such a list: its buttons (filters) are for the whole
    list, so they are not numbered.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    file: FileOut | None = None
    edit: bool = False
    personal: bool = False
    listed: bool = False
    heading: bool = False

    def flat_buttons(self) -> list[Button]:
        """Return all buttons in reading order."""
        return [b for row in self.buttons for b in row]


# The most a transport downloads of a file someone sends (a catalogue file is ~10 KB); larger
# files arrive as an Attachment without data, so the bot can say so instead of fetching them.
MAX_ATTACHMENT = 1024 * 1024


@dataclass(frozen=True)
class Attachment:
    """A file a person sent. `data` is None when it was not fetched (too large, or failed)."""

    name: str
    mime: str
    data: bytes | None = None
    size: int = 0  # bytes, as the platform announced it (or the data's length)

    @property
    def too_large(self) -> bool:
        """Tell whether the file is larger than transports fetch."""
        return self.size > MAX_ATTACHMENT


@dataclass(frozen=True)
class Incoming:
    """One thing a person did: sent text (or a file), pressed a button, or answered a number."""

    person: Person
    chat: Address
    text: str | None = None
    press: str | None = None
    option: int | None = None
    is_group: bool = False
    message_ref: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    numbered: bool = True  # the platform also answers buttons by number (Matrix, console)
    attachment: Attachment | None = None  # a file sent with (or instead of) the text


class DeliveryError(Exception):
    """Base for failures a transport reports when sending."""


class TemporaryFailure(DeliveryError):
    """Sending failed but may work later (network, rate limit)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentFailure(DeliveryError):
    """The person cannot be reached any more (blocked the bot, left the room)."""


class PartlySent(DeliveryError):
    """Part of a reply went out before a failure: it counts as delivered, never resent whole."""


class Unreachable(Exception):
    """At start-up a service (database, chat platform) did not answer: try again later."""


class BadSetup(Exception):
    """At start-up a service refused the settings (wrong token or password): fix them first.

    The message is one clear line for the operator and never contains the secret.
    """


class ChatPort(Protocol):
    """Outbound side of a transport: send one reply to an address.

    `numbered`: people there may answer a button by its number (Matrix, console), so the
    router remembers which buttons an answer offered.
    """

    platform: str
    numbered: bool

    async def send(self, address: Address, reply: Reply) -> None:
        """Deliver `reply`; raise TemporaryFailure or PermanentFailure on failure."""
        ...


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            pass

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_LINK = re.compile(r'<a\s+href="([^"]*)"\s*>(.*?)</a>', re.S)


def plain_text(markup: str) -> str:
    """Turn the reply HTML subset into plain text (links become `label (url)`)."""

    def link(m: re.Match[str]) -> str:
        url, label = html.unescape(m.group(1)), m.group(2)
        return label if html.unescape(label) == url else f"{label} ({html.escape(url)})"

    parser = _TextExtractor()
    parser.feed(_LINK.sub(link, markup))
    parser.close()
    return "".join(parser.parts)


@runtime_checkable
class Connected(Protocol):
    """A transport that can tell whether it is connected now (for /healthz)."""

    @property
    def connected(self) -> bool:
        """Tell whether updates can arrive and replies can leave right now."""
        ...


class Handler(Protocol):
    """What a transport calls for every incoming update: returns the replies to send back."""

    async def __call__(self, incoming: Incoming) -> list[Reply]:
        """Handle one update; never raises for user input."""
        ...


class Transport(ChatPort, Protocol):
    """A chat platform adapter: receives updates, hands them to the handler, sends replies."""

    async def start(self, handle: Handler) -> None:
        """Connect and start receiving updates (returns once running)."""
        ...

    async def stop(self) -> None:
        """Stop receiving and close connections."""
        ...
