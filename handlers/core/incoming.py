"""What comes in, normalised once for every transport before the router looks at it."""

from __future__ import annotations

from dataclasses import replace

from bot.chat import Incoming
from storage.members.people import NAME_MAX
from storage.text import clean_line, clean_text


def cleaned(incoming: Incoming) -> Incoming:
    """Return an update with its text and names normalised (the same for every transport).

    Control characters and NUL are removed (PostgreSQL refuses NUL, Excel files most control
    characters), a name becomes one line of at most NAME_MAX characters.
    """
    p, address = incoming.person, incoming.chat
    text = None if incoming.text is None else clean_text(incoming.text)
    person = replace(p, external_id=clean_line(p.external_id),
                     display_name=clean_line(p.display_name)[:NAME_MAX])
    chat_ = replace(address, chat_id=clean_line(address.chat_id))
    if text == incoming.text and person == p and chat_ == address:
        return incoming
    return replace(incoming, text=text, person=person, chat=chat_)
