"""Read the gazetteer at check time with ``sqlite3`` alone.

A GeoPackage is an SQLite database; the facility layer is an ordinary table
whose attribute columns (name, address, phone …) need no geometry library.
Importing ``fudgeo`` costs about 180 ms, which a one-file pre-commit run
should not pay, so only ``places import`` uses it. The file is opened
read-only, read once per process and cached by path and modification time.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sns_lint.analysis.literal_patterns import longest_first
from sns_lint.errors import ConfigError

LAYER = "public_facilities"
COLUMNS = ("name", "kana", "alias", "address", "address_key", "phone", "phone_digits", "email", "url", "source_row")


@dataclass(frozen=True)
class Facility:
    name: str
    kana: str
    alias: str
    address: str
    address_key: str
    phone: str
    phone_digits: str
    email: str
    url: str
    source_row: int


@dataclass
class Gazetteer:
    path: Path
    facilities: tuple[Facility, ...] = ()
    srs_id: int | None = None
    with_geometry: int = 0  # rows that have a point

    @cached_property
    def phones(self) -> frozenset[str]:
        return frozenset(f.phone_digits for f in self.facilities if f.phone_digits)

    @cached_property
    def emails(self) -> frozenset[str]:
        return frozenset(f.email.lower() for f in self.facilities if f.email)

    @cached_property
    def _names(self) -> dict[str, Facility]:
        names: dict[str, Facility] = {}
        for facility in self.facilities:
            for name in (facility.name, facility.alias):
                if len(name) >= 2:
                    names.setdefault(name, facility)
        return names

    @cached_property
    def name_pattern(self) -> re.Pattern | None:
        if not self._names:
            return None
        return re.compile(longest_first(self._names))  # longest name wins: 中央図書館 before 図書館

    def facility_named(self, name: str) -> Facility | None:
        return self._names.get(name)

    def find(self, name: str) -> list[Facility]:
        """Facilities whose name, reading or alias contains ``name``."""
        return [f for f in self.facilities if name in f.name or (f.kana and name in f.kana) or (f.alias and name in f.alias)]


_cache: dict[str, tuple[float, Gazetteer]] = {}  # path -> (modification time, the newest reading)


def read_gazetteer(path: Path) -> Gazetteer:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        raise ConfigError("places に指定した施設一覧（GeoPackage）が見つかりません。", path) from None
    kept = _cache.get(str(path))
    if kept is None or kept[0] != stamp:
        kept = _cache[str(path)] = (stamp, _read(path))
    return kept[1]


def _read(path: Path) -> Gazetteer:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ConfigError(f"施設一覧（GeoPackage）を開けません: {exc}", path) from None
    try:
        (srs_id,) = connection.execute(
            "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (LAYER,)
        ).fetchone() or (None,)
        rows = connection.execute(
            f"SELECT {', '.join(COLUMNS)}, geom IS NOT NULL FROM {LAYER} ORDER BY fid"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise ConfigError(
            f"施設一覧（GeoPackage）に {LAYER} の層がありません。sns-lint places import で作り直してください（{exc}）。", path
        ) from None
    finally:
        connection.close()
    facilities = tuple(
        Facility(*("" if value is None else value for value in row[:-2]), source_row=row[-2] or 0) for row in rows
    )
    return Gazetteer(path=path, facilities=facilities, srs_id=srs_id, with_geometry=sum(row[-1] for row in rows))
