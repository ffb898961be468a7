// zcomp golden model: the functional definition of the zcomp format.
//
// Written from docs/format.md, never from the RTL. It is a plain C++
// library, and the simulator also uses it as the software codec.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace zcomp {

inline constexpr unsigned kMaxLanes = 64;

/// Comparison condition (docs/format.md section 4). The value is the 2-bit code.
enum class Ccf : uint8_t { kZero = 0, kFpZero = 1, kIntThreshold = 2, kFpThreshold = 3 };
/// Stream layout (docs/format.md section 3).
enum class Layout : uint8_t { kInterleaved = 0, kSeparateHeader = 1 };

const char* to_string(Ccf ccf);
const char* to_string(Layout layout);

/// N lanes of EW bits.
struct VectorFormat {
  unsigned lanes = 16;
  unsigned elem_bits = 32;

  unsigned elem_bytes() const { return elem_bits / 8; }
  unsigned header_bytes() const { return (lanes + 7) / 8; }
  std::size_t vector_bytes() const { return std::size_t{lanes} * elem_bytes(); }
  uint32_t elem_mask() const { return elem_bits == 32 ? 0xFFFFFFFFu : ((1u << elem_bits) - 1u); }
  uint64_t lane_mask() const { return lanes == 64 ? ~uint64_t{0} : ((uint64_t{1} << lanes) - 1u); }
  /// Empty when legal, otherwise a sentence naming the problem.
  std::string check() const;
};

/// One vector's lanes, lane i in element i; lanes >= N are zero.
using LaneArray = std::array<uint32_t, kMaxLanes>;

/// True when the CCF drops the element with raw bits x (low elem_bits bits).
bool ccf_drops(uint32_t x, unsigned elem_bits, Ccf ccf, uint32_t threshold);

/// The header of one vector: bit i set = lane i kept.
uint64_t keep_mask(const VectorFormat& fmt, std::span<const uint32_t> lanes, Ccf ccf,
                   uint32_t threshold);

struct CompressedVector {
  uint64_t keep = 0;    ///< header bits
  unsigned count = 0;   ///< popcount(keep)
  LaneArray payload{};  ///< kept elements in lanes 0..count-1, the rest zero
};

CompressedVector compress(const VectorFormat& fmt, std::span<const uint32_t> lanes, Ccf ccf,
                          uint32_t threshold);
/// Lanes whose keep bit is set take the next packed element; the others are 0.
/// Packed lanes at or above popcount(keep) are ignored.
LaneArray expand(const VectorFormat& fmt, uint64_t keep, std::span<const uint32_t> packed);
/// The input as a lossy CCF leaves it: dropped lanes are zero.
LaneArray apply_ccf(const VectorFormat& fmt, std::span<const uint32_t> lanes, Ccf ccf,
                    uint32_t threshold);

/// A compressed stream. In interleaved layout `headers` is empty.
struct Stream {
  std::vector<uint8_t> data;
  std::vector<uint8_t> headers;
};

/// Appends compressed vectors to a stream in either layout.
class StreamEncoder {
 public:
  StreamEncoder(VectorFormat fmt, Layout layout);
  /// Compresses one vector of fmt.lanes elements and appends it.
  void append(std::span<const uint32_t> lanes, Ccf ccf, uint32_t threshold);
  /// Appends an already compressed vector.
  void append(const CompressedVector& cv);
  const Stream& stream() const { return stream_; }
  std::size_t vectors() const { return vectors_; }

 private:
  VectorFormat fmt_;
  Layout layout_;
  Stream stream_;
  std::size_t vectors_ = 0;
};

/// Encodes elements (a multiple of fmt.lanes) with one CCF.
Stream encode(const VectorFormat& fmt, Layout layout, std::span<const uint32_t> elements, Ccf ccf,
              uint32_t threshold);

struct DecodeResult {
  bool ok = false;
  std::string error;               ///< the first problem, with its byte offset
  std::vector<uint32_t> elements;  ///< the vectors decoded before any error
};

/// Decodes exactly num_vectors vectors. Reports truncation and reserved
/// header bits, and never reads past the buffers.
DecodeResult decode(const VectorFormat& fmt, Layout layout, const Stream& stream,
                    std::size_t num_vectors);

}  // namespace zcomp
