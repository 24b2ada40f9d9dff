"""The operating policy (運用ポリシー): sns-lint.yaml and its validation."""
