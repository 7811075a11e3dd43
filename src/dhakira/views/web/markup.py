"""Archive text made into HTML that cannot run: everything escaped first, then marked.

Stored texts come from the web and from people; they may hold `<script>` or any HTML. Each
piece between marks is escaped on its own and only the marks this module writes are markup,
so a text can never add an element, an attribute or a script to a page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape


def highlighted(text: str, spans: Sequence[Sequence[int]]) -> Markup:
    """`text` with each (start, end) span wrapped in <mark>; overlapping spans are merged."""
    parts: list[str] = []
    at = 0
    for start, end in _ordered(spans, len(text)):
        parts.append(str(escape(text[at:start])))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))


def with_entities(
    text: str,
    groups: Sequence[dict[str, Any]],
    label: Callable[[dict[str, Any]], str] | None = None,
) -> Markup:
    """The clean text with every entity mention marked by its type and named in its title:
    by `label` (the page's language), else "canonical name (type)"."""
    marks: list[tuple[int, int, dict[str, Any]]] = []
    for group in groups:
        for start, end in group["spans"]:
            marks.append((int(start), int(end), group))
    marks.sort(key=lambda mark: (mark[0], -mark[1]))
    parts: list[str] = []
    at = 0
    for start, end, group in marks:
        if start < at or end > len(text) or start >= end:
            continue
        parts.append(str(escape(text[at:start])))
        title = label(group) if label else f"{group['canonical_name']} ({group['type']})"
        kind = escape(str(group["type"]))
        marked = escape(text[start:end])
        parts.append(f'<mark class="entity entity-{kind}" title="{escape(title)}">{marked}</mark>')
        at = end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))


def _ordered(spans: Sequence[Sequence[int]], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(0, int(s)), min(length, int(e))) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
