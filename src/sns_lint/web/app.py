"""The ASGI app: the page, its JSON API and its static files.

``POST /api/check`` answers with the ``--format json`` contract, built by the
JSON reporter itself. Checks run on ``CheckPool`` worker threads, so the event
loop only moves bytes. Nothing a user types is logged or written anywhere.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left
from pathlib import Path
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from sns_lint import __version__
from sns_lint.checkers.post_length import PLATFORM_NAMES
from sns_lint.findings import MAX_FINDING_TEXT, Finding
from sns_lint.linter import RuleSet
from sns_lint.posts import PLATFORMS, Post
from sns_lint.reporters import json_report
from sns_lint.rulebook.model import Rule
from sns_lint.rulebook.word_lookup import WordMatch
from sns_lint.sources.discovery import POST_SUFFIXES, SCHEDULE_SUFFIXES
from sns_lint.web.check_pool import DRAFT_PATH, CheckFailed, CheckPool, FileCheck
from sns_lint.web.draft_requests import BadRequest, draft_from, file_name, meta_from, parse_json
from sns_lint.web.guards import LOCAL_HOSTS, Guards, read_body

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_WORD_CHARS = 100  # a word or phrase to look up, not a draft


def clause_key(clause: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in clause.split("-"))


def rule_summary(rule: Rule, ruleset: RuleSet) -> dict[str, Any]:
    active = ruleset.rules.get(rule.id)
    return {
        "id": rule.id,
        "clause": rule.clause,
        "enabled": active is not None,
        "severity": active.severity.label if active else None,
        "severity_ja": active.severity.label_ja if active else "無効",
        "summary": rule.summary,
    }


def rule_explanation(rule: Rule, ruleset: RuleSet) -> dict[str, Any]:
    return {
        **rule_summary(rule, ruleset),
        "rationale": rule.rationale.strip(),
        "bad": [example.text.strip() for example in rule.bad],
        "good": [example.text.strip() for example in rule.good],
    }


def word_match(match: WordMatch, ruleset: RuleSet) -> dict[str, Any]:
    """One rule that lists a looked-up word, and what to write instead."""
    return {
        **rule_summary(match.rule, ruleset),
        "listed": match.listed,
        "preferred": list(match.preferred),
        "note": match.note,
        "condition": match.condition,
    }


def post_offset(post: Post, file_offset: int) -> int:
    """Where a file offset falls in the post's own text (schedule files map the two)."""
    return bisect_left(range(len(post.text) + 1), file_offset, key=post.file_offset)


def post_marks(check: FileCheck) -> list[dict[str, Any]]:
    """Each post of a checked file with its findings (indexes into the report's findings)
    and where each finding sits in the post's own text, for the expandable list."""
    findings: list[Finding] = check.report.findings
    entries = []
    for post in check.posts:
        marks = []
        for index, finding in enumerate(findings):
            if finding.post != post.index:
                continue
            start = post_offset(post, finding.start)
            quoted = finding.text
            if len(quoted) > MAX_FINDING_TEXT:  # a very long stretch: the finding quotes its start only
                quoted = quoted[: MAX_FINDING_TEXT]
                end = post_offset(post, finding.end)
            else:
                end = start + len(quoted)
            inside = post.text[start : start + len(quoted)] == quoted
            marks.append({"finding": index, "start": start if inside else None, "end": end if inside else None})
        meta = post.meta
        entries.append(
            {
                "post": post.index,
                "line": check.source.lines.position(post.offset)[0] if check.source else 1,
                "text": post.text,
                "account": meta.account,
                "platform": meta.platform,
                "scheduled_at": meta.scheduled_at.isoformat() if meta.scheduled_at else None,
                "id": meta.id,
                "marks": marks,
            }
        )
    return entries


def create_app(
    pool: CheckPool,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allowed_hosts: frozenset[str] | None = LOCAL_HOSTS,
    on_ready: Callable[[], None] | None = None,
    warm: bool = True,
) -> Guards:
    config, rules = pool.config, pool.rules
    ruleset = RuleSet.build(rules, config)  # for severities and the enabled set only
    ordered = sorted(rules, key=lambda r: (clause_key(r.clause), r.id))
    templates = Jinja2Templates(directory=str(HERE / "templates"))

    def page_context() -> dict[str, Any]:
        return {
            "version": __version__,
            "policy": config.display_path,
            "rule_count": len(ruleset.rules),
        }

    def bad_request(error: BadRequest) -> JSONResponse:
        return JSONResponse({"error": error.message}, status_code=error.status)

    async def json_body(request: Request) -> dict[str, Any]:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise BadRequest("Content-Type: application/json で送ってください。", 415)
        return parse_json(await read_body(request, max_bytes))

    async def index(request: Request) -> Response:
        accounts = [
            {
                "key": account.key,
                "label": account.name or account.key,
                "platform": account.platform,
                "platform_name": PLATFORM_NAMES.get(account.platform, account.platform),
            }
            for account in config.accounts.values()
        ]
        default_platform = None if accounts else "x"
        return templates.TemplateResponse(
            request,
            "index.html",
            {
                **page_context(),
                "accounts": accounts,
                "default_account": config.default_account,
                "platforms": [(key, PLATFORM_NAMES.get(key, key)) for key in PLATFORMS],
                "default_platform": default_platform,
                "max_bytes": max_bytes,
                "suffixes": POST_SUFFIXES + SCHEDULE_SUFFIXES,  # what a folder walk picks up
            },
        )

    async def rules_page(request: Request) -> Response:
        return templates.TemplateResponse(
            request, "rules.html", {**page_context(), "rules": [rule_summary(r, ruleset) for r in ordered]}
        )

    def chosen(target: str) -> list[Rule]:
        return [rule for rule in ordered if target in (rule.id, rule.clause)]

    def unknown(target: str) -> str:
        return f"「{target}」に当たるルール・語がありません（ルール一覧で確認できます）。"

    async def explained(target: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(rules, word matches): a rule id or clause explains its rules; anything else is
        looked up as a word, like ``sns-lint explain WORD``."""
        target = target.strip()
        found = chosen(target)
        if found:
            return [rule_explanation(r, ruleset) for r in found], []
        if not target or len(target) > MAX_WORD_CHARS:
            return [], []
        matches = await pool.run(pool.lookup_word, target)
        return [], [word_match(m, ruleset) for m in matches]

    async def explain_view(request: Request, target: str) -> Response:
        rules_found, words = await explained(target)
        return templates.TemplateResponse(
            request,
            "explain.html",
            {
                **page_context(),
                "target": target.strip(),
                "rules": rules_found,
                "words": words,
                "error": None if rules_found or words else unknown(target.strip()),
            },
            status_code=200 if rules_found or words else 404,
        )

    async def explain_page(request: Request) -> Response:
        return await explain_view(request, request.path_params["target"])

    async def explain_search(request: Request) -> Response:
        """The rules page's search box: ``/explain?q=WORD``."""
        query = request.query_params.get("q", "").strip()
        if not query:
            return RedirectResponse("/rules", status_code=303)
        return await explain_view(request, query)

    async def api_rules(request: Request) -> Response:
        return JSONResponse({"rules": [rule_summary(r, ruleset) for r in ordered]})

    async def api_explain(request: Request) -> Response:
        target = request.path_params["target"]
        rules_found, words = await explained(target)
        if rules_found:
            return JSONResponse({"rules": rules_found})
        if words:
            return JSONResponse({"word": target.strip(), "matches": words})
        return JSONResponse({"error": unknown(target.strip())}, status_code=404)

    async def api_check(request: Request) -> Response:
        try:
            draft = draft_from(await json_body(request))
        except BadRequest as error:
            return bad_request(error)
        check = await pool.run(pool.check_bytes, draft.data, DRAFT_PATH, draft.meta)
        return JSONResponse(json_report.document(check.report))

    async def api_length(request: Request) -> Response:
        try:
            draft = draft_from(await json_body(request))
        except BadRequest as error:
            return bad_request(error)
        return JSONResponse(await pool.run(pool.measure_bytes, draft.data, draft.meta))

    async def api_check_file(request: Request) -> Response:
        try:
            # read as the CLI reads a file named on its command line: the name picks the reader
            name = file_name(request.query_params.get("name"))
            query = request.query_params
            meta = meta_from(
                {
                    "account": query.get("account"),
                    "platform": query.get("platform"),
                    "scheduled_at": query.get("scheduled_at"),
                    "emergency": query.get("emergency") in ("1", "true"),
                }
            )
            data = await read_body(request, max_bytes)
        except BadRequest as error:
            return bad_request(error)
        check = await pool.run(pool.check_bytes, data, name, meta)
        return JSONResponse(
            {
                "report": json_report.document(check.report),
                "file": {
                    "name": name,
                    "encoding": check.source.encoding if check.source else None,
                    "posts": post_marks(check),
                    # what the CLI prints on stderr: unknown front-matter keys, an empty file
                    "notes": [*check.report.files[0].warnings, *check.report.files[0].notes],
                },
            }
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "そのような API はありません。"}, status_code=404)
        return templates.TemplateResponse(
            request,
            "explain.html",
            {**page_context(), "target": "", "rules": [], "error": "ページが見つかりません。"},
            status_code=404,
        )

    async def wrong_method(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": f"{request.method} では使えません。"}, status_code=405)

    async def check_failed(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": f"点検中に内部エラーが起きました（{exc}）。"}, status_code=500)

    async def internal_error(request: Request, exc: Exception) -> Response:
        # the type only: an exception's text could quote the draft
        return JSONResponse({"error": f"内部エラーです（{type(exc).__name__}）。"}, status_code=500)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        import asyncio

        if warm:
            await asyncio.to_thread(pool.warm)
        if on_ready is not None:
            on_ready()
        try:
            yield
        finally:
            pool.close()

    starlette = Starlette(
        routes=[
            Route("/", index),
            Route("/rules", rules_page),
            Route("/explain", explain_search),
            Route("/explain/{target}", explain_page),
            Route("/api/rules", api_rules),
            Route("/api/explain/{target}", api_explain),
            Route("/api/check", api_check, methods=["POST"]),
            Route("/api/length", api_length, methods=["POST"]),
            Route("/api/check-file", api_check_file, methods=["POST"]),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ],
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: wrong_method, CheckFailed: check_failed, Exception: internal_error},
    )
    return Guards(starlette, max_bytes, allowed_hosts)
