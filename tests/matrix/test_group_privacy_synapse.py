"""Matrix group rooms on Synapse: team answers, files and codes go to the DM, never the room."""

from __future__ import annotations

from bot.transports.matrix_format import MOVED_TO_DM

from .human import Seen
from .test_bot_synapse import Stage
from .test_bot_synapse import stage as matrix_stage  # noqa: F401  (a fixture, used by name)

TEAM_ONLY = ("!einladung Pragma", "!firmen", "!export anmeldungen")


async def test_group_room_never_gets_an_invite_code_list_or_export(
        matrix_stage: Stage) -> None:  # noqa: F811  (the fixture imported above)
    stage = matrix_stage
    carl_account = await stage.synapse.register("carl")
    bot_id = stage.bot.user_id
    async with (
        stage.human(stage.boss, "boss") as boss,
        stage.human(carl_account, "carl") as carl,
    ):
        resp = await boss.client.room_create(name="Clusterteam", invite=[carl_account.user_id])
        group = resp.room_id
        await boss.wait_for_member(group, carl_account.user_id)
        await boss.client.room_invite(group, bot_id)
        await boss.wait_for_member(group, bot_id)
        for text in TEAM_ONLY:
            await boss.say(group, text)

        in_group: list[Seen] = []
        while sum(m.body == MOVED_TO_DM for m in in_group) < len(TEAM_ONLY):
            in_group.append(await carl.receive(group, sender=bot_id))
        assert [m.body for m in in_group] == [MOVED_TO_DM] * len(TEAM_ONLY)

        private: list[Seen] = []
        while not any(m.body.endswith(".csv") for m in private):
            seen = await boss.receive(sender=bot_id)
            if seen.room_id != group:
                private.append(seen)
        said = "\n".join(m.body for m in private)
        # Dialogs of the team (invites, the company list) continue in the DM; the export came.
        assert "im privaten Chat" in said and "Export Anmeldungen" in said
