// Synthetic feature-map generators for the regression and the simulator.
//
// Every generator is deterministic for a given seed. Its values are raw
// element bits in one of the supported data types. "Sparsity" always means
// the fraction of exact zeros (all bits zero) before special values are
// mixed in.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace zcomp {

enum class DType : uint8_t { kFp32, kFp16, kBf16, kInt8, kInt16, kInt32 };

const char* to_string(DType t);
std::optional<DType> parse_dtype(const std::string& name);
unsigned dtype_bits(DType t);
bool dtype_is_float(DType t);
/// The data types of one element width (e.g. 16 -> fp16, bf16, int16).
std::vector<DType> dtypes_of_width(unsigned bits);

/// IEEE-754 conversions, round to nearest even.
uint16_t float_to_half(float f);
uint16_t float_to_bf16(float f);
/// Encodes a real value in the data type (integers scaled by 32 and saturated).
uint32_t encode_value(double v, DType t);

enum class Pattern : uint8_t {
  kBernoulli,     ///< each element zero with probability = sparsity, else a signed Gaussian
  kRelu,          ///< max(0, g + b), g ~ N(0,1), bias b set so that P(zero) = sparsity
  kClustered,     ///< zeros in runs (two-state Markov chain, mean zero run = run_length)
  kDeadChannels,  ///< channels of channel_elems elements; half the zeros from dead channels
};

const char* to_string(Pattern p);

struct WorkloadSpec {
  Pattern pattern = Pattern::kRelu;
  double sparsity = 0.5;        ///< target fraction of exact zeros, 0..1
  double special_rate = 0.0;    ///< fraction of elements replaced by special values
  unsigned run_length = 16;     ///< clustered: mean zero-run length
  unsigned channel_elems = 64;  ///< dead channels: elements per channel
};

/// An endless stream of elements following a WorkloadSpec.
class FeatureMapGenerator {
 public:
  FeatureMapGenerator(const WorkloadSpec& spec, DType dtype, uint64_t seed);
  uint32_t next();
  DType dtype() const { return dtype_; }

 private:
  bool next_is_zero();
  uint32_t nonzero_value(bool positive_only);
  uint32_t special_value();

  WorkloadSpec spec_;
  DType dtype_;
  std::mt19937_64 rng_;
  std::normal_distribution<double> gauss_{0.0, 1.0};
  std::uniform_real_distribution<double> unit_{0.0, 1.0};
  double relu_bias_ = 0.0;
  bool in_zero_run_ = false;
  unsigned channel_pos_ = 0;
  bool channel_dead_ = false;
  double alive_sparsity_ = 0.0;
};

/// One layer of the synthetic VGG-16 activation profile.
struct LayerProfile {
  std::string name;
  uint64_t elements;  ///< C*H*W of the layer's output for one 224x224 image
  double sparsity;    ///< synthetic zero fraction, see docs/verification.md
};

/// The synthetic VGG-16 profile: real layer shapes, made-up sparsities that
/// follow the published trend (convolutions raise sparsity, pooling lowers
/// it, average about 60 %). Not measured on a real network.
const std::vector<LayerProfile>& vgg16_profile();

/// Inverse of the standard normal CDF (for the ReLU bias).
double inverse_normal_cdf(double p);

}  // namespace zcomp
