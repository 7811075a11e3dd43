"""Charts drawn on the server as inline SVG: no script, no library, nothing from the network.

Pages run under a Content-Security-Policy that allows no scripts and no inline styles, so the
charts use SVG presentation attributes only. Every label is escaped; numbers are written with
the reader's digits; in right-to-left pages the axes are mirrored so bars grow from the right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

Digits = Callable[[object], str]
_WIDTH = 640
_LABEL = 220  # room for the source names beside the figure bars
_ROW = 26
_INDEPENDENT = "#2b6cb0"
_REPEAT = "#a0aec0"
_CONSOLIDATED = "#c05621"


class _Canvas:
    """SVG elements on a canvas whose x axis runs right to left when `rtl`."""

    def __init__(self, width: int, height: int, rtl: bool, title: str) -> None:
        self.width, self.height, self.rtl = width, height, rtl
        self.parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
            f'viewBox="0 0 {width} {height}" width="100%" '
            f'direction="{"rtl" if rtl else "ltr"}"><title>{escape(title)}</title>'
        ]

    def x(self, value: float) -> float:
        return round(self.width - value if self.rtl else value, 1)

    def rect(self, start: float, top: float, length: float, height: float, fill: str) -> None:
        left = self.x(start + length) if self.rtl else self.x(start)
        self.parts.append(
            f'<rect x="{left}" y="{top}" width="{max(length, 1.0):.1f}" '
            f'height="{height}" fill="{fill}"/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str) -> None:
        self.parts.append(
            f'<line x1="{self.x(x1)}" y1="{y1}" x2="{self.x(x2)}" y2="{y2}" '
            f'stroke="{color}" stroke-width="2"/>'
        )

    def text(
        self,
        at: float,
        top: float,
        words: str,
        *,
        end: bool = False,
        size: int = 12,
        middle: bool = False,
    ) -> None:
        """A label starting at `at` (ending there with `end`, centred on it with `middle`), in
        reading direction."""
        anchor = "middle" if middle else "end" if end else "start"
        self.parts.append(
            f'<text x="{self.x(at)}" y="{top}" font-size="{size}" text-anchor="{anchor}">'
            f"{escape(words)}</text>"
        )

    def markup(self) -> Markup:
        return Markup("".join(self.parts) + "</svg>")


def _scale(values: Sequence[float]) -> float:
    return max([value for value in values if value > 0] or [1.0])


def figure_chart(
    members: Sequence[dict[str, Any]],
    consolidated: dict[str, Any],
    *,
    rtl: bool,
    digits: Digits,
    title: str,
    total_label: str,
) -> Markup:
    """One bar per source's figure (to its best estimate, else its upper bound), independent
    sources dark and repeats light, a range from low to high drawn across the bar, and the
    consolidated figure as the last bar."""
    rows = [m for m in members if _top(m) is not None]
    total = {**consolidated, "publisher": total_label}
    top_value = _scale([float(_top(m) or 0) for m in [*rows, total]])
    span = _WIDTH - _LABEL - 70
    canvas = _Canvas(_WIDTH, (len(rows) + 1) * _ROW + 16, rtl, title)
    for index, member in enumerate([*rows, total]):
        top = 10 + index * _ROW
        name = member.get("publisher") or member.get("source") or member.get("code") or ""
        canvas.text(_LABEL - 8, top + 15, str(name)[:32], end=True)
        color = _REPEAT if member.get("repeat_of") else _INDEPENDENT
        shown = float(_shown(member) or 0)
        canvas.rect(
            _LABEL,
            top + 4,
            span * shown / top_value,
            14,
            _CONSOLIDATED if index == len(rows) else color,
        )
        low, high = member.get("low"), member.get("high")
        if low is not None and high is not None:
            left, right = (_LABEL + span * float(v) / top_value for v in (low, high))
            canvas.line(left, top + 11, right, top + 11, "#1a202c")
        end = max(shown, float(_top(member) or 0))
        canvas.text(_LABEL + span * end / top_value + 6, top + 15, digits(_whole(shown)))
    return canvas.markup()


def _shown(figure: dict[str, Any]) -> float | None:
    """The figure a bar shows: the best estimate, else the upper bound, else the lower."""
    for key in ("best", "high", "low"):
        if figure.get(key) is not None:
            return float(figure[key])
    return None


def _top(figure: dict[str, Any]) -> float | None:
    for key in ("high", "best", "low"):
        if figure.get(key) is not None:
            return float(figure[key])
    return None


def _whole(value: float) -> str:
    return f"{value:,.0f}"


def filled(counts: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Counts per period ("2015" or "2015-03") with every period between the first and the
    last present, empty ones at zero, so the columns stand on a true time axis."""
    if not counts:
        return []
    have = {str(c["period"]): int(c["entries"]) for c in counts}
    first, last = min(have), max(have)
    periods: list[str] = []
    year, month = int(first[:4]), int(first[5:7] or 0) if len(first) == 7 else 0
    while True:
        period = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
        periods.append(period)
        if period >= last or len(periods) > 1200:
            break
        if month:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            year += 1
    return [{"period": p, "entries": have.get(p, 0)} for p in periods]


def period_chart(
    counts: Sequence[dict[str, Any]], *, rtl: bool, digits: Digits, title: str
) -> Markup:
    """Entries per period as columns, oldest first in reading direction (empty periods kept),
    with the highest count and every few periods labelled."""
    height, base, left = 220, 180, 40
    canvas = _Canvas(_WIDTH, height, rtl, title)
    counts = filled(counts)
    if not counts:
        return canvas.markup()
    most = _scale([float(c["entries"]) for c in counts])
    step = (_WIDTH - left - 10) / len(counts)
    every = max(1, len(counts) // 12)
    canvas.line(left, base, _WIDTH - 10, base, "#4a5568")
    canvas.text(left - 4, 20, digits(int(most)), end=True, size=11)
    for index, count in enumerate(counts):
        tall = (base - 20) * float(count["entries"]) / most
        start = left + index * step + 1
        if tall > 0:
            canvas.rect(start, base - tall, max(step - 2, 1), tall, _INDEPENDENT)
        if index % every == 0:
            canvas.text(start + step / 2, base + 16, digits(count["period"]), size=10, middle=True)
    return canvas.markup()
