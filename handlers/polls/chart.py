"""The result as a bar chart (PNG, German labels, large enough to read on a phone).

CPU-bound: callers run `bar_chart` in a worker thread (`asyncio.to_thread`), never on the
event loop. It draws on a `Figure` of its own (no pyplot state), so threads do not mix.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH_IN, DPI = 7.5, 144  # 1080 px wide: a phone shows it without zooming
LABEL_WRAP = 30
COLOURS = ("#2e7d32", "#f9a825", "#c62828")  # Ja, Vielleicht, Nein (single series: green)


@dataclass(frozen=True)
class Series:
    """One coloured part of each bar (a date finding stacks Ja, Vielleicht, Nein)."""

    name: str
    values: Sequence[int]


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Series], *,
              axis: str) -> bytes:
    """Draw horizontal bars (stacked when several series) and return the PNG."""
    # Imported here: matplotlib takes a moment to load and only closing a poll needs it.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    n = len(labels)
    fig = Figure(figsize=(WIDTH_IN, 1.6 + 0.75 * n), dpi=DPI)
    ax = fig.subplots()
    ys = list(range(n))
    left = [0] * n
    for i, part in enumerate(series):
        ax.barh(ys, list(part.values), left=left, color=COLOURS[i % len(COLOURS)],
                label=part.name, height=0.6)
        left = [a + b for a, b in zip(left, part.values, strict=True)]
    if len(series) == 1:  # the count at the end of each bar (stacked parts have no one total)
        for y, total in zip(ys, left, strict=True):
            ax.text(total + max(max(left), 1) * 0.01, y, str(total), va="center", fontsize=14,
                    fontweight="bold")
    ax.set_yticks(ys, labels=[textwrap.fill(x, LABEL_WRAP) for x in labels], fontsize=13)
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(left), 1) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelsize=12)
    ax.set_xlabel(axis, fontsize=13)
    ax.set_title(textwrap.fill(title, 48), fontsize=15, loc="left",
                 pad=34 if len(series) > 1 else 8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if len(series) > 1:
        ax.legend(fontsize=12, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(series),
                  frameon=False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()
