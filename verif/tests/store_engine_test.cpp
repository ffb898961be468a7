// Lockstep regression of the ZCOMPS store engine (zcomp_store_engine): the
// eight variants of tb_store_engine (P = 1, 2, 4; lines of 16 to 256 bytes;
// three with register stages in front of the group register, CompStages)
// against the cycle model on every port and every cycle, the results
// against the functional meaning of the program, and the L1 memory image
// against the golden encoder, byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "Vtb_store_engine.h"
#include "seed.hpp"
#include "store_lockstep.hpp"
#include "test_options.hpp"

namespace zcomp {
namespace {

using harness::StoreOptions;
using harness::StoreReport;
using Lockstep = harness::StoreLockstep<Vtb_store_engine>;

StoreOptions base_options() {
  return test::options_for_this_test<StoreOptions>("store_engine_test");
}

void print_stats(const StoreReport& rep) {
  for (std::size_t v = 0; v < rep.stats.size(); ++v) {
    const auto& s = rep.stats[v];
    std::printf(
        "[zcomp] variant %zu (P=%u, %u-byte lines): %llu ZCOMPS, %llu out of bounds, "
        "%llu bytes, %llu line writes\n",
        v, rep.params[v].p, rep.params[v].line_bytes, static_cast<unsigned long long>(s.ops),
        static_cast<unsigned long long>(s.oob), static_cast<unsigned long long>(s.bytes),
        static_cast<unsigned long long>(s.lines));
  }
}

// ------------------------------------------------------------ random sweeps

struct Point {
  int sparsity_pct;  ///< < 0: random per vector
  unsigned latency;  ///< L1 latency, 0 to this
  double ready;      ///< ready rate of every consumer
};

void PrintTo(const Point& p, std::ostream* os) {
  *os << "sparsity " << p.sparsity_pct << "% latency " << p.latency << " ready " << p.ready;
}

class StoreSweep : public ::testing::TestWithParam<Point> {};

TEST_P(StoreSweep, LockstepMemoryImageAndResults) {
  StoreOptions opt = base_options();
  opt.sparsity = GetParam().sparsity_pct < 0 ? -1.0 : GetParam().sparsity_pct / 100.0;
  opt.l1_max_latency = GetParam().latency;
  opt.l1_ready_rate = GetParam().ready;
  opt.res_ready_rate = GetParam().ready;
  opt.groups = 300;
  const StoreReport rep = Lockstep::run(opt);
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

INSTANTIATE_TEST_SUITE_P(Store, StoreSweep, ::testing::ValuesIn(points()),
                         [](const ::testing::TestParamInfo<Point>& info) {
                           const Point& p = info.param;
                           return (p.sparsity_pct < 0 ? std::string("mixed")
                                                      : std::to_string(p.sparsity_pct) + "pct") +
                                  "_lat" + std::to_string(p.latency) + "_ready" +
                                  std::to_string(static_cast<int>(p.ready * 100));
                         });

// Full groups, no out-of-bounds operation, and no backpressure on the
// engine's ports (the directed tests below then change the memory).
StoreOptions full_rate_options() {
  StoreOptions opt = base_options();
  opt.full_groups = true;
  opt.oob_rate = 0.0;
  opt.op_valid_rate = 1.0;
  opt.res_ready_rate = 1.0;
  opt.l1_ready_rate = 1.0;
  return opt;
}

// Every operation chained, full groups, no backpressure: the common case.
TEST(StoreDirected, ChainedFullGroupsAtFullRate) {
  StoreOptions opt = full_rate_options();
  opt.chain_rate = 1.0;
  opt.fence_rate = 0.0;
  opt.l1_max_latency = 1;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
}

// Register stages in front of the group register (CompStages, rows 2, 4
// and 5 of tb_store_engine) cost latency, not rate: with every operation
// chained and only headers to write (so the L1 port is never the limit),
// every variant takes a group on every cycle from its first to its last.
TEST(StoreDirected, RegisterStagesCostNoRate) {
  StoreOptions opt = full_rate_options();
  opt.chain_rate = 1.0;
  opt.fence_rate = 0.0;
  opt.sep_rate = 0.0;
  opt.sparsity = 1.0;
  opt.l1_max_latency = 1;
  opt.groups = 200;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
  unsigned staged = 0;
  for (std::size_t v = 0; v < rep.stats.size(); ++v) {
    const auto& s = rep.stats[v];
    if (rep.params[v].comp_stages > 0) ++staged;
    ASSERT_GT(s.groups, 100u) << "variant " << v;
    EXPECT_EQ(s.last_accept - s.first_accept + 1, s.groups)
        << "variant " << v << " (CompStages " << rep.params[v].comp_stages << ")";
  }
  EXPECT_GE(staged, 2u) << "tb_store_engine should have rows with CompStages > 0";
}

// A slow memory under dense full groups: a latency above MaxOutstanding
// keeps every variant at its limit of writes in flight. No FENCE: each one
// waits for every write in flight, and with them (2 % of the operations)
// the 256-byte-line variant, which writes about 2 lines per group, could go
// a whole run without 32 lines between two FENCEs (ZCOMP_SEED=
// 8701247867528419399 peaked at 30).
TEST(StoreDirected, SlowMemoryKeepsEveryWriteSlotBusy) {
  StoreOptions opt = full_rate_options();
  opt.fence_rate = 0.0;
  opt.sparsity = 0.0;
  opt.l1_min_latency = 40;
  opt.l1_max_latency = 48;
  opt.groups = 200;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
  for (std::size_t v = 0; v < rep.stats.size(); ++v)
    EXPECT_EQ(rep.stats[v].peak_outstanding, rep.params[v].max_outstanding) << "variant " << v;
}

// A busy memory: stalls of the request channel longer than a buffer takes
// to fill, under one long interleaved stream of headers only (every element
// dropped, no FENCE or new stream to flush the buffer) that starts 8-byte
// aligned, so that the runs (2-byte headers, P of them) fill the data
// stream's write-combining buffer to its last byte (the 256-byte-line
// variant's 1 KiB included) and the engine waits with a full buffer.
TEST(StoreDirected, BusyMemoryFillsTheDataBufferToTheEnd) {
  StoreOptions opt = full_rate_options();
  opt.sparsity = 1.0;
  opt.chain_rate = 1.0;
  opt.fence_rate = 0.0;
  opt.stream_align = 8;
  opt.sep_rate = 0.0;  // the headers go to the data buffer
  opt.l1_stall_rate = 0.01;
  opt.l1_stall_cycles = 600;
  opt.groups = 600;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
}

// Many jumps, fences and out-of-bounds operations.
TEST(StoreDirected, JumpsFencesAndOutOfBounds) {
  StoreOptions opt = base_options();
  opt.chain_rate = 0.4;
  opt.fence_rate = 0.15;
  opt.oob_rate = 0.2;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  print_stats(rep);
  for (const auto& s : rep.stats) EXPECT_GT(s.oob, 0u);
}

// L1 error responses turn into error 2 on the next FENCE; the engine goes on.
// Runs `opt` with the given error and FENCE rates and expects some FENCEs to
// report the error.
void expect_l1_error_fences(StoreOptions opt, double error_rate, double fence_rate) {
  opt.l1_error_rate = error_rate;
  opt.fence_rate = fence_rate;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  uint64_t reported = 0;
  for (const auto& s : rep.stats) reported += s.l1_error_fences;
  EXPECT_GT(reported, 0u);
}

TEST(StoreFaults, L1ErrorsReachTheFence) { expect_l1_error_fences(base_options(), 0.05, 0.1); }

// The same with full groups and many FENCEs, so that the error reaches a
// FENCE in every slot of the P = 4 variants, the last included.
TEST(StoreFaults, L1ErrorsReachFencesInEverySlot) {
  StoreOptions opt = base_options();
  opt.full_groups = true;
  expect_l1_error_fences(opt, 0.05, 0.3);
}

// Reset at random cycles in the middle of traffic: the engine comes back
// idle and ready, writes nothing more for operations from before the
// reset, and every operation after it completes as if nothing happened.
TEST(StoreFaults, ResetInTheMiddleOfTraffic) {
  StoreOptions opt = base_options();
  opt.reset_rate = 0.004;
  opt.groups = 500;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_TRUE(rep.ok) << rep.error;
  EXPECT_GT(rep.stats[0].resets, 0u);
  std::printf("[zcomp] %llu resets in %llu cycles\n",
              static_cast<unsigned long long>(rep.stats[0].resets),
              static_cast<unsigned long long>(rep.cycles));
}

// The planted bug: a request address off by one from cycle 200 on must be
// caught on req_addr_o at the first request from that cycle on.
TEST(StoreChecker, CatchesABrokenPointer) {
  StoreOptions opt = base_options();
  opt.fault_variant = 2;
  opt.fault_cycle = 200;
  opt.l1_ready_rate = 1.0;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_FALSE(rep.ok);
  ASSERT_TRUE(rep.mismatch.has_value());
  EXPECT_EQ(rep.mismatch->variant, 2u);
  EXPECT_EQ(rep.mismatch->port, "req_addr_o");
  EXPECT_EQ(rep.mismatch->actual - rep.mismatch->expected, 1u);
  EXPECT_GE(rep.mismatch->cycle, 200u);
  ASSERT_FALSE(rep.trace_file.empty());
  EXPECT_TRUE(std::filesystem::exists(rep.trace_file));
}

// Without the cycle model, the memory-image check alone still catches the
// broken pointer: the two checks are independent.
TEST(StoreChecker, MemoryImageCatchesABrokenPointerToo) {
  StoreOptions opt = base_options();
  opt.fault_variant = 0;
  opt.fault_cycle = 0;
  opt.check_model = false;
  opt.groups = 50;
  const StoreReport rep = Lockstep::run(opt);
  ASSERT_FALSE(rep.ok);
  EXPECT_FALSE(rep.mismatch.has_value());
  EXPECT_NE(rep.error.find("variant 0"), std::string::npos) << rep.error;
}

TEST(StoreReplay, SameSeedSameRun) {
  StoreOptions opt = base_options();
  opt.groups = 100;
  const StoreReport a = Lockstep::run(opt);
  const StoreReport b = Lockstep::run(opt);
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.cycles, b.cycles);
  for (std::size_t v = 0; v < a.stats.size(); ++v) EXPECT_EQ(a.stats[v].lines, b.stats[v].lines);
}

}  // namespace
}  // namespace zcomp
