#!/bin/sh
# used_sources_test (ctest): the synthesis key's source list of
# fpga_flow.sh (used_sources.awk) on the repo's own sources and on made-up
# files. A top must get every file it reaches (through modules and
# packages, however deep) and none of the tops beside it; a name in a //
# comment is not a use; an unknown top gets every file.
# usage: used_sources_test.sh <scratch folder>
set -u
DIR=${1:?usage: used_sources_test.sh <scratch folder>}
AWK="awk -f verif/synth/used_sources.awk"
SRC="$(cat rtl/sources.f rtl/fpga/sources.f)"
mkdir -p "$DIR"
fails=0
has() {  # <name> <top> <file> yes|no [files...]
  name=$1 top=$2 file=$3 want=$4; shift 4
  if $AWK -v top="$top" "$@" | grep -qx "$file"; then got=yes; else got=no; fi
  if [ "$got" = "$want" ]; then echo "ok   $name"; else
    echo "FAIL $name: $file in the list of $top: $got, expected $want"; fails=$((fails + 1)); fi
}
# The repo's own tops.
has "units alone need the compress unit" zcomp_unit_top rtl/zcomp_compress.sv yes $SRC
has "units alone need the package" zcomp_unit_top rtl/zcomp_pkg.sv yes $SRC
has "units alone need the prefix sum (two levels down)" zcomp_unit_top rtl/zcomp_prefix_sum.sv yes $SRC
has "units alone do not need the load engine" zcomp_unit_top rtl/zcomp_load_engine.sv no $SRC
has "units alone do not need a board top" zcomp_unit_top rtl/fpga/board_ulx3s.sv no $SRC
has "the ULX3S top needs the load engine" board_ulx3s rtl/zcomp_load_engine.sv yes $SRC
has "the ULX3S top needs the fault synchronizer" board_ulx3s rtl/fpga/zcomp_sync.sv yes $SRC
has "the ULX3S top does not need another board's top" board_ulx3s rtl/fpga/board_arty.sv no $SRC
has "the ULX3S top does not need the units-alone self-test" board_ulx3s rtl/fpga/zcomp_unit_selftest.sv no $SRC
has "the iCEBreaker top needs both self-tests" board_icebreaker rtl/fpga/zcomp_unit_selftest.sv yes $SRC
# Made-up files: a comment is not a use; an unknown top gets everything.
printf 'module a;\n  b u_b ();\nendmodule\n' > "$DIR/a.sv"
printf 'module b;\n  // c is not used here\nendmodule\n' > "$DIR/b.sv"
printf 'module c;\nendmodule\n' > "$DIR/c.sv"
has "a needs b" a "$DIR/b.sv" yes "$DIR/a.sv" "$DIR/b.sv" "$DIR/c.sv"
has "a name in a // comment is not a use" a "$DIR/c.sv" no "$DIR/a.sv" "$DIR/b.sv" "$DIR/c.sv"
has "an unknown top gets every file" nothing "$DIR/c.sv" yes "$DIR/a.sv" "$DIR/b.sv" "$DIR/c.sv"
[ "$fails" = 0 ] && echo "used_sources_test: all passed" || echo "used_sources_test: $fails failed"
exit "$fails"
