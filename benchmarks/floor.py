"""The floor for the corpus benchmark: SudachiPy alone, in one process, on the same texts.

Run as ``python benchmarks/floor.py CORPUS_DIR [--accessors]`` (``run.py`` does this
as a subprocess and times it exactly as it times ``sns-lint check``). Included:
interpreter start-up, importing SudachiPy, loading the dictionary, finding the
``.txt``/``.md`` files (sorted walk, like sns-lint), reading and UTF-8 decoding
each one, splitting it into lines and tokenising every non-empty line with
``SplitMode.C``. Nothing else: no rules, no output.

With ``--accessors`` it also reads ``surface()`` and ``normalized_form()`` of
every morpheme, the least any term matcher must do (an informational row).
"""

from __future__ import annotations

import os
import sys


def corpus_files(root: str) -> list[str]:
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        found.extend(
            os.path.join(directory, name)
            for name in sorted(files)
            if not name.startswith(".") and name.lower().endswith((".txt", ".md"))
        )
    return found


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary, SplitMode

    root = argv[0]
    accessors = "--accessors" in argv[1:]
    tokenizer = Dictionary().tokenizer(SplitMode.C)
    tokens = 0
    for path in corpus_files(root):
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8").replace("\r\n", "\n")
        for line in text.split("\n"):
            if not line:
                continue
            morphemes = tokenizer.tokenize(line)
            if accessors:
                for morpheme in morphemes:
                    morpheme.surface()
                    morpheme.normalized_form()
            tokens += len(morphemes)
    sys.stdout.write(f"{tokens}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
