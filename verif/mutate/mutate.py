#!/usr/bin/env python3
"""Mutation testing of rtl/ (make mutate; a small sample runs in ctest).

Plants one mutation at a time in a copy of rtl/, rebuilds the test that
checks the mutated module against that copy (CMake's ZCOMP_RTL_ROOT, ccache
on), runs it, and records the mutant as
  killed      the test failed or timed out (a hang counts as caught),
  survived    every test passed: the regression did not notice, or
  stillborn   the mutant did not build (Verilator or C++ error; a C++ error
              is first retried on freshly verilated models, since a file
              of an earlier split of a model can be left behind); not counted.
The kill rate is killed / (killed + survived). A survivor listed in
verif/mutate/equivalent.txt (`<mutant id> -- <reason>`) is explained as an
equivalent mutant; any other survivor is a hole in the regression.

Mutants come from every line of code (comments, declarations and $error
checks left alone) of the files in rtl/sources.f, with these operators:
  eq    == <-> !=          lt    < -> <=, > -> >=     le   <= -> <, >= -> >
  and   && <-> ||          add   + <-> -              term a + b -> a
  const 1'b0 <-> 1'b1, '0 <-> '1                    not  !x, ~x -> x
  cond  if (c) -> if (!(c))                         idx  [0] <-> [1]
  off   if (c) -> if (1'b0 && (c)): the branch never taken. Killed, it shows
        that the branch is taken and matters (a check of a coverage count).
A mutant's id is <file stem>:<line>:<operator>:<k> (the k-th match of the
operator on that line). The catalogue is large; by default a deterministic
sample of --per-module mutants per module is run (seeded by --seed).

usage: mutate.py [--list] [--per-module K | --all] [--seed S] [--only ID[,ID...]]
                 [--build DIR] [--jobs J] [--timeout SEC] [--expect-killed]
                 [--results FILE] [--tests BINARY[,BINARY...]]
--expect-killed: exit 1 unless every mutant run was killed (the ctest sample).
Exit status: 0 when every survivor is explained as equivalent, 1 otherwise,
2 on bad usage or when the unmutated copy fails its tests.
"""
import argparse
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Which test binaries check which module, and the gtest filter of the fast
# regression (the planted-bug checkers, replays and X-seed runs are left out:
# they prove the harness, not the design).
FAST = "-*Checker*:*Replay*:*XSeeds*"
UNIT_TESTS = [("units_test", FAST)]
TESTS = {
    "zcomp_pkg": [("prefix_sum_test", "*"), ("units_test", FAST)],
    "zcomp_prefix_sum": [("prefix_sum_test", "*"), ("units_test", FAST)],
    "zcomp_delay": UNIT_TESTS, "zcomp_pipe_ctrl": UNIT_TESTS, "zcomp_mask_gen": UNIT_TESTS,
    "zcomp_rank_stage": UNIT_TESTS, "zcomp_compact": UNIT_TESTS, "zcomp_scatter": UNIT_TESTS,
    "zcomp_compress": UNIT_TESTS, "zcomp_expand": UNIT_TESTS,
    "zcomp_wc_buffer": [("wc_buffer_test", FAST)],
    "zcomp_store_engine": [("store_engine_test", FAST)],
    "zcomp_load_engine": [("load_engine_test", FAST)],
    "zcomp_spill": [("engine_test", FAST)],
    "zcomp_engine": [("engine_test", FAST)],
}

SKIP_LINE = re.compile(
    r"^\s*(//|module\b|endmodule|import\b|parameter\b|localparam\b|input\b|output\b|inout\b|"
    r"logic\b|typedef\b|package\b|endpackage|`|\)|\(|#\(|end\b|else\s*$|begin\b)")


def operators(code):
    """Yields (operator, start, end, replacement) for one line of code."""
    def each(op, pattern, repl):
        for m in re.finditer(pattern, code):
            yield op, m.start(), m.end(), repl(m) if callable(repl) else repl
    depth, depth_at = 0, []
    for ch in code:
        depth_at.append(depth)
        depth += {"(": 1, ")": -1}.get(ch, 0)
    loop = re.match(r"\s*for\s*\(", code) is not None
    yield from each("eq", r"==", "!=")
    yield from each("eq", r"!=", "==")
    if not loop:  # a loop bound moved by one only indexes out of range
        yield from each("lt", r"(?<![<=!>])<(?![<=])", "<=")
        yield from each("lt", r"(?<![->=<])>(?![>=])", ">=")
        # A <= outside parentheses is a non-blocking assignment.
        for op, s, e, r in each("le", r"(?<![<>=!])<=", "<"):
            if depth_at[s] > 0:
                yield op, s, e, r
        yield from each("le", r"(?<![<>=!])>=", ">")
    yield from each("and", r"&&", "||")
    yield from each("and", r"\|\|", "&&")
    yield from each("add", r"(?<=[\w\)\]]) ?\+ ?(?=[\w\(])", " - ")
    yield from each("add", r"(?<=[\w\)\]]) ?- ?(?=[\w\(])", " + ")
    yield from each("term", r"\s*\+\s*(?:[\w'.]+|\([^()]*\))(?:\[[^\[\]]*\])*(?![\w\[(:])", "")
    yield from each("const", r"1'b0", "1'b1")
    yield from each("const", r"1'b1", "1'b0")
    yield from each("const", r"(?<![\w'])'0\b", "'1")
    yield from each("const", r"(?<![\w'])'1\b", "'0")
    yield from each("not", r"[!~](?=[\w(])", "")
    yield from each("idx", r"\[0\]", "[1]")
    yield from each("idx", r"\[1\]", "[0]")
    for m in re.finditer(r"\bif\s*\(", code):
        depth, i = 1, m.end()
        while i < len(code) and depth:
            depth += {"(": 1, ")": -1}.get(code[i], 0)
            i += 1
        if depth == 0:
            inner = code[m.end():i - 1]
            yield "cond", m.start(), i, f"if (!({inner}))"
            yield "off", m.start(), i, f"if (1'b0 && ({inner}))"
        elif "||" not in code[m.end():] and "?" not in code[m.end():]:
            # A condition that goes on below: the prefix alone turns it off (only && follow).
            yield "off", m.start(), m.end(), "if (1'b0 && "


def catalogue():
    """Every mutant: dicts with id, module, file, line (1-based), start, end, repl."""
    mutants = []
    with open(os.path.join(ROOT, "rtl", "sources.f"), encoding="utf-8") as f:
        files = [l.strip() for l in f if l.strip()]
    for rel in files:
        module = os.path.splitext(os.path.basename(rel))[0]
        if module not in TESTS:
            continue
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            lines = f.read().split("\n")
        for n, text in enumerate(lines, 1):
            code = text.split("//", 1)[0]
            if not code.strip() or SKIP_LINE.match(code) or "$error" in code or "assert" in code:
                continue
            # A parameter check (its $error on the next line) holds for every legal configuration.
            if "gen_bad" in code or (n < len(lines) and "$error" in lines[n]):
                continue
            seen = {}
            for op, s, e, r in operators(code):
                k = seen.get(op, 0)
                seen[op] = k + 1
                mutants.append({"id": f"{module}:{n}:{op}:{k}", "module": module, "file": rel,
                                "line": n, "start": s, "end": e, "repl": r,
                                "before": code[s:e], "text": text.strip()})
    return mutants


def load_equivalent():
    path = os.path.join(ROOT, "verif", "mutate", "equivalent.txt")
    eq = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                mid, _, reason = line.partition(" -- ")
                eq[mid.strip()] = reason.strip()
    return eq


def sh(cmd, log, timeout=None, cwd=None):
    with open(log, "w", encoding="utf-8") as out:
        try:
            return subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, timeout=timeout,
                                  cwd=cwd).returncode
        except subprocess.TimeoutExpired:
            return "timeout"


class Bench:
    """A copy of rtl/ and a CMake build of the tests against it."""

    def __init__(self, build, jobs, timeout):
        self.dir = os.path.abspath(build)
        self.src = os.path.join(self.dir, "src")
        self.bld = os.path.join(self.dir, "build")
        self.logs = os.path.join(self.dir, "logs")
        self.jobs, self.timeout = jobs, timeout
        os.makedirs(self.logs, exist_ok=True)
        if os.path.exists(os.path.join(self.src, "rtl")):
            shutil.rmtree(os.path.join(self.src, "rtl"))
        # Fresh times: make must see the copy as newer than any model built from an older one.
        shutil.copytree(os.path.join(ROOT, "rtl"), os.path.join(self.src, "rtl"),
                        copy_function=shutil.copyfile)
        if not os.path.exists(os.path.join(self.bld, "CMakeCache.txt")):
            # -O1: a mutant's model compiles about twice as fast as at -O3 and
            # runs a little slower; the build is what a mutant costs.
            rc = sh(["cmake", "-S", ROOT, "-B", self.bld, "-DCMAKE_BUILD_TYPE=Release",
                     "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG",
                     "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", f"-DZCOMP_RTL_ROOT={self.src}"],
                    os.path.join(self.logs, "configure.log"))
            if rc != 0:
                sys.exit(f"[mutate] cmake failed, see {self.logs}/configure.log")

    def run(self, tests, tag):
        """'pass', 'fail', 'timeout' or 'build' (the build failed)."""
        targets = sorted({t for t, _ in tests})
        build = ["cmake", "--build", self.bld, "-j", str(self.jobs), "--target", *targets]
        log = os.path.join(self.logs, tag + ".build.log")
        # Verilator may rename its files after an edit; the second build then links (see Makefile).
        if sh(build, log) != 0 and sh(build, log) != 0:
            with open(log, encoding="utf-8", errors="replace") as f:
                verilator_failed = "%Error" in f.read()
            if verilator_failed:
                return "build"
            # Verilator took the mutant but the C++ did not compile: a file of
            # an earlier split of the model can be left in its folder and
            # still be listed. Verilate the tests' models afresh once (ccache
            # keeps the C++ cheap) before calling the mutant stillborn.
            for t in targets:  # <name>_test links the model vtb_<name>
                lib = "vtb_" + t[:-len("_test")]
                for d in glob.glob(os.path.join(self.bld, "CMakeFiles", lib + ".dir", "V*.dir")):
                    shutil.rmtree(d)
            if sh(["cmake", self.bld], log + ".reconfigure") != 0 or sh(build, log) != 0:
                return "build"
        for t, flt in tests:
            rc = sh([os.path.join(self.bld, t), f"--gtest_filter={flt}", "--gtest_fail_fast",
                     "--gtest_brief=1"], os.path.join(self.logs, f"{tag}.{t}.log"),
                    timeout=self.timeout, cwd=self.bld)
            if rc == "timeout":
                return "timeout"
            if rc != 0:
                return "fail"
        return "pass"

    def plant(self, m):
        path = os.path.join(self.src, m["file"])
        with open(os.path.join(ROOT, m["file"]), encoding="utf-8") as f:
            lines = f.read().split("\n")
        t = lines[m["line"] - 1]
        lines[m["line"] - 1] = t[:m["start"]] + m["repl"] + t[m["end"]:]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        return lines[m["line"] - 1].strip()

    def restore(self, m):
        shutil.copyfile(os.path.join(ROOT, m["file"]), os.path.join(self.src, m["file"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="print the catalogue and stop")
    ap.add_argument("--per-module", type=int, default=4)
    ap.add_argument("--all", action="store_true", help="every mutant of the catalogue")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="", help="comma-separated mutant ids")
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "mutate"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=900, help="seconds per test binary")
    ap.add_argument("--expect-killed", action="store_true")
    ap.add_argument("--results", default="")
    ap.add_argument("--tests", default="", help="comma-separated test binaries to run instead of "
                    "each module's own (every test of each)")
    a = ap.parse_args()

    cat = catalogue()
    by_id = {m["id"]: m for m in cat}
    if a.list:
        for m in cat:
            print(f"{m['id']:40} {m['before']!r} -> {m['repl']!r}   {m['text']}")
        print(f"{len(cat)} mutants")
        return 0
    if a.only:
        ids = [i.strip() for i in a.only.split(",") if i.strip()]
        bad = [i for i in ids if i not in by_id]
        if bad:
            print(f"[mutate] no such mutant: {', '.join(bad)} (--list shows the catalogue)", file=sys.stderr)
            return 2
        chosen = [by_id[i] for i in ids]
    elif a.all:
        chosen = cat
    else:
        chosen = []
        for module in TESTS:
            ms = [m for m in cat if m["module"] == module]
            random.Random(f"{a.seed}:{module}").shuffle(ms)
            chosen += sorted(ms[:a.per_module], key=lambda m: m["line"])
    equivalent = load_equivalent()
    print(f"[mutate] {len(chosen)} of {len(cat)} mutants "
          f"({'as listed' if a.only else 'all' if a.all else f'{a.per_module} per module, seed {a.seed}'}); "
          f"work folder {a.build}", flush=True)

    if a.tests:
        override = [(t.strip(), "*") for t in a.tests.split(",") if t.strip()]
        for module in TESTS:
            TESTS[module] = override
    bench = Bench(a.build, a.jobs, a.timeout)
    # The copy unmutated must pass, or every mutant would look killed: once
    # per set of tests (the package and the prefix sum share theirs, and so do
    # the eight unit modules).
    checked = set()
    for module in sorted({m["module"] for m in chosen}):
        tests = tuple(TESTS[module])
        if tests in checked:
            continue
        checked.add(tests)
        t0 = time.time()
        r = bench.run(list(tests), "clean." + module)
        names = ", ".join(t for t, _ in tests)
        if r != "pass":
            print(f"[mutate] the unmutated copy does not pass {names} ({r}); "
                  f"see {bench.logs}/clean.{module}.*", file=sys.stderr)
            return 2
        print(f"[mutate] unmutated copy: {names} pass ({time.time() - t0:.0f} s)", flush=True)

    results = []
    # Each verdict is written as it comes, so a run that is stopped keeps what it found.
    out = open(a.results, "w", encoding="utf-8") if a.results else None
    for n, m in enumerate(chosen, 1):
        t0 = time.time()
        after = bench.plant(m)
        try:
            r = bench.run(TESTS[m["module"]], m["id"].replace(":", "_"))
        finally:
            bench.restore(m)
        verdict = {"pass": "survived", "fail": "killed", "timeout": "killed", "build": "stillborn"}[r]
        results.append((m, verdict, r))
        if out:
            out.write(f"{m['id']}\t{verdict}\t{r}\t{m['before']}\t{m['repl']}\t{m['text']}\n")
            out.flush()
        print(f"[mutate] {n:3}/{len(chosen)} {verdict:9} {m['id']:36} {m['before']!r} -> {m['repl']!r}"
              f"  ({time.time() - t0:.0f} s)   {after}", flush=True)

    killed = sum(v == "killed" for _, v, _ in results)
    survived = [m for m, v, _ in results if v == "survived"]
    stillborn = sum(v == "stillborn" for _, v, _ in results)
    live = killed + len(survived)
    rate = 100.0 * killed / live if live else 100.0
    print(f"[mutate] killed {killed} of {live} ({rate:.1f} %); {len(survived)} survived; "
          f"{stillborn} did not build (not counted)")
    unexplained = []
    for m in survived:
        why = equivalent.get(m["id"])
        print(f"  survivor {m['id']}: {m['before']!r} -> {m['repl']!r} in {m['file']}:{m['line']}: "
              + (f"equivalent: {why}" if why else "NOT EXPLAINED (a test should kill it)"))
        if not why:
            unexplained.append(m)
    if out:
        out.close()
    if a.expect_killed and killed != len(results):
        print("[mutate] FAIL: every mutant of this sample must be killed")
        return 1
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
