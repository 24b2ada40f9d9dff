"""The operating policy as a document: ``init``, ``policy check`` and ``policy render``."""

from __future__ import annotations

import io
import sys

import pytest

from sns_lint.config.loading import load_config
from tests.conftest import REPO, write

INIT_OPTIONS = (
    "--organization", "例市", "--platform", "x", "--name", "例市 広報課", "--url", "https://x.com/example_koho",
    "--department", "広報課", "--phone", "099-000-0000", "--email", "koho@city.example.lg.jp", "--comments", "none",
)


def test_init_writes_a_config_the_loader_reads_with_every_item(cli, tmp_path):
    result = cli("init", *INIT_OPTIONS)
    assert result.code == 0, result.stderr
    text = (tmp_path / "sns-lint.yaml").read_text(encoding="utf-8")
    for clause in ("3-(1)-ア", "3-(1)-イ", "3-(1)-ウ", "3-(1)-エ", "3-(1)-オ", "3-(1)-カ", "3-(1)-キ", "7-(1)", "7-(2)"):
        assert clause in text, clause  # each item is there, with a comment naming it
    config = load_config(str(tmp_path / "sns-lint.yaml"))
    account = config.accounts["x"]
    assert (account.platform, account.name, account.policy.url, account.policy.department) == (
        "x", "例市 広報課", "https://x.com/example_koho", "広報課",
    )
    assert account.contacts.phones == ("099-000-0000",) and account.hours is not None
    assert config.own_domains == ("city.example.lg.jp",)
    checked = cli("policy", "check")
    assert checked.code == 0 and "そろっています" in checked.stdout


def test_init_never_overwrites(cli, tmp_path):
    existing = write(tmp_path / "sns-lint.yaml", "# ours\n")
    result = cli("init", *INIT_OPTIONS)
    assert result.code == 2 and "上書きはしません" in result.stderr
    assert existing.read_text(encoding="utf-8") == "# ours\n"


def test_init_to_another_file_and_key(cli, tmp_path):
    result = cli("init", *INIT_OPTIONS, "--key", "koho-x", "--output", "policy/koho.yaml")
    assert result.code == 2  # the folder does not exist: a clear error, no traceback
    assert "Traceback" not in result.stderr
    (tmp_path / "policy").mkdir()
    assert cli("init", *INIT_OPTIONS, "--key", "koho-x", "--output", "policy/koho.yaml").code == 0
    assert "koho-x" in load_config(str(tmp_path / "policy" / "koho.yaml")).accounts


@pytest.mark.parametrize(
    "change, words",
    [
        (("--platform", "tiktok"), "プラットフォーム"),
        (("--url", "x.com/koho"), "URL"),
        (("--email", ""), "メールアドレス"),
        (("--comments", "maybe"), "コメント"),
    ],
)
def test_init_rejects_bad_answers(cli, tmp_path, change, words):
    options = list(INIT_OPTIONS)
    options[options.index(change[0]) + 1] = change[1]
    result = cli("init", *options)
    assert result.code == 2 and words in result.stderr
    assert not (tmp_path / "sns-lint.yaml").exists()


def test_init_without_options_asks(cli, tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = "例市\nfacebook\n例市\nhttps://www.facebook.com/example.city\n広報課\nreply\n\n\n"
    monkeypatch.setattr(sys, "stdin", Terminal(answers))
    result = cli("init")
    assert result.code == 0, result.stderr
    account = load_config(str(tmp_path / "sns-lint.yaml")).accounts["facebook"]
    assert account.policy.comments == "reply" and account.contacts.phones == ()


def test_init_without_options_and_without_terminal_names_the_options(cli):
    result = cli("init", "--platform", "x", stdin=b"")
    assert result.code == 2 and "--organization" in result.stderr and "--url" in result.stderr


GAPPY = """\
organization: 例市
accounts:
  complete:
    platform: x
    name: 例市
    url: https://x.com/example
    department: 広報課
    purpose: 目的
    content: 内容
    hours: {start: "08:30", end: "17:15"}
    comments: reply
    interactions: 公的機関のみ
    prohibited: [誹謗中傷]
    intellectual_property: 市に帰属
    disclaimer: 保証しません
  sparse:
    platform: instagram
    comments: none
    contacts:
      phones: ["099-000-0000"]
"""


def test_policy_check_reports_each_missing_item_with_file_and_line(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", GAPPY)
    result = cli("policy", "check", "-f", "json")
    assert result.code == 1
    found = [(f["clause"], f["line"], f["severity"]) for f in result.json()["findings"]]
    assert found == [
        ("3-1-イ", 16, "error"),
        ("3-1-ウ", 16, "error"),
        ("3-1-エ", 16, "error"),
        ("3-1-オ", 16, "error"),
        ("3-1-カ", 16, "error"),
        ("3-1-キ", 16, "error"),
        ("7-1", 16, "warning"),
        ("7-2", 18, "error"),  # comments: none, a phone but no e-mail
    ]
    messages = " ".join(f["message"] for f in result.json()["findings"])
    assert "sparse" in messages and "complete" not in messages and "メールアドレス" in messages
    shown = cli("policy", "check")
    assert "sns-lint.yaml" in shown.stdout and "16:1" in shown.stdout and "[3-1-ウ]" in shown.stdout


def test_policy_check_speaks_each_ci_format(cli, tmp_path):
    """A CI job that audits the policy gets annotations and SARIF, not the terminal report."""
    import json

    write(tmp_path / "sns-lint.yaml", GAPPY)
    github = cli("policy", "check", "-f", "github")
    assert github.code == 1
    assert github.stdout.startswith("::error file=sns-lint.yaml,line=16,")  # relative to the repository
    sarif = json.loads(cli("policy", "check", "-f", "sarif").stdout)
    [run] = sarif["runs"]
    assert len(run["results"]) == 8 and run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 16
    gitlab = json.loads(cli("policy", "check", "-f", "gitlab").stdout)
    assert {issue["location"]["path"] for issue in gitlab} == {"sns-lint.yaml"}
    assert "<testsuites" in cli("policy", "check", "-f", "junit").stdout


def test_shared_policy_texts_fill_every_account(cli, tmp_path):
    shared = GAPPY.replace(
        "accounts:\n",
        "policy:\n  prohibited: [誹謗中傷]\n  intellectual_property: 市に帰属\n  disclaimer: 保証しません\n"
        "  interactions: 公的機関のみ\n  purpose: 目的\n  content: 内容\naccounts:\n",
    )
    write(tmp_path / "sns-lint.yaml", shared)
    clauses = [f["clause"] for f in cli("policy", "check", "-f", "json").json()["findings"]]
    assert clauses == ["3-1-イ", "3-1-エ", "7-2"]


def test_policy_check_without_a_config_is_a_usage_error(cli):
    result = cli("policy", "check")
    assert result.code == 2 and "sns-lint init" in result.stderr


def test_the_example_policy_is_complete(cli):
    result = cli("policy", "check", "--config", str(REPO / "examples" / "sns-lint.yaml"))
    assert result.code == 0, result.stdout


def test_render_writes_markdown_and_html_with_every_item(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", GAPPY)
    result = cli("policy", "render", "-o", "site")
    assert result.code == 0
    markdown = (tmp_path / "site" / "sns-policy.md").read_text(encoding="utf-8")
    html = (tmp_path / "site" / "sns-policy.html").read_text(encoding="utf-8")
    assert markdown.startswith("# 例市ソーシャルメディア運用ポリシー\n")
    for words in ("## 例市（X（旧 Twitter））", "[https://x.com/example](https://x.com/example)", "月曜日から金曜日の 8:30〜17:15",
                  "1. 誹謗中傷", "### 免責事項", "保証しません", "### 知的財産権", "公的機関のみ"):
        assert words in markdown, words
    assert "（未設定）" in markdown  # the sparse account shows its gaps
    assert "未設定の項目" in result.stderr
    assert '<a href="tel:0990000000">099-000-0000</a>' in html and "<h1>例市ソーシャルメディア運用ポリシー</h1>" in html


def test_rendered_html_is_valid_standalone_html(cli, tmp_path):
    import html5lib

    cli("policy", "render", "--config", str(REPO / "examples" / "sns-lint.yaml"), "-o", str(tmp_path))
    page = (tmp_path / "sns-policy.html").read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(page)  # raises on any parse error, a missing doctype included
    assert parser.errors == []
    assert tree.find("head/meta").get("charset") == "utf-8"
    assert tree.get("lang") == "ja"
    assert "<link" not in page and "<script" not in page and "src=" not in page  # nothing to fetch


def test_render_escapes_what_the_config_says(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", GAPPY.replace("purpose: 目的", 'purpose: "<script>alert(1)</script> & 目的"'))
    result = cli("policy", "render", "-o", "-", "-f", "html", "-a", "complete")
    assert "<script>" not in result.stdout and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 目的" in result.stdout
    assert "sparse" not in result.stdout


def test_render_to_stdout_needs_one_format_and_known_accounts(cli, tmp_path):
    write(tmp_path / "sns-lint.yaml", GAPPY)
    assert cli("policy", "render", "-o", "-").code == 2
    unknown = cli("policy", "render", "-a", "nosuch")
    assert unknown.code == 2 and "nosuch" in unknown.stderr
    markdown = cli("policy", "render", "-o", "-", "-f", "md")
    assert markdown.code == 0 and markdown.stdout.startswith("# 例市")


def test_policy_check_cites_the_configured_guideline(cli, tmp_path):
    write(tmp_path / "g.yaml", "id: g\nname: G\norganization: o\nclauses:\n  \"3-1-ウ\": {number: 第3条第2号, title: 目的}\n")
    write(tmp_path / "sns-lint.yaml", "guideline: g.yaml\n" + GAPPY)
    clauses = [f["clause"] for f in cli("policy", "check", "-f", "json").json()["findings"]]
    assert "第3条第2号" in clauses and "3-1-ウ" not in clauses


def test_the_rendered_example_page_is_current(cli, tmp_path):
    """examples/policy/sns-policy.html is what ``policy render`` writes for the example policy."""
    cli("policy", "render", "--config", str(REPO / "examples" / "sns-lint.yaml"), "-f", "html", "-o", str(tmp_path))
    fresh = (tmp_path / "sns-policy.html").read_text(encoding="utf-8")
    assert (REPO / "examples" / "policy" / "sns-policy.html").read_text(encoding="utf-8") == fresh


def test_init_takes_the_city_domain_only_from_an_official_address(cli, tmp_path):
    options = list(INIT_OPTIONS)
    options[options.index("--email") + 1] = "example.koho@gmail.com"
    assert cli("init", *options).code == 0
    assert load_config(str(tmp_path / "sns-lint.yaml")).own_domains == ()
