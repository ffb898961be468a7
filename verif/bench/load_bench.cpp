// zcomp-bench-load: vectors per cycle of the ZCOMPL load engine against its
// bound, for sparsity 0 % to 100 %, P = 1, 2, 4, with the L1 port at 64
// bytes and at 64*P bytes, and an L1 latency of 1 and of 20 cycles. A last
// table shows what a shallow window (8 lines) costs at latency 20.
//
// Workload: N=16/EW=32 streams of the given sparsity (CCF zero),
// interleaved layout, one long chained stream per run, full groups of P, no
// backpressure. Each run is checked in lockstep with the cycle model and
// every result against the memory image.
//
// achieved = operations / cycles from the first group taken to the last
// result taken. bound = min(P, LineBytes / average compressed bytes per
// vector): at most P operations per cycle, one line per cycle from the port.
#include <algorithm>
#include <cstdio>

#include "Vtb_load_engine.h"
#include "load_lockstep.hpp"

namespace {

struct Row {
  int variant;  ///< of tb_load_engine
  unsigned p;
  unsigned line;
  unsigned window;
};

bool run_table(unsigned latency, const Row* rows, std::size_t n) {
  using zcomp::harness::LoadLockstep;
  using zcomp::harness::LoadOptions;
  bool all_ok = true;
  std::printf("\nL1 latency %u cycles, MaxOutstanding 32, N=16 EW=32\n", latency);
  std::printf("%-3s %-6s %-7s %-9s %-12s %-10s %-8s %-8s\n", "P", "line", "window", "sparsity",
              "bytes/vector", "achieved", "bound", "ratio");
  for (std::size_t i = 0; i < n; ++i) {
    const Row& r = rows[i];
    for (int s = 0; s <= 100; s += 10) {
      LoadOptions opt;
      opt.seed = 2000 + s;
      opt.only_variant = r.variant;
      opt.ops = 3000;
      opt.max_stream = 3000;
      opt.fixed_stream = true;
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
      const auto& st = rep.stats[r.variant];
      const double cycles = static_cast<double>(st.last_result - st.first_accept + 1);
      const double achieved = static_cast<double>(st.ops) / cycles;
      const double per_vec = static_cast<double>(st.bytes) / static_cast<double>(st.ok);
      const double bound = std::min(static_cast<double>(r.p), r.line / per_vec);
      std::printf("%-3u %-6u %-7u %-9d %-12.1f %-10.2f %-8.2f %-8.3f\n", r.p, r.line, r.window, s,
                  per_vec, achieved, bound, achieved / bound);
    }
  }
  return all_ok;
}

}  // namespace

int main() {
  const Row rows[] = {
      {4, 1, 64, 32}, {5, 2, 64, 32}, {7, 2, 128, 32}, {6, 4, 64, 32}, {8, 4, 256, 32}};
  const Row shallow[] = {{0, 1, 64, 8}};
  bool ok = true;
  for (unsigned latency : {1u, 20u}) ok = run_table(latency, rows, std::size(rows)) && ok;
  ok = run_table(20, shallow, std::size(shallow)) && ok;
  return ok ? 0 : 1;
}
