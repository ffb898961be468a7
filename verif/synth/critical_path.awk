# critical_path.awk: the first critical path in a nextpnr log
# (pnr_seed<N>.log of verif/synth/fpga_flow.sh), summed up in three lines:
# where it starts and ends, its length, and how much of it is logic (cells)
# and routing; the design's source lines that nextpnr names along it (its
# "Defined in" lines, in path order, each once: the cell names Yosys makes
# say little); and its longest routing hop.
# Usage: awk -f verif/synth/critical_path.awk build/fpga/<tag>/pnr_seed<N>.log
/Critical path report for clock/ && !done { p = 1; next }
p && /clk-to-q/ { from = $6; lc += $3; n++; tot = $4 }
p && /Info: +logic/ { lc += $3; n++; tot = $4 }
p && /Info: +routing/ {
  rt += $3; tot = $4
  if ($3 + 0 > hop + 0) { hop = $3; hopat = $(NF - 2) " -> " $NF }
}
p && /Sink/ { to = $3 }
p && /^Info: +(rtl|verif)\/[^ ]+\.sv:[0-9]+/ {
  src = $2; sub(/\.[0-9]+-.*$/, "", src); sub(/\.[0-9]+$/, "", src)
  if (!(src in seen)) { seen[src] = 1; srcs = srcs (srcs == "" ? "" : ", ") src }
}
p && (/cross-domain/ || /Max frequency/ || /Slack histogram/) {
  printf "%s -> %s: %.1f ns (%.1f ns in %d cells, %.1f ns routing)\n", from, to, tot, lc, n, rt
  printf "  source lines along it: %s\n", (srcs == "" ? "(none named)" : srcs)
  printf "  longest hop: %.2f ns, %s\n", hop, hopat
  p = 0; done = 1
}
