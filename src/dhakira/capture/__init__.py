"""Capture: turn files, folders and exports into `Item`s, and read an `Item` into a `Document`.

Two halves, kept apart so the ingest can store every original (and every failure) before any
reading that might fail:

- `iter_items` walks what the user gave and yields one `Item` per original (a file, a WARC
  record, a CSV/JSONL row) or a `Failure` for what cannot even be taken in.
- `read_item` decodes one `Item` into a `Document` (raw text, HTML, pages, format metadata) or
  raises a `CaptureError` saying why it could not.
"""

from dhakira.capture.read import read_item
from dhakira.capture.sources import iter_items

__all__ = ["iter_items", "read_item"]
