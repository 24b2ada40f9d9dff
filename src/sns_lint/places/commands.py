"""``sns-lint places import | list | show``: build and inspect the public-facility gazetteer."""

# Annotations are objects, not strings: Typer reads them without resolving (see cli.py).

import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    help="公共施設一覧（ガゼッティア）を GeoPackage に取り込み、内容を表示します。",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _fail(message: str) -> None:
    sys.stderr.write(f"sns-lint: エラー: {message}\n")
    raise typer.Exit(2)


@app.command("import")
def import_command(
    csv_path: Path = typer.Argument(..., help="公共施設一覧の CSV（UTF-8 または CP932）"),
    output: Path = typer.Option(..., "--output", "-o", help="書き出す GeoPackage（例: places.gpkg）"),
    force: bool = typer.Option(False, "--force", help="既にある出力ファイルを置き換える"),
) -> None:
    """CSV を読み、施設の点レイヤ（EPSG:4326）を GeoPackage に書き出します。"""
    from sns_lint.errors import SnsLintError
    from sns_lint.places.importing import import_facilities

    if output.suffix.lower() != ".gpkg":
        _fail(f"{output}: 出力ファイルの拡張子は .gpkg にしてください。")
    if output.exists() and not force:
        _fail(f"{output}: 出力ファイルが既にあります（置き換えるときは --force）。")
    try:
        summary = import_facilities(csv_path, output)
    except SnsLintError as error:
        _fail(str(error))
    out = sys.stdout
    out.write(f"{summary.source} → {summary.output}（文字コード {summary.encoding}）\n")
    out.write(f"  データ行 {summary.rows} 件 / 取り込み {summary.imported} 件")
    out.write(f"（うち座標なし {len(summary.without_point)} 件は属性のみの行として保存）\n")
    if summary.without_point:
        out.write(f"  座標なし: {', '.join(map(str, summary.without_point))} 行目\n")
    skipped = sum(summary.skipped.values())
    out.write(f"  飛ばした行 {skipped} 件")
    if skipped:
        reasons = "、".join(f"{reason} {count} 件" for reason, count in summary.skipped.items())
        rows = ", ".join(str(line) for line, _reason in summary.skipped_rows)
        out.write(f"（{reasons}: {rows} 行目）")
    out.write("\n")
    for line, note in summary.notes:
        out.write(f"  注意 {line} 行目: {note}\n")


def _gazetteer(config: Optional[str], places: Optional[Path]):
    from sns_lint.config.loading import load_config
    from sns_lint.errors import SnsLintError
    from sns_lint.places.gazetteer import read_gazetteer

    try:
        path = places or load_config(config).places
        if path is None:
            _fail("施設一覧が指定されていません（設定ファイルの places: か --places で指定してください）。")
        return read_gazetteer(path)
    except SnsLintError as error:
        _fail(str(error))


@app.command("list")
def list_command(
    config: Optional[str] = typer.Option(None, "--config", "-c", help="設定ファイル（places: を読みます）"),
    places: Optional[Path] = typer.Option(None, "--places", help="GeoPackage を直接指定"),
) -> None:
    """施設の名称・電話番号・所在地を一覧表示します。"""
    gazetteer = _gazetteer(config, places)
    for facility in gazetteer.facilities:
        sys.stdout.write(f"{facility.name}\t{facility.phone or '-'}\t{facility.address or '-'}\n")
    sys.stdout.write(f"（{len(gazetteer.facilities)} 件、座標あり {gazetteer.with_geometry} 件: {gazetteer.path}）\n")


@app.command("show")
def show_command(
    name: str = typer.Argument(..., help="施設名（一部でも可）"),
    config: Optional[str] = typer.Option(None, "--config", "-c", help="設定ファイル（places: を読みます）"),
    places: Optional[Path] = typer.Option(None, "--places", help="GeoPackage を直接指定"),
) -> None:
    """名称・読み・通称に NAME を含む施設の登録内容を表示します（見つからなければ終了コード 1）。"""
    gazetteer = _gazetteer(config, places)
    found = gazetteer.find(name)
    if not found:
        sys.stderr.write(f"sns-lint: 「{name}」を含む施設は {gazetteer.path} にありません。\n")
        raise typer.Exit(1)
    labels = (
        ("名称", "name"), ("読み", "kana"), ("通称", "alias"), ("所在地", "address"), ("正規化した所在地", "address_key"),
        ("電話番号", "phone"), ("メール", "email"), ("URL", "url"), ("CSV の行", "source_row"),
    )
    for index, facility in enumerate(found):
        if index:
            sys.stdout.write("\n")
        for label, attribute in labels:
            value = getattr(facility, attribute)
            if value:
                sys.stdout.write(f"{label}: {value}\n")
