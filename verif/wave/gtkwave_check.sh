#!/bin/sh
# GTKWave check: opens a zcomp-sim trace with its generated save file in a
# real GTKWave under a virtual X server (Xvfb), and fails unless GTKWave
# loads it and keeps running (no "Could not", "Error" or exit), and the
# screen shows a drawn waveform (many colours, not a blank window).
# It first checks itself: a trace that does not exist must fail.
#
# usage: gtkwave_check.sh <zcomp-sim> <work dir> [screenshot.png]
# With a third argument it also keeps the screenshot (docs/img/waveform.png
# is made this way by `make wave-screenshot`).
set -eu
SIM=$1
WORK=$2
SHOT=${3:-}
for tool in gtkwave Xvfb import identify; do
  command -v "$tool" > /dev/null || { echo "[wave] $tool not found: run 'make deps'"; exit 1; }
done
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# A free display number.
disp=99
while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1600x900x24 > "$WORK/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2> /dev/null || true' EXIT
sleep 1

# open <fst> <gtkw> <png>: 0 when GTKWave showed the trace.
open_in_gtkwave() {
  DISPLAY=":$disp" gtkwave "$1" "$2" > "$WORK/gtkwave.log" 2>&1 &
  pid=$!
  sleep 6
  if ! kill -0 "$pid" 2> /dev/null; then
    echo "[wave] GTKWave exited while loading $1:"; cat "$WORK/gtkwave.log"; return 1
  fi
  DISPLAY=":$disp" import -window root "$3"
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  if grep -qiE "could not|error|cannot" "$WORK/gtkwave.log"; then
    echo "[wave] GTKWave reported a problem:"; cat "$WORK/gtkwave.log"; return 1
  fi
  colours=$(identify -format "%k" "$3")
  if [ "$colours" -lt 50 ]; then
    echo "[wave] the screen has $colours colours: no waveform was drawn"; return 1
  fi
  echo "[wave] GTKWave loaded $(basename "$1") with $(basename "$2"): $colours colours on screen"
}

# Self-test: a trace that does not exist must fail.
if open_in_gtkwave "$WORK/absent.fst" "$WORK/absent.gtkw" "$WORK/absent.png" > /dev/null 2>&1; then
  echo "[wave] self-test FAILED: a missing trace was reported as loaded"; exit 1
fi
echo "[wave] self-test: a missing trace is rejected"

"$SIM" --vectors 200 --latency 8 --trace "$WORK/wave.fst" --trace-window 0:400 > "$WORK/sim.log"
open_in_gtkwave "$WORK/wave.store.fst" "$WORK/wave.store.gtkw" "$WORK/store.png"
open_in_gtkwave "$WORK/wave.load.fst" "$WORK/wave.load.gtkw" "$WORK/load.png"
cp "$WORK/store.png" "$WORK/store-fst.png"
# VCD: converted from the FST by fst2vcd, opened the same way.
"$SIM" --vectors 100 --trace "$WORK/wave.vcd" --trace-window 0:200 > "$WORK/sim-vcd.log"
open_in_gtkwave "$WORK/wave.store.vcd" "$WORK/wave.store.gtkw" "$WORK/store-vcd.png"
if [ -n "$SHOT" ]; then
  cp "$WORK/store-fst.png" "$SHOT"
  echo "[wave] screenshot: $SHOT"
fi
