"""Matrix login that keeps one device (and so its encryption keys) across restarts.

No `import nio` here: the client is passed in, and so is nio's error type.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.settings import Settings
from bot.transports.matrix_state import Credentials, StateFiles

log = logging.getLogger(__name__)


async def login(
    client: Any, settings: Settings, files: StateFiles, *, device_name: str, error: type
) -> Credentials:
    """Reuse the saved device login; else use the token or the password (same device id)."""
    s = settings
    home, user = s.matrix_homeserver or "", s.matrix_user_id or ""
    creds = files.load_credentials(home, user)
    if creds and s.matrix_device_id and creds.device_id != s.matrix_device_id:
        creds = None  # a configured device id wins over a saved login
    if creds is not None:
        client.access_token = creds.access_token
        if isinstance(await client.whoami(), error):
            log.warning("Matrix: saved login no longer valid, logging in again")
            client.device_id, creds = creds.device_id, None  # same device, same keys
    if creds is None and s.matrix_access_token:
        client.access_token = s.matrix_access_token.get_secret_value()
        who = await client.whoami()
        if isinstance(who, error):
            raise RuntimeError(f"MATRIX_ACCESS_TOKEN wird nicht angenommen: {who}")
        creds = Credentials(home, who.user_id, who.device_id or "", client.access_token)
    if creds is None:
        if s.matrix_password is None:
            raise RuntimeError("Matrix-Login nicht möglich: MATRIX_PASSWORD fehlt")
        client.device_id = client.device_id or s.matrix_device_id or ""
        resp = await client.login(s.matrix_password.get_secret_value(), device_name)
        if isinstance(resp, error):
            raise RuntimeError(f"Matrix-Login fehlgeschlagen: {resp}")
        creds = Credentials(home, resp.user_id, resp.device_id, resp.access_token)
    client.restore_login(creds.user_id, creds.device_id, creds.access_token)
    await asyncio.to_thread(files.save_credentials, creds)
    log.info("Matrix: logged in as %s, device %s", creds.user_id, creds.device_id)
    return creds
