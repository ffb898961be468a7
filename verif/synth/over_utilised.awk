# over_utilised.awk: reads a nextpnr log and prints the first resource of its
# "Device utilisation" table that is used over 100 %, as
# "<resource> <used>/<available> (<n> %)"; prints nothing when all fit.
# fpga_flow.sh stops a place and route with it while nextpnr runs (the
# Gowin placer would grind on), and reads it again when nextpnr gave up by
# itself, so both say "does not fit" (route_stall_test checks it).
/Device utilisation/ { u = 1; next }
u && /%/ {
  n = $NF; sub(/%/, "", n); r = $2; sub(/:$/, "", r)
  if (n + 0 > 100) { print r " " $3 $4 " (" n " %)"; exit }
}
u && !/%/ { u = 0 }
