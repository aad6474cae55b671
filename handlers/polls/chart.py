"""The result as a bar chart (PNG, German labels, large enough to read on a phone).

CPU-bound: callers run `bar_chart` in a worker thread (`asyncio.to_thread`), never on the
event loop. It draws on a `Figure` of its own (no pyplot state), so threads do not mix.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH_IN, DPI = 7.5, 144  # 1080 px wide: a phone shows it without zooming
LABEL_WRAP = 30
CHAR_IN = 0.105  # inches per character of a 13 pt label (DejaVu Sans, average)
COLOURS = ("#2e7d32", "#f9a825", "#c62828")  # Ja, Vielleicht, Nein (single series: green)


def number(value: float) -> str:
    """Return a count as "12" and an average as "4,3" (German decimal comma)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def _drawable() -> Callable[[str], str]:
    """Return a function that drops what the chart's font cannot draw (emoji: an empty box
    and a warning on stderr each) from a label."""
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    known = FT2Font(findfont(FontProperties())).get_charmap()

    def drawable(text: str) -> str:
        kept = "".join(c for c in text if ord(c) in known or c.isspace())
        return " ".join(kept.split()) or "?"
    return drawable


@dataclass(frozen=True)
class Series:
    """One coloured part of each bar (a date finding stacks Ja, Vielleicht, Nein)."""

    name: str
    values: Sequence[float]


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Series], *,
              axis: str) -> bytes:
    """Draw horizontal bars (stacked when several series) and return the PNG."""
    # Imported here: matplotlib takes a moment to load and only closing a poll needs it.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    drawable = _drawable()
    labels = [drawable(x) for x in labels]
    n = len(labels)
    wrapped = [textwrap.fill(x, LABEL_WRAP) for x in labels]
    heading = textwrap.fill(drawable(title), 48)
    height = 1.6 + 0.75 * n
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    # Fixed margins from the text sizes: tight_layout would draw the whole figure twice.
    widest = max((len(line) for x in wrapped for line in x.splitlines()), default=1)
    top = (0.35 + 0.3 * heading.count("\n") + (0.45 if len(series) > 1 else 0.1)) / height
    fig.subplots_adjust(left=min(0.5, (0.2 + CHAR_IN * widest) / WIDTH_IN), right=0.95,
                        bottom=0.75 / height, top=1 - top - 0.1 / height)
    ax = fig.subplots()
    ys = list(range(n))
    left = [0.0] * n
    for i, part in enumerate(series):
        ax.barh(ys, list(part.values), left=left, color=COLOURS[i % len(COLOURS)],
                label=part.name, height=0.6)
        left = [a + b for a, b in zip(left, part.values, strict=True)]
    if len(series) == 1:  # the count at the end of each bar (stacked parts have no one total)
        for y, total in zip(ys, left, strict=True):
            ax.text(total + max(max(left), 1) * 0.01, y, number(total), va="center",
                    fontsize=14, fontweight="bold")
    ax.set_yticks(ys, labels=wrapped, fontsize=13)
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(left), 1) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelsize=12)
    ax.set_xlabel(axis, fontsize=13)
    fig.text(0.03, 1 - 0.15 / height, heading, ha="left", va="top", fontsize=15)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if len(series) > 1:
        fig.legend(fontsize=12, loc="upper left", ncol=len(series), frameon=False,
                   bbox_to_anchor=(0.02, 1 - (0.45 + 0.3 * heading.count("\n")) / height))
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()
