"""Decoding bytes of unknown charset into text, saying how it was done.

Documents from the region arrive as UTF-8, as UTF-16 from Windows tools (with or without a
byte-order mark), and as legacy Arabic code pages (windows-1256, ISO-8859-6). General detectors
guess short Arabic legacy text badly (as Hebrew, for instance), so Arabic code pages are tried
on their own before charset-normalizer. Damaged UTF-8 is decoded with replacement characters
and flagged, never silently passed off as some other charset.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
# Share of non-ASCII characters that must be Arabic for a legacy Arabic code page to win.
_ARABIC_SHARE = 0.9
_VALID_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


@dataclass(frozen=True)
class Decoded:
    """Text plus the charset it was read with and, if bytes were replaced, why."""

    text: str
    encoding: str
    warning: str | None = None

    def meta(self) -> dict[str, str]:
        """The `format_meta` entries that record how the text was decoded."""
        found = {"encoding": self.encoding}
        if self.warning:
            found["decode_warning"] = self.warning
        return found


def decode_text(data: bytes) -> Decoded:
    """Decode bytes by BOM, UTF-16 NUL pattern, UTF-8, Arabic code pages, then detection."""
    return (
        _by_bom(data)
        or _by_utf16_pattern(data)
        or _as_strict(data, "utf-8")
        or _as_damaged_utf8(data)
        or _as_arabic_codepage(data)
        or _by_detection(data)
        or _replaced(data, "utf-8")
    )


def decode_declared(data: bytes, declared: str | None) -> Decoded | None:
    """Decode with a charset the document declares, if that charset exists and fits the bytes."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name
    except LookupError:
        return None
    return _as_strict(data, name)


def _by_bom(data: bytes) -> Decoded | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _as_strict(data[len(bom) :], name) or _replaced(data[len(bom) :], name)
    return None


def _by_utf16_pattern(data: bytes) -> Decoded | None:
    """UTF-16 without BOM: ASCII characters (spaces at least) put NULs on one parity only."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs == 0 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= pairs * 0.05 and even <= pairs * 0.01:
        return _as_strict(data, "utf-16-le")
    if even >= pairs * 0.05 and odd <= pairs * 0.01:
        return _as_strict(data, "utf-16-be")
    return None


def _as_strict(data: bytes, name: str) -> Decoded | None:
    try:
        return Decoded(data.decode(name), name)
    except (UnicodeDecodeError, LookupError):
        return None


def _replaced(data: bytes, name: str) -> Decoded:
    text = data.decode(name, errors="replace")
    bad = text.count("\ufffd")
    return Decoded(text, name, f"{bad} invalid byte sequence(s) replaced with U+FFFD")


def _as_damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with some broken bytes: at least as many valid multi-byte sequences as broken."""
    valid = len(_VALID_MULTIBYTE.findall(data))
    broken = data.decode("utf-8", errors="replace").count("\ufffd")
    if valid < broken or valid == 0:
        return None
    return _replaced(data, "utf-8")


def _as_arabic_codepage(data: bytes) -> Decoded | None:
    best: Decoded | None = None
    best_share = _ARABIC_SHARE
    for name in _ARABIC_CODEPAGES:
        decoded = _as_strict(data, name)
        if decoded is None:
            continue
        share = _arabic_share(decoded.text)
        if share > best_share:
            best, best_share = decoded, share
    return best


def _arabic_share(text: str) -> float:
    wide = [c for c in text if ord(c) > 127 and not c.isspace()]
    if not wide:
        return 0.0
    arabic = sum(1 for c in wide if "\u0600" <= c <= "\u06ff")
    return arabic / len(wide)


def _by_detection(data: bytes) -> Decoded | None:
    match = from_bytes(data).best()
    if match is None:
        return None
    return _as_strict(data, codecs.lookup(match.encoding).name)
