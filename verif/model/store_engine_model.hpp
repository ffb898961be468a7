// Models of the ZCOMPS store engine, written from docs/engines.md and from
// nothing in the RTL.
//
// - store_effect(): the functional meaning of one operation: its input and
//   returned pointers, whether it is out of bounds, and the bytes it writes
//   (from the golden StreamEncoder, so byte for byte the format).
// - StoreEngineModel: the cycle-accurate model. eval() predicts every output
//   port for the current inputs and state; clock() advances one edge.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "wc_model.hpp"
#include "zcomp_model.hpp"

namespace zcomp {

struct StoreOp {
  bool fence = false;
  Layout layout = Layout::kInterleaved;
  bool chain = false;
  Ccf ccf = Ccf::kZero;
  uint32_t thresh = 0;
  uint64_t dptr = 0;
  uint64_t hptr = 0;
  uint64_t limit = 0;
  LaneArray data{};
};

enum StoreError : unsigned { kErrNone = 0, kErrOutOfBounds = 1, kErrL1 = 2 };

struct StoreResult {
  uint64_t dptr = 0;
  uint64_t hptr = 0;
  unsigned err = kErrNone;
  bool operator==(const StoreResult&) const = default;
};

/// Parameters both engines have (the load engine adds its window).
struct EngineParams {
  VectorFormat fmt;
  unsigned p = 4;
  unsigned line_bytes = 64;
  unsigned addr_w = 32;
  unsigned max_outstanding = 32;
  unsigned comp_stages = 0;  ///< the store engine's stages in front of G (CompStages)
  uint64_t addr_mask() const { return addr_w >= 64 ? ~uint64_t{0} : (uint64_t{1} << addr_w) - 1; }
  unsigned vec_max() const { return fmt.header_bytes() + fmt.lanes * fmt.elem_bytes(); }
};
using StoreEngineParams = EngineParams;

/// What one operation does, given the pointers the previous one returned.
struct StoreEffect {
  uint64_t d_in = 0, h_in = 0, d_out = 0, h_out = 0;
  bool oob = false;
  std::vector<uint8_t> dbytes;  ///< written at d_in (empty when out of bounds)
  std::vector<uint8_t> hbytes;  ///< written at h_in (separate layout)
};

inline StoreEffect store_effect(const StoreEngineParams& p, const StoreOp& op, uint64_t prev_d,
                                uint64_t prev_h) {
  StoreEffect e;
  e.d_in = (op.chain ? prev_d : op.dptr) & p.addr_mask();
  e.h_in = (op.chain ? prev_h : op.hptr) & p.addr_mask();
  if (op.fence) {
    e.d_out = e.d_in;
    e.h_out = e.h_in;
    return e;
  }
  StreamEncoder enc(p.fmt, op.layout);
  enc.append(std::span<const uint32_t>(op.data.data(), p.fmt.lanes), op.ccf, op.thresh);
  const Stream& s = enc.stream();
  e.d_out = (e.d_in + s.data.size()) & p.addr_mask();
  e.h_out = (e.h_in + s.headers.size()) & p.addr_mask();
  // Bounds, without wrapping (docs/engines.md).
  const uint64_t limit = op.limit & p.addr_mask();
  e.oob = e.d_in + s.data.size() > limit ||
          (op.layout == Layout::kSeparateHeader && e.h_in + s.headers.size() > limit);
  if (!e.oob) {
    e.dbytes = s.data;
    e.hbytes = s.headers;
  }
  return e;
}

struct StoreInputs {
  bool op_valid = false;
  unsigned op_num = 1;
  std::vector<StoreOp> ops;  ///< p slots
  bool res_ready = false;
  bool req_ready = false;
  bool rsp_valid = false;
  bool rsp_error = false;
};

struct StoreOutputs {
  bool op_ready = false;
  bool res_valid = false;
  unsigned res_num = 0;
  std::vector<StoreResult> res;  ///< p slots, zero beyond res_num
  bool req_valid = false;
  bool req_write = false;
  uint64_t req_addr = 0;
  std::vector<uint8_t> req_wdata;
  std::vector<uint8_t> req_wstrb;
  bool rsp_ready = true;
};

class StoreEngineModel {
 public:
  explicit StoreEngineModel(StoreEngineParams p)
      : p_(p),
        wd_({p.line_bytes, p.p * p.vec_max(), p.addr_w}),
        wh_({p.line_bytes, p.p * p.fmt.header_bytes(), p.addr_w}) {
    reset();
  }

  void reset() {
    g_valid_ = false;
    g_num_ = 0;
    g_next_ = 0;
    g_ops_.assign(p_.p, StoreOp{});
    g_fence_err_.assign(p_.p, kErrNone);
    carry_d_ = carry_h_ = 0;
    r_valid_ = false;
    r_num_ = 0;
    r_res_.assign(p_.p, StoreResult{});
    outstanding_ = 0;
    sticky_ = false;
    wd_.reset();
    wh_.reset();
    pipe_.assign(p_.comp_stages, Staged{});
  }

  StoreOutputs eval(const StoreInputs& in) const { return step(in).out; }
  void clock(const StoreInputs& in) { commit(step(in), in); }

 private:
  /// A group in the stall pipeline in front of G (docs/engines.md).
  struct Staged {
    bool valid = false;
    unsigned num = 0;
    std::vector<StoreOp> ops;
  };

  struct Step {
    StoreOutputs out;
    bool g_ready = false;  ///< G takes the group at the end of the pipeline
    WcInputs wd_in, wh_in;
    std::vector<StoreEffect> eff;
    unsigned seg_end = 0;
    bool seg_done = false, seg_fence = false, group_done = false, req_fire = false;
  };

  Step step(const StoreInputs& in) const {
    Step s;
    StoreOutputs& o = s.out;
    o.res.assign(p_.p, StoreResult{});
    o.req_wdata.assign(p_.line_bytes, 0);
    o.req_wstrb.assign(p_.line_bytes, 0);
    s.wd_in.run_data.assign(p_.p * p_.vec_max(), 0);
    s.wh_in.run_data.assign(p_.p * p_.fmt.header_bytes(), 0);

    // The group's operations, in program order.
    bool seg_oob = false, seg_last = false;
    if (g_valid_) {
      uint64_t d = carry_d_, h = carry_h_;
      for (unsigned k = 0; k < g_num_; ++k) {
        s.eff.push_back(store_effect(p_, g_ops_[k], d, h));
        d = s.eff.back().d_out;
        h = s.eff.back().h_out;
      }
      // The segment from g_next_.
      const unsigned first = g_next_;
      s.seg_end = first + 1;
      while (s.seg_end < g_num_) {
        const unsigned k = s.seg_end;
        const StoreOp& a = g_ops_[k - 1];
        const StoreOp& b = g_ops_[k];
        const bool cont =
            !a.fence && !b.fence && a.layout == b.layout && !s.eff[k].oob && !s.eff[k - 1].oob &&
            s.eff[k].d_in == s.eff[k - 1].d_out &&
            (b.layout != Layout::kSeparateHeader || s.eff[k].h_in == s.eff[k - 1].h_out);
        if (!cont) break;
        ++s.seg_end;
      }
      s.seg_fence = g_ops_[first].fence;
      seg_oob = s.eff[first].oob;
      seg_last = s.seg_end == g_num_;
      if (!s.seg_fence && !seg_oob) {
        std::vector<uint8_t> dr, hr;
        for (unsigned k = first; k < s.seg_end; ++k) {
          dr.insert(dr.end(), s.eff[k].dbytes.begin(), s.eff[k].dbytes.end());
          hr.insert(hr.end(), s.eff[k].hbytes.begin(), s.eff[k].hbytes.end());
        }
        s.wd_in.run_valid = !dr.empty();
        s.wd_in.run_addr = s.eff[first].d_in;
        s.wd_in.run_len = static_cast<unsigned>(dr.size());
        std::copy(dr.begin(), dr.end(), s.wd_in.run_data.begin());
        s.wh_in.run_valid = !hr.empty();
        s.wh_in.run_addr = s.eff[first].h_in;
        s.wh_in.run_len = static_cast<unsigned>(hr.size());
        std::copy(hr.begin(), hr.end(), s.wh_in.run_data.begin());
      } else {
        // No run: the buffers see the segment's first pointers and length 0.
        s.wd_in.run_addr = s.eff[first].d_in;
        s.wh_in.run_addr = s.eff[first].h_in;
      }
      s.wd_in.flush = s.wh_in.flush = s.seg_fence;
    }

    // Neither buffer takes its run until the other can and, for the last
    // segment, the result register is free.
    const bool r_free = !r_valid_ || in.res_ready;
    {
      const WcOutputs d0 = wd_.eval(s.wd_in), h0 = wh_.eval(s.wh_in);
      s.wd_in.run_en = (!s.wh_in.run_valid || h0.run_ready) && (!seg_last || r_free);
      s.wh_in.run_en = (!s.wd_in.run_valid || d0.run_ready) && (!seg_last || r_free);
    }

    // L1 requests: the header buffer first.
    const bool can_issue = outstanding_ < p_.max_outstanding;
    const WcOutputs wh_peek = wh_.eval(s.wh_in);
    s.wh_in.req_ready = in.req_ready && can_issue;
    s.wd_in.req_ready = in.req_ready && can_issue && !wh_peek.req_valid;
    const WcOutputs wh = wh_.eval(s.wh_in);
    const WcOutputs wd = wd_.eval(s.wd_in);
    o.req_valid = can_issue && (wh.req_valid || wd.req_valid);
    o.req_write = o.req_valid;
    if (can_issue) {
      const WcOutputs& src = wh.req_valid ? wh : wd;
      o.req_addr = src.req_addr;
      o.req_wdata = src.req_wdata;
      o.req_wstrb = src.req_wstrb;
    }
    s.req_fire = o.req_valid && in.req_ready;

    // Completion.
    if (g_valid_) {
      if (s.seg_fence) {
        s.seg_done = wd.idle && wh.idle && outstanding_ == 0 && !s.req_fire;
      } else if (seg_oob) {
        s.seg_done = true;
      } else {
        s.seg_done = (!s.wd_in.run_valid || wd.run_ready) && (!s.wh_in.run_valid || wh.run_ready);
      }
      if (seg_last && !r_free) s.seg_done = false;
    }
    s.group_done = s.seg_done && seg_last;
    s.g_ready = !g_valid_ || s.group_done;
    // The stall pipeline advances when its last stage is empty or G takes
    // its group; with no stage, the channel goes straight to G.
    o.op_ready = pipe_.empty() ? s.g_ready : (s.g_ready || !pipe_.back().valid);

    o.res_valid = r_valid_;
    if (r_valid_) {
      o.res_num = r_num_;
      o.res = r_res_;
    }
    o.rsp_ready = true;
    return s;
  }

  void commit(const Step& s, const StoreInputs& in) {
    wd_.clock(s.wd_in);
    wh_.clock(s.wh_in);
    const unsigned fence_err = sticky_ ? kErrL1 : kErrNone;
    outstanding_ = outstanding_ + (s.req_fire ? 1 : 0) - (in.rsp_valid ? 1 : 0);
    if (s.seg_done && s.seg_fence) {
      g_fence_err_[g_next_] = fence_err;
      sticky_ = false;
    } else if (in.rsp_valid && in.rsp_error) {
      sticky_ = true;
    }
    if (s.group_done) {
      r_valid_ = true;
      r_num_ = g_num_;
      r_res_.assign(p_.p, StoreResult{});
      for (unsigned k = 0; k < g_num_; ++k) {
        r_res_[k].dptr = s.eff[k].d_out;
        r_res_[k].hptr = s.eff[k].h_out;
        r_res_[k].err = s.eff[k].oob      ? kErrOutOfBounds
                        : g_ops_[k].fence ? g_fence_err_[k]
                                          : kErrNone;
      }
      carry_d_ = s.eff[g_num_ - 1].d_out;
      carry_h_ = s.eff[g_num_ - 1].h_out;
    } else if (in.res_ready) {
      r_valid_ = false;
    }
    if (s.seg_done) g_next_ = s.seg_end;
    const unsigned num_in = std::clamp(in.op_num, 1u, p_.p);
    if (pipe_.empty()) {
      if (s.g_ready) load_g(in.op_valid, num_in, in.ops);
    } else {
      // G takes the last stage's group before the stages move on.
      if (s.g_ready) load_g(pipe_.back().valid, pipe_.back().num, pipe_.back().ops);
      if (s.out.op_ready) {
        std::move_backward(pipe_.begin(), pipe_.end() - 1, pipe_.end());
        pipe_.front() = Staged{in.op_valid, num_in, in.ops};
      }
    }
  }

  /// G takes a group, or nothing (valid false).
  void load_g(bool valid, unsigned num, const std::vector<StoreOp>& ops) {
    g_valid_ = valid;
    g_num_ = valid ? num : 0;
    g_next_ = 0;
    g_fence_err_.assign(p_.p, kErrNone);
    if (valid) g_ops_ = ops;
  }

  StoreEngineParams p_;
  WcBufferModel wd_, wh_;
  bool g_valid_ = false;
  unsigned g_num_ = 0, g_next_ = 0;
  std::vector<StoreOp> g_ops_;
  std::vector<unsigned> g_fence_err_;
  uint64_t carry_d_ = 0, carry_h_ = 0;
  bool r_valid_ = false;
  unsigned r_num_ = 0;
  std::vector<StoreResult> r_res_;
  unsigned outstanding_ = 0;
  bool sticky_ = false;
  std::vector<Staged> pipe_;  ///< stage 0 first; G takes from the last
};

}  // namespace zcomp
