"""`/katalog PFAD` with a device, a folder or a huge file answers; the bot keeps running."""

from __future__ import annotations

from pathlib import Path

from tests.catalogue.helpers import EXAMPLE_2027
from tests.support.console import ConsoleBot, texts


def test_endless_device_and_folder_are_no_catalogue(console: ConsoleBot, tmp_path: Path) -> None:
    for path in ("/dev/zero", str(tmp_path)):
        answer = texts(console.say("chef", f"/katalog {path}"))
        assert "finde ich auf dem Server nicht" in answer, path
    huge = tmp_path / "riesig.toml"
    huge.write_text(EXAMPLE_2027.read_text(encoding="utf-8") + "#" + "x" * 400_000 + "\n",
                    encoding="utf-8")
    answer = texts(console.say("chef", f"/katalog {huge}"))
    assert "Die Datei riesig.toml ist zu groß (" in answer and "höchstens 256 KB" in answer
    assert "Neuen Jahresplan" in texts(console.say("chef", "/katalog"))  # still running
