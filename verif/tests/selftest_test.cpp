// The FPGA self-test tops in Verilator: three configurations of
// rtl/fpga/zcomp_selftest.sv (the engine) and one of
// rtl/fpga/zcomp_unit_selftest.sv (the units alone) side by side
// (verif/tb/tb_selftest.sv). The test decodes
// each UART line bit by bit, parses the status line, and checks every field
// against what it must be: the generator of docs/fpga.md rewritten here,
// compressed by the golden model (zcomp_model), block after block. It also
// checks the LEDs, that a planted fault (fault_i) is reported as FAIL, and
// that a reset in the middle of traffic starts everything over.
#include <gtest/gtest.h>
#include <verilated.h>
#include <verilated_fst_c.h>

#include <array>
#include <cinttypes>
#include <cstdio>
#include <optional>
#include <regex>
#include <span>
#include <string>
#include <vector>

#include "Vtb_selftest.h"
#include "lockstep_common.hpp"
#include "test_options.hpp"
#include "zcomp_model.hpp"

namespace zcomp {
namespace {

constexpr unsigned kVariants = 4;
constexpr uint64_t kClkHz = 40'000;  // tb_selftest's defaults
constexpr unsigned kBitCycles = 10;  // ClkHz / Baud
constexpr uint32_t kSeed = 0x2545F491;

struct Variant {
  unsigned lanes, elem_bits, p, block_vecs, cnt_bits;
  const char* desc;
};
constexpr std::array<Variant, kVariants> kVariant{{
    {16, 32, 1, 16, 48, "N=16 EW=32 P=1, 64-byte lines"},
    {4, 8, 1, 8, 32, "N=4 EW=8 P=1, 16-byte lines"},
    {8, 16, 4, 16, 48, "N=8 EW=16 P=4, 32-byte lines"},
    {8, 8, 1, 16, 32, "units alone, N=8 EW=8"},
}};

uint32_t xorshift32(uint32_t x) {
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return x;
}

/// The feature-map generator of docs/fpga.md: one xorshift32 per lane.
class FmapGen {
 public:
  FmapGen(unsigned lanes, unsigned elem_bits, uint32_t seed, unsigned sparsity)
      : elem_bits_(elem_bits), sparsity_(sparsity), state_(lanes) {
    for (unsigned l = 0; l < lanes; ++l) {
      uint32_t s = seed ^ static_cast<uint32_t>(0x9E3779B9ull * (l + 1));
      state_[l] = xorshift32(s == 0 ? 1 : s);
    }
  }
  /// The current vector; then every lane steps.
  std::vector<uint32_t> next() {
    std::vector<uint32_t> v(state_.size());
    const uint32_t mask = elem_bits_ == 32 ? 0xFFFFFFFFu : (1u << elem_bits_) - 1u;
    for (std::size_t l = 0; l < state_.size(); ++l) {
      v[l] = (state_[l] >> 28) < sparsity_ ? 0 : (state_[l] & mask);
      state_[l] = xorshift32(state_[l]);
    }
    return v;
  }

 private:
  unsigned elem_bits_, sparsity_;
  std::vector<uint32_t> state_;
};

/// Compressed bytes of the first `blocks` blocks (cumulative, grown on demand).
class Expected {
 public:
  Expected(const Variant& v, unsigned sparsity) : v_(v), sparsity_(sparsity) {}
  uint64_t out_bytes(uint64_t blocks) {
    while (cum_.size() <= blocks) {
      const VectorFormat fmt{v_.lanes, v_.elem_bits};
      FmapGen gen(v_.p * v_.lanes, v_.elem_bits, seed_, sparsity_);
      uint64_t bytes = 0;
      for (unsigned g = 0; g < v_.block_vecs / v_.p; ++g) {
        const auto lanes = gen.next();
        for (unsigned k = 0; k < v_.p; ++k) {
          const auto c =
              compress(fmt, std::span(lanes).subspan(k * v_.lanes, v_.lanes), Ccf::kZero, 0);
          bytes += fmt.header_bytes() + c.count * fmt.elem_bytes();
        }
      }
      cum_.push_back(cum_.back() + bytes);
      seed_ = xorshift32(seed_);
    }
    return cum_[blocks];
  }

 private:
  Variant v_;
  unsigned sparsity_;
  uint32_t seed_ = kSeed;
  std::vector<uint64_t> cum_{0};
};

/// An 8N1 receiver on one pin, sampled once per cycle in the middle of each bit.
class UartRx {
 public:
  void reset() {
    busy_ = false;
    text_.clear();
  }
  /// Returns a complete line (ending in "\r\n") when one has just ended.
  std::optional<std::string> sample(bool level) {
    if (!busy_) {
      if (!level) {
        busy_ = true;
        t_ = 0;
        byte_ = 0;
      }
      return std::nullopt;
    }
    ++t_;
    if (t_ % kBitCycles != kBitCycles / 2) return std::nullopt;
    const unsigned bit = t_ / kBitCycles;  // 0 start, 1..8 data, 9 stop
    if (bit == 0 && level) error = "start bit not low";
    if (bit >= 1 && bit <= 8 && level) byte_ |= 1u << (bit - 1);
    if (bit < 9) return std::nullopt;
    busy_ = false;
    if (!level) error = "stop bit not high (framing error)";
    text_.push_back(static_cast<char>(byte_));
    if (text_.size() >= 2 && text_.substr(text_.size() - 2) == "\r\n") {
      std::string line = text_;
      text_.clear();
      return line;
    }
    return std::nullopt;
  }
  std::string error;

 private:
  bool busy_ = false;
  unsigned t_ = 0, byte_ = 0;
  std::string text_;
};

struct Status {
  bool pass = false;
  uint64_t blocks = 0, vectors = 0, in = 0, out = 0, cycles = 0, errors = 0;
};

std::optional<Status> parse(const std::string& line, unsigned digits) {
  const std::string h = "([0-9a-f]{" + std::to_string(digits) + "})";
  const std::regex re("zcomp (pass|FAIL) blocks=" + h + " vectors=" + h + " in=" + h + " out=" + h +
                      " cycles=" + h + " errors=" + h + "\r\n");
  std::smatch m;
  if (!std::regex_match(line, m, re)) return std::nullopt;
  auto hex = [&](int i) { return std::stoull(m[i].str(), nullptr, 16); };
  return Status{m[1] == "pass", hex(2), hex(3), hex(4), hex(5), hex(6), hex(7)};
}

struct SelftestOptions : harness::CommonOptions {
  std::array<unsigned, kVariants> sparsity{8, 4, 12, 6};
  std::array<bool, kVariants> fault{};        ///< fault_i high from cycle 1000 on
  std::array<bool, kVariants> expect_fail{};  ///< the checker expects FAIL lines
  std::optional<uint64_t> reset_at;           ///< rst_ni low for 3 cycles there
  unsigned lines = 2;                         ///< status lines to check per variant
};

struct Report {
  std::optional<harness::Mismatch> mismatch;
  std::string variant_desc, trace_file;
  std::array<std::vector<Status>, kVariants> lines;
};

Report run_once(const SelftestOptions& opt) {
  auto ctx = harness::make_context(opt.x_seed.value_or(opt.seed), !opt.trace_path.empty());
  auto top = std::make_unique<Vtb_selftest>(ctx.get());
  auto tfp = harness::open_trace(*top, opt);
  Report rep;
  std::array<UartRx, kVariants> rx{};
  std::vector<Expected> expected;
  top->sparsity_i = 0;
  for (unsigned v = 0; v < kVariants; ++v) {
    expected.emplace_back(kVariant[v], opt.sparsity[v]);
    top->sparsity_i |= (opt.sparsity[v] & 31u) << (5 * v);
  }
  std::array<unsigned, kVariants> epoch_lines{};  // lines since the last reset
  std::array<unsigned, kVariants> beats{};        // heartbeat changes
  std::array<bool, kVariants> last_beat{};

  auto fail = [&](uint64_t cycle, unsigned v, const std::string& what, uint64_t exp, uint64_t act) {
    rep.mismatch = harness::Mismatch{cycle, v, what, exp, act};
    rep.variant_desc = kVariant[v].desc;
  };

  top->rst_ni = 0;
  top->fault_i = 0;
  harness::clock_edges(*top, 3);
  top->rst_ni = 1;
  harness::end_power_on_reset_coverage(*ctx);
  // Two lines take 2 s plus one line's time; the reset adds its own seconds.
  const uint64_t cycles = (opt.lines + (opt.reset_at ? 2 : 0)) * kClkHz + 14'000;
  for (uint64_t c = 0; c < cycles && !rep.mismatch; ++c) {
    // Inputs change with the clock low, away from the rising edge.
    const bool in_reset = opt.reset_at && c >= *opt.reset_at && c < *opt.reset_at + 3;
    top->rst_ni = in_reset ? 0 : 1;
    uint8_t fault = 0;
    for (unsigned v = 0; v < kVariants; ++v)
      if (opt.fault[v] && c >= 1000) fault |= 1u << v;
    top->fault_i = fault;
    top->clk_i = 1;
    top->eval();
    if (tfp && c >= opt.trace_from && c <= opt.trace_to) tfp->dump(10 * c + 5);
    top->clk_i = 0;
    top->eval();
    if (tfp && c >= opt.trace_from && c <= opt.trace_to) tfp->dump(10 * c + 10);
    if (ctx->gotError()) {
      fail(c, 0, "assertion", 0, 1);
      break;
    }
    for (unsigned v = 0; v < kVariants && !rep.mismatch; ++v) {
      const Variant& var = kVariant[v];
      if (in_reset) {
        rx[v].reset();
        epoch_lines[v] = 0;
        continue;
      }
      const bool beat = (top->heartbeat_o >> v) & 1;
      beats[v] += beat != last_beat[v];
      last_beat[v] = beat;
      auto line = rx[v].sample((top->uart_tx_o >> v) & 1);
      if (!rx[v].error.empty()) {
        fail(c, v, "uart: " + rx[v].error, 0, 1);
        break;
      }
      if (!line) continue;
      const auto st = parse(*line, var.cnt_bits / 4);
      if (!st) {
        std::printf("[zcomp] variant %u sent a line that is not a status line: '%s'\n", v,
                    line->c_str());
        fail(c, v, "status line format", 0, 1);
        break;
      }
      std::printf("[zcomp] variant %u (%s): %s", v, var.desc, line->c_str());
      rep.lines[v].push_back(*st);
      const unsigned j = ++epoch_lines[v];
      const bool faulty = opt.expect_fail[v];
      const std::string at = "status line " + std::to_string(j) + ": ";
      const uint64_t vec_bytes = uint64_t{var.lanes} * var.elem_bits / 8;
      if (st->pass == faulty)
        fail(c, v, at + "pass (1) or FAIL (0)", !faulty, st->pass);
      else if (faulty ? st->errors == 0 : st->errors != 0)
        fail(c, v, at + "errors", faulty ? 1 : 0, st->errors);
      else if (st->blocks == 0)
        fail(c, v, at + "blocks (more than 0)", 1, 0);
      else if (st->vectors != st->blocks * var.block_vecs)
        fail(c, v, at + "vectors", st->blocks * var.block_vecs, st->vectors);
      else if (st->in != st->vectors * vec_bytes)
        fail(c, v, at + "in", st->vectors * vec_bytes, st->in);
      else if (st->out != expected[v].out_bytes(st->blocks))
        fail(c, v, at + "out", expected[v].out_bytes(st->blocks), st->out);
      else if (st->cycles != j * kClkHz - 1)
        fail(c, v, at + "cycles", j * kClkHz - 1, st->cycles);
      else if (((top->pass_o >> v) & 1) == faulty)
        fail(c, v, "pass_o", !faulty, (top->pass_o >> v) & 1);
      else if (((top->fail_o >> v) & 1) != faulty)
        fail(c, v, "fail_o", faulty, (top->fail_o >> v) & 1);
    }
  }
  for (unsigned v = 0; v < kVariants && !rep.mismatch; ++v) {
    if (epoch_lines[v] < opt.lines)
      fail(cycles, v, "status lines received", opt.lines, epoch_lines[v]);
    else if (beats[v] < 2 * opt.lines - 1)
      fail(cycles, v, "heartbeat_o changes", 2 * opt.lines - 1, beats[v]);
  }
  if (tfp) tfp->close();
  harness::finish_model(*ctx, *top);
  return rep;
}

Report run(const SelftestOptions& opt) {
  std::printf("[zcomp] seed %" PRIu64 " (replay: %s)\n", opt.seed, opt.replay_hint.c_str());
  return harness::run_with_trace_replay(opt, test::current_test_name(), run_once);
}

SelftestOptions base_options() {
  return test::options_for_this_test<SelftestOptions>("selftest_test");
}

TEST(Selftest, StatusLinesMatchTheGoldenModel) {
  const auto rep = run(base_options());
  ASSERT_FALSE(rep.mismatch);
}

TEST(Selftest, NoneDroppedAllDroppedAndOddSparsity) {
  auto opt = base_options();
  opt.sparsity = {0, 16, 5, 16};
  opt.lines = 1;
  EXPECT_FALSE(run(opt).mismatch);
  opt.sparsity = {16, 0, 16, 0};
  EXPECT_FALSE(run(opt).mismatch);
  opt.sparsity = {5, 16, 0, 5};  // the P = 4 variant with every element kept
  EXPECT_FALSE(run(opt).mismatch);
}

// The planted bug: fault_i flips a bit of every line the L1 returns (the
// units-alone variant: header bit 0 between the units). Each variant in turn
// must report FAIL with errors, light fail_o, and keep going (a corrupt
// stream ends in error results, not a hang: blocks still grow).
TEST(Selftest, PlantedFaultIsReported) {
  for (unsigned v = 0; v < kVariants; ++v) {
    auto opt = base_options();
    opt.fault[v] = true;
    opt.expect_fail[v] = true;
    const auto rep = run(opt);
    ASSERT_FALSE(rep.mismatch) << "variant " << v;
    ASSERT_EQ(rep.lines[v].size(), 2u);
    EXPECT_GT(rep.lines[v][1].blocks, rep.lines[v][0].blocks) << "variant " << v;
  }
}

// The check of the check: with the fault planted on one variant (an engine
// one, then the units alone) and the checker expecting a clean run, the run
// must end in a mismatch there.
TEST(Selftest, CheckerCatchesAnUnexpectedFault) {
  for (const unsigned v : {1u, 3u}) {
    auto opt = base_options();
    opt.fault[v] = true;
    opt.lines = 1;
    opt.trace_on_mismatch = false;
    const auto rep = run_once(opt);
    ASSERT_TRUE(rep.mismatch) << "variant " << v;
    EXPECT_EQ(rep.mismatch->variant, v);
    std::printf("[zcomp] caught as expected: variant %u, %s\n", rep.mismatch->variant,
                rep.mismatch->port.c_str());
  }
}

// Reset on a random cycle between status lines: the totals, the generator
// and the cycle count start over, and the lines after it match the model
// from block 0 again.
TEST(Selftest, ResetInTheMiddleStartsOver) {
  auto opt = base_options();
  opt.reset_at = 54'000 + opt.seed % 20'000;
  const auto rep = run(opt);
  ASSERT_FALSE(rep.mismatch);
  for (unsigned v = 0; v < kVariants; ++v) EXPECT_EQ(rep.lines[v].size(), 3u) << "variant " << v;
}

}  // namespace
}  // namespace zcomp
