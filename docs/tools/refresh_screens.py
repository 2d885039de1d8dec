#!/usr/bin/env python3
"""Refreshes the screens in a Markdown guide from `ragtop snapshot`.

Each screen in the guide is a marker line followed by a fenced block:

    <!-- snapshot --size 100x30 --keys "r" -->
    ```
    ...replaced by the output of: ragtop snapshot --size 100x30 --keys "r"
    ```

Usage: python3 docs/tools/refresh_screens.py [docs/user-guide.md ...]
Uses .build/debug/ragtop (run `make build` first) or $RAGTOP_BIN.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("RAGTOP_BIN", os.path.join(ROOT, ".build", "debug", "ragtop"))
MARKER = re.compile(r"^<!-- snapshot (.*) -->$")
# An empty config folder: your config.toml (its pane, area or [keys]) never shapes the guide.
CLEAN_CONFIG = tempfile.mkdtemp(prefix="ragtop-screens-")


def refresh(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        m = MARKER.match(line)
        if m and i + 1 < len(lines) and lines[i + 1].startswith("```"):
            args = shlex.split(m.group(1))
            screen = subprocess.run([BIN, "snapshot", *args], cwd=ROOT, check=True, capture_output=True, text=True,
                                    env={**os.environ, "LANG": "C.UTF-8", "XDG_CONFIG_HOME": CLEAN_CONFIG}).stdout.rstrip("\n")
            out.append("```")
            out.extend(screen.split("\n"))
            j = i + 2
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            out.append("```")
            i = j + 1
            continue
        i += 1
    open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    for p in sys.argv[1:] or [os.path.join(ROOT, "docs", "user-guide.md")]:
        refresh(p)
