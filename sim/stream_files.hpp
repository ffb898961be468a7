// The files of a dumped compressed stream (zcomp-sim --dump-stream, --encode)
// and the way back (--decode).
//
// For a stream called NAME in folder DIR:
// - DIR/NAME.data.bin: the data stream, byte for byte as docs/format.md
//   lays it out (interleaved: header then payload per vector; separate:
//   the payloads only).
// - DIR/NAME.headers.bin: the header stream (separate layout only).
// - DIR/NAME.stream.json: what a decoder needs: lanes, element_bits,
//   layout, ccf, vectors, elements (the padding of the last vector is not
//   counted), and the .npy dtype and shape to write back.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "npy.hpp"
#include "zcomp_model.hpp"

namespace zcomp {

struct StreamInfo {
  VectorFormat fmt;
  Layout layout = Layout::kInterleaved;
  uint64_t vectors = 0;
  uint64_t elements = 0;
  std::string descr = "<f4";    ///< the .npy dtype of the elements
  std::vector<uint64_t> shape;  ///< of the .npy to write back
  std::string ccf = "zero";     ///< how the stream was made (informative)
};

inline bool write_bytes(const std::string& path, const std::vector<uint8_t>& b) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
  return static_cast<bool>(out);
}

inline std::optional<std::vector<uint8_t>> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
}

/// Writes the three files (two for the interleaved layout). Returns an
/// empty string, or what went wrong.
inline std::string write_stream_files(const std::string& dir, const std::string& name,
                                      const StreamInfo& info, const Stream& s) {
  const std::string base = dir + "/" + name;
  const bool sep = info.layout == Layout::kSeparateHeader;
  if (!write_bytes(base + ".data.bin", s.data)) return "cannot write " + base + ".data.bin";
  if (sep && !write_bytes(base + ".headers.bin", s.headers))
    return "cannot write " + base + ".headers.bin";
  std::string shape;
  for (const uint64_t d : info.shape) shape += (shape.empty() ? "" : ", ") + std::to_string(d);
  std::ofstream j(base + ".stream.json");
  j << "{\n  \"format\": \"zcomp\",\n"
    << "  \"lanes\": " << info.fmt.lanes << ",\n"
    << "  \"element_bits\": " << info.fmt.elem_bits << ",\n"
    << "  \"layout\": \"" << (sep ? "separate" : "interleaved") << "\",\n"
    << "  \"ccf\": \"" << info.ccf << "\",\n"
    << "  \"vectors\": " << info.vectors << ",\n"
    << "  \"elements\": " << info.elements << ",\n"
    << "  \"dtype\": \"" << info.descr << "\",\n"
    << "  \"shape\": [" << shape << "],\n"
    << "  \"data_file\": \"" << name << ".data.bin\",\n"
    << "  \"data_bytes\": " << s.data.size() << ",\n"
    << "  \"header_file\": " << (sep ? "\"" + name + ".headers.bin\"" : "null") << ",\n"
    << "  \"header_bytes\": " << s.headers.size() << "\n}\n";
  if (!j) return "cannot write " + base + ".stream.json";
  return {};
}

/// Writes an .npy file (version 1.0) of `elems` with dtype `descr`.
inline std::string write_npy_file(const std::string& path, const std::string& descr,
                                  const std::vector<uint64_t>& shape,
                                  const std::vector<uint32_t>& elems, unsigned elem_bytes) {
  std::string shp;  // as NumPy writes it: "(a, b)", "(a,)" or "()"
  for (const uint64_t d : shape) shp += (shp.empty() ? "" : ", ") + std::to_string(d);
  shp = "(" + shp + (shape.size() == 1 ? ",)" : ")");
  std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shp + ", }";
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  out << "\x93NUMPY" << '\x01' << '\x00' << static_cast<char>(header.size() & 0xFF)
      << static_cast<char>(header.size() >> 8) << header;
  for (const uint32_t e : elems)
    for (unsigned b = 0; b < elem_bytes; ++b) out << static_cast<char>((e >> (8 * b)) & 0xFF);
  if (!out) return "cannot write " + path;
  return {};
}

/// Reads a sidecar and its stream files, decodes them with the golden model
/// and writes the .npy. Returns an empty string, or one line naming the file
/// and the problem.
inline std::string decode_stream_files(const std::string& sidecar, const std::string& out_npy) {
  const auto text = read_bytes(sidecar);
  if (!text) return sidecar + ": cannot open the file (missing or unreadable)";
  std::string j(text->begin(), text->end());
  for (char& c : j)
    if (c == '\n') c = ' ';
  auto field = [&](const std::string& key) { return npy_detail::dict_value(j, key); };
  auto number = [&](const std::string& key, uint64_t& v) {
    const auto t = field(key);
    if (!t || t->empty() || t->find_first_not_of("0123456789") != std::string::npos) return false;
    v = std::stoull(*t);
    return true;
  };
  StreamInfo info;
  uint64_t lanes = 0, bits = 0;
  const auto layout = field("layout"), descr = field("dtype"), shape = field("shape"),
             data_file = field("data_file"), header_file = field("header_file"),
             format = field("format"), ccf = field("ccf");
  if (!format || npy_detail::unquote(*format) != "zcomp")
    return sidecar + ": not a zcomp stream sidecar (no \"format\": \"zcomp\")";
  if (!number("lanes", lanes) || !number("element_bits", bits) ||
      !number("vectors", info.vectors) || !number("elements", info.elements) || !layout || !descr ||
      !shape || !data_file || !header_file || !ccf)
    return sidecar +
           ": missing or malformed field (needs lanes, element_bits, layout, ccf, vectors, "
           "elements, dtype, shape, data_file, header_file)";
  info.fmt.lanes = static_cast<unsigned>(lanes);
  info.fmt.elem_bits = static_cast<unsigned>(bits);
  if (const std::string e = info.fmt.check(); !e.empty()) return sidecar + ": " + e;
  const std::string lay = npy_detail::unquote(*layout);
  if (lay != "interleaved" && lay != "separate")
    return sidecar + ": layout is \"interleaved\" or \"separate\", got " + *layout;
  info.layout = lay == "separate" ? Layout::kSeparateHeader : Layout::kInterleaved;
  if (info.elements > info.vectors * lanes)
    return sidecar + ": " + std::to_string(info.elements) + " elements do not fit in " +
           std::to_string(info.vectors) + " vectors";
  info.descr = npy_detail::unquote(*descr);
  const auto dims = npy_detail::parse_dims(*shape, '[', ']');
  if (!dims) return sidecar + ": malformed shape " + *shape;
  info.shape = *dims;
  uint64_t count = 1;
  for (const uint64_t d : info.shape) count *= d;
  if (count != info.elements)
    return sidecar + ": shape " + *shape + " does not hold " + std::to_string(info.elements) +
           " elements";
  // The stream files sit next to the sidecar.
  const std::string dir = sidecar.find('/') == std::string::npos
                              ? std::string(".")
                              : sidecar.substr(0, sidecar.rfind('/'));
  Stream s;
  const std::string dpath = dir + "/" + npy_detail::unquote(*data_file);
  const auto d = read_bytes(dpath);
  if (!d) return dpath + ": cannot open the file (missing or unreadable)";
  s.data = *d;
  if (info.layout == Layout::kSeparateHeader) {
    const std::string hpath = dir + "/" + npy_detail::unquote(*header_file);
    const auto h = read_bytes(hpath);
    if (!h) return hpath + ": cannot open the file (missing or unreadable)";
    s.headers = *h;
  }
  const DecodeResult r = decode(info.fmt, info.layout, s, info.vectors);
  if (!r.ok) return dpath + ": " + r.error;
  std::vector<uint32_t> elems(r.elements.begin(),
                              r.elements.begin() + static_cast<std::ptrdiff_t>(info.elements));
  return write_npy_file(out_npy, info.descr, info.shape, elems, info.fmt.elem_bytes());
}

}  // namespace zcomp
