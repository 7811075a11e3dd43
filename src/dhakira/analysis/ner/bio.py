"""Reading BIO tags back into names: the one decoder the tagger's own passes share.

A name starts at B-X, or at an I-X that does not continue a name of type X (taggers emit
those); it runs over the following I-X. Scoring uses conlleval's reading instead
(dhakira.evaluation.ner.entity_spans), which also knows E- and S- tags.
"""

from __future__ import annotations

from collections.abc import Sequence


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Names as (first token, end token exclusive, type).

    Only the tagged tokens are visited (most tags are "O"): a name ends at a gap or at a tag
    that does not continue it."""
    spans: list[tuple[int, int, str]] = []
    start, kind, last = -1, "", -2
    for index in [number for number, tag in enumerate(tags) if tag != "O"]:
        prefix, _, label = tags[index].partition("-")
        if prefix == "I" and label == kind and start >= 0 and index == last + 1:
            last = index
            continue
        if start >= 0:
            spans.append((start, last + 1, kind))
            start, kind = -1, ""
        if prefix in ("B", "I"):
            start, kind = index, label
        last = index
    if start >= 0:
        spans.append((start, last + 1, kind))
    return spans
