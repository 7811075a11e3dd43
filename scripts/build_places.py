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
# Spellings the press and documenters use that OpenSyria lacks, added as aliases of its places
# (written for dhakira; each names the same administrative unit as its OpenSyria names).
PRESS_ALIASES: dict[str, tuple[str, ...]] = {
    "sy-deir-ez-zor": (
        "Deir Ezzor", "Deir al-Zour", "Deir el-Zour", "Deir Ezzour", "Deir ez-Zour",
        "Deir al-Zor", "Deir el-Zor", "Deir az-Zour", "Deir az-Zor", "Deir Zor", "Deir Zour",
        "Deir Ezour", "Deirezzor",
    ),
    "sy-as-suwayda": ("Sweida", "Suwaida", "Sweida Governorate"),
    # the press's "Rural Damascus" is the governorate (OpenSyria also gives it to the district
    # around Damascus; a press spelling belongs to the unit it is listed under here only)
    "sy-rif-dimashq": ("Rural Damascus", "Damascus Countryside", "Reef Damascus", "Rif Damascus"),
    "sy-rif-dimashq-al-zabadani": ("Zabadani",),
    "sy-idlib-idlib-saraqab": ("Saraqeb",),
    "sy-homs-al-qusayr": ("Qusayr", "Qusair"),
    "sy-homs-al-rastan": ("Rastan",),
    "sy-aleppo-afrin": ("Efrin",),
    "sy-aleppo-al-bab-dayr-hafir": ("Deir Hafer", "Deir Hafir"),
    "sy-deir-ez-zor-mayadin": ("Mayadeen",),
    "sy-hama-al-salamiyah": ("Salamiyeh", "Salamiyah", "Salamyieh", "Salamieh"),
    "sy-hama-mhardeh-kafr-zeita": ("Kafrzita", "Kafr Zita"),
    "sy-homs-homs-qaryatein": ("Qaryatain", "Qaryatayn", "al-Qaryatain"),
    "sy-al-hasakah": ("Hassakeh", "Hasakeh", "Hasaka", "Hassaka", "Hassake", "Hasake"),
    "sy-raqqa": ("Raqa", "Rakka", "Raqqah"),
    "sy-daraa": ("Deraa", "Dera'a", "Dar'a"),
    "sy-aleppo": ("Halab",),
    "sy-homs-tadmur": ("Palmyra",),
    "sy-deir-ez-zor-abu-kamal": ("Albukamal", "Al-Bukamal", "Boukamal", "Bukamal", "Albu Kamal"),
    "sy-aleppo-jarabulus": ("Jerablus", "Jarabulus"),
    "sy-al-hasakah-al-qamishli": ("Qameshli", "Qamishlo", "Kamishli"),
    "sy-raqqa-tell-abyad": ("Tal Abyad", "Tal Abiad"),
    "sy-raqqa-tell-abyad-ein-issa": ("Ain Issa", "Ain Eissa"),
    "sy-raqqa-al-thawrah": ("Tabqa", "Al-Tabqa", "Tabqah"),  # not "الطبقة": also "the class"
    "sy-idlib-maarrat-al-numan-khan-shaykun": (
        "Khan Sheikhun", "Khan Sheikhoun", "Khan Shaikhoun", "Khan Shaykhoun",
    ),
    "sy-idlib-maarrat-al-numan-ma-arrat-an-nu-man": (
        "Maarat al-Nuaman", "Maaret al-Numan", "Maarrat al-Numan", "Maarat al-Numan",
    ),
    "sy-idlib-jisr-al-shughur": ("Jisr al-Shigour", "Jisr al-Shughour", "Jisr ash-Shughur"),
    "sy-idlib-maarrat-al-numan-kafr-nobol": ("Kafranbel", "Kafr Nabl", "كفرنبل"),
    "sy-idlib-ariha": ("Arihah",),
    "sy-aleppo-azaz": ("Aazaz",),
    "sy-rif-dimashq-darayya": ("Daraya",),
    "sy-daraa-izra": ("Izraa",),
    "sy-daraa-daraa-busra-esh-sham": ("Bosra", "Busra", "Busra al-Sham", "Bosra al-Sham"),
    "sy-al-hasakah-al-hasakah-shadadah": ("Shaddadi", "Al-Shaddadi", "Shadadi", "الشدادي"),
}  # fmt: skip
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
also everyday words dropped as standalone aliases; spellings the press uses that the data
lacks ("Deir Ezzor", "Palmyra", "Tabqa") added as aliases by dhakira (`PRESS_ALIASES` in the
build script).
"""


def _keep(alias: str) -> bool:
    latin = [c for c in alias if c.isascii() and c.isalpha()]
    if latin and alias == alias.lower():
        return False
    return alias not in ARABIC_COMMON and alias.lower() not in ENGLISH_COMMON


# each press spelling and the unit it names: another unit's alias of the same spelling is dropped
_PRESS_OWNER = {
    alias.lower(): unit for unit, spellings in PRESS_ALIASES.items() for alias in spellings
}


def _entity(raw: dict[str, Any], level: str) -> dict[str, Any]:
    names = raw["name"]
    aliases = [
        a["value"]
        for a in raw.get("aliases", [])
        if _keep(a["value"]) and _PRESS_OWNER.get(a["value"].lower(), raw["id"]) == raw["id"]
    ]
    aliases += PRESS_ALIASES.get(raw["id"], ())
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
    unknown = set(PRESS_ALIASES) - {e["id"].removeprefix("place:") for e in entities}
    if unknown:
        raise SystemExit(f"PRESS_ALIASES names places OpenSyria does not have: {sorted(unknown)}")
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entities)
    (out / "places.json").write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    commit = (shared / "UPSTREAM_COMMIT").read_text(encoding="utf-8").strip()
    (out / "places.NOTICE.md").write_text(NOTICE.format(commit=commit), encoding="utf-8")
    return len(entities)


if __name__ == "__main__":
    if not SHARED.exists():
        sys.exit(f"{SHARED} not found: put the shared data beside the repository")
    print(f"wrote {build()} places to {OUT / 'places.json'}")
