// zcomp-bench-store: vectors per cycle of the ZCOMPS store engine against
// its bound, for sparsity 0 % to 100 %, P = 1, 2, 4, with the L1 port at 64
// bytes and at 64*P bytes, and an L1 latency of 1 and of 20 cycles.
//
// Workload: N=16/EW=32 vectors with the given fraction of zero lanes (CCF
// zero), all operations chained, interleaved layout, full groups of P, no
// backpressure. Each run checks the engine in lockstep with the cycle model
// and the memory image against the golden encoder.
//
// The P = 1 and P = 2 (64-byte) rows have register stages in front of the
// group register (CompStages 2 and 3, tb_store_engine's table): they cost
// latency, not throughput, so their ratios should match the others'.
//
// achieved = ZCOMPS operations / cycles from the first accepted group to
// the last line write taken by the L1 port. bound = min(P, LineBytes / average compressed bytes per
// vector, header included): the engine takes at most P vectors per cycle, and the port writes at
// most one line per cycle.
#include <algorithm>
#include <cstdio>

#include "Vtb_store_engine.h"
#include "store_lockstep.hpp"

int main() {
  using zcomp::harness::StoreLockstep;
  using zcomp::harness::StoreOptions;
  // Variants of tb_store_engine: P and line bytes.
  struct Row {
    int variant;
    unsigned p;
    unsigned line;
  };
  const Row rows[] = {{4, 1, 64}, {2, 2, 64}, {3, 2, 128}, {0, 4, 64}, {1, 4, 256}};
  bool all_ok = true;
  for (unsigned latency : {1u, 20u}) {
    std::printf("\nL1 latency %u cycles, MaxOutstanding 32\n", latency);
    std::printf("%-3s %-6s %-7s %-9s %-12s %-10s %-8s %-8s\n", "P", "line", "stages", "sparsity",
                "bytes/vector", "achieved", "bound", "ratio");
    for (const Row& r : rows) {
      for (int s = 0; s <= 100; s += 10) {
        StoreOptions opt;
        opt.seed = 1000 + s;
        opt.only_variant = r.variant;
        opt.groups = 3000 / r.p;  // 3,000 vectors: the fill and drain cycles weigh little
        opt.sparsity = s / 100.0;
        opt.full_groups = true;
        opt.lossless_only = true;
        opt.chain_rate = 1.0;
        opt.fence_rate = 0.0;
        opt.oob_rate = 0.0;
        opt.sep_rate = 0.0;
        opt.op_valid_rate = 1.0;
        opt.res_ready_rate = 1.0;
        opt.l1_ready_rate = 1.0;
        opt.l1_min_latency = latency;
        opt.l1_max_latency = latency;
        const auto rep = StoreLockstep<Vtb_store_engine>::run(opt);
        if (!rep.ok) {
          std::printf("lockstep failed: %s\n", rep.error.c_str());
          all_ok = false;
          continue;
        }
        const auto& st = rep.stats[r.variant];
        // From the first group taken to the last line sent (the final FENCE
        // flushes the last partial line), so that bytes still sitting in
        // the buffer are not counted as moved.
        const double cycles = static_cast<double>(st.last_request - st.first_accept + 1);
        const double achieved = static_cast<double>(st.ops) / cycles;
        const double per_vec = static_cast<double>(st.bytes) / static_cast<double>(st.ops);
        const double bound = std::min<double>(r.p, r.line / per_vec);
        std::printf("%-3u %-6u %-7u %-9d %-12.1f %-10.2f %-8.2f %-8.3f\n", r.p, r.line,
                    rep.params[r.variant].comp_stages, s, per_vec, achieved, bound,
                    achieved / bound);
      }
    }
  }
  return all_ok ? 0 : 1;
}
