#!/bin/sh
# make bench: the England-scale benchmark of issue #7 (see docs/performance.md).
#
# Builds ragtop in release mode with the Swift runtime linked in (--static-swift-stdlib, as
# make install and make dist build the binary users run), generates .bench/big (1.2 million observations, ~40 MB) when
# missing or stale, installs DuckDB from PyPI into .bench/pylib when missing, then measures and
# prints one table of figures against their goals.
#
# Environment: BENCH_SCRATCH (SwiftPM scratch path, default .build-bench), BENCH_RUNS (runs per
# median, default 7). Extra arguments go to bench.py (e.g. --quick).
set -eu
cd "$(dirname "$0")/../.."
scratch=${BENCH_SCRATCH:-.build-bench}
mkdir -p .bench
echo "bench: building ragtop (release, static Swift runtime, scratch path $scratch) …"
if ! swift build -c release --static-swift-stdlib --product ragtop --scratch-path "$scratch" >.bench/build.log 2>&1; then
  cat .bench/build.log
  exit 1
fi
exec python3 Tests/Benchmarks/bench.py --ragtop "$scratch/release/ragtop" "$@"
