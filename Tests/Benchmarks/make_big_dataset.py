#!/usr/bin/env python3
"""Generate an England-scale ragtop dataset for benchmarks (issue #7).

Usage:
    python3 Tests/Benchmarks/make_big_dataset.py OUT_DIR [--months N] [--scale N]

Writes OUT_DIR/{areas,indicators,observations,benchmarks}.csv in the documented format:
England › 9 regions › 153 upper-tier local authorities (163 areas, all with figures), 62
indicators of mixed polarity (H, L and T) with targets and floors, 120 monthly periods
(2015-01 … 2024-12), about 2% empty values, numerators and denominators on some rows, and quoted
names and notes with commas (and doubled quotes). 163 × 62 × 120 = 1,212,720 observations, about 40 MB.

--scale N makes N times as many indicators (62 × N, more variants of each kind, same shape), so
N times the observations: --scale 10 writes 163 × 620 × 120 = 12,127,200 observations, about
410 MB (issue #17). --scale 1, the default, writes exactly the files it always has.

It also writes OUT_DIR-flat/: the same files, except that every local authority's parent is
England, so the districts matrix and the league table (which list the root area's children)
hold 162 areas instead of 9 regions.

Standard library only. Deterministic: the same arguments always give byte-identical files.
"""

import csv
import os
import random
import sys

SEED = 7  # issue #7

REGIONS = [
    ("E12000001", "North East", [
        "County Durham", "Darlington", "Gateshead", "Hartlepool", "Middlesbrough", "Newcastle upon Tyne",
        "North Tyneside", "Northumberland", "Redcar and Cleveland", "South Tyneside", "Stockton-on-Tees",
        "Sunderland"]),
    ("E12000002", "North West", [
        "Blackburn with Darwen", "Blackpool", "Bolton", "Bury", "Cheshire East", "Cheshire West and Chester",
        "Cumberland", "Westmorland and Furness", "Halton", "Knowsley", "Lancashire", "Liverpool", "Manchester",
        "Oldham", "Rochdale", "Salford", "Sefton", "St. Helens", "Stockport", "Tameside", "Trafford",
        "Warrington", "Wigan", "Wirral"]),
    ("E12000003", "Yorkshire and The Humber", [
        "Barnsley", "Bradford", "Calderdale", "Doncaster", "East Riding of Yorkshire",
        "Kingston upon Hull, City of", "Kirklees", "Leeds", "North East Lincolnshire", "North Lincolnshire",
        "North Yorkshire", "Rotherham", "Sheffield", "Wakefield", "York"]),
    ("E12000004", "East Midlands", [
        "Derby", "Derbyshire", "Leicester", "Leicestershire", "Lincolnshire", "North Northamptonshire",
        "West Northamptonshire", "Nottingham", "Nottinghamshire", "Rutland"]),
    ("E12000005", "West Midlands", [
        "Birmingham", "Coventry", "Dudley", "Herefordshire, County of", "Sandwell", "Shropshire", "Solihull",
        "Staffordshire", "Stoke-on-Trent", "Telford and Wrekin", "Walsall", "Warwickshire", "Wolverhampton",
        "Worcestershire"]),
    ("E12000006", "East of England", [
        "Bedford", "Cambridgeshire", "Central Bedfordshire", "Essex", "Hertfordshire", "Luton", "Norfolk",
        "Peterborough", "Southend-on-Sea", "Suffolk", "Thurrock"]),
    ("E12000007", "London", [
        "City of London", "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon",
        "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
        "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
        "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
        "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster"]),
    ("E12000008", "South East", [
        "Bracknell Forest", "Brighton and Hove", "Buckinghamshire", "East Sussex", "Hampshire", "Isle of Wight",
        "Kent", "Medway", "Milton Keynes", "Oxfordshire", "Portsmouth", "Reading", "Slough", "Southampton",
        "Surrey", "West Berkshire", "West Sussex", "Windsor and Maidenhead", "Wokingham"]),
    ("E12000009", "South West", [
        "Bath and North East Somerset", "Bournemouth, Christchurch and Poole", "Bristol, City of", "Cornwall",
        "Devon", "Dorset", "Gloucestershire", "Isles of Scilly", "North Somerset", "Plymouth", "Somerset",
        "South Gloucestershire", "Swindon", "Torbay", "Wiltshire"]),
]

# (group, stem, name, unit, polarity, decimals, typical level, spread) — names as a scorecard would
# print them, some with commas.
INDICATOR_KINDS = [
    ("SEND", "EHCP", "EHCPs issued within 20 weeks, excluding exceptions", "percent", "H", 1, 55, 20),
    ("SEND", "EHCPN", "Number of new EHCPs issued", "count", "H", 0, 180, 80),
    ("SEND", "SENW", "Children waiting for SEN therapy assessment", "count", "L", 0, 300, 150),
    ("SEND", "DAYS", "Average days from referral to first appointment", "days", "L", 0, 60, 25),
    ("Education", "ABS", "Persistent absence, primary and secondary", "percent", "L", 1, 18, 5),
    ("Education", "EXC", "Permanent exclusions per 1,000 pupils", "rate", "L", 2, 0.9, 0.4),
    ("Education", "NEET", "16-17 year olds not in education, employment or training (NEET)", "percent", "L", 1, 5, 2),
    ("Education", "KS2", "Pupils meeting the expected standard in reading, writing and maths", "percent", "H", 0, 60, 6),
    ("Education", "GOOD", "Schools judged good or outstanding", "percent", "H", 1, 88, 5),
    ("Education", "FSM", "Free school meals take-up, infants", "percent", "H", 1, 85, 6),
    ("Children's Social Care", "CIN", "Children in need, rate per 10,000", "rate", "L", 1, 330, 80),
    ("Children's Social Care", "CLA", "Children in care, rate per 10,000", "rate", "L", 1, 70, 25),
    ("Children's Social Care", "CPP", "Child protection plans lasting two years or more", "percent", "L", 1, 3.5, 1.5),
    ("Children's Social Care", "REF", "Re-referrals to children's social care within 12 months", "percent", "T", 1, 21, 4),
    ("Children's Social Care", "ASM", "Single assessments completed within 45 working days", "percent", "H", 1, 85, 8),
    ("Children's Social Care", "SW", "Social worker caseload (average)", "count", "T", 1, 17, 3),
]

MONTHS = 120
FIRST_YEAR = 2015


def areas():
    """(code, name, parent, kind) for England, its regions and their local authorities."""
    rows = [("E92000001", "England", "", "country")]
    la = 0
    for region_code, region_name, names in REGIONS:
        rows.append((region_code, region_name, "E92000001", "region"))
    for region_code, region_name, names in REGIONS:
        for name in names:
            la += 1
            prefix = "E09" if region_name == "London" else "E06"
            rows.append((f"{prefix}{la:06d}", name, region_code, "la"))
    return rows


def indicators(rng, scale=1):
    """62 × scale indicators: four variants of each kind (more at a larger scale), in groups, less
    the last few."""
    out = []
    count = 62 * scale
    variants = ["", " (boys)", " (girls)", " (SEN support)"]
    per_kind = -(-count // len(INDICATOR_KINDS))
    variants += [f" (cohort {k})" for k in range(len(variants), per_kind)]
    for group, stem, name, unit, polarity, decimals, level, spread in INDICATOR_KINDS:
        for v, suffix in enumerate(variants):
            if len(out) == count:
                break
            code = f"{stem}{v + 1:02d}"
            lvl = level * (1 + 0.1 * v)
            if unit == "percent":
                lvl = min(lvl, 95)
            target = floor = low = high = None
            if polarity == "H":
                target, floor = round(lvl + spread * 0.3, decimals), round(lvl - spread * 0.4, decimals)
            elif polarity == "L":
                target, floor = round(lvl - spread * 0.3, decimals), round(lvl + spread * 0.4, decimals)
            else:
                low, high = round(lvl - spread * 0.4, decimals), round(lvl + spread * 0.4, decimals)
                target, floor = round(lvl, decimals), round(spread * 0.5, decimals)
            target, floor, low, high = (None if x is None else number(x, decimals) for x in (target, floor, low, high))
            out.append({
                "code": code, "name": name + suffix, "group": group, "polarity": polarity,
                "period_type": "MS", "unit": unit, "decimals": decimals, "target": target, "floor": floor,
                "target_low": low, "target_high": high, "level": lvl, "spread": spread,
                "definition": f"{name}{suffix}. Synthetic figures for benchmarks, generated with seed {SEED}.",
                "source": "ragtop benchmark generator",
            })
    return out


def number(v, decimals):
    s = f"{v:.{decimals}f}"
    return "0" if s in ("-0", "-0.0", "-0.00") else s


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    out = args[0].rstrip("/")
    months = MONTHS
    if "--months" in args:
        months = int(args[args.index("--months") + 1])
    scale = 1
    if "--scale" in args:
        scale = int(args[args.index("--scale") + 1])
    rng = random.Random(SEED)
    os.makedirs(out, exist_ok=True)
    flat = out + "-flat"
    os.makedirs(flat, exist_ok=True)

    area_rows = areas()
    write_csv(f"{out}/areas.csv", ["code", "name", "parent", "kind"], area_rows)
    write_csv(f"{flat}/areas.csv", ["code", "name", "parent", "kind"],
              [(c, n, "E92000001" if k == "la" else p, k) for c, n, p, k in area_rows])

    inds = indicators(rng, scale)
    fields = ["code", "name", "group", "polarity", "period_type", "unit", "decimals", "target", "floor",
              "target_low", "target_high", "definition", "source"]
    write_csv(f"{out}/indicators.csv", fields,
              [["" if i[k] is None else i[k] for k in fields] for i in inds])

    periods = [f"{FIRST_YEAR + m // 12}-{m % 12 + 1:02d}" for m in range(months)]
    notes = ["provisional, to be revised", 'figure "suppressed" locally, national estimate', "data, revised"]
    # Written row by row: at --scale 10 a list of the rows would take gigabytes.
    rows = 0
    with open(f"{out}/observations.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["area", "indicator", "period", "value", "numerator", "denominator", "note"])
        for ind in inds:
            dec, lvl, spread, unit = ind["decimals"], ind["level"], ind["spread"], ind["unit"]
            for code, _, _, kind in area_rows:
                # Each area sits somewhere around the typical level and drifts month by month.
                v = lvl + rng.gauss(0, spread * 0.5)
                drift = rng.gauss(0, spread * 0.01)
                batch = []
                for p in periods:
                    v += drift + rng.gauss(0, spread * 0.05)
                    if unit == "percent":
                        v = min(max(v, 0), 100)
                    else:
                        v = max(v, 0)
                    r = rng.random()
                    value = "" if r < 0.02 else number(v, dec)
                    num = den = note = ""
                    if unit == "percent" and value and kind == "la" and r > 0.6:
                        d = rng.randint(20, 2000)
                        num, den = str(round(v * d / 100)), str(d)
                    if 0.02 <= r < 0.03:
                        note = notes[rng.randrange(len(notes))]
                    batch.append((code, ind["code"], p, value, num, den, note))
                w.writerows(batch)
                rows += len(batch)

    bench = []
    for ind in inds:
        for comparator in ("England", "Statistical neighbours"):
            for year in range(FIRST_YEAR, FIRST_YEAR + months // 12):
                bench.append((ind["code"], comparator, str(year), number(ind["level"] + rng.gauss(0, ind["spread"] * 0.1), ind["decimals"])))
    write_csv(f"{out}/benchmarks.csv", ["indicator", "comparator", "period", "value"], bench)

    for name in ("indicators.csv", "observations.csv", "benchmarks.csv"):
        target = f"{flat}/{name}"
        if os.path.lexists(target):
            os.remove(target)
        os.symlink(os.path.relpath(f"{out}/{name}", flat), target)
    print(f"{out}: {len(area_rows)} areas, {len(inds)} indicators, {rows} observations, "
          f"{os.path.getsize(out + '/observations.csv') / 1e6:.1f} MB observations.csv")


if __name__ == "__main__":
    main()
