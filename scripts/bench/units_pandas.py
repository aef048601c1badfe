"""The per-unit report with pandas, for the benchmark's comparison with `xuefa-report`:
the same files, the same work (each person's highest score counts; people not on the roster
are left out; per unit: 应考, 参考, 及格 ≥ 60, 优秀 ≥ 90, 平均分), written as CSV.

    python units_pandas.py ROSTER.csv RESULTS.csv OUT.csv
"""
import sys

import pandas as pd

roster_path, results_path, out_path = sys.argv[1:4]
roster = pd.read_csv(roster_path, dtype={"单位": str, "工号": str, "姓名": str})
results = pd.read_csv(results_path, dtype={"工号": str, "姓名": str, "单位": str, "得分": float, "交卷时间": str})
best = results.groupby("工号", sort=False)["得分"].max().rename("score")
people = roster.join(best, on="工号")
units = people.groupby("单位").agg(
    应考=("工号", "size"),
    参考=("score", "count"),
    及格=("score", lambda s: int((s >= 60).sum())),
    优秀=("score", lambda s: int((s >= 90).sum())),
    平均分=("score", "mean"),
)
units["参考率"] = units["参考"] / units["应考"]
units["及格率"] = units["及格"] / units["参考"]
units["优秀率"] = units["优秀"] / units["参考"]
units.to_csv(out_path, float_format="%.1f")
