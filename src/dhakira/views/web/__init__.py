"""The web application of dhakira: search and read the archive in a browser, in Arabic and
English, and talk to it over a JSON API; review and upload with an account.

`create_app(archive_path)` makes the FastAPI application; `dhakira serve` runs it.
"""

from dhakira.views.web.app import create_app
from dhakira.views.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
