"""JSON Schemas: shipped, printed by ``sns-lint schema``, valid for every example and built-in
file, and in agreement with the loaders on a set of good and bad files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from sns_lint.config.loading import parse_config
from sns_lint.errors import ConfigError, SnsLintError
from sns_lint.guidelines import builtin_names, builtin_path, parse_guideline
from sns_lint.rulebook.loading import builtin_rules_dir, parse_rule, rule_files
from sns_lint.schemas import SCHEMA_KINDS, schema_path
from sns_lint.yaml_loading import load_yaml
from tests.conftest import REPO

CASES = Path(__file__).resolve().parent / "data" / "schema-cases"
def _schedule(_data, path: Path) -> None:
    """A schedule file the loader reads without a warning (unknown keys are warned about)."""
    from sns_lint.posts import SourceFile
    from sns_lint.sources.schedule_yaml import posts_from_yaml

    warnings: list[str] = []
    posts_from_yaml(SourceFile(path=str(path), text=path.read_text(encoding="utf-8"), encoding="utf-8"), warnings)
    if warnings:
        raise SnsLintError(warnings[0])


LOADERS = {
    "config": lambda data, path: parse_config(data, path),
    "rule": lambda data, path: parse_rule(data, path),
    "guideline": lambda data, path: parse_guideline(data, path),
    "schedule": _schedule,
}


def validator(kind: str):
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def read(path: Path):
    return load_yaml(path.read_text(encoding="utf-8"), path, ConfigError)


def loader_accepts(kind: str, path: Path) -> bool:
    try:
        LOADERS[kind](read(path), path)
    except SnsLintError:
        return False
    return True


def test_every_documented_kind_is_shipped():
    assert set(SCHEMA_KINDS) == {"config", "rule", "guideline", "schedule"}


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_schema_command_prints_the_schema(cli, kind):
    result = cli("schema", kind)
    assert result.code == 0
    assert json.loads(result.stdout)["$schema"].startswith("https://json-schema.org/")


def test_unknown_schema_kind_is_a_usage_error(cli):
    result = cli("schema", "posts")
    assert result.code == 2 and "config" in result.stderr


def example_files() -> list[tuple[str, Path]]:
    """sns-lint's own files in examples/ (CI workflow files there belong to other tools)."""
    found = []
    for path in sorted((REPO / "examples").rglob("*.y*ml")):
        if "ci" in path.relative_to(REPO / "examples").parts[:-1]:
            continue
        match = re.search(r"\$schema=\S*?(\w+)\.schema\.json", path.read_text(encoding="utf-8").split("\n", 1)[0])
        assert match, f"{path}: first line must be a yaml-language-server $schema comment"
        found.append((match.group(1), path))
    return found


def builtin_files() -> list[tuple[str, Path]]:
    rules = [("rule", path) for path in rule_files(builtin_rules_dir())]
    profiles = [("guideline", builtin_path(name)) for name in builtin_names()]
    return rules + profiles + [("config", REPO / "tests" / "data" / "example-policy.yaml")]


@pytest.mark.parametrize("kind, path", example_files() + builtin_files(), ids=lambda v: getattr(v, "name", v))
def test_examples_and_builtin_files_are_valid(kind, path):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(read(path))]
    assert errors == []
    assert loader_accepts(kind, path)


def test_example_schema_comments_point_at_the_shipped_schemas():
    for kind, path in example_files():
        line = path.read_text(encoding="utf-8").split("\n", 1)[0]
        target = (path.parent / line.split("$schema=", 1)[1].strip()).resolve()
        assert target == schema_path(kind).resolve(), path


def case_files() -> list[tuple[str, Path]]:
    return [(kind, path) for kind in LOADERS for path in sorted((CASES / kind).glob("*.yaml"))]


@pytest.mark.parametrize("kind, path", case_files(), ids=lambda v: getattr(v, "name", v))
def test_schema_and_loader_agree(kind, path):
    schema_ok = validator(kind).is_valid(read(path))
    loader_ok = loader_accepts(kind, path)
    expected = path.name.startswith("good-")
    assert (schema_ok, loader_ok) == (expected, expected)


def test_every_checker_kind_has_its_keys_in_the_rule_schema():
    from sns_lint.checkers import KIND_MODULES, kind_module

    schema = json.loads(schema_path("rule").read_text(encoding="utf-8"))
    assert set(schema["properties"]["kind"]["enum"]) == set(KIND_MODULES)
    for branch in schema["allOf"]:
        kind = branch["if"]["properties"]["kind"]["const"]
        assert set(branch["then"].get("properties", {})) == set(kind_module(kind).KEYS), kind


def test_config_schema_knows_every_key_the_loader_knows():
    from sns_lint.config import loading

    schema = json.loads(schema_path("config").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == set(loading.TOP_KEYS)
    account = schema["$defs"]["account"]["properties"].keys() | schema["$defs"]["policy_texts"]["properties"].keys()
    assert account == set(loading.ACCOUNT_KEYS)
    assert set(schema["properties"]["policy"]["properties"]) == set(loading.SHARED_POLICY_KEYS)


def test_schedule_schema_knows_every_entry_key():
    from sns_lint.sources.schedule_yaml import ENTRY_KEYS

    schema = json.loads(schema_path("schedule").read_text(encoding="utf-8"))
    assert set(schema["properties"]["posts"]["items"]["properties"]) == set(ENTRY_KEYS)
