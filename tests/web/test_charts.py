"""The server-drawn SVG charts: escaped labels, the reader's digits, mirrored for Arabic."""

from __future__ import annotations

from dhakira.views.web import charts

ARABIC = "arab"


def _digits(value: object) -> str:
    return str(value).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def test_labels_from_documents_are_escaped() -> None:
    members = [{"publisher": '<script>alert("x")</script>', "best": 10, "repeat_of": None}]
    svg = str(
        charts.figure_chart(
            members, {"best": 10}, rtl=False, digits=str, title="t", total_label="all"
        )
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_a_right_to_left_chart_is_mirrored_and_uses_the_readers_digits() -> None:
    members = [{"publisher": "A", "best": 100, "repeat_of": None}]
    ltr = str(
        charts.figure_chart(
            members, {"best": 100}, rtl=False, digits=str, title="t", total_label="all"
        )
    )
    rtl = str(
        charts.figure_chart(
            members, {"best": 100}, rtl=True, digits=_digits, title="t", total_label="all"
        )
    )
    assert 'direction="rtl"' in rtl and "١٠٠" in rtl
    assert '<rect x="220"' in ltr and '<rect x="220"' not in rtl


def test_empty_periods_are_filled_so_the_axis_is_time() -> None:
    counts = [{"period": "2011", "entries": 1}, {"period": "2014", "entries": 2}]
    assert [c["entries"] for c in charts.filled(counts)] == [1, 0, 0, 2]
    months = [{"period": "2016-11", "entries": 1}, {"period": "2017-02", "entries": 1}]
    assert [c["period"] for c in charts.filled(months)] == [
        "2016-11",
        "2016-12",
        "2017-01",
        "2017-02",
    ]
