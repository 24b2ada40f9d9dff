"""The public-facility gazetteer: import of the national standard CSV, the GeoPackage it writes,
the ``places`` commands, and how ``check`` reads it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sns_lint.places.gazetteer import LAYER, read_gazetteer
from sns_lint.places.importing import import_facilities
from tests.conftest import REPO, write

SAMPLE = REPO / "tests" / "data" / "public-facilities" / "itabashi-public-facilities.excerpt.csv"
EXAMPLE_CSV = REPO / "examples" / "places" / "公共施設一覧.csv"


@pytest.fixture(scope="module")
def itabashi(tmp_path_factory) -> tuple[object, Path]:
    output = tmp_path_factory.mktemp("places") / "itabashi.gpkg"
    return import_facilities(SAMPLE, output), output


def test_real_sample_imports_every_row_with_a_point(itabashi):
    summary, output = itabashi
    assert (summary.rows, summary.imported, summary.without_point, sum(summary.skipped.values())) == (53, 53, [], 0)
    assert summary.encoding == "utf-8"
    gazetteer = read_gazetteer(output)
    assert len(gazetteer.facilities) == 53 and gazetteer.with_geometry == 53


def test_real_sample_values_are_normalised(itabashi):
    _summary, output = itabashi
    by_name = {f.name: f for f in read_gazetteer(output).facilities}
    office = by_name["板橋区役所"]
    assert (office.phone, office.phone_digits, office.address_key) == ("(03)3964-1111", "0339641111", "東京都板橋区板橋2-66-1")
    # full-width digits in the published address
    assert by_name["リサイクルプラザ"].address_key == "東京都板橋区舟渡4-16-6"
    # an ideographic space and a building name after the number
    assert by_name["区民相談室"].address_key == "東京都板橋区板橋2-65-6"
    # an ASCII space inside the address, a parenthetical after it
    assert by_name["昆虫公園"].address_key == "東京都板橋区徳丸3-37-9"
    assert by_name["こども動物園"].address_key == "東京都板橋区板橋3-50-1"
    # an out-of-area number and a facility without a phone number
    assert by_name["少年自然の家八ケ岳荘"].phone_digits == "0266662323"
    assert by_name["情報処理センター"].phone_digits == ""


def test_import_reports_the_row_whose_address_columns_disagree(itabashi):
    summary, _output = itabashi
    assert [line for line, _note in summary.notes] == [19]
    assert "常盤台3-27-1" in summary.notes[0][1]


def test_geopackage_tables_follow_the_standard(itabashi):
    _summary, output = itabashi
    with sqlite3.connect(output) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # 'GPKG'
        contents = db.execute(
            "SELECT table_name, data_type, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents"
        ).fetchall()
        assert contents[0][:3] == (LAYER, "features", 4326)
        assert contents[0][3] == pytest.approx(138.288823) and contents[0][6] == pytest.approx(35.95633)
        geometry = db.execute(
            "SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns"
        ).fetchall()
        assert geometry == [(LAYER, "geom", "POINT", 4326, 0, 0)]
        srs = db.execute(
            "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4326"
        ).fetchone()
        assert srs[:2] == ("EPSG", 4326) and srs[2].startswith('GEOGCS["WGS 84"')
        blob = db.execute(f"SELECT geom FROM {LAYER} WHERE name = '板橋区役所'").fetchone()[0]
        assert blob[:2] == b"GP"  # a GeoPackage geometry blob


def test_cp932_csv_and_rows_without_name_or_point(tmp_path):
    text = EXAMPLE_CSV.read_text(encoding="utf-8")
    source = tmp_path / "facilities.csv"
    source.write_bytes(text.encode("cp932"))
    summary = import_facilities(source, tmp_path / "p.gpkg")
    assert summary.encoding == "cp932"
    assert (summary.rows, summary.imported) == (7, 6)
    assert summary.without_point == [7]  # kept as an attribute row
    assert summary.skipped_rows == [(8, "名称が空")]
    names = [f.name for f in read_gazetteer(tmp_path / "p.gpkg").facilities]
    assert "サンプル少年自然の家" in names


def test_import_command_prints_a_summary_and_refuses_to_overwrite(cli, tmp_path):
    result = cli("places", "import", str(SAMPLE), "-o", "p.gpkg")
    assert result.code == 0, result.stderr
    assert "データ行 53 件 / 取り込み 53 件" in result.stdout
    assert "注意 19 行目" in result.stdout
    again = cli("places", "import", str(SAMPLE), "-o", "p.gpkg")
    assert again.code == 2 and "--force" in again.stderr
    assert cli("places", "import", str(SAMPLE), "-o", "p.gpkg", "--force").code == 0


def test_import_of_a_file_that_is_not_the_standard_csv_is_one_line_exit_2(cli, tmp_path):
    write(tmp_path / "other.csv", "a,b\n1,2\n")
    result = cli("places", "import", "other.csv", "-o", "p.gpkg")
    assert result.code == 2
    assert result.stderr.startswith("sns-lint: エラー: other.csv:1: 「名称」の列がありません")
    assert not (tmp_path / "p.gpkg").exists()
    write(tmp_path / "binary.csv", "")
    (tmp_path / "binary.csv").write_bytes(b"\x80\xff\xfe\x81")
    assert "CP932" in cli("places", "import", "binary.csv", "-o", "p.gpkg").stderr


def test_list_and_show_read_the_policy_places(cli, tmp_path):
    assert cli("places", "import", str(EXAMPLE_CSV), "-o", "places.gpkg").code == 0
    write(tmp_path / "sns-lint.yaml", "places: places.gpkg\n")
    listed = cli("places", "list")
    assert listed.code == 0
    assert "サンプル中央図書館\t（099）250-0002\t鹿児島県鹿児島市城山町７－１" in listed.stdout
    assert "（6 件、座標あり 5 件" in listed.stdout
    shown = cli("places", "show", "図書館")
    assert "正規化した所在地: 鹿児島県鹿児島市城山町7-1" in shown.stdout
    missing = cli("places", "show", "体育館")
    assert missing.code == 1 and "体育館" in missing.stderr


def test_a_missing_gazetteer_is_a_one_line_error(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", "places: nowhere.gpkg\n")
    write(tmp_path / "a.txt", "サンプル中央図書館（電話 099-250-0020）\n")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert "nowhere.gpkg: places に指定した施設一覧（GeoPackage）が見つかりません。" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reads_the_gazetteer_without_importing_fudgeo(tmp_path):
    """``import fudgeo`` costs ~180 ms; a pre-commit run reads the attribute table with sqlite3."""
    import_facilities(EXAMPLE_CSV, tmp_path / "places.gpkg")
    write(tmp_path / "sns-lint.yaml", "places: places.gpkg\n")
    write(tmp_path / "a.txt", "サンプル中央図書館（電話 099-250-0020）\n")
    done = _check_and_list_modules(tmp_path, "-f", "json")
    assert "LOADED:" in done.stderr and "fudgeo" not in done.stderr.split("LOADED:")[1]
    findings = json.loads(done.stdout)["findings"]
    assert [(f["rule"], f["suggestion"]) for f in findings] == [("facility-accuracy", "（099）250-0002")]


def test_posts_without_phone_candidates_never_load_phonenumbers(tmp_path):
    write(tmp_path / "a.txt", "12月1日（日）10時から市民音楽祭を開催します。定員100人、参加費500円。\n")
    done = _check_and_list_modules(tmp_path)
    assert done.stderr.split("LOADED:")[1].strip() == "", done.stderr


def test_facility_fields_are_the_layer_columns():
    from dataclasses import fields

    from sns_lint.places.gazetteer import COLUMNS, Facility

    assert tuple(f.name for f in fields(Facility)) == COLUMNS


def _check_and_list_modules(cwd: Path, *options: str) -> subprocess.CompletedProcess:
    """``sns-lint check a.txt`` in a fresh interpreter; stderr ends with the heavy modules it loaded."""
    probe = (
        "import sys\n"
        "from sns_lint.cli import main\n"
        f"sys.argv = ['sns-lint', 'check', 'a.txt', *{list(options)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('LOADED:' + ' '.join(m for m in ('phonenumbers', 'stdnum', 'fudgeo') if m in sys.modules))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}, timeout=120,
    )


def test_the_example_gazetteer_is_a_fresh_import_of_its_csv(tmp_path):
    """examples/places/places.gpkg is committed for the examples and the rule examples: keep it in
    step with the CSV it is made from."""
    import_facilities(EXAMPLE_CSV, tmp_path / "fresh.gpkg")
    committed = read_gazetteer(REPO / "examples" / "places" / "places.gpkg")
    assert committed.facilities == read_gazetteer(tmp_path / "fresh.gpkg").facilities


def test_a_long_running_checker_picks_up_a_replaced_gazetteer(tmp_path, monkeypatch):
    """``sns-lint serve`` keeps one policy for hours: a facility list replaced meanwhile is read
    again (looked at no more than once a second), not kept from the start."""
    import os

    from sns_lint.analysis import post_analysis
    from sns_lint.config.loading import load_config
    from sns_lint.rulebook.loading import load_rules
    from sns_lint.web.check_pool import CheckPool
    from sns_lint.posts import PostMeta

    (tmp_path / "places").mkdir()
    import_facilities(EXAMPLE_CSV, tmp_path / "places" / "places.gpkg")
    write(tmp_path / "sns-lint.yaml", (REPO / "examples" / "sns-lint.yaml").read_text(encoding="utf-8"))
    config = load_config(str(tmp_path / "sns-lint.yaml"))
    pool = CheckPool(load_rules(config.rules.paths), config, workers=1)
    draft = "サンプル市民文化ホール（電話099-250-0009）で講座を開きます。".encode()

    def facility_findings():
        checked = pool._executor.submit(pool.check_bytes, draft, "d.txt", PostMeta()).result()
        return [f.text for f in checked.report.findings if f.rule == "facility-accuracy"]

    assert facility_findings()  # the hall's listed number is 099-250-0001
    csv = EXAMPLE_CSV.read_text(encoding="utf-8").replace("099-250-0001", "099-250-0009")
    write(tmp_path / "new.csv", csv)
    import_facilities(tmp_path / "new.csv", tmp_path / "places" / "new.gpkg")
    os.replace(tmp_path / "places" / "new.gpkg", tmp_path / "places" / "places.gpkg")
    stamp = (tmp_path / "places" / "places.gpkg").stat().st_mtime + 5
    os.utime(tmp_path / "places" / "places.gpkg", (stamp, stamp))  # a later modification time, surely
    monkeypatch.setattr(post_analysis, "GAZETTEER_RECHECK_S", 0.0)
    assert not [t for t in facility_findings() if "099-250-0009" in t]


def test_a_facility_written_with_its_own_phone_number_is_not_told_its_address_differs(tmp_path):
    """「ホール（電話099-250-0001）」: a phone number is no block and house number (none starts with 0)."""
    from sns_lint.checking import check_file
    from sns_lint.config.loading import load_config
    from sns_lint.linter import RuleSet
    from sns_lint.rulebook.loading import load_rules

    config = load_config(str(REPO / "examples" / "sns-lint.yaml"))
    ruleset = RuleSet.build(load_rules(config.rules.paths), config)
    write(tmp_path / "a.txt", "サンプル市民文化ホール（電話099-250-0001）で講座を開きます。\n")
    assert [f.rule for f in check_file(str(tmp_path / "a.txt"), ruleset, config).findings] == []
    write(tmp_path / "b.txt", "サンプル市民文化ホール（電話099-250-0009）で講座を開きます。\n")
    [wrong] = check_file(str(tmp_path / "b.txt"), ruleset, config).findings
    assert wrong.rule == "facility-accuracy" and "電話番号" in wrong.message
