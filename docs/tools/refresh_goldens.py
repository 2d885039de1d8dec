#!/usr/bin/env python3
"""Refreshes the golden screens in Tests/DashboardTests/Golden from `ragtop snapshot --roles`.

Each line of Golden/MANIFEST is `NAME | ARGS`; Golden/NAME.txt becomes the output of
    ragtop snapshot ARGS --roles
on the bundled Kent data alone (RAGTOP_BUNDLED_NATIONAL=""), in a clean environment (no user
config or theme, UTF-8). Run it only after a change you mean, then read `git diff`.

Usage: python3 docs/tools/refresh_goldens.py
Uses .build/debug/ragtop (run `swift build --product ragtop` first) or $RAGTOP_BIN.
"""
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("RAGTOP_BIN", os.path.join(ROOT, ".build", "debug", "ragtop"))
GOLDEN = os.path.join(ROOT, "Tests", "DashboardTests", "Golden")


def main():
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "RAGTOP_THEME", "COLORTERM")}
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "RAGTOP_BUNDLED_NATIONAL": "",
                "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="ragtop-golden-")})
    names = []
    with open(os.path.join(GOLDEN, "MANIFEST"), encoding="utf-8") as manifest:
        for line in manifest:
            if not line.strip() or line.startswith("#"):
                continue
            name, args = (part.strip() for part in line.split("|", 1))
            out = subprocess.run([BIN, "snapshot", *shlex.split(args), "--roles"], cwd=ROOT, env=env,
                                 check=True, capture_output=True, text=True).stdout
            with open(os.path.join(GOLDEN, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(out)
            names.append(name)
    print(f"refreshed {len(names)} golden screens in {os.path.relpath(GOLDEN, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
