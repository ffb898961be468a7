// Functional coverage: named bins that a harness counts from what the design
// did (a handshake seen on its ports, with the values on the pins then), and
// that make coverage merges over the whole regression and prints as tables.
//
// A bin is group|config|axis|value, e.g. "units|N=16 EW=32 sklansky mux|
// sparsity zero|51-75%". The harness declares every bin it must see before
// the run (so a bin never hit is still listed, with 0) and counts with
// hit(); hit() on a bin that was not declared throws, so a misspelt bin
// cannot pass unnoticed. Counting is on only when $ZCOMP_COVERAGE_DIR is set
// (make coverage sets it); the counts of each run are written there on
// destruction (func_<pid>_<n>.txt, one "bin count"
// line each); verif/coverage/func_report.py merges them, and a bin that
// stays at 0 fails the coverage run by name.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace zcomp::harness {

/// A new file of a coverage run under `dir`: <stem>_<process>_<n><ext>, n
/// counting the files this process has named (the code and functional
/// coverage files of make coverage).
inline std::filesystem::path coverage_file(const std::filesystem::path& dir,
                                           const std::string& stem, const char* ext) {
  static std::atomic<unsigned> files{0};  // a file name per write, not test state
  std::filesystem::create_directories(dir);
  return dir / (stem + "_" + std::to_string(::getpid()) + "_" + std::to_string(files++) + ext);
}

class FunctionalCoverage {
 public:
  /// Counting is on when $ZCOMP_COVERAGE_DIR is set (make coverage); off,
  /// every call returns at once and a run costs nothing more.
  FunctionalCoverage() {
    const char* dir = std::getenv("ZCOMP_COVERAGE_DIR");
    if (dir && *dir) dir_ = dir;
  }
  bool enabled() const { return !dir_.empty(); }
  FunctionalCoverage(const FunctionalCoverage&) = delete;
  FunctionalCoverage& operator=(const FunctionalCoverage&) = delete;
  ~FunctionalCoverage() { write(); }

  static std::string bin(const std::string& group, const std::string& config,
                         const std::string& axis, const std::string& value) {
    return group + "|" + config + "|" + axis + "|" + value;
  }
  void declare(const std::string& b) {
    if (enabled()) bins_.try_emplace(b, 0);
  }
  void hit(const std::string& b) {
    if (!enabled()) return;
    auto it = bins_.find(b);
    if (it == bins_.end()) throw std::logic_error("functional coverage: undeclared bin " + b);
    ++it->second;
  }
  /// For a value the plan did not expect (an error code a kind should not
  /// return): it appears in the table as a bin of its own.
  void declare_and_hit(const std::string& b) {
    declare(b);
    hit(b);
  }
  uint64_t count(const std::string& b) const {
    auto it = bins_.find(b);
    return it == bins_.end() ? 0 : it->second;
  }
  const std::map<std::string, uint64_t>& bins() const { return bins_; }

  /// The sparsity bucket of `kept` of `lanes` elements, as the coverage plan names it.
  static std::string sparsity_bucket(unsigned kept, unsigned lanes) {
    const unsigned zeros = lanes - kept;
    if (zeros == 0) return "0%";
    if (zeros == lanes) return "100%";
    const unsigned pct100 = zeros * 100;  // in percent, rounded up into the bucket
    if (pct100 <= 25 * lanes) return "1-25%";
    if (pct100 <= 50 * lanes) return "26-50%";
    if (pct100 <= 75 * lanes) return "51-75%";
    return "76-99%";
  }
  static constexpr const char* kSparsityBuckets[] = {"0%",     "1-25%",  "26-50%",
                                                     "51-75%", "76-99%", "100%"};
  /// The buckets a vector of `lanes` elements can fall in (with 4 lanes,
  /// 3 zeros are 75 %: no 76-99 %).
  static std::vector<std::string> reachable_buckets(unsigned lanes) {
    std::vector<std::string> out;
    for (const char* b : kSparsityBuckets)
      for (unsigned kept = 0; kept <= lanes; ++kept)
        if (sparsity_bucket(kept, lanes) == b) {
          out.emplace_back(b);
          break;
        }
    return out;
  }

 private:
  void write() const {
    if (!enabled() || bins_.empty()) return;
    std::ofstream out(coverage_file(dir_, "func", ".txt"));
    for (const auto& [b, n] : bins_) out << b << ' ' << n << '\n';
  }

  std::string dir_;
  std::map<std::string, uint64_t> bins_;
};

/// The handshake bins of an engine's four ports (operations, results, L1
/// requests, L1 responses), from the port values of one cycle.
class EngineHandshakeBins {
 public:
  struct Ports {
    bool op_valid, op_ready, res_valid, res_ready, req_valid, req_ready, rsp_valid;
    bool more_ops;  ///< the program has operations left to offer
  };
  static constexpr const char* kBins[] = {"op_valid_i gap",      "op_valid_i stalled",
                                          "res_valid_o stalled", "res_valid_o stalled when done",
                                          "req_valid_o stalled", "rsp_valid_i gap"};
  static void declare(FunctionalCoverage& cov, const std::string& group,
                      const std::string& config) {
    for (const char* b : kBins) cov.declare(FunctionalCoverage::bin(group, config, "handshake", b));
  }
  void sample(FunctionalCoverage& cov, const std::string& group, const std::string& config,
              const Ports& p) {
    if (!cov.enabled()) return;
    auto hit = [&](const char* b) {
      cov.hit(FunctionalCoverage::bin(group, config, "handshake", b));
    };
    if (!p.op_valid && p.more_ops && started_) hit("op_valid_i gap");
    if (p.op_valid && !p.op_ready) hit("op_valid_i stalled");
    if (p.res_valid && !p.res_ready)
      hit(res_stalled_ ? "res_valid_o stalled" : "res_valid_o stalled when done");
    if (p.req_valid && !p.req_ready) hit("req_valid_o stalled");
    if (outstanding_ > 0 && !p.rsp_valid) hit("rsp_valid_i gap");
    started_ = started_ || (p.op_valid && p.op_ready);
    res_stalled_ = p.res_valid && !p.res_ready;
    outstanding_ += (p.req_valid && p.req_ready) ? 1 : 0;
    if (p.rsp_valid && outstanding_ > 0) --outstanding_;
  }
  void reset() { res_stalled_ = false, outstanding_ = 0; }

 private:
  bool started_ = false, res_stalled_ = false;
  uint64_t outstanding_ = 0;
};

/// What one executed operation of an engine was, for its bins: set by the
/// harness from the operation it offered and the effect the golden model
/// gives it, and counted when the design returns that operation's result
/// (and the harness has checked it).
struct OpFacts {
  bool fence = false, chain = false, separate = false;
  unsigned ccf = 0;         ///< ZCOMPS only (Ccf)
  uint64_t d_in = 0;        ///< where the data area starts
  uint64_t data_bytes = 0;  ///< bytes of the data area (header too when interleaved)
  unsigned kept = 0;        ///< kept elements (a vector read or written in full)
  bool sized = false;       ///< kept and data_bytes are known (not cut short, not malformed)

  /// An operation that moved a whole vector: its data area starts at `start`
  /// and is `bytes` long (the header too when interleaved).
  void set_size(uint64_t start, uint64_t bytes, unsigned header_bytes, unsigned elem_bytes) {
    d_in = start;
    data_bytes = bytes;
    kept = static_cast<unsigned>((bytes - (separate ? 0 : header_bytes)) / elem_bytes);
    sized = true;
  }
};

/// The CCFs' names in the bins, by ccf_e code (docs/format.md).
inline constexpr const char* kCcfNames[] = {"zero", "fp-zero", "int-threshold", "fp-threshold"};
/// The result error codes' names in the bins, by code (docs/engines.md).
inline constexpr const char* kErrorNames[] = {"none", "out of bounds", "L1 error", "malformed"};
/// The name of error code `err` when a kind returns codes 0..codes-1; any
/// other code (one the plan did not expect) is named "code <err>".
inline std::string error_name(unsigned err, unsigned codes = std::size(kErrorNames)) {
  return err < codes ? kErrorNames[err] : "code " + std::to_string(err);
}

/// The operation bins of an engine: kind and layout, chained or not, each
/// error code, every base offset within a line, a data area within one line
/// or across a boundary, group sizes 1..P, and sparsity per layout (and per
/// CCF for stores).
class EngineOpBins {
 public:
  struct Shape {
    unsigned lanes, line_bytes, p;
    bool stores;                          ///< ZCOMPS (else ZCOMPL)
    unsigned error_codes;                 ///< the kind returns codes 0..error_codes-1
    std::vector<std::string> error_bins;  ///< the codes the regression must see
  };

  static void declare(FunctionalCoverage& cov, const std::string& g, const std::string& c,
                      const Shape& s) {
    const std::string op = s.stores ? "ZCOMPS" : "ZCOMPL";
    for (const std::string k : {op + " interleaved", op + " separate", std::string("FENCE")})
      cov.declare(FunctionalCoverage::bin(g, c, "operation", k));
    for (const char* k : {"chained", "unchained"})
      cov.declare(FunctionalCoverage::bin(g, c, "pointer", k));
    for (const auto& e : s.error_bins) cov.declare(FunctionalCoverage::bin(g, c, "error", e));
    for (unsigned b = 0; b < s.line_bytes; ++b)
      cov.declare(FunctionalCoverage::bin(g, c, "base offset in line", std::to_string(b)));
    for (const char* k : {"within one line", "across a line boundary"})
      cov.declare(FunctionalCoverage::bin(g, c, "data area", k));
    for (unsigned n = 1; n <= s.p; ++n)
      cov.declare(FunctionalCoverage::bin(g, c, "group size", std::to_string(n)));
    for (const auto& axis : sparsity_axes(s))
      for (const auto& b : FunctionalCoverage::reachable_buckets(s.lanes))
        cov.declare(FunctionalCoverage::bin(g, c, axis, b));
  }

  static void sample(FunctionalCoverage& cov, const std::string& g, const std::string& c,
                     const Shape& s, const OpFacts& f, unsigned err) {
    if (!cov.enabled()) return;
    auto hit = [&](const std::string& axis, const std::string& v) {
      cov.hit(FunctionalCoverage::bin(g, c, axis, v));
    };
    const std::string op = s.stores ? "ZCOMPS" : "ZCOMPL";
    hit("operation", f.fence ? "FENCE" : op + (f.separate ? " separate" : " interleaved"));
    hit("pointer", f.chain ? "chained" : "unchained");
    // An unplanned code shows too.
    cov.declare_and_hit(FunctionalCoverage::bin(g, c, "error", error_name(err, s.error_codes)));
    if (f.fence || !f.sized) return;
    const uint64_t off = f.d_in % s.line_bytes;
    hit("base offset in line", std::to_string(off));
    hit("data area",
        off + f.data_bytes > s.line_bytes ? "across a line boundary" : "within one line");
    hit(sparsity_axis(s, f), FunctionalCoverage::sparsity_bucket(f.kept, s.lanes));
  }
  static void sample_group(FunctionalCoverage& cov, const std::string& g, const std::string& c,
                           unsigned num) {
    cov.hit(FunctionalCoverage::bin(g, c, "group size", std::to_string(num)));
  }

 private:
  static std::string sparsity_axis(const Shape& s, const OpFacts& f) {
    std::string a = std::string("sparsity, ") + (f.separate ? "separate" : "interleaved");
    if (s.stores) a += std::string(", ccf ") + kCcfNames[f.ccf & 3];
    return a;
  }
  static std::vector<std::string> sparsity_axes(const Shape& s) {
    std::vector<std::string> axes;
    for (bool sep : {false, true}) {
      if (!s.stores) {
        axes.push_back(sparsity_axis(s, OpFacts{.separate = sep}));
        continue;
      }
      for (unsigned ccf = 0; ccf < 4; ++ccf)
        axes.push_back(sparsity_axis(s, OpFacts{.separate = sep, .ccf = ccf}));
    }
    return axes;
  }
};

}  // namespace zcomp::harness
