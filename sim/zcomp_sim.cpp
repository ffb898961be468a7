// zcomp-sim: pushes a synthetic VGG-16-shaped workload through the
// Verilated ZCOMPS store engine and then the ZCOMPL load engine (N=16,
// EW=32, fp32 ReLU feature maps), both in lockstep with their cycle models,
// and prints what happened per layer.
//
// Per layer: the store engine (P=4, 64-byte L1 lines) compresses the
// layer's vectors into memory as one chained stream. The load engine (P=4,
// a 32-line window) reads that memory image back. Every vector read must
// equal the original (CCF zero is lossless). The memory image is also
// checked against the golden encoder, byte for byte.
//
// This is the first slice of the simulator (issue 5 adds .npy input,
// options for the configuration, JSON and waveforms). Exit status: 0 when
// the lockstep saw no mismatch and every round trip matched, 1 otherwise,
// 2 for bad arguments.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "Vtb_load_engine.h"
#include "Vtb_store_engine.h"
#include "featuremap.hpp"
#include "gtkw.hpp"
#include "load_lockstep.hpp"
#include "npy.hpp"
#include "seed.hpp"
#include "store_lockstep.hpp"
#include "stream_files.hpp"

namespace {

using zcomp::harness::LoadLockstep;
using zcomp::harness::LoadOptions;
using zcomp::harness::StoreLockstep;
using zcomp::harness::StoreOptions;

/// The engine pairs this build has: a row of tb_store_engine and one of
/// tb_load_engine with the same vector format and P, 64-byte L1 lines and a
/// 32-line load window. A file's element width (and --lanes, --p) picks the
/// pair; the first one listed for a width is its default.
struct Model {
  unsigned lanes, ew, p;
  int store_variant, load_variant;
};
constexpr Model kModels[] = {
    {16, 32, 4, 0, 6}, {32, 16, 4, 6, 9}, {64, 8, 4, 7, 10}, {16, 32, 2, 2, 5}, {16, 32, 1, 4, 4}};
constexpr double kLineBytes = 64;

std::string model_list() {
  std::string s;
  for (const Model& m : kModels)
    s += (s.empty() ? "" : ", ") + std::string("N=") + std::to_string(m.lanes) +
         " EW=" + std::to_string(m.ew) + " P=" + std::to_string(m.p);
  return s;
}

/// The engines for this element width, and lane count and P if asked for.
const Model* model_for(unsigned ew, unsigned lanes, unsigned p) {
  for (const Model& m : kModels)
    if (m.ew == ew && (lanes == 0 || m.lanes == lanes) && (p == 0 || m.p == p)) return &m;
  return nullptr;
}

std::string no_model(unsigned ew, unsigned lanes, unsigned p) {
  return "no engines built for " + (lanes ? "N=" + std::to_string(lanes) + " " : "") +
         (p ? "P=" + std::to_string(p) + " " : "") + "with " + std::to_string(ew) +
         "-bit elements; this build has " + model_list();
}

struct Args {
  uint64_t vectors_per_layer = 2000;
  double valid_rate = 1.0;
  double ready_rate = 1.0;
  unsigned latency = 4;
  zcomp::Layout layout = zcomp::Layout::kInterleaved;
  std::optional<uint64_t> seed;
  std::vector<std::string> inputs;      ///< .npy files, one row each (else the built-in profile)
  bool bf16 = false;                    ///< read 16-bit integer files as bfloat16
  std::string dtype;                    ///< --dtype: of raw files (and bf16 for .npy)
  std::string ccf = "zero";             ///< --ccf
  unsigned lanes = 0;                   ///< --lanes, 0 = the model's own
  unsigned p = 0;                       ///< --p, 0 = the model's own (4)
  std::string workload = "vgg16";       ///< --workload
  std::string trace;                    ///< --trace FILE.fst: the first row's runs
  std::optional<uint64_t> plant_fault;  ///< --plant-fault CYCLE (checks the checker)
  uint64_t trace_from = 0, trace_to = UINT64_MAX;  ///< --trace-window A:B
  std::string json;                                ///< --json FILE
  std::string dump_dir;                            ///< --dump-stream DIR
  std::string decode;                              ///< --decode SIDECAR (with --output FILE.npy)
  std::string encode;                              ///< --encode FILE.npy (with --output DIR)
  std::string output;                              ///< --output
  bool help = false;
};

void usage(std::FILE* out) {
  std::fprintf(out,
               "usage: zcomp-sim [--vectors N] [--valid-rate P] [--ready-rate P] [--latency C]\n"
               "                 [--layout interleaved|separate] [--seed S]\n"
               "                 [--workload W] [--input FILE.npy|DIR|FILE.bin ...] [--dtype T] "
               "[--lanes N]\n"
               "                 [--json FILE]\n"
               "                 [--dump-stream DIR] [--trace FILE.fst|.vcd [--trace-window A:B]]\n"
               "       zcomp-sim --decode DIR/NAME.stream.json --output FILE.npy\n"
               "       zcomp-sim --encode FILE.npy --output DIR [--layout ...] [--dtype bf16]\n"
               "  Runs the synthetic VGG-16 profile (docs/verification.md) through the\n"
               "  store engine (N=16, EW=32, P=4) and back through the load engine (P=4),\n"
               "  in lockstep with the golden models. Each layer is scaled down to N vectors\n"
               "  (default 2000). --valid-rate: operations offered; --ready-rate: L1 and\n"
               "  result ready; --latency: L1 latency in cycles (default 4).\n"
               "  The seed is --seed, else ZCOMP_SEED, else 1, so that a plain run always\n"
               "  prints the same table.\n"
               "  --workload: vgg16 (default), bernoulli:P, relu:S, clustered:S[:RUN],\n"
               "  dead-channels:S[:CHANNEL] (S, P: fraction of zeros; RUN: mean zero run;\n"
               "  CHANNEL: elements per channel): one row of --vectors fp32 vectors.\n"
               "  --input FILE.npy (repeatable): your feature maps instead, one row per file,\n"
               "  all elements in C order, the last vector padded with zeros. The element\n"
               "  width picks the engines: 32-bit (float32, int32) N=16, 16-bit (float16,\n"
               "  int16, bfloat16) N=32, 8-bit (int8, uint8) N=64: 512-bit vectors, P=4.\n"
               "  --p 1|2|4: engines of that P (32-bit elements have all three).\n"
               "  A folder stands for its .npy files. A raw file (any other name) holds\n"
               "  little-endian elements and needs --dtype fp32|fp16|bf16|int8|uint8|int16|int32.\n"
               "  --dtype bf16 reads '<u2'/'<i2' .npy files as bfloat16. --lanes N asks for N\n"
               "  lanes; a width and N with no engines built is named and refused.\n"
               "  --ccf zero (default, lossless) | fp-zero | int-threshold:N | fp-threshold:X:\n"
               "  what counts as zero (docs/format.md); the round trip then expects the input\n"
               "  as the CCF leaves it. X is converted to the row's float type.\n"
               "  --json FILE: the same figures and the configuration as JSON (written to\n"
               "  FILE.part, renamed to FILE when complete).\n"
               "  --dump-stream DIR: each row's compressed stream exactly as the engine wrote\n"
               "  it (NAME.data.bin, NAME.headers.bin for the separate layout) and a sidecar\n"
               "  NAME.stream.json for any decoder written from docs/format.md.\n"
               "  --trace FILE.fst|FILE.vcd: the first row's store and load runs as\n"
               "  FILE.store.fst and FILE.load.fst (or .vcd, converted with fst2vcd), each\n"
               "  with a GTKWave save file (.gtkw) of grouped signals;\n"
               "  --trace-window A:B keeps cycles A to B of each.\n"
               "  --plant-fault C: a broken request address in the first row's store engine\n"
               "  from cycle C on, to see the checker catch it (trace, save file, exit 1).\n"
               "  --decode: the golden model turns a dumped stream back into .npy; --encode:\n"
               "  the golden model (no RTL) writes the same files for an .npy file.\n");
}

bool parse_rate(const char* s, double& out) {
  char* end = nullptr;
  out = std::strtod(s, &end);
  return end != s && *end == '\0' && out > 0.0 && out <= 1.0;
}

bool parse_uint(const char* s, uint64_t& out) {
  char* end = nullptr;
  if (*s == '\0' || *s == '-') return false;
  out = std::strtoull(s, &end, 0);
  return *end == '\0';
}

int parse(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "-h" || arg == "--help") {
      a.help = true;
    } else if (arg == "--vectors" && has_value) {
      if (!parse_uint(argv[++i], a.vectors_per_layer) || a.vectors_per_layer == 0) {
        std::fprintf(stderr, "zcomp-sim: --vectors needs a positive whole number, got '%s'\n",
                     argv[i]);
        return 2;
      }
    } else if (arg == "--latency" && has_value) {
      uint64_t c = 0;
      if (!parse_uint(argv[++i], c) || c > 1000) {
        std::fprintf(stderr, "zcomp-sim: --latency needs a whole number from 0 to 1000, got '%s'\n",
                     argv[i]);
        return 2;
      }
      a.latency = static_cast<unsigned>(c);
    } else if (arg == "--layout" && has_value) {
      const std::string v = argv[++i];
      if (v == "interleaved") {
        a.layout = zcomp::Layout::kInterleaved;
      } else if (v == "separate") {
        a.layout = zcomp::Layout::kSeparateHeader;
      } else {
        std::fprintf(stderr, "zcomp-sim: --layout is 'interleaved' or 'separate', got '%s'\n",
                     v.c_str());
        return 2;
      }
    } else if (arg == "--lanes" && has_value) {
      uint64_t n = 0;
      if (!parse_uint(argv[++i], n) || n == 0 || n > 64) {
        std::fprintf(stderr, "zcomp-sim: --lanes needs a whole number from 1 to 64, got '%s'\n",
                     argv[i]);
        return 2;
      }
      a.lanes = static_cast<unsigned>(n);
    } else if (arg == "--trace" && has_value) {
      a.trace = argv[++i];
      const std::string ext = std::filesystem::path(a.trace).extension().string();
      if (ext != ".fst" && ext != ".vcd") {
        std::fprintf(stderr, "zcomp-sim: --trace writes FST (*.fst) or VCD (*.vcd), got '%s'\n",
                     a.trace.c_str());
        return 2;
      }
      if (ext == ".vcd" && std::system("command -v fst2vcd > /dev/null 2>&1") != 0) {
        std::fprintf(stderr,
                     "zcomp-sim: --trace *.vcd converts the FST trace with fst2vcd (GTKWave's), "
                     "which is not installed: run 'make deps' or use *.fst\n");
        return 2;
      }
    } else if (arg == "--plant-fault" && has_value) {
      uint64_t c = 0;
      if (!parse_uint(argv[++i], c)) {
        std::fprintf(stderr, "zcomp-sim: --plant-fault needs a cycle number, got '%s'\n", argv[i]);
        return 2;
      }
      a.plant_fault = c;
    } else if (arg == "--trace-window" && has_value) {
      const std::string v = argv[++i];
      const auto colon = v.find(':');
      uint64_t from = 0, to = 0;
      if (colon == std::string::npos || !parse_uint(v.substr(0, colon).c_str(), from) ||
          !parse_uint(v.substr(colon + 1).c_str(), to) || to < from) {
        std::fprintf(stderr, "zcomp-sim: --trace-window is A:B with cycles A <= B, got '%s'\n",
                     v.c_str());
        return 2;
      }
      a.trace_from = from;
      a.trace_to = to;
    } else if (arg == "--workload" && has_value) {
      a.workload = argv[++i];
    } else if (arg == "--ccf" && has_value) {
      a.ccf = argv[++i];
      const auto colon = a.ccf.find(':');
      const std::string kind = a.ccf.substr(0, colon);
      const std::string val = colon == std::string::npos ? "" : a.ccf.substr(colon + 1);
      char* end = nullptr;
      const double x = val.empty() ? -1 : std::strtod(val.c_str(), &end);
      const bool number = !val.empty() && *end == '\0' && x >= 0;
      uint64_t n = 0;
      const bool ok = ((kind == "zero" || kind == "fp-zero") && colon == std::string::npos) ||
                      (kind == "int-threshold" && parse_uint(val.c_str(), n)) ||
                      (kind == "fp-threshold" && number);
      if (!ok) {
        std::fprintf(stderr,
                     "zcomp-sim: --ccf is zero, fp-zero, int-threshold:N or fp-threshold:X "
                     "(N a whole number, X a real number >= 0), got '%s'\n",
                     a.ccf.c_str());
        return 2;
      }
    } else if (arg == "--json" && has_value) {
      a.json = argv[++i];
    } else if (arg == "--dump-stream" && has_value) {
      a.dump_dir = argv[++i];
    } else if (arg == "--decode" && has_value) {
      a.decode = argv[++i];
    } else if (arg == "--encode" && has_value) {
      a.encode = argv[++i];
    } else if (arg == "--output" && has_value) {
      a.output = argv[++i];
    } else if (arg == "--p" && has_value) {
      const std::string v = argv[++i];
      if (v != "1" && v != "2" && v != "4") {
        std::fprintf(stderr, "zcomp-sim: --p is 1, 2 or 4, got '%s'\n", v.c_str());
        return 2;
      }
      a.p = static_cast<unsigned>(std::stoul(v));
    } else if (arg == "--input" && has_value) {
      a.inputs.push_back(argv[++i]);
    } else if (arg == "--dtype" && has_value) {
      a.dtype = argv[++i];
      if (a.dtype != "uint8" && !zcomp::parse_dtype(a.dtype)) {
        std::fprintf(stderr,
                     "zcomp-sim: --dtype is fp32, fp16, bf16, int8, uint8, int16 or int32, got "
                     "'%s'\n",
                     a.dtype.c_str());
        return 2;
      }
      a.bf16 = a.dtype == "bf16";
    } else if (arg == "--seed" && has_value) {
      uint64_t s = 0;
      if (!parse_uint(argv[++i], s)) {
        std::fprintf(stderr, "zcomp-sim: --seed needs a whole number, got '%s'\n", argv[i]);
        return 2;
      }
      a.seed = s;
    } else if ((arg == "--valid-rate" || arg == "--ready-rate") && has_value) {
      double& dst = arg == "--valid-rate" ? a.valid_rate : a.ready_rate;
      if (!parse_rate(argv[++i], dst)) {
        std::fprintf(stderr, "zcomp-sim: %s needs a number in (0, 1], got '%s'\n", arg.c_str(),
                     argv[i]);
        return 2;
      }
    } else {
      std::fprintf(stderr, "zcomp-sim: unknown option or missing value: '%s' (try --help)\n",
                   arg.c_str());
      return 2;
    }
  }
  return 0;
}

struct Row {
  uint64_t elements = 0, zeros = 0, bytes_in = 0, bytes_out = 0;
  uint64_t vectors = 0, store_cycles = 0, load_cycles = 0;
  int mismatches = 0;
  double p = 4;  ///< the engines' P, for the bound
};

double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

/// The figures of a row, as the table and the JSON give them.
struct Figures {
  double sparsity, ratio, store_vpc, store_pct, load_vpc, load_pct, bytes_per_vector;
};

Figures figures(const Row& r) {
  Figures f{};
  const double per_vec = ratio(static_cast<double>(r.bytes_out), static_cast<double>(r.vectors));
  const double bound = std::min(r.p, ratio(kLineBytes, per_vec));
  f.bytes_per_vector = per_vec;
  f.sparsity = ratio(static_cast<double>(r.zeros), static_cast<double>(r.elements));
  f.ratio = ratio(static_cast<double>(r.bytes_in), static_cast<double>(r.bytes_out));
  f.store_vpc = ratio(static_cast<double>(r.vectors), static_cast<double>(r.store_cycles));
  f.load_vpc = ratio(static_cast<double>(r.vectors), static_cast<double>(r.load_cycles));
  f.store_pct = 100.0 * ratio(f.store_vpc, bound);
  f.load_pct = 100.0 * ratio(f.load_vpc, bound);
  return f;
}

void print_row(const std::string& name, const Row& r, int width) {
  const Figures f = figures(r);
  std::printf("%-*s %9" PRIu64 " %8.1f%% %10" PRIu64 " %10" PRIu64 " %6.2fx %7" PRIu64
              " %6.2f %5.0f%% %7" PRIu64 " %6.2f %5.0f%% %5d\n",
              width, name.c_str(), r.elements, 100.0 * f.sparsity, r.bytes_in, r.bytes_out, f.ratio,
              r.store_cycles, f.store_vpc, f.store_pct, r.load_cycles, f.load_vpc, f.load_pct,
              r.mismatches);
}

/// A JSON string literal.
std::string json_str(const std::string& s) {
  std::string o = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      o += buf;
    } else {
      o += c;
    }
  }
  return o + "\"";
}

/// One row as a JSON object.
std::string json_row(const std::string& name, const Row& r, unsigned lanes, unsigned ew) {
  const Figures f = figures(r);
  char buf[1024];
  std::snprintf(buf, sizeof buf,
                "{\"name\": %s, \"lanes\": %u, \"element_bits\": %u, \"elements\": %" PRIu64
                ", \"vectors\": %" PRIu64 ", \"sparsity\": %.6f, \"bytes_in\": %" PRIu64
                ", \"bytes_out\": %" PRIu64
                ", \"compression_ratio\": %.6f, \"bytes_per_vector\": %.4f, "
                "\"store\": {\"cycles\": %" PRIu64
                ", \"vectors_per_cycle\": %.6f, \"percent_of_bound\": %.3f}, "
                "\"load\": {\"cycles\": %" PRIu64
                ", \"vectors_per_cycle\": %.6f, \"percent_of_bound\": %.3f}, "
                "\"bad_vectors\": %d}",
                json_str(name).c_str(), lanes, ew, r.elements, r.vectors, f.sparsity, r.bytes_in,
                r.bytes_out, f.ratio, f.bytes_per_vector, r.store_cycles, f.store_vpc, f.store_pct,
                r.load_cycles, f.load_vpc, f.load_pct, r.mismatches);
  return buf;
}

/// One row of the report: a layer of the built-in profile or one file.
struct Workload {
  std::string name;
  const Model* model = &kModels[0];
  std::vector<zcomp::LaneArray> vectors;
  unsigned padded = 0;                      ///< zeros added to fill the last vector
  std::string dtype;                        ///< of a file
  zcomp::DType type = zcomp::DType::kFp32;  ///< its element type
  zcomp::Ccf ccf = zcomp::Ccf::kZero;       ///< --ccf for this row's type
  uint32_t thresh = 0;                      ///< in the element's bits
  std::string descr = "<f4";                ///< .npy dtype, for --dump-stream
  std::vector<uint64_t> shape;              ///< .npy shape, for --dump-stream
};

std::vector<Workload> profile_rows(uint64_t seed, uint64_t vectors_per_layer, unsigned lanes_asked,
                                   unsigned p_asked, std::string& error) {
  std::vector<Workload> rows;
  const Model* m = model_for(32, lanes_asked, p_asked);
  if (m == nullptr) {
    error = "the built-in workload is fp32: " + no_model(32, lanes_asked, p_asked);
    return {};
  }
  for (const auto& layer : zcomp::vgg16_profile()) {
    zcomp::WorkloadSpec spec;
    spec.pattern = zcomp::Pattern::kRelu;
    spec.sparsity = layer.sparsity;
    zcomp::FeatureMapGenerator gen(spec, zcomp::DType::kFp32,
                                   zcomp::harness::derive_seed(seed, layer.name));
    Workload w{layer.name, m, {}, 0};
    const unsigned lanes = w.model->lanes;
    w.vectors.resize(std::min<uint64_t>(vectors_per_layer, layer.elements / lanes));
    for (auto& v : w.vectors)
      for (unsigned i = 0; i < lanes; ++i) v[i] = gen.next();
    w.shape = {w.vectors.size() * lanes};
    rows.push_back(std::move(w));
  }
  return rows;
}

/// A number in [0, 1] from text, or nothing.
std::optional<double> fraction(const std::string& t) {
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (t.empty() || *end != '\0' || !(v >= 0.0 && v <= 1.0)) return std::nullopt;
  return v;
}

/// One row from --workload bernoulli:P, relu:S, clustered:S[:RUN] or
/// dead-channels:S[:CHANNEL]; on a bad spec, `error` says what is wrong.
std::vector<Workload> pattern_rows(const std::string& spec_text, uint64_t seed, uint64_t vectors,
                                   unsigned lanes_asked, unsigned p_asked, std::string& error) {
  std::vector<std::string> parts;
  for (std::size_t p = 0;;) {
    const std::size_t c = spec_text.find(':', p);
    parts.push_back(spec_text.substr(p, c == std::string::npos ? std::string::npos : c - p));
    if (c == std::string::npos) break;
    p = c + 1;
  }
  const std::string usage =
      "--workload is vgg16, bernoulli:P, relu:S, clustered:S[:RUN] or dead-channels:S[:CHANNEL] "
      "(P, S from 0 to 1), got '" +
      spec_text + "'";
  zcomp::WorkloadSpec spec;
  const std::string& kind = parts[0];
  if (kind == "bernoulli")
    spec.pattern = zcomp::Pattern::kBernoulli;
  else if (kind == "relu")
    spec.pattern = zcomp::Pattern::kRelu;
  else if (kind == "clustered")
    spec.pattern = zcomp::Pattern::kClustered;
  else if (kind == "dead-channels")
    spec.pattern = zcomp::Pattern::kDeadChannels;
  else {
    error = usage;
    return {};
  }
  const bool extra_ok = kind == "clustered" || kind == "dead-channels";
  if (parts.size() < 2 || parts.size() > (extra_ok ? 3u : 2u) || !fraction(parts[1])) {
    error = usage;
    return {};
  }
  spec.sparsity = *fraction(parts[1]);
  if (parts.size() == 3) {
    uint64_t n = 0;
    if (!parse_uint(parts[2].c_str(), n) || n == 0 || n > 1000000) {
      error = usage + " (RUN and CHANNEL are whole numbers from 1)";
      return {};
    }
    (kind == "clustered" ? spec.run_length : spec.channel_elems) = static_cast<unsigned>(n);
  }
  const Model* m = model_for(32, lanes_asked, p_asked);
  if (m == nullptr) {
    error = "the --workload patterns are fp32: " + no_model(32, lanes_asked, p_asked);
    return {};
  }
  zcomp::FeatureMapGenerator gen(spec, zcomp::DType::kFp32,
                                 zcomp::harness::derive_seed(seed, spec_text));
  Workload w{spec_text, m, {}, 0};
  w.vectors.resize(vectors);
  for (auto& v : w.vectors)
    for (unsigned i = 0; i < m->lanes; ++i) v[i] = gen.next();
  w.shape = {vectors * m->lanes};
  return {std::move(w)};
}

/// One row per file; on a bad file, `error` names it and the problem.
/// A raw file of little-endian elements of `dtype`, as an NpyArray of one
/// dimension; on failure, `error` names the file and the problem.
std::optional<zcomp::NpyArray> read_raw(const std::string& path, const std::string& dtype,
                                        std::string& error) {
  if (dtype.empty()) {
    error = path +
            ": a raw file (not .npy) needs --dtype (fp32, fp16, bf16, int8, uint8, "
            "int16 or int32)";
    return std::nullopt;
  }
  const auto bytes = zcomp::read_bytes(path);
  if (!bytes) {
    error = path + ": cannot open the file (missing or unreadable)";
    return std::nullopt;
  }
  zcomp::NpyArray a;
  a.dtype = dtype == "uint8" ? zcomp::DType::kInt8 : *zcomp::parse_dtype(dtype);
  const unsigned size = zcomp::dtype_bits(a.dtype) / 8;
  const std::map<std::string, std::string> descr = {
      {"fp32", "<f4"},  {"fp16", "<f2"},  {"bf16", "<u2"}, {"int8", "|i1"},
      {"uint8", "|u1"}, {"int16", "<i2"}, {"int32", "<i4"}};
  a.descr = descr.at(dtype);
  if (bytes->size() % size != 0) {
    error = path + ": " + std::to_string(bytes->size()) + " bytes is not a whole number of " +
            dtype + " elements";
    return std::nullopt;
  }
  a.shape = {bytes->size() / size};
  a.elems.resize(bytes->size() / size);
  for (std::size_t i = 0; i < a.elems.size(); ++i)
    for (unsigned b = 0; b < size; ++b) a.elems[i] |= uint32_t{(*bytes)[i * size + b]} << (8 * b);
  return a;
}

/// The files to read: each path, or the .npy files of a folder, sorted.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::string& error) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(p, ec))
      if (e.is_regular_file() && e.path().extension() == ".npy") found.push_back(e.path().string());
    if (found.empty()) {
      error = p + ": the folder has no .npy files";
      return {};
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

std::vector<Workload> file_rows(const std::vector<std::string>& given, const std::string& dtype,
                                unsigned lanes_asked, unsigned p_asked, std::string& error) {
  std::vector<Workload> rows;
  const std::vector<std::string> paths = expand_inputs(given, error);
  if (!error.empty()) return {};
  for (const std::string& path : paths) {
    const bool npy = std::filesystem::path(path).extension() == ".npy";
    if (npy && !dtype.empty() && dtype != "bf16") {
      error = path + ": --dtype " + dtype +
              " is for raw files; a .npy file's dtype comes from its header (only bf16 "
              "overrides '<u2'/'<i2')";
      return {};
    }
    const auto a =
        npy ? zcomp::read_npy(path, dtype == "bf16", error) : read_raw(path, dtype, error);
    if (!a) return {};
    const Model* m = model_for(zcomp::dtype_bits(a->dtype), lanes_asked, p_asked);
    if (m == nullptr) {
      error = path + ": " + zcomp::to_string(a->dtype) +
              " data: " + no_model(zcomp::dtype_bits(a->dtype), lanes_asked, p_asked);
      return {};
    }
    if (a->elems.empty()) {
      error = path + ": the array has no elements";
      return {};
    }
    Workload w{std::filesystem::path(path).filename().string(), m, {}, 0};
    const unsigned lanes = m->lanes;
    w.vectors.resize((a->elems.size() + lanes - 1) / lanes);
    for (std::size_t i = 0; i < a->elems.size(); ++i) w.vectors[i / lanes][i % lanes] = a->elems[i];
    w.padded = static_cast<unsigned>(w.vectors.size() * lanes - a->elems.size());
    w.dtype = std::string(zcomp::to_string(a->dtype)) + " ('" + a->descr + "')";
    w.descr = a->descr;
    w.shape = a->shape;
    w.type = a->dtype;
    rows.push_back(std::move(w));
  }
  return rows;
}

/// --ccf for a row of element type t: the code and the threshold in the
/// element's bits; on a CCF that does not fit the type, `error` says so.
std::pair<zcomp::Ccf, uint32_t> resolve_ccf(const std::string& text, zcomp::DType t,
                                            const std::string& row, std::string& error) {
  const auto colon = text.find(':');
  const std::string kind = text.substr(0, colon);
  const std::string val = colon == std::string::npos ? "" : text.substr(colon + 1);
  const bool is_float = zcomp::dtype_is_float(t);
  if (kind == "zero") return {zcomp::Ccf::kZero, 0};
  if ((kind == "fp-zero" || kind == "fp-threshold") && !is_float) {
    error = row + ": --ccf " + text + " is for float data, and this row is " + zcomp::to_string(t);
    return {};
  }
  if (kind == "int-threshold" && is_float) {
    error =
        row + ": --ccf " + text + " is for integer data, and this row is " + zcomp::to_string(t);
    return {};
  }
  if (kind == "fp-zero") return {zcomp::Ccf::kFpZero, 0};
  if (kind == "int-threshold") {
    const uint64_t n = std::strtoull(val.c_str(), nullptr, 0);
    const unsigned bits = zcomp::dtype_bits(t);
    if (n >= (uint64_t{1} << (bits - 1))) {
      error = row + ": --ccf " + text + ": the threshold does not fit a " + zcomp::to_string(t);
      return {};
    }
    return {zcomp::Ccf::kIntThreshold, static_cast<uint32_t>(n)};
  }
  const float x = std::strtof(val.c_str(), nullptr);
  uint32_t bits = 0;
  if (t == zcomp::DType::kFp32) std::memcpy(&bits, &x, 4);
  if (t == zcomp::DType::kFp16) bits = zcomp::float_to_half(x);
  if (t == zcomp::DType::kBf16) bits = zcomp::float_to_bf16(x);
  return {zcomp::Ccf::kFpThreshold, bits};
}

/// out.fst -> out.store.fst / out.load.fst
std::string trace_file(const std::string& path, const std::string& phase) {
  const std::filesystem::path p(path);
  return (p.parent_path() / (p.stem().string() + "." + phase + ".fst")).string();
}

/// Writes the GTKWave save file next to `fst` (a trace of the row's store
/// or load engine) and returns its path, or "" after naming the problem.
/// `marker`: a time to mark, or < 0. `shown`: the trace the save file opens,
/// when not `fst` itself.
std::string save_file(const std::string& fst, const Workload& w, bool store, int64_t marker,
                      const std::string& shown) {
  const std::string gtkw = fst.substr(0, fst.size() - 4) + ".gtkw";
  const std::string scope =
      store ? "tb.tb_store_engine.gen_variant[" + std::to_string(w.model->store_variant) + "].u_dut"
            : "tb.tb_load_engine.gen_variant[" + std::to_string(w.model->load_variant) + "].u_dut";
  std::vector<std::string> missing;
  if (!zcomp::write_gtkw(gtkw, std::filesystem::absolute(fst).string(), scope,
                         store ? zcomp::store_engine_groups() : zcomp::load_engine_groups(), marker,
                         missing, shown.empty() ? "" : std::filesystem::absolute(shown).string())) {
    std::fprintf(stderr, "zcomp-sim: cannot write %s\n", gtkw.c_str());
    return {};
  }
  for (const std::string& m : missing)
    std::fprintf(stderr, "zcomp-sim: note: %s is not in the trace\n", m.c_str());
  return gtkw;
}

/// What a stream sidecar says of a row's stream.
zcomp::StreamInfo stream_info(const Workload& w, zcomp::Layout layout, const std::string& ccf) {
  zcomp::StreamInfo info;
  info.fmt = {w.model->lanes, w.model->ew};
  info.layout = layout;
  info.ccf = ccf;
  info.vectors = w.vectors.size();
  info.elements = w.vectors.size() * w.model->lanes - w.padded;
  info.descr = w.descr;
  info.shape = w.shape;
  return info;
}

/// Writes a row's stream exactly as the store engine left it in memory.
std::string dump_stream(const std::string& dir, const Workload& w,
                        const std::map<uint64_t, uint8_t>& memory, const StoreOptions& so,
                        uint64_t bytes_out, const std::string& ccf) {
  const zcomp::VectorFormat fmt{w.model->lanes, w.model->ew};
  const bool sep = so.data_layout == zcomp::Layout::kSeparateHeader;
  const uint64_t hbytes = sep ? w.vectors.size() * fmt.header_bytes() : 0;
  zcomp::Stream s;
  auto take = [&memory](uint64_t from, uint64_t n, std::vector<uint8_t>& out) {
    for (uint64_t a = from; a < from + n; ++a) {
      auto it = memory.find(a);
      if (it == memory.end()) return false;
      out.push_back(it->second);
    }
    return true;
  };
  if (!take(so.data_base, bytes_out - hbytes, s.data) || !take(so.header_base, hbytes, s.headers))
    return w.name + ": the engine's memory image has a hole (not dumped)";
  return zcomp::write_stream_files(dir, std::filesystem::path(w.name).stem().string(),
                                   stream_info(w, so.data_layout, ccf), s);
}

/// --decode and --encode: the golden model as a command-line codec.
int codec_mode(const Args& a) {
  if (a.output.empty()) {
    std::fprintf(stderr, "zcomp-sim: --%s needs --output\n",
                 a.decode.empty() ? "encode" : "decode");
    return 2;
  }
  if (!a.decode.empty()) {
    if (const std::string e = zcomp::decode_stream_files(a.decode, a.output); !e.empty()) {
      std::fprintf(stderr, "zcomp-sim: %s\n", e.c_str());
      return 2;
    }
    std::printf("zcomp-sim: decoded %s into %s\n", a.decode.c_str(), a.output.c_str());
    return 0;
  }
  std::string error;
  const std::vector<Workload> rows = file_rows({a.encode}, a.dtype, a.lanes, a.p, error);
  if (!error.empty()) {
    std::fprintf(stderr, "zcomp-sim: %s\n", error.c_str());
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(a.output, ec);
  const Workload& w = rows.front();
  const auto [ccf, thresh] = resolve_ccf(a.ccf, w.type, a.encode, error);
  if (!error.empty()) {
    std::fprintf(stderr, "zcomp-sim: %s\n", error.c_str());
    return 2;
  }
  const zcomp::VectorFormat fmt{w.model->lanes, w.model->ew};
  zcomp::StreamEncoder enc(fmt, a.layout);
  for (const auto& v : w.vectors)
    enc.append(std::span<const uint32_t>(v.data(), fmt.lanes), ccf, thresh);
  const std::string name = std::filesystem::path(w.name).stem().string();
  if (const std::string e =
          zcomp::write_stream_files(a.output, name, stream_info(w, a.layout, a.ccf), enc.stream());
      !e.empty()) {
    std::fprintf(stderr, "zcomp-sim: %s\n", e.c_str());
    return 2;
  }
  std::printf("zcomp-sim: encoded %s into %s/%s.stream.json (golden model, no RTL)\n",
              a.encode.c_str(), a.output.c_str(), name.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (int rc = parse(argc, argv, args); rc != 0) return rc;
  if (args.help) {
    usage(stdout);
    return 0;
  }
  if (!args.decode.empty() || !args.encode.empty()) return codec_mode(args);
  if (!args.trace.empty()) {
    std::error_code ec;
    const auto dir = std::filesystem::path(args.trace).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    const std::string probe = trace_file(args.trace, "store");
    if (ec || !std::ofstream(probe)) {
      std::fprintf(stderr, "zcomp-sim: cannot write --trace %s\n", probe.c_str());
      return 2;
    }
  }
  if (!args.dump_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.dump_dir, ec);
    const std::string probe = args.dump_dir + "/.zcomp-write-test";
    if (ec || !std::ofstream(probe)) {
      std::fprintf(stderr, "zcomp-sim: cannot write to --dump-stream %s\n", args.dump_dir.c_str());
      return 2;
    }
    std::filesystem::remove(probe, ec);
  }
  const char* env_seed = std::getenv("ZCOMP_SEED");
  const bool from_env = env_seed != nullptr && *env_seed != '\0';
  const uint64_t seed = args.seed ? *args.seed : from_env ? zcomp::harness::base_seed() : 1;
  const bool sep = args.layout == zcomp::Layout::kSeparateHeader;
  std::string error;
  std::vector<Workload> rows =
      !args.inputs.empty() ? file_rows(args.inputs, args.dtype, args.lanes, args.p, error)
      : args.workload == "vgg16"
          ? profile_rows(seed, args.vectors_per_layer, args.lanes, args.p, error)
          : pattern_rows(args.workload, seed, args.vectors_per_layer, args.lanes, args.p, error);
  if (!error.empty()) {
    std::fprintf(stderr, "zcomp-sim: %s\n", error.c_str());
    return 2;
  }
  // Each row's CCF, checked against its element type before anything runs.
  for (Workload& w : rows) {
    std::tie(w.ccf, w.thresh) = resolve_ccf(args.ccf, w.type, w.name, error);
    if (!error.empty()) {
      std::fprintf(stderr, "zcomp-sim: %s\n", error.c_str());
      return 2;
    }
  }
  // The JSON goes to FILE.part first and becomes FILE only when complete.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> json(nullptr, &std::fclose);
  const std::string json_part = args.json + ".part";
  if (!args.json.empty()) {
    json.reset(std::fopen(json_part.c_str(), "w"));
    if (!json) {
      std::fprintf(stderr, "zcomp-sim: cannot write --json %s: %s\n", args.json.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  std::vector<std::string> json_rows;
  const bool one_format = std::all_of(rows.begin(), rows.end(), [&](const Workload& w) {
    return w.model->lanes == rows.front().model->lanes;
  });
  const unsigned p_used = rows.front().model->p;  // --p applies to every row
  const std::string format = one_format ? "N=" + std::to_string(rows.front().model->lanes) +
                                              " EW=" + std::to_string(rows.front().model->ew)
                                        : std::string("N*EW = 512 bits,");
  std::printf(
      "zcomp-sim: ZCOMPS store engine (%s P=%u, 64-byte L1 lines), then\n"
      "           ZCOMPL load engine (P=%u, 32-line window); lockstep on, CCF %s\n",
      format.c_str(), p_used, p_used, args.ccf.c_str());
  if (args.inputs.empty() && args.workload == "vgg16") {
    std::printf("workload : synthetic VGG-16 profile, fp32 ReLU feature maps, %" PRIu64
                " vectors per layer\n",
                args.vectors_per_layer);
  } else if (args.inputs.empty()) {
    std::printf("workload : %s, fp32, %" PRIu64 " vectors\n", args.workload.c_str(),
                args.vectors_per_layer);
  } else {
    std::printf("workload : %zu .npy file(s), one row each\n", rows.size());
    for (const Workload& w : rows) {
      std::printf("           %s: %s, engines N=%u EW=%u\n", w.name.c_str(), w.dtype.c_str(),
                  w.model->lanes, w.model->ew);
      if (w.padded > 0)
        std::printf("           %s: the last vector is padded with %u zero(s)\n", w.name.c_str(),
                    w.padded);
    }
  }
  std::printf("layout   : %s\n", sep ? "separate header" : "interleaved");
  std::printf("seed     : %" PRIu64 " (%s)\n", seed,
              args.seed  ? "--seed"
              : from_env ? "ZCOMP_SEED"
                         : "default; --seed S to change");
  std::printf("L1       : latency %u cycles, ready rate %.2f; operations offered at rate %.2f\n\n",
              args.latency, args.ready_rate, args.valid_rate);
  int width = 8;  // the name column: as wide as the longest row name
  for (const Workload& w : rows) width = std::max(width, static_cast<int>(w.name.size()));
  std::printf("%-*s %9s %9s %10s %10s %7s %7s %6s %6s %7s %6s %6s %5s\n", width, "", "", "", "", "",
              "", "store", "vec/", "% of", "load", "vec/", "% of", "");
  std::printf("%-*s %9s %9s %10s %10s %7s %7s %6s %6s %7s %6s %6s %5s\n", width, "layer",
              "elements", "sparsity", "bytes in", "bytes out", "ratio", "cycles", "cycle", "bound",
              "cycles", "cycle", "bound", "bad");

  Row total;
  total.p = p_used;
  int failures = 0;
  std::vector<std::string> traces;  ///< gtkwave commands
  // Progress on a terminal (stderr), nothing when it is a file or a pipe.
  const bool progress = isatty(fileno(stderr)) != 0;
  std::size_t row_index = 0;
  for (const Workload& w : rows) {
    if (progress)
      std::fprintf(stderr, "\r[zcomp-sim] row %zu of %zu: %-24.24s", ++row_index, rows.size(),
                   w.name.c_str());
    const uint64_t lseed = zcomp::harness::derive_seed(seed, w.name);
    const std::vector<zcomp::LaneArray>& vectors = w.vectors;
    const std::size_t n = vectors.size();
    Row row;
    row.p = w.model->p;
    for (const auto& v : vectors)
      for (unsigned i = 0; i < w.model->lanes; ++i) row.zeros += v[i] == 0;
    row.zeros -= w.padded;  // the padding is not the user's data
    row.elements = n * w.model->lanes - w.padded;
    row.vectors = n;
    row.bytes_in = row.elements * (w.model->ew / 8);

    StoreOptions so;
    so.seed = lseed;
    so.only_variant = w.model->store_variant;
    so.data = &vectors;
    so.data_layout = args.layout;
    so.data_ccf = w.ccf;
    so.data_thresh = w.thresh;
    so.op_valid_rate = args.valid_rate;
    so.res_ready_rate = args.ready_rate;
    so.l1_ready_rate = args.ready_rate;
    so.l1_min_latency = so.l1_max_latency = args.latency;
    so.trace_dir = "zcomp-traces";
    const bool traced = !args.trace.empty() && &w == &rows.front();
    if (args.plant_fault && &w == &rows.front()) {
      so.fault_variant = w.model->store_variant;
      so.fault_cycle = *args.plant_fault;
    }
    if (traced) {
      so.trace_path = trace_file(args.trace, "store");
      so.trace_from = args.trace_from;
      so.trace_to = args.trace_to;
    }
    const auto st = StoreLockstep<Vtb_store_engine>::run(so);
    // A run that stopped on a mismatch may carry no statistics.
    const auto ss = st.stats.empty() ? zcomp::harness::StoreVariantStats{}
                                     : st.stats.at(w.model->store_variant);
    row.bytes_out = ss.bytes;
    row.store_cycles =
        st.stats.empty() ? 0 : ss.last_request - std::min(ss.first_accept, ss.last_request) + 1;
    if (!args.dump_dir.empty() && st.ok) {
      if (const std::string e =
              dump_stream(args.dump_dir, w, st.memory, so, row.bytes_out, args.ccf);
          !e.empty()) {
        std::fprintf(stderr, "zcomp-sim: %s\n", e.c_str());
        return 2;
      }
    }

    LoadOptions lo;
    lo.seed = lseed;
    lo.only_variant = w.model->load_variant;
    lo.memory = &st.memory;
    lo.stream_layout = args.layout;
    lo.stream_d = so.data_base;
    lo.stream_h = so.header_base;
    lo.stream_vectors = n;
    lo.full_groups = true;
    lo.flush_rate = 0.0;
    lo.op_valid_rate = args.valid_rate;
    lo.res_ready_rate = args.ready_rate;
    lo.l1_ready_rate = args.ready_rate;
    lo.l1_min_latency = lo.l1_max_latency = args.latency;
    lo.trace_dir = "zcomp-traces";
    if (traced) {
      lo.trace_path = trace_file(args.trace, "load");
      lo.trace_from = args.trace_from;
      lo.trace_to = args.trace_to;
    }
    const auto ld = st.ok ? LoadLockstep<Vtb_load_engine>::run(lo) : zcomp::harness::LoadReport{};
    const auto& ls =
        ld.stats.empty() ? zcomp::harness::LoadVariantStats{} : ld.stats.at(w.model->load_variant);
    row.load_cycles =
        ld.stats.empty() ? 0 : ls.last_result - std::min(ls.first_accept, ls.last_result) + 1;

    // A mismatch: the harness wrote a trace around it; add its save file,
    // with the marker on the mismatch (time = 10 x cycle).
    auto mismatch_gtkw = [&](const auto& rep, bool store) {
      if (!rep.mismatch || rep.trace_file.empty()) return;
      const std::string gtkw =
          save_file(rep.trace_file, w, store, static_cast<int64_t>(rep.mismatch->cycle) * 10, "");
      traces.push_back("gtkwave " + rep.trace_file + " " + gtkw + "   (mismatch at cycle " +
                       std::to_string(rep.mismatch->cycle) + ")");
    };
    mismatch_gtkw(st, true);
    mismatch_gtkw(ld, false);
    if (traced) {
      for (const bool store : {true, false}) {
        const std::string fst = store ? so.trace_path : lo.trace_path;
        // The models record FST; a VCD is converted from it (fst2vcd).
        const bool vcd = std::filesystem::path(args.trace).extension() == ".vcd";
        const std::string shown = vcd ? fst.substr(0, fst.size() - 4) + ".vcd" : fst;
        const std::string gtkw = save_file(fst, w, store, -1, shown);
        if (gtkw.empty()) return 2;
        if (vcd) {
          const std::string cmd = "fst2vcd -f '" + fst + "' -o '" + shown + "' > /dev/null 2>&1";
          if (std::system(cmd.c_str()) != 0) {
            std::fprintf(stderr, "zcomp-sim: fst2vcd could not write %s\n", shown.c_str());
            return 2;
          }
          std::filesystem::remove(fst);
        }
        traces.push_back("gtkwave " + shown + " " + gtkw);
      }
    }

    // The round trip: every vector read back equals the original, as the
    // CCF leaves it.
    if (!st.ok || !ld.ok || ld.loaded.size() != n) {
      row.mismatches = 1;
    } else {
      const zcomp::VectorFormat fmt{w.model->lanes, w.model->ew};
      for (std::size_t k = 0; k < n; ++k) {
        // What the CCF leaves of the input (the input itself for zero).
        const zcomp::LaneArray want =
            zcomp::apply_ccf(fmt, std::span<const uint32_t>(vectors[k].data(), fmt.lanes),
                             so.data_ccf, so.data_thresh);
        if (!std::equal(want.begin(), want.begin() + w.model->lanes, ld.loaded[k].begin())) {
          ++row.mismatches;
        }
      }
    }
    failures += row.mismatches != 0;
    if (progress) std::fprintf(stderr, "\r%60s\r", "");  // the row replaces the progress line
    print_row(w.name, row, width);
    json_rows.push_back(json_row(w.name, row, w.model->lanes, w.model->ew));
    total.elements += row.elements;
    total.zeros += row.zeros;
    total.bytes_in += row.bytes_in;
    total.bytes_out += row.bytes_out;
    total.vectors += row.vectors;
    total.store_cycles += row.store_cycles;
    total.load_cycles += row.load_cycles;
    total.mismatches += row.mismatches;
  }
  print_row("total", total, width);
  std::printf(
      "\nbytes out = headers + payload as written to memory; ratio = bytes in / bytes out.\n"
      "vec/cycle from the first operation taken to the last line written (store) or the last\n"
      "result (load); bound = min(P, 64 / bytes per vector) with P = %u.\n"
      "bad = vectors whose round trip differed, or 1 for a lockstep mismatch in the layer.\n",
      p_used);
  for (const std::string& t : traces) std::printf("waveform: %s\n", t.c_str());
  std::printf("%s\n", failures == 0
                          ? (args.ccf == "zero"
                                 ? "RESULT: PASS (no lockstep mismatch, memory image exact, every "
                                   "vector read back exactly)"
                                 : "RESULT: PASS (no lockstep mismatch, memory image exact, every "
                                   "vector read back as the CCF leaves it)")
                          : "RESULT: FAIL (see the report above)");
  if (json) {
    std::string inputs;
    for (const std::string& in : args.inputs) inputs += (inputs.empty() ? "" : ", ") + json_str(in);
    std::fprintf(
        json.get(),
        "{\n  \"tool\": \"zcomp-sim\",\n  \"config\": {\"workload\": %s, \"inputs\": [%s], "
        "\"vectors_per_layer\": %" PRIu64
        ", \"layout\": %s, \"ccf\": %s, \"p\": %u, \"line_bytes\": 64, "
        "\"load_window_lines\": 32, \"l1_latency\": %u, \"ready_rate\": %.4f, "
        "\"valid_rate\": %.4f, \"seed\": %" PRIu64 "},\n  \"rows\": [\n",
        json_str(!args.inputs.empty()       ? "files"
                 : args.workload == "vgg16" ? "vgg16-synthetic"
                                            : args.workload)
            .c_str(),
        inputs.c_str(), args.vectors_per_layer, json_str(sep ? "separate" : "interleaved").c_str(),
        json_str(args.ccf).c_str(), p_used, args.latency, args.ready_rate, args.valid_rate, seed);
    for (std::size_t k = 0; k < json_rows.size(); ++k)
      std::fprintf(json.get(), "    %s%s\n", json_rows[k].c_str(),
                   k + 1 < json_rows.size() ? "," : "");
    std::fprintf(json.get(), "  ],\n  \"total\": %s,\n  \"result\": %s\n}\n",
                 json_row("total", total, 0, 0).c_str(),
                 json_str(failures == 0 ? "pass" : "fail").c_str());
    const bool ok = std::fflush(json.get()) == 0;
    json.reset();
    if (!ok || std::rename(json_part.c_str(), args.json.c_str()) != 0) {
      std::fprintf(stderr, "zcomp-sim: cannot write --json %s: %s\n", args.json.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  return failures == 0 ? 0 : 1;
}
