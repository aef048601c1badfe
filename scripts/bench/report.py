"""The benchmark's measuring half (scripts/bench.sh builds everything first, then runs this).

    python3 report.py DIST BROWSER_LINES DATA_DIR REPORT_BIN VENV_PYTHON RUNS

Prints issue 11's figures as a table: figure, median, min, max of RUNS runs, the goal, and the
ratio to the goal or to the alternatives (pandas, DuckDB) measured in the same run.
"""
import gzip
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

dist, browser_lines, data, report_bin, venv_python, runs = sys.argv[1:7]
dist, data, runs = Path(dist), Path(data), int(runs)
here = Path(__file__).parent


def gz(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def first_load_files():
    """The files the learner's page loads before the app runs: scripts, wasm, styles, and what
    the scripts import (the loader of the pages downloaded when first shown)."""
    html = (dist / "index.html").read_text(encoding="utf-8")
    names = set(re.findall(r'(?:href|src)="/?([^"]+\.(?:js|wasm|css))"', html))
    for script in [n for n in names if n.endswith(".js")]:
        names |= set(re.findall(r'from "\./([^"]+\.js)"', (dist / script).read_text(encoding="utf-8")))
    return sorted(names)


rows = []


def row(figure, values, goal, unit, ratio=None):
    values = list(values)
    median = statistics.median(values)
    rows.append((figure, median, min(values), max(values), goal, unit, ratio))


sizes = {name: gz(dist / name) for name in first_load_files()}
first_load = sum(sizes.values())
row("learner first load, gzip (" + ", ".join(sizes) + ")", [first_load / 1000], "≤ 150", "KB",
    f"{first_load / 150000:.2f}× goal")
bank = json.loads((dist / "bank.json").read_text(encoding="utf-8"))
per600 = gz(dist / "bank.json") * 600 / len(bank["questions"])
row(f"bank gzip per 600 questions ({len(bank['questions'])} in bank)", [per600 / 1000], "≤ 120",
    "KB", f"{per600 / 120000:.2f}× goal")

browser = {}
for line in Path(browser_lines).read_text().splitlines():
    _, figure, ms = line.split()
    browser.setdefault(figure, []).append(float(ms))
goals = {
    "first_question_cold_ms": ("first question painted, first visit: empty cache (ms)", 300),
    "first_question_ms": ("first question painted, later visit: cached (ms)", 300),
    "answer_feedback_ms": ("answer click → feedback painted (ms)", 16),
    "county_report_ms": ("county set (13,492 results, 159 units) added → report painted (ms)", 300),
    "county_collected_ms": ("  county set: checked and re-graded, before rendering (ms)", None),
    "cold_app_started_ms": ("  first visit: app started (wasm downloaded, compiled, run) (ms)", None),
    "cold_bank_fetched_ms": ("  first visit: bank.json downloaded (ms)", None),
    "cold_bank_parsed_ms": ("  first visit: bank parsed (ms)", None),
    "home_page_fast4g_ms": ("首页 from a link, first visit, Fast 4G (ms)", None),
    "home_page_fast4g_app_started_ms": ("  首页, Fast 4G: app started (ms)", None),
    "first_question_fast4g_ms": ("first question from a link, first visit, Fast 4G (ms)", None),
    "first_question_fast4g_app_started_ms": ("  first question, Fast 4G: app started (ms)", None),
    "exam_page_fast4g_ms": ("exam page from a link, first visit, Fast 4G (ms)", None),
    "exam_page_fast4g_app_started_ms": ("  exam page, Fast 4G: app started (ms)", None),
}
for figure, (label, goal) in goals.items():
    if figure in browser:
        values = browser[figure]
        if goal:
            row(label, values, f"≤ {goal}", "ms", f"{statistics.median(values) / goal:.2f}× goal")
        else:
            row(label, values, "", "ms")


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


roster, results = data / "roster.csv", data / "results.csv"
out = data / "out"
out.mkdir(exist_ok=True)
commands = {
    "xuefa-report": [report_bin, "--roster", roster, "--results", results,
                     "--out", out / "units.csv", "--absent", out / "absent.csv"],
    "pandas": [venv_python, here / "units_pandas.py", roster, results, out / "pandas.csv"],
    "DuckDB": [venv_python, here / "units_duckdb.py", roster, results, out / "duckdb.csv"],
}
times = {name: [] for name in commands}
for _ in range(runs):  # interleaved, so all three see the same machine load
    for name, command in commands.items():
        times[name].append(timed([str(part) for part in command]))
rows_in = sum(1 for _ in results.open(encoding="utf-8")) - 1
native = statistics.median(times["xuefa-report"])
row(f"{rows_in:,} result rows per unit, xuefa-report (s)", times["xuefa-report"],
    "≥ 3× faster than pandas, ≤ 1.5× DuckDB", "s",
    f"pandas/xuefa {statistics.median(times['pandas']) / native:.2f}×, "
    f"xuefa/DuckDB {native / statistics.median(times['DuckDB']):.2f}×")
row("  same with pandas (s)", times["pandas"], "", "s")
row("  same with DuckDB (s)", times["DuckDB"], "", "s")

print(f"{'figure':<62} {'median':>9} {'min':>9} {'max':>9}  {'goal':<12} ratio")
for figure, median, low, high, goal, unit, ratio in rows:
    print(f"{figure:<62} {median:>9.1f} {low:>9.1f} {high:>9.1f}  {(goal + ' ' + unit) if goal else '':<12} {ratio or ''}")
