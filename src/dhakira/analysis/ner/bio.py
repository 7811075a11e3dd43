"""Reading BIO tags back into names: the one decoder the tagger's own passes share.

A name starts at B-X, or at an I-X that does not continue a name of type X (taggers emit
those); it runs over the following I-X. Scoring uses conlleval's reading instead
(dhakira.evaluation.ner.entity_spans), which also knows E- and S- tags.
"""

from __future__ import annotations

from collections.abc import Sequence


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Names as (first token, end token exclusive, type)."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and label == kind and start >= 0:
            continue
        if start >= 0:
            spans.append((start, index, kind))
            start, kind = -1, ""
        if prefix in ("B", "I"):
            start, kind = index, label
    return spans
