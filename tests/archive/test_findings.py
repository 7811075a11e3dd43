"""Storing what the analysers found: mentions, claims and the main incident, on every backend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from dhakira.archive import Archive, ClaimQuery, EntityQuery, findings, rows
from dhakira.archive.migrate import MIGRATIONS
from dhakira.archive.schema import document_texts, documents
from dhakira.ingest import reanalyze
from dhakira.records import Claim, Document, Incident, Mention

MakeDoc = Callable[..., Document]

ENGLISH = "Amnesty said as many as 13,000 people were hanged at Saydnaya between 2011 and 2015."
ARABIC = "قالت الشبكة إن خمسة آلاف معتقل قتلوا في سجن صيدنايا منذ 2012."
STEPS = {"analysis.entities": "v1", "analysis.claims": "v2", "analysis.incident": "v1"}


def _claim(text: str, quote: str, **fields: object) -> Claim:
    start = text.index(quote)
    values: dict[str, object] = {
        "event": "execution",
        "low": None,
        "high": None,
        "best": None,
        "qualifier": None,
        "place": None,
        "period_start": None,
        "period_end": None,
        "actor": None,
        "attributed_to": None,
        "kind": "victims",
    }
    values.update(fields)
    return Claim(quote=quote, start=start, end=start + len(quote), **values)  # type: ignore[arg-type]


def _mention(
    text: str, surface: str, kind: str, entity_id: str | None, name: str | None
) -> Mention:
    start = text.index(surface)
    return Mention(surface, start, start + len(surface), kind, entity_id, name, "kb")


def _english(make_doc: MakeDoc) -> Document:
    return make_doc(
        ENGLISH,
        title="Executions at Saydnaya",
        date="2017-02-07",
        steps=dict(STEPS),
        entities=[
            _mention(ENGLISH, "Amnesty", "organization", "org:amnesty", "Amnesty International"),
            _mention(ENGLISH, "Saydnaya", "facility", "facility:sednaya-prison", "Sednaya Prison"),
        ],
        claims=[
            _claim(
                ENGLISH,
                "as many as 13,000 people were hanged",
                high=13000.0,
                qualifier="as many as",
                place="Sednaya Prison",
                period_start="2011",
                period_end="2015",
                attributed_to="Amnesty International",
            ),
        ],
        incident=Incident("damascus", "2017-02-07", "execution", "unknown", civilians=13000),
    )


def _arabic(make_doc: MakeDoc) -> Document:
    return make_doc(
        ARABIC,
        date="2019-05-01",
        steps=dict(STEPS),
        entities=[
            _mention(
                ARABIC, "سجن صيدنايا", "facility", "facility:sednaya-prison", "Sednaya Prison"
            ),
            _mention(ARABIC, "الشبكة", "organization", None, None),
        ],
        claims=[
            _claim(
                ARABIC,
                "خمسة آلاف معتقل قتلوا",
                event="killing",
                best=5000.0,
                place="سجن صيدنايا",
                period_start="2012",
                attributed_to="الشبكة",
            ),
        ],
    )


def test_get_returns_the_stored_mentions_claims_and_incident(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    doc = _english(make_doc)
    stored = archive.get(archive.add(doc, batch).code)
    assert stored.entities == doc.entities
    assert stored.claims == doc.claims
    assert stored.incident == doc.incident


def test_a_document_without_findings_reads_back_empty(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    stored = archive.get(archive.add(make_doc("no names here"), batch).code)
    assert (stored.entities, stored.claims, stored.incident) == ([], [], None)


def test_export_json_carries_findings_with_the_extract_keys(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    doc = _english(make_doc)
    archive.add(doc, batch)
    exported = next(archive.documents()).export_json()
    assert exported["entities"] == [m.to_json() for m in doc.entities]
    assert exported["claims"] == [c.to_json() for c in doc.claims]
    assert exported["incident"] == doc.incident.to_json() if doc.incident else False


def test_each_finding_keeps_the_analyser_version(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    archive.add(_english(make_doc), batch)
    assert [c.analyser for c in archive.claims()] == ["analysis.claims.v2"]


def test_entities_are_grouped_across_documents_with_their_spellings(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    archive.add(_english(make_doc), batch)
    archive.add(_arabic(make_doc), batch)
    sednaya = archive.entities(EntityQuery(type="facility"))
    assert len(sednaya) == 1
    assert (sednaya[0].mentions, sednaya[0].documents) == (2, 2)
    assert sorted(sednaya[0].spellings) == sorted(["Saydnaya", "سجن صيدنايا"])


def test_entity_name_filter_matches_a_canonical_name_or_a_spelling(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    archive.add(_english(make_doc), batch)
    archive.add(_arabic(make_doc), batch)
    assert [e.key for e in archive.entities(EntityQuery(name="sednaya"))] == [
        "facility:sednaya-prison"
    ]
    assert [e.key for e in archive.entities(EntityQuery(name="الشبكة"))] == ["organization:الشبكة"]


def test_entity_name_filter_takes_like_wildcards_literally(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    archive.add(_english(make_doc), batch)
    assert archive.entities(EntityQuery(name="%")) == []


@pytest.mark.parametrize(
    ("query", "events"),
    [
        (ClaimQuery(), ["execution", "killing"]),
        (ClaimQuery(event="killing"), ["killing"]),
        (ClaimQuery(place="saydnaya"), ["execution"]),
        (ClaimQuery(place="sednaya"), ["execution"]),
        (ClaimQuery(place="aleppo"), []),
        (ClaimQuery(place="صيدنايا"), ["execution", "killing"]),  # one facility, two scripts
        (ClaimQuery(attributed_to="amnesty"), ["execution"]),
        (ClaimQuery(year_from="2016"), ["killing"]),  # "since 2012" runs to the document's date
        (ClaimQuery(year_to="2011"), ["execution"]),
        (ClaimQuery(year_from="2013", year_to="2014"), ["execution", "killing"]),
        (ClaimQuery(kind="method"), []),
    ],
)
def test_claim_filters(
    archive: Archive, batch: str, make_doc: MakeDoc, query: ClaimQuery, events: list[str]
) -> None:
    archive.add(_english(make_doc), batch)
    archive.add(_arabic(make_doc), batch)
    assert sorted(c.claim.event for c in archive.claims(query)) == events


def test_an_archive_made_before_the_findings_tables_opens_and_reanalysis_fills_them(
    tmp_path: Path, database_url: str | None, make_doc: MakeDoc
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    url = database_url or f"sqlite:///{folder / 'archive.sqlite'}"
    engine = sa.create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            sa.text(
                "INSERT INTO batches (id, description, started_at) "
                "VALUES ('b1', 'old batch', '2020-01-01T00:00:00Z')"
            )
        )
        row = rows.document_row(make_doc(ENGLISH), "DHK-XXXX-ABCDEF", "b1", "restricted")
        doc_id = conn.execute(documents.insert(), row).inserted_primary_key[0]
        conn.execute(document_texts.insert(), {"doc_id": doc_id, "text": ENGLISH, "raw_text": ""})
    engine.dispose()
    with Archive.open(folder, database_url) as opened:
        stored = opened.get("DHK-XXXX-ABCDEF")
        assert (stored.entities, stored.claims, stored.incident) == ([], [], None)
        assert opened.entities() == [] and opened.claims() == []
        opened.blobs.put(ENGLISH.encode("utf-8"))
        reanalyze(opened, ["DHK-XXXX-ABCDEF"], actor="tester")
        assert any(c.high == 13000 for c in opened.get("DHK-XXXX-ABCDEF").claims)


def test_a_failure_while_storing_findings_leaves_no_document(
    archive: Archive, batch: str, make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(findings, "write", broken)
    with pytest.raises(RuntimeError):
        archive.add(_english(make_doc), batch)
    assert archive.count() == 0 and archive.audit() == []
