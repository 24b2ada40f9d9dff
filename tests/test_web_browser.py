"""The page in a real browser (headless Chromium): type a draft, see it marked, apply a fix.

Needs the Debian ``chromium`` and ``chromium-driver`` packages and Selenium; ``.ci/run``
installs them. Without them the test is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the [web] extra (starlette) is not installed")
pytest.importorskip("uvicorn", reason="the [web] extra (uvicorn) is not installed")
pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from sns_lint.analysis.weighted_length import weighted_length  # noqa: E402
from tests.web_harness import live_server  # noqa: E402

BROWSER = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
DRIVER = shutil.which("chromedriver")
if BROWSER is None or DRIVER is None:
    pytest.skip(
        "headless Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does this)",
        allow_module_level=True,
    )

REPO = Path(__file__).resolve().parents[1]
POLICY = REPO / "examples" / "sns-lint.yaml"
SHORT_URL = "bit.ly/3kXyZab"
EXTERNAL_URL = "https://www.kagoshima-parking.jp/tenmonkan"
DRAFT = (
    "【お知らせ】市立病院の看護婦さんにお話を伺いました。\n"
    f"インタビューの全文は {SHORT_URL} からご覧ください。\n"
    f"周辺の駐車場: {EXTERNAL_URL}\n"
    "#鹿児島市 #市立病院"
)


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1360,900", "--lang=ja-JP", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=DRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _screenshot(driver, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    driver.save_screenshot(str(path))
    target = os.environ.get("SNS_LINT_SCREENSHOT_DIR")  # to refresh the README's picture
    if target:
        shutil.copy(path, Path(target) / name)
    return path


# read in one script call: the page redraws while it checks, so element handles go stale
def _marks(driver) -> dict[str, str]:
    return driver.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('#highlights mark')]"
        ".map(m => [m.textContent, m.className]))"
    )


def _cards(driver) -> list[str]:
    return driver.execute_script("return [...document.querySelectorAll('#findings .finding')].map(c => c.innerText)")


def _settled(driver) -> bool:
    """The last check answered for the text now in the editor."""
    return driver.execute_script("return document.querySelector('.compose').dataset.state") == "idle"


def _severe_console_messages(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_typed_draft_is_marked_and_the_suggestion_applies(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)  # the page names the policy file as the user gave it
    with live_server(POLICY.relative_to(REPO)) as url:
        browser.get(url)
        wait = WebDriverWait(browser, 30)
        textarea = browser.find_element(By.ID, "draft")
        textarea.send_keys(DRAFT)

        # the problems are highlighted in the text itself, coloured by severity
        wait.until(lambda d: _settled(d) and {"看護婦", SHORT_URL, EXTERNAL_URL} <= set(_marks(d)))
        marks = _marks(browser)
        assert "sev-error" in marks["看護婦"] and "sev-error" in marks[SHORT_URL]
        assert "sev-warning" in marks[EXTERNAL_URL]
        cards = _cards(browser)
        assert any("6-2" in c and "看護婦" in c for c in cards)
        assert any("5-7" in c and "bit.ly" in c for c in cards)
        # the policy's default account posts on X: the live counter counts the X way
        # (CJK 2, each URL 23 however long)
        assert browser.find_element(By.ID, "account").get_attribute("value") == "koho-x"
        expected = str(weighted_length(DRAFT))
        wait.until(lambda d: d.find_element(By.ID, "counter-length").text == expected)
        assert browser.find_element(By.ID, "counter-limit").text == "280"
        shot = _screenshot(browser, tmp_path, "web-page.png")
        assert shot.stat().st_size > 10_000

        # one click applies the single suggestion; the re-check clears that finding only
        browser.find_element(By.CSS_SELECTOR, ".finding.sev-error .apply").click()
        wait.until(lambda d: "看護師" in d.find_element(By.ID, "draft").get_attribute("value"))
        assert "看護婦" not in textarea.get_attribute("value")
        wait.until(lambda d: _settled(d) and not any("6-2" in c for c in _cards(d)))
        assert any("5-7" in c for c in _cards(browser))
        assert set(_marks(browser)) == {SHORT_URL, EXTERNAL_URL}
        _screenshot(browser, tmp_path, "web-page-applied.png")

        # the explain link opens the clause's explanation in the page
        browser.find_element(By.CSS_SELECTOR, ".finding .finding-links a").click()
        wait.until(lambda d: "なぜ" in d.find_element(By.ID, "explain-body").text)
        assert "短縮" in browser.find_element(By.ID, "explain-body").text
        assert _severe_console_messages(browser) == []


def test_cp932_file_opens_as_a_post_list_with_counts(browser, tmp_path):
    draft = tmp_path / "お知らせ.txt"
    draft.write_bytes("保育園の保母さんを募集しています。\n".encode("cp932"))
    with live_server() as url:
        browser.get(url)
        wait = WebDriverWait(browser, 30)
        browser.find_element(By.ID, "file-input").send_keys(str(draft))
        wait.until(lambda d: "点検結果" in d.find_element(By.ID, "file-title").text)
        summary = browser.find_element(By.ID, "file-summary").text
        assert "投稿 1 件" in summary and "エラー 1" in summary
        post = browser.find_element(By.CSS_SELECTOR, "#file-posts details")
        assert post.get_attribute("open") is not None  # a single post is shown open
        assert post.find_element(By.CSS_SELECTOR, ".post-text mark").text == "保母"
        assert _severe_console_messages(browser) == []


def test_schedule_file_is_an_expandable_list_with_counts(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    schedule = REPO / "examples" / "schedules" / "2026-12-week2.yaml"
    with live_server(POLICY.relative_to(REPO)) as url:
        browser.get(url)
        wait = WebDriverWait(browser, 30)
        browser.find_element(By.ID, "file-input").send_keys(str(schedule))
        wait.until(lambda d: "点検結果" in d.find_element(By.ID, "file-title").text)
        summary = browser.find_element(By.ID, "file-summary").text
        assert "投稿 7 件" in summary
        posts = browser.find_elements(By.CSS_SELECTOR, "#file-posts > li")
        assert len(posts) == 7
        flagged = [p for p in posts if "clean-post" not in p.get_attribute("class")]
        assert f"指摘のある投稿 {len(flagged)} 件" in summary and 0 < len(flagged) < 7
        # many posts start closed; a click opens one, with its spans marked in its own text
        details = flagged[0].find_element(By.TAG_NAME, "details")
        assert details.get_attribute("open") is None
        assert "event-1208" in details.text  # the schedule's own id for the post
        details.find_element(By.TAG_NAME, "summary").click()
        wait.until(lambda d: details.get_attribute("open") is not None)
        assert details.find_elements(By.CSS_SELECTOR, ".post-text mark")
        # only the posts with findings, when asked
        browser.find_element(By.ID, "only-findings").click()
        visible = [p for p in browser.find_elements(By.CSS_SELECTOR, "#file-posts > li") if p.is_displayed()]
        assert len(visible) == len(flagged)
        browser.execute_script("document.getElementById('file-report').scrollIntoView()")
        _screenshot(browser, tmp_path, "web-schedule.png")
        assert _severe_console_messages(browser) == []
