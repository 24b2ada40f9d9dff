"""What a CI job reads: SARIF (against the official schema), GitHub annotations,
a GitLab Code Quality report and JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from tests.conftest import REPO, write

SCHEMA = REPO / "tests" / "conformance" / "sarif" / "sarif-schema-2.1.0.json"
POLICY = "own_domains: [city.kagoshima.lg.jp]\ndefault_account: x\naccounts:\n  x: {platform: x}\n"
# 𠮷 and an emoji are two UTF-16 code units each: the span after them moves by two
ASTRAL = "𠮷野家😀の看護婦さん\n"


def drafts(tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "drafts" / "a.txt", "市立病院の看護婦さん、保母さん。\n詳しくは https://bit.ly/abc を。\n")
    write(tmp_path / "drafts" / "b.txt", ASTRAL)
    write(tmp_path / "drafts" / "c.txt", "本日は晴天なり。\n")


def test_sarif_validates_against_the_official_schema(cli, tmp_path):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra: pip install -e '.[test]'")
    drafts(tmp_path)
    result = cli("check", "drafts", "-f", "sarif")
    assert result.code == 1
    document = result.json()
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)
    [run] = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "sns-lint" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert "discriminatory-term" in ids and "shortened-url" in ids and "post-length" in ids
    for rule in driver["rules"]:
        assert rule["properties"]["clause"] and rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "utf16CodeUnits"
    kangofu = next(r for r in run["results"] if "看護婦" in r["message"]["text"])
    assert kangofu["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/a.txt"
    assert kangofu["level"] == "error" and "看護婦" in kangofu["message"]["text"]
    assert driver["rules"][kangofu["ruleIndex"]]["id"] == "discriminatory-term"
    region = kangofu["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 6, 9)


def test_sarif_columns_count_utf16_code_units(cli, tmp_path):
    drafts(tmp_path)
    json_findings = cli("check", "drafts/b.txt", "-f", "json").json()["findings"]
    [plain] = [f for f in json_findings if f["rule"] == "discriminatory-term"]
    assert (plain["column"], plain["end_column"]) == (6, 9)  # code points: 𠮷 野 家 😀 の
    [result] = [r for r in cli("check", "drafts/b.txt", "-f", "sarif").json()["runs"][0]["results"]
                if r["ruleId"] == "discriminatory-term"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (8, 11)


def test_sarif_fingerprints_are_stable_across_runs_and_line_shifts(cli, tmp_path):
    drafts(tmp_path)
    first = cli("check", "drafts", "-f", "sarif").json()["runs"][0]["results"]
    again = cli("check", "drafts", "-f", "sarif").json()["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in first] == [r["partialFingerprints"] for r in again]
    path = tmp_path / "drafts" / "a.txt"
    path.write_text("新しい一行目。\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = cli("check", "drafts", "-f", "sarif").json()["runs"][0]["results"]
    assert {json.dumps(r["partialFingerprints"]) for r in first} == {json.dumps(r["partialFingerprints"]) for r in shifted}
    assert len({json.dumps(r["partialFingerprints"]) for r in first}) == len(first)


def test_sarif_reports_unreadable_files_as_notifications(cli, tmp_path):
    drafts(tmp_path)
    result = cli("check", "drafts/c.txt", "missing.txt", "-f", "sarif")
    assert result.code == 2
    [invocation] = result.json()["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"


def test_github_annotations_escape_data_and_properties(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "100%, a:b.txt", "市立病院の看護婦さん\n")
    result = cli("check", "100%, a:b.txt", "-f", "github")
    assert result.code == 1
    lines = result.stdout.splitlines()
    [annotation] = [line for line in lines if line.startswith("::error ")]
    properties, message = annotation[len("::error ") :].split("::", 1)
    assert properties.startswith("file=100%25%2C a%3Ab.txt,line=1,col=6,endLine=1,endColumn=9,")
    assert "title=sns-lint discriminatory-term [6-2]" in properties
    assert "看護婦" in message and "\n" not in message
    assert lines[-1].startswith("::notice title=sns-lint::1 ファイル・1 件の投稿を点検しました: エラー 1")


def test_github_escaping_of_newlines_and_percent():
    from sns_lint.reporters.github import command

    assert command("error", "50%\r\nです", file="a,b:c.txt", line=3) == "::error file=a%2Cb%3Ac.txt,line=3::50%25%0D%0Aです"


def test_github_format_says_when_built_in_defaults_are_used(cli, tmp_path):
    write(tmp_path / "a.txt", "本日は晴天なり。\n")
    lines = cli("check", "a.txt", "-f", "github").stdout.splitlines()
    assert lines[0].startswith("::notice title=sns-lint::運用ポリシー（sns-lint.yaml）がないため")


def test_gitlab_code_quality_fingerprints_are_unique(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    # the same word twice in one file and in two files: four findings, four fingerprints
    write(tmp_path / "a.txt", "看護婦と看護婦\n")
    write(tmp_path / "b.txt", "看護婦と看護婦\n")
    result = cli("check", "a.txt", "b.txt", "-f", "gitlab")
    assert result.code == 1
    issues = result.json()
    assert len(issues) == 4
    assert len({issue["fingerprint"] for issue in issues}) == 4
    first = issues[0]
    assert first["check_name"] == "discriminatory-term" and first["severity"] == "major"
    assert first["location"]["path"] == "a.txt"
    assert first["location"]["positions"]["begin"] == {"line": 1, "column": 1}
    assert "[6-2]" in first["description"]
    assert cli("check", "a.txt", "b.txt", "-f", "gitlab").json() == issues


def test_gitlab_severities(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", POLICY)
    write(tmp_path / "a.txt", "詳しくは https://www.example.com/ と https://www.mhlw.go.jp/ を。\n")
    severities = {issue["check_name"]: issue["severity"] for issue in cli("check", "a.txt", "-f", "gitlab").json()}
    assert severities == {"external-link": "minor", "trusted-link": "info"}


def test_junit_is_well_formed_with_a_suite_per_file(cli, tmp_path):
    drafts(tmp_path)
    write(tmp_path / "drafts" / "d<&>.txt", "看護婦\n")
    result = cli("check", "drafts", "missing.txt", "-f", "junit")
    assert result.code == 2
    root = ElementTree.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {"drafts/a.txt", "drafts/b.txt", "drafts/c.txt", "drafts/d<&>.txt", "missing.txt"}
    a = suites["drafts/a.txt"]
    assert int(a.get("failures")) == len(a.findall("testcase")) >= 3
    assert all(case.find("failure") is not None for case in a.findall("testcase"))
    clean = suites["drafts/c.txt"]
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    assert suites["missing.txt"].find("testcase/error") is not None
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())


def test_output_file_gets_the_format_and_the_terminal_the_readable_report(cli, tmp_path):
    drafts(tmp_path)
    result = cli("check", "drafts", "-f", "sarif", "--output-file", "out/report.sarif")
    assert result.code == 1
    document = json.loads((tmp_path / "out" / "report.sarif").read_text(encoding="utf-8"))
    assert document["version"] == "2.1.0"
    assert "drafts/a.txt" in result.stdout and "修正が必要です" in result.stdout


def _ci_commands(document) -> list[str]:
    """The sns-lint command lines of a GitHub workflow or a GitLab job."""
    commands = []
    if "jobs" in document:
        for job in document["jobs"].values():
            commands += [step["run"] for step in job["steps"] if "sns-lint check" in step.get("run", "")]
    else:
        for job in document.values():
            if isinstance(job, dict):
                commands += [line for line in job.get("script", []) if line.startswith("sns-lint check")]
    return commands


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_examples_run_as_written(cli, tmp_path, name):
    """The examples' sns-lint commands, run on examples/ (drafts/ and a policy, as in a content
    repository); only the report files go to a temporary folder."""
    import shlex

    import yaml

    document = yaml.safe_load((REPO / "examples" / "ci" / name).read_text(encoding="utf-8"))
    commands = _ci_commands(document)
    assert len(commands) == 2
    outputs = {}
    for command in commands:
        args = shlex.split(command)[1:]
        if "--output-file" in args:
            index = args.index("--output-file") + 1
            outputs[args[index]] = tmp_path / args[index]
            args[index] = str(outputs[args[index]])
        result = cli(*args, cwd=REPO / "examples")
        # the example drafts contain mistakes on purpose: only the --exit-zero runs pass
        assert result.code == (0 if "--exit-zero" in args else 1), result.stderr
        if "--format" in args and args[args.index("--format") + 1] == "github":
            assert result.stdout.splitlines()[0].startswith("::error file=drafts/")
    if name == "github-actions.yml":
        sarif = json.loads(outputs["sns-lint.sarif"].read_text(encoding="utf-8"))
        assert sarif["runs"][0]["results"]
        step = next(s for s in document["jobs"]["sns-lint"]["steps"] if "upload-sarif" in s.get("uses", ""))
        assert step["with"]["sarif_file"] == "sns-lint.sarif" and step["if"]
        assert document["permissions"]["security-events"] == "write"
    else:
        reports = document["sns-lint"]["artifacts"]["reports"]
        issues = json.loads(outputs[reports["codequality"]].read_text(encoding="utf-8"))
        assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
        ElementTree.parse(outputs[reports["junit"]])
