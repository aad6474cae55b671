"""Benchmark parse_when against plain dateparser on the test table: speed (warm, cold), accuracy.

Run: .venv/bin/python bench/dates.py [--repeat N] [--corpus table|judge]
("judge": the acceptance corpus of tests/dates/test_dates_judge.py instead of the test table)
Warm: every phrase is parsed `repeat` times; a phrase's figure is its median; the report gives
the median and p99 over phrases. Cold: a fresh interpreter per sample, timing the import and
the first call separately (median of 5 samples).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from handlers.dates import parser as date_parser  # noqa: E402
from handlers.dates.when import BERLIN, When  # noqa: E402
from tests.dates.test_dates import NOWS, TABLE, show  # noqa: E402
from tests.dates.test_dates_judge import CLOCKS, ROWS  # noqa: E402

Rows = list[tuple[str, str, str | None]]
CORPORA: dict[str, tuple[str, Rows, dict[str, datetime]]] = {
    "table": ("tests/dates/test_dates.py", TABLE, NOWS),
    "judge": ("tests/dates/test_dates_judge.py", list(ROWS), CLOCKS),
}

DATEPARSER_LANGUAGES = ["de", "en"]
COLD_SAMPLES = 5
COLD_SNIPPET = """
import json, sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
now = datetime(2026, 2, 2, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
t0 = time.perf_counter()
if sys.argv[1] != "dateparser":
    from handlers.dates import parse_when
    t1 = time.perf_counter()
    # "demnächst" is unknown to the grammar, so it pays for the lazy dateparser fallback
    parse_when("morgen 9 Uhr" if sys.argv[1] == "ours" else "demnächst", now=now)
else:
    import dateparser
    t1 = time.perf_counter()
    dateparser.parse("morgen 9 Uhr", languages=["de", "en"],
                     settings={"RELATIVE_BASE": now.replace(tzinfo=None)})
t2 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1]))
"""


def dateparser_show(phrase: str, now: datetime) -> str | None:
    """Parse with plain dateparser and render like the table (time only when not midnight)."""
    import dateparser

    local = now.astimezone(BERLIN).replace(tzinfo=None)
    settings = {"RELATIVE_BASE": local, "PREFER_DATES_FROM": "future"}
    found = dateparser.parse(phrase, languages=DATEPARSER_LANGUAGES, settings=settings)
    if found is None:
        return None
    return found.strftime("%Y-%m-%d %H:%M") if found.time() != datetime.min.time() else (
        found.date().isoformat()
    )


def ours_show(phrase: str, now: datetime) -> str | None:
    """Parse with parse_when and render like the table."""
    return show(date_parser.parse_when(phrase, now=now))


def dateparser_correct(expected: str | None, got: str | None) -> bool:
    """Score leniently: the date must match; a time only when one was expected; no range end."""
    if expected is None or got is None:
        return expected == got
    if " " not in expected:
        return got[:10] == expected
    return got == expected.split("-")[0] if expected.count(":") > 1 else got == expected


def warm(
    parse: Callable[[str, datetime], Any], repeat: int, table: Rows, nows: dict[str, datetime]
) -> list[float]:
    """Return each phrase's median time per call in milliseconds (after one warm-up call)."""
    figures = []
    for now_key, phrase, _ in table:
        now = nows[now_key]
        parse(phrase, now)
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            parse(phrase, now)
            samples.append(time.perf_counter() - start)
        figures.append(statistics.median(samples) * 1000)
    return figures


def cold(which: str) -> tuple[float, float]:
    """Return median (import ms, first call ms) over fresh interpreters."""
    runs = []
    for _ in range(COLD_SAMPLES):
        out = subprocess.run(
            [sys.executable, "-c", COLD_SNIPPET, which],
            capture_output=True, text=True, check=True, cwd=REPO,
        )
        runs.append(json.loads(out.stdout))
    return (
        statistics.median(r[0] for r in runs) * 1000,
        statistics.median(r[1] for r in runs) * 1000,
    )


def count_fallbacks(table: Rows, nows: dict[str, datetime]) -> int:
    """Count table phrases our grammar passed on to dateparser."""
    original, calls = date_parser.ask_dateparser, []

    def counting(text: str, local_now: datetime) -> When | None:
        calls.append(text)
        return original(text, local_now)

    date_parser.ask_dateparser = counting  # parse_when looks it up in its module at each call
    try:
        for now_key, phrase, _ in table:
            date_parser.parse_when(phrase, now=nows[now_key])
    finally:
        date_parser.ask_dateparser = original
    return len(calls)


def p99(values: list[float]) -> float:
    """Return the 99th percentile."""
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def main() -> None:
    """Measure both parsers and print one comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="table")
    args = parser.parse_args()
    source, table, nows = CORPORA[args.corpus]
    rows = []
    for name, parse, correct in (
        ("parse_when", ours_show, lambda e, g: e == g),
        ("dateparser", dateparser_show, dateparser_correct),
    ):
        hits = sum(correct(exp, parse(p, nows[n])) for n, p, exp in table)
        figures = warm(parse, args.repeat, table, nows)
        imp, first = cold("ours" if name == "parse_when" else "dateparser")
        rows.append((name, hits, statistics.median(figures), p99(figures), imp, first))
    fallback_imp, fallback_first = cold("fallback")
    fallbacks = count_fallbacks(table, nows)
    print(f"{len(table)} phrases from {source}, {args.repeat} runs each")
    print(f"{'':12}{'accuracy':>16}{'median ms':>11}{'p99 ms':>9}{'import ms':>11}"
          f"{'1st call ms':>13}{'cold ms':>9}")
    for name, hits, med, high, imp, first in rows:
        accuracy = f"{hits}/{len(table)} {hits / len(table):.1%}"
        print(f"{name:12}{accuracy:>16}{med:>11.3f}{high:>9.3f}{imp:>11.1f}{first:>13.1f}"
              f"{imp + first:>9.1f}")
    print(f"parse_when cold when the first phrase needs the dateparser fallback: import "
          f"{fallback_imp:.1f} ms + first call {fallback_first:.1f} ms")
    print(f"phrases of the table that reached the dateparser fallback: {fallbacks}")
    print("dateparser is scored leniently: date only unless a time is expected, no range end.")


if __name__ == "__main__":
    main()
