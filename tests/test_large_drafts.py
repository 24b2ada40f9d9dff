"""A very large draft keeps less per token (no morpheme lists) but reads the same words.

Above ``Tokens.KEEP_LISTS_CHARS`` the morpheme lists are dropped and every normalised
form is kept as an index into a table of distinct forms; the findings must be exactly
those of the same text read the ordinary way.
"""

from __future__ import annotations

from sns_lint.analysis.tokens import Tokens
from sns_lint.checking import check_file
from sns_lint.config.model import Config
from sns_lint.linter import RuleSet
from sns_lint.rulebook.loading import load_rules
from tests.test_scaling import multi_line_text


def test_large_draft_reads_the_same_tokens_and_forms(monkeypatch):
    text = multi_line_text(40)
    monkeypatch.setattr(Tokens, "KEEP_LISTS_CHARS", 10)  # this text counts as very large
    large = Tokens(text)
    monkeypatch.setattr(Tokens, "KEEP_LISTS_CHARS", 10**9)
    ordinary = Tokens(text)
    assert large.surfaces == ordinary.surfaces
    assert [large.normalized_form(i) for i in range(len(large))] == [
        ordinary.normalized_form(i) for i in range(len(ordinary))
    ]
    assert [large.start(i) for i in range(len(large))] == list(ordinary.starts)
    some = [i for i, s in enumerate(ordinary.surfaces) if s in ("看護婦", "伺い", "ください")]
    assert some and [large.pos(i) for i in some] == [ordinary.pos(i) for i in some]
    assert [large.reading(i) for i in some] == [ordinary.reading(i) for i in some]


def test_large_draft_forms_are_the_same_whichever_tokens_the_rules_said_they_want(monkeypatch):
    """A large draft reads the forms of the tokens the rules may ask about while Sudachi's list is
    alive; every other token's forms come from tokenising its segment again: same answers."""
    text = multi_line_text(40)
    ordinary = Tokens(text)
    monkeypatch.setattr(Tokens, "KEEP_LISTS_CHARS", 10)
    for wants in (lambda s: False, lambda s: True, lambda s: len(s) % 2 == 0):
        large = Tokens(text, wants)
        assert large.surfaces == ordinary.surfaces
        everything = range(len(ordinary))
        assert [large.normalized_form(i) for i in everything] == [ordinary.normalized_form(i) for i in everything]
        assert [large.dictionary_form(i) for i in everything] == [ordinary.dictionary_form(i) for i in everything]
        assert [large.pos(i) for i in everything] == [ordinary.pos(i) for i in everything]


def test_large_draft_has_the_same_findings(tmp_path, monkeypatch):
    path = tmp_path / "draft.txt"
    path.write_text(multi_line_text(60), encoding="utf-8")
    config = Config()
    ruleset = RuleSet.build(load_rules(), config)
    ordinary = check_file(str(path), ruleset, config)
    monkeypatch.setattr(Tokens, "KEEP_LISTS_CHARS", 10)
    large = check_file(str(path), ruleset, config)
    assert ordinary.findings and large.findings == ordinary.findings
