"""The Synapse harness itself: it answers, and registration through the admin API works."""

from __future__ import annotations

import aiohttp

from .synapse import Synapse


async def test_registered_user_can_whoami(synapse: Synapse) -> None:
    account = await synapse.register("harness")
    headers = {"Authorization": f"Bearer {account.access_token}"}
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{synapse.url}/_matrix/client/v3/account/whoami", headers=headers) as resp,
    ):
        assert resp.status == 200
        assert (await resp.json())["user_id"] == account.user_id
    assert account.user_id.startswith("@harness") and account.user_id.endswith(":localhost")
