"""gitignore-style include / exclude patterns, as the policy writes them."""

from __future__ import annotations

import pytest

from sns_lint.sources.path_patterns import FileSelection, PatternList
from tests.conftest import write


@pytest.mark.parametrize(
    "patterns, path, matched",
    [
        (["README*"], "README.md", True),
        (["README*"], "docs/readme.txt", True),  # no slash: any depth, any case
        (["/README*"], "docs/README.md", False),  # leading slash: anchored to the base
        (["docs/*.md"], "docs/a.md", True),
        (["docs/*.md"], "docs/sub/a.md", False),  # * stays in one segment
        (["docs/**/*.md"], "docs/sub/deep/a.md", True),
        (["**/archive/"], "posts/archive/2020/a.txt", True),  # folder: everything inside
        (["archive/"], "archive.txt", False),  # a trailing slash matches folders only
        (["*.txt", "!keep.txt"], "keep.txt", False),  # the last matching pattern wins
        (["*.txt", "!keep.txt"], "drop.txt", True),
        (["requirements*.txt"], "requirements-dev.txt", True),
        (["a[0-9].txt"], "a5.txt", True),
        (["a?.txt"], "a/.txt", False),
        (["# a comment", ""], "x.txt", False),
    ],
)
def test_patterns(patterns, path, matched):
    assert PatternList(patterns).matches(path) is matched


def test_selection_is_relative_to_its_base(tmp_path):
    selection = FileSelection.build(tmp_path, include=("posts/**/*.txt",), exclude=("posts/old/",))
    assert selection.wanted(str(tmp_path / "posts" / "2026" / "a.txt"))
    assert not selection.wanted(str(tmp_path / "posts" / "old" / "a.txt"))
    assert not selection.wanted(str(tmp_path / "other" / "posts" / "a.txt"))
    assert selection.excluded(str(tmp_path / "README.md"))  # the built-in excludes stay


def test_the_built_in_excludes_can_be_undone(tmp_path):
    selection = FileSelection.build(tmp_path, exclude=("!README-ja.md",))
    assert not selection.excluded(str(tmp_path / "README-ja.md"))
    assert selection.excluded(str(tmp_path / "README.md"))


def test_one_regex_for_the_whole_list_agrees_with_reading_the_patterns_in_order():
    """Without "!" a list is checked with one combined regex (and folders are remembered):
    the answer is the same as gitignore's last-match-wins reading, for every kind of pattern."""
    import itertools
    import random

    pieces = ["README*", "/drafts/", "archive/", "**/tmp/", "*.bak", "docs/*.md", "a?.txt", "x[0-9]*",
              "**/old/**", "/top.txt", "sub/", "*.TXT", "posts/**/draft-*.md"]
    paths = ["README.md", "docs/readme.txt", "drafts/a.txt", "x/drafts/a.txt", "archive/2020/a.txt",
             "p/archive.txt", "p/q/tmp/r.md", "a.bak", "docs/a.md", "docs/s/a.md", "ab.txt", "x1y.txt",
             "o/old/n.txt", "old/n.txt", "top.txt", "q/top.txt", "sub/sub/a.md", "Z.txt", "z.txt",
             "posts/2026/05/draft-1.md", "posts/draft-2.md", ".", "deep/a/b/c/d/e/f.txt"]
    chooser = random.Random(7)
    lists = [list(c) for n in (1, 2, 3) for c in itertools.combinations(pieces, n)]
    lists += [chooser.sample(pieces, 6) for _ in range(100)]
    for patterns in lists:
        listed = PatternList(patterns)
        for path in paths:
            assert listed.matches(path) == listed.matches_in_order(path), (patterns, path)


def test_a_folder_reports_the_same_paths_however_it_is_typed(cli, tmp_path):
    """`check .`, `check ./drafts` and `check drafts` name drafts/a.txt alike, so SARIF and GitLab
    fingerprints stay the same when a CI job changes how it names the folder."""
    write(tmp_path / "drafts" / "a.txt", "市立病院の看護婦さんです。\n")
    for given in (".", "./", "./drafts", "drafts"):
        assert [f["path"] for f in cli("check", given, "-f", "json").json()["findings"]] == ["drafts/a.txt"], given
