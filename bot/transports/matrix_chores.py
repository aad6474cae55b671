"""What the Matrix transport does between syncs: crypto upkeep and invites (no nio here).

The nio client is passed in; the error types to tolerate come from matrix.py, the one module
that imports nio.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.transports.matrix_format import server_of

log = logging.getLogger(__name__)


async def crypto_upkeep(client: Any, errors: tuple[type[BaseException], ...]) -> None:
    """Do what nio's sync_forever() does between syncs: upload, query, claim keys, to-device."""
    try:
        if client.should_upload_keys:
            await client.keys_upload()
        if client.should_query_keys:
            await client.keys_query()
        if client.should_claim_keys:
            await client.keys_claim(client.get_users_for_key_claiming())
        await client.send_to_device_messages()
    except errors as exc:
        log.warning("Matrix key maintenance failed, will retry: %s", exc)


async def answer_invites(
    client: Any, invites: dict[str, str], allowed: frozenset[str],
    errors: tuple[type[BaseException], ...],
) -> None:
    """Join rooms whose inviter is on an allowed server; decline the others."""
    for room_id, inviter in invites.items():
        try:
            if server_of(inviter) in allowed:
                resp = await client.join(room_id)
                log.info("Matrix: joined %s on invite from %s: %s", room_id, inviter, resp)
            else:
                log.info("Matrix: declined invite from %s (server not allowed)", inviter)
                await client.room_leave(room_id)
        except errors as exc:
            log.warning("Matrix: answering the invite to %s failed: %s", room_id, exc)
