"""Charts as PNG images, drawn headless with matplotlib (Agg, no pyplot state).

Sized for a phone screen, portrait. Readable in light and dark chat themes:
a solid, warm neutral background (never transparent), mid-tone colours that
hold their contrast on it, and dark grey text. Each drawing returns a `Chart`
with the PNG bytes and how many data points it drew, so tests can check both."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import matplotlib

matplotlib.use("Agg")  # headless; harmless if already set

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

# 1080 x 1350 px: a 4:5 portrait that fills a phone screen's width without scrolling.
WIDTH_IN, HEIGHT_IN, DPI = 6.0, 7.5, 180
SIZE = (int(WIDTH_IN * DPI), int(HEIGHT_IN * DPI))

BACKGROUND = "#EDE8E1"  # warm light grey: stays calm next to both light and dark chat themes
PANEL = "#F6F3EE"
TEXT = "#2F2F2F"
MUTED = "#6B6B6B"
GRID = "#D3CCC2"
# Mid-tone colours with enough contrast on the background; the second is for a partner's line.
COLOURS = ("#2A7F8F", "#C8644A", "#7A6BB0", "#5C8A3C")
PREVIOUS = "#9A948C"


@dataclass(frozen=True)
class Chart:
    png: bytes
    points: int  # data points drawn (bars or line markers), not counting labels
    size: tuple[int, int] = SIZE
    series: dict[str, int] = field(default_factory=dict)  # points per line, for line charts


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[tuple[date, float]]  # (local day, 1..5); several on one day are drawn as they come


def _figure() -> Figure:
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor=BACKGROUND)
    FigureCanvasAgg(fig)
    return fig


def _style(ax) -> None:
    ax.set_facecolor(PANEL)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GRID)
    ax.tick_params(colors=TEXT, labelsize=10)
    ax.grid(True, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph missing from the font (an emoji) is not worth a log line
        fig.savefig(buffer, format="png", dpi=DPI, facecolor=BACKGROUND)
    return buffer.getvalue()


def _short(text: str, limit: int = 22) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def health_chart(
    areas: Sequence[tuple[str, float]], previous: dict[str, float] | None = None, title: str = "Your health check",
) -> Chart:
    """Horizontal bars, one per area (score 1..5); a thin mark for last time's score when given."""
    fig = _figure()
    ax = fig.add_axes((0.36, 0.12, 0.58, 0.74))
    _style(ax)
    ax.grid(True, axis="x")
    ax.grid(False, axis="y")
    labels = [_short(label) for label, _ in areas]
    values = [max(1.0, min(5.0, float(v))) for _, v in areas]
    rows = list(range(len(areas)))[::-1]  # first area on top
    ax.barh(rows, values, height=0.62, color=COLOURS[0], zorder=2)
    for row, value in zip(rows, values):
        ax.text(value - 0.08, row, f"{value:.1f}", va="center", ha="right", color="white", fontsize=10, fontweight="bold", zorder=3)
    shown_previous = 0
    if previous:
        for row, (label, _) in zip(rows, areas):
            if label in previous:
                ax.plot([previous[label]] * 2, [row - 0.38, row + 0.38], color=TEXT, linewidth=2.2, zorder=4)
                shown_previous += 1
    ax.set_yticks(rows, labels, fontsize=11, color=TEXT)
    ax.set_xlim(0, 5.2)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_ylim(-0.6, len(areas) - 0.4)
    fig.text(0.06, 0.94, title, fontsize=17, color=TEXT, fontweight="bold")
    fig.text(0.06, 0.905, "1 = not at all · 5 = very much", fontsize=10.5, color=MUTED)
    if shown_previous:
        fig.text(0.06, 0.045, "│ dark mark: last time", fontsize=10, color=MUTED)
    fig.text(0.94, 0.045, "just for you", fontsize=10, color=MUTED, ha="right")
    return Chart(png=_png(fig), points=len(values))


def mood_chart(
    series: Sequence[Series], feelings: Sequence[tuple[str, int]], *, today: date, days: int = 30,
    title: str = "The last 30 days",
) -> Chart:
    """Top: how each check-in felt (1..5) across the window. Bottom: the feelings named most often.
    No streaks, no gaps highlighted: days without a check-in are simply blank."""
    fig = _figure()
    top = fig.add_axes((0.13, 0.47, 0.82, 0.38))
    _style(top)
    start = today - timedelta(days=days - 1)
    drawn: dict[str, int] = {}
    for i, line in enumerate(series):
        points = sorted((d, float(v)) for d, v in line.points if start <= d <= today)
        if not points:
            continue
        xs = [datetime.combine(d, datetime.min.time()) + timedelta(hours=12) for d, _ in points]
        ys = [max(1.0, min(5.0, v)) for _, v in points]
        colour = COLOURS[i % len(COLOURS)]
        top.plot(xs, ys, color=colour, linewidth=2.4, marker="o", markersize=7, label=_short(line.label, 18), zorder=3)
        drawn[line.label] = len(points)
    top.set_ylim(0.6, 5.4)
    top.set_yticks([1, 2, 3, 4, 5], ["1 hard", "2", "3 okay", "4", "5 great"])
    left = datetime.combine(start, datetime.min.time())
    top.set_xlim(left, datetime.combine(today, datetime.min.time()) + timedelta(days=1))
    ticks = [left + timedelta(days=d) for d in range(0, days, 7)]
    top.set_xticks(ticks, [t.strftime("%d %b") for t in ticks])
    if len(drawn) > 1:
        legend = top.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(drawn), frameon=False, fontsize=10.5)
        for text in legend.get_texts():
            text.set_color(TEXT)
    fig.text(0.06, 0.94, title, fontsize=17, color=TEXT, fontweight="bold")
    fig.text(0.06, 0.905, "How each check-in felt, 1 to 5", fontsize=10.5, color=MUTED)

    bottom = fig.add_axes((0.36, 0.06, 0.58, 0.28))
    _style(bottom)
    bottom.grid(False, axis="y")
    top_feelings = list(feelings)[:5]
    fig.text(0.06, 0.37, "Feelings named most often", fontsize=12.5, color=TEXT, fontweight="bold")
    if top_feelings:
        rows = [4 - i for i in range(len(top_feelings))]  # top-aligned; few feelings keep slim bars
        counts = [c for _, c in top_feelings]
        bottom.barh(rows, counts, height=0.6, color=COLOURS[2], zorder=2)
        bottom.set_yticks(rows, [_short(w, 20) for w, _ in top_feelings], fontsize=11, color=TEXT)
        bottom.set_xlim(0, max(counts) * 1.15 + 0.2)
        bottom.xaxis.get_major_locator().set_params(integer=True)
        bottom.set_ylim(-0.6, 4.6)
    else:
        bottom.set_axis_off()
        fig.text(0.36, 0.2, "No feelings named yet", fontsize=11, color=MUTED)
    return Chart(png=_png(fig), points=sum(drawn.values()), series=drawn)
