// C++ model of the memory behind the L1 port (docs/l1-interface.md).
//
// A sparse byte memory with a request and a response channel. It can be
// given a fixed or random latency, random ready on the request channel,
// and injected error responses. It checks every request against the port
// rules and against the byte range it is told the master may touch. The
// engines' tests use it as the slave, and it is also the reference for the
// memory image.
//
// One step per cycle: the harness reads req_ready() and the rsp_*()
// outputs, drives the master, then calls clock() with what happened.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace zcomp {

struct L1Config {
  unsigned line_bytes = 64;
  unsigned min_latency = 0;  ///< cycles from request to earliest response
  unsigned max_latency = 0;  ///< random in [min, max]
  double req_ready_rate = 1.0;
  /// Long stalls: on a cycle that would be ready, with this chance the
  /// request channel goes not-ready for stall_cycles cycles in a row (a
  /// busy memory; random ready alone rarely holds off for long).
  double stall_rate = 0.0;
  unsigned stall_cycles = 0;
  double error_rate = 0.0;  ///< chance that a response carries the error bit
  /// Bytes the master may write or read: [lo, hi). Anything else is a violation.
  uint64_t lo = 0;
  uint64_t hi = UINT64_MAX;
  unsigned max_outstanding = 1u << 30;  ///< the master's promise, checked here
};

struct L1Request {
  uint64_t addr = 0;
  bool write = false;
  std::vector<uint8_t> wdata;  ///< line_bytes
  std::vector<uint8_t> wstrb;  ///< line_bytes entries of 0 or 1
};

class L1Memory {
 public:
  L1Memory(L1Config cfg, uint64_t seed) : cfg_(cfg), rng_(seed) { draw(); }

  /// Request-channel ready for this cycle.
  bool req_ready() const { return req_ready_; }
  /// Response channel for this cycle.
  bool rsp_valid() const { return !rsp_.empty() && rsp_.front().due <= cycle_; }
  bool rsp_error() const { return rsp_valid() && rsp_.front().error; }
  const std::vector<uint8_t>& rsp_rdata() const {
    return rsp_valid() ? rsp_.front().rdata : empty_line_;
  }

  /// One rising edge. `req` is the request on the channel (or nullptr when
  /// req_valid is low); `rsp_ready` is the master's response ready.
  void clock(const L1Request* req, bool rsp_ready) {
    if (rsp_valid() && rsp_ready) rsp_.pop_front();
    if (req != nullptr && req_ready_) accept(*req);
    ++cycle_;
    draw();
  }

  /// Reads a byte as the memory holds it (unwritten bytes read as 0).
  uint8_t byte(uint64_t addr) const {
    auto it = bytes_.find(addr);
    return it == bytes_.end() ? 0 : it->second;
  }
  const std::map<uint64_t, uint8_t>& bytes() const { return bytes_; }
  /// How many times each byte was written (a byte written twice is a bug
  /// for a write-combining stream).
  const std::map<uint64_t, unsigned>& write_counts() const { return writes_; }
  void preload(uint64_t addr, uint8_t value) { bytes_[addr] = value; }
  /// Reset of the port with its master: responses not yet delivered are
  /// dropped. Writes already taken stay in memory.
  void drop_pending() { rsp_.clear(); }
  /// Port-rule and range violations, as readable sentences.
  const std::vector<std::string>& violations() const { return violations_; }
  std::size_t outstanding() const { return rsp_.size(); }
  /// The most requests that were ever outstanding at once.
  std::size_t peak_outstanding() const { return peak_outstanding_; }
  uint64_t requests() const { return requests_; }

 private:
  struct Pending {
    uint64_t due;
    bool error;
    std::vector<uint8_t> rdata;
  };

  void draw() {
    if (stall_left_ > 0) {
      --stall_left_;
      req_ready_ = false;
      return;
    }
    req_ready_ = std::bernoulli_distribution(cfg_.req_ready_rate)(rng_);
    // No draw without stalls: the random stream of other runs stays as it was.
    if (req_ready_ && cfg_.stall_rate > 0 && cfg_.stall_cycles > 0 &&
        std::bernoulli_distribution(cfg_.stall_rate)(rng_)) {
      stall_left_ = cfg_.stall_cycles - 1;
      req_ready_ = false;
    }
  }

  void violation(const std::string& what) {
    if (violations_.size() < 16)
      violations_.push_back("cycle " + std::to_string(cycle_) + ": " + what);
  }

  void accept(const L1Request& r) {
    ++requests_;
    if (r.addr % cfg_.line_bytes != 0) violation("unaligned address " + std::to_string(r.addr));
    if (rsp_.size() >= cfg_.max_outstanding) violation("more than MaxOutstanding requests");
    const bool error = std::bernoulli_distribution(cfg_.error_rate)(rng_);
    Pending p{cycle_ + 1 + latency(), error, std::vector<uint8_t>(cfg_.line_bytes, 0)};
    if (r.write) {
      bool any = false;
      for (unsigned b = 0; b < cfg_.line_bytes; ++b) {
        if (!r.wstrb[b]) continue;
        any = true;
        const uint64_t a = r.addr + b;
        if (a < cfg_.lo || a >= cfg_.hi)
          violation("write outside the range at " + std::to_string(a));
        ++writes_[a];
        if (!error) bytes_[a] = r.wdata[b];
      }
      if (!any) violation("write with no strobe at " + std::to_string(r.addr));
    } else {
      if (r.addr < cfg_.lo || r.addr >= cfg_.hi)
        violation("read outside the range at " + std::to_string(r.addr));
      for (unsigned b = 0; b < cfg_.line_bytes; ++b) p.rdata[b] = byte(r.addr + b);
    }
    // Responses stay in order: a response is never due before the one ahead.
    if (!rsp_.empty() && p.due < rsp_.back().due) p.due = rsp_.back().due;
    rsp_.push_back(std::move(p));
    if (rsp_.size() > peak_outstanding_) peak_outstanding_ = rsp_.size();
  }

  unsigned latency() {
    return std::uniform_int_distribution<unsigned>(cfg_.min_latency, cfg_.max_latency)(rng_);
  }

  L1Config cfg_;
  std::mt19937_64 rng_;
  uint64_t cycle_ = 0;
  bool req_ready_ = true;
  unsigned stall_left_ = 0;
  std::size_t peak_outstanding_ = 0;
  std::deque<Pending> rsp_;
  std::map<uint64_t, uint8_t> bytes_;
  std::map<uint64_t, unsigned> writes_;
  std::vector<std::string> violations_;
  std::vector<uint8_t> empty_line_ = std::vector<uint8_t>(cfg_.line_bytes, 0);
  uint64_t requests_ = 0;
};

/// Empty when no port rule was broken and the memory holds exactly the
/// bytes of `must` (address -> value), plus any of `may` with its value,
/// each written once. Otherwise a sentence that names the first problem.
inline std::string check_image(const L1Memory& mem, const std::map<uint64_t, uint8_t>& must,
                               const std::map<uint64_t, uint8_t>& may = {}) {
  if (!mem.violations().empty()) return mem.violations().front();
  for (const auto& [a, b] : must) {
    auto it = mem.bytes().find(a);
    if (it == mem.bytes().end())
      return "byte " + std::to_string(a) + " was never written (expected " + std::to_string(b) +
             ")";
    if (it->second != b)
      return "byte " + std::to_string(a) + " is " + std::to_string(it->second) + ", expected " +
             std::to_string(b);
  }
  for (const auto& [a, b] : mem.bytes()) {
    if (must.count(a)) continue;
    auto m = may.find(a);
    if (m == may.end()) return "byte " + std::to_string(a) + " written outside the expected areas";
    if (m->second != b) return "byte " + std::to_string(a) + " (cut off by a reset) is wrong";
  }
  for (const auto& [a, n] : mem.write_counts()) {
    if (n != 1) return "byte " + std::to_string(a) + " written " + std::to_string(n) + " times";
  }
  return {};
}

}  // namespace zcomp
