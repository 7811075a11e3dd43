"""Fixtures for the analysis steps: documents built by hand, as text.clean would leave them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from dhakira.records import Document, Item

MakeDoc = Callable[..., Document]


@pytest.fixture
def make_doc() -> MakeDoc:
    """Build a Document whose text (and raw text, unless given) is `text`."""

    def build(
        text: str,
        raw_text: str | None = None,
        format_meta: dict[str, str] | None = None,
        fields: dict[str, Any] | None = None,
        html: str | None = None,
    ) -> Document:
        item = Item(
            data=text.encode(), source="fixture.txt", media_type="text/plain", fields=fields or {}
        )
        return Document(
            item=item,
            raw_text=raw_text if raw_text is not None else text,
            text=text,
            format_meta=format_meta or {},
            html=html,
        )

    return build
