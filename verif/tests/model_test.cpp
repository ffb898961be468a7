// Tests of the golden model against docs/format.md, without any RTL.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "featuremap.hpp"
#include "seed.hpp"
#include "zcomp_model.hpp"

namespace zcomp {
namespace {

std::vector<uint8_t> bytes(std::initializer_list<int> list) {
  std::vector<uint8_t> out;
  for (int b : list) out.push_back(static_cast<uint8_t>(b));
  return out;
}

const std::vector<uint32_t> kExample = {
    0x00000000, 0x3FC00000, 0x00000000, 0x00000000, 0xC0000000, 0x00000000, 0x80000000, 0x3E800000,
    0x00000000, 0x00000000, 0x00000000, 0x40400000, 0x00000000, 0x7FC00000, 0x00000000, 0x000116C2};

TEST(Format, WorkedExampleN16Ew32) {
  const VectorFormat fmt{16, 32};
  const Stream s = encode(fmt, Layout::kInterleaved, kExample, Ccf::kZero, 0);
  EXPECT_EQ(s.data, bytes({0xD2, 0xA8, 0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0,
                           0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x3E, 0x00, 0x00,
                           0x40, 0x40, 0x00, 0x00, 0xC0, 0x7F, 0xC2, 0x16, 0x01, 0x00}));
  EXPECT_TRUE(s.headers.empty());

  const Stream fz = encode(fmt, Layout::kInterleaved, kExample, Ccf::kFpZero, 0);
  ASSERT_EQ(fz.data.size(), 26u);
  EXPECT_EQ(fz.data[0], 0x92);
  EXPECT_EQ(fz.data[1], 0xA8);

  const Stream th = encode(fmt, Layout::kInterleaved, kExample, Ccf::kFpThreshold, 0x3F000000);
  ASSERT_EQ(th.data.size(), 18u);
  EXPECT_EQ(th.data[0], 0x12);
  EXPECT_EQ(th.data[1], 0x28);

  const Stream sep = encode(fmt, Layout::kSeparateHeader, kExample, Ccf::kZero, 0);
  EXPECT_EQ(sep.headers, bytes({0xD2, 0xA8}));
  EXPECT_EQ(sep.data, std::vector<uint8_t>(s.data.begin() + 2, s.data.end()));

  const DecodeResult d = decode(fmt, Layout::kInterleaved, s, 1);
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.elements, kExample);
}

TEST(Format, HeaderOfFourLanesLeavesReservedBitsZero) {
  const VectorFormat fmt{4, 8};
  const std::vector<uint32_t> v = {0x11, 0x00, 0x22, 0x33};
  const Stream s = encode(fmt, Layout::kInterleaved, v, Ccf::kZero, 0);
  EXPECT_EQ(s.data, bytes({0x0D, 0x11, 0x22, 0x33}));
}

TEST(Format, DecodeRejectsReservedBitsAndTruncation) {
  const VectorFormat fmt{4, 8};
  Stream bad;
  bad.data = bytes({0x1D, 0x11, 0x22, 0x33});
  DecodeResult d = decode(fmt, Layout::kInterleaved, bad, 1);
  EXPECT_FALSE(d.ok);
  EXPECT_NE(d.error.find("reserved"), std::string::npos) << d.error;

  const VectorFormat f16{16, 32};
  Stream s = encode(f16, Layout::kInterleaved, kExample, Ccf::kZero, 0);
  for (std::size_t cut = 0; cut < s.data.size(); ++cut) {
    Stream t = s;
    t.data.resize(cut);
    d = decode(f16, Layout::kInterleaved, t, 1);
    EXPECT_FALSE(d.ok) << "cut at " << cut;
    EXPECT_NE(d.error.find("truncated"), std::string::npos) << d.error;
  }
  Stream sep = encode(f16, Layout::kSeparateHeader, kExample, Ccf::kZero, 0);
  sep.headers.pop_back();
  EXPECT_FALSE(decode(f16, Layout::kSeparateHeader, sep, 1).ok);
}

TEST(Format, IllegalFormatsAreNamed) {
  EXPECT_NE(VectorFormat({12, 32}).check().find("power of two"), std::string::npos);
  EXPECT_NE(VectorFormat({128, 8}).check().find("4 to 64"), std::string::npos);
  EXPECT_NE(VectorFormat({16, 12}).check().find("8, 16 or 32"), std::string::npos);
  EXPECT_TRUE(VectorFormat({64, 8}).check().empty());
}

TEST(Ccf, ZeroKeepsEveryNonZeroPattern) {
  for (uint32_t x : {0x80000000u, 0x7FC00000u, 0x7F800000u, 0xFF800000u, 0x00000001u}) {
    EXPECT_FALSE(ccf_drops(x, 32, Ccf::kZero, 0)) << std::hex << x;
  }
  EXPECT_TRUE(ccf_drops(0, 32, Ccf::kZero, 0));
}

TEST(Ccf, FpZeroDropsBothZerosOnly) {
  EXPECT_TRUE(ccf_drops(0x80000000u, 32, Ccf::kFpZero, 0));
  EXPECT_TRUE(ccf_drops(0x8000u, 16, Ccf::kFpZero, 0));
  EXPECT_TRUE(ccf_drops(0x00u, 8, Ccf::kFpZero, 0));
  EXPECT_FALSE(ccf_drops(0x7FC00000u, 32, Ccf::kFpZero, 0));  // NaN
  EXPECT_FALSE(ccf_drops(0xFF800000u, 32, Ccf::kFpZero, 0));  // -inf
  EXPECT_FALSE(ccf_drops(0x80000001u, 32, Ccf::kFpZero, 0));  // negative denormal
  EXPECT_FALSE(ccf_drops(0x7E00u, 16, Ccf::kFpZero, 0));      // fp16 NaN
}

TEST(Ccf, IntThresholdUsesExactAbsoluteValue) {
  EXPECT_TRUE(ccf_drops(0xFD, 8, Ccf::kIntThreshold, 3));     // -3
  EXPECT_FALSE(ccf_drops(0xFC, 8, Ccf::kIntThreshold, 3));    // -4
  EXPECT_FALSE(ccf_drops(0x80, 8, Ccf::kIntThreshold, 127));  // |-128| = 128
  EXPECT_TRUE(ccf_drops(0x80, 8, Ccf::kIntThreshold, 128));
  EXPECT_TRUE(ccf_drops(0x7FFFFFFF, 32, Ccf::kIntThreshold, 0xFFFFFFFF));
  // T = 0 is the zero CCF.
  for (uint32_t x = 0; x < 256; ++x) {
    EXPECT_EQ(ccf_drops(x, 8, Ccf::kIntThreshold, 0), ccf_drops(x, 8, Ccf::kZero, 0));
  }
}

TEST(Ccf, FpThresholdIsAbsoluteValueCompareForFp32) {
  const uint32_t half = std::bit_cast<uint32_t>(0.5f);
  std::mt19937_64 rng(harness::derive_seed(harness::base_seed(), "fpthresh"));
  std::uniform_real_distribution<float> u(-2.0f, 2.0f);
  for (int i = 0; i < 10000; ++i) {
    const float f = u(rng);
    EXPECT_EQ(ccf_drops(std::bit_cast<uint32_t>(f), 32, Ccf::kFpThreshold, half),
              std::abs(f) <= 0.5f);
  }
  EXPECT_FALSE(ccf_drops(0x7FC00000u, 32, Ccf::kFpThreshold, 0x7F7FFFFFu));  // NaN vs max finite
  EXPECT_FALSE(ccf_drops(0xFF800000u, 32, Ccf::kFpThreshold, 0x7F7FFFFFu));  // -inf kept
  EXPECT_TRUE(ccf_drops(0xFF800000u, 32, Ccf::kFpThreshold, 0x7F800000u));   // T = inf drops it
  EXPECT_TRUE(ccf_drops(0x00000001u, 32, Ccf::kFpThreshold, 0x00000001u));   // denormal exact
  EXPECT_FALSE(ccf_drops(0x00000002u, 32, Ccf::kFpThreshold, 0x80000001u));  // T's sign ignored
}

TEST(Codec, CompressExpandRoundTripsEveryFormat) {
  std::mt19937_64 rng(harness::derive_seed(harness::base_seed(), "codec"));
  for (unsigned n : {4u, 8u, 16u, 32u, 64u}) {
    for (unsigned ew : {8u, 16u, 32u}) {
      const VectorFormat fmt{n, ew};
      for (Layout layout : {Layout::kInterleaved, Layout::kSeparateHeader}) {
        std::vector<uint32_t> elems(fmt.lanes * 50);
        for (auto& e : elems)
          e = (rng() % 3 == 0) ? static_cast<uint32_t>(rng()) & fmt.elem_mask() : 0u;
        const Stream s = encode(fmt, layout, elems, Ccf::kZero, 0);
        const DecodeResult d = decode(fmt, layout, s, 50);
        ASSERT_TRUE(d.ok) << d.error;
        EXPECT_EQ(d.elements, elems) << "N=" << n << " EW=" << ew;
      }
    }
  }
}

TEST(FeatureMaps, HalfAndBf16Conversions) {
  EXPECT_EQ(float_to_half(1.0f), 0x3C00);
  EXPECT_EQ(float_to_half(-2.0f), 0xC000);
  EXPECT_EQ(float_to_half(65504.0f), 0x7BFF);
  EXPECT_EQ(float_to_half(1e6f), 0x7C00);
  EXPECT_EQ(float_to_half(std::ldexp(1.0f, -24)), 0x0001);  // smallest denormal
  EXPECT_EQ(float_to_half(std::numeric_limits<float>::quiet_NaN()) & 0x7C00, 0x7C00);
  EXPECT_EQ(float_to_bf16(1.0f), 0x3F80);
  EXPECT_EQ(float_to_bf16(-0.0f), 0x8000);
}

TEST(FeatureMaps, GeneratorsHitTheirTargetSparsity) {
  const uint64_t seed = harness::derive_seed(harness::base_seed(), "sparsity");
  for (Pattern p :
       {Pattern::kBernoulli, Pattern::kRelu, Pattern::kClustered, Pattern::kDeadChannels}) {
    for (double s : {0.0, 0.3, 0.6, 0.9, 1.0}) {
      WorkloadSpec spec;
      spec.pattern = p;
      spec.sparsity = s;
      FeatureMapGenerator gen(spec, DType::kFp32, seed);
      const int total = 200000;
      int zeros = 0;
      for (int i = 0; i < total; ++i) zeros += gen.next() == 0;
      EXPECT_NEAR(static_cast<double>(zeros) / total, s, 0.03) << to_string(p) << " s=" << s;
    }
  }
}

TEST(FeatureMaps, SpecialValuesAppear) {
  WorkloadSpec spec;
  spec.pattern = Pattern::kBernoulli;
  spec.special_rate = 0.2;
  FeatureMapGenerator gen(spec, DType::kFp16, 7);
  bool neg_zero = false, nan = false, inf = false, denormal = false;
  for (int i = 0; i < 10000; ++i) {
    const uint32_t x = gen.next();
    neg_zero |= x == 0x8000;
    nan |= (x & 0x7C00) == 0x7C00 && (x & 0x3FF) != 0;
    inf |= (x & 0x7FFF) == 0x7C00;
    denormal |= (x & 0x7C00) == 0 && (x & 0x3FF) != 0;
  }
  EXPECT_TRUE(neg_zero && nan && inf && denormal);
}

TEST(FeatureMaps, Vgg16ProfileIsShapedLikeThePaper) {
  const auto& layers = vgg16_profile();
  ASSERT_EQ(layers.size(), 20u);
  double sum = 0;
  for (const auto& l : layers) sum += l.sparsity;
  const double mean = sum / layers.size();
  EXPECT_GT(mean, 0.49);
  EXPECT_LT(mean, 0.62);
  // Pooling lowers sparsity relative to the convolution before it.
  for (std::size_t i = 1; i < layers.size(); ++i) {
    if (layers[i].name.rfind("pool", 0) == 0) EXPECT_LT(layers[i].sparsity, layers[i - 1].sparsity);
  }
}

}  // namespace
}  // namespace zcomp
