"""Hiding a document's restricted fields from a reader who may not see them.

A `Mask` holds what one document restricts: fields removed whole (author, issuing body) and
spellings (a witness's name in every form the text gives it) replaced by `MARK` wherever they
appear: text, title, snippets, claims, the record block, history. The mark has one length
whatever it hides, so the length of a name is not shown either. Positions into the text (mention
and claim spans) are moved to where they fall in the masked text, so highlighting still works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from dhakira.archive.records import StoredDocument
from dhakira.records import Claim, Incident, Mention

MARK = "█████"
ENTITY_PREFIX = "entity:"
# metadata fields a restriction removes whole; an entity is restricted as "entity:<key>"
WHOLE_FIELDS: tuple[str, ...] = ("author", "issuing_body")


def mention_key(mention: Mention) -> str:
    """The entity listing key of a mention (as `dhakira.archive.findings` computes it)."""
    return mention.entity_id or f"{mention.type}:{mention.text.lower()}"


@dataclass(frozen=True)
class Mask:
    """What one document hides: restricted field names and the spellings to mark out."""

    fields: frozenset[str]
    spellings: tuple[str, ...]

    def _pattern(self) -> re.Pattern[str] | None:
        words = sorted({s for s in self.spellings if s.strip()}, key=len, reverse=True)
        if not words:
            return None
        return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)

    def text(self, value: str | None) -> str | None:
        """`value` with every restricted spelling replaced by the mark."""
        pattern = self._pattern()
        if value is None or pattern is None:
            return value
        return pattern.sub(MARK, value)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where restricted spellings occur in `text`, merged, in order."""
        pattern = self._pattern()
        if pattern is None:
            return []
        merged: list[tuple[int, int]] = []
        for found in pattern.finditer(text):
            start, end = found.span()
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            elif end > start:
                merged.append((start, end))
        return merged

    def hides(self, mention: Mention) -> bool:
        """A mention of a restricted entity, or spelled like one."""
        if ENTITY_PREFIX + mention_key(mention) in self.fields:
            return True
        folded = mention.text.casefold()
        return any(folded == spelling.casefold() for spelling in self.spellings)

    def deep(self, value: Any) -> Any:
        """Every string inside dicts and lists masked (the record block, supplied fields)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {key: self.deep(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.deep(item) for item in value]
        return value

    def document(self, doc: StoredDocument) -> StoredDocument:
        """The document as a reader without the right to see its restricted fields gets it."""
        text = _Shifted(doc.text, self.spans(doc.text))
        mentions = [
            replace(m, start=text.start(m.start), end=text.end(m.end))
            for m in doc.entities
            if not self.hides(m) and not text.overlaps(m.start, m.end)
        ]
        return replace(
            doc,
            title=self.text(doc.title),
            author=None if "author" in self.fields else self.text(doc.author),
            issuing_body=None if "issuing_body" in self.fields else self.text(doc.issuing_body),
            publisher=self.text(doc.publisher),
            source=self.text(doc.source) or "",
            url=self.text(doc.url),
            text=text.masked,
            raw_text=self.text(doc.raw_text) or "",
            record=self.deep(doc.record),
            supplied=self.deep(doc.supplied),
            format_meta=self.deep(doc.format_meta),
            entities=mentions,
            claims=[self.claim(claim, text) for claim in doc.claims],
            incident=self._incident(doc.incident),
        )

    def claim(self, claim: Claim, text: _Shifted | None = None) -> Claim:
        """A claim with its quote and names masked; its span moved when `text` is given."""
        masked = replace(
            claim,
            quote=self.text(claim.quote) or "",
            place=self.text(claim.place),
            actor=self.text(claim.actor),
            attributed_to=self.text(claim.attributed_to),
        )
        if text is None:
            return masked
        return replace(masked, start=text.start(claim.start), end=text.end(claim.end))

    def _incident(self, incident: Incident | None) -> Incident | None:
        if incident is None:
            return None
        return replace(incident, cause=self.text(incident.cause), actor=self.text(incident.actor))


NO_MASK = Mask(frozenset(), ())


class _Shifted:
    """A text with some spans replaced by MARK, and the map from old positions to new ones."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        parts: list[str] = []
        at = 0
        for start, end in spans:
            parts += [text[at:start], MARK]
            at = end
        parts.append(text[at:])
        self.masked = "".join(parts)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)

    def _moved(self, position: int, at_end: bool) -> int:
        shift = 0
        for start, end in self.spans:
            if position <= start:
                break
            if position < end:  # inside a masked span: snap to the mark's edge
                new_start = start + shift
                return new_start + len(MARK) if at_end else new_start
            shift += len(MARK) - (end - start)
        return position + shift

    def start(self, position: int) -> int:
        return self._moved(position, at_end=False)

    def end(self, position: int) -> int:
        return self._moved(position, at_end=True)
