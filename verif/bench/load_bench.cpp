// zcomp-bench-load: vectors per cycle of the ZCOMPL load engine against its
// bound, for sparsity 0 % to 100 %, at an L1 latency of 1 and of 20 cycles.
//
// Workload: N=16/EW=32 streams of the given sparsity (CCF zero),
// interleaved layout, one long chained stream per run, P = 1 (the engine
// parses one operation per cycle), no backpressure. Variant 0 of
// tb_load_engine has an 8-line window; variant 4 a 32-line one, which lets
// more reads be in flight. Each run is checked in lockstep with the cycle
// model and every result against the memory image.
//
// achieved = operations / cycles from the first group taken to the last
// result taken. bound = min(1, LineBytes / average compressed bytes per
// vector): one operation per cycle, one line per cycle from the port.
#include <algorithm>
#include <cstdio>

#include "Vtb_load_engine.h"
#include "load_lockstep.hpp"

int main() {
  using zcomp::harness::LoadLockstep;
  using zcomp::harness::LoadOptions;
  bool all_ok = true;
  for (unsigned latency : {1u, 20u}) {
    std::printf("\nL1 latency %u cycles, MaxOutstanding 32, N=16 EW=32, 64-byte lines\n", latency);
    std::printf("%-7s %-9s %-12s %-10s %-8s %-8s\n", "window", "sparsity", "bytes/vector",
                "achieved", "bound", "ratio");
    for (int variant : {0, 4}) {
      for (int s = 0; s <= 100; s += 10) {
        LoadOptions opt;
        opt.seed = 2000 + s;
        opt.only_variant = variant;
        opt.ops = 3000;
        opt.max_stream = 3000;
        opt.sparsity = s / 100.0;
        opt.sep_rate = 0.0;
        opt.corrupt_rate = 0.0;
        opt.cut_rate = 0.0;
        opt.flush_rate = 0.0;
        opt.fence_rate = 0.0;
        opt.full_groups = true;
        opt.op_valid_rate = 1.0;
        opt.res_ready_rate = 1.0;
        opt.l1_ready_rate = 1.0;
        opt.l1_min_latency = latency;
        opt.l1_max_latency = latency;
        const auto rep = LoadLockstep<Vtb_load_engine>::run(opt);
        if (!rep.ok) {
          std::printf("lockstep failed: %s\n", rep.error.c_str());
          all_ok = false;
          continue;
        }
        const auto& st = rep.stats[variant];
        const double cycles = static_cast<double>(st.last_result - st.first_accept + 1);
        const double achieved = static_cast<double>(st.ops) / cycles;
        const double per_vec = static_cast<double>(st.bytes) / static_cast<double>(st.ok);
        const double bound = std::min(1.0, 64.0 / per_vec);
        std::printf("%-7u %-9d %-12.1f %-10.3f %-8.3f %-8.3f\n", rep.params[variant].window_lines,
                    s, per_vec, achieved, bound, achieved / bound);
      }
    }
  }
  return all_ok ? 0 : 1;
}
