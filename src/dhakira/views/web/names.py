"""An entity's name in the reader's language: "سجن صيدنايا" on Arabic pages, "Sednaya Prison"
on English ones.

The archive stores one canonical name per mention (the knowledge base's English name when it
has one); the knowledge base knows the names in both scripts. A page asks here by entity id
(mentions, entity lists) or by the canonical name it was given (an incident's place, the
chronicle's places and facilities, a claim's source), and gets the name in its language when
the knowledge base has it, else the name as stored. The knowledge base is the one the analysers
used (`load_knowledge`, with the user's own files), read once per process.
"""

from __future__ import annotations

from functools import lru_cache

from dhakira.knowledge.base import Entity, KnowledgeBase, load_knowledge


def _in(lang: str, entity: Entity | None) -> str | None:
    if entity is None:
        return None
    return entity.name_ar if lang == "ar" else entity.name_en


def entity_name(lang: str, entity_id: object, stored: object) -> str:
    """The name of entity `entity_id` in `lang`, else `stored` (its name as the archive has it)."""
    shown = _in(lang, load_knowledge().get(str(entity_id))) if entity_id else None
    return shown or str(stored or "")


def name_of(lang: str, stored: object) -> str:
    """A canonical name (as stored with a mention) said in `lang` when the knowledge base knows
    it; any other text is returned unchanged."""
    text = str(stored or "")
    return _in(lang, _by_name(load_knowledge()).get(text.casefold())) or text


@lru_cache(maxsize=4)
def _by_name(knowledge: KnowledgeBase) -> dict[str, Entity]:
    """Known entities by their English and Arabic names; the first (highest priority) wins."""
    found: dict[str, Entity] = {}
    for entity in knowledge:
        for name in (entity.name_en, entity.name_ar):
            if name:
                found.setdefault(name.casefold(), entity)
    return found
