"""The one exception hierarchy of dhakira.

    DhakiraError                  every error a user may see; has a code, the item, and a hint
    ├── CaptureError              an original could not be read (item is kept as a failure)
    │   ├── UnsupportedFormat     no reader for these bytes
    │   ├── LimitExceeded         file size or page count over a configured limit
    │   ├── EncryptedDocument     a password-protected PDF or DOCX
    │   └── CorruptInput          truncated, damaged or mislabelled bytes
    ├── ArchiveError              the archive on disk or in the database is not usable
    │   ├── NotFound              no document with that code
    │   └── IntegrityError        a hash or the audit chain does not match
    ├── ConfigError               a bad option, URL or missing optional dependency
    └── QueryError                a search that cannot be run (never raised for query syntax)

Messages say what happened, to which item, and what to do about it.
"""

from __future__ import annotations


class DhakiraError(Exception):
    """Base of every error dhakira raises on purpose."""

    code = "DK000"

    def __init__(self, message: str, *, item: str | None = None, hint: str | None = None):
        self.message = message
        self.item = item
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.item}: " if self.item else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{hint}"

    @classmethod
    def from_reason(cls, reason: str, *, item: str | None = None) -> DhakiraError:
        """The error again from a stored reason such as "[DK104] file is empty"."""
        error = cls(reason, item=item)
        if reason.startswith("[DK") and "] " in reason:
            code, _, message = reason[1:].partition("] ")
            error.code, error.message = code, message
        return error

    @property
    def reason(self) -> str:
        """The message without the item name, as stored beside a failed item."""
        hint = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {self.message}{hint}"


class CaptureError(DhakiraError):
    code = "DK100"


class UnsupportedFormat(CaptureError):
    code = "DK101"


class LimitExceeded(CaptureError):
    code = "DK102"


class EncryptedDocument(CaptureError):
    code = "DK103"


class CorruptInput(CaptureError):
    code = "DK104"


class ArchiveError(DhakiraError):
    code = "DK200"


class NotFound(ArchiveError):
    code = "DK201"


class IntegrityError(ArchiveError):
    code = "DK202"


class ConfigError(DhakiraError):
    code = "DK300"


class QueryError(DhakiraError):
    code = "DK400"
