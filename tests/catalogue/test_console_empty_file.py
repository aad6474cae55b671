"""An empty catalogue file (or one with only comments) is called empty, not "cluster missing"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.catalogue.helpers import send_file
from tests.support.console import ConsoleBot, texts


@pytest.mark.parametrize("content", ["", "# nur ein Kommentar\n\n", "\ufeff\r\n"])
def test_an_empty_file_is_called_empty(console: ConsoleBot, tmp_path: Path,
                                       content: str) -> None:
    empty = tmp_path / "leer.toml"
    empty.write_text(content, encoding="utf-8")
    answer = texts(send_file(console, "chef", empty))
    assert "leer.toml kann ich so nicht übernehmen – 1 Problem" in answer
    assert "Die Datei ist leer" in answer and "Pflichtfeld" not in answer
    assert "Es hat sich nichts geändert" in answer
