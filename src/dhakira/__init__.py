"""dhakira (ذاكرة, "memory"): an evidence archive for human-rights documentation.

The flow, one package per stage: capture (original bytes and provenance) → text (clean text,
language) → analysis (metadata) → archive (storage, search, audit) → views (command line).
"""

__version__ = "0.1.0"
