// Lockstep regression of the combined engine (zcomp_engine: ZCOMPS, ZCOMPL
// and FENCE in one stream): the three variants of tb_engine against the
// cycle model on every port and every cycle, every result against the
// program run one operation at a time in program order, and the final
// memory against that program's image.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "Vtb_engine.h"
#include "engine_lockstep.hpp"
#include "test_options.hpp"

namespace zcomp {
namespace {

using harness::EngineReport;
using harness::EngineRunOptions;
using Lockstep = harness::EngineLockstep<Vtb_engine>;

EngineRunOptions base_options() {
  return test::options_for_this_test<EngineRunOptions>("engine_test");
}

void print_stats(const EngineReport& rep) {
  for (std::size_t v = 0; v < rep.stats.size(); ++v) {
    const auto& s = rep.stats[v];
    std::printf(
        "[zcomp] variant %zu: %llu ZCOMPS, %llu ZCOMPL, %llu FENCE, %llu switches, errors oob "
        "%llu l1 %llu malformed %llu, %llu writes, %llu reads\n",
        v, static_cast<unsigned long long>(s.stores), static_cast<unsigned long long>(s.loads),
        static_cast<unsigned long long>(s.fences), static_cast<unsigned long long>(s.switches),
        static_cast<unsigned long long>(s.err[1]), static_cast<unsigned long long>(s.err[2]),
        static_cast<unsigned long long>(s.err[3]), static_cast<unsigned long long>(s.writes),
        static_cast<unsigned long long>(s.reads));
  }
}

struct Point {
  int sparsity_pct;  ///< < 0: random per stream
  unsigned latency;
  double ready;
};

void PrintTo(const Point& p, std::ostream* os) {
  *os << "sparsity " << p.sparsity_pct << "% latency " << p.latency << " ready " << p.ready;
}

class EngineSweep : public ::testing::TestWithParam<Point> {};

// Mixed programs: stores, loads back, overwrites and loads again, loads from
// random places, loads chained straight after stores, fences.
TEST_P(EngineSweep, ProgramOrderAndLockstep) {
  EngineRunOptions opt = base_options();
  opt.sparsity = GetParam().sparsity_pct < 0 ? -1.0 : GetParam().sparsity_pct / 100.0;
  opt.l1_max_latency = GetParam().latency;
  opt.l1_ready_rate = GetParam().ready;
  opt.res_ready_rate = GetParam().ready;
  const EngineReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
  for (const auto& s : rep.stats) {
    EXPECT_GT(s.stores, 0u);
    EXPECT_GT(s.loads, 0u);
    EXPECT_GT(s.switches, 10u);
  }
}

std::vector<Point> points() {
  return {{-1, 0, 1.0}, {-1, 8, 0.9}, {-1, 32, 0.6}, {0, 4, 0.9}, {50, 20, 0.8}, {100, 1, 0.9}};
}

INSTANTIATE_TEST_SUITE_P(Engine, EngineSweep, ::testing::ValuesIn(points()),
                         [](const ::testing::TestParamInfo<Point>& info) {
                           const Point& p = info.param;
                           return (p.sparsity_pct < 0 ? std::string("mixed")
                                                      : std::to_string(p.sparsity_pct) + "pct") +
                                  "_lat" + std::to_string(p.latency) + "_ready" +
                                  std::to_string(static_cast<int>(p.ready * 100));
                         });

// Every group holds P operations, so most of them mix loads and stores.
TEST(EngineOrder, FullGroupsMixTheKinds) {
  EngineRunOptions opt = base_options();
  opt.full_groups = true;
  opt.max_stream = 3;
  const EngineReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
}

// Results taken rarely while full groups alternate the kinds: runs pile up
// until the queue of runs sent and not yet answered is full (f_room low).
TEST(EngineOrder, FullGroupsUnderResultBackpressure) {
  EngineRunOptions opt = base_options();
  opt.full_groups = true;
  opt.max_stream = 1;
  opt.res_ready_rate = 0.05;
  const EngineReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
}

// L1 error responses: error results, FENCE reports the write errors, and the
// engine goes on (checked by the cycle model). Runs `opt` with the given
// error and FENCE rates and expects some L1 error results.
void expect_l1_error_results(EngineRunOptions opt, double error_rate, double fence_rate) {
  opt.l1_error_rate = error_rate;
  opt.fence_rate = fence_rate;
  const EngineReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  uint64_t l1 = 0;
  for (const auto& s : rep.stats) l1 += s.err[2];
  EXPECT_GT(l1, 0u);
}

TEST(EngineFaults, L1ErrorsBecomeErrorResults) {
  expect_l1_error_results(base_options(), 0.02, 0.1);
}

// The same with full groups and many FENCEs, so that a write error reaches a
// FENCE in every slot of the P = 4 engine, the last included.
TEST(EngineFaults, L1ErrorsReachFencesInEverySlot) {
  EngineRunOptions opt = base_options();
  opt.full_groups = true;
  expect_l1_error_results(opt, 0.05, 0.3);
}

// Reset at random cycles, in either phase: afterwards every port matches the
// model from the first cycle.
TEST(EngineFaults, ResetInTheMiddleOfTraffic) {
  EngineRunOptions opt = base_options();
  opt.reset_rate = 0.002;
  opt.ops = 1500;
  const EngineReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  EXPECT_GT(rep.stats[0].resets, 0u);
}

// The planted bug: a request address one line off from cycle 300 on must be
// caught on req_addr_o, with a trace.
TEST(EngineChecker, CatchesABrokenPointer) {
  EngineRunOptions opt = base_options();
  opt.fault_variant = 0;
  opt.fault_cycle = 300;
  opt.l1_ready_rate = 1.0;
  const EngineReport rep = Lockstep::run(opt);
  ASSERT_FALSE(rep.ok);
  ASSERT_TRUE(rep.mismatch.has_value());
  EXPECT_EQ(rep.mismatch->variant, 0u);
  EXPECT_EQ(rep.mismatch->port, "req_addr_o");
  EXPECT_EQ(rep.mismatch->actual - rep.mismatch->expected, 64u);
  EXPECT_GE(rep.mismatch->cycle, 300u);
  ASSERT_FALSE(rep.trace_file.empty());
  EXPECT_TRUE(std::filesystem::exists(rep.trace_file));
}

// Without the cycle model the program-order checks catch it too.
TEST(EngineChecker, ProgramOrderChecksCatchItToo) {
  EngineRunOptions opt = base_options();
  opt.fault_variant = 1;
  opt.fault_cycle = 0;
  opt.check_model = false;
  const EngineReport rep = Lockstep::run(opt);
  ASSERT_FALSE(rep.ok);
  if (rep.mismatch) {
    EXPECT_EQ(rep.mismatch->variant, 1u);
    EXPECT_EQ(rep.mismatch->port.rfind("functional:", 0), 0u) << rep.mismatch->port;
  } else {
    EXPECT_NE(rep.error.find("variant 1"), std::string::npos) << rep.error;
  }
}

// X robustness: the same program under five seeds of the random initial
// register values (--x-initial unique). Every run must match the model from
// the first cycle after reset, so all five behave the same.
TEST(EngineXSeeds, SameRunUnderFiveInitialValueSeeds) {
  EngineRunOptions opt = base_options();
  opt.ops = 400;
  std::optional<EngineReport> first;
  for (uint64_t x : {1u, 2u, 3u, 0x5EEDu, 0xFFFFu}) {
    opt.x_seed = x;
    const EngineReport rep = Lockstep::run(opt);
    ASSERT_TRUE(rep.ok) << "x seed " << x << ": " << rep.error;
    if (!first) {
      first = rep;
      continue;
    }
    EXPECT_EQ(rep.cycles, first->cycles) << "x seed " << x;
    for (std::size_t v = 0; v < rep.stats.size(); ++v) {
      EXPECT_EQ(rep.stats[v].reads, first->stats[v].reads) << "x seed " << x;
      EXPECT_EQ(rep.stats[v].writes, first->stats[v].writes) << "x seed " << x;
    }
  }
}

TEST(EngineReplay, SameSeedSameRun) {
  EngineRunOptions opt = base_options();
  opt.ops = 200;
  const EngineReport a = Lockstep::run(opt);
  const EngineReport b = Lockstep::run(opt);
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.cycles, b.cycles);
  for (std::size_t v = 0; v < a.stats.size(); ++v) {
    EXPECT_EQ(a.stats[v].reads, b.stats[v].reads);
    EXPECT_EQ(a.stats[v].writes, b.stats[v].writes);
  }
}

}  // namespace
}  // namespace zcomp
