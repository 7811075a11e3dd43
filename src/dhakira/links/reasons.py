"""Why a reliability was suggested: reasons as a key and values, not as finished sentences.

The command line and the JSON give the English text (`Reason.text`); the web pages say the
same key in the reader's language, filling in the same values (counts, sources, documents).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Why a reliability is suggested, in English; the web pages say the same keys in Arabic too.
REASON_TEXTS: dict[str, str] = {
    "no_claim_elsewhere": "no claim reported elsewhere",
    "no_other_report": "no other document reports this event",
    "contradicted": "contradicted by {count} independent sources: {sources}",
    "conflicts_with": "conflicts with {sources}",
    "agrees_with": "agrees with {sources}",
    "sources_agree": "{count} independent sources agree: {sources}",
    "single_source": "single source: {source}, repeated by {documents_counted} ({documents})",
}


@dataclass(frozen=True)
class Reason:
    """One reason for a suggestion: a key of REASON_TEXTS and its values, so that each reader
    can be told it in their own language (`text` is the English)."""

    key: str
    count: int | None = None
    source: str | None = None
    sources: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The reason in English."""
        return REASON_TEXTS[self.key].format(
            count=self.count,
            documents_counted=f"{self.count} document{'' if self.count == 1 else 's'}",
            source=self.source,
            sources=", ".join(self.sources),
            documents=", ".join(self.documents) + (", …" if self._more_documents else ""),
        )

    @property
    def _more_documents(self) -> bool:
        """The count is of more documents than the reason names."""
        return bool(self.documents) and (self.count or 0) > len(self.documents)

    def to_json(self) -> dict[str, Any]:
        """The key and the values it needs (what a translation fills in)."""
        values: dict[str, Any] = {"key": self.key}
        if self.count is not None:
            values["count"] = self.count
        if self.source is not None:
            values["source"] = self.source
        if self.sources:
            values["sources"] = list(self.sources)
        if self.documents:
            values["documents"] = list(self.documents)
        return values


NO_CLAIM_ELSEWHERE = Reason("no_claim_elsewhere")
