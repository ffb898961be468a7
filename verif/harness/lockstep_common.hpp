// What every lockstep harness shares: the options for seeds, traces and
// planted bugs; the mismatch record and how it is printed; the replay with
// an FST trace around the first mismatch; and the Verilator context set-up.
//
// A harness provides run_once(options) -> report, where the report has
// `std::optional<Mismatch> mismatch`, `std::string variant_desc` (set with
// the mismatch) and `std::string trace_file`. run_with_trace_replay() does
// the rest.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>
#if ZCOMP_COVERAGE
#include <verilated_cov.h>

#include <cstdlib>

#include "func_coverage.hpp"
#endif

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace zcomp::harness {

/// Options every lockstep harness takes.
struct CommonOptions {
  uint64_t seed = 1;
  /// How to replay this run, printed with a mismatch (e.g. the ZCOMP_SEED
  /// and gtest filter); empty prints the run's own seed only.
  std::string replay_hint;
  bool trace_on_mismatch = true;  ///< replay with a trace around a mismatch
  std::string trace_dir = ".";
  // Waveforms: dump cycles [trace_from, trace_to] into trace_path (FST).
  std::string trace_path;
  uint64_t trace_from = 0;
  uint64_t trace_to = UINT64_MAX;
  // The planted bug of each test top (see its header), to prove that the
  // checker can fail. What fault_cycle means is the harness's to say.
  int fault_variant = -1;  ///< the variant whose fault_i is raised
  uint64_t fault_cycle = 0;
  bool check_model = true;  ///< false: run without the cycle model (benchmark, check of a check)
  /// Seed of the random initial register values (--x-initial unique); the
  /// run's seed when unset. Varying it alone shows that no output depends
  /// on a register that reset leaves uninitialised.
  std::optional<uint64_t> x_seed;
};

/// The first difference between the RTL and a model (or a functional check).
struct Mismatch {
  uint64_t cycle = 0;
  unsigned variant = 0;
  std::string port;
  uint64_t expected = 0;
  uint64_t actual = 0;
};

inline void print_mismatch(const Mismatch& m, const std::string& variant_desc,
                           const CommonOptions& opt) {
  std::printf("[zcomp] LOCKSTEP MISMATCH at cycle %" PRIu64 "\n", m.cycle);
  std::printf("  variant : %u (%s)\n", m.variant, variant_desc.c_str());
  std::printf("  port    : %s\n", m.port.c_str());
  std::printf("  expected: 0x%" PRIx64 "\n", m.expected);
  std::printf("  actual  : 0x%" PRIx64 "\n", m.actual);
  std::printf("  seed    : %" PRIu64 "\n", opt.seed);
  if (!opt.replay_hint.empty()) std::printf("  replay  : %s\n", opt.replay_hint.c_str());
  std::fflush(stdout);
}

/// Runs run_once(opt). On a mismatch it prints it, runs the same options
/// again with an FST trace of the 64 cycles before the mismatch and 4 after,
/// and prints the gtkwave command that opens it.
template <class Opt, class RunOnce>
auto run_with_trace_replay(const Opt& opt, const std::string& name, RunOnce run_once) {
  auto rep = run_once(opt);
  if (!rep.mismatch) return rep;
  print_mismatch(*rep.mismatch, rep.variant_desc, opt);
  if (!opt.trace_on_mismatch || !opt.trace_path.empty()) return rep;
  Opt replay = opt;
  replay.trace_on_mismatch = false;
  std::filesystem::create_directories(opt.trace_dir);
  replay.trace_path = (std::filesystem::absolute(opt.trace_dir) /
                       (name + "_mismatch_" + std::to_string(opt.seed) + ".fst"))
                          .string();
  replay.trace_from = rep.mismatch->cycle > 64 ? rep.mismatch->cycle - 64 : 0;
  replay.trace_to = rep.mismatch->cycle + 4;
  run_once(replay);
  rep.trace_file = replay.trace_path;
  std::printf("  trace   : cycles %" PRIu64 "..%" PRIu64 " (time = 10 x cycle)\n",
              replay.trace_from, replay.trace_to);
  std::printf("  open it : gtkwave %s\n", rep.trace_file.c_str());
  std::fflush(stdout);
  return rep;
}

/// One Verilated context per model: random initial values seeded from the
/// test seed (--x-initial unique), tracing only when asked, assertion
/// failures reported to the harness instead of ending the process.
inline std::unique_ptr<VerilatedContext> make_context(uint64_t seed, bool tracing) {
  auto ctx = std::make_unique<VerilatedContext>();
  ctx->randReset(2);
  ctx->randSeed(static_cast<int>(seed & 0x7FFFFFFF));
  ctx->traceEverOn(tracing);
  ctx->fatalOnError(false);
  return ctx;
}

/// In a coverage build (`make coverage`, ZCOMP_COVERAGE): writes the model's
/// line and toggle counts so far to a file of their own under
/// $ZCOMP_COVERAGE_DIR (default "coverage"), cov_<kind>_<process>_<n>.dat.
/// Verilator reads the counts from the model itself, so the model must
/// still live. Does nothing in other builds.
inline void write_coverage([[maybe_unused]] VerilatedContext& ctx,
                           [[maybe_unused]] const std::string& kind) {
#if ZCOMP_COVERAGE
  const char* dir = std::getenv("ZCOMP_COVERAGE_DIR");
  const auto file = coverage_file(dir && *dir ? dir : "coverage", "cov_" + kind, ".dat");
  ctx.coveragep()->write(file.string().c_str());
#endif
}

/// The power-on reset is over: in a coverage build its counts go to a
/// "reset" file and are zeroed. A toggle then counts only when it happens in
/// operation: the random initial values of --x-initial unique would
/// otherwise make a constant bit look toggled. (make coverage takes the
/// line points from both files, the toggle points from the "run" files.)
inline void end_power_on_reset_coverage([[maybe_unused]] VerilatedContext& ctx) {
#if ZCOMP_COVERAGE
  write_coverage(ctx, "reset");
  ctx.coveragep()->zero();
#endif
}

/// Ends a model's run: its final blocks, and in a coverage build its counts
/// since the power-on reset written to a "run" file (write_coverage).
template <class VTop>
void finish_model(VerilatedContext& ctx, VTop& top) {
  top.final();
  write_coverage(ctx, "run");
}

/// `edges` rising clock edges with the inputs as they are (use with rst_ni low).
template <class VTop>
void clock_edges(VTop& top, int edges) {
  for (int k = 0; k < edges; ++k) {
    top.clk_i = 1;
    top.eval();
    top.clk_i = 0;
    top.eval();
  }
}

/// Opens the FST trace that opt asks for (trace_path), or returns null.
template <class VTop>
std::unique_ptr<VerilatedFstC> open_trace(VTop& top, const CommonOptions& opt) {
  if (opt.trace_path.empty()) return nullptr;
  auto tfp = std::make_unique<VerilatedFstC>();
  top.trace(tfp.get(), 99);
  tfp->open(opt.trace_path.c_str());
  return tfp;
}

/// A reset in the middle of a run: rst_ni low (the asynchronous reset acts at
/// once), `edges` rising clock edges with the inputs as they are, rst_ni high.
template <class VTop>
void pulse_reset(VTop& top, int edges) {
  top.rst_ni = 0;
  top.eval();
  clock_edges(top, edges);
  top.rst_ni = 1;
  top.eval();
}

/// Ends the power-on reset: three clock edges with rst_ni low and the inputs
/// idle, then rst_ni high. Only assertions after that count.
template <class VTop>
void release_reset(VerilatedContext& ctx, VTop& top) {
  clock_edges(top, 3);
  top.rst_ni = 1;
  ctx.gotError(false);
  ctx.gotFinish(false);
  end_power_on_reset_coverage(ctx);
}

/// What a harness plugs into run_cycles(), per variant of its test top.
struct CycleHooks {
  std::function<bool(unsigned)> finished;         ///< the variant is done
  std::function<void(uint64_t)> before;           ///< optional, once per cycle (e.g. a reset)
  std::function<void(unsigned, uint64_t)> drive;  ///< the variant's inputs, clock low
  /// Every port of the variant against its model (skipped without check_model).
  std::function<std::optional<Mismatch>(unsigned, uint64_t)> compare;
  /// Handshakes and functional checks of the variant; advances its models.
  std::function<std::optional<Mismatch>(unsigned, uint64_t)> account;
  std::function<void(uint64_t)> after;  ///< optional, once per cycle before the edge
};

struct CycleResult {
  uint64_t cycles = 0;
  std::optional<Mismatch> mismatch;
  bool hang = false;
};

/// The loop every harness runs over the `variants` of its test top. Each
/// cycle, with the clock low: drive the inputs, evaluate, compare every port
/// with the model, stop on an RTL assertion, then account for the
/// handshakes (which also advances the models), then the rising edge. It
/// stops when every variant is finished, at the first mismatch (after one
/// more half cycle, so that the trace shows it), or after max_cycles (a
/// hang). The cycles in [trace_from, trace_to] are dumped into tfp when
/// there is one.
template <class VTop>
CycleResult run_cycles(VerilatedContext& ctx, VTop& top, VerilatedFstC* tfp,
                       const CommonOptions& opt, unsigned variants, uint64_t max_cycles,
                       const CycleHooks& h) {
  CycleResult res;
  auto half = [&](uint64_t cycle, uint64_t time) {
    top.eval();
    if (tfp && cycle >= opt.trace_from && cycle <= opt.trace_to) tfp->dump(time);
  };
  for (uint64_t cycle = 0;; ++cycle) {
    res.cycles = cycle;
    bool done = true;
    for (unsigned i = 0; i < variants && done; ++i) done = h.finished(i);
    if (done) return res;
    if (cycle >= max_cycles) {
      res.hang = true;
      std::printf("[zcomp] HANG: not finished after %" PRIu64 " cycles\n", cycle);
      return res;
    }
    if (h.before) h.before(cycle);
    for (unsigned i = 0; i < variants; ++i) h.drive(i, cycle);
    half(cycle, 10 * cycle);
    if (opt.check_model) {
      for (unsigned i = 0; i < variants && !res.mismatch; ++i) res.mismatch = h.compare(i, cycle);
    }
    if (!res.mismatch && (ctx.gotError() || ctx.gotFinish()))
      res.mismatch = Mismatch{cycle, 0, "RTL assertion (message above)", 0, 1};
    for (unsigned i = 0; i < variants && !res.mismatch; ++i) res.mismatch = h.account(i, cycle);
    if (!res.mismatch && h.after) h.after(cycle);
    top.clk_i = 1;
    half(cycle, 10 * cycle + 5);
    if (res.mismatch) return res;
    top.clk_i = 0;
  }
}

}  // namespace zcomp::harness
