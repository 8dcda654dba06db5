"""Server-side SVG charts: geometry computed here, drawn by templates (no JavaScript, no CDN).

Each chart is shown beside a data table for screen readers.
"""

from dataclasses import dataclass
from decimal import Decimal

WIDTH, BAR_HEIGHT, GAP, LABEL = 560, 18, 6, 120


@dataclass
class Bar:
    label: str
    value: Decimal | None
    colour: str
    y: int
    width: int
    reached: bool


@dataclass
class BarChart:
    bars: list
    height: int
    target_x: int | None
    plot_width: int = WIDTH - LABEL - 60
    label_width: int = LABEL


def indicator_chart(indicator, values) -> BarChart:
    """One bar per mutuelle (its latest value) against the indicator's target."""
    known = [v for _, v in values if v is not None]
    top = max([indicator.target, *known]) or Decimal(1)
    plot = WIDTH - LABEL - 60
    bars = []
    for index, (mutuelle, value) in enumerate(values):
        width = int(plot * (value or 0) / top)
        bars.append(
            Bar(
                label=mutuelle.short_name,
                value=value,
                colour=mutuelle.colour,
                y=index * (BAR_HEIGHT + GAP),
                width=max(width, 1 if value is not None else 0),
                reached=value is not None and indicator.reached(value),
            )
        )
    height = len(bars) * (BAR_HEIGHT + GAP)
    return BarChart(bars=bars, height=height, target_x=LABEL + int(plot * indicator.target / top))


@dataclass
class LineChart:
    points: str
    dots: list  # (x, y, label, value)
    width: int
    height: int


def progress_line(timeline, width=WIDTH, height=160) -> LineChart:
    """Mean progress (0-100 %) month by month."""
    if not timeline:
        return LineChart("", [], width, height)
    step = (width - 40) / max(len(timeline) - 1, 1)
    dots = []
    for index, (month, value) in enumerate(timeline):
        x = 30 + round(index * step)
        y = 10 + round((height - 30) * (100 - value) / 100)
        dots.append((x, y, month, value))
    return LineChart(" ".join(f"{x},{y}" for x, y, _, _ in dots), dots, width, height)
