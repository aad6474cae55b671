"""`/termine Messen`: a kind written after the command filters like its button (QA finding).

Before, whatever followed /termine was ignored and everything was listed.
"""

from __future__ import annotations

import pytest

from tests.support.console import ConsoleBot, texts


@pytest.mark.parametrize(("typed", "head", "absent"), [
    ("/termine Messen", "Kommende Termine – Messen (2)", "Netzwerktreffen"),
    ("/termine schau rein", "Kommende Termine – Schau rein (1)", "Insidertreff"),
    ("/termine   Treffen!", "Kommende Termine – Treffen (4)", "Insidertreff"),
    ("/termine stammtisch", "Kommende Termine – Stammtisch (1)", "Netzwerktreffen"),
])
def test_a_kind_after_the_command_filters(
    console: ConsoleBot, typed: str, head: str, absent: str
) -> None:
    out = texts(console.say("anna", typed))
    assert head in out and absent not in out, out


def test_other_words_after_the_command_list_everything(console: ConsoleBot) -> None:
    out = texts(console.say("anna", "/termine bitte"))
    assert "Kommende Termine (12)" in out
