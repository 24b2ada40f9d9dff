"""``places import``: the national standard CSV 「公共施設一覧」 to a GeoPackage point layer.

Columns are found by their header names (自治体標準オープンデータセット, and the
older 推奨データセット names 住所 / 方書), so column order does not matter.
Rows without a name are skipped; rows without usable coordinates are kept as
attribute rows with an empty geometry (their phone and address still serve
the checks) and counted in the summary. The file is written to a temporary
name beside the target and moved into place, so a failed import never leaves
half a gazetteer.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import unicodedata
from collections import Counter
from dataclasses import astuple, dataclass, field
from pathlib import Path

from sns_lint.analysis.addresses import address_key
from sns_lint.analysis.phones import phone_digits
from sns_lint.errors import InputError
from sns_lint.places.gazetteer import COLUMNS, LAYER, Facility

NAME_COLUMNS = ("名称",)
KANA_COLUMNS = ("名称_カナ",)
ALIAS_COLUMNS = ("名称_通称",)
ADDRESS_COLUMNS = ("所在地_連結表記", "住所")
BUILDING_COLUMNS = ("建物名等(方書)", "方書")
PARTS_COLUMNS = ("所在地_都道府県", "所在地_市区町村", "所在地_町字", "所在地_番地以下")
PHONE_COLUMNS = ("電話番号",)
EXTENSION_COLUMNS = ("内線番号",)
EMAIL_COLUMNS = ("連絡先メールアドレス",)
URL_COLUMNS = ("URL",)
LAT_COLUMNS = ("緯度",)
LON_COLUMNS = ("経度",)
WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]'
)


@dataclass
class ImportSummary:
    source: Path
    output: Path
    encoding: str
    rows: int = 0
    imported: int = 0
    without_point: list[int] = field(default_factory=list)  # source rows kept as attribute rows
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (source row, what looks wrong)


Point = tuple[float, float]  # (longitude, latitude)


def decode_csv(data: bytes, path: Path) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    raise InputError("CSV を UTF-8 としても CP932（Shift_JIS）としても読めません。", path)


def _clean(value: str | None) -> str:
    """Trim ASCII and ideographic spaces; keep the text as published."""
    return (value or "").strip().strip("\u3000").strip()


def _pick(record: dict, names: tuple[str, ...]) -> str:
    for name in names:
        if record.get(name):
            return _clean(record[name])
    return ""


def _coordinate(text: str, low: float, high: float) -> float | None:
    try:
        value = float(unicodedata.normalize("NFKC", text))
    except ValueError:
        return None
    return value if low <= value <= high else None


def read_facilities(path: Path, summary: ImportSummary) -> list[tuple[Facility, Point | None]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"CSV を読めません（{exc.strerror}）。", path) from None
    text, summary.encoding = decode_csv(data, path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(_clean(name) if name else "") for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    if not any(name in header for name in NAME_COLUMNS):
        raise InputError("「名称」の列がありません（公共施設一覧の CSV ではないようです）。", path, 1)
    rows = []
    for record in reader:
        line = reader.line_num
        summary.rows += 1
        name = _pick(record, NAME_COLUMNS)
        if not name:
            summary.skipped["名称が空"] += 1
            summary.skipped_rows.append((line, "名称が空"))
            continue
        address = _pick(record, ADDRESS_COLUMNS)
        if not address:
            address = "".join(_pick(record, (column,)) for column in PARTS_COLUMNS)
        key = address_key(address) if address else ""
        parts = "".join(_pick(record, (column,)) for column in PARTS_COLUMNS)
        if parts and key and address_key(parts) != key and _pick(record, ("所在地_番地以下",)):
            summary.notes.append((line, f"所在地_連結表記（{address}）と町字・番地以下（{parts}）が食い違います"))
        phone = _pick(record, PHONE_COLUMNS)
        digits = phone_digits(phone) if phone else ""
        if phone and not (len(digits) in (10, 11) and digits.startswith("0")):
            summary.notes.append((line, f"電話番号「{phone}」を市外局番からの番号として読めません"))
            digits = ""
        extension = _pick(record, EXTENSION_COLUMNS)
        if extension and phone:
            phone = f"{phone}（内線{extension}）"
        lat = _coordinate(_pick(record, LAT_COLUMNS), -90, 90)
        lon = _coordinate(_pick(record, LON_COLUMNS), -180, 180)
        point = (lon, lat) if lat is not None and lon is not None else None
        if point is None:
            summary.without_point.append(line)
        rows.append((
            Facility(
                name=name,
                kana=_pick(record, KANA_COLUMNS),
                alias=_pick(record, ALIAS_COLUMNS),
                address=address + ((" " + _pick(record, BUILDING_COLUMNS)) if _pick(record, BUILDING_COLUMNS) else ""),
                address_key=key,
                phone=phone,
                phone_digits=digits,
                email=_pick(record, EMAIL_COLUMNS).lower(),
                url=_pick(record, URL_COLUMNS),
                source_row=line,
            ),
            point,
        ))
    summary.imported = len(rows)
    return rows


def write_geopackage(rows: list[tuple[Facility, Point | None]], output: Path) -> None:
    """One point layer in EPSG:4326, written with fudgeo."""
    from fudgeo.enumeration import FieldType, ShapeType
    from fudgeo.geometry import Point as GeoPoint
    from fudgeo.geopkg import Field, GeoPackage, SpatialReferenceSystem

    workdir = Path(tempfile.mkdtemp(prefix=".places-", dir=output.parent))
    try:
        temporary = workdir / "places.gpkg"
        package = GeoPackage.create(temporary, flavor="EPSG")
        srs = SpatialReferenceSystem(name="WGS 84", organization="EPSG", org_coord_sys_id=4326, definition=WGS84_WKT)
        fields = [Field(name, FieldType.text) for name in COLUMNS[:-1]] + [Field(COLUMNS[-1], FieldType.integer)]
        package.create_feature_class(
            LAYER, srs=srs, shape_type=ShapeType.point, fields=fields,
            description="公共施設一覧（sns-lint places import）", spatial_index=False, geom_name="geom",
        )
        values = [
            (GeoPoint(x=point[0], y=point[1], srs_id=4326) if point else None, *astuple(facility))
            for facility, point in rows
        ]
        with package.connection as connection:
            connection.executemany(
                f"INSERT INTO {LAYER} (geom, {', '.join(COLUMNS)}) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
                values,
            )
            points = [point for _facility, point in rows if point]
            if points:
                connection.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                    (min(p[0] for p in points), min(p[1] for p in points),
                     max(p[0] for p in points), max(p[1] for p in points), LAYER),
                )
        package.connection.close()
        os.replace(temporary, output)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def import_facilities(source: Path, output: Path) -> ImportSummary:
    if not output.parent.is_dir():
        raise InputError("出力先のフォルダがありません。", output)
    summary = ImportSummary(source=source, output=output, encoding="")
    rows = read_facilities(source, summary)
    write_geopackage(rows, output)
    return summary
