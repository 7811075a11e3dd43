"""Settings of the web application, set once when it is made (no global state)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dhakira.archive.accounts import LoginLimits


@dataclass(frozen=True)
class WebSettings:
    """`secure_cookies` must be on behind HTTPS so cookies never travel in clear text."""

    secure_cookies: bool = False
    session_hours: int = 12
    login_limits: LoginLimits = field(default_factory=LoginLimits)
    max_upload_bytes: int = 50 * 1024 * 1024
    page_size: int = 20
