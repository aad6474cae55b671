"""The buttons of /termine: one filter per kind of date."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class Filter(Action, name="agenda.filter"):
    """"Alle", "Treffen", "Messen", ...: the list of coming dates of one kind (or all)."""

    group: str
