"""Typed button actions: one small frozen dataclass per action, carried in a signed button id.

A feature declares what a button means::

    @dataclass(frozen=True)
    class SignUp(Action, name="event.signup"):
        event_id: int
        people: int

and registers a handler for it (`router.on(SignUp, sign_up)`); the router decodes the pressed
id once and calls `sign_up(ctx, SignUp(12, 3))`. The id is the readable action
("event.signup:12:3") plus an HMAC over the person it was shown to, so nobody can press
another person's button or make one up, and no table of issued tokens is needed. Telegram
limits button data to 64 bytes, which `Signer.sign` checks.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, ClassVar, Self, Union
from urllib.parse import quote, unquote

Converter = Callable[[str], object]
SEP = ":"
MAC_SEP = "~"
MAX_ID_BYTES = 64  # Telegram's callback_data limit
_MAC_BYTES = 8


@dataclasses.dataclass(frozen=True)
class Action:
    """Base of all button actions; subclasses are frozen dataclasses with a unique `name`."""

    name: ClassVar[str] = ""
    _fields_seen: ClassVar[tuple[tuple[str, Converter], ...] | None] = None

    def __init_subclass__(cls, *, name: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if name:
            if SEP in name or MAC_SEP in name or " " in name:
                raise ValueError(f"action name {name!r} may not contain ':', '~' or spaces")
            cls.name = name

    def encode(self) -> str:
        """Return the readable id: name and field values joined by ':'."""
        values = [_encode(getattr(self, name)) for name, _ in self._codec_fields()]
        return SEP.join([self.name, *values])

    @classmethod
    def _codec_fields(cls) -> tuple[tuple[str, Converter], ...]:
        """Return (field, converter) pairs, worked out once per class."""
        known: tuple[tuple[str, Converter], ...] | None = cls.__dict__.get("_fields_seen")
        if known is None:
            hints = typing.get_type_hints(cls)
            known = tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))
            cls._fields_seen = known
        return known

    @classmethod
    def parse(cls, raw: str) -> Self | None:
        """Return the action of this class an id names, or None if it names something else."""
        name, *values = raw.split(SEP)
        fields = cls._codec_fields()
        if name != cls.name or len(values) != len(fields):
            return None
        try:
            return cls(**{f: conv(v) for (f, conv), v in zip(fields, values, strict=True)})
        except ValueError:
            return None


def _encode(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | date):
        return value.isoformat() if isinstance(value, date) else str(value)
    return quote(str(value), safe=" .-_@+,;/!?()'")  # keep ':' '~' '%' out of the fields


class ActionCodec:
    """The registered action classes by name; decodes ids back into actions."""

    def __init__(self) -> None:
        self._classes: dict[str, type[Action]] = {}

    def add(self, cls: type[Action]) -> None:
        """Register an action class (its name must be unique)."""
        if not cls.name or not dataclasses.is_dataclass(cls):
            raise TypeError(f"{cls.__name__} must be a dataclass with a name")
        known = self._classes.get(cls.name)
        if known is not None and known is not cls:
            raise ValueError(f"action name {cls.name!r} is used twice")
        cls._codec_fields()  # fail at start, not at the first press, on an unsupported field type
        self._classes[cls.name] = cls

    def decode(self, raw: str) -> Action | None:
        """Return the action an id names, or None if it is unknown or malformed."""
        cls = self._classes.get(raw.split(SEP, 1)[0])
        return None if cls is None else cls.parse(raw)

    @property
    def classes(self) -> Mapping[str, type[Action]]:
        """Return the registered classes by name."""
        return self._classes


def _converter(hint: Any) -> Converter:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (Union, types.UnionType) and type(None) in args:
        inner = _converter(next(a for a in args if a is not type(None)))
        return lambda v: None if v == "" else inner(v)
    simple: dict[Any, Converter] = {
        int: int, str: unquote, bool: _bool, date: date.fromisoformat,
    }
    if hint not in simple:
        raise TypeError(f"action fields may be int, str, bool or date, not {hint!r}")
    return simple[hint]


def _bool(value: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError(value)
    return value == "1"


class Signer:
    """Signs button ids for one person with this installation's secret, and checks them."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def sign(self, person_key: str, action: str) -> str:
        """Return the button id for `action` shown to `person_key` (at most 64 bytes)."""
        token = f"{action}{MAC_SEP}{self._mac(person_key, action)}"
        if len(token.encode()) > MAX_ID_BYTES:
            raise ValueError(f"button action too long for Telegram: {action!r}")
        return token

    def verify(self, person_key: str, token: str) -> str | None:
        """Return the action of a button id shown to `person_key`; None if not theirs."""
        action, sep, mac = token.rpartition(MAC_SEP)
        if not sep:
            return None
        if hmac.compare_digest(mac, self._mac(person_key, action)):
            return action
        # Buttons sent before the switch to BLAKE2 (December 2026) still carry HMAC-SHA256.
        if hmac.compare_digest(mac, self._old_mac(person_key, action)):
            return action
        return None

    def _mac(self, person_key: str, action: str) -> str:
        msg = f"{person_key}\n{action}".encode()
        # Keyed BLAKE2s is a MAC in its own right and, unlike hmac.digest, keeps the GIL for
        # short input: releasing it hands the GIL to the SQLite thread, and getting it back
        # cost each of an answer's ~20 buttons up to a scheduler tick (bench/updates.py).
        digest = hashlib.blake2s(msg, key=self._secret[:32], digest_size=_MAC_BYTES).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def _old_mac(self, person_key: str, action: str) -> str:
        msg = f"{person_key}\n{action}".encode()
        digest = hmac.digest(self._secret, msg, "sha256")[:_MAC_BYTES]
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")
