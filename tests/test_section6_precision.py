"""Ordinary municipal sentences: the section 6 token-pattern rules must stay silent on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_lint.rulebook.loading import load_rules
from sns_lint.rulebook.model import Example
from tests.rule_harness import example_config, findings_for_example

CLAUSES = ("6-1", "6-3", "6-4", "6-6", "6-7", "6-8")
RULES = [r for r in load_rules() if r.clause in CLAUSES]
CORPUS = Path(__file__).parent / "data" / "municipal-sentences.txt"


def corpus() -> list[Example]:
    examples, account = [], None
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("# account:"):
            account = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            examples.append(Example(text=line, account=account))
    return examples


SENTENCES = corpus()
CONFIG = example_config()


def test_every_clause_has_its_rule_and_the_corpus_is_large():
    assert {r.clause for r in RULES} == set(CLAUSES)
    assert len(SENTENCES) >= 150


@pytest.mark.parametrize("example", SENTENCES, ids=[f"line-{n}" for n in range(len(SENTENCES))])
def test_ordinary_sentence_has_no_section6_finding(example):
    found = [(f.rule, f.text) for rule in RULES for f in findings_for_example(rule, example, CONFIG)]
    assert found == [], example.text
