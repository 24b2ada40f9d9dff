"""``--select`` / ``--ignore``: narrow a run to some rules, by rule id or clause (ours or the profile's)."""

from __future__ import annotations

from typing import Callable

from sns_lint.errors import SnsLintError
from sns_lint.rulebook.model import Rule


def split_keys(values: list[str] | None) -> list[str]:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    keys = []
    for value in values or ():
        keys.extend(part.strip() for part in value.replace("、", ",").split(",") if part.strip())
    return keys


def select_rules(
    rules: list[Rule], select: list[str], ignore: list[str], cite: "Callable[[str], str] | None" = None
) -> list[Rule]:
    """``cite``: the policy's guideline profile, so its clause numbers (第7条第2号) work as well."""

    def names(rule: Rule) -> set[str]:
        return set(rule.names(cite))

    known = {name for rule in rules for name in rule.names(cite)}
    for option, keys in (("--select", select), ("--ignore", ignore)):
        unknown = [key for key in keys if key not in known]
        if unknown:
            raise SnsLintError(
                f"{option} の「{'」「'.join(unknown)}」に当たるルール ID・項番はありません（sns-lint rules で一覧を確認できます）。"
            )
    chosen = set(select)
    dropped = set(ignore)
    return [rule for rule in rules if (not chosen or names(rule) & chosen) and not names(rule) & dropped]
