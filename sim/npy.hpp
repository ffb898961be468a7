// A reader for NumPy .npy files (format versions 1.0, 2.0 and 3.0), for
// zcomp-sim's file input. It returns the raw bits of every element in C
// order, with the element type the file declares, or a one-line error that
// names the file and the problem.
//
// Supported element types: float32 ('<f4'), float16 ('<f2'), int8 ('|i1'),
// uint8 ('|u1'), int16 ('<i2'), int32 ('<i4'), and, as raw 16-bit words
// for bfloat16 (NumPy has no bf16 type), '<u2' or '<i2' read with
// bf16 = true. Fortran order, big-endian data and other types are refused.
#pragma once

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "featuremap.hpp"

namespace zcomp {

struct NpyArray {
  DType dtype = DType::kFp32;
  std::string descr;            ///< as the header gives it, e.g. "<f4"
  std::vector<uint64_t> shape;  ///< () for a scalar
  std::vector<uint32_t> elems;  ///< raw element bits, C order
};

namespace npy_detail {

/// The value text of `key` in the header dict, up to the next top-level
/// comma or the closing brace, trimmed; nothing when the key is absent.
inline std::optional<std::string> dict_value(const std::string& h, const std::string& key) {
  for (const char q : {'\'', '"'}) {
    const std::string k = std::string(1, q) + key + std::string(1, q);
    auto p = h.find(k);
    if (p == std::string::npos) continue;
    p = h.find(':', p + k.size());
    if (p == std::string::npos) return std::nullopt;
    ++p;
    int depth = 0;
    std::size_t e = p;
    for (; e < h.size(); ++e) {
      const char c = h[e];
      if (c == '(' || c == '[') ++depth;
      if (c == ')' || c == ']') --depth;
      if (depth == 0 && (c == ',' || c == '}')) break;
      if (depth < 0) break;
    }
    std::string v = h.substr(p, e - p);
    const auto b = v.find_first_not_of(" \t");
    const auto z = v.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : v.substr(b, z - b + 1);
  }
  return std::nullopt;
}

inline std::string unquote(const std::string& s) {
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front())
    return s.substr(1, s.size() - 2);
  return s;
}

/// The dimensions of a shape written "(d0, d1, ...)" (open '(' and close
/// ')', or '[' and ']' in JSON): nothing when the text is not that.
inline std::optional<std::vector<uint64_t>> parse_dims(const std::string& t, char open,
                                                       char close) {
  if (t.size() < 2 || t.front() != open || t.back() != close) return std::nullopt;
  std::vector<uint64_t> dims;
  std::size_t p = 1;
  while (p + 1 < t.size()) {
    while (p + 1 < t.size() && (t[p] == ' ' || t[p] == ',')) ++p;
    if (p + 1 >= t.size()) break;
    std::size_t e = p;
    while (e + 1 < t.size() && t[e] >= '0' && t[e] <= '9') ++e;
    if (e == p || e - p > 18) return std::nullopt;  // not a number, or too large
    dims.push_back(std::stoull(t.substr(p, e - p)));
    p = e;
  }
  return dims;
}

}  // namespace npy_detail

/// Reads `path`. On failure returns nothing and sets `error` to
/// "<path>: <what is wrong>".
inline std::optional<NpyArray> read_npy(const std::string& path, bool bf16, std::string& error) {
  auto fail = [&](const std::string& what) {
    error = path + ": " + what;
    return std::optional<NpyArray>{};
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open the file (missing or unreadable)");
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string magic = "\x93NUMPY";
  if (bytes.size() < 10 || std::string(bytes.data(), 6) != magic)
    return fail("not a .npy file (bad magic; expected \\x93NUMPY)");
  const unsigned major = static_cast<uint8_t>(bytes[6]);
  std::size_t header_len = 0, header_at = 0;
  if (major == 1) {
    header_len = static_cast<uint8_t>(bytes[8]) | (static_cast<uint8_t>(bytes[9]) << 8);
    header_at = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) return fail("truncated header");
    header_len = 0;
    for (int b = 0; b < 4; ++b)
      header_len |= std::size_t{static_cast<uint8_t>(bytes[8 + b])} << (8 * b);
    header_at = 12;
  } else {
    return fail("unsupported .npy format version " + std::to_string(major));
  }
  if (bytes.size() < header_at + header_len) return fail("truncated header");
  std::string h(bytes.data() + header_at, header_len);
  while (!h.empty() && (h.back() == '\n' || h.back() == ' ')) h.pop_back();
  for (char& c : h)
    if (c == '\n' || c == '\r') c = ' ';  // error messages stay on one line
  const auto descr = npy_detail::dict_value(h, "descr");
  const auto fortran = npy_detail::dict_value(h, "fortran_order");
  const auto shape_text = npy_detail::dict_value(h, "shape");
  if (!descr || !fortran || !shape_text)
    return fail("malformed header (needs 'descr', 'fortran_order' and 'shape'): " + h);
  NpyArray a;
  a.descr = npy_detail::unquote(*descr);
  if (*fortran != "False")
    return fail("Fortran-order arrays are not supported (save with C order)");
  const auto dims = npy_detail::parse_dims(*shape_text, '(', ')');
  if (!dims) return fail("malformed shape in the header: " + *shape_text);
  a.shape = *dims;
  uint64_t count = 1;
  for (const uint64_t d : a.shape) count *= d;
  // Element type.
  unsigned size = 0;
  const std::string& d = a.descr;
  if (bf16 && (d == "<u2" || d == "<i2")) {
    a.dtype = DType::kBf16, size = 2;
  } else if (d == "<f4") {
    a.dtype = DType::kFp32, size = 4;
  } else if (d == "<f2") {
    a.dtype = DType::kFp16, size = 2;
  } else if (d == "|i1") {
    a.dtype = DType::kInt8, size = 1;
  } else if (d == "|u1") {
    a.dtype = DType::kInt8, size = 1;  // the bits are what count
  } else if (d == "<i2") {
    a.dtype = DType::kInt16, size = 2;
  } else if (d == "<i4") {
    a.dtype = DType::kInt32, size = 4;
  } else {
    return fail("unsupported dtype '" + d +
                "' (supported: <f4 float32, <f2 float16, |i1 int8, |u1 uint8, <i2 int16, <i4 "
                "int32, and <u2 or <i2 as bfloat16 with --dtype bf16)");
  }
  const std::size_t data_at = header_at + header_len;
  const uint64_t have = bytes.size() - data_at;
  const uint64_t need = count * size;
  if (have < need)
    return fail("truncated data: the header's shape needs " + std::to_string(need) +
                " bytes, the file holds " + std::to_string(have));
  if (have > need)
    return fail("the header's shape (" + std::to_string(count) + " elements, " +
                std::to_string(need) + " bytes) disagrees with the data size (" +
                std::to_string(have) + " bytes)");
  a.elems.resize(count);
  for (uint64_t i = 0; i < count; ++i) {
    uint32_t v = 0;
    for (unsigned b = 0; b < size; ++b)
      v |= uint32_t{static_cast<uint8_t>(bytes[data_at + i * size + b])} << (8 * b);
    a.elems[i] = v;
  }
  return a;
}

}  // namespace zcomp
