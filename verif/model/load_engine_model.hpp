// Models of the ZCOMPL load engine, written from the load-engine part of
// docs/engines.md and from nothing in the RTL.
//
// - load_effect(): the functional meaning of one operation on a memory
//   image (errors 1 and 3; an L1 error, 2, cannot be known from the image).
// - LoadEngineModel: the cycle-accurate model. eval() predicts every output
//   for the current inputs and state; clock() advances one edge.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <vector>

#include "store_engine_model.hpp"
#include "zcomp_model.hpp"

namespace zcomp {

enum LoadError : unsigned { kLoadErrMalformed = 3 };

struct LoadOp {
  bool fence = false;
  Layout layout = Layout::kInterleaved;
  bool chain = false;
  uint64_t dptr = 0;
  uint64_t hptr = 0;
  uint64_t limit = 0;
};

struct LoadResult {
  uint64_t dptr = 0;
  uint64_t hptr = 0;
  unsigned err = kErrNone;
  LaneArray data{};
  bool operator==(const LoadResult&) const = default;
};

struct LoadEngineParams : EngineParams {
  unsigned window_lines = 8;
  uint64_t line_of(uint64_t a) const { return a & addr_mask() & ~uint64_t{line_bytes - 1}; }
  unsigned slot_of(uint64_t a) const { return (a / line_bytes) % window_lines; }
};

/// The keep bits of the header at a (bytes read with `byte`; m: the
/// address mask).
template <class Byte>
uint64_t read_header(const VectorFormat& f, uint64_t m, uint64_t a, const Byte& byte) {
  uint64_t keep = 0;
  for (unsigned b = 0; b < f.header_bytes(); ++b) keep |= uint64_t{byte((a + b) & m)} << (8 * b);
  return keep;
}

/// True when a header sets bits above N (only N = 4 has such bits).
inline bool reserved_set(const VectorFormat& f, uint64_t keep) {
  return f.lanes < 64 && (keep >> f.lanes) != 0;
}

/// The vector that header `keep` and its payload at b0 stand for.
template <class Byte>
LaneArray read_vector(const VectorFormat& f, uint64_t m, uint64_t keep, uint64_t b0,
                      const Byte& byte) {
  LaneArray packed{};
  const unsigned cnt = static_cast<unsigned>(std::popcount(keep));
  for (unsigned i = 0; i < cnt; ++i) {
    uint32_t v = 0;
    for (unsigned b = 0; b < f.elem_bytes(); ++b)
      v |= uint32_t{byte((b0 + i * f.elem_bytes() + b) & m)} << (8 * b);
    packed[i] = v;
  }
  return expand(f, keep, std::span<const uint32_t>(packed.data(), f.lanes));
}

/// The functional meaning of one operation, reading bytes with `byte`.
inline LoadResult load_effect(const LoadEngineParams& p, const LoadOp& op, uint64_t prev_d,
                              uint64_t prev_h, const std::function<uint8_t(uint64_t)>& byte) {
  const VectorFormat& f = p.fmt;
  const uint64_t m = p.addr_mask();
  LoadResult r;
  const uint64_t d = (op.chain ? prev_d : op.dptr) & m;
  const uint64_t h = (op.chain ? prev_h : op.hptr) & m;
  r.dptr = d;
  r.hptr = h;
  if (op.fence) return r;
  const bool sep = op.layout == Layout::kSeparateHeader;
  const uint64_t a = sep ? h : d;
  const uint64_t limit = op.limit & m;
  if (a + f.header_bytes() > limit) {
    r.err = kErrOutOfBounds;
    return r;
  }
  const uint64_t keep = read_header(f, m, a, byte);
  if (reserved_set(f, keep)) {
    r.err = kLoadErrMalformed;
    return r;
  }
  const unsigned cnt = static_cast<unsigned>(std::popcount(keep));
  const uint64_t bpay = sep ? d : (a + f.header_bytes()) & m;
  if (bpay + uint64_t{cnt} * f.elem_bytes() > limit) {
    r.err = kErrOutOfBounds;
    return r;
  }
  r.data = read_vector(f, m, keep, bpay, byte);
  const uint64_t pay = uint64_t{cnt} * f.elem_bytes();
  r.dptr = sep ? (d + pay) & m : (d + f.header_bytes() + pay) & m;
  r.hptr = sep ? (h + f.header_bytes()) & m : h;
  return r;
}

struct LoadInputs {
  bool flush = false;  ///< empty both windows at the end of the cycle
  bool op_valid = false;
  unsigned op_num = 1;
  std::vector<LoadOp> ops;  ///< p slots
  bool res_ready = false;
  bool req_ready = false;
  bool rsp_valid = false;
  bool rsp_error = false;
  std::vector<uint8_t> rsp_rdata;  ///< line_bytes
};

struct LoadOutputs {
  bool idle = true;  ///< no group, no result, no read in flight or waiting
  bool op_ready = false;
  bool res_valid = false;
  unsigned res_num = 0;
  std::vector<LoadResult> res;  ///< p slots, zero beyond res_num
  bool req_valid = false;
  uint64_t req_addr = 0;
  bool rsp_ready = true;
};

class LoadEngineModel {
 public:
  explicit LoadEngineModel(LoadEngineParams p) : p_(p) { reset(); }

  void reset() {
    g_valid_ = false;
    g_num_ = g_next_ = 0;
    g_ops_.assign(p_.p, LoadOp{});
    g_res_.assign(p_.p, LoadResult{});
    carry_d_ = carry_h_ = 0;
    for (unsigned st = 0; st < 2; ++st) {
      win_[st].valid = false;
      win_[st].base = 0;
      win_[st].state.assign(p_.window_lines, kEmpty);
      err_[st].assign(p_.window_lines, false);
      data_[st].assign(p_.window_lines, std::vector<uint8_t>(p_.line_bytes, 0));
    }
    tags_.clear();
    hold_.reset();
    r_valid_ = false;
    r_num_ = 0;
    r_res_.assign(p_.p, LoadResult{});
  }

  LoadOutputs eval(const LoadInputs& in) const { return step(in).out; }
  /// The limit of the op being worked on (no read may start at or above
  /// it), or nothing when the engine works on no ZCOMPL.
  std::optional<uint64_t> working_limit() const {
    if (!g_valid_ || g_ops_[g_next_].fence) return std::nullopt;
    return g_ops_[g_next_].limit & p_.addr_mask();
  }
  void clock(const LoadInputs& in) { commit(step(in), in); }

 private:
  enum State : uint8_t { kEmpty = 0, kPending = 1, kFull = 2 };
  /// Which lines a window holds and their states. The lines' bytes and
  /// error bits live beside it (data_, err_), since step() only reads them:
  /// a step copies the small part only.
  struct Window {
    bool valid = false;
    uint64_t base = 0;
    std::vector<uint8_t> state;
  };
  struct Req {
    unsigned stream;
    uint64_t line;
  };
  struct Step {
    LoadOutputs out;
    Window w[2];  ///< the windows after this cycle's rebase or slide
    bool done = false, group_done = false;
    LoadResult result;               ///< of the op, when done
    std::vector<LoadResult> extras;  ///< the following ops done in the same cycle
    std::optional<Req> req;
    bool req_fire = false;
  };

  uint64_t window_bytes() const { return uint64_t{p_.window_lines} * p_.line_bytes; }
  bool in_window(const Window& w, uint64_t line) const {
    return w.valid && ((line - w.base) & p_.addr_mask()) < window_bytes();
  }
  void rebase(Window& w, uint64_t line) const {
    w.valid = true;
    w.base = line;
    std::fill(w.state.begin(), w.state.end(), kEmpty);
  }
  void slide(Window& w, uint64_t line) const {
    const uint64_t m = p_.addr_mask();
    for (unsigned j = 0; j < p_.window_lines; ++j) {
      const uint64_t l = (w.base + uint64_t{j} * p_.line_bytes) & m;
      if (((l - w.base) & m) < ((line - w.base) & m)) w.state[p_.slot_of(l)] = kEmpty;
    }
    w.base = line;
  }
  /// (all lines first..last full, any of them with the error bit)
  std::pair<bool, bool> lines(unsigned st, const Window& w, uint64_t first, uint64_t last) const {
    bool full = true, err = false;
    for (uint64_t l = first;; l = (l + p_.line_bytes) & p_.addr_mask()) {
      full = full && w.state[p_.slot_of(l)] == kFull;
      err = err || err_[st][p_.slot_of(l)];
      if (l == last) break;
    }
    return {full, err};
  }
  /// Reads bytes of stream st's window slots (for read_header/read_vector).
  auto slot_reader(unsigned st) const {
    return [this, st](uint64_t a) { return data_[st][p_.slot_of(a)][a % p_.line_bytes]; };
  }

  /// An op after the one worked on, given the result of the op before it:
  /// its result when it can finish in this cycle, on the windows `w` as the
  /// worked-on op left them, with nothing to wait for and no error.
  std::optional<LoadResult> extra(const Window (&w)[2], const LoadOp& op,
                                  const LoadResult& prev) const {
    const VectorFormat& f = p_.fmt;
    const uint64_t m = p_.addr_mask();
    const uint64_t d = (op.chain ? prev.dptr : op.dptr) & m;
    const uint64_t h = (op.chain ? prev.hptr : op.hptr) & m;
    LoadResult r;
    r.dptr = d;
    r.hptr = h;
    if (op.fence) return r;
    const bool sep = op.layout == Layout::kSeparateHeader;
    const uint64_t a = sep ? h : d, limit = op.limit & m;
    if (a + f.header_bytes() > limit) return std::nullopt;
    const unsigned hs = sep ? 1 : 0;
    const Window& hw = w[hs];
    const uint64_t l0 = p_.line_of(a), l1 = p_.line_of(a + f.header_bytes() - 1);
    if (!in_window(hw, l0) || !in_window(hw, l1)) return std::nullopt;
    const auto [hfull, herr] = lines(hs, hw, l0, l1);
    if (!hfull || herr) return std::nullopt;
    const uint64_t keep = read_header(f, m, a, slot_reader(hs));
    if (reserved_set(f, keep)) return std::nullopt;
    const unsigned cnt = static_cast<unsigned>(std::popcount(keep));
    const uint64_t pay = uint64_t{cnt} * f.elem_bytes();
    const uint64_t b0 = sep ? d : (a + f.header_bytes()) & m;
    if (b0 + pay > limit) return std::nullopt;
    if (cnt > 0) {
      const Window& dw = w[0];
      const uint64_t p0 = p_.line_of(b0), p1 = p_.line_of(b0 + pay - 1);
      if (!in_window(dw, p0) || !in_window(dw, p1)) return std::nullopt;
      const auto [pfull, perr] = lines(0, dw, p0, p1);
      if (!pfull || perr) return std::nullopt;
      r.data = read_vector(f, m, keep, b0, slot_reader(0));
    }
    r.dptr = sep ? (d + pay) & m : (d + f.header_bytes() + pay) & m;
    r.hptr = sep ? (h + f.header_bytes()) & m : h;
    return r;
  }

  Step step(const LoadInputs& in) const {
    Step s;
    LoadOutputs& o = s.out;
    o.res.assign(p_.p, LoadResult{});
    s.w[0] = win_[0];
    s.w[1] = win_[1];
    const VectorFormat& f = p_.fmt;
    const uint64_t m = p_.addr_mask();
    const LoadOp& op = g_ops_[g_next_];
    bool ready = false;
    if (g_valid_) {
      const uint64_t prev_d = g_next_ == 0 ? carry_d_ : g_res_[g_next_ - 1].dptr;
      const uint64_t prev_h = g_next_ == 0 ? carry_h_ : g_res_[g_next_ - 1].hptr;
      const uint64_t d = (op.chain ? prev_d : op.dptr) & m;
      const uint64_t h = (op.chain ? prev_h : op.hptr) & m;
      const bool sep = op.layout == Layout::kSeparateHeader;
      LoadResult r;
      r.dptr = d;
      r.hptr = h;
      const uint64_t limit = op.limit & m;
      const uint64_t a = sep ? h : d;
      [&] {
        if (op.fence) {
          ready = true;
          return;
        }
        if (a + f.header_bytes() > limit) {
          ready = true;
          r.err = kErrOutOfBounds;
          return;
        }
        const unsigned hs = sep ? 1 : 0;
        Window& hw = s.w[hs];
        const uint64_t l0 = p_.line_of(a), l1 = p_.line_of(a + f.header_bytes() - 1);
        if (!in_window(hw, l0) || !in_window(hw, l1)) {
          rebase(hw, l0);
          return;
        }
        if (l0 != hw.base) slide(hw, l0);
        const auto [hfull, herr] = lines(hs, hw, l0, l1);
        if (!hfull) return;
        if (herr) {
          ready = true;
          r.err = kErrL1;
          return;
        }
        const uint64_t keep = read_header(f, m, a, slot_reader(hs));
        if (reserved_set(f, keep)) {
          ready = true;
          r.err = kLoadErrMalformed;
          return;
        }
        const unsigned cnt = static_cast<unsigned>(std::popcount(keep));
        const uint64_t pay = uint64_t{cnt} * f.elem_bytes();
        const uint64_t b0 = sep ? d : (a + f.header_bytes()) & m;
        if (b0 + pay > limit) {
          ready = true;
          r.err = kErrOutOfBounds;
          return;
        }
        r.dptr = sep ? (d + pay) & m : (d + f.header_bytes() + pay) & m;
        r.hptr = sep ? (h + f.header_bytes()) & m : h;
        if (cnt == 0) {
          ready = true;
          return;
        }
        Window& dw = s.w[0];
        const uint64_t p0 = p_.line_of(b0), p1 = p_.line_of(b0 + pay - 1);
        if (sep) {
          if (!in_window(dw, p0) || !in_window(dw, p1)) {
            rebase(dw, p0);
            r.dptr = d;
            r.hptr = h;
            return;
          }
          if (p0 != dw.base) slide(dw, p0);
        }
        const auto [pfull, perr] = lines(0, dw, p0, p1);
        if (!pfull || perr) {
          r.dptr = d;
          r.hptr = h;
          if (perr && pfull) {
            ready = true;
            r.err = kErrL1;
          }
          return;
        }
        r.data = read_vector(f, m, keep, b0, slot_reader(0));
        ready = true;
      }();
      if (r.err != kErrNone) {
        r.dptr = d;
        r.hptr = h;
        r.data = LaneArray{};
      }
      s.result = r;
    }

    // The read request: the one waiting, else the lowest empty line below
    // the limit, of the H window first.
    if (hold_) {
      s.req = hold_;
    } else if (g_valid_ && !op.fence && tags_.size() < p_.max_outstanding) {
      for (unsigned st : {1u, 0u}) {
        const Window& w = s.w[st];
        if (!w.valid) continue;
        for (unsigned j = 0; j < p_.window_lines; ++j) {
          const uint64_t l = (w.base + uint64_t{j} * p_.line_bytes) & m;
          if (w.state[p_.slot_of(l)] != kEmpty) continue;
          if (l < (op.limit & m)) s.req = Req{st, l};
          break;
        }
        if (s.req) break;
      }
    }
    o.req_valid = s.req.has_value();
    if (s.req) o.req_addr = s.req->line;
    s.req_fire = o.req_valid && in.req_ready;

    // Done: results have room, and no read is left waiting (it was judged
    // against this op's limit).
    const bool last = g_next_ + 1 == g_num_;
    const bool r_free = !r_valid_ || in.res_ready;
    s.done = g_valid_ && ready && (!last || r_free) && !(o.req_valid && !in.req_ready);
    // The ops after it finish in the same cycle while each is in the
    // windows, whole and without error (docs/engines.md, step 8).
    if (s.done) {
      LoadResult prev = s.result;
      for (unsigned k = g_next_ + 1; k < g_num_; ++k) {
        const std::optional<LoadResult> x = extra(s.w, g_ops_[k], prev);
        if (!x || (k + 1 == g_num_ && !r_free)) break;
        s.extras.push_back(*x);
        prev = *x;
      }
    }
    s.group_done = s.done && g_next_ + 1 + s.extras.size() == g_num_;
    o.op_ready = !g_valid_ || s.group_done;
    o.res_valid = r_valid_;
    if (r_valid_) {
      o.res_num = r_num_;
      o.res = r_res_;
    }
    o.rsp_ready = true;
    o.idle = !g_valid_ && !r_valid_ && tags_.empty() && !hold_;
    return s;
  }

  void commit(Step s, const LoadInputs& in) {
    // Windows: the step's change, then the response, then the request.
    if (in.rsp_valid && !tags_.empty()) {
      const Req t = tags_.front();
      tags_.pop_front();
      Window& w = s.w[t.stream];
      const unsigned slot = p_.slot_of(t.line);
      if (in_window(w, t.line) && w.state[slot] == kPending) {
        w.state[slot] = kFull;
        err_[t.stream][slot] = in.rsp_error;
        data_[t.stream][slot] = in.rsp_rdata;
      }
    }
    if (s.req_fire) {
      tags_.push_back(*s.req);
      Window& w = s.w[s.req->stream];
      const unsigned slot = p_.slot_of(s.req->line);
      if (in_window(w, s.req->line) && w.state[slot] == kEmpty) w.state[slot] = kPending;
    }
    hold_ = (s.req && !in.req_ready) ? s.req : std::nullopt;
    win_[0] = std::move(s.w[0]);
    win_[1] = std::move(s.w[1]);
    if (in.flush) win_[0].valid = win_[1].valid = false;
    if (s.done) {
      g_res_[g_next_++] = s.result;
      for (const LoadResult& x : s.extras) g_res_[g_next_++] = x;
    }
    if (s.group_done) {
      r_valid_ = true;
      r_num_ = g_num_;
      r_res_.assign(p_.p, LoadResult{});
      for (unsigned j = 0; j < g_num_; ++j) r_res_[j] = g_res_[j];
      const LoadResult& final_op = s.extras.empty() ? s.result : s.extras.back();
      carry_d_ = final_op.dptr;
      carry_h_ = final_op.hptr;
    } else if (in.res_ready) {
      r_valid_ = false;
    }
    if (s.out.op_ready) {
      g_valid_ = in.op_valid;
      g_num_ = in.op_valid ? std::clamp(in.op_num, 1u, p_.p) : 0;
      g_next_ = 0;
      if (in.op_valid) g_ops_ = in.ops;
    }
  }

  LoadEngineParams p_;
  bool g_valid_ = false;
  unsigned g_num_ = 0, g_next_ = 0;
  std::vector<LoadOp> g_ops_;
  std::vector<LoadResult> g_res_;
  uint64_t carry_d_ = 0, carry_h_ = 0;
  Window win_[2];
  std::vector<bool> err_[2];                   ///< per window slot
  std::vector<std::vector<uint8_t>> data_[2];  ///< per window slot, line_bytes each
  std::deque<Req> tags_;
  std::optional<Req> hold_;
  bool r_valid_ = false;
  unsigned r_num_ = 0;
  std::vector<LoadResult> r_res_;
};

}  // namespace zcomp
