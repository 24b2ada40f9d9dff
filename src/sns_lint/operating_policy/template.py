"""``sns-lint init``: a commented ``sns-lint.yaml`` for a new account.

It covers every item guideline 3-(1) asks an operating policy to define, the comment
handling of 7-(1) and the contact points of 7-(2), with first drafts the office edits.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from sns_lint.errors import ConfigError
from sns_lint.posts import PLATFORMS

_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Answers:
    organization: str
    key: str
    platform: str
    name: str
    url: str
    department: str
    phone: str
    email: str
    comments: str = "none"


def problems(answers: Answers) -> list[str]:
    """Each answer that cannot go into the config, in the user's words."""
    found = []
    if answers.platform not in PLATFORMS:
        found.append(f"プラットフォームは {', '.join(PLATFORMS)} のいずれかで指定してください。")
    if not _KEY.match(answers.key):
        found.append("アカウントのキーは英数字・ハイフン・下線で指定してください（例: koho-x）。")
    if not _URL.match(answers.url):
        found.append(f"URL「{answers.url}」は URL ではありません（例: https://x.com/kagoshima_koho）。")
    if answers.email and not _EMAIL.match(answers.email):
        found.append(f"メールアドレス「{answers.email}」を確認してください。")
    if answers.comments not in ("none", "reply"):
        found.append("コメントへの対応は none（回答しない）か reply（回答する）で指定してください。")
    for label, value in (("団体名", answers.organization), ("アカウント名", answers.name), ("運用部署", answers.department)):
        if not value.strip():
            found.append(f"{label}を指定してください。")
    if answers.comments == "none" and not (answers.phone and answers.email):
        found.append("コメントに回答しない（none）ときは、問い合わせ先の電話番号とメールアドレスを指定してください（ガイドライン 7-2）。")
    return found


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


_OFFICIAL = re.compile(r"(?:^|\.)(?:lg\.jp|go\.jp)$|^(?:www\.)?(?:city|town|vill|pref)\.[a-z0-9.-]+\.jp$")


def official_domain(email: str) -> str | None:
    """The city's own domain, read from an official e-mail address (never from free mail)."""
    domain = email.rpartition("@")[2].lower()
    return domain if domain and _OFFICIAL.search(domain) else None


def render(answers: Answers) -> str:
    a = answers
    domain = official_domain(a.email)
    return f"""# sns-lint の設定 = このアカウントの運用ポリシー（ガイドライン 3-(1)）
# 書き終えたら「sns-lint policy check」で漏れを確かめ、「sns-lint policy render」で
# 市のホームページに載せるページ（Markdown と HTML）を作れます。
# エディタで補完・検査するには: sns-lint schema config > sns-lint.schema.json とし、
# 先頭に「# yaml-language-server: $schema=./sns-lint.schema.json」の行を加えます。
timezone: Asia/Tokyo
organization: {_q(a.organization)}
default_account: {a.key}

# 市のドメイン（このドメインへのリンクは「市のページ」として扱います）
own_domains: [{domain or ""}]{"" if domain else "  # 例: [city.kagoshima.lg.jp]"}
# 市以外でも信頼できるドメイン（国・自治体）
trusted_domains: [go.jp, lg.jp]

# すべてのアカウントに共通の記載（アカウントごとに書けば、そちらが優先されます）
policy:
  # 3-(1)-オ 禁止事項: 利用者の投稿・コメントで削除の対象にするもの
  prohibited:
    - 法令に違反する、または違反するおそれのある内容
    - 特定の個人・団体を誹謗中傷し、名誉や信用を傷つける内容
    - 人種・思想・信条・居住地・職業などによる差別や、その助長につながる内容
    - 他人の個人情報やプライバシーを明かす内容
    - 著作権・肖像権など、市や第三者の権利を侵害する内容
    - 政治・選挙・宗教の活動、広告・宣伝・営業を目的とする内容
    - 公序良俗に反する内容、わいせつな内容
    - 市や他者になりすました投稿、虚偽の内容
  # 3-(1)-カ 知的財産権の帰属
  intellectual_property: >-
    このアカウントで発信する文章・写真・イラストなどの著作権は{a.organization}に帰属します
    （第三者が権利を持つものを除きます）。私的な利用や引用など、法律で認められた範囲を超えて使う場合は、
    あらかじめ運用部署にご相談ください。
  # 3-(1)-キ 免責事項
  disclaimer: >-
    発信する情報の正確さには万全を期していますが、その内容を保証するものではありません。
    このアカウントの情報を利用したことで生じた損害や、利用者どうし・利用者と第三者との間の
    トラブルについて、{a.organization}は責任を負いません。

accounts:
  {a.key}:
    # 3-(1)-ア 運用するソーシャルメディアの種類（{" / ".join(PLATFORMS)}）
    platform: {a.platform}
    # 3-(1)-イ アカウント名・URL・運用部署
    name: {_q(a.name)}
    url: {_q(a.url)}
    department: {_q(a.department)}
    # 3-(1)-ウ 発信の目的と掲載内容（部署の言葉に書き直してください）
    purpose: {_q(f"{a.department}の取り組みやお知らせを、市民の皆さんに広く、早くお届けするため。")}
    content: {_q("イベント・募集・制度のお知らせ、施設の情報、災害などの緊急情報。")}
    # 3-(1)-エ 運用の方法: 運用時間（ガイドライン 5-(9): この時間内に発信します）
    hours:
      days: [mon, tue, wed, thu, fri]
      start: "08:30"
      end: "17:15"
      holidays: closed
      closed: ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"]
    # 3-(1)-エ コメントや質問への対応: none（回答しない）か reply（回答する）
    comments: {a.comments}
    # 7-(1) フォロー・リポスト・「いいね」・シェアの扱い
    interactions: {_q("国や自治体などの公的機関のアカウントに限り、フォローや共有をすることがあります。")}
    # 7-(2) コメントに回答しないときの問い合わせ先（電話番号とメールアドレス）
    contacts:
      phones: [{_q(a.phone) if a.phone else ""}]
      emails: [{_q(a.email) if a.email else ""}]
"""


def write_new(path: str, text: str) -> None:
    """Create the file; never overwrite one that exists (even if it appears meanwhile)."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise ConfigError("既にあります。上書きはしません（別の名前を --output で指定してください）。", path) from None
    except OSError as exc:
        raise ConfigError(f"作れません（{exc.strerror}）。", path) from None
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
