"""The pre-commit hook as a content repository uses it: ``pre-commit try-repo`` against
this checkout (uncommitted changes included), in a throwaway git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO, write

BAD = "市立病院の看護婦さんにお話を伺いました。\n"
GOOD = "本日は晴天なり。市役所からのお知らせです。\n"
# a README with an error-level problem: if the hook checked it, the commit would be blocked
README = "# 投稿リポジトリ\n\n看護婦の表記に注意。参考: https://bit.ly/abc と https://github.com/example/repo\n"


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed here (pip install pre-commit, or the test extra: pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("content")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "NO_COLOR": "1",
    }
    env.pop("PYTHONPATH", None)  # the hook must run the installed hook, not this test's sources
    subprocess.run(["git", "init", "-q", str(root)], check=True, env=env)
    write(root / "drafts" / "bad.txt", BAD)
    write(root / "drafts" / "good.txt", GOOD)
    write(root / "README.md", README)
    write(root / "requirements.txt", "sns-lint\n")
    write(root / ".github" / "workflows" / "ci.yml", "on: [push]\njobs: {}\n")  # YAML without posts
    write(root / "schedule.yaml", "posts:\n  - id: a\n    text: |\n      " + BAD)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    return root, env


def try_repo(content_repo, *files: str) -> subprocess.CompletedProcess:
    root, env = content_repo
    command = [*_pre_commit(), "try-repo", str(REPO), "sns-lint", "--verbose", "--files", *files]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=900)


def test_hook_passes_on_a_good_draft_and_ignores_the_readme(content_repo):
    done = try_repo(content_repo, "drafts/good.txt", "README.md", "requirements.txt", ".github/workflows/ci.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
    assert "bit.ly" not in done.stdout and "看護婦" not in done.stdout


def test_hook_fails_on_a_bad_draft_naming_file_clause_and_word(content_repo):
    done = try_repo(content_repo, "drafts/bad.txt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert "drafts/bad.txt" in done.stdout and "[6-2]" in done.stdout and "看護婦" in done.stdout
    assert "修正が必要です" in done.stdout


def test_hook_checks_schedule_files_too(content_repo):
    """A content repository keeps its scheduled posts in YAML/JSON/CSV: the hook must see them."""
    done = try_repo(content_repo, "schedule.yaml", ".github/workflows/ci.yml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "schedule.yaml" in done.stdout and "[6-2]" in done.stdout
    assert "ci.yml" not in done.stdout  # no posts in it: passed over, not an error
