"""Server-side SVG charts: geometry computed here, drawn by templates (no JavaScript, no CDN).

Every position is a whole number of the SVG's viewBox units (a float would be written with a
French decimal comma by the template). Texts are placed so that none crosses a
line or another text: their widths are estimated from their length (CHAR_WIDTH is generous for
the 12-unit sans-serif the stylesheet gives `.chart-label`, `.chart-value` and `.chart-tick`).
Each chart is shown beside a data table for screen readers, and with a legend.
"""

import datetime
import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from mutuelles.models import Mutuelle

    from .models import Indicator

# Narrow enough that the 12-unit texts stay legible once a phone shrinks the chart to its width.
WIDTH = 360
CHAR_WIDTH = 7.8  # 0.65 em at font-size 12: DejaVu Sans, the widest of the fonts used, is 0.64
BAR_HEIGHT, GAP = 18, 6
LABEL = 104  # room for the mutuelles' names, left of the bars
VALUE_ROOM = 60  # right of the plot: a value written past the longest bar or the target line
TOP = 22  # above the bars: the target's label
TICK_ROOM = 20  # below the bars: the ticks' labels

Number = Decimal | int


def text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def fit(text: str, room: float) -> str:
    """`text`, shortened with an ellipsis to fit `room` (the data table has it whole)."""
    most = int(room // CHAR_WIDTH)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def number(value: Number) -> str:
    """A value as the page writes it (French decimal comma, no trailing zeros)."""
    return _number(value, get_language())


# A dashboard writes a few hundred values, most of them again and again (percentages, ticks):
# each is formatted once per language.
@functools.lru_cache(maxsize=4096)
def _number(value: Number, language: str | None) -> str:
    plain = f"{Decimal(value).normalize():f}"  # "50", not "5E+1"
    return formats.number_format(Decimal(plain), use_l10n=True)


@functools.lru_cache(maxsize=4096)
def _figure(value: Number, language: str | None) -> str:
    return floatformat(value, -1)


def nice_ticks(top: Number, *, count: int = 4) -> list[Decimal]:
    """0 and about `count` round steps (1, 2, 2.5 or 5 times a power of ten) up to at least
    `top`: the last tick is the end of the axis."""
    top = Decimal(top)
    if top <= 0:
        top = Decimal(1)
    raw = top / count
    power = Decimal(10) ** math.floor(math.log10(raw))
    multiples = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
    step = next(m * power for m in multiples if m * power >= raw)
    return [step * i for i in range(math.ceil(top / step) + 1)]


@dataclass
class Tick:
    position: int  # x for a horizontal axis, y for a vertical one
    label: str


@dataclass
class Bar:
    label: str
    value: Number | None
    colour: str
    y: int
    width: int
    reached: bool
    text: str  # the value as written
    text_x: int  # where the value is written: past the bar, or past the target line
    # As the data table beside the chart writes them (indicators: with the unit, and whether
    # the target is reached).
    figure: str = ""
    verdict: str = ""

    @property
    def text_y(self) -> int:  # the baseline of its label and value
        return self.y + 13


SERIES_COLOUR = "#1f6f8b"  # the group's own colour (a mutuelle's is its own)


@dataclass
class BarChart:
    bars: list[Bar]
    ticks: list[Tick]
    height: int
    plot_left: int = LABEL
    plot_right: int = WIDTH - VALUE_ROOM
    plot_top: int = TOP
    plot_bottom: int = TOP
    target_x: int | None = None
    target_label: str = ""
    target_anchor: str = "middle"
    width: int = WIDTH

    @property
    def label_x(self) -> int:  # where the mutuelles' names end, left of the bars
        return self.plot_left - 6

    @property
    def target_top(self) -> int:  # the target line starts a little above the bars
        return self.plot_top - 4

    @property
    def tick_label_y(self) -> int:
        return self.plot_bottom + 15

    @property
    def target_label_y(self) -> int:
        return self.plot_top - 8


@dataclass
class Row:
    label: str
    value: Number | None
    colour: str
    reached: bool = True


def bar_chart(
    rows: Sequence[Row], *, top: Number = 0, target: Number | None = None, suffix: str = ""
) -> BarChart:
    """Horizontal bars from a common axis whose ticks reach past the largest value (and the
    target, drawn as a line with its label above the bars)."""
    known = [row.value for row in rows if row.value is not None]
    highest = max([top, *known, *([target] if target is not None else [])])
    chart = BarChart(bars=[], ticks=[], height=0)
    plot = chart.plot_right - chart.plot_left
    for count in (4, 2, 1):  # as many ticks as their labels leave room for
        ticks = nice_ticks(highest, count=count)
        labels = [number(value) + suffix for value in ticks]
        if plot / (len(ticks) - 1) >= max(map(text_width, labels)) + 8:
            break
    end = ticks[-1]

    def x(value: Number) -> int:
        return chart.plot_left + round(plot * Decimal(value) / end)

    chart.ticks = [Tick(x(value), label) for value, label in zip(ticks, labels, strict=True)]
    if target is not None:
        chart.target_x = x(target)
        chart.target_label = _("cible %(value)s") % {"value": number(target) + suffix}
        half = text_width(chart.target_label) / 2
        # Near the right edge, the label ends at the line instead of straddling it.
        chart.target_anchor = "end" if chart.target_x + half > chart.width else "middle"
    for index, row in enumerate(rows):
        width = 0 if row.value is None else max(x(row.value) - chart.plot_left, 1)
        text = "—" if row.value is None else number(row.value) + suffix
        text_x = chart.plot_left + width + 4
        if chart.target_x is not None and text_x - 3 <= chart.target_x <= text_x + text_width(text):
            text_x = chart.target_x + 4
        chart.bars.append(
            Bar(
                label=fit(row.label, chart.plot_left - 6),
                value=row.value,
                colour=row.colour,
                y=chart.plot_top + index * (BAR_HEIGHT + GAP),
                width=width,
                reached=row.reached,
                text=text,
                text_x=text_x,
            )
        )
    chart.plot_bottom = chart.plot_top + len(rows) * (BAR_HEIGHT + GAP)
    chart.height = chart.plot_bottom + TICK_ROOM
    return chart


def indicator_chart(
    indicator: "Indicator",
    values: Sequence[tuple["Mutuelle", Decimal | None]],
    targets: Mapping[int, Decimal],
) -> BarChart:
    """One bar per mutuelle (its latest value) against the group's target, each reaching its
    own target (`targets`, where it differs from the group's) or not."""
    chart = bar_chart(
        [
            Row(
                mutuelle.short_name,
                value,
                mutuelle.colour,
                reached=value is not None and indicator.reached(value, targets.get(mutuelle.pk)),
            )
            for mutuelle, value in values
        ],
        target=indicator.target,
    )
    # The table's words, translated once per chart rather than once per row.
    unmeasured, yes, no = _("pas de mesure"), _("oui"), _("non")
    for bar in chart.bars:
        if bar.value is None:
            bar.figure, bar.verdict = unmeasured, "—"
        else:
            bar.figure = f"{_figure(bar.value, get_language())} {indicator.unit}"
            bar.verdict = yes if bar.reached else no
    return chart


def series_chart(indicator: "Indicator", series: Sequence[tuple[str, Decimal | None]]) -> BarChart:
    """The group's figure period by period (labelled), against the group's target."""
    return bar_chart(
        [
            Row(label, value, SERIES_COLOUR, reached=value is not None and indicator.reached(value))
            for label, value in series
        ],
        target=indicator.target,
    )


def progress_chart(progress: Sequence[tuple["Mutuelle", int]]) -> BarChart:
    """Each mutuelle's mean progress on the plan, on an axis from 0 to 100 %."""
    return bar_chart(
        [Row(mutuelle.short_name, value, mutuelle.colour) for mutuelle, value in progress],
        top=100,
        suffix=" %",
    )


# --- Progress over time -------------------------------------------------------------------------

# Margins around the plot: a month's label ("septembre 2026") centred on either end fits.
LINE_LEFT, LINE_RIGHT, LINE_TOP, LINE_BOTTOM = 58, 58, 12, 26


@dataclass
class Dot:
    x: int
    y: int
    month: datetime.date
    value: int


@dataclass
class LineChart:
    dots: list[Dot] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)  # 0 to 100 %
    x_ticks: list[Tick] = field(default_factory=list)  # months, spaced not to overlap
    width: int = WIDTH
    height: int = 200
    plot_left: int = LINE_LEFT
    plot_right: int = WIDTH - LINE_RIGHT
    plot_top: int = LINE_TOP
    plot_bottom: int = 200 - LINE_BOTTOM

    @property
    def points(self) -> str:
        return " ".join(f"{dot.x},{dot.y}" for dot in self.dots)

    @property
    def x_label_y(self) -> int:
        return self.plot_bottom + 18


def month_label(month: datetime.date) -> str:
    """ "juin 2026": the month's whole name, in the language of the page."""
    return date_format(month, "F Y")


def progress_line(timeline: Sequence[tuple[datetime.date, int]]) -> LineChart:
    """Mean progress (0-100 %) month by month, with a labelled axis of each."""
    chart = LineChart()
    height = chart.plot_bottom - chart.plot_top
    chart.y_ticks = [
        Tick(chart.plot_top + round(height * (100 - value) / 100), f"{value} %")
        for value in (0, 25, 50, 75, 100)
    ]
    if not timeline:
        return chart
    step = (chart.plot_right - chart.plot_left) / max(len(timeline) - 1, 1)
    for index, (month, value) in enumerate(timeline):
        chart.dots.append(
            Dot(
                chart.plot_left + round(index * step),
                chart.plot_top + round(height * (100 - value) / 100),
                month,
                value,
            )
        )
    labels = [month_label(dot.month) for dot in chart.dots]
    widest = max(text_width(label) for label in labels) + 12
    every = max(1, math.ceil(widest / step)) if len(timeline) > 1 else 1
    chart.x_ticks = [Tick(chart.dots[i].x, labels[i]) for i in range(0, len(labels), every)]
    return chart
