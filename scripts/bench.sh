#!/usr/bin/env bash
# The benchmark (issue 11): builds the release dist/, measures it in headless Chromium over
# loopback (tests/bench_browser.rs, Performance API marks), generates the million-row data set
# with a fixed seed (scripts/bench/make_data.py), runs the native per-unit report and the same
# work in pandas and DuckDB (from PyPI, in a virtual environment under .tools/), and prints a
# table: figure, median, min, max, goal, ratio. RUNS=n sets the runs per figure (default 5).
# Timings are machine-dependent; docs/PERFORMANCE.md records one run and the machine.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
cd "$XUEFA_ROOT"
RUNS="${RUNS:-5}"
OUT=target/bench
DATA=.tools/bench-data/1m
VENV=.tools/bench-venv
mkdir -p "$OUT"

trunk build --release >&2
cargo build --profile release-native --quiet --bin xuefa-report

echo "bench: Chromium (first question, answer → feedback)" >&2
cargo test --quiet --test bench_browser -- --ignored --nocapture --test-threads=1 2>/dev/null \
  | grep -o 'BENCH .*' > "$OUT/browser.txt"

if [ ! -f "$DATA/results.csv" ]; then
  echo "bench: generating 1,000,000 people in 2,000 units and 1,000,000 result rows" >&2
  python3 scripts/bench/make_data.py "$DATA" 1000000 2000 1000000 >&2
fi
if ! "$VENV/bin/python" -c "import pandas, duckdb" 2>/dev/null; then
  echo "bench: installing pandas and DuckDB from PyPI into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet pandas duckdb >&2
fi

echo "bench: per-unit report on the million rows ($RUNS runs each, interleaved)" >&2
python3 scripts/bench/report.py dist "$OUT/browser.txt" "$DATA" target/release-native/xuefa-report \
  "$VENV/bin/python" "$RUNS"
