"""A deterministic corpus of municipal social-media drafts for the benchmark.

Every sentence template below was written for this benchmark (no copied text).
Topics: events, garbage collection, tax, disaster, health, tourism. Posts mix
official URLs, a few shortened URLs, phone numbers, dates with full-width
parentheses, hashtags, and — in a small share of posts — words the built-in
rules are meant to flag (看護婦, 片手落ち, 保母, ...).

``generate_posts(count, seed)`` returns the same list of strings for the same
arguments on every machine and Python version (only ``random.Random`` with an
integer seed and its documented, stable methods are used).
"""

from __future__ import annotations

import random

GENERATOR_VERSION = 1
DEFAULT_SEED = 20241201

WEEKDAYS = "月火水木金土日"
PLACES = [
    "市民文化ホール", "かごしま水族館前広場", "中央公園", "南部親子つどいの広場", "谷山サザンホール",
    "天文館公園", "鴨池運動公園", "吉野公園", "城山展望台", "いおワールド前", "市役所本館1階ロビー",
    "東部保健センター", "北部清掃工場", "平川動物公園", "桜島ビジターセンター", "磯海水浴場",
    "伊敷地域公民館", "喜入支所", "郡山体育館", "松元ダム周辺",
]
DEPARTMENTS = [
    "広報課", "市民税課", "資産税課", "資源政策課", "危機管理課", "保健予防課", "観光振興課",
    "文化振興課", "スポーツ課", "子育て支援推進課", "長寿あんしん課", "道路管理課", "環境衛生課",
]
EVENTS = [
    "秋の市民音楽祭", "こども科学フェスタ", "ふれあい朝市", "防災フェア", "桜島火山マラソン",
    "親子料理教室", "健康ウォーキング大会", "夜のライトアップ観賞会", "伝統芸能発表会", "古本リサイクル市",
    "星空観察会", "地元野菜のマルシェ", "手話で楽しむ読み聞かせ会", "シニアのスマホ教室",
]
GARBAGE = [
    "燃やせるごみ", "缶・びん・ペットボトル", "古紙・古布", "プラスチック容器類", "粗大ごみ", "小型家電",
]
DISTRICTS = [
    "中央地域", "上町地域", "鴨池地域", "城西地域", "武・田上地域", "谷山北部地域", "谷山地域",
    "伊敷地域", "吉野地域", "吉田地域", "桜島地域", "喜入地域", "松元地域", "郡山地域",
]
TAXES = ["市県民税", "固定資産税", "軽自動車税", "国民健康保険税"]
SIGHTS = [
    "仙巌園", "城山公園", "桜島の溶岩なぎさ公園", "維新ふるさと館", "照国神社", "天文館の商店街",
    "石橋記念公園", "鹿児島中央駅の観覧車", "黒神埋没鳥居", "錦江湾の夕日",
]
FOODS = ["黒豚のしゃぶしゃぶ", "白くま", "さつま揚げ", "かるかん", "鶏飯", "きびなご料理", "焼酎"]
PATHS = [
    "kurashi/gomi/calendar.html", "shise/koho/event/2024.html", "kurashi/zeikin/shiminzei/index.html",
    "bosai/hinan/map.html", "kenko/yobo/vaccine.html", "kanko/spot/sakurajima.html",
    "kosodate/shien/hiroba.html", "bunka/hall/schedule.html", "kurashi/gomi/sodai.html",
    "kenko/kenshin/gan.html", "bosai/kazan/kouhai.html", "kanko/event/lightup.html",
]
HASHTAGS = ["#鹿児島市", "#かごしま", "#桜島", "#防災", "#ごみ分別", "#子育て", "#観光", "#健康づくり"]
EMOJI = ["🌋", "🎉", "♻️", "📢", "🌸", "🐟", "🚒", "🍠"]

# Sentences with {slots}. Each topic has its own list; posts mostly stay on one topic.
TOPICS: dict[str, list[str]] = {
    "event": [
        "{date}に{place}で「{event}」を開催します。",
        "開場は{time}、入場は無料です。",
        "事前申し込みが必要です。定員は先着{number}人です。",
        "当日は公共交通機関をご利用ください。駐車場には限りがあります。",
        "小さなお子さまから高齢の方まで、どなたでも楽しめる内容です。",
        "詳しくは市ホームページをご覧ください。{url}",
        "雨天の場合は{place}に会場を変更します。",
        "ステージでは地元の高校生による吹奏楽の演奏もあります。",
        "お問い合わせは{dept}（{phone}）まで。",
        "会場内では飲食の出店も予定しています。マイバッグ・マイボトルの持参にご協力ください。",
        "申し込みは{date}から、電話またはウェブのフォームで受け付けます。",
        "出演者の紹介動画を公開しました。{short}",
        "昨年は約{number}人の方にご来場いただきました。今年も皆さまのお越しをお待ちしています！",
    ],
    "garbage": [
        "{district}の{garbage}の収集日が{date}から変わります。",
        "年末年始は収集日程が変わりますので、ごみ出しカレンダーをご確認ください。{url}",
        "{garbage}は収集日の朝8時30分までに、決められた場所に出してください。",
        "スプレー缶やカセットボンベは、中身を使い切ってから出してください。",
        "粗大ごみの収集は事前の申し込みが必要です（{phone}）。",
        "ごみの分け方・出し方がわからないときは、アプリ「さつまいもの分別ナビ」が便利です。{short}",
        "リチウムイオン電池は発火の恐れがあるため、燃やせるごみには絶対に混ぜないでください。",
        "{date}は祝日ですが、通常どおり収集します。",
        "生ごみは水切りをしっかりしてから出すと、量を減らせます。",
        "不法投棄を見かけたら{dept}へご連絡ください。",
        "資源物の回収にご協力いただき、ありがとうございます。昨年度のリサイクル率は{number}パーセントでした。",
    ],
    "tax": [
        "{tax}の第{small}期の納期限は{date}です。",
        "納付はコンビニやスマートフォン決済アプリでもできます。{url}",
        "口座振替をご利用の方は、前日までに残高をご確認ください。",
        "{tax}の証明書は、マイナンバーカードを使ってコンビニで取得できます。",
        "災害などにより納付が難しい場合は、早めに{dept}へご相談ください（{phone}）。",
        "市役所を名乗る不審な電話やメールにご注意ください。市が電話でATMの操作をお願いすることはありません。",
        "申告書の提出期限は{date}です。郵送でも受け付けています。",
        "税の使いみちをわかりやすくまとめたパンフレットを作りました。{short}",
        "平日の夜間と休日も、臨時の納付相談窓口を開設します。",
    ],
    "disaster": [
        "【防災情報】{date}{time}現在、{district}に大雨警報が発表されています。",
        "土砂災害の危険がある区域にお住まいの方は、早めの避難をお願いします。",
        "{place}を指定避難所として開設しました。",
        "避難するときは、飲料水・常備薬・懐中電灯・モバイルバッテリーなどを持っていきましょう。",
        "桜島の降灰予報では、{district}で多量の降灰が予想されています。車の運転にご注意ください。",
        "克灰袋は宅地内に降った灰を入れ、指定の降灰指定置場に出してください。{url}",
        "ハザードマップで、自宅周辺の危険な場所と避難経路を確認しておきましょう。{url}",
        "最新の気象情報は気象台の発表をご確認ください。",
        "{date}に総合防災訓練を実施します。防災行政無線で訓練放送を流します。",
        "停電や断水の情報は、分かり次第このアカウントでお知らせします。",
        "避難所ではペットと一緒に過ごせるスペースも用意しています。ケージをご持参ください。",
        "災害時の問い合わせ窓口: {dept}（{phone}）",
    ],
    "health": [
        "{date}から、高齢者を対象とした予防接種の受け付けを始めます。",
        "がん検診は{place}で実施します。予約は{phone}まで。",
        "熱中症に注意しましょう。こまめな水分補給と、室内ではエアコンを上手に使ってください。",
        "感染症が流行しています。手洗いと、場面に応じたマスクの着用をお願いします。",
        "乳幼児健診の日程を更新しました。{url}",
        "こころの健康相談を毎週{weekday}曜日に受け付けています（予約制）。",
        "食生活改善推進員による減塩料理の講習会を開きます。参加費は{number}円です。",
        "市立病院では、夜間の急病に対応する体制を整えています。",
        "歯と口の健康週間に合わせ、{place}で無料の歯科相談を行います。",
        "特定健診を受けていない方は、{date}までに受診してください。",
        "健康づくりポイントの対象事業が増えました。{short}",
    ],
    "tourism": [
        "{sight}では、{date}から紅葉の見頃を迎えます。",
        "鹿児島に来たら、ぜひ{food}を味わってみてください。",
        "{sight}へは、鹿児島中央駅から観光周遊バスで約{small}0分です。",
        "週末は{sight}の周辺が混雑します。時間に余裕をもってお出かけください。",
        "桜島フェリーは24時間運航しています。船内のうどんも人気です。",
        "外国語の観光パンフレットを更新しました（英語・中国語・韓国語）。{url}",
        "{sight}で撮った写真を{hashtag}を付けて投稿してください。抽選で{food}が当たります！",
        "市電の一日乗車券は、市内の主な観光地を回るのに便利です。",
        "{event}の様子を動画で紹介しています。{short}",
        "観光案内所は{time}から開いています。",
        "今日の錦江湾はとても穏やかです。{sight}からの眺めをお届けします。",
    ],
}

# Sentences with a word the discriminatory-term rule flags (a small share of posts gets one).
VIOLATIONS = [
    "市立病院の看護婦さんにお話を伺いました。",
    "保育園の保母さんを募集しています。",
    "一部の地域だけを支援するのは片手落ちだという声もいただきました。",
    "昔は助産婦さんが家でお産を手伝っていました。",
    "会場では看護婦が待機しています。",
    "精神分裂病への正しい理解を広げるための講演会です。",
    "痴呆の方の家族向けの相談会を開きます。",
    "かつてこの施設は養老院と呼ばれていました。",
    "病院のかんごふさんに聞きました。",
    "スチュワーデスの経験を持つ講師が接遇研修を担当します。",
]

OPENERS = ["【お知らせ】", "【イベント】", "【重要】", "【募集】", "", "", "", ""]
CLOSERS = [
    "皆さまのご理解とご協力をお願いします。", "どうぞお気軽にお越しください。", "ぜひご参加ください。",
    "よろしくお願いします。", "",
]


def _date(rng: random.Random) -> str:
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    return f"{month}月{day}日（{rng.choice(WEEKDAYS)}）"


def _phone(rng: random.Random) -> str:
    return rng.choice(["099-224-1111", "099-216-1111", f"099-{rng.randint(200, 299)}-{rng.randint(1000, 9999)}"])


def _short(rng: random.Random) -> str:
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 7)))
    host = rng.choice(["bit.ly", "bit.ly", "t.co", "tinyurl.com"])
    return f"https://{host}/{code}" if rng.random() < 0.5 else f"{host}/{code}"


def _fill(template: str, rng: random.Random) -> str:
    values = {}
    if "{date}" in template:
        values["date"] = _date(rng)
    if "{time}" in template:
        values["time"] = f"{rng.randint(8, 19)}時{rng.choice(['', '30分'])}"
    if "{url}" in template:
        values["url"] = "https://www.city.kagoshima.lg.jp/" + rng.choice(PATHS)
    if "{short}" in template:
        values["short"] = _short(rng)
    if "{phone}" in template:
        values["phone"] = _phone(rng)
    for key, choices in (
        ("place", PLACES), ("dept", DEPARTMENTS), ("event", EVENTS), ("garbage", GARBAGE),
        ("district", DISTRICTS), ("tax", TAXES), ("sight", SIGHTS), ("food", FOODS), ("hashtag", HASHTAGS),
    ):
        if "{" + key + "}" in template:
            values[key] = rng.choice(choices)
    values["weekday"] = rng.choice(WEEKDAYS)
    values["number"] = str(rng.choice([20, 30, 50, 100, 300, 1500, 2000, 12000]))
    values["small"] = str(rng.randint(1, 4))
    return template.format(**values)


MIN_CHARS, MAX_CHARS = 40, 600
TOPIC_NAMES = sorted(TOPICS)


def _target_length(rng: random.Random) -> int:
    # Skewed like real feeds: most posts short, a tail of long announcements (mean ~150 chars).
    return max(MIN_CHARS, min(MAX_CHARS, int(rng.lognormvariate(4.53, 0.6))))


def make_post(rng: random.Random, violation_rate: float = 0.04) -> str:
    """One draft: a few lines of sentences on one topic, between 40 and 600 characters."""
    topic = TOPICS[rng.choice(TOPIC_NAMES)]
    target = _target_length(rng)
    lines: list[str] = []
    line = rng.choice(OPENERS)
    length = 0
    violation_at = rng.randint(0, 3) if rng.random() < violation_rate else -1
    count = 0
    while length + len(line) < target:
        if count == violation_at:
            sentence = rng.choice(VIOLATIONS)
        elif rng.random() < 0.12:
            sentence = _fill(rng.choice(TOPICS[rng.choice(TOPIC_NAMES)]), rng)  # an aside on another topic
        else:
            sentence = _fill(rng.choice(topic), rng)
        count += 1
        line += sentence
        if rng.random() < 0.45:  # most drafts break lines every sentence or two
            lines.append(line)
            length += len(line) + 1
            line = ""
    closer = rng.choice(CLOSERS)
    if closer and length + len(line) + len(closer) <= MAX_CHARS:
        line += closer
    if rng.random() < 0.5:
        line += ("\n" if line else "") + " ".join(rng.sample(HASHTAGS, rng.randint(1, 3)))
    if rng.random() < 0.15:
        line += rng.choice(EMOJI)
    if line:
        lines.append(line)
    text = "\n".join(lines)
    if len(text) > MAX_CHARS:
        text = text[: MAX_CHARS - 1].rstrip()
    while len(text) < MIN_CHARS:
        text += "\n" + _fill(rng.choice(topic), rng)
    return text[: MAX_CHARS - 1] + "\n"


def generate_posts(count: int, seed: int = DEFAULT_SEED) -> list[str]:
    rng = random.Random(seed)
    return [make_post(rng) for _ in range(count)]


if __name__ == "__main__":
    import statistics
    import sys

    posts = generate_posts(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
    sizes = [len(p) for p in posts]
    print(f"posts {len(posts)}  chars {sum(sizes):,}  mean {statistics.mean(sizes):.0f}  "
          f"median {statistics.median(sizes):.0f}  min {min(sizes)}  max {max(sizes)}")
    print(posts[0])
    print(posts[1])
