"""``sns-lint explain WORD``: which rules list a word, and what to write instead.

A word is looked up in the lists of every kind that has them (``lookup`` in the
kind module), and also checked as a one-line post, so spelling variants the
lists reach through readings or normalised forms (かんごふ, 馬鹿) are found too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sns_lint.checkers import KIND_MODULES, kind_module
from sns_lint.rulebook.model import Rule


@dataclass(frozen=True)
class WordMatch:
    rule: Rule
    listed: str
    preferred: tuple[str, ...]
    note: str
    condition: str  # when the word is flagged, or its category


def find_word(word: str, rules: list[Rule], config: object | None = None) -> list[WordMatch]:
    """Matches among the rules of checker kinds (the linter's own diagnostics list no words)."""
    word = word.strip()
    rules = [r for r in rules if r.kind in KIND_MODULES]
    matches: list[WordMatch] = []
    for rule in rules:
        lookup = getattr(kind_module(rule.kind), "lookup", None)
        if lookup is None:
            continue
        for item in lookup(rule.data, word):
            matches.append(WordMatch(rule, item["listed"], tuple(item["preferred"]), item["note"], item["condition"]))
    listed = {m.rule.id for m in matches}
    for finding in _findings(word, [r for r in rules if r.id not in listed], config):
        rule = next(r for r in rules if r.id == finding.rule)
        preferred = tuple(p for p in (finding.suggestion or "").split("、") if p)
        matches.append(WordMatch(rule, finding.text, preferred, finding.message, ""))
    return matches


def _findings(word: str, rules: list[Rule], config: object | None) -> list:
    from sns_lint.analysis.post_analysis import PostAnalysis
    from sns_lint.config.model import Config
    from sns_lint.linter import RuleSet
    from sns_lint.posts import Post, PostMeta, SourceFile

    if not word or "\n" in word:
        return []
    config = config if isinstance(config, Config) else Config()
    source = SourceFile(path="<word>", text=word, encoding="utf-8")
    post = Post(source=source, index=0, offset=0, text=word, meta=PostMeta())
    ruleset = RuleSet.build([r for r in rules if hasattr(kind_module(r.kind), "lookup")])
    seen: set[str] = set()
    found = []
    for finding in ruleset.check(PostAnalysis(post, config, None)):
        if finding.rule not in seen:
            seen.add(finding.rule)
            found.append(finding)
    return found


def render_matches(word: str, matches: list[WordMatch]):
    """The text ``sns-lint explain WORD`` prints (a Rich ``Text``)."""
    from rich.text import Text

    out = Text()
    for match in matches:
        rule = match.rule
        out.append(f"「{word}」", style="bold")
        out.append(f"  {rule.id}（ガイドライン {rule.clause}・{rule.severity.label_ja}）\n", style="magenta")
        out.append("ルール: ", style="bold")
        out.append(rule.summary + "\n")
        if match.listed and match.listed != word:
            out.append("一致した語: ", style="bold")
            out.append(match.listed + "\n")
        if match.condition:
            out.append("条件・分類: ", style="bold")
            out.append(match.condition + "\n")
        if match.note:
            out.append("理由: ", style="bold")
            out.append(match.note + "\n")
        out.append("言い換え: ", style="bold green")
        out.append(("、".join(match.preferred) if match.preferred else "使わずに書き直してください") + "\n")
        out.append(f"詳しくは: sns-lint explain {rule.id}\n")
    return out
