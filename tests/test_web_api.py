"""`sns-lint serve`'s JSON API through Starlette's test client: the contract, errors, limits, origin."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys

import pytest

pytest.importorskip("starlette", reason="the [web] extra is not installed (pip install -e '.[web]')")
pytest.importorskip("jinja2", reason="the [web] extra is not installed (pip install -e '.[web]')")
testclient = pytest.importorskip("starlette.testclient", reason="Starlette's test client needs httpx2 or httpx")

from sns_lint.analysis.weighted_length import weighted_length  # noqa: E402
from sns_lint.web.app import HERE  # noqa: E402
from tests.conftest import REPO, write  # noqa: E402
from tests.web_harness import ORIGIN, make_app  # noqa: E402

BAD = "市立病院の看護婦さんにお話を伺いました。\n詳しくは bit.ly/3kXyZab をご覧ください。\n"
POLICY = """\
default_account: koho-x
own_domains: [city.kagoshima.lg.jp]
accounts:
  koho-x: {platform: x, name: 鹿児島市 広報課}
  koho-fb: {platform: facebook, name: 鹿児島市}
rules:
  disable: [external-link]
"""


@pytest.fixture(scope="module")
def client():
    with testclient.TestClient(make_app(), base_url=ORIGIN) as test_client:
        yield test_client


@pytest.fixture
def policy_client(tmp_path):
    config = write(tmp_path / "sns-lint.yaml", POLICY)
    with testclient.TestClient(make_app(config), base_url=ORIGIN) as test_client:
        yield test_client


def check(client, text, **meta):
    return client.post("/api/check", json={"text": text, **meta})


# -- the contract -------------------------------------------------------------------------------


def test_check_answers_with_the_cli_json_contract(client, cli, tmp_path):
    write(tmp_path / "draft.txt", BAD)
    from_cli = cli("check", "draft.txt", "--format", "json").json()
    response = check(client, BAD)
    assert response.status_code == 200
    document = response.json()
    for finding in from_cli["findings"]:
        finding["path"] = "下書き"  # what the page calls typed text
    assert document == from_cli
    rules = [f["rule"] for f in document["findings"]]
    assert rules == ["discriminatory-term", "shortened-url"]
    first = document["findings"][0]
    assert (first["line"], first["column"], first["end_column"], first["text"]) == (1, 6, 9, "看護婦")
    assert first["replacements"] == ["看護師"]  # exactly one: the page offers one-click apply


def test_clean_draft_has_no_findings(client):
    document = check(client, "本日は晴天なり。市役所からのお知らせです。").json()
    assert document["findings"] == []
    assert document["summary"] == {"files": 1, "posts": 1, "errors": 0, "warnings": 0, "infos": 0, "suppressed": 0}


def test_platform_chosen_on_the_page_applies_the_length_rule(client):
    long_draft = "市役所からのお知らせです。" * 12  # 156 CJK characters = 312 on X
    assert [f["rule"] for f in check(client, long_draft, platform="x").json()["findings"]] == ["post-length"]
    assert check(client, long_draft, platform="facebook").json()["findings"] == []


def test_front_matter_in_the_draft_wins_over_the_page(client):
    draft = "---\nplatform: facebook\n---\n" + "市役所からのお知らせです。" * 12
    assert check(client, draft, platform="x").json()["findings"] == []


def test_account_from_the_policy_sets_the_platform(policy_client):
    long_draft = "市役所からのお知らせです。" * 12
    assert [f["rule"] for f in check(policy_client, long_draft, account="koho-x").json()["findings"]] == ["post-length"]
    assert check(policy_client, long_draft, account="koho-fb").json()["findings"] == []


def test_unknown_account_is_an_input_error_of_the_report(policy_client):
    document = check(policy_client, "お知らせです。", account="nobody").json()
    assert document["findings"] == []
    [problem] = document["input_errors"]
    assert "nobody" in problem["message"] and "koho-x" in problem["message"]


def test_policy_settings_apply(policy_client):
    document = check(policy_client, "駐車場 https://www.kagoshima-parking.jp/\n").json()
    assert "external-link" not in [f["rule"] for f in document["findings"]]  # disabled by the policy
    rules = {r["id"]: r for r in policy_client.get("/api/rules").json()["rules"]}
    assert rules["external-link"]["enabled"] is False
    assert rules["shortened-url"]["enabled"] is True


def test_emoji_and_astral_characters_keep_columns_in_code_points(client):
    document = check(client, "🎉𠮷看護婦").json()
    [finding] = document["findings"]
    assert (finding["column"], finding["end_column"]) == (3, 6)


def test_crlf_and_tabs_are_read_like_a_file(client):
    document = check(client, "お知らせ\r\n\t看護婦です").json()
    [finding] = document["findings"]
    assert (finding["line"], finding["column"]) == (2, 2)


# -- the live counter ------------------------------------------------------------------------------


def test_length_counts_the_x_way_with_the_projects_counter(client):
    text = "詳しくは https://www.city.kagoshima.lg.jp/kurashi/gomi/index.html をご覧ください。🎉"
    result = client.post("/api/length", json={"text": text, "platform": "x"}).json()
    assert result["length"] == weighted_length(text) == 4 * 2 + 1 + 23 + 1 + 8 * 2 + 2
    assert result == {
        "platform": "x",
        "platform_name": "X",
        "method": "weighted",
        "length": result["length"],
        "limit": 280,
        "remaining": 280 - result["length"],
        "over": 0,
    }


def test_length_past_the_limit(client):
    result = client.post("/api/length", json={"text": "あ" * 141, "platform": "x"}).json()
    assert (result["length"], result["remaining"], result["over"]) == (282, -2, 2)


def test_length_for_a_character_counting_platform_and_the_account_limit(policy_client):
    result = policy_client.post("/api/length", json={"text": "あ" * 141, "account": "koho-fb"}).json()
    assert (result["platform"], result["method"], result["length"]) == ("facebook", "characters", 141)


def test_length_without_a_policy_counts_for_x_as_check_does(client):
    assert client.post("/api/length", json={"text": "お知らせ"}).json()["platform"] == "x"


def test_length_without_a_platform_says_so(tmp_path):
    config = write(tmp_path / "sns-lint.yaml", "accounts:\n  koho-x: {platform: x}\n")  # no default_account
    with testclient.TestClient(make_app(config), base_url=ORIGIN) as policy_without_default:
        assert policy_without_default.post("/api/length", json={"text": "お知らせ"}).json() == {"platform": None}


def test_length_of_an_empty_draft(client):
    result = client.post("/api/length", json={"text": "", "platform": "x"}).json()
    assert (result["length"], result["limit"]) == (0, 280)


# -- rules and explanations ---------------------------------------------------------------------


def test_rules_are_listed_by_clause(client):
    rules = client.get("/api/rules").json()["rules"]
    ids = {r["id"] for r in rules}
    assert {"discriminatory-term", "shortened-url", "post-length"} <= ids
    clauses = [tuple(int(p) for p in r["clause"].split("-")) for r in rules]
    assert clauses == sorted(clauses)
    assert all(r["summary"] and r["severity"] in ("error", "warning", "info") for r in rules)


def test_explain_by_rule_id_and_by_clause(client):
    by_id = client.get("/api/explain/shortened-url").json()["rules"]
    assert [r["id"] for r in by_id] == ["shortened-url"]
    rule = by_id[0]
    assert rule["clause"] == "5-7" and "短縮" in rule["rationale"]
    assert rule["bad"] and rule["good"]
    by_clause = {r["id"] for r in client.get("/api/explain/5-7").json()["rules"]}
    assert "shortened-url" in by_clause


def test_explain_unknown_rule_is_404_in_japanese(client):
    response = client.get("/api/explain/no-such-rule")
    assert response.status_code == 404
    assert "no-such-rule" in response.json()["error"] and "ルール" in response.json()["error"]


def test_explain_looks_up_a_word_like_the_command_line(client, cli):
    """Staff without a terminal ask what to write instead of a word, as ``sns-lint explain 看護婦`` does."""
    body = client.get("/api/explain/看護婦").json()
    assert body["word"] == "看護婦"
    [match] = [m for m in body["matches"] if m["id"] == "discriminatory-term"]
    assert match["clause"] == "6-2" and match["preferred"] == ["看護師"] and match["note"]
    assert "看護師" in cli("explain", "看護婦").stdout
    # another script: found through the reading, and says which listed word it matched
    [kana] = [m for m in client.get("/api/explain/かんごふ").json()["matches"] if m["id"] == "discriminatory-term"]
    assert kana["preferred"] == ["看護師"]
    # a word no rule lists, and one too long to be a word, are not found
    assert client.get("/api/explain/市役所").status_code == 404
    assert client.get("/api/explain/" + "あ" * 101).status_code == 404


def test_word_search_box_shows_matches_on_a_page(client):
    assert 'name="q"' in client.get("/rules").text
    page = client.get("/explain", params={"q": " 看護婦 "})
    assert page.status_code == 200
    assert "言い換え" in page.text and "看護師" in page.text and 'href="/explain/discriminatory-term"' in page.text
    assert client.get("/explain/看護婦").text.count("看護師") >= 1
    empty = client.get("/explain", params={"q": ""}, follow_redirects=False)
    assert empty.status_code == 303 and empty.headers["location"] == "/rules"
    missing = client.get("/explain", params={"q": "市役所"})
    assert missing.status_code == 404 and "市役所" in missing.text and "語" in missing.text
    # what was typed is shown escaped, never as markup
    assert "<script>" not in client.get("/explain", params={"q": "<script>x</script>"}).text


def test_explain_page_and_rules_page_render(client):
    page = client.get("/explain/6-2")
    assert page.status_code == 200 and "よい例" in page.text and "看護" in page.text
    assert client.get("/explain/nothing").status_code == 404
    rules_page = client.get("/rules")
    assert rules_page.status_code == 200 and "shortened-url" in rules_page.text


# -- dropped files ------------------------------------------------------------------------------------


def test_cp932_text_file_from_excel_is_decoded(client):
    data = "保育園の保母さんを募集しています。\r\n".encode("cp932")
    response = client.post("/api/check-file?name=募集.txt", content=data)
    assert response.status_code == 200
    body = response.json()
    assert body["file"]["encoding"] == "cp932"
    [finding] = body["report"]["findings"]
    assert finding["path"] == "募集.txt" and finding["text"] == "保母"
    [post] = body["file"]["posts"]
    [mark] = post["marks"]
    assert post["text"][mark["start"] : mark["end"]] == "保母"


def test_markdown_file_with_front_matter_reports_post_metadata(client):
    data = "---\nplatform: x\nscheduled_at: 2026-12-01T09:00+09:00\n---\n看護婦さん募集\n".encode()
    body = client.post("/api/check-file?name=draft.md", content=data).json()
    [post] = body["file"]["posts"]
    assert (post["platform"], post["scheduled_at"], post["line"]) == ("x", "2026-12-01T09:00:00+09:00", 5)
    [finding] = body["report"]["findings"]
    assert finding["line"] == 5  # lines of the file, front matter included
    assert post["text"][post["marks"][0]["start"] : post["marks"][0]["end"]] == "看護婦"


# -- dropped schedule files (the sources code picks the reader by the file's name) -------------------------

SCHEDULES = REPO / "examples" / "schedules"
EXAMPLE_POLICY = REPO / "examples" / "sns-lint.yaml"


@pytest.fixture(scope="module")
def example_client():
    with testclient.TestClient(make_app(EXAMPLE_POLICY), base_url=ORIGIN) as test_client:
        yield test_client


def _same_as_cli(cli, tmp_path, name: str, data: bytes, body: dict) -> None:
    (tmp_path / name).write_bytes(data)
    from_cli = cli("check", name, "--config", str(EXAMPLE_POLICY), "--format", "json").json()
    assert body["report"] == from_cli


def _marks_hold_their_text(body: dict) -> int:
    """Checks every mark; returns how many there are (one per finding), placed in the text or not."""
    findings = body["report"]["findings"]
    placed = 0
    for post in body["file"]["posts"]:
        for mark in post["marks"]:
            finding = findings[mark["finding"]]
            assert finding["post"] == post["post"]
            if mark["start"] is None:  # written outside the text: a schedule entry's time (5-9)
                assert finding["clause"] == "5-9" and finding["text"] not in post["text"], finding
                placed += 1
                continue
            assert post["text"][mark["start"] : mark["end"]] == finding["text"]
            placed += 1
    return placed


@pytest.mark.parametrize("name", ["2026-12-week2.yaml", "2026-12-week2.csv"])
def test_schedule_file_is_a_list_of_posts_like_the_cli_report(example_client, cli, tmp_path, name):
    data = (SCHEDULES / name).read_bytes()
    body = example_client.post(f"/api/check-file?name={name}", content=data).json()
    _same_as_cli(cli, tmp_path, name, data, body)
    posts = body["file"]["posts"]
    assert len(posts) == body["report"]["summary"]["posts"] == 7
    assert [p["post"] for p in posts] == list(range(7))
    assert posts[0]["id"] == "gomi-1207" and posts[0]["account"] == "koho-x"
    assert posts[0]["scheduled_at"].startswith("2026-12-07T09:00")
    # every finding has a mark, placed inside its own post's text (block scalars and quoted cells too)
    # unless it is about the time written beside the text (5-9)
    assert _marks_hold_their_text(body) == len(body["report"]["findings"]) > 0


def test_schedule_csv_saved_by_excel_in_cp932(example_client, cli, tmp_path):
    data = (SCHEDULES / "2026-12-week2.csv").read_text(encoding="utf-8").encode("cp932")
    body = example_client.post("/api/check-file?name=予約.csv", content=data).json()
    assert body["file"]["encoding"] == "cp932"
    _same_as_cli(cli, tmp_path, "予約.csv", data, body)
    assert len(body["file"]["posts"]) == 7
    assert _marks_hold_their_text(body) == len(body["report"]["findings"]) > 0


def test_schedule_json_with_escapes(example_client, cli, tmp_path):
    data = json.dumps(
        {
            "posts": [
                {"id": "a", "account": "koho-x", "scheduled_at": "2026-12-07T10:00", "text": "お知らせ\n看護婦さん"},
                {"id": "b", "account": "koho-x", "scheduled_at": "2026-12-07T11:00", "text": "\u4fdd\u6bcdさん bit.ly/ab1"},
            ]
        },
        ensure_ascii=True,
    ).encode()
    body = example_client.post("/api/check-file?name=week.json", content=data).json()
    _same_as_cli(cli, tmp_path, "week.json", data, body)
    texts = {f["text"] for f in body["report"]["findings"]}
    assert {"看護婦", "bit.ly/ab1"} <= texts
    assert _marks_hold_their_text(body) == len(body["report"]["findings"])


def test_yaml_without_posts_is_an_error_when_dropped(example_client):
    body = example_client.post("/api/check-file?name=settings.yaml", content=b"title: hello\n").json()
    assert body["file"]["posts"] == [] and body["report"]["findings"] == []
    assert "posts" in body["report"]["input_errors"][0]["message"]


def test_file_notes_reach_the_page(client):
    body = client.post("/api/check-file?name=draft.md", content="---\nauthor: 山田\n---\nお知らせ\n".encode()).json()
    assert any("author" in note for note in body["file"]["notes"])
    empty = client.post("/api/check-file?name=empty.txt", content=b"\n\n").json()
    assert empty["file"]["posts"] == [] and any("空のファイル" in note for note in empty["file"]["notes"])


def test_folder_part_of_a_file_name_is_dropped(client):
    body = client.post("/api/check-file?name=../../etc/a.txt", content="看護婦".encode()).json()
    assert body["file"]["name"] == "a.txt"
    assert body["report"]["findings"][0]["path"] == "a.txt"


def test_binary_file_is_an_input_error(client):
    body = client.post("/api/check-file?name=photo.txt", content=b"\x89PNG\r\n\x1a\n\x00\x00").json()
    assert body["report"]["findings"] == []
    assert "バイナリ" in body["report"]["input_errors"][0]["message"]
    assert body["file"]["posts"] == []


def test_other_files_are_read_as_the_cli_reads_them(client, cli, tmp_path):
    office = b"PK\x03\x04\x14\x00\x00\x00\x08\x00"  # a .docx is a zip archive
    body = client.post("/api/check-file?name=report.docx", content=office).json()
    (tmp_path / "report.docx").write_bytes(office)
    from_cli = cli("check", "report.docx", "--format", "json").json()
    assert body["report"] == from_cli
    assert "バイナリ" in body["report"]["input_errors"][0]["message"]


def test_file_without_a_name_is_refused(client):
    response = client.post("/api/check-file", content=b"abc")
    assert response.status_code == 400 and "ファイル名" in response.json()["error"]


# -- bad requests --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"{not json", "JSON"),
        (b"[1, 2]", "オブジェクト"),
        (json.dumps({"text": 5}).encode(), "text"),
        (json.dumps({"text": "a", "platform": "myspace"}).encode(), "myspace"),
        (json.dumps({"text": "a", "scheduled_at": "12月1日"}).encode(), "12月1日"),
        (json.dumps({"text": "a", "emergency": "yes"}).encode(), "emergency"),
        (json.dumps({"text": "a", "account": ["x"]}).encode(), "account"),
        (b'{"text": "\\ud800"}', "サロゲート"),
    ],
)
def test_malformed_requests_get_one_japanese_sentence(client, body, needle):
    response = client.post("/api/check", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert needle in response.json()["error"]


def test_check_needs_json_content_type(client):
    response = client.post("/api/check", content=b'{"text": "a"}', headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]


def test_wrong_method_and_unknown_api(client):
    assert client.get("/api/check").status_code == 405
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.json()["error"]


# -- size limit -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_client():
    with testclient.TestClient(make_app(max_bytes=1024), base_url=ORIGIN) as test_client:
        yield test_client


def test_declared_size_past_the_limit_is_refused_before_reading(small_client):
    response = small_client.post("/api/check", json={"text": "あ" * 1000})
    assert response.status_code == 413
    assert "大きすぎます" in response.json()["error"]


def test_streamed_body_past_the_limit_is_refused(small_client):
    def chunks():
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 100
        yield b'"}'

    response = small_client.post("/api/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    file_response = small_client.post("/api/check-file?name=big.txt", content=chunks())
    assert file_response.status_code == 413


def test_body_within_the_limit_is_checked(small_client):
    assert small_client.post("/api/check", json={"text": "看護婦"}).status_code == 200


# -- origin, host and headers -----------------------------------------------------------------------------


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:9999", "https://127.0.0.1:8765"])
def test_requests_from_other_origins_are_refused(client, origin):
    response = client.post("/api/check", json={"text": "看護婦"}, headers={"Origin": origin})
    assert response.status_code == 403
    assert "ほかのサイト" in response.json()["error"]


def test_same_origin_request_is_accepted(client):
    response = client.post("/api/check", json={"text": "看護婦"}, headers={"Origin": ORIGIN})
    assert response.status_code == 200


def test_cross_site_fetch_without_origin_is_refused(client):
    response = client.post("/api/check", json={"text": "a"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403


def test_other_host_names_are_refused(client):
    # a site that points its own name at 127.0.0.1 (DNS rebinding) is same-origin with itself
    response = client.post(
        "/api/check", json={"text": "a"}, headers={"Host": "evil.example:8765", "Origin": "http://evil.example:8765"}
    )
    assert response.status_code == 421
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_responses_forbid_outside_content_and_caching(client):
    response = check(client, BAD)
    assert response.headers["cache-control"] == "no-store"
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


# -- the page itself ---------------------------------------------------------------------------------------


def test_page_is_japanese_and_lists_the_policy_accounts(policy_client):
    page = policy_client.get("/")
    assert page.status_code == 200
    assert '<html lang="ja">' in page.text
    assert "鹿児島市 広報課（X）" in page.text
    assert re.search(r'<option value="koho-x"[^>]*selected', page.text)


def test_page_and_assets_load_nothing_from_outside(client):
    page = client.get("/").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in (HERE / "static").iterdir():
        text = asset.read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), asset.name
        assert "@import" not in text and "@font-face" not in text
        assert client.get(f"/static/{asset.name}").status_code == 200


def test_nothing_typed_reaches_a_log(client, caplog):
    secret = "看護婦の山田花子さん 090-1234-5678"
    with caplog.at_level(logging.DEBUG):
        check(client, secret)
        client.post("/api/length", json={"text": secret, "platform": "x"})
        client.post("/api/check-file?name=a.txt", content=secret.encode())
        client.post("/api/check", json={"text": secret}, headers={"Origin": "http://evil.example"})
    assert "山田花子" not in caplog.text


def test_a_defect_while_checking_names_no_text(tmp_path, monkeypatch, caplog, capsys):
    from sns_lint.linter import RuleSet

    def broken(self, analysis, *args, **kwargs):
        raise ValueError(f"cannot handle {analysis.text}")

    monkeypatch.setattr(RuleSet, "check_post", broken)
    with testclient.TestClient(make_app(warm=False), base_url=ORIGIN, raise_server_exceptions=False) as broken_client:
        with caplog.at_level(logging.DEBUG):
            response = check(broken_client, "山田花子さんの電話")
    assert response.status_code == 500
    assert "ValueError" in response.json()["error"] and "山田" not in response.text
    assert "山田" not in caplog.text and "山田" not in capsys.readouterr().err


# -- worker threads ---------------------------------------------------------------------------------------


def test_each_worker_thread_has_its_own_tokenizer_and_rules():
    import asyncio
    import threading

    from sns_lint.analysis.tokens import _tokenizer
    from tests.web_harness import make_pool

    pool = make_pool()
    barrier = threading.Barrier(pool.workers)

    def probe():
        barrier.wait(timeout=30)  # hold this thread so the next probe runs on another one
        return threading.get_ident(), id(_tokenizer()), id(pool._ruleset())

    async def probes():
        return await asyncio.gather(*(pool.run(probe) for _ in range(pool.workers)))

    try:
        seen = asyncio.run(probes())
    finally:
        pool.close()
    assert pool.workers == 2
    assert len({thread for thread, _, _ in seen}) == 2
    assert len({tokenizer for _, tokenizer, _ in seen}) == 2  # Sudachi is never shared
    assert len({rules for _, _, rules in seen}) == 2


def test_concurrent_checks_give_each_draft_its_own_findings(client):
    from concurrent.futures import ThreadPoolExecutor

    drafts = [f"{'お知らせです。' * i}看護婦{'、' * i}保母さん bit.ly/x{i}yz" for i in range(24)]
    with ThreadPoolExecutor(8) as senders:
        answers = list(senders.map(lambda text: check(client, text, platform="facebook").json(), drafts))
    for i, answer in enumerate(answers):
        assert [f["text"] for f in answer["findings"]] == ["看護婦", "保母", f"bit.ly/x{i}yz"]
        assert answer["findings"][0]["column"] == 7 * i + 1


# -- the command ------------------------------------------------------------------------------------------


def test_serve_is_not_imported_by_other_commands():
    code = (
        "import sys, sns_lint.cli\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'jinja2')"
        " or m.startswith('sns_lint.web')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_serve_on_a_busy_port_is_one_japanese_line(cli):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = cli("serve", "--port", str(port), "--no-browser")
    assert result.code == 2
    assert f"ポート {port}" in result.stderr and "--port" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_on_every_address_warns(cli):
    import socket

    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = cli("serve", "--host", "0.0.0.0", "--port", str(port), "--no-browser")
    assert result.code == 2
    assert "警告" in result.stderr and "すべてのネットワーク" in result.stderr


def test_serve_without_the_web_extra_says_how_to_install(cli, monkeypatch):
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        "sns_lint.web.server.find_spec", lambda name: None if name == "starlette" else real_find_spec(name)
    )
    result = cli("serve", "--no-browser")
    assert result.code == 2
    assert 'pip install "sns-lint[web]"' in result.stderr and "starlette" in result.stderr


def test_serve_with_a_broken_policy_is_exit_2(cli, tmp_path):
    write(tmp_path / "broken.yaml", "accounts: [1, 2\n")
    result = cli("serve", "--config", "broken.yaml", "--no-browser")
    assert result.code == 2 and "broken.yaml" in result.stderr
