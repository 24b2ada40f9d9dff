"""Run one rule on one example text, with the example policy rules are written against."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sns_lint.analysis.post_analysis import PostAnalysis
from sns_lint.config.loading import parse_config
from sns_lint.linter import RuleSet
from sns_lint.posts import Post, PostMeta, SourceFile
from sns_lint.yaml_loading import load_yaml
from sns_lint.errors import ConfigError

EXAMPLE_POLICY = Path(__file__).resolve().parent / "data" / "example-policy.yaml"


def example_config():
    text = EXAMPLE_POLICY.read_text(encoding="utf-8")
    return parse_config(load_yaml(text, EXAMPLE_POLICY, ConfigError), EXAMPLE_POLICY)


def findings_for_example(rule, example, config=None):
    return findings_for_rules([rule], example, config)


def findings_for_rules(rules, example, config=None):
    config = config or example_config()
    if example.at is not None:
        config = replace(config, at=datetime.fromisoformat(example.at))
    ruleset = RuleSet.build(list(rules), None)
    source = SourceFile(path="<example>", text=example.text, encoding="utf-8")
    meta = PostMeta(
        account=example.account,
        platform=example.platform,
        scheduled_at=datetime.fromisoformat(example.scheduled_at) if example.scheduled_at else None,
        emergency=example.emergency,
        published=example.published,
    )
    post = Post(source=source, index=0, offset=0, text=example.text, meta=meta)
    account = config.accounts.get(example.account or config.default_account or "")
    return ruleset.check(PostAnalysis(post, config, account))
