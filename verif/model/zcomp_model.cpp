#include "zcomp_model.hpp"

#include <bit>
#include <sstream>

namespace zcomp {

const char* to_string(Ccf ccf) {
  switch (ccf) {
    case Ccf::kZero:
      return "zero";
    case Ccf::kFpZero:
      return "fp-zero";
    case Ccf::kIntThreshold:
      return "int-threshold";
    case Ccf::kFpThreshold:
      return "fp-threshold";
  }
  return "?";
}

const char* to_string(Layout layout) {
  return layout == Layout::kInterleaved ? "interleaved" : "separate-header";
}

std::string VectorFormat::check() const {
  if (lanes < 4 || lanes > 64 || !std::has_single_bit(lanes)) {
    return "lanes (N) must be a power of two from 4 to 64, got " + std::to_string(lanes);
  }
  if (elem_bits != 8 && elem_bits != 16 && elem_bits != 32) {
    return "element width (EW) must be 8, 16 or 32 bits, got " + std::to_string(elem_bits);
  }
  return {};
}

bool ccf_drops(uint32_t x, unsigned elem_bits, Ccf ccf, uint32_t threshold) {
  const uint32_t all = elem_bits == 32 ? 0xFFFFFFFFu : ((1u << elem_bits) - 1u);
  const uint32_t msb = 1u << (elem_bits - 1);
  x &= all;
  threshold &= all;
  switch (ccf) {
    case Ccf::kZero:
      return x == 0;
    case Ccf::kFpZero:
      return (x & ~msb) == 0;
    case Ccf::kIntThreshold: {
      // |x| of a two's-complement value, exact as an unsigned EW-bit number.
      const uint32_t abs = (x & msb) ? ((~x + 1u) & all) : x;
      return abs <= threshold;
    }
    case Ccf::kFpThreshold:
      return (x & ~msb) <= (threshold & ~msb);
  }
  return false;
}

uint64_t keep_mask(const VectorFormat& fmt, std::span<const uint32_t> lanes, Ccf ccf,
                   uint32_t threshold) {
  uint64_t keep = 0;
  for (unsigned i = 0; i < fmt.lanes; ++i) {
    if (!ccf_drops(lanes[i], fmt.elem_bits, ccf, threshold)) keep |= uint64_t{1} << i;
  }
  return keep;
}

CompressedVector compress(const VectorFormat& fmt, std::span<const uint32_t> lanes, Ccf ccf,
                          uint32_t threshold) {
  CompressedVector cv;
  cv.keep = keep_mask(fmt, lanes, ccf, threshold);
  for (unsigned i = 0; i < fmt.lanes; ++i) {
    if ((cv.keep >> i) & 1u) cv.payload[cv.count++] = lanes[i] & fmt.elem_mask();
  }
  return cv;
}

LaneArray expand(const VectorFormat& fmt, uint64_t keep, std::span<const uint32_t> packed) {
  LaneArray out{};
  unsigned next = 0;
  for (unsigned i = 0; i < fmt.lanes; ++i) {
    if ((keep >> i) & 1u) out[i] = packed[next++] & fmt.elem_mask();
  }
  return out;
}

LaneArray apply_ccf(const VectorFormat& fmt, std::span<const uint32_t> lanes, Ccf ccf,
                    uint32_t threshold) {
  LaneArray out{};
  for (unsigned i = 0; i < fmt.lanes; ++i) {
    const uint32_t x = lanes[i] & fmt.elem_mask();
    out[i] = ccf_drops(x, fmt.elem_bits, ccf, threshold) ? 0u : x;
  }
  return out;
}

namespace {

void put_le(std::vector<uint8_t>& out, uint64_t value, unsigned bytes) {
  for (unsigned b = 0; b < bytes; ++b) out.push_back(static_cast<uint8_t>(value >> (8 * b)));
}

uint64_t get_le(const std::vector<uint8_t>& in, std::size_t at, unsigned bytes) {
  uint64_t value = 0;
  for (unsigned b = 0; b < bytes; ++b) value |= uint64_t{in[at + b]} << (8 * b);
  return value;
}

}  // namespace

StreamEncoder::StreamEncoder(VectorFormat fmt, Layout layout) : fmt_(fmt), layout_(layout) {}

void StreamEncoder::append(std::span<const uint32_t> lanes, Ccf ccf, uint32_t threshold) {
  append(compress(fmt_, lanes, ccf, threshold));
}

void StreamEncoder::append(const CompressedVector& cv) {
  auto& header_out = layout_ == Layout::kInterleaved ? stream_.data : stream_.headers;
  put_le(header_out, cv.keep & fmt_.lane_mask(), fmt_.header_bytes());
  for (unsigned k = 0; k < cv.count; ++k) put_le(stream_.data, cv.payload[k], fmt_.elem_bytes());
  ++vectors_;
}

Stream encode(const VectorFormat& fmt, Layout layout, std::span<const uint32_t> elements, Ccf ccf,
              uint32_t threshold) {
  StreamEncoder enc(fmt, layout);
  for (std::size_t at = 0; at + fmt.lanes <= elements.size(); at += fmt.lanes) {
    enc.append(elements.subspan(at, fmt.lanes), ccf, threshold);
  }
  return enc.stream();
}

DecodeResult decode(const VectorFormat& fmt, Layout layout, const Stream& stream,
                    std::size_t num_vectors) {
  DecodeResult res;
  if (std::string problem = fmt.check(); !problem.empty()) {
    res.error = problem;
    return res;
  }
  const bool separate = layout == Layout::kSeparateHeader;
  const auto& hdr_buf = separate ? stream.headers : stream.data;
  std::size_t hdr_at = 0;
  std::size_t data_at = 0;
  const unsigned hb = fmt.header_bytes();
  const unsigned eb = fmt.elem_bytes();
  res.elements.reserve(num_vectors * fmt.lanes);
  for (std::size_t v = 0; v < num_vectors; ++v) {
    std::size_t& h = separate ? hdr_at : data_at;
    if (h + hb > hdr_buf.size()) {
      std::ostringstream msg;
      msg << "truncated: vector " << v << " header at " << (separate ? "header" : "data")
          << " offset " << h << " needs " << hb << " bytes, stream has " << hdr_buf.size();
      res.error = msg.str();
      return res;
    }
    const uint64_t keep = get_le(hdr_buf, h, hb);
    if (keep & ~fmt.lane_mask()) {
      std::ostringstream msg;
      msg << "malformed: vector " << v << " header at offset " << h
          << " sets reserved bits above lane " << (fmt.lanes - 1);
      res.error = msg.str();
      return res;
    }
    h += hb;
    const unsigned count = static_cast<unsigned>(std::popcount(keep));
    if (data_at + std::size_t{count} * eb > stream.data.size()) {
      std::ostringstream msg;
      msg << "truncated: vector " << v << " payload at data offset " << data_at << " needs "
          << count * eb << " bytes, stream has " << stream.data.size();
      res.error = msg.str();
      return res;
    }
    LaneArray packed{};
    for (unsigned k = 0; k < count; ++k) {
      packed[k] = static_cast<uint32_t>(get_le(stream.data, data_at, eb));
      data_at += eb;
    }
    const LaneArray lanes = expand(fmt, keep, packed);
    res.elements.insert(res.elements.end(), lanes.begin(), lanes.begin() + fmt.lanes);
  }
  res.ok = true;
  return res;
}

}  // namespace zcomp
