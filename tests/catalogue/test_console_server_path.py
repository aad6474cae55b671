"""`/katalog data/…` as the bot suggests works wherever the bot process was started."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, texts


def test_relative_path_the_bot_suggests_is_found(console: ConsoleBot) -> None:
    # The console runs in a temporary folder, not in the bot's folder.
    missing = texts(console.say("chef", "/katalog data/gibt-es-nicht.toml"))
    assert "finde ich auf dem Server nicht" in missing
    assert "/katalog data/catalogue-2027.example.toml" in missing  # the suggestion
    preview = console.say("chef", "/katalog data/catalogue-2027.example.toml")
    assert "Neuer Jahresplan: catalogue-2027.example.toml" in texts(preview)
    assert button(preview, "Übernehmen")
