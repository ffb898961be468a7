#include "featuremap.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace zcomp {

const char* to_string(DType t) {
  switch (t) {
    case DType::kFp32:
      return "fp32";
    case DType::kFp16:
      return "fp16";
    case DType::kBf16:
      return "bf16";
    case DType::kInt8:
      return "int8";
    case DType::kInt16:
      return "int16";
    case DType::kInt32:
      return "int32";
  }
  return "?";
}

std::optional<DType> parse_dtype(const std::string& name) {
  for (DType t :
       {DType::kFp32, DType::kFp16, DType::kBf16, DType::kInt8, DType::kInt16, DType::kInt32}) {
    if (name == to_string(t)) return t;
  }
  return std::nullopt;
}

unsigned dtype_bits(DType t) {
  switch (t) {
    case DType::kInt8:
      return 8;
    case DType::kFp16:
    case DType::kBf16:
    case DType::kInt16:
      return 16;
    case DType::kFp32:
    case DType::kInt32:
      return 32;
  }
  return 32;
}

bool dtype_is_float(DType t) { return t == DType::kFp32 || t == DType::kFp16 || t == DType::kBf16; }

std::vector<DType> dtypes_of_width(unsigned bits) {
  switch (bits) {
    case 8:
      return {DType::kInt8};
    case 16:
      return {DType::kFp16, DType::kBf16, DType::kInt16};
    default:
      return {DType::kFp32, DType::kInt32};
  }
}

uint16_t float_to_half(float f) {
  const uint32_t x = std::bit_cast<uint32_t>(f);
  const uint32_t sign = (x >> 16) & 0x8000u;
  const uint32_t exp8 = (x >> 23) & 0xFFu;
  uint32_t mant = x & 0x7FFFFFu;
  if (exp8 == 0xFF) return static_cast<uint16_t>(sign | 0x7C00u | (mant ? 0x200u : 0u));
  const int exp = static_cast<int>(exp8) - 127 + 15;
  if (exp >= 31) return static_cast<uint16_t>(sign | 0x7C00u);
  if (exp <= 0) {
    if (exp < -10) return static_cast<uint16_t>(sign);
    mant |= 0x800000u;
    const unsigned shift = static_cast<unsigned>(14 - exp);
    uint32_t half = mant >> shift;
    const uint32_t rem = mant & ((1u << shift) - 1u);
    const uint32_t halfway = 1u << (shift - 1);
    if (rem > halfway || (rem == halfway && (half & 1u))) ++half;
    return static_cast<uint16_t>(sign | half);
  }
  uint32_t half = sign | (static_cast<uint32_t>(exp) << 10) | (mant >> 13);
  const uint32_t rem = mant & 0x1FFFu;
  if (rem > 0x1000u || (rem == 0x1000u && (half & 1u))) ++half;  // may carry into the exponent
  return static_cast<uint16_t>(half);
}

uint16_t float_to_bf16(float f) {
  const uint32_t x = std::bit_cast<uint32_t>(f);
  if ((x & 0x7F800000u) == 0x7F800000u && (x & 0x7FFFFFu)) {
    return static_cast<uint16_t>((x >> 16) | 0x40u);  // keep NaN a NaN
  }
  return static_cast<uint16_t>((x + 0x7FFFu + ((x >> 16) & 1u)) >> 16);
}

uint32_t encode_value(double v, DType t) {
  auto saturate = [](double x, double lo, double hi) {
    return std::clamp(std::nearbyint(x), lo, hi);
  };
  switch (t) {
    case DType::kFp32:
      return std::bit_cast<uint32_t>(static_cast<float>(v));
    case DType::kFp16:
      return float_to_half(static_cast<float>(v));
    case DType::kBf16:
      return float_to_bf16(static_cast<float>(v));
    case DType::kInt8:
      return static_cast<uint8_t>(static_cast<int8_t>(saturate(v * 32, -128, 127)));
    case DType::kInt16:
      return static_cast<uint16_t>(static_cast<int16_t>(saturate(v * 32, -32768, 32767)));
    case DType::kInt32:
      return static_cast<uint32_t>(static_cast<int32_t>(saturate(v * 32, -2e9, 2e9)));
  }
  return 0;
}

const char* to_string(Pattern p) {
  switch (p) {
    case Pattern::kBernoulli:
      return "bernoulli";
    case Pattern::kRelu:
      return "relu";
    case Pattern::kClustered:
      return "clustered";
    case Pattern::kDeadChannels:
      return "dead-channels";
  }
  return "?";
}

double inverse_normal_cdf(double p) {
  // Bisection on the CDF: plenty for setting a bias, and obviously correct.
  double lo = -10.0;
  double hi = 10.0;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

FeatureMapGenerator::FeatureMapGenerator(const WorkloadSpec& spec, DType dtype, uint64_t seed)
    : spec_(spec), dtype_(dtype), rng_(seed) {
  spec_.sparsity = std::clamp(spec_.sparsity, 0.0, 1.0);
  if (spec_.sparsity > 0.0 && spec_.sparsity < 1.0)
    relu_bias_ = -inverse_normal_cdf(spec_.sparsity);
  // Dead channels: half of the zeros come from whole dead channels, the rest
  // from ReLU sparsity inside the live channels.
  const double dead = spec_.sparsity / 2;
  alive_sparsity_ = dead < 1.0 ? (spec_.sparsity - dead) / (1.0 - dead) : 1.0;
}

bool FeatureMapGenerator::next_is_zero() {
  const double s = spec_.sparsity;
  switch (spec_.pattern) {
    case Pattern::kBernoulli:
    case Pattern::kRelu:
      return unit_(rng_) < s;
    case Pattern::kClustered: {
      if (s <= 0.0) return false;
      if (s >= 1.0) return true;
      // Mean zero run L, mean non-zero run L(1-s)/s, so the zero fraction is s.
      const double leave_zero = 1.0 / spec_.run_length;
      const double leave_nonzero = std::min(1.0, s / ((1.0 - s) * spec_.run_length));
      in_zero_run_ = in_zero_run_ ? unit_(rng_) >= leave_zero : unit_(rng_) < leave_nonzero;
      return in_zero_run_;
    }
    case Pattern::kDeadChannels: {
      if (channel_pos_ == 0) channel_dead_ = unit_(rng_) < s / 2;
      channel_pos_ = (channel_pos_ + 1) % std::max(1u, spec_.channel_elems);
      return channel_dead_ || unit_(rng_) < alive_sparsity_;
    }
  }
  return false;
}

uint32_t FeatureMapGenerator::nonzero_value(bool positive_only) {
  for (;;) {
    double v = gauss_(rng_);
    if (positive_only) v = std::abs(v);
    const uint32_t bits = encode_value(v, dtype_);
    if (bits != 0) return bits;  // a value that rounds to +0 would change the sparsity
  }
}

uint32_t FeatureMapGenerator::special_value() {
  static constexpr uint32_t kFp32[] = {0x80000000u, 0x7F800000u, 0xFF800000u, 0x7FC00000u,
                                       0x7F800001u, 0x00000001u, 0x807FFFFFu, 0x00400000u};
  static constexpr uint32_t kFp16[] = {0x8000u, 0x7C00u, 0xFC00u, 0x7E00u,
                                       0x7C01u, 0x0001u, 0x83FFu, 0x0200u};
  static constexpr uint32_t kBf16[] = {0x8000u, 0x7F80u, 0xFF80u, 0x7FC0u,
                                       0x7F81u, 0x0001u, 0x807Fu, 0x0040u};
  static constexpr uint32_t kInt8[] = {0x80u, 0x7Fu, 0xFFu, 0x01u};
  static constexpr uint32_t kInt16[] = {0x8000u, 0x7FFFu, 0xFFFFu, 0x0001u};
  static constexpr uint32_t kInt32[] = {0x80000000u, 0x7FFFFFFFu, 0xFFFFFFFFu, 0x00000001u};
  auto pick = [this](const auto& table) {
    return table[std::uniform_int_distribution<std::size_t>(0, std::size(table) - 1)(rng_)];
  };
  switch (dtype_) {
    case DType::kFp32:
      return pick(kFp32);
    case DType::kFp16:
      return pick(kFp16);
    case DType::kBf16:
      return pick(kBf16);
    case DType::kInt8:
      return pick(kInt8);
    case DType::kInt16:
      return pick(kInt16);
    case DType::kInt32:
      return pick(kInt32);
  }
  return 0;
}

uint32_t FeatureMapGenerator::next() {
  const bool zero = next_is_zero();
  if (spec_.special_rate > 0.0 && unit_(rng_) < spec_.special_rate) return special_value();
  if (zero) return 0;
  if (spec_.pattern == Pattern::kRelu) {
    // max(0, g + b) conditioned on being positive: draw until g + b > 0.
    for (;;) {
      const double v = gauss_(rng_) + relu_bias_;
      if (spec_.sparsity <= 0.0) return nonzero_value(true);
      if (v > 0.0) {
        const uint32_t bits = encode_value(v, dtype_);
        if (bits != 0) return bits;
      }
    }
  }
  return nonzero_value(spec_.pattern != Pattern::kBernoulli);
}

const std::vector<LayerProfile>& vgg16_profile() {
  static const std::vector<LayerProfile> kProfile = {
      {"conv1_1", 64ull * 224 * 224, 0.38},
      {"conv1_2", 64ull * 224 * 224, 0.52},
      {"pool1", 64ull * 112 * 112, 0.32},
      {"conv2_1", 128ull * 112 * 112, 0.47},
      {"conv2_2", 128ull * 112 * 112, 0.60},
      {"pool2", 128ull * 56 * 56, 0.40},
      {"conv3_1", 256ull * 56 * 56, 0.50},
      {"conv3_2", 256ull * 56 * 56, 0.57},
      {"conv3_3", 256ull * 56 * 56, 0.66},
      {"pool3", 256ull * 28 * 28, 0.47},
      {"conv4_1", 512ull * 28 * 28, 0.60},
      {"conv4_2", 512ull * 28 * 28, 0.67},
      {"conv4_3", 512ull * 28 * 28, 0.77},
      {"pool4", 512ull * 14 * 14, 0.62},
      {"conv5_1", 512ull * 14 * 14, 0.70},
      {"conv5_2", 512ull * 14 * 14, 0.75},
      {"conv5_3", 512ull * 14 * 14, 0.82},
      {"pool5", 512ull * 7 * 7, 0.67},
      {"fc6", 4096, 0.74},
      {"fc7", 4096, 0.80},
  };
  return kProfile;
}

}  // namespace zcomp
