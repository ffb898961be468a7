// Lockstep regression of the ZCOMPL load engine (zcomp_load_engine): the
// five variants of tb_load_engine against the cycle model on every port and
// every cycle, and every result against load_effect() on the memory image.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "Vtb_load_engine.h"
#include "load_lockstep.hpp"
#include "test_options.hpp"

namespace zcomp {
namespace {

using harness::LoadOptions;
using harness::LoadReport;
using Lockstep = harness::LoadLockstep<Vtb_load_engine>;

LoadOptions base_options() { return test::options_for_this_test<LoadOptions>("load_engine_test"); }

void print_stats(const LoadReport& rep) {
  for (std::size_t v = 0; v < rep.stats.size(); ++v) {
    const auto& s = rep.stats[v];
    std::printf(
        "[zcomp] variant %zu: %llu ZCOMPL, %llu ok, errors oob %llu l1 %llu malformed %llu, "
        "%llu reads\n",
        v, static_cast<unsigned long long>(s.ops), static_cast<unsigned long long>(s.ok),
        static_cast<unsigned long long>(s.err[1]), static_cast<unsigned long long>(s.err[2]),
        static_cast<unsigned long long>(s.err[3]), static_cast<unsigned long long>(s.reads));
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

class LoadSweep : public ::testing::TestWithParam<Point> {};

TEST_P(LoadSweep, LockstepAndResults) {
  LoadOptions opt = base_options();
  opt.sparsity = GetParam().sparsity_pct < 0 ? -1.0 : GetParam().sparsity_pct / 100.0;
  opt.l1_max_latency = GetParam().latency;
  opt.l1_ready_rate = GetParam().ready;
  opt.res_ready_rate = GetParam().ready;
  const LoadReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
}

std::vector<Point> points() {
  std::vector<Point> pts;
  for (int s = 0; s <= 100; s += 10)
    pts.push_back({s, s % 20 == 0 ? 32u : 4u, s % 30 == 0 ? 0.5 : 0.9});
  pts.push_back({-1, 0, 1.0});
  pts.push_back({-1, 20, 0.7});
  return pts;
}

INSTANTIATE_TEST_SUITE_P(Load, LoadSweep, ::testing::ValuesIn(points()),
                         [](const ::testing::TestParamInfo<Point>& info) {
                           const Point& p = info.param;
                           return (p.sparsity_pct < 0 ? std::string("mixed")
                                                      : std::to_string(p.sparsity_pct) + "pct") +
                                  "_lat" + std::to_string(p.latency) + "_ready" +
                                  std::to_string(static_cast<int>(p.ready * 100));
                         });

// Corrupt streams and limits that cut streams short: every operation ends
// with a result (an error where the bytes say so), no read starts at or
// above the limit, and nothing hangs.
TEST(LoadFaults, CorruptStreamsAndShortLimits) {
  LoadOptions opt = base_options();
  opt.corrupt_rate = 0.4;
  opt.cut_rate = 0.4;
  const LoadReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
  uint64_t oob = 0, malformed = 0;
  for (const auto& s : rep.stats) {
    oob += s.err[1];
    malformed += s.err[3];
  }
  EXPECT_GT(oob, 0u);
  EXPECT_GT(malformed, 0u);  // from the N = 4 variant's reserved bits
}

// L1 error responses become error 2 results; the engine goes on.
TEST(LoadFaults, L1ErrorsBecomeErrorResults) {
  LoadOptions opt = base_options();
  opt.l1_error_rate = 0.05;  // enough that every variant, the 256-byte lines too, sees errors
  const LoadReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  for (std::size_t i = 0; i < rep.stats.size(); ++i)
    EXPECT_GT(rep.stats[i].err[2], 0u) << "variant " << i << " saw no L1 error";
}

// Reset at random cycles in the middle of traffic: afterwards the engine is
// idle and ready, and the streams that start after the reset read back
// exactly (every port still in lockstep, every result still checked).
TEST(LoadFaults, ResetInTheMiddleOfTraffic) {
  LoadOptions opt = base_options();
  opt.reset_rate = 0.003;
  opt.ops = 1500;
  const LoadReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  EXPECT_GT(rep.stats[0].resets, 0u);
  std::printf("[zcomp] %llu resets in %llu cycles\n",
              static_cast<unsigned long long>(rep.stats[0].resets),
              static_cast<unsigned long long>(rep.cycles));
}

// The planted bug: a read address one line off from cycle 150 on must be
// caught on req_addr_o.
TEST(LoadChecker, CatchesABrokenPointer) {
  LoadOptions opt = base_options();
  opt.fault_variant = 1;
  opt.fault_cycle = 150;
  opt.l1_ready_rate = 1.0;
  const LoadReport rep = Lockstep::run(opt);
  ASSERT_FALSE(rep.ok);
  ASSERT_TRUE(rep.mismatch.has_value());
  EXPECT_EQ(rep.mismatch->variant, 1u);
  EXPECT_EQ(rep.mismatch->port, "req_addr_o");
  EXPECT_EQ(rep.mismatch->actual - rep.mismatch->expected, 64u);
  EXPECT_GE(rep.mismatch->cycle, 150u);
  ASSERT_FALSE(rep.trace_file.empty());
  EXPECT_TRUE(std::filesystem::exists(rep.trace_file));
}

// Without the cycle model the functional checks still catch it: the wrong
// line's bytes come back and a result differs.
TEST(LoadChecker, FunctionalChecksCatchItToo) {
  LoadOptions opt = base_options();
  opt.fault_variant = 0;
  opt.fault_cycle = 0;
  opt.check_model = false;
  opt.corrupt_rate = 0;
  opt.cut_rate = 0;
  const LoadReport rep = Lockstep::run(opt);
  ASSERT_FALSE(rep.ok);
  ASSERT_TRUE(rep.mismatch.has_value());
  EXPECT_EQ(rep.mismatch->variant, 0u);
  EXPECT_EQ(rep.mismatch->port.rfind("functional:", 0), 0u) << rep.mismatch->port;
}

TEST(LoadReplay, SameSeedSameRun) {
  LoadOptions opt = base_options();
  opt.ops = 200;
  const LoadReport a = Lockstep::run(opt);
  const LoadReport b = Lockstep::run(opt);
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.cycles, b.cycles);
  for (std::size_t v = 0; v < a.stats.size(); ++v) EXPECT_EQ(a.stats[v].reads, b.stats[v].reads);
}

}  // namespace
}  // namespace zcomp
