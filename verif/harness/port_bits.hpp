// Bit-field access to Verilated ports of any width.
//
// Verilator maps a port to uint8/16/32/64 up to 64 bits and to VlWide<W>
// (32-bit words) above, so the same test top with 1 or 20 variants has
// differently typed ports. These helpers read and write a field of up to
// 64 bits at any bit offset in either kind.
#pragma once

#include <cstdint>
#include <type_traits>

namespace zcomp::harness {

template <class Port>
uint64_t get_bits(const Port& port, unsigned lsb, unsigned width) {
  const uint64_t mask = width >= 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1);
  if constexpr (std::is_integral_v<Port>) {
    return (static_cast<uint64_t>(port) >> lsb) & mask;
  } else {
    uint64_t value = 0;
    for (unsigned got = 0; got < width;) {
      const unsigned bit = lsb + got;
      const unsigned take = std::min(32u - bit % 32, width - got);
      const uint64_t word = port.at(bit / 32) >> (bit % 32);
      value |= (word & ((uint64_t{1} << take) - 1)) << got;
      got += take;
    }
    return value & mask;
  }
}

template <class Port>
void put_bits(Port& port, unsigned lsb, unsigned width, uint64_t value) {
  if constexpr (std::is_integral_v<Port>) {
    const uint64_t mask = (width >= 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1)) << lsb;
    port = static_cast<Port>((static_cast<uint64_t>(port) & ~mask) | ((value << lsb) & mask));
  } else {
    for (unsigned put = 0; put < width;) {
      const unsigned bit = lsb + put;
      const unsigned take = std::min(32u - bit % 32, width - put);
      const uint32_t field = static_cast<uint32_t>(((uint64_t{1} << take) - 1) << (bit % 32));
      const uint32_t bits = static_cast<uint32_t>((value >> put) << (bit % 32)) & field;
      port.at(bit / 32) = (port.at(bit / 32) & ~field) | bits;
      put += take;
    }
  }
}

/// Folds every word of a port into an FNV-1a digest.
template <class Port>
void digest(uint64_t& h, const Port& port) {
  auto mix = [&h](uint64_t w) {
    for (int b = 0; b < 8; ++b) {
      h ^= (w >> (8 * b)) & 0xFF;
      h *= 0x100000001B3ull;
    }
  };
  if constexpr (std::is_integral_v<Port>) {
    mix(static_cast<uint64_t>(port));
  } else {
    for (unsigned i = 0; i < sizeof(Port) / 4; ++i) mix(port.at(i));
  }
}

}  // namespace zcomp::harness
