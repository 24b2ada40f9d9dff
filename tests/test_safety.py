"""Safety: no network, no writes to the drafts, no code loading from data."""

from __future__ import annotations

import ast
import os
import re
import shutil
import socket
from pathlib import Path

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "sns_lint"
EXAMPLES = REPO / "examples"


def python_sources() -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 20
    return files


def test_check_never_touches_the_network(cli, monkeypatch):
    attempts: list[tuple] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append((name, args[1:] if name == "socket.connect" else args))
            raise OSError(f"sns-lint tests: network blocked ({name})")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("socket.gethostbyname"))

    result = cli("check", "--config", "examples/sns-lint.yaml", "examples/", "-f", "json", cwd=REPO)

    assert attempts == []
    assert result.code == 1, result.stderr  # the examples contain mistakes on purpose
    document = result.json()
    # drafts and schedules; examples/sns-lint.yaml holds no posts and is skipped
    assert document["summary"]["files"] == len(list((EXAMPLES / "drafts").glob("*.*"))) + len(
        list((EXAMPLES / "schedules").glob("*.*"))
    )
    assert "input_errors" not in document
    assert {"看護婦", "片手落ち"} <= {f["text"] for f in document["findings"]}
    assert "Traceback" not in result.stderr and "内部エラー" not in result.stderr


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    out = {}
    for path in sorted(root.rglob("*")):
        stat = path.lstat()
        content = path.read_bytes() if path.is_file() else b""
        out[str(path.relative_to(root))] = (content, stat.st_mtime_ns, stat.st_mode)
    return out


@pytest.mark.parametrize("options", [["-f", "json"], ["-f", "rich"], ["--jobs", "2"]], ids=["json", "rich", "jobs2"])
def test_check_never_writes_to_the_files_it_checks(cli, tmp_path, options):
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy)
    # a draft in each supported encoding, too
    text = "市立病院の看護婦さんです。\r\n"
    (copy / "drafts" / "sjis.txt").write_bytes(text.encode("cp932"))
    (copy / "drafts" / "utf16.txt").write_bytes(text.encode("utf-16"))
    (copy / "drafts" / "bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode())
    for path in copy.rglob("*"):
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = snapshot(copy)

    result = cli("check", "--config", "examples/sns-lint.yaml", "examples/", *options, cwd=tmp_path)

    assert result.code == 1, result.stderr
    assert snapshot(copy) == before  # same files, same bytes, same mtime_ns, same mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["examples"]  # no caches or reports left


FORBIDDEN = {
    "eval(": re.compile(r"\beval\s*\("),
    "exec(": re.compile(r"\bexec\s*\("),
    "__import__": re.compile(r"__import__"),
    "pickle": re.compile(r"\b[cC]?[pP]ickle\b"),
    "marshal": re.compile(r"\bmarshal\b"),
    "yaml.load(": re.compile(r"\byaml\s*\.\s*load\s*\("),
    "yaml.unsafe_load": re.compile(r"\bunsafe_load\b"),
    "yaml.full_load": re.compile(r"\bfull_load\b"),
    "FullLoader": re.compile(r"\b(?:Full|Unsafe|C?Unsafe)Loader\b"),
    "yaml.Loader": re.compile(r"\byaml\s*\.\s*(?:C?Loader)\b"),
    "os.system(": re.compile(r"\bos\s*\.\s*(?:system|popen|exec\w*|spawn\w*)\s*\("),
    "subprocess": re.compile(r"\bsubprocess\b"),
}


def test_no_code_execution_primitives_in_src():
    offences = []
    for path in python_sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for name, pattern in FORBIDDEN.items():
                if pattern.search(line):
                    offences.append(f"{path.relative_to(REPO)}:{number}: {name}: {line.strip()}")
    assert offences == []


def _is_import_module(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Attribute) and func.attr in ("import_module", "spec_from_file_location", "load_module", "exec_module")) or (
        isinstance(func, ast.Name) and func.id in ("import_module", "spec_from_file_location")
    )


def test_modules_are_imported_only_from_the_fixed_kind_table():
    from sns_lint.checkers import KIND_MODULES

    calls = []
    for path in python_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_import_module(node):
                calls.append((path, node))
    assert calls, "expected the one import_module call in checkers/__init__.py"
    for path, call in calls:
        where = f"{path.relative_to(REPO)}:{call.lineno}"
        assert path == SRC / "checkers" / "__init__.py", where
        assert isinstance(call.func, ast.Attribute) and call.func.attr == "import_module", where
        [argument] = call.args
        assert not call.keywords, where
        assert isinstance(argument, ast.Subscript), where
        assert isinstance(argument.value, ast.Name) and argument.value.id == "KIND_MODULES", where

    # KIND_MODULES is a literal table of sns_lint.checkers modules, and nothing rebinds or extends it
    init = ast.parse((SRC / "checkers" / "__init__.py").read_text(encoding="utf-8"))
    assignments = [
        node for node in ast.walk(init)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
        and any(isinstance(t, ast.Name) and t.id == "KIND_MODULES" for t in getattr(node, "targets", [getattr(node, "target", None)]))
    ]
    assert len(assignments) == 1 and isinstance(assignments[0].value, ast.Dict)
    assert all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in assignments[0].value.values)
    for path in python_sources():
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"KIND_MODULES\s*(\[[^\]]*\]\s*=(?!=)|\.(update|setdefault|__setitem__)\b)", source), path
    for kind, module in KIND_MODULES.items():
        assert re.fullmatch(r"sns_lint\.checkers\.[a-z_]+", module), (kind, module)
        assert (SRC / "checkers" / (module.rsplit(".", 1)[1] + ".py")).is_file(), (kind, module)


def test_rule_kind_cannot_name_python_code(cli, tmp_path):
    """A user rule whose kind is a module path is refused before anything is imported."""
    import sys

    (tmp_path / "sns-lint.yaml").write_text("rules:\n  paths: [my-rules]\n", encoding="utf-8")
    (tmp_path / "my-rules").mkdir()
    (tmp_path / "my-rules" / "evil.yaml").write_text(
        'id: evil\nclause: "5-5"\nseverity: error\nkind: evilmod\nsummary: s\nrationale: r\nmessage: m\n'
        "examples: {bad: [x], good: [y]}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("こんにちは\n", encoding="utf-8")
    (tmp_path / "evilmod.py").write_text("raise SystemExit('imported!')\n", encoding="utf-8")
    result = cli("check", "a.txt")
    assert result.code == 2
    assert "evil.yaml:4" in result.stderr and "kind" in result.stderr
    assert "evilmod" not in sys.modules
