// Lockstep regression of the write-combining buffer (zcomp_wc_buffer): the
// three variants of tb_wc_buffer against the cycle model on every port and
// every cycle, then the L1 memory image against the bytes the runs carried.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "Vtb_wc_buffer.h"
#include "seed.hpp"
#include "test_options.hpp"
#include "wc_lockstep.hpp"

namespace zcomp {
namespace {

using harness::WcOptions;
using harness::WcReport;
using Lockstep = harness::WcLockstep<Vtb_wc_buffer>;

WcOptions base_options() { return test::options_for_this_test<WcOptions>("wc_buffer_test"); }

struct Rates {
  double valid;
  double ready;
  double jump;
  double flush;
  const char* name;
};

void PrintTo(const Rates& r, std::ostream* os) { *os << r.name; }

class WcSweep : public ::testing::TestWithParam<Rates> {};

TEST_P(WcSweep, LockstepAndMemoryImage) {
  WcOptions opt = base_options();
  opt.valid_rate = GetParam().valid;
  opt.ready_rate = GetParam().ready;
  opt.jump_rate = GetParam().jump;
  opt.flush_rate = GetParam().flush;
  opt.bytes = 40000;
  const WcReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  for (std::size_t v = 0; v < rep.params.size(); ++v) {
    std::printf("[zcomp] variant %zu: %llu bytes in runs, %llu line writes, %llu cycles\n", v,
                static_cast<unsigned long long>(rep.run_bytes[v]),
                static_cast<unsigned long long>(rep.lines[v]),
                static_cast<unsigned long long>(rep.cycles));
  }
}

INSTANTIATE_TEST_SUITE_P(Wc, WcSweep,
                         ::testing::Values(Rates{0.8, 0.8, 0.03, 0.01, "mixed"},
                                           Rates{1.0, 1.0, 0.0, 0.0, "full_rate_contiguous"},
                                           Rates{1.0, 0.3, 0.05, 0.0, "slow_l1"},
                                           Rates{0.3, 1.0, 0.05, 0.05, "sparse_runs"},
                                           Rates{0.9, 0.7, 0.3, 0.1, "many_jumps"}),
                         [](const ::testing::TestParamInfo<Rates>& info) {
                           return std::string(info.param.name);
                         });

// With contiguous runs and no flush until the end, every line but the first
// and the last is written once, whole: the line count is the number of
// lines the stream touches.
TEST(WcCombining, ContiguousStreamWritesEachLineOnce) {
  WcOptions opt = base_options();
  opt.valid_rate = 1.0;
  opt.ready_rate = 0.7;
  opt.jump_rate = 0.0;
  opt.flush_rate = 0.0;
  opt.bytes = 30000;
  const WcReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  for (std::size_t v = 0; v < rep.params.size(); ++v) {
    const uint64_t lb = rep.params[v].line_bytes;
    // The stream starts at some offset in its first line: at most two
    // partial lines, so at most bytes/lb + 2 lines.
    EXPECT_LE(rep.lines[v], rep.run_bytes[v] / lb + 2) << "variant " << v;
    EXPECT_GE(rep.lines[v], (rep.run_bytes[v] + lb - 1) / lb) << "variant " << v;
  }
}

// The planted bug: a strobe bit flipped on requests from cycle 300 on must
// be caught on req_wstrb_o[0], at the first request from that cycle on.
TEST(WcChecker, CatchesABrokenStrobe) {
  WcOptions opt = base_options();
  opt.ready_rate = 1.0;
  opt.fault_variant = 1;
  opt.fault_cycle = 300;
  const WcReport rep = Lockstep::run(opt);
  ASSERT_FALSE(rep.ok);
  ASSERT_TRUE(rep.mismatch.has_value());
  EXPECT_EQ(rep.mismatch->variant, 1u);
  EXPECT_EQ(rep.mismatch->port, "req_wstrb_o[0]");
  EXPECT_GE(rep.mismatch->cycle, 300u);
  EXPECT_LE(rep.mismatch->cycle, 310u);  // variant 1 sends a line every few cycles
  ASSERT_FALSE(rep.trace_file.empty());
  EXPECT_TRUE(std::filesystem::exists(rep.trace_file));
}

TEST(WcReplay, SameSeedSameRun) {
  WcOptions opt = base_options();
  opt.bytes = 5000;
  const WcReport a = Lockstep::run(opt);
  const WcReport b = Lockstep::run(opt);
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.cycles, b.cycles);
  EXPECT_EQ(a.lines, b.lines);
}

}  // namespace
}  // namespace zcomp
