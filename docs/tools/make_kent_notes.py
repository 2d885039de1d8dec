#!/usr/bin/env python3
"""Build notes.csv of ragtop's bundled Kent CYPE dataset from the scorecard's own commentary.

Usage:
    python3 docs/tools/make_kent_notes.py [SHARED_DIR]

SHARED_DIR defaults to ../shared relative to the repository root.

Inputs (read only):
    SHARED_DIR/seeds/001_*.txt   the CYPE Directorate Scorecard, October 2024 (committee papers)
    Sources/ragtop/Resources/kent-cype-2024-10/{indicators,observations}.csv
                                 (made by make_kent_dataset.py: codes, groups, latest periods)

Output (overwritten):
    Sources/ragtop/Resources/kent-cype-2024-10/notes.csv

Every note is a paragraph (or, where said below, a sentence) printed in the Kent section of the
scorecard's second, full copy (seed lines 816-2230), copied verbatim apart from the Markdown
bold markers, with its seed line in the `source` column. Each note is for Kent and for the
period of Kent's latest figure of its indicator (the figure the commentary is about). Every note
is `commentary`, except the one passage that announces itself as the actions being taken (SCS19,
from "Actions being taken"), which is an `action`; the scorecard names no owners or due dates.

Standard library only. Deterministic: the same inputs always give byte-identical output. The
script stops with an assertion error if a passage is not found exactly once.
"""

import csv
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = REPO / "Sources" / "ragtop" / "Resources" / "kent-cype-2024-10"
KENT = "E10000016"

# The Kent pages of the full copy: the SEND table (1020) to the last Vulnerable Learners note.
FIRST_LINE, LAST_LINE = 1018, 1200

# (indicator codes, words that start the passage, or a sentence inside a paragraph).
# A paragraph about several indicators is a note of each.
PASSAGES = [
    (["APP17", "APP-EP"], "**Note:** 2023-24 targets for APP17 and APP-EP"),
    (["APP17", "APP17-A", "APP-EP", "SEND-WAIT20"], "The SEND service has successfully reduced the number of open cases"),
    (["SCS19"], "**RED:** At 73.1% the percentage of children in care placed in KCC foster care"),
    (["SCS34"], "**RED:** The percentage of care leavers in education, employment or training"),
    (["SCS08"], "**AMBER:** The Percentage of Returner Interviews completed"),
    (["SCS40"], "**AMBER:** The percentage of case holding posts filled by permanent qualified social workers"),
    (["SCS42"], "**AMBER:** The average caseload in the Children in Care (CIC) Teams"),
    (["SCS43"], "**AMBER:** The average caseload in the Children's Social Work Teams (CSWT)"),
    (["SCS03"], "**GREEN:** The percentage re-referrals to Children's Social Work Services"),
    (["SCS13"], "**GREEN:** The percentage of children becoming subject to a child protection plan"),
    (["SCS18"], "**GREEN:** The percentage of Children in Care in same placement"),
    (["SCS29"], "**GREEN:** The average number of days between becoming a child in care"),
    (["SCS37"], "**GREEN:** The percentage of Children's Social Work Case File Audits"),
    (["EH72-F"], "**RED:** The percentage of referrals to an Early Help Unit where a previous episode"),
    (["EH-CASELOAD"], "**AMBER:** The average caseload within Early Help Units"),
    (["EH52-F"], "**GREEN:** The percentage of Early Help Assessments completed"),
    (["EH-AUDIT"], "**GREEN:** The percentage of Early Help Unit cases that were audited"),
    (["CYPE22"], "**RED:** The percentage of CYP registered to EHE"),
    (["EY14", "EY15"], "**AMBER:** The percentage of pupils at EYFS achieving a Good Level of Development"),
    (["SISE16"], "**AMBER:** The percentage of pupils at KS2 achieving age-related expectations in Reading, writing & mathematics - FSM gap"),
    (["CYPE23"], "**AMBER:** The Post 16 data Average point score per A Level entry"),
    (["EH43", "EH44"], "**GREEN:** The new targets set for 2024/25 reflect a nationwide rise"),
    (["EH43", "EH44"], "Schools are responsible for setting their own behaviour management policies"),
    (["CYPE6"], "**GREEN:** The percentage of Children Missing Education cases"),
    (["SISE71"], "**GREEN:** The Percentage of Year 12-13 age-group"),
    (["SISE4"], "**GREEN:** The percentage of pupils at KS2 achieving age-related expectations in Reading, writing & mathematics in 2023/24"),
    # Printed under the Vulnerable Learners Secondary table; SISE12 and SISE19 repeat 2022-23
    # as "2023-24" for the same reason (NOTES.md D). The group's codes are added below.
    (["SISE12", "SISE19", "@Vulnerable Learners Secondary"], "**Note** - The DfE postponed the publication of provisional 2023-24 KS4 results"),
]

# One sentence of the guidance notes (seed line 832) is about one indicator.
GUIDANCE = (["CYPE8"], 832, "Figures for indicator CYPE8 (Rate of proven re-offending by CYP) shown in red have not been "
            "published by the Ministry of Justice (MoJ) but are included for information in this scorecard.")

# The passage that is the actions being taken: split off at these words, as an action.
ACTION_SPLITS = {"SCS19": "Actions being taken to increase the number of fostering households"}


def clean(text):
    """The printed text without Markdown bold markers or stray spaces."""
    text = text.replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def latest_periods(observations):
    """Kent's latest period with a value for each indicator, by ragtop's own ordering for the
    period kinds the bundled data uses (months, quarters, terms, academic and financial years)."""
    def end_month(p):
        m = re.fullmatch(r"(\d{4})-(\d\d)", p)
        if m:
            return int(m.group(1)) * 12 + int(m.group(2)) - 1, 0
        m = re.fullmatch(r"FY(\d{4})-\d\d-Q([1-4])", p)
        if m:
            return int(m.group(1)) * 12 + 3 + (int(m.group(2)) - 1) * 3 + 2, 1
        m = re.fullmatch(r"AY(\d{4})-\d\d-(Autumn|Spring|Summer)", p)
        if m:
            y = int(m.group(1))
            return {"Autumn": y * 12 + 11, "Spring": (y + 1) * 12 + 2, "Summer": (y + 1) * 12 + 7}[m.group(2)], 2
        m = re.fullmatch(r"AY(\d{4})-\d\d", p)
        if m:
            return int(m.group(1)) * 12 + 19, 3
        m = re.fullmatch(r"FY(\d{4})-\d\d", p)
        if m:
            return int(m.group(1)) * 12 + 14, 4
        raise SystemExit("unexpected period %r" % p)

    latest = {}
    for o in observations:
        if o["area"] != KENT or o["team"] or o["value"] == "":
            continue
        key = end_month(o["period"])
        if o["indicator"] not in latest or latest[o["indicator"]][0] < key:
            latest[o["indicator"]] = (key, o["period"])
    return {code: p for code, (_, p) in latest.items()}


def find_line(lines, words):
    found = [n for n in range(FIRST_LINE, LAST_LINE + 1) if lines[n - 1].startswith(words)]
    assert len(found) == 1, (words, found)
    return found[0]


def main(argv):
    shared = Path(argv[1]).resolve() if len(argv) > 1 else (REPO / ".." / "shared").resolve()
    seeds = sorted((shared / "seeds").glob("001_*.txt"))
    assert len(seeds) == 1, seeds
    lines = seeds[0].read_text(encoding="utf-8").split("\n")
    indicators = read_csv(DATA / "indicators.csv")
    groups = {}
    for ind in indicators:
        groups.setdefault(ind["group"], []).append(ind["code"])
    latest = latest_periods(read_csv(DATA / "observations.csv"))

    notes = []  # (indicator position, seed line, order) -> row; sorted for a stable file

    def add(code, line, kind, text, order):
        assert code in latest, "no Kent figure for %s" % code
        position = next(i for i, ind in enumerate(indicators) if ind["code"] == code)
        notes.append(((position, line, order), [KENT, code, latest[code], kind, text, "001:%d" % line]))

    for codes, words in PASSAGES:
        n = find_line(lines, words)
        text = clean(lines[n - 1])
        expanded = []
        for c in codes:
            expanded += groups[c[1:]] if c.startswith("@") else [c]
        for code in expanded:
            split = ACTION_SPLITS.get(code)
            if split:
                at = text.index(split)
                add(code, n, "commentary", text[:at].strip(), 0)
                add(code, n, "action", text[at:].strip(), 1)
            else:
                add(code, n, "commentary", text, 0)
    codes, n, sentence = GUIDANCE
    assert sentence in clean(lines[n - 1]), "guidance sentence not found at 001:%d" % n
    for code in codes:
        add(code, n, "commentary", sentence, 0)

    notes.sort(key=lambda item: item[0])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["area_code", "indicator", "period", "kind", "text", "source"])
    for _, row in notes:
        w.writerow(row)
    (DATA / "notes.csv").write_text(out.getvalue(), encoding="utf-8")
    print("notes.csv          %5d rows" % len(notes))


if __name__ == "__main__":
    main(sys.argv)
