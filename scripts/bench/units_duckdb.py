"""The per-unit report with DuckDB, for the benchmark's comparison with `xuefa-report`:
the same files and work as units_pandas.py, in SQL.

    python units_duckdb.py ROSTER.csv RESULTS.csv OUT.csv
"""
import sys

import duckdb

roster_path, results_path, out_path = sys.argv[1:4]
duckdb.sql(
    f"""
    COPY (
      WITH best AS (
        SELECT "工号" AS id, max("得分") AS score
        FROM read_csv('{results_path}', header = true, all_varchar = false,
                      types = {{'工号': 'VARCHAR', '得分': 'DOUBLE'}})
        GROUP BY "工号"
      ),
      people AS (
        SELECT r."单位" AS unit, b.score
        FROM read_csv('{roster_path}', header = true, all_varchar = true) r
        LEFT JOIN best b ON b.id = r."工号"
      )
      SELECT unit AS "单位", count(*) AS "应考", count(score) AS "参考",
             count(score) FILTER (WHERE score >= 60) AS "及格",
             count(score) FILTER (WHERE score >= 90) AS "优秀",
             round(avg(score), 1) AS "平均分",
             round(count(score) / count(*), 3) AS "参考率"
      FROM people GROUP BY unit ORDER BY unit
    ) TO '{out_path}' (HEADER)
    """
)
