"""Computed sentences said in the reader's language: reasons, figures, sources.

The views give these as keys and values (a suggested reliability's reasons, a figure's low,
high and qualifier, a source's name) so the JSON stays language-free; here they become text in
Arabic or English with the reader's digits. Message templates come from `i18n`: "{name}" is a
value, "{name:noun}" a count of that noun (`plurals`), and a list is joined as the language
joins lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dhakira.views.web import i18n, names, plurals

_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
_FAILURE_CODE = re.compile(r"^\[(DK\d{3})\]\s*")
_DOCUMENT_SOURCE = re.compile(r"^document (\S+)$")


def source_name(lang: str, source: object) -> str:
    """Who stands behind a figure, in `lang`: a known entity by its name in that language, a
    document standing for itself ("document CODE") as "Document CODE" / "الوثيقة CODE"."""
    text = str(source or "")
    alone = _DOCUMENT_SOURCE.match(text)
    if alone:
        return i18n.translate(lang, "document_source").replace("{code}", alone.group(1))
    return " / ".join(names.name_of(lang, part) for part in text.split(" / "))


def entity_label(lang: str, group: Mapping[str, Any]) -> str:
    """A marked mention's title: the entity's name and type in `lang`, "سجن صيدنايا (منشأة)"."""
    name = names.entity_name(lang, group.get("entity_id"), group.get("canonical_name"))
    return f"{name} ({i18n.kind(lang, group.get('type'))})"


def joined(lang: str, items: list[str]) -> str:
    return ("، " if lang == "ar" else ", ").join(items)


def _value(lang: str, name: str, value: Any, style: str) -> str:
    if isinstance(value, list | tuple):
        shown = [source_name(lang, v) if "source" in name else str(v) for v in value]
        return joined(lang, shown)
    if "source" in name:
        return source_name(lang, value)
    return i18n.digits(value, style) if isinstance(value, int | float) else str(value)


def sentence(lang: str, key: str, values: Mapping[str, Any], style: str) -> str:
    """Message `key` with its fields filled from `values` in `lang` and digit `style`."""

    def fill(match: re.Match[str]) -> str:
        name, noun = match.group(1), match.group(2)
        if noun:
            return plurals.counted(lang, noun, values.get(name), style)
        return _value(lang, name, values.get(name, ""), style)

    return _FIELD.sub(fill, i18n.translate(lang, key))


def reason(lang: str, why: Mapping[str, Any], style: str) -> str:
    """One reason of a suggested reliability (`links.reasons.Reason.to_json`) in `lang`; a
    reason that names fewer documents than it counts ends their list with "…"."""
    documents = why.get("documents")
    if documents and int(why.get("count") or 0) > len(documents):
        why = {**why, "documents": [*documents, "…"]}
    return sentence(lang, "why_" + str(why["key"]), why, style)


def conflict(lang: str, first: Mapping[str, Any], second: Mapping[str, Any], style: str) -> str:
    """Why two members of an incident (`connections.incident_dict`) cannot both be true."""
    values = {
        "first": first["code"],
        "first_source": first["source"],
        "first_figure": figure(lang, first, style),
        "second": second["code"],
        "second_source": second["source"],
        "second_figure": figure(lang, second, style),
    }
    return sentence(lang, "why_conflict", values, style)


def figure(lang: str, shown: Mapping[str, Any], style: str) -> str:
    """A figure as the language says it: "5,000-13,000", "at least 5,000", "thousands".

    `shown` holds low, high, best and qualifier (a claim, an incident member, a consolidated
    figure); it mirrors `links.corroboration.describe_figure`, which gives the English."""
    low, high, best = shown.get("low"), shown.get("high"), shown.get("best")
    qualifier = shown.get("qualifier")

    def n(value: Any) -> str:
        return plurals.grouped(round(float(value)), style)

    if low is not None and high is not None and low != high:
        return f"{n(low)}-{n(high)}"
    value = next((v for v in (best, low, high) if v is not None), None)
    if value is None:
        return _qualifier(lang, qualifier, None) if qualifier else "?"
    if qualifier and qualifier != "between" and low is not None and high is None:
        if qualifier in ("at least", "over"):
            return _qualifier(lang, qualifier, n(value))
        return _qualifier(lang, qualifier, None)  # a vague plural: "thousands"
    return _qualifier(lang, qualifier, n(value)) if qualifier else n(value)


def _qualifier(lang: str, qualifier: str, number: str | None) -> str:
    if number is None:
        key = "v_" + qualifier
        found = i18n.translate(lang, key)
        return qualifier if found == key else found
    template = i18n.translate(lang, "q_" + qualifier)
    if template == "q_" + qualifier:  # a qualifier the catalogue does not know yet
        return f"{qualifier} {number}"
    return template.replace("{n}", number)


def failure(lang: str, reason: object) -> str:
    """A stored failure reason ("[DK104] damaged PDF: Stream has ended unexpectedly") led by
    what kind of failure it is in `lang`; the detail after it stays as the reader of the file
    wrote it (a library's words, which no catalogue can translate)."""
    text = str(reason or "")
    found = _FAILURE_CODE.match(text)
    key = f"failure_{found.group(1)}" if found else ""
    if not found or lang == "en" or not i18n.has(key):
        return text
    return f"{i18n.translate(lang, key)} — {text}"
