// Writes small .npy files (format 1.0) for the tests of the .npy reader and
// of zcomp-sim's file input, so that the tests need no NumPy.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace zcomp::test {

/// The header dict of a .npy file.
inline std::string npy_dict(const std::string& descr, const std::string& shape,
                            const std::string& fortran = "False") {
  return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
}

/// Writes `path`: magic, version 1.0, the dict padded to a multiple of 64
/// bytes, then `data`.
inline void write_npy(const std::string& path, const std::string& dict,
                      const std::vector<uint8_t>& data, const std::string& magic = "\x93NUMPY") {
  std::string header = dict;
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::string bytes = magic;
  bytes += '\x01';
  bytes += '\x00';
  bytes += static_cast<char>(header.size() & 0xFF);
  bytes += static_cast<char>(header.size() >> 8);
  bytes += header;
  bytes.append(data.begin(), data.end());
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace zcomp::test
