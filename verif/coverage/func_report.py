#!/usr/bin/env python3
"""Functional-coverage table of a regression (make coverage).

usage: func_report.py DIR [--groups g1,g2,...]

Merges the func_*.txt files that the harnesses wrote into DIR (one per model
run; "group|config|axis|value count" lines, see
verif/harness/func_coverage.hpp), sums each bin over every run, and prints
one table per group and axis: a row per configuration, a column per value
(axes with many values, such as lanes, print the values never hit instead).
Exit status 1 when a bin was never hit (each is named) or a group of
--groups wrote no file at all; 2 when DIR holds no file.
"""
import collections
import glob
import os
import re
import sys


def natural(s):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    d = argv[1]
    groups_needed = argv[argv.index("--groups") + 1].split(",") if "--groups" in argv else []
    files = glob.glob(os.path.join(d, "func_*.txt"))
    if not files:
        print(f"func_report: no functional-coverage file in {d}", file=sys.stderr)
        return 2
    bins = collections.Counter()
    for path in sorted(files):
        with open(path, encoding="utf-8") as f:
            for line in f:
                b, _, count = line.rstrip("\n").rpartition(" ")
                bins[b] += int(count)
    # group -> axis -> config -> value -> count
    tree = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(dict)))
    for b, count in bins.items():
        group, config, axis, value = b.split("|")
        tree[group][axis][config][value] = count
    empty = [b for b, c in bins.items() if c == 0]
    for group in sorted(tree):
        print(f"== {group}")
        for axis in sorted(tree[group], key=natural):
            rows = tree[group][axis]
            values = sorted({v for r in rows.values() for v in r}, key=natural)
            print(f"-- {axis}")
            cw = max(len(c) for c in rows)
            if len(values) <= 8:
                widths = [max(len(v), 7) for v in values]
                print("  " + " " * cw + "  " + "  ".join(v.rjust(w) for v, w in zip(values, widths)))
                for c in sorted(rows, key=natural):
                    cells = []
                    for v, w in zip(values, widths):
                        n = rows[c].get(v)
                        cells.append(("-" if n is None else ("EMPTY" if n == 0 else str(n))).rjust(w))
                    print(f"  {c.ljust(cw)}  " + "  ".join(cells))
            else:
                for c in sorted(rows, key=natural):
                    hit = [v for v in rows[c] if rows[c][v] > 0]
                    miss = sorted((v for v in rows[c] if rows[c][v] == 0), key=natural)
                    print(f"  {c.ljust(cw)}  {len(hit)}/{len(rows[c])} values hit"
                          + (f"; EMPTY: {', '.join(miss)}" if miss else ""))
    missing_groups = [g for g in groups_needed if g not in tree]
    print(f"FUNCTIONAL COVERAGE: {len(bins) - len(empty)} of {len(bins)} bins hit, from {len(files)} runs")
    for g in missing_groups:
        print(f"  group '{g}' wrote no coverage file (did its tests run?)")
    for b in sorted(empty, key=natural)[:40]:
        print(f"  empty bin: {b.replace('|', ' / ')}")
    if len(empty) > 40:
        print(f"  ... and {len(empty) - 40} more empty bins")
    return 1 if empty or missing_groups else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
