#!/usr/bin/env python3
"""Alternating A/B timing of whole ragtop processes (see docs/performance.md).

Usage: python3 Tests/Benchmarks/ab.py RUNS LABEL=BINARY [LABEL=BINARY ...] -- ARGS...

Runs every binary with ARGS, RUNS times each, alternating them run by run (reversing the order
every other round, so none always runs first), stdout and stderr to /dev/null, and prints each
one's median wall time (with quartiles) and median CPU time (user + system, from wait4(2)).
Standard library only. Figures are printed, never asserted.
"""

import os
import statistics
import subprocess
import sys
import time


def main(argv):
    if "--" not in argv or len(argv) < 4:
        sys.exit(__doc__)
    split = argv.index("--")
    runs = int(argv[1])
    binaries = [spec.split("=", 1) for spec in argv[2:split]]
    args = argv[split + 1:]
    wall = {label: [] for label, _ in binaries}
    cpu = {label: [] for label, _ in binaries}
    devnull = os.open(os.devnull, os.O_WRONLY)
    for round_number in range(runs):
        order = binaries if round_number % 2 == 0 else binaries[::-1]
        for label, binary in order:
            start = time.perf_counter()
            process = subprocess.Popen([binary] + args, stdout=devnull, stderr=devnull)
            _, _, usage = os.wait4(process.pid, 0)
            wall[label].append((time.perf_counter() - start) * 1000)
            cpu[label].append((usage.ru_utime + usage.ru_stime) * 1000)
    for label, _ in binaries:
        times = sorted(wall[label])
        print(f"{label:>10}: wall median {statistics.median(times):6.1f} ms "
              f"(q1 {times[len(times) // 4]:5.1f}, q3 {times[3 * len(times) // 4]:5.1f})  "
              f"cpu median {statistics.median(cpu[label]):6.1f} ms  runs={runs}  args={' '.join(args)}")


if __name__ == "__main__":
    main(sys.argv)
