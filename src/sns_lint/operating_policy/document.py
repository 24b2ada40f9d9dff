"""``sns-lint policy render``: the operating policy as Markdown and as a standalone HTML page
for the city website (guideline 3-(3)-イ asks that it be published there).

Both formats are written from one outline, so they always say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from sns_lint.config.model import Account, Config, OperatingHours
from sns_lint.operating_policy import AccountPolicy, account_policy

DAY_LABELS = {"mon": "月", "tue": "火", "wed": "水", "thu": "木", "fri": "金", "sat": "土", "sun": "日"}
UNSET = "（未設定）"
COMMENT_TEXTS = {
    "none": "コメントやメッセージによるご質問・ご意見には、個別にお答えしていません。"
    "お問い合わせは、下記の窓口へ電話またはメールでお寄せください。",
    "reply": "コメントやご質問には、運用時間内に担当部署が確認し、必要に応じてお答えします。"
    "提案や要望は担当課でお受けし、ソーシャルメディア上では原則としてお答えしません。",
}


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    facts: list[tuple[str, str, str | None]] = field(default_factory=list)  # (label, text, link)


@dataclass
class Outline:
    title: str
    lead: str
    accounts: list[tuple[str, list[Section]]]  # (account heading, sections)
    footer: str


def outline(config: Config, keys: list[str] | None = None) -> Outline:
    chosen = [config.accounts[k] for k in (keys or list(config.accounts))]
    organization = config.organization or ""
    title = f"{organization}ソーシャルメディア運用ポリシー".strip()
    lead = (
        f"{organization or '当団体'}が運用するソーシャルメディアの公式アカウントについて、"
        "目的や運用の方法、利用にあたってのお願いを次のとおり定めます。ご利用の前にお読みください。"
    )
    accounts = [_account_sections(account_policy(account, config)) for account in chosen]
    footer = "この運用ポリシーは、sns-lint の設定ファイル（sns-lint.yaml）から作成しました。"
    return Outline(title=title, lead=lead, accounts=accounts, footer=footer)


_JOINED_LINE = re.compile(r"(?<=[^\x00-\x7f])[ \t\n]+(?=[^\x00-\x7f])")


def prose(text: str | None) -> str | None:
    """YAML folds a long value's lines with spaces; Japanese sentences take none."""
    return _JOINED_LINE.sub("", text.strip()) if text else text


def _account_sections(policy: AccountPolicy) -> tuple[str, list[Section]]:
    account = policy.account
    texts = policy.texts
    texts = type(texts)(**{
        name: (prose(value) if isinstance(value, str) else tuple(prose(v) for v in value) if isinstance(value, tuple) else value)
        for name, value in vars(texts).items()
    })
    overview = Section("アカウント")
    overview.facts = [
        ("ソーシャルメディア", policy.platform_label, None),
        ("アカウント名", account.name or UNSET, None),
        ("URL", texts.url or UNSET, texts.url),
        ("運用部署", texts.department or UNSET, None),
    ]
    purpose = Section("目的と掲載内容")
    purpose.facts = [("目的", texts.purpose or UNSET, None), ("掲載内容", texts.content or UNSET, None)]
    running = Section("運用の方法")
    running.facts = [
        ("運用時間", hours_text(account.hours), None),
        ("コメントへの対応", COMMENT_TEXTS.get(texts.comments or "", UNSET), None),
        ("フォロー・共有など", texts.interactions or UNSET, None),
    ]
    contact = Section("お問い合わせ先")
    contact.facts = _contact_facts(account)
    prohibited = Section("禁止事項")
    prohibited.paragraphs = ["次の内容を含む投稿やコメントは、予告なく削除することがあります。"] if texts.prohibited else [UNSET]
    prohibited.items = list(texts.prohibited)
    rights = Section("知的財産権", paragraphs=[texts.intellectual_property or UNSET])
    disclaimer = Section("免責事項", paragraphs=[texts.disclaimer or UNSET])
    heading = f"{policy.title}（{policy.platform_label}）"
    return heading, [overview, purpose, running, contact, prohibited, rights, disclaimer]


def _contact_facts(account: Account) -> list[tuple[str, str, str | None]]:
    contacts = account.contacts
    facts: list[tuple[str, str, str | None]] = []
    facts += [("電話", phone, "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")) for phone in contacts.phones]
    facts += [("メール", email, "mailto:" + email) for email in contacts.emails]
    facts += [("所在地", address, None) for address in contacts.addresses]
    return facts or [("窓口", UNSET, None)]


def hours_text(hours: OperatingHours | None) -> str:
    if hours is None:
        return UNSET
    days = "・".join(DAY_LABELS[d] for d in hours.days)
    if hours.days == ("mon", "tue", "wed", "thu", "fri"):
        days = "月曜日から金曜日"
    end = "24:00" if (hours.end.hour, hours.end.minute) == (23, 59) else f"{hours.end.hour}:{hours.end.minute:02d}"
    text = f"{days}の {hours.start.hour}:{hours.start.minute:02d}〜{end}"
    closed = []
    if hours.holidays_closed:
        closed.append("祝日")
    if hours.closed_dates:
        closed.append(closed_dates_text(hours.closed_dates))
    if closed:
        text += f"（{'、'.join(closed)}を除く）"
    return text + "。緊急時などは、この時間外にも発信することがあります。"


def closed_dates_text(dates: tuple[tuple[int, int], ...]) -> str:
    """``12-29 … 01-03`` -> ``12月29日〜1月3日``: runs of consecutive days read as one range."""
    leap = 2024  # any leap year: 02-29 is a valid closed date

    def day(month: int, number: int) -> date:
        return date(leap, month, number)

    ordered = sorted(set(dates), key=lambda md: day(*md))
    runs: list[list[date]] = []
    for month, number in ordered:
        current = day(month, number)
        if runs and current - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(current)
        else:
            runs.append([current])
    if len(runs) > 1 and runs[0][0] == day(1, 1) and runs[-1][-1] == day(12, 31):
        runs[-1].extend(runs.pop(0))  # the year-end holidays run over New Year
    def label(d: date) -> str:
        return f"{d.month}月{d.day}日"
    return "・".join(label(r[0]) if len(r) == 1 else f"{label(r[0])}〜{label(r[-1])}" for r in runs)


def to_markdown(document: Outline) -> str:
    out = [f"# {document.title}", "", document.lead, ""]
    for heading, sections in document.accounts:
        out += [f"## {heading}", ""]
        for section in sections:
            out += [f"### {section.heading}", ""]
            if section.facts:
                out += ["| 項目 | 内容 |", "| --- | --- |"]
                for label, text, link in section.facts:
                    shown = f"[{_md(text)}]({link})" if link and link.startswith("http") else _md(text)
                    out.append(f"| {label} | {shown} |")
                out.append("")
            for paragraph in section.paragraphs:
                out += [_md(paragraph), ""]
            if section.items:
                out += [f"{number}. {_md(item)}" for number, item in enumerate(section.items, 1)]
                out.append("")
    out += ["---", "", document.footer, ""]
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif;
  color: var(--ink); background: #f6f8fa; line-height: 1.8; font-size: 16px; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; line-height: 1.4; margin: 0 0 1rem; padding-bottom: .5rem; border-bottom: 3px solid var(--accent); }
h2 { font-size: 1.3rem; margin: 2.5rem 0 1rem; padding: .4rem .75rem; background: #eef4fb; border-left: 6px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; }
table { width: 100%; border-collapse: collapse; margin: .25rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .5rem .75rem; text-align: left; vertical-align: top; }
th { width: 11rem; background: #f6f8fa; font-weight: 600; white-space: nowrap; }
ol { padding-left: 1.75rem; }
a { color: var(--accent); overflow-wrap: anywhere; }
nav ul { margin: 0 0 1rem; padding-left: 1.25rem; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .875rem; }
@media (max-width: 36rem) {
  th, td { display: block; width: auto; }
  th { border-bottom: none; padding-bottom: .25rem; }
  td { border-top: none; padding-top: .25rem; }
}
@media print { body { background: #fff; } main { padding: 0; } }
"""


def to_html(document: Outline) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="ja">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(document.title)}</h1>",
        f"<p>{escape(document.lead)}</p>",
    ]
    if len(document.accounts) > 1:
        out.append('<nav aria-label="アカウント一覧"><ul>')
        out += [f'<li><a href="#account-{n}">{escape(h)}</a></li>' for n, (h, _s) in enumerate(document.accounts, 1)]
        out.append("</ul></nav>")
    for number, (heading, sections) in enumerate(document.accounts, 1):
        out.append(f'<section aria-labelledby="account-{number}">')
        out.append(f'<h2 id="account-{number}">{escape(heading)}</h2>')
        for section in sections:
            out.append(f"<h3>{escape(section.heading)}</h3>")
            if section.facts:
                out.append("<table>")
                out.append("<tbody>")
                for label, text, link in section.facts:
                    cell = f'<a href="{escape(link)}">{escape(text)}</a>' if link else escape(text)
                    out.append(f'<tr><th scope="row">{escape(label)}</th><td>{cell}</td></tr>')
                out.append("</tbody>")
                out.append("</table>")
            for paragraph in section.paragraphs:
                out.append(f"<p>{escape(paragraph)}</p>")
            if section.items:
                out.append("<ol>")
                out += [f"<li>{escape(item)}</li>" for item in section.items]
                out.append("</ol>")
        out.append("</section>")
    out += [f"<footer><p>{escape(document.footer)}</p></footer>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)
