#!/bin/sh
# route_stall_test (ctest): the routing watchdog of fpga_flow.sh
# (route_stall.awk) on made-up router2 logs. A run whose lowest overuse is
# over 100 and lim iterations old must be reported, at exactly lim and not
# one iteration before; a run that keeps improving, or that sits at a few
# overused wires near the end, must not be. Also the utilisation check
# (over_utilised.awk): a resource over 100 % is named, 100 % fits.
# usage: route_stall_test.sh <scratch folder>
set -u
DIR=${1:?usage: route_stall_test.sh <scratch folder>}
AWK="awk -f verif/synth/route_stall.awk"
mkdir -p "$DIR"
fails=0
# log <file> <overused count per iteration...>
log() {
  f=$DIR/$1; shift
  { echo "Info: Running router2..."; i=0
    for o in "$@"; do i=$((i + 1))
      echo "Info:     iter=$i wires=$((700000 + i)) overused=$o overuse=$((o + 3)) archfail=NA"
    done; } > "$f"
}
expect() {  # <name> <lim> <log> <expected output ("" for none)>
  got=$($AWK -v lim="$2" "$DIR/$3")
  if [ "$got" = "$4" ]; then echo "ok   $1"; else
    echo "FAIL $1: got '$got', expected '$4'"; fails=$((fails + 1)); fi
}
rise=""; for k in $(seq 1 25); do rise="$rise $((1626 + 10 * k))"; done
# Falls to 1626 at iteration 5, then 25 iterations above it (the shape of
# seed 1 of the ULX3S top at 5ae71cd after the heap placer).
log diverge 60000 20000 5000 2500 1626 $rise
expect "a diverging run is stopped at lim" 25 diverge \
  "router2 at iteration 30, 1876 wires overused, lowest 1626 at iteration 5"
expect "...and not one iteration before" 26 diverge ""
expect "ROUTE_STALL larger than the gap" 40 diverge ""
# Improves every few iterations down to 0: never a stall.
log converge 60000 20000 5000 900 900 900 400 400 120 120 120 60 60 30 10 0
expect "a converging run goes on" 3 converge ""
# Sits at 5 overused wires for 40 iterations: normal near the end.
tail5=""; for k in $(seq 1 40); do tail5="$tail5 5"; done
log plateau 60000 5000 400 90 5 $tail5
expect "a few wires overused for long is not a stall" 25 plateau ""
# The lowest count must be over 100: 101 is, 100 is not.
hold101=""; hold100=""; for k in $(seq 1 30); do hold101="$hold101 150"; hold100="$hold100 150"; done
log at101 60000 101 $hold101
log at100 60000 100 $hold100
expect "lowest 101 counts" 25 at101 "router2 at iteration 32, 150 wires overused, lowest 101 at iteration 2"
expect "lowest 100 does not" 25 at100 ""
# No router2 lines (router1, or not routing yet): nothing.
echo "Info: Running router1..." > "$DIR/none"
expect "no router2 lines" 25 none ""

# The utilisation check (over_utilised.awk) on made-up utilisation tables.
util() {  # <file> <resource:used/available:percent...>
  f=$DIR/$1; shift
  { echo "Info: Device utilisation:"
    for r in "$@"; do IFS=: read -r name ua pct <<EOF2
$r
EOF2
      printf 'Info: \t%20s:   %s/   %s   %s%%\n' "$name" "${ua%/*}" "${ua#*/}" "$pct"
    done; echo ""; echo "Info: Placed 0 cells"; } > "$f"
}
expect_over() {  # <name> <log> <expected output>
  got=$(awk -f verif/synth/over_utilised.awk "$DIR/$2")
  if [ "$got" = "$3" ]; then echo "ok   $1"; else
    echo "FAIL $1: got '$got', expected '$3'"; fails=$((fails + 1)); fi
}
util full ICESTORM_LC:10743/5280:203 ICESTORM_RAM:8/30:26
expect_over "a resource over 100 % is named" full "ICESTORM_LC 10743/5280 (203 %)"
util later SB_IO:7/39:17 LUT4:9809/8640:113
expect_over "...wherever it is in the table" later "LUT4 9809/8640 (113 %)"
util fits ICESTORM_LC:5280/5280:100 ICESTORM_RAM:8/30:26
expect_over "exactly 100 % fits" fits ""
[ "$fails" = 0 ] && echo "route_stall_test: all passed" || { echo "route_stall_test: $fails failed"; exit 1; }
