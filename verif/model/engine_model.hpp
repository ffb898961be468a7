// Model of zcomp_engine (ZCOMPS, ZCOMPL and FENCE in one stream), written
// from the last part of docs/engines.md and from nothing in the RTL.
//
// - EngineOp / EngineResult: one operation of the stream and its result.
// - program_effect(): the functional meaning of a whole program, one
//   operation at a time in program order, on a byte image.
// - EngineModel: the cycle-accurate model. It holds a StoreEngineModel and a
//   LoadEngineModel and models the dispatcher between them, and the op
//   slices in front of the engines (OpSpill); eval() predicts every output
//   for the current inputs and state, clock() advances one edge.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "load_engine_model.hpp"
#include "store_engine_model.hpp"

namespace zcomp {

struct EngineOp {
  bool fence = false;
  bool load = false;  ///< ZCOMPL (when not a FENCE), else ZCOMPS
  Layout layout = Layout::kInterleaved;
  bool chain = false;
  Ccf ccf = Ccf::kZero;
  uint32_t thresh = 0;
  uint64_t dptr = 0;
  uint64_t hptr = 0;
  uint64_t limit = 0;
  LaneArray data{};

  bool is_load() const { return load && !fence; }
  StoreOp store_op() const { return {fence, layout, chain, ccf, thresh, dptr, hptr, limit, data}; }
  LoadOp load_op() const { return {fence, layout, chain, dptr, hptr, limit}; }
};

using EngineResult = LoadResult;  ///< pointers, error, and the vector (ZCOMPL)

/// Runs `ops` one at a time in program order on `image` (address -> byte;
/// absent bytes read as 0), as docs/engines.md defines each operation, and
/// returns their results. The store bytes are those of the golden encoder.
inline std::vector<EngineResult> program_effect(const LoadEngineParams& p,
                                                const std::vector<EngineOp>& ops,
                                                std::map<uint64_t, uint8_t>& image) {
  std::vector<EngineResult> out;
  uint64_t prev_d = 0, prev_h = 0;
  const uint64_t m = p.addr_mask();
  auto byte = [&image](uint64_t a) {
    auto it = image.find(a);
    return it == image.end() ? uint8_t{0} : it->second;
  };
  for (const EngineOp& op : ops) {
    EngineResult r;
    if (op.is_load()) {
      r = load_effect(p, op.load_op(), prev_d, prev_h, byte);
    } else {
      const StoreEffect e = store_effect(p, op.store_op(), prev_d, prev_h);
      r.dptr = e.d_out;
      r.hptr = e.h_out;
      r.err = e.oob ? kErrOutOfBounds : kErrNone;
      for (std::size_t b = 0; b < e.dbytes.size(); ++b) image[(e.d_in + b) & m] = e.dbytes[b];
      for (std::size_t b = 0; b < e.hbytes.size(); ++b) image[(e.h_in + b) & m] = e.hbytes[b];
    }
    prev_d = r.dptr;
    prev_h = r.hptr;
    out.push_back(r);
  }
  return out;
}

/// An op slice (docs/engines.md, "Op slices"): a valid/ready stream of
/// runs through two entries. The output entry is offered to the consumer;
/// the side entry takes the producer's run while the output entry waits,
/// and the producer may hand over a run while the side entry is empty.
/// A bypassed slice has no state: it passes valid, run and ready through.
template <class Run>
class OpSliceModel {
 public:
  /// blank: the run the entries hold before the first one (the RTL leaves
  /// its data registers without a reset; an engine reads them only when valid).
  OpSliceModel(bool bypass, Run blank) : bypass_(bypass), blank_(std::move(blank)) { reset(); }
  void reset() {
    out_valid_ = side_valid_ = false;
    out_ = side_ = blank_;
  }
  /// Ready to the producer; a bypassed slice passes the consumer's ready.
  bool ready(bool consumer_ready) const { return bypass_ ? consumer_ready : !side_valid_; }
  bool valid(bool in_valid) const { return bypass_ ? in_valid : out_valid_; }
  const Run& run(const Run& in) const { return bypass_ ? in : out_; }
  void clock(bool in_valid, const Run& in, bool consumer_ready) {
    if (bypass_) return;
    const bool take_in = in_valid && !side_valid_;
    const bool out_free = !out_valid_ || consumer_ready;
    const bool side_valid = side_valid_ ? !out_free : take_in && !out_free;
    if (out_free) {
      out_ = side_valid_ ? side_ : in;
      out_valid_ = side_valid_ || take_in;
    }
    if (take_in && !out_free) side_ = in;
    side_valid_ = side_valid;
  }

 private:
  bool bypass_;
  Run blank_;
  bool out_valid_ = false, side_valid_ = false;
  Run out_, side_;
};

/// A run as an op slice carries it: the op count and the slots.
template <class Op>
struct SliceRun {
  unsigned num = 1;
  std::vector<Op> ops;
};

struct EngineInputs {
  bool op_valid = false;
  unsigned op_num = 1;
  std::vector<EngineOp> ops;  ///< p slots
  bool res_ready = false;
  bool req_ready = false;
  bool rsp_valid = false;
  bool rsp_error = false;
  std::vector<uint8_t> rsp_rdata;  ///< line_bytes
};

struct EngineOutputs {
  bool op_ready = false;
  bool res_valid = false;
  unsigned res_num = 0;
  std::vector<EngineResult> res;  ///< p slots, zero beyond res_num
  bool req_valid = false;
  bool req_write = false;
  uint64_t req_addr = 0;
  std::vector<uint8_t> req_wdata;
  std::vector<uint8_t> req_wstrb;
  bool rsp_ready = true;
};

class EngineModel {
 public:
  /// op_spill: the OpSpill parameter (op slices in front of the engines).
  EngineModel(LoadEngineParams p, bool op_spill)
      : p_(p),
        store_(p),
        load_(p),
        s_slice_(!op_spill, {1, std::vector<StoreOp>(p.p)}),
        l_slice_(!op_spill, {1, std::vector<LoadOp>(p.p)}) {
    reset();
  }

  void reset() {
    store_.reset();
    load_.reset();
    s_slice_.reset();
    l_slice_.reset();
    q_valid_ = false;
    q_num_ = q_next_ = 0;
    q_ops_.assign(p_.p, EngineOp{});
    phase_load_ = false;
    clean_ = true;
    fix_ = false;
    werr_ = false;
    ld_ = lh_ = 0;
    f_.clear();
    a_.assign(p_.p, EngineResult{});
    r_valid_ = false;
    r_num_ = 0;
    r_res_.assign(p_.p, EngineResult{});
  }

  EngineOutputs eval(const EngineInputs& in) const { return step(in).out; }
  void clock(const EngineInputs& in) { commit(step(in), in); }

  /// The limit of the ZCOMPL the load engine works on, if any (for the
  /// harness's "no read at or above the limit" check).
  std::optional<uint64_t> working_limit() const { return load_.working_limit(); }
  bool load_phase() const { return phase_load_; }

 private:
  /// Runs sent and not yet answered: 4, and the store engine's CompStages.
  unsigned depth() const { return 4 + p_.comp_stages; }

  struct Run {
    bool load = false, implicit = false, last = false;
    unsigned off = 0, n = 0;
    std::vector<bool> fence;  ///< per slot of the run
  };
  struct Step {
    EngineOutputs out;
    StoreInputs sin;                        ///< the store engine's inputs (from its op slice)
    LoadInputs lin;                         ///< the load engine's
    bool s_offer = false, l_offer = false;  ///< the dispatcher offers a run
    SliceRun<StoreOp> s_run;                ///< the runs it offers
    SliceRun<LoadOp> l_run;
    bool s_eng_ready = false, l_eng_ready = false;  ///< the engines' op_ready
    bool tgt = false;
    unsigned run_n = 0;
    bool run_last = false, clean_after = false;
    bool implicit = false, sw_to_load = false, sw_to_store = false;
    bool run_sent = false, push = false, take = false;
    Run pushed;
    std::vector<EngineResult> g;  ///< the group's results with the head run placed
    bool werr = false;
  };

  Step step(const EngineInputs& in) const {
    Step s;
    EngineOutputs& o = s.out;
    const unsigned p = p_.p;

    // The run: slot next and the following slots with the same engine.
    std::vector<EngineOp> run(p);
    s.clean_after = clean_;
    if (q_valid_) {
      s.tgt = q_ops_[q_next_].is_load();
      for (unsigned k = q_next_; k < q_num_ && q_ops_[k].is_load() == s.tgt; ++k) {
        run[s.run_n++] = q_ops_[k];
        if (q_ops_[k].fence)
          s.clean_after = true;
        else if (!s.tgt)
          s.clean_after = false;
      }
      if (fix_ && run[0].chain) {
        run[0].chain = false;
        run[0].dptr = ld_;
        run[0].hptr = lh_;
      }
      s.run_last = q_next_ + s.run_n == q_num_;
    }
    const bool f_room = f_.size() < depth(), f_empty = f_.empty();
    const bool same = q_valid_ && s.tgt == phase_load_;
    s.implicit = q_valid_ && !phase_load_ && s.tgt && !clean_;
    s.sw_to_load = q_valid_ && !phase_load_ && s.tgt && clean_ && f_empty;

    // The runs the dispatcher offers, and the engines' inputs: from the op
    // slices.
    const Run* h = f_empty ? nullptr : &f_.front();
    const bool r_free = !r_valid_ || in.res_ready;
    s.s_offer = f_room && ((same && !s.tgt) || s.implicit);
    s.s_run.num = s.implicit ? 1 : s.run_n;
    for (const EngineOp& op : run) s.s_run.ops.push_back(op.store_op());
    if (s.implicit) {
      s.s_run.ops[0].fence = true;
      s.s_run.ops[0].chain = true;
    }
    s.l_offer = f_room && same && s.tgt;
    s.l_run.num = s.run_n;
    for (const EngineOp& op : run) s.l_run.ops.push_back(op.load_op());
    StoreInputs& si = s.sin;
    si.op_valid = s_slice_.valid(s.s_offer);
    si.op_num = s_slice_.run(s.s_run).num;
    si.ops = s_slice_.run(s.s_run).ops;
    si.res_ready = h && !h->load && (h->implicit || !h->last || r_free);
    si.req_ready = !phase_load_ && in.req_ready;
    si.rsp_valid = !phase_load_ && in.rsp_valid;
    si.rsp_error = in.rsp_error;
    LoadInputs& li = s.lin;
    li.flush = s.sw_to_load;
    li.op_valid = l_slice_.valid(s.l_offer);
    li.op_num = l_slice_.run(s.l_run).num;
    li.ops = l_slice_.run(s.l_run).ops;
    li.res_ready = h && h->load && (!h->last || r_free);
    li.req_ready = phase_load_ && in.req_ready;
    li.rsp_valid = phase_load_ && in.rsp_valid;
    li.rsp_error = in.rsp_error;
    li.rsp_rdata = in.rsp_rdata;
    const StoreOutputs so = store_.eval(si);
    const LoadOutputs lo = load_.eval(li);
    s.sw_to_store = q_valid_ && phase_load_ && !s.tgt && f_empty && lo.idle;

    // Dispatch.
    s.s_eng_ready = so.op_ready;
    s.l_eng_ready = lo.op_ready;
    const bool s_fire = s.s_offer && s_slice_.ready(so.op_ready);
    const bool l_fire = s.l_offer && l_slice_.ready(lo.op_ready);
    s.run_sent = same && (s.tgt ? l_fire : s_fire);
    s.push = s_fire || l_fire;
    s.pushed.load = s.tgt && !s.implicit;
    s.pushed.implicit = s.implicit;
    s.pushed.last = s.run_last && !s.implicit;
    s.pushed.off = q_next_;
    s.pushed.n = s.implicit ? 1 : s.run_n;
    for (unsigned j = 0; j < s.pushed.n; ++j) s.pushed.fence.push_back(s.implicit || run[j].fence);
    o.op_ready = !q_valid_ || (s.run_sent && s.run_last);

    // Results: the head run's engine answers.
    s.werr = werr_;
    if (h) {
      s.take = h->load ? (lo.res_valid && li.res_ready) : (so.res_valid && si.res_ready);
      if (h->implicit) {
        s.werr = werr_ || so.res[0].err == kErrL1;
      } else {
        s.g.assign(p, EngineResult{});
        for (unsigned k = 0; k < h->off; ++k) s.g[k] = a_[k];
        for (unsigned j = 0; j < h->n; ++j) {
          EngineResult& r = s.g[h->off + j];
          if (h->load) {
            r = lo.res[j];
          } else {
            r.dptr = so.res[j].dptr;
            r.hptr = so.res[j].hptr;
            r.err = so.res[j].err;
          }
          if (h->fence[j] && s.werr) {
            r.err = kErrL1;
            s.werr = false;
          }
        }
      }
    }

    // Outputs.
    o.res_valid = r_valid_;
    o.res.assign(p, EngineResult{});
    if (r_valid_) {
      o.res_num = r_num_;
      o.res = r_res_;
    }
    if (phase_load_) {
      o.req_valid = lo.req_valid;
      o.req_addr = lo.req_addr;
      o.req_wdata.assign(p_.line_bytes, 0);
      o.req_wstrb.assign(p_.line_bytes, 0);
      o.rsp_ready = lo.rsp_ready;
    } else {
      o.req_valid = so.req_valid;
      o.req_write = so.req_write;
      o.req_addr = so.req_addr;
      o.req_wdata = so.req_wdata;
      o.req_wstrb = so.req_wstrb;
      o.rsp_ready = so.rsp_ready;
    }
    return s;
  }

  void commit(Step s, const EngineInputs& in) {
    store_.clock(s.sin);
    load_.clock(s.lin);
    s_slice_.clock(s.s_offer, s.s_run, s.s_eng_ready);
    l_slice_.clock(s.l_offer, s.l_run, s.l_eng_ready);
    if (s.sw_to_load) {
      phase_load_ = true;
      fix_ = true;
    }
    if (s.sw_to_store) {
      phase_load_ = false;
      fix_ = true;
    }
    if (s.implicit && s.push) clean_ = true;
    if (s.run_sent) {
      q_next_ += s.run_n;
      fix_ = false;
      if (!s.tgt) clean_ = s.clean_after;
    }
    if (s.out.op_ready) {
      q_valid_ = in.op_valid;
      q_num_ = in.op_valid ? std::clamp(in.op_num, 1u, p_.p) : 0;
      q_next_ = 0;
      if (in.op_valid) q_ops_ = in.ops;
    }
    bool result_in = false;
    if (s.take) {
      const Run h = f_.front();
      f_.pop_front();
      werr_ = s.werr;
      if (!h.implicit) {
        ld_ = s.g[h.off + h.n - 1].dptr;
        lh_ = s.g[h.off + h.n - 1].hptr;
        if (h.last) {
          result_in = true;
          r_num_ = h.off + h.n;
          r_res_ = s.g;
        } else {
          a_ = s.g;
        }
      }
    }
    if (result_in)
      r_valid_ = true;
    else if (in.res_ready)
      r_valid_ = false;
    if (s.push) f_.push_back(s.pushed);
  }

  LoadEngineParams p_;
  StoreEngineModel store_;
  LoadEngineModel load_;
  OpSliceModel<SliceRun<StoreOp>> s_slice_;
  OpSliceModel<SliceRun<LoadOp>> l_slice_;
  bool q_valid_ = false;
  unsigned q_num_ = 0, q_next_ = 0;
  std::vector<EngineOp> q_ops_;
  bool phase_load_ = false, clean_ = true, fix_ = false, werr_ = false;
  uint64_t ld_ = 0, lh_ = 0;
  std::deque<Run> f_;
  std::vector<EngineResult> a_;
  bool r_valid_ = false;
  unsigned r_num_ = 0;
  std::vector<EngineResult> r_res_;
};

}  // namespace zcomp
