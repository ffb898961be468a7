#!/usr/bin/env python3
"""Code-coverage report of rtl/ from Verilator coverage files (make coverage).

usage: cov_report.py MERGED.dat WAIVERS.txt [--toggle-from RUN.dat] [--uncovered FILE]

Reads the merged counts (verilator_coverage --write), keeps the points of
files under rtl/, and prints per RTL module:
  line   : Verilator's line and branch points (--coverage-line), and
  toggle : every bit of every signal seen going 0->1 and 1->0 (--coverage-toggle).
The percentages leave the waived points out. A point counts as covered when
any instance of the module hit it (module
coverage, as lcov and verilator_coverage --annotate show it). --toggle-from
takes the toggle points from another file instead (make coverage: the counts
after the power-on reset, so that a constant bit that --x-initial unique
started at the other value does not count as toggled).

A point that is not covered is either waived by a line of WAIVERS.txt or
listed. Waiver lines: `<module> <line|toggle> <regex> -- <reason>`; the regex
is matched (re.search) against "<file>:<line> <what>", where <what> is the
signal and bit of a toggle point (e.g. "cnt_q[3]") or the kind of a line
point (e.g. "if", "block"). A waiver that matches nothing is reported as
stale. The goals: every line point covered or waived, and toggle coverage of
at least 95 % with every uncovered toggle point waived. Exit status 1 when a
goal is missed, 2 on a bad input.
"""
import collections
import os
import re
import sys

TOGGLE_GOAL = 95.0


def parse(path):
    """Yields (keys, count) of each point of a Verilator coverage file."""
    with open(path, encoding="latin-1") as f:
        for line in f:
            if not line.startswith("C '"):
                continue
            body, _, count = line.rstrip("\n").rpartition("' ")
            keys = {}
            for kv in body[3:].split("\x01"):
                if "\x02" in kv:
                    k, v = kv.split("\x02", 1)
                    keys[k] = v
            yield keys, int(count)


def load_waivers(path):
    waivers = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"(\S+)\s+(line|toggle)\s+(\S+)\s+--\s+(.+)$", line)
            if not m:
                sys.exit(f"{path}:{n}: expected '<module> <line|toggle> <regex> -- <reason>', got: {line}")
            waivers.append({"module": m[1], "kind": m[2], "re": re.compile(m[3]),
                            "reason": m[4], "where": f"{path}:{n}", "used": 0})
    return waivers


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    merged, waiver_file = argv[1], argv[2]
    uncovered_out = argv[argv.index("--uncovered") + 1] if "--uncovered" in argv else None
    toggle_file = argv[argv.index("--toggle-from") + 1] if "--toggle-from" in argv else merged
    for path in (merged, toggle_file):
        if not os.path.exists(path):
            print(f"cov_report: no coverage file {path}", file=sys.stderr)
            return 2
    # Union over instances: a point is (kind, module, file, line, column, what).
    points = {}
    for path, wanted in ((merged, "line"), (toggle_file, "toggle")):
        add_points(points, path, wanted)
    if not points:
        print(f"cov_report: {merged} holds no point of rtl/ (was the build made with ZCOMP_COVERAGE=ON?)",
              file=sys.stderr)
        return 2
    return report(points, load_waivers(waiver_file), uncovered_out)


def add_points(points, path, wanted):
    """Adds the points of one kind ("line" or "toggle") of a coverage file."""
    for keys, count in parse(path):
        f = keys.get("f", "")
        if "/rtl/" not in "/" + f:
            continue
        page = keys.get("page", "")
        kind = "toggle" if page.startswith("v_toggle") else "line"
        if kind != wanted:
            continue
        # The page names the module with its parameters (zcomp_prefix_sum__N10_T0).
        module = page.split("/", 1)[1].split("__", 1)[0] if "/" in page else "?"
        rel = f[f.rindex("rtl/"):]
        what = keys.get("o", "")
        pid = (kind, module, rel, int(keys.get("l", 0)), keys.get("n", ""), what)
        points[pid] = max(points.get(pid, 0), count)


def report(points, waivers, uncovered_out):

    stats = collections.defaultdict(lambda: collections.Counter())
    open_points = []
    for (kind, module, rel, line, _col, what), count in sorted(points.items()):
        s = stats[module]
        s[kind + "_total"] += 1
        if count > 0:
            s[kind + "_hit"] += 1
            continue
        label = f"{rel}:{line} {what}"
        w = next((w for w in waivers if w["module"] == module and w["kind"] == kind
                  and w["re"].search(label)), None)
        if w:
            w["used"] += 1
            s[kind + "_waived"] += 1
        else:
            open_points.append((module, kind, label))

    def pct(hit, total):
        return 100.0 * hit / total if total else 100.0

    # A waived point is left out of the percentages (it cannot be covered).
    def cov(s, kind):
        return pct(s[kind + "_hit"], s[kind + "_total"] - s[kind + "_waived"])

    print(f"{'module':26} {'line':>15} {'%':>7} {'waived':>6} {'toggle':>17} {'%':>7} {'waived':>6}")
    tot = collections.Counter()
    for module in sorted(stats):
        s = stats[module]
        tot.update(s)
        print(f"{module:26} {s['line_hit']:7}/{s['line_total']:<7} {cov(s, 'line'):6.1f}% "
              f"{s['line_waived']:6} {s['toggle_hit']:8}/{s['toggle_total']:<8} "
              f"{cov(s, 'toggle'):6.1f}% {s['toggle_waived']:6}")
    line_pct = cov(tot, "line")
    toggle_pct = cov(tot, "toggle")
    print(f"{'total':26} {tot['line_hit']:7}/{tot['line_total']:<7} {line_pct:6.1f}% {tot['line_waived']:6} "
          f"{tot['toggle_hit']:8}/{tot['toggle_total']:<8} {toggle_pct:6.1f}% {tot['toggle_waived']:6}")

    for w in waivers:
        if not w["used"]:
            print(f"stale waiver (matches no uncovered point): {w['where']}")
    open_line = [p for p in open_points if p[1] == "line"]
    open_toggle = [p for p in open_points if p[1] == "toggle"]
    if uncovered_out:
        with open(uncovered_out, "w", encoding="utf-8") as f:
            for module, kind, label in open_points:
                f.write(f"{module} {kind} {label}\n")
    for kind, pts in (("line", open_line), ("toggle", open_toggle)):
        if pts:
            print(f"{len(pts)} {kind} points neither covered nor waived, the first:")
            for module, _k, label in pts[:15]:
                print(f"  {module:24} {label}")
    ok = not open_line and not open_toggle and toggle_pct >= TOGGLE_GOAL
    print(f"COVERAGE: line {line_pct:.1f} % (goal 100 %, {len(open_line)} points open), "
          f"toggle {toggle_pct:.1f} % (goal {TOGGLE_GOAL:.0f} %, {len(open_toggle)} points open): "
          + ("goals met" if ok else "GOALS NOT MET"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
