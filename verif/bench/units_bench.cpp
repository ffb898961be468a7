// zcomp-bench-units: throughput and latency of every tb_units variant,
// measured on the RTL in lockstep with the model, with valid and ready held
// high (no backpressure).
//
// vectors/cycle = (vectors - 1) / (last output cycle - first output cycle),
// for the compress and the expand unit separately; it must print 1.00 for
// every unit. Latency = first output cycle - first input cycle. "levels" is
// the adder depth of the prefix-sum topology (docs/microarchitecture.md): it
// sets the combinational depth, while the latency is set by the registers.
#include <cstdio>

#include "Vtb_units.h"
#include "lockstep.hpp"

namespace {

unsigned prefix_levels(unsigned topology, unsigned lanes) {
  unsigned lg = 0;
  while ((1u << lg) < lanes) ++lg;
  switch (topology) {
    case 0:
      return lanes - 1;  // ripple
    case 1:
      return lg;  // Sklansky
    case 2:
      return lg;  // Kogge-Stone
    case 3:
      return lg == 0 ? 0 : 2 * lg - 1;  // Brent-Kung
    default:
      return 0;
  }
}

double per_cycle(uint64_t n, uint64_t first, uint64_t last) {
  return last > first ? static_cast<double>(n - 1) / static_cast<double>(last - first) : 0.0;
}

}  // namespace

int main() {
  zcomp::harness::LockstepOptions opt;
  opt.seed = 1;
  opt.vectors = 2000;
  opt.valid_rate = 1.0;
  opt.ready_rate = 1.0;
  opt.workload.sparsity = 0.5;
  const auto rep = zcomp::harness::UnitsLockstep<Vtb_units>::run(opt);
  std::printf("%-3s %-76s %6s  %10s %5s  %10s %5s\n", "#", "variant", "levels", "compress", "lat",
              "expand", "lat");
  std::printf("%-3s %-76s %6s  %10s %5s  %10s %5s\n", "", "", "", "vec/cycle", "", "vec/cycle", "");
  for (std::size_t v = 0; v < rep.variants.size(); ++v) {
    const auto& s = rep.stats[v];
    const auto& cfg = rep.variants[v];
    std::printf("%-3zu %-76s %6u  %10.2f %5llu  %10.2f %5llu\n", v, cfg.name().c_str(),
                prefix_levels(cfg.topology, cfg.fmt.lanes),
                per_cycle(s.vectors_out, s.first_out_cycle, s.last_out_cycle),
                static_cast<unsigned long long>(s.first_out_cycle - s.first_in_cycle),
                per_cycle(s.expanded, s.e_first_out_cycle, s.e_last_out_cycle),
                static_cast<unsigned long long>(s.e_first_out_cycle - s.e_first_in_cycle));
  }
  std::printf("lockstep: %s\n", rep.ok ? "no mismatch" : rep.error.c_str());
  return rep.ok ? 0 : 1;
}
