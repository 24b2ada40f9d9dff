"""Which reader turns a decoded file into posts: drafts, or schedule files by their suffix."""

from __future__ import annotations

from sns_lint.config.model import Config
from sns_lint.errors import NotASchedule
from sns_lint.posts import Post, SourceFile
from sns_lint.sources.discovery import SCHEDULE_SUFFIXES
from sns_lint.sources.text_files import posts_from_text_file


def posts_from_source(source: SourceFile, config: Config, warnings: list[str]) -> list[Post]:
    suffix = source.path[source.path.rfind(".") :].lower() if "." in source.path else ""
    if suffix not in SCHEDULE_SUFFIXES:  # a draft: the schedule readers are not even imported
        return posts_from_text_file(source, warnings)
    from sns_lint.sources import schedule_csv, schedule_yaml

    if suffix in schedule_yaml.YAML_SUFFIXES + schedule_yaml.JSON_SUFFIXES:
        if not schedule_yaml.looks_like_schedule(source.text, suffix):
            raise NotASchedule("予約投稿ファイルではありません（posts: がありません）。", source.path)
        if suffix in schedule_yaml.JSON_SUFFIXES:
            return schedule_yaml.posts_from_json(source, warnings)
        return schedule_yaml.posts_from_yaml(source, warnings)
    if suffix in schedule_csv.CSV_SUFFIXES:
        if not schedule_csv.looks_like_schedule(source.text, config.schedule_csv):
            raise NotASchedule(
                "予約投稿の CSV ではありません（本文の列 text・message_text、または Hootsuite 形式の日時がありません）。",
                source.path,
                1,
            )
        return schedule_csv.posts_from_csv(source, config.schedule_csv, warnings)
    return posts_from_text_file(source, warnings)
