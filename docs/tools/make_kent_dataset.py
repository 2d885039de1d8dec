#!/usr/bin/env python3
"""Build ragtop's bundled Kent CYPE dataset (October 2024 scorecard) from ../shared.

Usage:
    python3 docs/tools/make_kent_dataset.py [SHARED_DIR]

SHARED_DIR defaults to ../shared relative to the repository root (the repository root
is found from this script's location, so the working directory does not matter).

Inputs (read only):
    SHARED_DIR/data/kent-scorecard-2024-10/{indicators,values,latest,headlines}.tsv
    SHARED_DIR/data/seed-tables/000_sen_therapy_slt_referrals_waits_2023.tsv
    SHARED_DIR/data/seed-tables/000_sen_therapy_caseload_dec2023.tsv
    SHARED_DIR/data/seed-tables/002_nhs_slt_waiting_2024.tsv
    SHARED_DIR/seeds/000_*.txt, 001_*.txt, 002_*.txt  (to check every figure against its line)

Outputs (overwritten) in Sources/ragtop/Resources/kent-cype-2024-10/:
    areas.csv indicators.csv observations.csv benchmarks.csv providers.csv
    coverage.csv waits.csv headlines.csv

Standard library only. Deterministic: the same inputs always give byte-identical outputs.
Every decision applied here is documented in docs/data-sources.md.
"""

import csv
import io
import re
import sys
from collections import OrderedDict, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT = REPO / "Sources" / "ragtop" / "Resources" / "kent-cype-2024-10"

KENT = "E10000016"

# ---------------------------------------------------------------------------
# Areas
# ---------------------------------------------------------------------------

# (code, name, parent, kind, tile_row, tile_col) in scorecard page order.
AREAS = [
    ("E92000001", "England", "", "country", None, None),
    ("E12000008", "South East", "E92000001", "region", None, None),
    (KENT, "Kent", "E12000008", "county", None, None),
    ("E07000105", "Ashford", KENT, "district", 1, 3),
    ("E07000106", "Canterbury", KENT, "district", 0, 3),
    ("E07000107", "Dartford", KENT, "district", 0, 0),
    ("E07000108", "Dover", KENT, "district", 1, 4),
    ("E07000112", "Folkestone and Hythe", KENT, "district", 2, 3),
    ("E07000109", "Gravesham", KENT, "district", 0, 1),
    ("E07000110", "Maidstone", KENT, "district", 1, 2),
    ("E07000111", "Sevenoaks", KENT, "district", 1, 0),
    ("E07000113", "Swale", KENT, "district", 0, 2),
    ("E07000114", "Thanet", KENT, "district", 0, 4),
    ("E07000115", "Tonbridge and Malling", KENT, "district", 1, 1),
    ("E07000116", "Tunbridge Wells", KENT, "district", 2, 1),
]
AREA_CODE = {name: code for code, name, *_ in AREAS}

# ---------------------------------------------------------------------------
# Indicator decisions
# ---------------------------------------------------------------------------

# Kent repeats six indicators in the Vulnerable Learners tables with different values
# (NOTES.md D). Those rows get their own ids, named like the existing synthetic VL-* ids.
VL_REMAP = {
    ("Vulnerable Learners Primary", "EY14"): "VL-EYGLD-ALL",
    ("Vulnerable Learners Primary", "EY15"): "VL-EYGLD-FSMGAP",
    ("Vulnerable Learners Primary", "SISE4"): "VL-KS2RWM-ALL",
    ("Vulnerable Learners Primary", "SISE16"): "VL-KS2RWM-FSMGAP",
    ("Vulnerable Learners Secondary", "SISE12"): "VL-KS4A8-ALL",
    ("Vulnerable Learners Secondary", "SISE19"): "VL-KS4A8-FSMGAP",
}

# Floor standards stated in the commentary (001:1109, 001:1111). No others are stated.
FLOORS = {"SCS19": "75.0", "SCS34": "55.0"}
# Target ranges stated in the commentary (001:1123). SCS13 is printed with polarity T.
RANGES = {"SCS13": ("17.5", "22.5")}

# Which kinds of area an indicator's target rates (indicators.csv target_areas). Kent's tables
# print each target; a district page prints it only for the indicators whose target rates the
# districts too (always the same figure as Kent's). Where district pages carry the indicator
# but print no target and no rating (the permanent-exclusion counts EH43 and EH44, whose
# targets are county totals, and the caseload rows held by Area or Kent-level teams), or where
# no district page carries it, the target is the county's only.
def target_areas(code, kent_row, district_rows):
    if num(kent_row["target_current"]) == "":
        return ""  # no target: nothing to rate
    printed = [r for r in district_rows if num(r["target_current"]) != ""]
    if not printed:
        # No district page prints the target, so none of them rates against it.
        assert all(rag(r["rag_current"]) == "" for r in district_rows), (code, "district RAG without a target")
        return "county"
    # Every district page that carries the indicator prints the target, and it is Kent's.
    assert len(printed) == len(district_rows), (code, "some district pages print a target, some do not")
    assert all(num(r["target_current"]) == num(kent_row["target_current"]) for r in printed), (code, "district target differs from Kent's")
    return "county;district"


# Units that the name rules below cannot infer.
UNIT_OVERRIDES = {
    # "Rate of proven re-offending": the value is numerator/denominator x 100
    # (Kent Q2 24-25: 125 / 376 = 33.2), i.e. a percentage of the cohort.
    "CYPE8": "percent",
    # "Children in Care in same placement ...": the definition says "The percentage of".
    "SCS18": "percent",
}


def infer_unit(code, name, definition):
    if code in UNIT_OVERRIDES:
        return UNIT_OVERRIDES[code]
    n = name.lower()
    if n.startswith("percentage") or definition.lower().startswith("the percentage"):
        return "percent"
    if n.startswith("average") and "days" in n:
        return "days"
    if n.startswith("number of") or n.startswith("total number of"):
        return "count"
    if "caseload" in n:
        return "ratio"  # cases per social worker / per EH unit worker (numerator / FTE)
    if "score" in n:
        return "score"
    raise SystemExit("no unit rule for %s %r" % (code, name))


# ---------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}
FULL_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}


def span(yy1, yy2):
    """'23', '24' -> '2023-24' (asserting consecutive years)."""
    a, b = int(yy1), int(yy2)
    assert (a + 1) % 100 == b, (yy1, yy2)
    return "20%02d-%02d" % (a, b)


def month_period(label):
    m = re.fullmatch(r"([A-Z][a-z]{2})-(\d\d)", label)
    assert m, label
    return "20%s-%02d" % (m.group(2), MONTHS[m.group(1)])


def trend_period(group, label):
    """Canonical period for a trend column label of a given table."""
    if re.fullmatch(r"[A-Z][a-z]{2}-\d\d", label):
        return month_period(label)
    m = re.fullmatch(r"Q([1-4]) (\d\d)-(\d\d)", label)
    if m:  # financial-year quarters, Q1 = Apr-Jun
        return "FY%s-Q%s" % (span(m.group(2), m.group(3)), m.group(1))
    m = re.fullmatch(r"(Autumn|Spring|Summer) (\d\d)-(\d\d)", label)
    if m:  # school terms within an academic year
        return "AY%s-%s" % (span(m.group(2), m.group(3)), m.group(1))
    m = re.fullmatch(r"20(\d\d)-(\d\d)", label)
    if m:  # every annual table in the scorecard is an education table: academic years
        assert group in ANNUAL_GROUPS, (group, label)
        return "AY" + span(m.group(1), m.group(2))
    raise SystemExit("unknown period label %r" % label)


ANNUAL_GROUPS = ("Education Annual", "Vulnerable Learners Primary", "Vulnerable Learners Secondary")

# Year that the "Outturn 2023-24 / Target 2023-24 / RAG 2023-24" columns refer to.
# Social care, early help and youth justice report by financial year; the education
# monthly tables' "2023-24" outturn equals the Aug-24 trend value in 91 of 92 rows
# (the academic year to August 2024), so those are academic years.
PREV_PERIOD = {
    "Integrated Children's Services Monthly": "FY2023-24",
    "Integrated Children's Services Quarterly": "FY2023-24",
    "Education Monthly - SEND": "AY2023-24",
    "Education Monthly": "AY2023-24",
}

# Year of the "Target 2024-25" (next target) column in annual tables, kept in the note.
NEXT_TARGET_PERIOD = {
    "Education Annual": "AY2024-25",
    "Vulnerable Learners Primary": "AY2024-25",
    "Vulnerable Learners Secondary": "AY2023-24",
}

# Benchmark columns: (comparator, period) for the first comparator column ("benchmark")
# and the second ("england"), by the table the Kent row sits in.
BENCH_COLUMNS = {
    # "South East Average as at 31st December 2023" / "England Average as at 31st December 2023"
    # (DfE SEN2 calendar year 2023; the APP17 figures 46.1 / 50.3 match DfE's 2023 South East
    # and England "excluding exceptions" percentages).
    "Education Monthly - SEND": (("South East", "2023"), ("England", "2023")),
    # "Benchmark Group 2023-24" ("SN or SE"; commentary 001:1121-1125 shows statistical
    # neighbours for SCS03 and SCS18) / "England 2023-24".
    "Integrated Children's Services Monthly": (("Statistical neighbours", "FY2023-24"),
                                               ("England", "FY2023-24")),
    # "South East as at Jan 2024" / "England & Wales as at Jan 2024".
    "Integrated Children's Services Quarterly": (("South East", "2024-01"),
                                                 ("England and Wales", "2024-01")),
    # Education tables' "Benchmark Group" is the South East: the Vulnerable Learners
    # Secondary header labels it "SE Region" (001:1187) and its SISE12/SISE19 figures (47.4,
    # 18.4) are the Education Annual ones; on district Education Monthly pages the same
    # column holds APP17's South East figure 46.1.
    "Education Monthly": (("South East", "AY2023-24"), ("England", "AY2023-24")),
    "Education Annual": (("South East", "AY2023-24"), ("England", "AY2023-24")),
    "Vulnerable Learners Primary": (("South East", "AY2023-24"), ("England", "AY2023-24")),
    # "Benchmark Group 2022-23" with the sub-label "SE Region" (001:1187).
    "Vulnerable Learners Secondary": (("South East", "AY2022-23"), ("England", "AY2022-23")),
}

# ---------------------------------------------------------------------------
# Notes for irregular rows (NOTES.md sections A-E); keyed by seed line (and period)
# ---------------------------------------------------------------------------

LATEST_NOTES = {
    1384: "numerator looks truncated (112 of 1,671 is not 67.1%)",
    1359: "9/31 gives 29.0, printed 28.1",
    1841: "12.6/17.0 gives 74.1, printed 74.4",
    1738: "no values printed, yet RAG GREEN",
    1050: "commentary (1129) says 80.0% target",
    1354: "RAG not monotonic in value, target 20.0 looks like a band",
    1482: "RAG not monotonic in value, target 20.0 looks like a band",
    1613: "RAG not monotonic in value, target 20.0 looks like a band",
}
PREV_NOTES = {
    1071: "2023-24 target 12 as printed (outturn 26)",
    1072: "2023-24 target 24 as printed (outturn 80)",
    1058: "commentary (1135) says the RAG was RED",
}
PERIOD_NOTES = {
    (1410, "2024-05"): "over 100% as printed",
}


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def read_tsv(path):
    """Tab-separated file with a header row; '#' comment lines before the header skipped.
    Fields are split on tabs only (the extraction never quotes)."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln.rstrip("\n").rstrip("\r") for ln in f]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        assert len(cells) == len(header), (path, ln)
        rows.append(dict(zip(header, cells)))
    return rows


def read_seed(shared, prefix):
    files = sorted((shared / "seeds").glob(prefix + "_*.txt"))
    assert len(files) == 1, (prefix, files)
    with open(files[0], encoding="utf-8", newline="") as f:
        return [ln.rstrip("\n") for ln in f]


NUM_RE = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")


def num(cell):
    """Printed number -> plain CSV number ('' for N/A / blank). Keeps printed decimals."""
    c = cell.strip()
    if c in ("", "N/A", "n/a"):
        return ""
    assert NUM_RE.fullmatch(c), "not a number: %r" % cell
    return c.replace(",", "")


def decimals_of(cell):
    c = num(cell)
    return len(c.split(".")[1]) if "." in c else 0


RAGS = {"RED", "AMBER", "GREEN"}
DOTS = {"↑", "↓", "↔"}


def rag(cell):
    c = cell.strip()
    if c in ("", "N/A"):
        return ""
    assert c in RAGS, c
    return c


def dot(cell):
    c = cell.strip()
    if c in ("", "N/A"):
        return ""
    assert c in DOTS, c
    return c


def write_csv(name, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), (name, r)
        w.writerow(["" if v is None else v for v in r])
    data = buf.getvalue().encode("utf-8")
    (OUT / name).write_bytes(data)
    return len(rows)


def round_half_up(text, places):
    q = Decimal(1).scaleb(-places)
    return str(Decimal(text).quantize(q, rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------------------
# Scorecard (seed 001)
# ---------------------------------------------------------------------------

TAIL_MONTHLY = ["numerator", "denominator", "dot", "target_current", "rag_current",
                "prev_outturn", "prev_target", "prev_rag", "target_next", "benchmark", "england"]
TAIL_ANNUAL = ["numerator", "denominator", "target_current", "rag_current", "dot",
               "target_next", "benchmark", "england"]
TAIL_TERMLY = ["numerator", "denominator", "dot", "target_current", "rag_current"]


def check_against_seed(latest, trends, seed):
    """Round-trip every non-N/A-only row: the non-empty cells of the seed line after the
    QPR column must equal the printed trend cells followed by the tail columns, in order."""
    for r in latest:
        if r["flag"] == "NA_ROW":
            # Only the last two non-empty cells (benchmark, England) are used from these rows.
            cells = [c.strip() for c in seed[int(r["source_line"]) - 1].split("\t")[5:] if c.strip()]
            assert cells[-2:] == [r["benchmark"], r["england"]] or (
                r["benchmark"] == "N/A" and r["england"] == "N/A"), r["source_line"]
            assert all(c == "N/A" for c in cells[:-2]), r["source_line"]
            continue
        g = r["group"]
        tail = TAIL_ANNUAL if g in ANNUAL_GROUPS else TAIL_TERMLY if g == "Education Termly" else TAIL_MONTHLY
        expected = [v["printed"] for v in trends[row_key(r)]] + [r[t] for t in tail]
        expected = [e for e in expected if e != ""]
        cells = [c.strip() for c in seed[int(r["source_line"]) - 1].split("\t")[5:] if c.strip()]
        assert cells == expected, ("seed mismatch", r["source_line"], cells, expected)


def row_key(r):
    return (r["area"], r["team_label"], r["group"], r["code"], r["source_line"])


def build_scorecard(shared):
    sdir = shared / "data" / "kent-scorecard-2024-10"
    ind_rows = read_tsv(sdir / "indicators.tsv")
    latest = read_tsv(sdir / "latest.tsv")
    values = read_tsv(sdir / "values.tsv")
    seed = read_seed(shared, "001")

    trends = defaultdict(list)
    for v in values:
        trends[(v["area"], v["team_label"], v["group"], v["code"], v["source_line"])].append(v)
    check_against_seed(latest, trends, seed)

    ind_meta = {r["code"]: r for r in ind_rows}

    def canon(r):
        return VL_REMAP.get((r["group"], r["code"]), r["code"]) if r["area"] == "Kent" else r["code"]

    # ---- indicators: Kent rows in source order = published order
    kent_rows = sorted((r for r in latest if r["area"] == "Kent"), key=lambda r: int(r["source_line"]))
    indicators = OrderedDict()
    kent_row_of = {}
    for r in kent_rows:
        code = canon(r)
        assert code not in indicators, code
        meta = ind_meta[r["code"]]
        if code != r["code"]:
            name = r["name_as_printed"]
        else:
            name = meta["name"]
        definition = re.sub(r"</?b>", "", meta["definition"]).strip()
        dec = max(decimals_of(v["printed"]) for v in trends[row_key(r)] if num(v["printed"]) != "")
        lo, hi = RANGES.get(code, ("", ""))
        indicators[code] = [
            code, name, r["group"], r["polarity"], r["data_period"],
            infer_unit(code, name, definition), str(dec), num(r["target_current"]),
            FLOORS.get(code, ""), lo, hi, definition, meta["data_source"],
        ]
        assert r["polarity"] in ("H", "L", "T"), r
        assert r["data_period"] in ("MS", "R12M", "YTD", "Q", "T", "A"), r
        kent_row_of[code] = r
    for code, ind in indicators.items():
        districts = [r for r in latest if r["area"] != "Kent" and r["code"] == code]
        ind.append(target_areas(code, kent_row_of[code], districts))
    for code in FLOORS:
        assert ind_meta[code]["floor_standard"] == FLOORS[code], code
    assert len(indicators) == len(ind_rows) + len(VL_REMAP)

    # Values printed in the Education Annual table, to flag where the VL tables differ.
    ed_annual = {}
    for r in kent_rows:
        if r["group"] == "Education Annual":
            ed_annual[r["code"]] = {v["period"]: v["printed"] for v in trends[row_key(r)]}

    # ---- observations
    obs = []
    seen = set()
    for r in latest:
        area = AREA_CODE[r["area"]]
        code = canon(r)
        assert code in indicators, code
        line = int(r["source_line"])
        src = "001:%d" % line
        team = r["team_label"]
        latest_notes = []
        if r["block"] == "CSWT" and team == "":
            assert r["area"] == "Dover", r
            team = "Dover CSWT"
            latest_notes.append("team label not printed")
        if r["block"] == "":
            assert team == "", r

        printed = r["code_as_printed"]
        if printed and printed != code:
            if r["area"] == "Kent" and printed == "EH17-F":
                latest_notes.append("code printed EH17-F (copy 1: EH72-F)")
            elif r["area"] == "Kent" and printed == "EH53":
                latest_notes.append("code printed EH53 (copy 1: EH14)")
            else:
                latest_notes.append("code printed %s" % printed)
        if r["flag"] == "NA_ROW":
            latest_notes.append("N/A row: held by Area/Kent teams")
        stale = "stale year labels" in r["notes"]
        if stale:
            latest_notes.append("stale header (2023-24 labels), read as 2024-25")
        m = re.search(r"same team block also printed on (.+?) page, line (\d+)", r["notes"])
        if m:
            latest_notes.append("also on %s page (001:%s)" % (m.group(1), m.group(2)))
        if r["code"] in ("EP-WAIT6", "SEND-WAIT20") and r["area"] == "Kent":
            latest_notes.append("surplus blank cell, no target or RAG printed")
        if line in LATEST_NOTES:
            latest_notes.append(LATEST_NOTES[line])
        if r["target_next"] not in ("", "N/A"):
            latest_notes.append("target %s: %s" % (NEXT_TARGET_PERIOD[r["group"]], num(r["target_next"])))

        rows_for_line = []
        trend_periods = []
        prev_row = None

        # Previous-year outturn (monthly and quarterly tables only).
        if r["group"] in PREV_PERIOD and any(
                r[c] not in ("", "N/A") for c in ("prev_outturn", "prev_target", "prev_rag")):
            p = PREV_PERIOD[r["group"]]
            notes = []
            if stale:
                notes.append("header says Outturn 2022-23, read as 2023-24")
            if line in PREV_NOTES:
                notes.append(PREV_NOTES[line])
            if r["code"] == "CYPE8":
                q3 = [v["printed"] for v in trends[row_key(r)] if v["period"] == "Q3 23-24"][0]
                if q3 == r["prev_outturn"]:
                    notes.append("equals Q3 23-24 value")
            prev_row = [area, code, p, num(r["prev_outturn"]), "", "", num(r["prev_target"]),
                        rag(r["prev_rag"]), "", "", "; ".join(notes), src]
            rows_for_line.append(prev_row)

        tv = trends[row_key(r)]
        assert tv[-1]["period"] == r["latest_period"], r
        for v in tv:
            p = trend_period(r["group"], v["period"])
            trend_periods.append(p)
            notes = []
            if v["flag"] == "ALIGN?":
                assert line == 2011, line  # the only ambiguous alignment (NOTES.md B)
                notes.append("ALIGN?: 6 values printed for 7 months")
            if (line, p) in PERIOD_NOTES:
                notes.append(PERIOD_NOTES[(line, p)])
            if r["code"] in ("SISE12", "SISE19") and r["group"] == "Education Annual" and v["period"] == "2023-24":
                notes.append("repeats 2022-23 (KS4 2024 results postponed)")
            if r["code"] in ("CYPE23", "CYPE24", "CYPE25") and v["period"] == "2023-24":
                prev = [x["printed"] for x in tv if x["period"] == "2022-23"][0]
                if num(v["printed"]) and num(prev):
                    if r["area"] == "Kent" and v["printed"] == prev:
                        notes.append("repeats 2022-23 (2022-23 DfE data)")
                    elif r["area"] != "Kent" and round_half_up(num(v["printed"]), decimals_of(prev)) == num(prev):
                        notes.append("2022-23 NPD figure at 2 dp")
            if code != r["code"] and r["code"] in ed_annual:
                other = ed_annual[r["code"]].get(v["period"])
                if other is not None and num(other) != num(v["printed"]):
                    notes.append("Education Annual %s prints %s" % (r["code"], other))
            row = [area, code, p, num(v["printed"]), "", "", "", "", "", team, "", src]
            if v is tv[-1]:
                row[4] = num(r["numerator"])
                row[5] = num(r["denominator"])
                row[6] = num(r["target_current"])
                row[7] = rag(r["rag_current"])
                row[8] = dot(r["dot"])
                notes = latest_notes + notes
            row[10] = "; ".join(notes)
            rows_for_line.append(row)

        if prev_row is not None:
            assert prev_row[2] not in trend_periods, ("outturn period is also a trend period", r)
            prev_row[9] = team
        for row in rows_for_line:
            key = (row[0], row[1], row[2], row[9])
            assert key not in seen, ("duplicate observation", key)
            seen.add(key)
            obs.append(row)

    # ---- benchmarks: from Kent's rows; district rows must repeat them
    bench = []
    mismatches = []
    for code, r in kent_row_of.items():
        if r["group"] == "Education Termly":
            assert r["benchmark"] == r["england"] == "", r  # the termly table has no comparators
            continue
        (c1, p1), (c2, p2) = BENCH_COLUMNS[r["group"]]
        for comp, per, cell in ((c1, p1, r["benchmark"]), (c2, p2, r["england"])):
            if cell.strip() == "":
                continue  # no comparator column / blank cell: no benchmark row
            bench.append([code, comp, per, num(cell), "001:%s" % r["source_line"]])
    for r in latest:
        if r["area"] == "Kent":
            continue
        k = kent_row_of[r["code"]]
        if (r["benchmark"], r["england"]) != (k["benchmark"], k["england"]):
            mismatches.append((r["source_line"], r["area"], r["code"]))
    keys = [(b[0], b[1], b[2]) for b in bench]
    assert len(keys) == len(set(keys)), "duplicate benchmark"

    return indicators, obs, bench, mismatches


# ---------------------------------------------------------------------------
# Headlines (seed 001 headline page)
# ---------------------------------------------------------------------------

def build_headlines(shared):
    rows = read_tsv(shared / "data" / "kent-scorecard-2024-10" / "headlines.tsv")
    seed = read_seed(shared, "001")
    out = []
    for r in rows:
        if r["value"].strip() == "":
            continue  # chart titles whose figures are not in the text
        m = re.fullmatch(r"as at ([A-Z][a-z]+) (\d{4})", r["as_at"])
        assert m, r["as_at"]
        mon = FULL_MONTHS.get(m.group(1)) or MONTHS[m.group(1)]
        as_at = "%s-%02d" % (m.group(2), mon)
        nat = r["national_average_in_brackets"].strip().rstrip("%")
        line = int(r["source_line"])
        assert r["value"] in seed[line - 1], (line, r["value"])
        out.append([r["section"], r["label"], num(r["value"]), as_at, num(nat), "001:%d" % line])
    return out


# ---------------------------------------------------------------------------
# SEN therapy (seeds 000, 002)
# ---------------------------------------------------------------------------

PROVIDERS = [
    ("EKHUFT", "East Kent Hospitals University NHS Foundation Trust",
     "KCC SEN therapy contract £752,905 a year (000:565; printed £725,905 at 000:1208); "
     "serves Folkestone and Hythe, Ashford, Dover"),
    ("KCHFT", "Kent Community Health NHS Foundation Trust",
     "two KCC contracts: East Kent £610,037 (000:575), West Kent £916,549 (000:584)"),
    ("MCH", "Medway Community Healthcare",
     "serves west Swale under contract to NHS Kent and Medway, not KCC (000:603-604)"),
    ("NHSKM", "NHS Kent and Medway",
     "integrated care board commissioning the NHS therapy contracts (£18.5M, 000:544); "
     "provider for the county-wide 2024 SLT waiting figures (002:149)"),
]

COVERAGE = [
    ("EKHUFT", "Folkestone and Hythe", "EKHUFT contract (000:565-568)"),
    ("EKHUFT", "Ashford", "EKHUFT contract (000:565-570)"),
    ("EKHUFT", "Dover", "printed 'Dover and Deal' (000:572)"),
    ("KCHFT", "Canterbury", "KCHFT East Kent contract (000:574-578)"),
    ("KCHFT", "Thanet", "KCHFT East Kent contract (000:574-580)"),
    ("KCHFT", "Dartford",
     "inconsistent: listed under the KCHFT East Kent contract (000:582) but the FTE table "
     "puts it in KCHFT North with Gravesham and Swanley (000:651-654)"),
    ("KCHFT", "Gravesham", "KCHFT West Kent contract (000:584-587); FTE area North"),
    ("KCHFT", "Maidstone", "KCHFT West Kent contract (000:589)"),
    ("KCHFT", "Sevenoaks", "KCHFT West Kent contract (000:591); Swanley is in FTE area North"),
    ("KCHFT", "Tonbridge and Malling", "KCHFT West Kent contract (000:593)"),
    ("KCHFT", "Tunbridge Wells", "KCHFT West Kent contract (000:595)"),
    ("MCH", "Swale",
     "west Swale only (part of Teynham, Sittingbourne, Isle of Sheppey), under contract to "
     "NHS Kent and Medway; neither KCC-contracted trust covers it; provider for the rest of "
     "Swale not stated (000:600-604)"),
]

SLT_MEASURES = {
    "Average number of referrals per month": "referrals_per_month",
    "Total no. waiting for assessment": "waiting_assessment",
    "No. children on wait list more than 12 weeks (assessment)": "waiting_over_12_weeks_assessment",
    "Total no. waiting for intervention": "waiting_intervention",
    "No. children on wait list more than 12 weeks (intervention)": "waiting_over_12_weeks_intervention",
}
THERAPY_SERVICE = {
    "Occupational therapy": "OT",
    "Speech and language therapy": "SLT",
    "Physiotherapy": "PT",
}


def build_waits(shared):
    tdir = shared / "data" / "seed-tables"
    s000 = read_seed(shared, "000")
    s002 = read_seed(shared, "002")
    out = []

    def check(seed, line, printed):
        text = seed[line - 1]
        assert re.search(r"(?<![\d,.])%s(?![\d,.])" % re.escape(printed), text), (line, printed, text)

    for r in read_tsv(tdir / "000_sen_therapy_slt_referrals_waits_2023.tsv"):
        measure = SLT_MEASURES[r["measure"]]
        line = int(r["src_lines"].split("-")[-1])  # the line that holds the figures
        check(s000, line, r["value_printed"])
        note = ""
        if r["provider"] == "EKHUFT" and "intervention" in measure:
            note = "EKHUFT does not count intervention waits separately (000:682-683)"
        elif r["provider"] == "KCHFT" and "intervention" in measure:
            note = "includes children already receiving intervention; interpret with caution (000:683-685)"
        out.append([r["provider"], KENT, "SLT", measure, month_period(r["month"]),
                    num(r["value_printed"]), note, "000:%d" % line])

    for r in read_tsv(tdir / "000_sen_therapy_caseload_dec2023.tsv"):
        line = int(r["src_line"])
        check(s000, line, r["value"])
        note = ""
        if r["provider"] == "EKHUFT" and r["therapy_type"] == "Physiotherapy":
            note = "KCC does not fund EKHUFT physiotherapy; delivered under the NHS Kent and Medway contract (000:731-733)"
        out.append([r["provider"], KENT, THERAPY_SERVICE[r["therapy_type"]], "caseload",
                    month_period(r["snapshot"]), num(r["value"]), note, "000:%d" % line])

    nhs = read_tsv(tdir / "002_nhs_slt_waiting_2024.tsv")
    byval = {r["value_printed"]: r for r in nhs}
    spec = [
        ("868", "NHSKM", KENT, "waiting_total", "2024-05",
         "NHS Kent and Medway SLT waiting list; whether total or a subset is not defined"),
        ("481", "NHSKM", KENT, "waiting_total", "2024-11",
         "NHS Kent and Medway SLT waiting list; whether total or a subset is not defined"),
        ("14", "NHSKM", KENT, "waiting_over_12_weeks", "2024-11",
         "across the main health providers, Swale reported separately; month implied (Nov 2024)"),
        ("118", "MCH", AREA_CODE["Swale"], "waiting_over_12_weeks", "2024-11",
         "Swale (NHS provider Medway) outlier; month implied (Nov 2024)"),
    ]
    for printed, prov, area, measure, period, note in spec:
        r = byval[printed]
        line = int(r["src_line"])
        check(s002, line, printed)
        out.append([prov, area, "SLT", measure, period, num(printed), note, "002:%d" % line])

    keys = [tuple(w[:5]) for w in out]
    assert len(keys) == len(set(keys)), "duplicate wait"
    return out


# ---------------------------------------------------------------------------

def main(argv):
    shared = Path(argv[1]).resolve() if len(argv) > 1 else (REPO / ".." / "shared").resolve()
    if not (shared / "data" / "kent-scorecard-2024-10").is_dir():
        raise SystemExit("shared folder not found: %s" % shared)
    OUT.mkdir(parents=True, exist_ok=True)

    indicators, obs, bench, mismatches = build_scorecard(shared)
    headlines = build_headlines(shared)
    waits = build_waits(shared)

    area_codes = {a[0] for a in AREAS}
    for o in obs:
        assert o[0] in area_codes and o[1] in indicators, o
    for b in bench:
        assert b[0] in indicators, b
    provider_codes = {p[0] for p in PROVIDERS}
    for w in waits:
        assert w[0] in provider_codes and w[1] in area_codes, w

    counts = OrderedDict()
    counts["areas.csv"] = write_csv(
        "areas.csv", ["code", "name", "parent", "kind", "tile_row", "tile_col"],
        [[c, n, p, k, "" if tr is None else str(tr), "" if tc is None else str(tc)]
         for c, n, p, k, tr, tc in AREAS])
    counts["indicators.csv"] = write_csv(
        "indicators.csv",
        ["code", "name", "group", "polarity", "period_type", "unit", "decimals", "target", "floor",
         "target_low", "target_high", "definition", "source", "target_areas"],
        list(indicators.values()))
    counts["observations.csv"] = write_csv(
        "observations.csv",
        ["area", "indicator", "period", "value", "numerator", "denominator", "target", "rag", "dot",
         "team", "note", "source"], obs)
    counts["benchmarks.csv"] = write_csv(
        "benchmarks.csv", ["indicator", "comparator", "period", "value", "source"], bench)
    counts["providers.csv"] = write_csv("providers.csv", ["code", "name", "note"],
                                        [list(p) for p in PROVIDERS])
    counts["coverage.csv"] = write_csv("coverage.csv", ["provider", "area", "note"],
                                       [[p, AREA_CODE[a], n] for p, a, n in COVERAGE])
    counts["waits.csv"] = write_csv(
        "waits.csv", ["provider", "area", "service", "measure", "period", "value", "note", "source"],
        waits)
    counts["headlines.csv"] = write_csv(
        "headlines.csv", ["section", "label", "value", "as_at", "national", "source"], headlines)

    for name, n in counts.items():
        print("%-18s %5d rows" % (name, n))
    if mismatches:
        print("district benchmark cells that differ from Kent's:")
        for m in mismatches:
            print("  001:%s %s %s" % m)
    else:
        print("district benchmark cells: all equal to Kent's")


if __name__ == "__main__":
    main(sys.argv)
