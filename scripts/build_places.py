"""Build the shipped gazetteer of Syrian places from OpenSyria data-geography.

Run from the repository root with ../shared beside it:

    python scripts/build_places.py

Reads ../shared/data/places (14 governorates, 62 districts, 272 subdistricts; CC BY 4.0, credit
OpenSyria and its sources) and writes src/dhakira/knowledge/data/places.json in the knowledge
base format (id "place:<opensyria id>", English and Arabic names, aliases, OCHA p-code,
Wikidata and GeoNames ids, level and parent) plus places.NOTICE.md with the credit and the
upstream commit. Aliases that are machine transliterations (all lower case) or Arabic common
words that would match ordinary prose ("الباب", "the door") are left out; an alias already
claimed by a higher level (a governorate before its district) is kept only there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "places"
OUT = ROOT / "src" / "dhakira" / "knowledge" / "data"
LEVELS = (
    ("governorate", "opensyria_governorates.json"),
    ("district", "opensyria_districts.json"),
    ("subdistrict", "opensyria_subdistricts.json"),
)
# one-word Arabic place names that are also everyday words; they stay reachable in longer forms
ARABIC_COMMON = frozenset(
    {
        "الباب",
        "التل",
        "القصير",
        "المركز",
        "مركز",
        "الشيخ",
        "السلام",
        "الحرية",
        "الجديدة",
        "الثورة",
        "المزرعة",
        "الحمراء",
        "الشعب",
        "السجن",
        "الكرامة",
        "الشجرة",
        "الجلاء",
        "الروضة",
        "الناصرة",
        "الراعي",
        "الحاجب",
        "الحاضر",
        "الصور",
        "صور",
        "الزيارة",
        "الحديدة",
        "حديدة",
        "ملح",
        "بلبل",
        "سوسة",
        "شين",
        "سلوك",
        "الطواحين",
        "الكسرة",
        "كسرة",
        "الحصان",
        "الكريمة",
        "كريمة",
        "السودا",
        "السوداء",
        "القبو",
        "الضمير",
        "جاسم",
        "هنادي",
        "المنصورة",
        "الجيزة",
        "الدالية",
        "دالية",
        "عوج",
        "سبة",
        "الحميدية",
        "الوعرة",
    }
)
ENGLISH_COMMON = frozenset(
    {
        "center",
        "centre",
        "markaz",
        "tell",
        "sheikh",
        "bab",
        "old",
        "dana",
        "hamra",
        "sur",
        "shin",
        "hole",
        "oj",
        "sabbah",
        "hanadi",
        "karama",
        "nasra",
        "sarin",
        "malah",
        "milh",
        "mallah",
        "basira",
        "jalaa",
        "bulbul",
        "ziyara",
        "rawda",
        "dara",
        "mansura",
        "jasim",
        "sabka",
        "tabni",
    }
)
NOTICE = """# Syrian places: credit and licence

`places.json` is built by `scripts/build_places.py` from **OpenSyria data-geography**
(upstream commit `{commit}`), which compiles OCHA/HDX administrative boundaries (via
geoBoundaries), GeoNames and Wikidata. It lists Syria's 14 governorates, 62 districts and
272 subdistricts with English and Arabic names, alternate spellings, OCHA p-codes, Wikidata
and GeoNames ids.

Licence of this data: Creative Commons Attribution 4.0 International (CC BY 4.0),
https://creativecommons.org/licenses/by/4.0/. Credit: OpenSyria and its sources (UN OCHA via
HDX and geoBoundaries, GeoNames, Wikidata). Changes made here: fields reduced to names,
aliases, identifiers and hierarchy; machine transliterations and a few Arabic names that are
also everyday words dropped as standalone aliases.
"""


def _keep(alias: str) -> bool:
    latin = [c for c in alias if c.isascii() and c.isalpha()]
    if latin and alias == alias.lower():
        return False
    return alias not in ARABIC_COMMON and alias.lower() not in ENGLISH_COMMON


def _entity(raw: dict[str, Any], level: str) -> dict[str, Any]:
    names = raw["name"]
    aliases = [a["value"] for a in raw.get("aliases", []) if _keep(a["value"])]
    ext = raw.get("externalIds", {})
    ids = {
        "ocha_pcode": ext.get("ochaPcode"),
        "wikidata": ext.get("wikidata"),
        "geonames": ext.get("geonames"),
    }
    parent = raw.get("districtId") or raw.get("governorateId")
    entity: dict[str, Any] = {
        "id": f"place:{raw['id']}",
        "type": "place",
        "name": {k: v for k, v in (("en", names.get("en")), ("ar", names.get("ar"))) if v},
        "aliases": list(dict.fromkeys(aliases)),
        "ids": {k: v for k, v in ids.items() if v},
        "level": level,
    }
    if parent:
        entity["parent"] = f"place:{parent}"
    for lang in ("en", "ar"):
        if str(entity["name"].get(lang, "")).lower() in ARABIC_COMMON | ENGLISH_COMMON:
            entity["name"].pop(lang)
    return entity


def build(shared: Path = SHARED, out: Path = OUT) -> int:
    """Write places.json and places.NOTICE.md; returns the number of places."""
    entities = []
    for level, name in LEVELS:
        entities += [_entity(raw, level) for raw in json.loads((shared / name).read_text("utf-8"))]
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entities)
    (out / "places.json").write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    commit = (shared / "UPSTREAM_COMMIT").read_text(encoding="utf-8").strip()
    (out / "places.NOTICE.md").write_text(NOTICE.format(commit=commit), encoding="utf-8")
    return len(entities)


if __name__ == "__main__":
    if not SHARED.exists():
        sys.exit(f"{SHARED} not found: put the shared data beside the repository")
    print(f"wrote {build()} places to {OUT / 'places.json'}")
