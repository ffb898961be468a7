// zcomp-bench-speed: Verilator simulation speed of the default
// configuration (N=16, EW=32, one compress and one expand unit), with and
// without the golden model in lockstep. Wall-clock figures: they vary with
// the machine, so compare them only on one machine.
#include <chrono>
#include <cstdio>

#include "Vtb_units_default.h"
#include "lockstep.hpp"

namespace {

struct Speed {
  double cycles_per_s;
  double vectors_per_s;
};

Speed measure(bool check_model) {
  zcomp::harness::LockstepOptions opt;
  opt.seed = 7;
  opt.vectors = 200000;
  opt.valid_rate = 1.0;
  opt.ready_rate = 1.0;
  opt.workload.sparsity = 0.6;
  opt.check_model = check_model;
  const auto t0 = std::chrono::steady_clock::now();
  const auto rep = zcomp::harness::UnitsLockstep<Vtb_units_default>::run(opt);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!rep.ok) std::printf("lockstep error: %s\n", rep.error.c_str());
  return {static_cast<double>(rep.cycles) / s, static_cast<double>(rep.stats[0].vectors_out) / s};
}

}  // namespace

int main() {
  const Speed without = measure(false);
  const Speed with = measure(true);
  std::printf("%-34s %14s %14s\n", "N=16 EW=32, 1 compress + 1 expand", "cycles/s", "vectors/s");
  std::printf("%-34s %14.0f %14.0f\n", "RTL + stimulus, no model", without.cycles_per_s,
              without.vectors_per_s);
  std::printf("%-34s %14.0f %14.0f\n", "RTL + golden model in lockstep", with.cycles_per_s,
              with.vectors_per_s);
  std::printf("lockstep cost: %.2fx the time of the run without the model\n",
              without.cycles_per_s / with.cycles_per_s);
  return 0;
}
