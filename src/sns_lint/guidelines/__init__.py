"""Guideline profiles: how sns-lint's clause ids read in a city's own guideline.

sns-lint numbers its clauses after the Kagoshima City guideline (``5-7``, ``6-2``). A profile
maps each of those ids to another guideline's clause number and a short title in our own
words, so findings, ``rules`` and ``explain`` cite the guideline the user works under.
Built-in profiles are the YAML files next to this module; a config may also name a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sns_lint.errors import ConfigError
from sns_lint.yaml_loading import line_in, load_yaml

DEFAULT = "kagoshima"
PROFILE_KEYS = ("id", "name", "organization", "source", "clauses")
SOURCE_KEYS = ("title", "publisher", "url", "note")
CLAUSE_KEYS = ("number", "title")
_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Clause:
    number: str
    title: str


@dataclass(frozen=True)
class GuidelineProfile:
    id: str
    name: str
    organization: str
    source: dict[str, str] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)  # our clause id -> theirs
    path: Path | None = None

    def cite(self, clause_id: str) -> str:
        """The clause number to show; our own id where the guideline has no counterpart."""
        found = self.clauses.get(clause_id)
        return found.number if found else clause_id

    def title(self, clause_id: str) -> str | None:
        found = self.clauses.get(clause_id)
        return found.title if found else None

    def maps(self, clause_id: str) -> bool:
        return clause_id in self.clauses

    def ids_for(self, number: str) -> list[str]:
        """Our clause ids a cited number stands for (``4(5)③`` -> ``["6-2"]``)."""
        return [key for key, clause in self.clauses.items() if clause.number == number]


def builtin_names() -> list[str]:
    return sorted(p.stem for p in _HERE.glob("*.yaml"))


def builtin_path(name: str) -> Path:
    return _HERE / f"{name}.yaml"


def load_guideline(reference: str | None, base: Path | None = None) -> GuidelineProfile:
    """A built-in profile by name, or a profile file (relative to the config's folder)."""
    reference = reference or DEFAULT
    if reference in builtin_names():
        path = builtin_path(reference)
    else:
        path = (base or Path.cwd()) / reference
        if not path.is_file():
            raise ConfigError(
                f"ガイドライン「{reference}」は組み込みのプロファイル（{', '.join(builtin_names())}）でも、"
                "プロファイルのファイルでもありません。",
            )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"ガイドラインのプロファイルを読めません（{exc}）。", path) from None
    return parse_guideline(load_yaml(text, path, ConfigError), path)


def parse_guideline(data: Any, path: Path) -> GuidelineProfile:
    def fail(message: str, mapping: Any = None, key: Any = None) -> None:
        raise ConfigError(message, path, line_in(mapping, key))

    if not isinstance(data, dict):
        fail("プロファイルには id:・name:・clauses: などのキーを書いてください。")
    _known(data, PROFILE_KEYS, "プロファイル", fail)

    def text(mapping: dict, key: str, what: str, required: bool = True) -> str | None:
        value = mapping.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            fail(f"{what} は空でない文字列で書いてください。", mapping, key if key in mapping else None)
        return value.strip()

    profile_id = text(data, "id", "id")
    source = data.get("source") or {}
    if not isinstance(source, dict):
        fail("source は「キー: 値」の形で書いてください。", data, "source")
    _known(source, SOURCE_KEYS, "source", fail)
    source_texts = {key: text(source, key, f"source.{key}", required=False) for key in SOURCE_KEYS}
    clauses_data = data.get("clauses")
    if not isinstance(clauses_data, dict) or not clauses_data:
        fail("clauses に「sns-lint の項番: {number: その自治体の項番, title: 見出し}」を 1 つ以上書いてください。", data, "clauses" if "clauses" in data else None)
    from sns_lint.rulebook.loading import CLAUSE_PATTERN

    clauses = {}
    for key, value in clauses_data.items():
        key = str(key)
        if not CLAUSE_PATTERN.match(key):
            fail(f"clauses の「{key}」は sns-lint の項番ではありません（例: \"6-2\"）。", clauses_data, key)
        if not isinstance(value, dict):
            fail(f"clauses.{key} は {{number: …, title: …}} の形で書いてください。", clauses_data, key)
        _known(value, CLAUSE_KEYS, f"clauses.{key}", fail)
        number = value.get("number")
        if isinstance(number, (int, float)) and not isinstance(number, bool):
            number = str(number)
        if not isinstance(number, str) or not number.strip():
            fail(f"clauses.{key}.number は空でない文字列で書いてください。", value, "number" if "number" in value else None)
        clauses[key] = Clause(number=number.strip(), title=text(value, "title", f"clauses.{key}.title"))
    return GuidelineProfile(
        id=profile_id,
        name=text(data, "name", "name"),
        organization=text(data, "organization", "organization"),
        source={k: v for k, v in source_texts.items() if v},
        clauses=clauses,
        path=path,
    )


def _known(mapping: dict, allowed: tuple[str, ...], what: str, fail: Any) -> None:
    for key in mapping:
        if key not in allowed:
            fail(f"{what} に不明なキー「{key}」があります（使えるキー: {', '.join(allowed)}）。", mapping, key)
