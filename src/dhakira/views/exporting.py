"""The records of an export, for the archive's operators or as a reader without an account
sees them.

`dhakira export` writes every document with its links for the people who run the archive;
`dhakira export --public` and the web's /export.jsonl for anonymous readers write only public
documents, with every restricted field masked (a witness's name, an author, an issuing body)
and without the provenance fields an outsider may not see. Both go through `visible_records`,
so a published dataset can never hold more than the public pages show.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dhakira.archive import Archive

# what `export_json` holds that a reader without an account may not see (see RESTRICTED_FIELDS)
WITHOUT_ACCOUNT = ("source", "supplied")


def visible_records(
    store: Archive, *, public_only: bool, hide_fields: bool
) -> Iterator[dict[str, Any]]:
    """One export record per document the reader may see: restricted documents left out when
    `public_only`, restricted fields masked when `hide_fields`."""
    masks = store.restrictions.masks() if hide_fields else {}  # few documents restrict fields
    for stored in store.documents(public_only=public_only):
        mask = masks.get(stored.code)
        record = (mask.document(stored) if mask else stored).export_json()
        if public_only:
            for name in WITHOUT_ACCOUNT:
                record.pop(name, None)
        yield record


def operator_records(store: Archive) -> Iterator[dict[str, Any]]:
    """Every document with its links (duplicates, story, incidents) and suggested
    reliability, nothing masked: for the people who run the archive."""
    from dhakira.views.connections import connections_by_document, export_connections

    connected = connections_by_document(store, public_only=False)
    for doc in store.documents():
        yield {
            **doc.export_json(),
            **export_connections(store.links.of(doc.code), connected.get(doc.code)),
        }
