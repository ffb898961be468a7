#!/bin/sh
# make coverage: the regression on models built with Verilator line and
# toggle coverage, the counts of every model run merged, a table per RTL
# module (cov_report.py, with the waivers of waivers.txt) and an HTML report
# (lcov's genhtml); then the functional-coverage bins of the same runs
# (func_report.py). Exit status 1 when a goal is missed or a bin is empty.
#
# usage: coverage.sh <build dir>     (run from the repo root)
# Environment: CTEST_ARGS, passed to ctest (e.g. "-R units_test" for a part).
# Line points count from power-on on; toggle points only after the power-on
# reset (merged_run.dat), so that the random initial values of --x-initial
# unique do not make a constant bit look toggled
# (harness::end_power_on_reset_coverage).
# Output in <build dir>/: dat/ (two files per model run), merged.dat,
# annotated/ (the sources with counts, verilator_coverage --annotate),
# html/index.html, report.txt (the table), uncovered.txt and functional.txt.
set -eu
B=${1:?usage: coverage.sh <build dir>}
JOBS=$(nproc)
echo "[coverage] configuring $B with ZCOMP_COVERAGE=ON (every model counts line and toggle coverage)"
[ -f "$B/CMakeCache.txt" ] || cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DZCOMP_COVERAGE=ON > "$B.configure.log" 2>&1 || {
  cat "$B.configure.log"; exit 1; }
echo "[coverage] building the tests (a coverage model compiles slower than a plain one)"
TARGETS="model_test npy_test prefix_sum_test units_test wc_buffer_test store_engine_test load_engine_test engine_test selftest_test zcomp-sim sim_cli_test"
cmake --build "$B" -j "$JOBS" --target $TARGETS > "$B/build.log" 2>&1 ||
  cmake --build "$B" -j "$JOBS" --target $TARGETS > "$B/build.log" 2>&1 || { tail -30 "$B/build.log"; exit 1; }
rm -rf "$B/dat"
mkdir -p "$B/dat"
echo "[coverage] running the regression's simulation tests (ctest; the synthesis, formal and mutation checks are left out)"
status=0
( cd "$B" && ZCOMP_COVERAGE_DIR="$(pwd)/dat" ctest -j "$JOBS" -E '^(synth_check|formal_quick|gtkwave_check|mutate_sample)$' \
    ${CTEST_ARGS:-} > ctest.log 2>&1 ) || status=$?
tail -3 "$B/ctest.log"
if [ "$status" != 0 ]; then
  echo "[coverage] some tests failed (see $B/ctest.log); the coverage below is still that of every run"
fi
n=$(ls "$B"/dat/cov_run_*.dat | wc -l)
echo "[coverage] merging the coverage files of $n model runs (each a run file and a power-on reset file)"
verilator_coverage -write "$B/merged.dat" "$B"/dat/cov_*.dat > /dev/null
verilator_coverage -write "$B/merged_run.dat" "$B"/dat/cov_run_*.dat > /dev/null
rm -rf "$B/annotated"
verilator_coverage --annotate "$B/annotated" "$B/merged.dat" | tail -1
verilator_coverage -write-info "$B/coverage.info" "$B/merged.dat" > /dev/null
if command -v genhtml > /dev/null; then
  genhtml -q -o "$B/html" "$B/coverage.info" > "$B/genhtml.log" 2>&1 &&
    echo "[coverage] HTML report: $B/html/index.html" || echo "[coverage] genhtml failed: $B/genhtml.log"
fi
rc=0
echo "[coverage] functional coverage: the bins the harnesses counted ($B/functional.txt)"
python3 verif/coverage/func_report.py "$B/dat" --groups units,store,load,engine \
  > "$B/functional.txt" || rc=1
cat "$B/functional.txt"
echo "[coverage] code coverage per RTL module (a point is covered when any instance hit it):"
python3 verif/coverage/cov_report.py "$B/merged.dat" verif/coverage/waivers.txt \
  --toggle-from "$B/merged_run.dat" --uncovered "$B/uncovered.txt" > "$B/report.txt" || rc=1
cat "$B/report.txt"
echo "[coverage] every open point: $B/uncovered.txt; sources with counts: $B/annotated/"
[ "$status" = 0 ] || exit "$status"
exit "$rc"
