#!/usr/bin/env python3
"""Refreshes the golden screens in Tests/DashboardTests/Golden from `ragtop snapshot --roles`.

Each line of Golden/MANIFEST is `NAME | ARGS`; Golden/NAME.txt becomes the output of
    ragtop snapshot ARGS --roles
on the bundled Kent data alone (RAGTOP_BUNDLED_NATIONAL=""), in a clean environment (no user
config or theme, UTF-8). Run it only after a change you mean, then read `git diff`.

`{august}` in ARGS stands for an earlier edition of the bundled Kent data, made here as the
end-to-end tests make it (Tests/EndToEndTests/Support/AugustEdition.swift, `revised: true`): the
September and October 2024 figures and notes.csv left out, Kent's SCS19 for June 74.2 (73.7 now)
and SCS19's target 80.0 (85.0 now). ChangesGoldenTests renders those screens with the real binary.

Usage: python3 docs/tools/refresh_goldens.py
Uses .build/debug/ragtop (run `swift build --product ragtop` first) or $RAGTOP_BIN.
"""
import csv
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("RAGTOP_BIN", os.path.join(ROOT, ".build", "debug", "ragtop"))
GOLDEN = os.path.join(ROOT, "Tests", "DashboardTests", "Golden")
KENT = os.path.join(ROOT, "Sources", "ragtop", "Resources", "kent-cype-2024-10")


def rewrite_csv(path, change):
    """Rewrites a CSV file through `change(header, rows) -> rows`."""
    with open(path, newline="", encoding="utf-8") as f:
        records = list(csv.reader(f))
    rows = change(records[0], records[1:])
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([records[0]] + rows)


def make_august(directory):
    """The August edition AugustEdition.make(at:revised: true) writes (see the docstring)."""
    shutil.copytree(KENT, directory)
    os.remove(os.path.join(directory, "notes.csv"))

    def observations(h, rows):
        out = []
        for r in rows:
            if r[h.index("period")] in ("2024-09", "2024-10"):
                continue
            if (r[h.index("area")], r[h.index("indicator")], r[h.index("period")]) == ("E10000016", "SCS19", "2024-06"):
                assert r[h.index("value")] == "73.7"
                r[h.index("value")] = "74.2"
            out.append(r)
        return out

    def indicators(h, rows):
        for r in rows:
            if r[h.index("code")] == "SCS19":
                assert r[h.index("target")] == "85.0"
                r[h.index("target")] = "80.0"
        return rows

    rewrite_csv(os.path.join(directory, "observations.csv"), observations)
    rewrite_csv(os.path.join(directory, "indicators.csv"), indicators)


def main():
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "RAGTOP_THEME", "COLORTERM")}
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "RAGTOP_BUNDLED_NATIONAL": "",
                "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="ragtop-golden-")})
    names = []
    august = os.path.join(tempfile.mkdtemp(prefix="ragtop-golden-editions-"), "kent-2024-08")
    make_august(august)
    with open(os.path.join(GOLDEN, "MANIFEST"), encoding="utf-8") as manifest:
        for line in manifest:
            if not line.strip() or line.startswith("#"):
                continue
            name, args = (part.strip() for part in line.split("|", 1))
            words = [w.replace("{august}", august) for w in shlex.split(args)]
            out = subprocess.run([BIN, "snapshot", *words, "--roles"], cwd=ROOT, env=env,
                                 check=True, capture_output=True, text=True).stdout
            with open(os.path.join(GOLDEN, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(out)
            names.append(name)
    shutil.rmtree(os.path.dirname(august))
    print(f"refreshed {len(names)} golden screens in {os.path.relpath(GOLDEN, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
