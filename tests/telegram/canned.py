"""A Bot API connection without network: every call gets the same canned result."""

from __future__ import annotations

import json
from typing import Any

from telegram.request import BaseRequest


class Canned(BaseRequest):
    """PTB's connection interface answering every call with one Bot API result."""

    def __init__(self, result: object = True) -> None:
        self.body = b""
        self.answer(result)

    def answer(self, result: object) -> None:
        """Set the result of the following calls."""
        self.body = json.dumps({"ok": True, "result": result}).encode()

    @property
    def read_timeout(self) -> float | None:
        """Return the default read timeout."""
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Encode the request as a real connection would; answer the canned result."""
        request_data = kwargs.get("request_data")
        if request_data is not None:
            request_data.json_payload  # noqa: B018 - encoding is part of every real call
        return 200, self.body
