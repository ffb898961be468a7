// zcomp-bench-units: throughput and latency of every tb_units variant,
// measured on the RTL with valid and ready held high (no backpressure).
//
// vectors/cycle = (vectors - 1) / (last output cycle - first output cycle);
// it must print 1.00 for every unit. Latency = first output cycle - first
// input cycle.
#include <cstdio>

#include "Vtb_units.h"
#include "lockstep.hpp"

int main() {
  zcomp::harness::LockstepOptions opt;
  opt.seed = 1;
  opt.vectors = 2000;
  opt.valid_rate = 1.0;
  opt.ready_rate = 1.0;
  opt.workload.sparsity = 0.5;
  const auto rep = zcomp::harness::UnitsLockstep<Vtb_units>::run(opt);
  std::printf("%-3s %-72s %13s %8s\n", "#", "variant", "vectors/cycle", "latency");
  for (std::size_t v = 0; v < rep.variants.size(); ++v) {
    const auto& s = rep.stats[v];
    const double vpc = static_cast<double>(s.vectors_out - 1) /
                       static_cast<double>(s.last_out_cycle - s.first_out_cycle);
    std::printf("%-3zu %-72s %13.2f %8llu\n", v, rep.variants[v].name().c_str(), vpc,
                static_cast<unsigned long long>(s.first_out_cycle - s.first_in_cycle));
  }
  std::printf("lockstep: %s\n", rep.ok ? "no mismatch" : rep.error.c_str());
  return rep.ok ? 0 : 1;
}
