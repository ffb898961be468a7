# critical_path.awk: one line summing up the first critical path in a
# nextpnr log (pnr_seed<N>.log of verif/synth/fpga_flow.sh): where it starts
# and ends, its length, and how much of it is logic (cells) and routing.
# Usage: awk -f verif/synth/critical_path.awk build/fpga/<tag>/pnr_seed<N>.log
/Critical path report for clock/ && !done { p = 1; next }
p && /clk-to-q/ { from = $6; lc += $3; n++; tot = $4 }
p && /Info: +logic/ { lc += $3; n++; tot = $4 }
p && /Info: +routing/ { rt += $3; tot = $4 }
p && /Sink/ { to = $3 }
p && (/cross-domain/ || /Max frequency/ || /Slack histogram/) { printf "%s -> %s: %.1f ns (%.1f ns in %d cells, %.1f ns routing)\n", from, to, tot, lc, n, rt; p = 0; done = 1 }
