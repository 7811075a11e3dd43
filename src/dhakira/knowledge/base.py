"""The knowledge base: known entities with their names in English and Arabic.

Two files ship in `dhakira/knowledge/data/`: `entities.json` (organizations, detention
facilities and security branches, people who recur publicly, reports, events, countries and
cities, and the Syrian towns, neighbourhoods, camps and regions reporting names, each with its
governorate as "parent"; written for dhakira from public facts) and `places.json` (Syrian
governorates, districts and subdistricts with OCHA p-codes, built by `scripts/build_places.py`
from OpenSyria data-geography, CC BY 4.0, see `places.NOTICE.md`; a press spelling of one of
these units, "Deir Ezzor", is added in that script's PRESS_ALIASES, not in the built file).

A user adds their own entities with files in the same format, named in the environment variable
`DHAKIRA_KNOWLEDGE` (paths separated by ":") or passed as `load_knowledge(extra=[path])`.
Each file is a JSON list of objects (or {"entities": [...]}):

    {"id": "facility:branch-999", "type": "facility",
     "name": {"en": "Branch 999", "ar": "الفرع 999"},
     "aliases": ["Ninety-Nine Branch", "فرع 999"],
     "ids": {"wikidata": "Q..."}}

Places may also carry "level" (governorate, district, subdistrict) and "parent" (an entity id);
an event's "parent" is the place where it happened (claims about it are placed there).

`type` is one of person, organization, place, facility, report, event. Earlier sources win when
two entities claim the same name: the user's files first, then the curated entities, then the
places, so a user can redirect a name and "Sednaya" means the prison rather than the town.
The files are read once per process and per set of extra paths, on first use, never at import.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dhakira.errors import ConfigError
from dhakira.records import ENTITY_TYPES

ENV_VAR = "DHAKIRA_KNOWLEDGE"
SHIPPED = ("entities.json", "places.json")


@dataclass(frozen=True)
class Entity:
    """A known entity: stable id, type, canonical names and every other way of writing it."""

    id: str
    type: str
    name_en: str | None
    name_ar: str | None
    aliases: tuple[str, ...] = ()
    ids: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    source: str = ""
    # places: "governorate", "district", "subdistrict", "country", "city"...; and the id above
    level: str | None = None
    parent: str | None = None

    @property
    def canonical_name(self) -> str:
        return self.name_en or self.name_ar or self.id

    def names(self) -> list[str]:
        """Every name it is indexed under: canonical names first, then aliases."""
        return [n for n in (self.name_en, self.name_ar, *self.aliases) if n]


def _entity(raw: dict[str, Any], source: str) -> Entity:
    """One entity from its JSON object; a malformed one stops the load with its place."""
    try:
        names = raw.get("name") or {}
        if isinstance(names, str):
            names = {"en": names}
        entity = Entity(
            id=str(raw["id"]),
            type=str(raw["type"]),
            name_en=names.get("en"),
            name_ar=names.get("ar"),
            aliases=tuple(str(a) for a in raw.get("aliases", ())),
            ids={str(k): str(v) for k, v in (raw.get("ids") or {}).items()},
            source=source,
            level=raw.get("level"),
            parent=raw.get("parent"),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(
            f"knowledge file {source}: entity {raw!r:.80} is malformed ({exc})",
            hint='each entity needs "id", "type" and "name": {"en": ..., "ar": ...}',
        ) from exc
    if entity.type not in ENTITY_TYPES:
        raise ConfigError(
            f"knowledge file {source}: entity {entity.id} has unknown type {entity.type!r}",
            hint=f"use one of {', '.join(ENTITY_TYPES)}",
        )
    if not entity.names():
        raise ConfigError(f"knowledge file {source}: entity {entity.id} has no name")
    return entity


def _parse(text: str, source: str) -> list[Entity]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"knowledge file {source} is not valid JSON: {exc}", hint="fix the file or remove it"
        ) from exc
    if isinstance(data, dict):
        data = data.get("entities", [])
    if not isinstance(data, list):
        raise ConfigError(f"knowledge file {source}: expected a list of entities")
    return [_entity(raw, source) for raw in data]


def _read_user_file(path: Path) -> list[Entity]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"knowledge file {path} cannot be read: {exc}",
            hint=f"check the path given in {ENV_VAR} or to load_knowledge",
        ) from exc
    return _parse(text, str(path))


def _read_shipped(name: str) -> list[Entity]:
    text = resources.files("dhakira.knowledge").joinpath("data", name).read_text(encoding="utf-8")
    return _parse(text, name)


def load_knowledge(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The knowledge base: user files (`extra`, then DHAKIRA_KNOWLEDGE), curated, places.

    Cheap to call often (pages ask it for every name they show): the files are read once per
    setting of `extra` and DHAKIRA_KNOWLEDGE."""
    return _for_setting(tuple(str(path) for path in extra), os.environ.get(ENV_VAR, ""))


@lru_cache(maxsize=8)
def _for_setting(extra: tuple[str, ...], setting: str) -> KnowledgeBase:
    named = [*extra, *(p for p in setting.split(os.pathsep) if p.strip())]
    return _cached(tuple(Path(p).resolve() for p in named))


@lru_cache(maxsize=8)
def _cached(paths: tuple[Path, ...]) -> KnowledgeBase:
    entities: list[Entity] = []
    for path in paths:
        entities.extend(_read_user_file(path))
    for name in SHIPPED:
        entities.extend(_read_shipped(name))
    return KnowledgeBase(entities)


class KnowledgeBase:
    """Entities by id, in priority order; the matcher index is built on first use."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_id: dict[str, Entity] = {}
        for entity in entities:
            self._by_id.setdefault(entity.id, entity)
        self._matcher: Any = None

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Any:
        return iter(self._by_id.values())

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    @property
    def matcher(self) -> Any:
        """The `Matcher` over these entities (built once, then reused)."""
        if self._matcher is None:
            from dhakira.knowledge.matcher import Matcher

            self._matcher = Matcher(list(self._by_id.values()))
        return self._matcher
