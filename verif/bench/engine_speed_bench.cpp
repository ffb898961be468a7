// zcomp-bench-engine-speed: Verilator simulation speed of the whole engine
// (zcomp_engine: store engine, load engine and dispatcher on one L1 port;
// N=16, EW=32, P=1, the single-engine model Vtb_engine_speed) with and
// without its cycle model in lockstep. The program is the regression's:
// stores, loads back, overwrites, FENCEs, in one stream, no backpressure,
// L1 latency 4. Wall-clock figures: compare them only on one machine.
#include <chrono>
#include <cstdio>

#include "Vtb_engine_speed.h"
#include "engine_lockstep.hpp"

namespace {

struct Speed {
  double cycles_per_s;
  double ops_per_s;
  uint64_t cycles;
};

Speed measure(bool check_model) {
  zcomp::harness::EngineRunOptions opt;
  opt.seed = 11;
  opt.ops = 40000;
  opt.op_valid_rate = 1.0;
  opt.res_ready_rate = 1.0;
  opt.l1_ready_rate = 1.0;
  opt.l1_min_latency = opt.l1_max_latency = 4;
  opt.check_model = check_model;
  const auto t0 = std::chrono::steady_clock::now();
  const auto rep = zcomp::harness::EngineLockstep<Vtb_engine_speed>::run(opt);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!rep.ok) std::printf("lockstep error: %s\n", rep.error.c_str());
  const auto& st = rep.stats.at(0);
  const double ops = static_cast<double>(st.stores + st.loads + st.fences);
  return {static_cast<double>(rep.cycles) / s, ops / s, rep.cycles};
}

}  // namespace

int main() {
  const Speed without = measure(false);
  const Speed with = measure(true);
  std::printf("%-40s %12s %14s\n", "zcomp_engine N=16 EW=32 P=1", "cycles/s", "operations/s");
  std::printf("%-40s %12.0f %14.0f\n", "RTL + stimulus + L1 model, no model", without.cycles_per_s,
              without.ops_per_s);
  std::printf("%-40s %12.0f %14.0f\n", "RTL + cycle model in lockstep", with.cycles_per_s,
              with.ops_per_s);
  std::printf("lockstep cost: %.2fx the time of the run without the model (%llu cycles)\n",
              without.cycles_per_s / with.cycles_per_s,
              static_cast<unsigned long long>(with.cycles));
  return 0;
}
