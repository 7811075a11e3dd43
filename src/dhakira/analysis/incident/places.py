"""Which governorate a place name in a news report belongs to.

The names come from two sources. The Syrian gazetteer of governorates, districts and
subdistricts with their alternate spellings (OpenSyria data-geography, built from OCHA/HDX,
GeoNames and Wikidata, CC BY 4.0) is read by `gazetteer_names`; until the shipped knowledge
base (`dhakira.knowledge`) exposes the same places, that one function reads ../shared/data/places
directly and is the only place to change when it does. The second source is a short list, written
here, of towns, neighbourhoods and regions that recur in war reporting but are not districts
(Eastern Ghouta, Khan Sheikhoun, Palmyra, Kobani, ...), in the spellings the press uses.

Governorates are named as documenters using FA-KES do: twelve lower-case names, with Rif Dimashq
counted as "damascus" (the dataset has no separate label for it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Gazetteer governorate id → the label documenters use.
GOVERNORATE_LABELS: dict[str, str] = {
    "sy-al-hasakah": "hasakeh",
    "sy-aleppo": "aleppo",
    "sy-as-suwayda": "sweida",
    "sy-damascus": "damascus",
    "sy-daraa": "daraa",
    "sy-deir-ez-zor": "deir ezzor",
    "sy-hama": "hama",
    "sy-homs": "homs",
    "sy-idlib": "idlib",
    "sy-latakia": "lattakia",
    "sy-quneitra": "quneitra",
    "sy-raqqa": "raqqa",
    "sy-rif-dimashq": "damascus",
    "sy-tartus": "tartous",
}

# Places the press names that are not districts or subdistricts, and spellings the gazetteer
# lacks. Public geographic facts.
EXTRA_PLACES: dict[str, str] = {
    "ghouta": "damascus", "eastern ghouta": "damascus", "jobar": "damascus", "douma": "damascus",
    "yarmouk": "damascus", "madaya": "damascus", "darayya": "damascus", "daraya": "damascus",
    "harasta": "damascus", "sayyida zeinab": "damascus", "sayeda zeinab": "damascus",
    "zabadani": "damascus", "moadamiyeh": "damascus", "mouadamiya": "damascus",
    "barzeh": "damascus", "qaboun": "damascus", "ain tarma": "damascus", "irbin": "damascus",
    "kafr batna": "damascus", "zamalka": "damascus", "saqba": "damascus", "hamouria": "damascus",
    "khan sheikhoun": "idlib", "khan sheikhun": "idlib", "khan shaykhun": "idlib",
    "maarat al-numan": "idlib", "maaret al-numan": "idlib", "maarrat al-numan": "idlib",
    "saraqeb": "idlib", "foua": "idlib", "fuaa": "idlib", "kefraya": "idlib", "kafraya": "idlib",
    "jisr al-shughur": "idlib", "jisr al-shughour": "idlib", "sarmin": "idlib",
    "kafr nabl": "idlib", "kafranbel": "idlib", "binnish": "idlib", "taftanaz": "idlib",
    "palmyra": "homs", "tadmur": "homs", "qusayr": "homs", "talbiseh": "homs", "rastan": "homs",
    "houla": "homs", "waer": "homs", "al-waer": "homs", "zahraa": "homs",
    "kobani": "aleppo", "kobane": "aleppo", "ain al-arab": "aleppo", "manbij": "aleppo",
    "jarablus": "aleppo", "al-bab": "aleppo", "azaz": "aleppo", "afrin": "aleppo",
    "efrin": "aleppo", "tal rifaat": "aleppo", "nubl": "aleppo", "zahraa nubl": "aleppo",
    "deir hafer": "aleppo", "khan touman": "aleppo", "castello": "aleppo", "ramouseh": "aleppo",
    "sheikh maqsoud": "aleppo", "bustan al-qasr": "aleppo", "salah al-din": "aleppo",
    "atareb": "aleppo", "dabiq": "aleppo", "tal abyad": "raqqa", "tabqa": "raqqa",
    "ain issa": "raqqa", "raqa": "raqqa", "raqqah": "raqqa",
    "mayadeen": "deir ezzor", "mayadin": "deir ezzor", "albu kamal": "deir ezzor",
    "abu kamal": "deir ezzor", "boukamal": "deir ezzor", "bukamal": "deir ezzor",
    "deir el-zour": "deir ezzor", "deir al-zour": "deir ezzor", "deir ezzor": "deir ezzor",
    "deir ez-zor": "deir ezzor", "deir el-zor": "deir ezzor", "deir al-zor": "deir ezzor",
    "deir ezzour": "deir ezzor", "deir zor": "deir ezzor", "deirezzor": "deir ezzor",
    "qamishli": "hasakeh", "qamishlo": "hasakeh", "hasakeh": "hasakeh", "hassakeh": "hasakeh",
    "hasaka": "hasakeh", "hasakah": "hasakeh", "shaddadi": "hasakeh", "ras al-ain": "hasakeh",
    "deraa": "daraa", "dara'a": "daraa", "nawa": "daraa", "busra": "daraa",
    "latakia": "lattakia", "lattakia": "lattakia", "jableh": "lattakia", "kassab": "lattakia",
    "tartus": "tartous", "tartous": "tartous", "baniyas": "tartous",
    "morek": "hama", "suran": "hama", "kafr zita": "hama", "kafrzita": "hama",
    "latamneh": "hama", "salamiyeh": "hama", "salamiyah": "hama",
    "sweida": "sweida", "suwayda": "sweida", "quneitra": "quneitra",
}  # fmt: skip


def places_dir() -> Path:
    """../shared/data/places beside the repository (the gazetteer's working copy)."""
    return Path(__file__).resolve().parents[4].parent / "shared" / "data" / "places"


def fold(name: str) -> str:
    """Lower case without diacritics, apostrophes or doubled spaces: one key per spelling."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2018\u2019'`ʿʾ]", "", text.lower())
    return re.sub(r"[\s-]+", " ", text).strip()


@lru_cache(maxsize=1)
def gazetteer_names() -> dict[str, str]:
    """Folded English name or alias → governorate label, from the gazetteer (empty if absent).

    The adapter to point at `dhakira.knowledge` once it ships these places.
    """
    folder = places_dir()
    names: dict[str, str] = {}
    for level in ("subdistricts", "districts", "governorates"):
        path = folder / f"opensyria_{level}.json"
        if not path.is_file():
            continue
        for place in json.loads(path.read_text(encoding="utf-8")):
            gov = GOVERNORATE_LABELS.get(place.get("governorateId") or place["id"])
            if gov is None:
                continue
            spellings = [place["name"]["en"]]
            spellings += [a["value"] for a in place.get("aliases", []) if a["language"] == "en"]
            for spelling in spellings:
                key = fold(
                    re.sub(r"\s+(?:governorate|district|subdistrict)$", "", spelling, flags=re.I)
                )
                if len(key) >= 4:
                    names[key] = gov  # coarser levels come last and win on shared names
    return names


@lru_cache(maxsize=1)
def place_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every known name (longest first) and its table, keyed by `fold`."""
    names = dict(gazetteer_names())
    names.update((fold(name), gov) for name, gov in EXTRA_PLACES.items())
    ordered = sorted(names, key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(map(re.escape, n.split(" "))) for n in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE), names
