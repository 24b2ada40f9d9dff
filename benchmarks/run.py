"""Corpus benchmark for sns-lint: what users run, against the tokenise-only floor and a peer.

    python benchmarks/run.py                       # full run: 10,000 posts, 5 repetitions
    python benchmarks/run.py --posts 1000 --repeat 2   # quick look
    python benchmarks/run.py --check               # exit 1 when a budget fails
    python benchmarks/run.py --regenerate          # rebuild benchmarks/corpus/ first
    python benchmarks/run.py --profile             # also cProfile one --jobs 1 run (policy)
    npm ci --prefix benchmarks/peers               # once: textlint for the peer row

sns-lint runs twice over: with the built-in defaults (no sns-lint.yaml) and with the
examples policy (examples/sns-lint.yaml: an X account, so the length and link rules
and every other built-in rule run). Every figure is the wall time of a subprocess
started with this interpreter (``sys.executable``) and the ``sns-lint`` console
script beside it, so start-up, imports and dictionary loading count the same way on
both sides of each ratio. See benchmarks/README.md for what each figure includes
and the budgets.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sentences  # noqa: E402  (benchmarks/sentences.py)

ROOT = HERE.parent
CORPUS = HERE / "corpus"
OUT = HERE / "out"
PEERS = HERE / "peers"
POLICY = ROOT / "examples" / "sns-lint.yaml"
MANIFEST = ".manifest.json"  # hidden: sns-lint and the floor skip dot-files
FILES_PER_DIR = 1000

BUDGET_RATIO = 2.0  # (b) --jobs 1 / (a) floor, defaults and policy
BUDGET_SPEEDUP = 1.6  # (b) policy --jobs 1 / --jobs 2
BUDGET_COLD_EXTRA = 0.15  # (c) seconds over the cold floor
BUDGET_RSS_MB = 300.0  # (d) peak RSS of --jobs 1 with the policy
BUDGET_BIG_S = 3.0  # (e) one 10 MB draft
BUDGET_BIG_RSS_MB = 300.0


# ----------------------------------------------------------------------------- corpus


def corpus_manifest(posts: int, seed: int) -> dict:
    return {"posts": posts, "seed": seed, "generator": sentences.GENERATOR_VERSION}


def ensure_corpus(posts: int, seed: int, regenerate: bool) -> tuple[int, int]:
    """Write the corpus unless an identical one is there; return (files, characters)."""
    wanted = corpus_manifest(posts, seed)
    manifest_path = CORPUS / MANIFEST
    if not regenerate and manifest_path.is_file():
        try:
            current = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            current = {}
        if {k: current.get(k) for k in wanted} == wanted:
            return current["files"], current["chars"]
    started = time.perf_counter()
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    texts = sentences.generate_posts(posts, seed)
    for index, text in enumerate(texts):
        directory = CORPUS / f"{index // FILES_PER_DIR:03d}"
        if index % FILES_PER_DIR == 0:
            directory.mkdir(parents=True, exist_ok=True)
        (directory / f"post-{index:05d}.txt").write_bytes(text.encode("utf-8"))
    chars = sum(len(t) for t in texts)
    manifest_path.write_text(json.dumps({**wanted, "files": len(texts), "chars": chars}) + "\n", encoding="utf-8")
    print(f"corpus: wrote {len(texts):,} posts ({chars:,} characters) to {CORPUS} "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return len(texts), chars


# ----------------------------------------------------------------------------- running


@dataclass
class Run:
    seconds: float  # wall time
    cpu: float  # user + system time of the child (and its waited-for children)
    maxrss_mb: float  # peak RSS of the child (largest of it and its waited-for children)
    code: int
    foreign: float | None = None  # CPU seconds other processes used meanwhile (None: unknown)

    @property
    def disturbed(self) -> bool:
        """Another process took a noticeable share of the 2 cores during this run."""
        return self.foreign is not None and self.foreign > 0.05 + 0.10 * self.seconds


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def machine_busy_seconds() -> float | None:
    """CPU seconds all processes on the machine have used since boot (Linux /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = handle.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / _CLOCK_TICKS


class Stats:
    """How many timed runs other processes disturbed (they were run again, ``retries`` times at most)."""

    runs = 0
    disturbed = 0
    retries = 2


def sns_lint_command() -> list[str]:
    script = Path(sys.executable).parent / "sns-lint"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "sns_lint"]


def run_timed(command: list[str], cwd: Path, stdout_path: str = os.devnull, ok_codes=(0,), env=None) -> Run:
    """Start, wait with wait4 (rusage of this child only), check the exit code."""
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        busy_before = machine_busy_seconds()
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        busy_after = machine_busy_seconds()
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")[-4000:]
            raise SystemExit(
                f"\nFAILED: {' '.join(command)} exited with {code} (expected {ok_codes}).\n{message}"
            )
    # Linux reports ru_maxrss in KiB (macOS in bytes).
    scale = 1 if sys.platform == "darwin" else 1024
    cpu = usage.ru_utime + usage.ru_stime
    foreign = None if busy_before is None or busy_after is None else max(0.0, busy_after - busy_before - cpu)
    return Run(seconds, cpu, usage.ru_maxrss * scale / 2**20, code, foreign)


def run_quiet(command: list[str], cwd: Path, ok_codes=(0,), retries: int | None = None, env=None) -> Run:
    """``run_timed``, run again (at most ``retries`` times) while another process disturbs it.

    The machine is shared (tests, editors, other runs): a run during which other
    processes used a noticeable amount of CPU is repeated, and the least
    disturbed attempt is kept.
    """
    attempts = []
    for _ in range((Stats.retries if retries is None else retries) + 1):
        run = run_timed(command, cwd, ok_codes=ok_codes, env=env)
        attempts.append(run)
        Stats.runs += 1
        if not run.disturbed:
            return run
        Stats.disturbed += 1
        time.sleep(0.5)
    return min(attempts, key=lambda r: r.foreign or 0.0)


def median(values: list[float]) -> float:
    return statistics.median(values)


# ----------------------------------------------------------------------------- report


def machine_lines(files: int, chars: int, seed: int, repeat: int, cold_repeat: int) -> list[str]:
    """The run's circumstances, for the header of the table."""
    try:
        from importlib.metadata import version

        sudachi = f"SudachiPy {version('SudachiPy')}, sudachidict-core {version('sudachidict-core')}"
    except Exception:  # pragma: no cover - informational only
        sudachi = "SudachiPy ?"
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"- machine: `{platform.machine()}` ({platform.system()} {platform.release()}), "
        f"{os.cpu_count()} cores ({affinity} usable)",
        f"- python: {platform.python_version()} (`{sys.executable}`); {sudachi}",
        f"- date: {_dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- corpus: {files:,} posts, {chars:,} characters (seed {seed}); "
        f"{repeat} repetitions of (a)/(b), {cold_repeat} of (c); medians",
        f"- other load: load average {load_text()} at the end; {Stats.disturbed} of {Stats.runs} timed runs "
        f"were disturbed by other processes (each run again at most {Stats.retries} times)",
    ]


def load_text() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "?"


def shown(value: float, budget: float) -> str:
    """Two decimals, or three where two would print the budget itself (1.596 is not 1.60)."""
    return f"{value:.3f}" if round(value, 2) == budget else f"{value:.2f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**FAIL**"


# ----------------------------------------------------------------------------- set-up


def compile_package() -> str:
    """Byte-compile the sns_lint package the console script imports, as ``pip install`` does.

    With ``PYTHONDONTWRITEBYTECODE`` set (or a source checkout never run before), every
    start would compile the package from source: that is not what users run.
    """
    where = subprocess.run(
        [sys.executable, "-c", "import os, sns_lint; print(os.path.dirname(sns_lint.__file__))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True, stdout=subprocess.DEVNULL)
    return where


def rule_coverage(policy: Path) -> dict:
    """Every rule the policy run uses, read the way sns-lint reads them (nothing disabled?)."""
    from sns_lint.config.loading import load_config
    from sns_lint.rulebook.loading import load_rules

    config = load_config(str(policy))
    rules = load_rules(config.rules.paths)
    disabled = sorted(r.id for r in rules if r.id in config.rules.disable or r.clause in config.rules.disable)
    accounts = {key: account.platform for key, account in config.accounts.items()}
    default = config.default_account
    return {
        "rules": sorted(r.id for r in rules),
        "kinds": sorted({r.kind for r in rules}),
        "disabled": disabled,
        "default_account": default,
        "platform": accounts.get(default) if default else None,
    }


def write_big_draft(path: Path, posts: list[str], megabytes: float) -> int:
    """One draft of at least ``megabytes`` MB (10**6 bytes): corpus posts one after another."""
    target = int(megabytes * 1_000_000)
    pieces, size, i = [], 0, 0
    while size < target:
        piece = posts[i % len(posts)].rstrip("\n") + "\n"
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
        i += 1
    path.write_text("".join(pieces), encoding="utf-8")
    return size


# ----------------------------------------------------------------------------- the peer (textlint)


@dataclass
class Peer:
    command: list[str] | None  # None: not available, ``reason`` says why
    reason: str = ""
    versions: str = ""


def find_peer() -> Peer:
    """textlint from ``npm ci --prefix benchmarks/peers``, run with node; or why it is absent."""
    node = shutil.which("node")
    if node is None:
        return Peer(None, "node が見つかりません / node not found on PATH")
    script = PEERS / "node_modules" / "textlint" / "bin" / "textlint.js"
    if not script.is_file():
        return Peer(None, "textlint が入っていません / textlint not installed: `npm ci --prefix benchmarks/peers`")
    versions = []
    for package in ("textlint", "textlint-rule-prh", "textlint-rule-ja-no-inappropriate-words"):
        try:
            meta = json.loads((PEERS / "node_modules" / package / "package.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Peer(None, f"{package} が入っていません / {package} missing: `npm ci --prefix benchmarks/peers`")
        versions.append(f"{package} {meta.get('version', '?')}")
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    import peers.make_prh as make_prh  # noqa: E402  (benchmarks/peers/make_prh.py)

    patterns = make_prh.write()
    config = PEERS / ".textlintrc.json"
    command = [node, str(script), "--config", str(config), "--no-color", "--format", "compact"]
    return Peer(command, versions=f"node {node_version}; " + ", ".join(versions) + f"; prh.yml {patterns} patterns")


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=10_000, help="posts in the corpus (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of (a) and (b) (default 5)")
    parser.add_argument("--cold-repeat", type=int, default=20, help="repetitions of (c) (default 20, at least 10)")
    parser.add_argument("--big-repeat", type=int, default=3, help="repetitions of (e), the 10 MB draft (default 3)")
    parser.add_argument("--big-mb", type=float, default=10.0, help="size of the one big draft in MB (default 10)")
    parser.add_argument("--peer-repeat", type=int, default=3, help="repetitions of the textlint row (default 3)")
    parser.add_argument("--no-peer", action="store_true", help="leave out the textlint row")
    parser.add_argument("--retries", type=int, default=2,
                        help="times a run disturbed by other processes is run again (default 2; 0 on a busy machine)")
    parser.add_argument("--seed", type=int, default=sentences.DEFAULT_SEED)
    parser.add_argument("--regenerate", action="store_true", help="rewrite benchmarks/corpus/ even if present")
    parser.add_argument("--profile", action="store_true", help="cProfile one --jobs 1 run; top functions to out/")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget fails")
    args = parser.parse_args(argv)
    if args.posts < 1 or args.repeat < 1 or args.big_repeat < 1 or args.peer_repeat < 1:
        parser.error("--posts and the repetitions must be positive")
    cold_repeat = max(10, args.cold_repeat)
    Stats.retries = max(0, args.retries)

    OUT.mkdir(parents=True, exist_ok=True)
    files, chars = ensure_corpus(args.posts, args.seed, args.regenerate)
    compile_package()
    top = Path(tempfile.mkdtemp(prefix="sns-lint-bench-"))  # no sns-lint.yaml above it
    defaults_dir, policy_dir = top / "defaults", top / "policy"
    defaults_dir.mkdir()
    policy_dir.mkdir()
    shutil.copyfile(POLICY, policy_dir / "sns-lint.yaml")
    if (POLICY.parent / "places").is_dir():  # the policy's gazetteer (places: places/places.gpkg)
        shutil.copytree(POLICY.parent / "places", policy_dir / "places")
    try:
        table, results = measure(args, files, chars, cold_repeat, defaults_dir, policy_dir)
    finally:
        shutil.rmtree(top, ignore_errors=True)
    print()
    print(table)
    (OUT / "latest.md").write_text(table + "\n", encoding="utf-8")
    (OUT / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {OUT / 'latest.md'} and latest.json")
    if args.profile:
        profile_jobs1()
    failed = [name for name, r in results["measures"].items() if r.get("pass") is False]
    if failed:
        print("budgets failed: " + ", ".join(failed))
    return 1 if failed and args.check else 0


def validated_report(path: Path, files: int, label: str) -> dict:
    """The JSON report of a warm-up run: every file checked, no input errors."""
    report = json.loads(path.read_text(encoding="utf-8"))
    summary = report["summary"]
    if summary["files"] != files or report.get("input_errors"):
        raise SystemExit(f"FAILED ({label}): sns-lint checked {summary['files']} files of {files}, "
                         f"input errors: {report.get('input_errors')}")
    by_rule: dict[str, int] = {}
    for finding in report["findings"]:
        by_rule[finding["rule"]] = by_rule.get(finding["rule"], 0) + 1
    print(f"  {label}: {summary['posts']:,} posts, {len(report['findings']):,} findings "
          f"(errors {summary['errors']}, warnings {summary['warnings']}, infos {summary['infos']})", flush=True)
    return {"summary": summary, "by_rule": dict(sorted(by_rule.items()))}


def measure(args, files: int, chars: int, cold_repeat: int, defaults_dir: Path, policy_dir: Path) -> tuple[str, dict]:
    python = sys.executable
    lint = sns_lint_command()
    corpus = str(CORPUS)
    floor_cmd = [python, str(HERE / "floor.py"), corpus]
    floor_acc_cmd = [python, str(HERE / "floor.py"), corpus, "--accessors"]
    jobs1_cmd = [*lint, "check", corpus, "--format", "json", "--jobs", "1"]
    # The corpus lies outside the policy's folder, so the policy rows name it: sns-lint looks
    # for sns-lint.yaml from the checked files' folder, not from the current directory.
    policy1_cmd = [*jobs1_cmd, "--config", "sns-lint.yaml"]
    policy2_cmd = [*lint, "check", corpus, "--format", "json", "--jobs", "2", "--config", "sns-lint.yaml"]
    findings_ok = (0, 1)  # 1 = findings present (expected); 2 = error -> fail loudly
    coverage = rule_coverage(policy_dir / "sns-lint.yaml")
    if coverage["disabled"]:
        raise SystemExit(f"FAILED: the examples policy disables {coverage['disabled']}: every rule must run")
    print(f"rules: {len(coverage['rules'])} built-in ({', '.join(coverage['kinds'])}); "
          f"policy account {coverage['default_account']} on {coverage['platform']}", flush=True)

    # Warm-up: page cache for the corpus and the dictionary; validate the JSON of each run once.
    print("warm-up ...", flush=True)
    run_timed(floor_cmd, defaults_dir)
    found = {}
    for label, cwd, command in (("defaults", defaults_dir, jobs1_cmd), ("policy", policy_dir, policy1_cmd)):
        report_path = OUT / f"jobs1-{label}.json"
        run_timed(command, cwd, str(report_path), findings_ok)
        found[label] = validated_report(report_path, files, label)
    if found["defaults"]["by_rule"] == found["policy"]["by_rule"]:
        raise SystemExit("FAILED: the policy run found exactly what the defaults run found: was the policy read?")

    floor, floor_acc, defaults1, policy1, policy2 = [], [], [], [], []
    for i in range(args.repeat):  # interleaved, so drift hits every measure alike
        floor.append(run_quiet(floor_cmd, defaults_dir))
        floor_acc.append(run_quiet(floor_acc_cmd, defaults_dir))
        defaults1.append(run_quiet(jobs1_cmd, defaults_dir, ok_codes=findings_ok))
        policy1.append(run_quiet(policy1_cmd, policy_dir, ok_codes=findings_ok))
        policy2.append(run_quiet(policy2_cmd, policy_dir, ok_codes=findings_ok))
        print(f"  repetition {i + 1}/{args.repeat}: floor {floor[-1].seconds:.2f} s, "
              f"floor+accessors {floor_acc[-1].seconds:.2f} s, defaults {defaults1[-1].seconds:.2f} s, "
              f"policy jobs1 {policy1[-1].seconds:.2f} s (RSS {policy1[-1].maxrss_mb:.0f} MB), "
              f"policy jobs2 {policy2[-1].seconds:.2f} s", flush=True)

    # (c) cold start on one short draft, with the policy.
    posts = sentences.generate_posts(min(args.posts, 200), args.seed)
    draft = policy_dir / "one.txt"
    draft.write_text(posts[0], encoding="utf-8")
    cold_floor_cmd = [python, "-c", "from sudachipy import Dictionary, SplitMode; Dictionary().tokenizer(SplitMode.C)"]
    cold_cmd = [*lint, "check", str(draft)]
    run_timed(cold_floor_cmd, policy_dir)
    run_timed(cold_cmd, policy_dir, ok_codes=findings_ok)
    cold_floor_runs, cold_runs = [], []
    for _ in range(cold_repeat):
        cold_floor_runs.append(run_quiet(cold_floor_cmd, policy_dir))
        cold_runs.append(run_quiet(cold_cmd, policy_dir, ok_codes=findings_ok))
    cold_floor, cold = [r.seconds for r in cold_floor_runs], [r.seconds for r in cold_runs]
    print(f"  cold start: floor {median(cold_floor):.3f} s, sns-lint {median(cold):.3f} s", flush=True)

    # (e) one big draft, with the policy (one post: the X length rule counts all of it).
    big_dir = policy_dir / "big"
    big_dir.mkdir()
    big = big_dir / "big.txt"
    big_bytes = write_big_draft(big, posts, args.big_mb)
    big_cmd = [*lint, "check", str(big), "--format", "json", "--jobs", "1"]
    big_floor_cmd = [python, str(HERE / "floor.py"), str(big_dir)]
    big_runs, big_floor = [], []
    for _ in range(args.big_repeat):
        big_floor.append(run_quiet(big_floor_cmd, policy_dir))
        big_runs.append(run_quiet(big_cmd, policy_dir, ok_codes=findings_ok))
    print(f"  {big_bytes / 1e6:.1f} MB draft: {median([r.seconds for r in big_runs]):.2f} s, "
          f"peak RSS {max(r.maxrss_mb for r in big_runs):.0f} MB; its floor {median([r.seconds for r in big_floor]):.2f} s",
          flush=True)

    # (f) the peer: textlint on the same corpus and on the same one draft.
    peer = Peer(None, "--no-peer") if args.no_peer else find_peer()
    peer_runs: list[Run] = []
    peer_cold: list[float] = []
    if peer.command is not None:
        print(f"  peer: {peer.versions}", flush=True)
        run_timed([*peer.command, corpus], policy_dir, ok_codes=(0, 1))
        for i in range(args.peer_repeat):
            peer_runs.append(run_quiet([*peer.command, corpus], policy_dir, ok_codes=(0, 1), retries=0))
            peer_cold.append(run_quiet([*peer.command, str(draft)], policy_dir, ok_codes=(0, 1), retries=0).seconds)
            print(f"  peer repetition {i + 1}/{args.peer_repeat}: corpus {peer_runs[-1].seconds:.2f} s "
                  f"(RSS {peer_runs[-1].maxrss_mb:.0f} MB), one draft {peer_cold[-1]:.2f} s", flush=True)
    else:
        print(f"  peer: absent ({peer.reason})", flush=True)

    m = {
        "floor": median([r.seconds for r in floor]),
        "floor_acc": median([r.seconds for r in floor_acc]),
        "defaults": median([r.seconds for r in defaults1]),
        "jobs1": median([r.seconds for r in policy1]),
        "jobs2": median([r.seconds for r in policy2]),
        "floor_cpu": median([r.cpu for r in floor]),
        "defaults_cpu": median([r.cpu for r in defaults1]),
        "jobs1_cpu": median([r.cpu for r in policy1]),
        "jobs2_cpu": median([r.cpu for r in policy2]),
        "cold_floor": median(cold_floor),
        "cold": median(cold),
        "cold_floor_cpu": median([r.cpu for r in cold_floor_runs]),
        "cold_cpu": median([r.cpu for r in cold_runs]),
        "rss": median([r.maxrss_mb for r in policy1]),
        "rss_max": max(r.maxrss_mb for r in policy1),
        "floor_rss": median([r.maxrss_mb for r in floor]),
        "big": median([r.seconds for r in big_runs]),
        "big_rss": max(r.maxrss_mb for r in big_runs),
        "big_floor": median([r.seconds for r in big_floor]),
        "big_floor_rss": max(r.maxrss_mb for r in big_floor),
    }
    if peer_runs:
        m["peer"] = median([r.seconds for r in peer_runs])
        m["peer_rss"] = median([r.maxrss_mb for r in peer_runs])
        m["peer_cold"] = median(peer_cold)
    defaults_ratio = m["defaults"] / m["floor"]
    ratio = m["jobs1"] / m["floor"]
    speedup = m["jobs1"] / m["jobs2"]
    extra = m["cold"] - m["cold_floor"]
    ok = {
        "defaults": defaults_ratio <= BUDGET_RATIO,
        "ratio": ratio <= BUDGET_RATIO,
        "speedup": speedup >= BUDGET_SPEEDUP,
        "cold": extra <= BUDGET_COLD_EXTRA,
        "rss": m["rss_max"] <= BUDGET_RSS_MB,
        "big": m["big"] <= BUDGET_BIG_S and m["big_rss"] <= BUDGET_BIG_RSS_MB,
    }
    rows = [
        ("(a) floor: SudachiPy tokenises the corpus, 1 process", f"{m['floor']:.2f} s", "1.00", "", ""),
        ("(a′) floor + surface/normalised form of each token (info)", f"{m['floor_acc']:.2f} s",
         f"{m['floor_acc'] / m['floor']:.2f}", "", ""),
        ("(b) built-in defaults: `sns-lint check corpus --format json --jobs 1`", f"{m['defaults']:.2f} s",
         f"{shown(defaults_ratio, BUDGET_RATIO)} × floor", f"≤ {BUDGET_RATIO:.1f} × floor", verdict(ok["defaults"])),
        ("(b) examples policy: `sns-lint check corpus --format json --jobs 1`", f"{m['jobs1']:.2f} s",
         f"{shown(ratio, BUDGET_RATIO)} × floor", f"≤ {BUDGET_RATIO:.1f} × floor", verdict(ok["ratio"])),
        ("(b) examples policy, `--jobs 2`", f"{m['jobs2']:.2f} s",
         f"speed-up {shown(speedup, BUDGET_SPEEDUP)}", f"≥ {BUDGET_SPEEDUP:.1f}", verdict(ok["speedup"])),
        ("(b) CPU time user+sys, policy jobs 1 / jobs 2 (info)", f"{m['jobs1_cpu']:.2f} / {m['jobs2_cpu']:.2f} s",
         f"{m['jobs2_cpu'] / m['jobs1_cpu']:.2f}", "", ""),
        ("(b) CPU time user+sys, floor / defaults / policy jobs 1 (info: less sensitive to other load)",
         f"{m['floor_cpu']:.2f} / {m['defaults_cpu']:.2f} / {m['jobs1_cpu']:.2f} s",
         f"{m['defaults_cpu'] / m['floor_cpu']:.2f} / {m['jobs1_cpu'] / m['floor_cpu']:.2f} × floor", "", ""),
        ("(c) cold floor: `python -c` import SudachiPy + load dictionary", f"{m['cold_floor']:.3f} s", "", "", ""),
        ("(c) cold start, examples policy: `sns-lint check one.txt`", f"{m['cold']:.3f} s",
         f"floor + {extra:.3f} s", f"≤ floor + {BUDGET_COLD_EXTRA:.2f} s", verdict(ok["cold"])),
        ("(c) CPU time user+sys, cold floor / cold start (info)",
         f"{m['cold_floor_cpu']:.3f} / {m['cold_cpu']:.3f} s", f"floor + {m['cold_cpu'] - m['cold_floor_cpu']:.3f} s",
         "", ""),
        ("(d) peak RSS, policy `--jobs 1` on the corpus (max of runs)", f"{m['rss']:.0f} MB (max {m['rss_max']:.0f})",
         f"floor {m['floor_rss']:.0f} MB", f"≤ {BUDGET_RSS_MB:.0f} MB", verdict(ok["rss"])),
        (f"(e) one {big_bytes / 1e6:.1f} MB draft, policy, `--jobs 1` (peak RSS)",
         f"{m['big']:.2f} s ({m['big_rss']:.0f} MB)", f"{m['big'] / m['big_floor']:.2f} × its floor",
         f"≤ {BUDGET_BIG_S:.0f} s, ≤ {BUDGET_BIG_RSS_MB:.0f} MB", verdict(ok["big"])),
        ("(e′) floor for the same draft: `floor.py` on it (info)",
         f"{m['big_floor']:.2f} s ({m['big_floor_rss']:.0f} MB)", "", "", ""),
    ]
    if peer_runs:
        rows += [
            ("(f) peer: textlint + prh + ja-no-inappropriate-words, same corpus (peak RSS)",
             f"{m['peer']:.2f} s ({m['peer_rss']:.0f} MB)",
             f"{m['peer'] / m['jobs1']:.2f} × sns-lint policy jobs 1", "", ""),
            ("(f) peer: textlint on one.txt (cold)", f"{m['peer_cold']:.3f} s",
             f"{m['peer_cold'] / m['cold']:.2f} × sns-lint cold", "", ""),
        ]
    else:
        rows.append(("(f) peer: textlint", "—", "", "", f"absent: {peer.reason}"))
    fired = ", ".join(f"{rule} {count:,}" for rule, count in found["policy"]["by_rule"].items())
    lines = ["## sns-lint benchmark", "", *machine_lines(files, chars, args.seed, args.repeat, cold_repeat),
             f"- rules: {len(coverage['rules'])} built-in rules, none disabled; the examples policy posts as "
             f"`{coverage['default_account']}` on {coverage['platform']}. Findings with the policy: {fired}",
             *([f"- peer: {peer.versions}"] if peer_runs else []),
             "", "| measure | median | ratio | budget | result |", "| --- | ---: | ---: | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    results = {
        "posts": files,
        "chars": chars,
        "repeat": args.repeat,
        "cold_repeat": cold_repeat,
        "rules": coverage,
        "findings": found,
        "peer": {"versions": peer.versions} if peer_runs else {"absent": peer.reason},
        "raw": {
            "floor": [r.seconds for r in floor],
            "floor_accessors": [r.seconds for r in floor_acc],
            "defaults_jobs1": [r.seconds for r in defaults1],
            "policy_jobs1": [r.seconds for r in policy1],
            "policy_jobs2": [r.seconds for r in policy2],
            "floor_cpu": [r.cpu for r in floor],
            "defaults_jobs1_cpu": [r.cpu for r in defaults1],
            "policy_jobs1_cpu": [r.cpu for r in policy1],
            "policy_jobs2_cpu": [r.cpu for r in policy2],
            "policy_jobs1_maxrss_mb": [r.maxrss_mb for r in policy1],
            "cold_floor": cold_floor,
            "cold": cold,
            "big": [r.seconds for r in big_runs],
            "big_maxrss_mb": [r.maxrss_mb for r in big_runs],
            "big_floor": [r.seconds for r in big_floor],
            "peer": [r.seconds for r in peer_runs],
            "peer_cold": peer_cold,
        },
        "measures": {
            "ratio_defaults_floor": {"value": defaults_ratio, "budget": BUDGET_RATIO, "pass": ok["defaults"]},
            "ratio_policy_floor": {"value": ratio, "budget": BUDGET_RATIO, "pass": ok["ratio"]},
            "speedup_jobs2": {"value": speedup, "budget": BUDGET_SPEEDUP, "pass": ok["speedup"]},
            "cold_extra_s": {"value": extra, "budget": BUDGET_COLD_EXTRA, "pass": ok["cold"]},
            "peak_rss_mb": {"value": m["rss_max"], "budget": BUDGET_RSS_MB, "pass": ok["rss"]},
            "big_draft": {"value": [m["big"], m["big_rss"]], "budget": [BUDGET_BIG_S, BUDGET_BIG_RSS_MB],
                          "pass": ok["big"]},
        },
        "medians": m,
    }
    return "\n".join(lines), results


def profile_jobs1() -> None:
    """cProfile one ``--jobs 1`` run over the corpus with the examples policy, in-process."""
    import pstats

    prof = OUT / "jobs1.prof"
    workdir = Path(tempfile.mkdtemp(prefix="sns-lint-profile-"))
    shutil.copyfile(POLICY, workdir / "sns-lint.yaml")
    if (POLICY.parent / "places").is_dir():
        shutil.copytree(POLICY.parent / "places", workdir / "places")
    # cli.main() raises SystemExit (entry() would leave with os._exit before the profile is written)
    code = ("import cProfile, sys; from sns_lint.cli import main\n"
            f"sys.argv = ['sns-lint', 'check', {str(CORPUS)!r}, '--format', 'json', '--jobs', '1', '--config', 'sns-lint.yaml']\n"
            f"cProfile.run('try:\\n    main()\\nexcept SystemExit:\\n    pass', {str(prof)!r})\n")
    print("\nprofiling: sns-lint check corpus --format json --jobs 1 (examples policy)", flush=True)
    try:
        run_timed([sys.executable, "-c", code], workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    top = OUT / "profile-top.txt"
    with open(top, "w", encoding="utf-8") as handle:
        stats = pstats.Stats(str(prof), stream=handle)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(r"sns_lint", 30)
    print(top.read_text(encoding="utf-8"))


if __name__ == "__main__":
    sys.exit(main())
