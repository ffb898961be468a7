# used_sources.awk: of the SystemVerilog files given, the ones that the
# module `top` needs: the file that defines it and, over and over, every
# file defining a module or package whose name appears in a needed file
# (outside // comments). A name in a /* */ comment or a string counts too,
# so the list may hold a file too many, never one too few. Printed in the
# order given. When no file defines `top`, every file is printed.
# fpga_flow.sh hashes these files for its synthesis key, so that a change
# to a module leaves the steps of tops that do not use it up to date.
#
# usage: awk -v top=<module> -f verif/synth/used_sources.awk <files>
{
  if (!(FILENAME in seen)) { seen[FILENAME] = 1; order[++nf] = FILENAME }
  line = $0
  sub(/\/\/.*/, "", line)
  if (match(line, /^[ \t]*(module|package)[ \t]+[A-Za-z_][A-Za-z0-9_]*/)) {
    d = substr(line, RSTART, RLENGTH)
    sub(/^[ \t]*(module|package)[ \t]+/, "", d)
    if (!(d in def)) def[d] = FILENAME
  }
  gsub(/[^A-Za-z0-9_]/, " ", line)
  n = split(line, w, " ")
  for (i = 1; i <= n; i++) words[FILENAME, w[i]] = 1
}
END {
  if (!(top in def)) { for (i = 1; i <= nf; i++) print order[i]; exit }
  need[def[top]] = 1
  changed = 1
  while (changed) {
    changed = 0
    for (name in def) {
      f = def[name]
      if (f in need) continue
      for (g in need) if ((g, name) in words) { need[f] = 1; changed = 1; break }
    }
  }
  for (i = 1; i <= nf; i++) if (order[i] in need) print order[i]
}
