#!/bin/sh
# make fpga-report: runs the FPGA flow (fpga_flow.sh) on every board and
# on the design variants, and writes the tables of docs/fpga.md between the
# markers "<!-- fpga-report begin -->" and "<!-- fpga-report end -->" (the
# text around them is kept). Each run's files stay in build/fpga/<tag>/.
#
# usage: fpga_report.sh <markdown file>
# Environment: MAIN_SEEDS, the placer seeds of the ULX3S main configuration
# (default "1 2 3": its synthesis takes about 23 minutes and each seed's place
# and route about 13 more on 2 cores); ENGINE_VARIANTS=1 adds whole self-test tops
# at P=2 and N=8 EW=16; ENGINES_ALONE=1 adds the engines without the self-test
# (zcomp_engine_top). Steps whose inputs did not change are reused
# (fpga_flow.sh), so a report that was stopped goes on where it was.
# Run it from the repo root.
set -u
DOC=${1:?usage: fpga_report.sh docs/fpga.md}
FLOW="sh verif/synth/fpga_flow.sh"
MAIN_SEEDS=${MAIN_SEEDS:-1 2 3}
T0=$(date +%s)
TABLES=$(mktemp)

get() { grep -E "^$2=" "build/fpga/$1/summary.txt" 2>/dev/null | tail -1 | cut -d= -f2-; }
# vectors/s and GB/s at Fmax: the engine moves P vectors per cycle at best
# (one group per cycle), each N*EW/8 bytes before compression.
rate() {  # fmax_mhz P N EW
  awk -v f="$1" -v p="$2" -v n="$3" -v ew="$4" 'BEGIN {
    if (f == "") { print "| - | -"; exit }
    v = f * 1e6 * p; printf "| %.0f M | %.2f", v / 1e6, v * n * ew / 8 / 1e9 }'
}

run() {  # tag board step "params"
  echo "[report] $1: $2 $3 $4"
  TAG=$1 PARAMS=$4 SEEDS=${SEEDS:-1} $FLOW "$2" "$3" > "build/fpga/$1.out" 2>&1
  tail -8 "build/fpga/$1.out" | sed 's/^/    /'
}

mkdir -p build/fpga

# ----------------------------------------------------------------- boards
SEEDS=$MAIN_SEEDS run ulx3s ulx3s fpga ""
run icebreaker icebreaker fpga ""
run icebreaker-engine icebreaker fpga "-G Engine=1"
run tangnano9k tangnano9k fpga ""
run tangnano9k-engine tangnano9k fpga "-G Engine=1"
run arty arty synth ""

{
  echo "### Boards"
  echo
  echo "| board (build folder) | device | configuration | logic (used / available) | FFs | BRAM | DSP | Fmax (MHz) | vectors/s at Fmax | GB/s in | result |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for b in ulx3s icebreaker icebreaker-engine tangnano9k tangnano9k-engine arty; do
    fam=$(get $b family)
    dev=$(grep -E "^NEXTPNR_ARGS" "constraints/$(get $b board)/board.conf" | cut -d'"' -f2)
    [ "$fam" = xilinx ] && dev="XC7A35T (synth_xilinx)"
    st=$(get $b status)
    # N, EW and P from the configuration text ("N=16 EW=32 P=1, ...").
    cfg=$(get $b config)
    n=$(echo "$cfg" | sed -E 's/.*N=([0-9]+).*/\1/'); ew=$(echo "$cfg" | sed -E 's/.*EW=([0-9]+).*/\1/')
    p=$(echo "$cfg" | sed -E 's/.*P=([0-9]+).*/\1/')
    if [ "$st" = "placed and routed" ]; then
      l=$(get $b luts | awk '{print $1 " / " $2}'); f=$(get $b ffs | awk '{print $1}')
      m=$(get $b brams | awk '{print $1}'); d=$(get $b dsps | awk '{print $1}')
      fm="$(get $b fmax_mhz) ($(get $b fmax_range)) $(rate "$(get $b fmax_mhz)" "$p" "$n" "$ew")"
      res="bitstream"
    else
      l="$(get $b yosys_luts) LUT (Yosys)"; f=$(get $b yosys_ffs)
      m=$(get $b yosys_brams); d=$(get $b yosys_dsps); fm="- | - | -"
      # nextpnr names the cell it could not place; the cell type is what ran out.
      res=$(echo "${st:-not run}" | sed -E "s/place and route failed: Unable to place cell .*no BELs remaining to implement cell type '([A-Za-z0-9_]+)'.*/does not fit: no \1 left (place and route)/")
    fi
    echo "| $b | $fam $dev | $cfg | $l | ${f:--} | ${m:--} | ${d:--} | $fm | $res |"
  done
  echo
} >> "$TABLES"

# -------------------------------------------------- engine variants (ULX3S)
# Each is a whole self-test top: about 20 minutes of synthesis (abc9) and
# as long again for place and route on 2 cores, so they run only with
# ENGINE_VARIANTS=1.
if [ "${ENGINE_VARIANTS:-0}" = 1 ]; then
  for v in "p2:-G P=2" "n8ew16:-G N=8 -G EW=16"; do
    run "ulx3s-${v%%:*}" ulx3s fpga "${v#*:}"
  done
  {
    echo "### Engine variants on the ULX3S (whole self-test top, one seed)"
    echo
    echo "| variant | N | EW | P | LUT4 + carry (TRELLIS_COMB) | FFs | BRAM | Fmax (MHz) | vectors/s at Fmax | GB/s in |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for t in "ulx3s:16:32:1" "ulx3s-p2:16:32:2" "ulx3s-n8ew16:8:16:1"; do
      IFS=: read -r tag n ew p <<EOF
$t
EOF
      if [ "$(get $tag status)" = "placed and routed" ]; then
        echo "| $tag | $n | $ew | $p | $(get $tag luts | awk '{print $1}') | $(get $tag ffs | awk '{print $1}') | $(get $tag brams | awk '{print $1}') | $(get $tag fmax_mhz) $(rate "$(get $tag fmax_mhz)" $p $n $ew) |"
      else
        echo "| $tag | $n | $ew | $p | $(get $tag status) | | | | | |"
      fi
    done
    echo
  } >> "$TABLES"
fi

# ------------------------------------------------ engines alone (ULX3S part)
# The ULX3S self-test's engine configuration without the self-test around it
# (rtl/fpga/zcomp_engine_top.sv): which engine sets the clock. About 50
# minutes for the five on 2 cores, so they run only with ENGINES_ALONE=1.
# engine:CompStages (0 store, 1 load, 2 both); the store engine also with
# register stages in front of its group register (CompStages).
ALONE="0:0 0:2 0:5 1:0 2:0"
atag() { if [ "$2" = 0 ]; then echo "engine-alone-$1"; else echo "engine-alone-$1-cs$2"; fi; }
if [ "${ENGINES_ALONE:-0}" = 1 ]; then
  for a in $ALONE; do
    e=${a%%:*}; cs=${a#*:}
    ep="-G Engine=$e"; [ "$cs" = 0 ] || ep="$ep -G CompStages=$cs"
    TOP_OVERRIDE=zcomp_engine_top run "$(atag "$e" "$cs")" ulx3s fpga "$ep"
  done
  {
    echo "### Engines alone (ECP5-85F, the ULX3S self-test's engine configuration)"
    echo
    echo "N=16 EW=32 P=1, 64-byte lines, 16-bit addresses, 4 requests in flight, 4-line"
    echo "windows; inputs from a shift register, outputs registered (zcomp_engine_top). One seed."
    echo "CompStages: the store engine's register stages in front of its group register."
    echo
    echo "| engine | CompStages | LUT4 + carry | FFs | Fmax (MHz) | vectors/s at Fmax | GB/s |"
    echo "|---|---|---|---|---|---|---|"
    for a in $ALONE; do
      e=${a%%:*}; cs=${a#*:}
      tag=$(atag "$e" "$cs")
      name=$(echo "zcomp_store_engine zcomp_load_engine zcomp_engine" | cut -d' ' -f$((e + 1)))
      [ "$e" = 1 ] && cs=-
      if [ "$(get $tag status)" = "placed and routed" ]; then
        echo "| $name | $cs | $(get $tag luts | awk '{print $1}') | $(get $tag ffs | awk '{print $1}') | $(get $tag fmax_mhz) $(rate "$(get $tag fmax_mhz)" 1 16 32) |"
      else
        echo "| $name | $cs | $(get $tag status) | | | | |"
      fi
    done
    echo
  } >> "$TABLES"
fi

# ----------------------------------------------- unit variants (ULX3S part)
# unit:N:EW:topology:network:stages
UNITS="compress:16:32:TopoRipple:NetMux:0 compress:16:32:TopoSklansky:NetMux:0
compress:16:32:TopoKoggeStone:NetMux:0 compress:16:32:TopoBrentKung:NetMux:0
compress:16:32:TopoSklansky:NetShift:0 compress:16:32:TopoSklansky:NetMux:4
expand:16:32:TopoSklansky:NetMux:0 compress:64:8:TopoSklansky:NetMux:0"
utag() { echo "unit-$1" | tr ':' '-'; }
for u in $UNITS; do
  IFS=: read -r un n ew topo net st <<EOF
$u
EOF
  uu=0; [ "$un" = expand ] && uu=1
  TOP_OVERRIDE=zcomp_unit_top run "$(utag "$u")" ulx3s fpga \
    "-G Unit=$uu -G N=$n -G EW=$ew -G Topology=zcomp_pkg::$topo -G Network=zcomp_pkg::$net -G Stages=$st"
done
{
  echo "### Compress and expand units alone (ECP5-85F, a register before and after the unit)"
  echo
  echo "Stages = registers inside the prefix sum (the unit's PrefixStages); each unit"
  echo "also has its output register. One seed."
  echo
  echo "| unit | N | EW | prefix-sum topology | network | Stages | LUT4 + carry | FFs | Fmax (MHz) | vectors/s at Fmax | GB/s |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for u in $UNITS; do
    IFS=: read -r un n ew topo net st <<EOF
$u
EOF
    tag=$(utag "$u")
    if [ "$(get $tag status)" = "placed and routed" ]; then
      echo "| $un | $n | $ew | $topo | $net | $st | $(get $tag luts | awk '{print $1}') | $(get $tag ffs | awk '{print $1}') | $(get $tag fmax_mhz) $(rate "$(get $tag fmax_mhz)" 1 $n $ew) |"
    else
      echo "| $un | $n | $ew | $topo | $net | $st | $(get $tag status) | | | | |"
    fi
  done
  echo
} >> "$TABLES"

T1=$(date +%s)
{
  echo "Written by \`make fpga-report\` (verif/synth/fpga_report.sh) on commit"
  echo "$(git rev-parse --short HEAD)$(git diff --quiet -- rtl constraints || echo ' plus uncommitted changes'), $(date -u +%Y-%m-%d), in $(( (T1 - T0) / 60 )) minutes on $(nproc) cores"
  echo "(a step reused from an earlier run of the same inputs, see fpga_flow.sh, takes no time here)."
  echo "Tools: $(.venv/bin/pip list 2>/dev/null | grep -E 'yowasp-(yosys|nextpnr-ecp5) ' | awk '{print $1 " " $2}' | tr '\n' ',' | sed 's/,$//; s/,/, /')."
  echo "Fmax is nextpnr's \"Max frequency for clock\" after routing"
  rs=$(get ulx3s routed_seeds); ss=$(get ulx3s stalled_seeds)
  echo "(placer seeds ${rs:-$MAIN_SEEDS} for the ULX3S main configuration, the median when there are several; one seed elsewhere${ss:+; the ULX3S routing with seeds $ss did not converge and was stopped, see ROUTE_STALL in fpga_flow.sh});"
  echo "vectors/s = P vectors per cycle at Fmax, GB/s = that times N*EW/8 bytes before compression (the bound, one group per cycle);"
  echo "nextpnr was given the target of constraints/<board>/board.conf with --timing-allow-fail."
  echo
  cat "$TABLES"
} > "$TABLES.all"

if grep -q "<!-- fpga-report begin -->" "$DOC" 2>/dev/null; then
  awk -v f="$TABLES.all" '
    /<!-- fpga-report begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
    /<!-- fpga-report end -->/ { skip = 0 }
    !skip { print }' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
else
  { echo "<!-- fpga-report begin -->"; cat "$TABLES.all"; echo "<!-- fpga-report end -->"; } >> "$DOC"
fi
rm -f "$TABLES" "$TABLES.all"
echo "[report] $DOC written ($(( (T1 - T0) / 60 )) minutes)"
