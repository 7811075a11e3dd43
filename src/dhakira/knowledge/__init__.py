"""What dhakira already knows: entities with English and Arabic names, and a matcher for them.

`load_knowledge()` returns the knowledge base (shipped files plus the user's own, see
`dhakira.knowledge.base`); its `.matcher.find(text)` finds known names in a text, tolerant of
case, transliteration and Arabic spelling (see `dhakira.knowledge.matcher`).
"""

from dhakira.knowledge.base import ENV_VAR, Entity, KnowledgeBase, load_knowledge

__all__ = ["ENV_VAR", "Entity", "KnowledgeBase", "load_knowledge"]
