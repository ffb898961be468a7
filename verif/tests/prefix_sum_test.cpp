// Every prefix-sum topology against a plain C++ popcount and against the
// ripple instance: exhaustively for N = 4 and 8, randomly for 16, 32, 64.
#include <gtest/gtest.h>

#include <bit>
#include <memory>
#include <random>

#include "Vtb_prefix_sum.h"
#include "lockstep_common.hpp"
#include "port_bits.hpp"
#include "seed.hpp"

namespace {

using zcomp::harness::get_bits;

constexpr unsigned kNumN = 5;
const char* const kTopo[] = {"ripple", "sklansky", "kogge-stone", "brent-kung"};

class PrefixSum : public ::testing::Test {
 protected:
  PrefixSum()
      : ctx_(std::make_unique<VerilatedContext>()),
        top_(std::make_unique<Vtb_prefix_sum>(ctx_.get())) {}
  ~PrefixSum() override { zcomp::harness::finish_model(*ctx_, *top_); }

  /// Applies bits and checks every instance of size n. Returns false on the first error.
  bool check(unsigned ni, uint64_t bits) {
    const unsigned n = 4u << ni;
    top_->bits_i = bits;
    top_->eval();
    const uint64_t masked = n == 64 ? bits : bits & ((uint64_t{1} << n) - 1);
    for (unsigned t = 0; t < 4; ++t) {
      const unsigned k = ni * 4 + t;
      unsigned running = 0;
      for (unsigned i = 0; i < n; ++i) {
        const uint64_t got = get_bits(top_->excl_o, k * 512 + 8 * i, 8);
        const uint64_t ripple = get_bits(top_->excl_o, ni * 4 * 512 + 8 * i, 8);
        if (got != running || got != ripple) {
          ADD_FAILURE() << kTopo[t] << " N=" << n << " bits=0x" << std::hex << masked << std::dec
                        << " lane " << i << ": expected " << running << " got " << got
                        << " (ripple instance " << ripple << ")";
          return false;
        }
        running += (masked >> i) & 1u;
      }
      const uint64_t total = get_bits(top_->total_o, 8 * k, 8);
      if (total != static_cast<uint64_t>(std::popcount(masked))) {
        ADD_FAILURE() << kTopo[t] << " N=" << n << " total " << total;
        return false;
      }
    }
    return true;
  }

  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vtb_prefix_sum> top_;
};

TEST_F(PrefixSum, ExhaustiveN4AndN8) {
  for (unsigned ni = 0; ni < 2; ++ni) {
    const unsigned n = 4u << ni;
    for (uint64_t bits = 0; bits < (uint64_t{1} << n); ++bits) ASSERT_TRUE(check(ni, bits));
  }
}

TEST_F(PrefixSum, RandomN16To64) {
  const uint64_t seed =
      zcomp::harness::derive_seed(zcomp::harness::base_seed(), "PrefixSum.Random");
  std::mt19937_64 rng(seed);
  for (unsigned ni = 2; ni < kNumN; ++ni) {
    ASSERT_TRUE(check(ni, 0));
    ASSERT_TRUE(check(ni, ~uint64_t{0}));
    for (int i = 0; i < 20000; ++i) {
      // Mix densities: AND/OR of random words gives sparse and dense masks.
      uint64_t bits = rng();
      if (i % 3 == 1) bits &= rng() & rng();
      if (i % 3 == 2) bits |= rng() | rng();
      ASSERT_TRUE(check(ni, bits)) << "seed " << seed;
    }
  }
}

}  // namespace
