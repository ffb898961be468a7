# Whether a router2 run has stalled: read by verif/synth/fpga_flow.sh on the
# nextpnr log while it routes, and tested by route_stall_test.sh.
# router2 prints a line per iteration: "iter=<i> wires=<w> overused=<o> ...".
# The run has stalled when its lowest overused count is over 100 and was
# reached `lim` or more iterations ago (a handful of wires left overused for
# a while is normal near the end and does not count). Prints one line saying
# so, or nothing.
# usage: awk -v lim=<iterations> -f route_stall.awk <log>
/ iter=[0-9]+ wires=/ {
  seen = 0
  for (k = 1; k <= NF; k++) {
    if ($k ~ /^iter=/) i = substr($k, 6) + 0
    if ($k ~ /^overused=/ && !seen) { seen = 1; v = substr($k, 10) + 0 }
  }
  if (best == "" || v < best) { best = v; at = i }
}
END {
  if (best != "" && best > 100 && i - at >= lim)
    print "router2 at iteration " i ", " v " wires overused, lowest " best " at iteration " at
}
