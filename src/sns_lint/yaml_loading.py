"""The one place that loads YAML (config, rules, front matter).

Only PyYAML's safe constructors are used; tags such as ``!!python/object`` are
refused. Mappings remember the line of each key so validation errors can name
it, and a key written twice in one mapping is an error naming both lines (a
second ``rules:`` block must not silently replace the first). Every value that
cannot be built (``0x_``, ``!!int abc``, ``!!timestamp 2026-02-30``, an integer
of thousands of digits) is an error with its line, never an exception.

Aliases are allowed, but a document whose aliases would add more than
``MAX_ALIAS_NODES`` nodes when expanded (a "billion laughs" bomb) is rejected
before it is constructed. Plain size has its own, larger limit
(``MAX_PLAIN_NODES``) and its own message: a long word list is not an attack.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from sns_lint.errors import SnsLintError

MAX_ALIAS_NODES = 200_000  # nodes that alias expansion may add
MAX_PLAIN_NODES = 2_000_000  # nodes as written (a 64 MB file holds at most ~16 million)


class LineDict(dict):
    """A mapping that remembers the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


def line_in(mapping: Any, key: Any = None) -> int | None:
    """The line of ``key`` in a loaded mapping (of the mapping itself without a key); None when
    the value did not come from a file."""
    if not isinstance(mapping, LineDict):
        return None
    return mapping.line_of(key) if key is not None else mapping.line


class LineList(list):
    line: int = 0
    item_lines: list


# libyaml's parser when PyYAML was built with it (the wheels are): ~10x faster on the term lists.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    line_offset = 0  # added to the lines named in messages (front matter starts below line 1)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (yaml.YAMLError, RecursionError):
            raise
        except Exception as exc:  # int("0x_"), bool "maybe", day 30 of February, 5,000 digits ...
            raise yaml.constructor.ConstructorError(None, None, _value_problem(node, exc), node.start_mark) from None


def _value_problem(node: yaml.Node, exc: Exception) -> str:
    tag = node.tag.rsplit(":", 1)[-1] if isinstance(node.tag, str) else "?"
    if isinstance(node, yaml.ScalarNode):
        value = node.value if len(node.value) <= 40 else f"{node.value[:20]}…（{len(node.value):,} 文字）"
        return f"値「{value}」を {tag} として読めません（{str(exc)[:120]}）。文字列なら引用符で囲んでください"
    return f"{tag} の値を読めません（{str(exc)[:120]}）"


# Keep dates and times as strings: the callers parse them and report impossible
# dates themselves, with the line they came from. That includes YAML 1.1's
# base-60 numbers: an unquoted 25:00 stays "25:00" instead of becoming 1500.
_INT = re.compile(
    r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"
)
_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_WITHOUT_BASE_60 = {"tag:yaml.org,2002:int": _INT, "tag:yaml.org,2002:float": _FLOAT}
_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, _WITHOUT_BASE_60.get(tag, regexp))
        for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    written_here = {id(key_node) for key_node, _value in node.value}  # not merged in with <<
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    own_lines: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "mapping key is not hashable", key_node.start_mark
            ) from None
        line = key_node.start_mark.line + 1
        if id(key_node) in written_here:
            if key in own_lines:
                first = own_lines[key] + loader.line_offset
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"キー「{key}」が重複しています（{first} 行目と {line + loader.line_offset} 行目）。"
                    "後の値が前の値を黙って上書きしないよう、1 つにまとめてください",
                    key_node.start_mark,
                )
            own_lines[key] = line
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Number of nodes the document has once every alias is expanded."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive structures
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(
            _expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value
        )
    else:
        size = 1
    memo[key] = size
    return size


def load_yaml(
    text: str,
    path: str | Path,
    error: type[SnsLintError],
    line_offset: int = 0,
) -> Any:
    """Parse one YAML document safely.

    ``line_offset`` is added to reported lines (front matter starts below line 1).
    Raises ``error`` with the file and line on any problem.
    """
    loader = _Loader(text)
    loader.line_offset = line_offset
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        distinct: dict[int, int] = {}
        expanded = _expanded_size(node, distinct)
        if len(distinct) > MAX_PLAIN_NODES:
            raise error(
                f"YAML が大きすぎます（{len(distinct):,} 個の値。上限は {MAX_PLAIN_NODES:,} 個）。"
                "ファイルを分けてください。 / YAML document too large",
                path,
                node.start_mark.line + 1 + line_offset,
            )
        if expanded - len(distinct) > MAX_ALIAS_NODES:
            raise error(
                "YAML のエイリアス展開が大きすぎます（billion laughs 攻撃の疑い）。"
                " / YAML aliases expand too far",
                path,
                node.start_mark.line + 1 + line_offset,
            )
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = exc.problem or exc.context or "構文エラー"
        if "could not determine a constructor" in problem:
            problem = f"使えない YAML タグです（安全のためタグ付きの値は読みません）: {problem}"
        raise error(f"YAML を読めません: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML を読めません: {exc}", path) from None
    except RecursionError:
        raise error("YAML の入れ子が深すぎます。", path) from None
    finally:
        loader.dispose()


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree of a document already read with ``load_yaml``, for the positions of its
    values (``start_mark.index`` is a code-point offset). Nothing is constructed."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
