"""Builders for small capture fixtures, made inside the tests so broken inputs stay readable.

A plain module with a unique name rather than a conftest.py, so other packages' test helpers
cannot clash with it on import.
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARABIC = "أعلنت منظمة حقوقية أن آلاف المعتقلين في سجن صيدنايا ما زالوا مجهولي المصير."
ENGLISH = "A rights group said thousands of detainees in Sednaya prison remain missing."

WarcPage = tuple[str, bytes, str]  # url, body, content type


def write_warc(path: Path, pages: list[WarcPage], *, gzip: bool) -> None:
    """A WARC with a request record before each response, as crawlers write them."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for url, body, content_type in pages:
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                )
            )
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2017-02-07T10:30:00Z"},
            )
            writer.write_record(record)


def html_page(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><h1>{title}</h1><p>{body}</p></body></html>"
    ).encode()


def write_sample_warc(path: Path, *, gzip: bool = True) -> Path:
    """An Arabic page, an image and an English page, each after its request record."""
    write_warc(
        path,
        [
            ("https://example.org/ar", html_page("بيان", ARABIC), "text/html; charset=utf-8"),
            ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
            ("https://example.org/en", html_page("Statement", ENGLISH), "text/html"),
        ],
        gzip=gzip,
    )
    return path
