"""Start-up imports: libraries only some features use load when first used, not at start.

Each costs start-up time and resident memory for the whole run (bench/startup.py measures
both); a module-level import of one in a feature would load it for everybody.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.console import REPO

# What the wiring, both transports and `python -m bot` import before the first update.
STARTUP = "import bot.__main__, bot.app, bot.transports.telegram, bot.transports.matrix"
LAZY = ("icalendar", "openpyxl", "matplotlib", "jinja2", "aiohttp.web", "dateparser",
        "holidays", "alembic")


def test_features_libraries_are_not_imported_at_start() -> None:
    code = f"import json, sys\n{STARTUP}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert "bot.transports.matrix" in loaded  # the probe imported what start-up imports
    assert sorted(name for name in LAZY if name in loaded) == []
