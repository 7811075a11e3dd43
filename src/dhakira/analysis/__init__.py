"""Analysis steps: read a document's own metadata off its text.

record_block (an archive's record fields) → title → dates → doctype → publisher, each a
versioned `STEP`. Helpers: date_mentions (finding printed dates), header (the lines above
the body), organisations (known publishers and their aliases).
"""
