"""The charts' geometry: axes with round ticks, texts that stay in the picture and clear of the
target line and of one another, French month names."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.utils import translation

from actionplan import charts
from actionplan.charts import Row, bar_chart, nice_ticks, progress_line, text_width
from mutuelles.models import Mutuelle

FONT = 12  # the height of every chart text, as the stylesheet sets it


def spans(chart):
    """(start, end) of each tick label along the axis."""
    return [
        (tick.position - text_width(tick.label) / 2, tick.position + text_width(tick.label) / 2)
        for tick in chart.ticks
    ]


def assert_apart(intervals):
    for (_, end), (start, _) in itertools.pairwise(intervals):
        assert end < start, intervals


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (Decimal("177.9"), ["0", "50", "100", "150", "200"]),
        (100, ["0", "25", "50", "75", "100"]),
        (Decimal("4.1"), ["0", "2", "4", "6"]),
        (Decimal("0.3"), ["0", "0.1", "0.2", "0.3"]),
    ],
)
def test_ticks_are_round_steps_reaching_past_the_largest_value(top, expected):
    assert [f"{value.normalize():f}" for value in nice_ticks(top)] == expected


def _rows(values):
    names = ["Armor Santé", "Arverne", "Azur", "Francilienne", "Mutuelle Rhin-Moselle et Alsace"]
    return [Row(name, value, "#0b5c73") for name, value in zip(names, values, strict=False)]


CASES = [
    # (values, target): bars ending just short of, on, past, far from the target, none at all
    ([Decimal("119.4"), Decimal("126.5"), Decimal("177.9"), None, Decimal("12")], 120),
    ([Decimal("92.3"), 100, Decimal("83.7"), Decimal("80.9"), Decimal("84.9")], 85),
    ([Decimal("3.9"), Decimal("4.1"), Decimal("3.2"), Decimal("5.5"), Decimal("4")], 4),
    ([Decimal("26.3"), Decimal("79.5"), None, Decimal("13.3"), Decimal("66.3")], 80),
    ([Decimal("12345.5"), Decimal("15000"), Decimal("14990"), 0, 1], 15000),
    ([0, 0, 0, 0, 0], 0),
]


@pytest.mark.parametrize(("values", "target"), CASES)
def test_no_value_label_crosses_the_target_line(values, target):
    chart = bar_chart(_rows(values), target=target)
    for bar in chart.bars:
        assert not bar.text_x - 2 <= chart.target_x <= bar.text_x + text_width(bar.text), bar
        assert bar.text_x + text_width(bar.text) <= chart.width, bar  # inside the picture


@pytest.mark.parametrize(("values", "target"), CASES)
def test_the_target_label_sits_above_the_line_and_inside_the_picture(values, target):
    chart = bar_chart(_rows(values), target=target)
    assert chart.target_label == f"cible {charts.number(target)}"
    line_starts = chart.plot_top - 4
    assert chart.target_label_y + 3 < line_starts  # its descenders end above the line
    assert chart.target_label_y - FONT >= 0
    width = text_width(chart.target_label)
    if chart.target_anchor == "middle":
        assert chart.target_x - width / 2 >= 0
        assert chart.target_x + width / 2 <= chart.width
    else:
        assert chart.target_anchor == "end"
        assert chart.target_x - width >= chart.plot_left


@pytest.mark.parametrize(("values", "target"), CASES)
def test_the_axis_has_labelled_ticks_from_zero_past_every_bar(values, target):
    chart = bar_chart(_rows(values), target=target)
    assert chart.ticks[0].position == chart.plot_left
    assert chart.ticks[0].label == "0"
    assert chart.ticks[-1].position == chart.plot_right
    assert len(chart.ticks) >= 2
    assert all(chart.plot_left + bar.width <= chart.plot_right for bar in chart.bars)
    assert_apart(spans(chart))
    assert spans(chart)[-1][1] <= chart.width
    assert chart.tick_label_y > chart.plot_bottom + FONT - 3  # below the bars, not on them


def test_a_value_is_drawn_to_scale_and_written_the_french_way():
    with translation.override("fr"):
        chart = bar_chart(_rows([Decimal("2.5"), 10]), target=5)
    plot = chart.plot_right - chart.plot_left
    assert [tick.label for tick in chart.ticks] == ["0", "2,5", "5", "7,5", "10"]
    assert chart.bars[0].width == round(plot / 4)
    assert chart.bars[1].width == plot
    assert chart.bars[0].text == "2,5"
    assert chart.target_x == chart.plot_left + round(plot / 2)


def test_long_names_are_shortened_to_fit_left_of_the_bars():
    chart = bar_chart(_rows([1, 2, 3, 4, 5]))
    longest = chart.bars[-1].label
    assert longest.endswith("…")
    assert text_width(longest) <= chart.plot_left - 6
    assert chart.bars[0].label == "Armor Santé"


def test_progress_by_mutuelle_runs_from_0_to_100_percent():
    mutuelles = [Mutuelle(short_name="Armor", colour="#123456"), Mutuelle(short_name="Azur")]
    chart = charts.progress_chart(list(zip(mutuelles, [40, 100], strict=True)))
    assert [tick.label for tick in chart.ticks] == ["0 %", "25 %", "50 %", "75 %", "100 %"]
    assert chart.target_x is None
    assert [bar.text for bar in chart.bars] == ["40 %", "100 %"]
    assert chart.bars[1].width == chart.plot_right - chart.plot_left


def _months(count, start=datetime.date(2026, 7, 1)):
    timeline, day = [], start
    for index in range(count):
        timeline.append((day, index * 3))
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return timeline


@pytest.mark.parametrize("count", [1, 2, 5, 12, 24, 48])
def test_month_labels_are_french_whole_names_that_never_overlap(count):
    with translation.override("fr"):
        chart = progress_line(_months(count))
    assert chart.x_ticks[0].label == "juillet 2026"
    assert all(" " in tick.label and tick.label.split()[0].islower() for tick in chart.x_ticks)
    intervals = [
        (tick.position - text_width(tick.label) / 2, tick.position + text_width(tick.label) / 2)
        for tick in chart.x_ticks
    ]
    assert_apart(intervals)
    assert intervals[0][0] >= 0 and intervals[-1][1] <= chart.width
    assert len(chart.dots) == count


def test_the_progress_axis_is_labelled_every_quarter_of_the_way():
    chart = progress_line(_months(3))
    assert [tick.label for tick in chart.y_ticks] == ["0 %", "25 %", "50 %", "75 %", "100 %"]
    assert chart.y_ticks[0].position == chart.plot_bottom
    assert chart.y_ticks[-1].position == chart.plot_top
    # Right-aligned left of the plot: "100 %" fits in the margin.
    assert text_width("100 %") + 6 <= chart.plot_left
