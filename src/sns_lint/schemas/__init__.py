"""JSON Schemas for the files people write by hand, for editors (yaml-language-server).

``sns-lint schema KIND`` prints one; the tests keep each in step with its loader.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
SCHEMA_KINDS = tuple(sorted(p.name.split(".")[0] for p in _HERE.glob("*.schema.json")))


def schema_path(kind: str) -> Path:
    return _HERE / f"{kind}.schema.json"


def schema_text(kind: str) -> str:
    return schema_path(kind).read_text(encoding="utf-8")
