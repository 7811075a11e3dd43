"""Fixtures: a small archive with public and restricted documents, users of every role, and
TestClients logged in as each of them.

The restricted documents carry marker words (SECRET_FRAGMENTS) found nowhere else, so a test
can look for them in any response body: finding one where it must not be is a leak.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dhakira.archive import Archive
from dhakira.records import Claim, DateIssued, Document, Item, Mention
from dhakira.views.web import WebSettings, create_app
from dhakira.views.web.context import CSRF_COOKIE

PASSWORD = "correct horse battery staple"
ROLES = ("admin", "editor", "viewer")
SECRET_FRAGMENTS = (
    "Zubayda Qarawi",  # a witness named only in a restricted document
    "Marwan Haddad",  # a person mentioned only there
    "Secret Collective",  # a publisher only of restricted documents
    "secretquote",  # a claim quote in a restricted document
    "شاهدةسرية",  # an Arabic word only in a restricted document
    "collector-laila",  # provenance path of a public document (a restricted field)
    "Hidden Witness Name",  # a supplied field of a public document (a restricted field)
)


@dataclass(frozen=True)
class Codes:
    public_en: str
    public_ar: str
    restricted_en: str
    restricted_ar: str
    payload: str

    @property
    def restricted(self) -> tuple[str, str]:
        return (self.restricted_en, self.restricted_ar)

    @property
    def public(self) -> tuple[str, str, str]:
        return (self.public_en, self.public_ar, self.payload)


def _doc(
    text: str, title: str, date: str, doc_type: str, publisher: str, **extra: object
) -> Document:
    item = Item(
        data=text.encode("utf-8"),
        source=str(extra.pop("source", "fixtures/doc.txt")),
        media_type="text/plain",
        captured_at=datetime(2024, 5, 1, 12, 0, tzinfo=UTC),
        fields=dict(extra.pop("supplied", {})),  # type: ignore[call-overload]
    )
    language = str(extra.pop("language", "en"))
    return Document(
        item=item,
        text=text,
        raw_text=text,
        title=title,
        date=DateIssued(date, "day", "header"),
        doc_type=doc_type,
        publisher=publisher,
        language=language,
        languages=[language],
        **extra,  # type: ignore[arg-type]
    )


def _mention(text: str, whole: str, kind: str, entity_id: str | None, name: str | None) -> Mention:
    start = whole.index(text)
    return Mention(text, start, start + len(text), kind, entity_id, name, "test")


def _claim(quote: str, whole: str, figure: float, place: str, said_by: str) -> Claim:
    start = whole.index(quote)
    return Claim(
        "execution",
        None,
        None,
        figure,
        None,
        place,
        "2011",
        "2015",
        None,
        said_by,
        quote,
        start,
        start + len(quote),
    )


def fixture_documents() -> dict[str, tuple[Document, str]]:
    """Hand-written documents, each with its visibility."""
    en = (
        "Amnesty International says up to 13,000 people were hanged at Sednaya Prison "
        "between 2011 and 2015."
    )
    ar = "قالت الشبكة السورية إن معتقلين في سجن صيدنايا تعرضوا للتعذيب عام 2016."
    secret_en = (
        "Zubayda Qarawi testified that Marwan Haddad was held at Sednaya Prison; "
        "secretquote 41 detainees were executed there."
    )
    secret_ar = "شهادة شاهدةسرية عن سجن صيدنايا والمعتقلين فيه."
    payload = (
        'Report on Sednaya <script>alert("x")</script> and '
        '<img src=x onerror="alert(1)"> <a href="javascript:evil()">link</a> end.'
    )
    sednaya = "facility:sednaya-prison"
    return {
        "public_en": (
            _doc(
                en,
                "Sednaya hangings report",
                "2017-02-07",
                "ngo_report",
                "Amnesty International",
                source="collector-laila/phone/report.txt",
                supplied={"witness": "Hidden Witness Name"},
                entities=[_mention("Sednaya Prison", en, "facility", sednaya, "Sednaya Prison")],
                claims=[
                    _claim(
                        "up to 13,000 people were hanged",
                        en,
                        13000,
                        "Sednaya Prison",
                        "Amnesty International",
                    )
                ],
            ),
            "public",
        ),
        "public_ar": (
            _doc(
                ar,
                "بيان عن سجن صيدنايا",
                "2016-05-01",
                "statement",
                "الشبكة السورية",
                language="ar",
                entities=[_mention("سجن صيدنايا", ar, "facility", sednaya, "Sednaya Prison")],
            ),
            "public",
        ),
        "restricted_en": (
            _doc(
                secret_en,
                "Witness Zubayda Qarawi account",
                "2018-03-03",
                "testimony",
                "Secret Collective",
                entities=[
                    _mention("Zubayda Qarawi", secret_en, "person", None, None),
                    _mention("Marwan Haddad", secret_en, "person", None, None),
                    _mention("Sednaya Prison", secret_en, "facility", sednaya, "Sednaya Prison"),
                ],
                claims=[
                    _claim(
                        "secretquote 41 detainees were executed",
                        secret_en,
                        41,
                        "Sednaya Prison",
                        "Zubayda Qarawi",
                    )
                ],
            ),
            "restricted",
        ),
        "restricted_ar": (
            _doc(
                secret_ar,
                "شهادة شاهدةسرية",
                "2018-04-04",
                "testimony",
                "Secret Collective",
                language="ar",
            ),
            "restricted",
        ),
        "payload": (
            _doc(
                payload,
                'Payload <b onmouseover="alert(3)">title</b>',
                "2019-01-01",
                "news_report",
                "Test Wire",
            ),
            "public",
        ),
    }


def build_archive(path: Path) -> Codes:
    """An archive at `path` with the fixture documents, linked, and one user per role."""
    codes: dict[str, str] = {}
    with Archive.open(path) as archive:
        batch = archive.start_batch("web fixtures")
        for name, (doc, visibility) in fixture_documents().items():
            codes[name] = archive.add(doc, batch, visibility=visibility).code
        for role in ROLES:
            archive.accounts.add(role, PASSWORD, role, actor="test")
        archive.links.relink(archive.codes())  # stories, incidents and the chronicle
    return Codes(**codes)


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    """argon2 with its smallest cost: the tests check behaviour, not hashing strength."""
    from argon2 import PasswordHasher

    from dhakira.archive import accounts

    kept = accounts._HASHER
    accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    accounts._HASHER = kept


@pytest.fixture(scope="module")
def shared_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Codes]:
    """One archive for the tests that only read (built once per module)."""
    path = tmp_path_factory.mktemp("web") / "archive"
    return path, build_archive(path)


@pytest.fixture
def fresh_archive(tmp_path: Path) -> tuple[Path, Codes]:
    """An archive of one's own, for tests that change it."""
    path = tmp_path / "archive"
    return path, build_archive(path)


ClientFor = Callable[[str | None], TestClient]
Sent = tuple[str, bytes] | tuple[str, bytes, str]


def send_upload(client: TestClient, files: list[Sent]) -> str:
    """Upload files as a JSON client; the batch id of the 202 answer."""
    response = client.post(
        "/upload",
        files=[("files", sent) for sent in files],
        data={"csrf_token": client.cookies[CSRF_COOKIE]},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 202, response.text
    return str(response.json()["batch"])


def wait_for_upload(client: TestClient, batch: str, seconds: float = 20.0) -> dict[str, Any]:
    """Poll the batch's JSON status until it is finished; the last status."""
    deadline = time.monotonic() + seconds
    while True:
        status: dict[str, Any] = client.get(f"/upload/{batch}.json").raise_for_status().json()
        if not status["running"]:
            return status
        assert time.monotonic() < deadline, f"upload {batch} still running: {status}"
        time.sleep(0.05)


def upload_and_wait(client: TestClient, files: list[Sent]) -> dict[str, Any]:
    """Upload and wait until every file has its outcome; the finished batch's status."""
    return wait_for_upload(client, send_upload(client, files))


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> None:
    client.get("/login")
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": client.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def _clients(path: Path, settings: WebSettings | None = None) -> Iterator[ClientFor]:
    app = create_app(path, settings=settings)
    opened: list[TestClient] = []

    def client_for(role: str | None) -> TestClient:
        client = TestClient(app)
        client.__enter__()
        opened.append(client)
        if role is not None:
            log_in(client, role)
        return client

    yield client_for
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def shared_client(shared_archive: tuple[Path, Codes]) -> Iterator[ClientFor]:
    """Clients over the shared archive: shared_client(None) is anonymous."""
    yield from _clients(shared_archive[0])


@pytest.fixture
def fresh_client(fresh_archive: tuple[Path, Codes]) -> Iterator[ClientFor]:
    yield from _clients(fresh_archive[0])
