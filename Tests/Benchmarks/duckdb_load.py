#!/usr/bin/env python3
"""DuckDB's side of `make bench`: load observations.csv into an in-memory table.

Usage: python3 Tests/Benchmarks/duckdb_load.py PYLIB OBSERVATIONS_CSV

Prints the number of rows and the seconds DuckDB itself took (connect + CREATE TABLE), so the
benchmark can show both the whole process and the engine alone.
"""

import sys
import time

sys.path.insert(0, sys.argv[1])
import duckdb  # noqa: E402  (installed by bench.py into .bench/pylib)

start = time.perf_counter()
con = duckdb.connect()
con.execute("CREATE TABLE observations AS SELECT * FROM read_csv(?)", [sys.argv[2]])
rows = con.execute("SELECT count(*) FROM observations").fetchone()[0]
print(rows, time.perf_counter() - start, duckdb.__version__)
