"""Load rule YAML files: the built-in ones shipped with sns-lint, then the user's."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

from sns_lint.checkers import KIND_MODULES, RuleContext, kind_module
from sns_lint.display_text import unfold
from sns_lint.errors import RuleFileError
from sns_lint.findings import SEVERITY_NAMES, Severity
from sns_lint.posts import PLATFORMS
from sns_lint.rulebook.model import Example, Rule
from sns_lint.yaml_loading import LineDict, line_in, load_yaml

COMMON_KEYS = (
    "id", "clause", "severity", "kind", "summary", "rationale", "message", "suggestion", "examples", "supersedes",
)
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CLAUSE_PATTERN = re.compile(r"^\d{1,3}(-\d{1,3}){0,5}(-[ア-ン])?$")  # bounded: a clause is short


def builtin_rules_dir() -> Path:
    """``rules/`` ships inside the wheel as ``sns_lint/builtin_rules``; a source checkout has it at the top."""
    packaged = Path(__file__).resolve().parent.parent / "builtin_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file()) + sorted(
        p for p in directory.glob("*.yml") if p.is_file()
    )


def load_rules(extra_paths: tuple[Path, ...] = ()) -> list[Rule]:
    rules: list[Rule] = []
    for path in rule_files(builtin_rules_dir()):
        rules.append(load_rule_file(path, builtin=True))
    for extra in extra_paths:
        if extra.is_dir():
            files = rule_files(extra)
        elif extra.is_file():
            files = [extra]
        else:
            raise RuleFileError("ルールのフォルダまたはファイルが見つかりません（rules.paths）。", extra)
        rules.extend(load_rule_file(path, builtin=False) for path in files)
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            raise RuleFileError(
                f"ルール ID「{rule.id}」が重複しています（{seen[rule.id].path} にもあります）。", rule.path, rule.line
            )
        seen[rule.id] = rule
    return rules


def load_rule_file(path: Path, builtin: bool = False) -> Rule:
    from sns_lint.bounded_read import read_text

    try:
        text = read_text(path)
    except UnicodeDecodeError:
        raise RuleFileError("ルールファイルは UTF-8 で保存してください。", path) from None
    except OSError as exc:
        raise RuleFileError(f"ルールファイルを読めません（{exc.strerror}）。", path) from None
    raw = load_yaml(text, path, RuleFileError)
    return parse_rule(raw, path, builtin)


def parse_rule(raw: Any, path: Path, builtin: bool = False) -> Rule:
    def fail(message: str, mapping: Any = None, key: Any = None) -> None:
        raise RuleFileError(message, path, line_in(mapping, key))

    if not isinstance(raw, dict):
        fail("ルールファイルには id: や kind: などのキーを持つ 1 つのルールを書いてください。")

    def required_text(key: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            fail(f"{key} がありません（空でない文字列が必要です）。", raw, key if key in raw else None)
        return value.strip()

    rule_id = required_text("id")
    if not _RULE_ID.match(rule_id):
        fail("id は英小文字・数字・ハイフンで書いてください（例: shortened-url）。", raw, "id")
    clause = str(raw.get("clause", "")).strip()
    if not CLAUSE_PATTERN.match(clause):
        fail("clause はガイドラインの項番で書いてください（例: \"6-2\"）。", raw, "clause" if "clause" in raw else None)
    severity_name = str(raw.get("severity", "")).lower()
    if severity_name not in SEVERITY_NAMES:
        fail(f"severity は {', '.join(SEVERITY_NAMES)} のいずれかにしてください。", raw, "severity" if "severity" in raw else None)
    kind = required_text("kind")
    if kind not in KIND_MODULES:
        fail(f"kind「{kind}」は不明です（使えるもの: {', '.join(KIND_MODULES)}）。", raw, "kind")
    module = kind_module(kind)
    for key in raw:
        if key not in COMMON_KEYS and key not in module.KEYS:
            fail(
                f"不明なキー「{key}」があります（kind: {kind} で使えるキー: {', '.join(COMMON_KEYS + module.KEYS)}）。",
                raw,
                key,
            )
    message = required_text("message")
    placeholders = ("text", *module.PLACEHOLDERS)
    suggestion = raw.get("suggestion")
    if suggestion is not None and not isinstance(suggestion, str):
        fail("suggestion は文字列で書いてください。", raw, "suggestion")
    for key, template in (("message", message), ("suggestion", suggestion)):
        if template is None:
            continue
        _check_template(template, placeholders, lambda m, k=key: fail(m, raw, k))
    supersedes = raw.get("supersedes") or []
    if not isinstance(supersedes, list) or not all(isinstance(v, str) for v in supersedes):
        fail("supersedes はルール ID のリストで書いてください。", raw, "supersedes")
    bad, good = _examples(raw, fail)
    data = _prepare(module, raw, RuleContext(path=path, fail=fail), kind, fail)
    return Rule(
        id=rule_id,
        clause=clause,
        severity=Severity.parse(severity_name),
        kind=kind,
        summary=unfold(required_text("summary")),
        rationale=unfold(required_text("rationale")),
        message=message,
        suggestion=suggestion,
        supersedes=tuple(supersedes),
        bad=bad,
        good=good,
        path=path,
        line=raw.line if isinstance(raw, LineDict) else 1,
        data=data,
        builtin=builtin,
    )


def _prepare(module: Any, raw: dict, context: RuleContext, kind: str, fail: Any) -> Any:
    """The kind's own validation; whatever it did not foresee (a value of the wrong type deep in
    a data file, a regex the engine cannot build) still becomes an error naming the rule file."""
    try:
        return module.prepare(raw, context)
    except RuleFileError:
        raise
    except RecursionError:
        where = next((k for k in module.KEYS if k in raw), None)
        fail(f"kind: {kind} のデータの入れ子が深すぎます（正規表現のかっこなど）。", raw, where)
    except Exception as exc:  # a defect in a kind must not become a traceback
        where = next((k for k in module.KEYS if k in raw), None)
        fail(f"kind: {kind} のデータを読めません（{type(exc).__name__}: {str(exc)[:200]}）。", raw, where)


def _check_template(template: str, allowed: tuple[str, ...], fail: Any) -> None:
    """Only plain ``{name}`` placeholders the kind provides: a format spec (``{text:>300000000}``),
    a conversion (``{text!r}``) or attribute access could crash or exhaust memory per finding."""
    shown = ", ".join("{" + a + "}" for a in allowed)
    try:
        fields = [(name, spec, conv) for _lit, name, spec, conv in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        fail(f"メッセージの書式が不正です: {exc}（波かっこは {{{{ }}}} と書きます）")
    for name, spec, conv in fields:
        if spec or conv:
            extra = (f"!{conv}" if conv else "") + (f":{spec}" if spec else "")
            fail(f"メッセージの {{{name}{extra}}} は使えません。書式指定のない {{名前}} だけが使えます（使えるもの: {shown}）。")
        if name not in allowed:
            fail(f"メッセージの {{{name}}} は使えません（使えるもの: {shown}）。")


def _examples(raw: dict, fail: Any) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    examples = raw.get("examples")
    if not isinstance(examples, dict):
        fail("examples に bad:（検出すべき例）と good:（検出してはいけない例）を書いてください。", raw, "examples" if "examples" in raw else None)
    result = []
    for key in ("bad", "good"):
        items = examples.get(key)
        if not isinstance(items, list) or not items:
            fail(f"examples.{key} に 1 つ以上の例を書いてください。", examples, key if key in examples else None)
        parsed = []
        for item in items:
            if isinstance(item, str):
                parsed.append(Example(text=item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                platform = item.get("platform")
                if platform is not None and platform not in PLATFORMS:
                    fail(f"例の platform「{platform}」は不明です。", item, "platform")
                parsed.append(_example(item, platform, fail))
            else:
                fail(f"examples.{key} の各例は文字列、または text: を持つ形で書いてください。", examples, key)
        result.append(tuple(parsed))
    return result[0], result[1]


def _example(item: dict, platform: str | None, fail: Any) -> Example:
    from datetime import datetime

    for key in ("scheduled_at", "at"):
        value = item.get(key)
        if value is None:
            continue
        try:
            datetime.fromisoformat(str(value))
        except ValueError:
            fail(f"例の {key}「{value}」は ISO 8601 の日時で書いてください。", item, key)
    for key in ("emergency", "published"):
        if not isinstance(item.get(key, False), bool):
            fail(f"例の {key} は true か false で書いてください。", item, key)
    return Example(
        text=item["text"],
        platform=platform,
        account=item.get("account"),
        scheduled_at=str(item["scheduled_at"]) if item.get("scheduled_at") is not None else None,
        at=str(item["at"]) if item.get("at") is not None else None,
        emergency=item.get("emergency", False),
        published=item.get("published", False),
    )
