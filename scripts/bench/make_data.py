"""Writes the benchmark data sets with a fixed seed: a roster and a results table.

    python3 make_data.py OUT_DIR PEOPLE UNITS RESULT_ROWS

The roster (UTF-8 CSV: 单位,工号,姓名) has PEOPLE people in UNITS units; the results table
(工号,姓名,单位,得分,交卷时间) has RESULT_ROWS rows: most people sit once, some twice, about
3% never, and 0.1% of rows come from people not on the roster.
"""
import random
import sys
from pathlib import Path

out, people, units, rows = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(20201)
unit_names = [f"第{i}单位" for i in range(1, units + 1)]
staff = [(f"GD{i:07d}", f"职工{i}", unit_names[rng.randrange(units)]) for i in range(people)]

with open(out / "roster.csv", "w", encoding="utf-8", newline="") as f:
    f.write("单位,工号,姓名\n")
    f.writelines(f"{u},{i},{n}\n" for i, n, u in staff)

with open(out / "results.csv", "w", encoding="utf-8", newline="") as f:
    f.write("工号,姓名,单位,得分,交卷时间\n")
    written = 0
    while written < rows:
        if rng.random() < 0.001:
            pid, name, unit = f"XX{written:07d}", "外来人员", "不在名单"
        else:
            pid, name, unit = staff[rng.randrange(people)]
        score = rng.randrange(40, 201) / 2
        minute = rng.randrange(24 * 60)
        f.write(f"{pid},{name},{unit},{score:g},2026-11-2{minute % 7} {minute // 60:02d}:{minute % 60:02d}:00\n")
        written += 1
print(f"wrote {people} people in {units} units and {rows} result rows to {out}")
