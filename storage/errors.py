"""Domain errors raised by storage services; handlers turn them into German answers."""

from __future__ import annotations


class DomainError(Exception):
    """A rule said no; `code` names the rule, `info` carries values for the message."""

    def __init__(self, rule: str, /, **info: object) -> None:
        super().__init__(rule)
        self.code = rule
        self.info = info
