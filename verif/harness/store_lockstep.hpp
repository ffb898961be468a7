// Lockstep harness for the store engines of tb_store_engine.
//
// For every variant it writes a random program of ZCOMPS and FENCE
// operations (mixed layouts and CCFs, chained and unchained, every byte
// offset within a line, some out of bounds), in groups of 1 to P. It drives
// them with random gaps, random result backpressure and an L1 memory model
// (l1_model.hpp) with random ready and latency. The cycle model
// (store_engine_model.hpp) predicts every port on every cycle, and the run
// stops at the first difference, prints the cycle, variant, port, expected,
// actual and seed, and replays with an FST trace around it.
//
// Independently of the cycle model, the results are checked against the
// functional meaning of the program (store_effect), and at the end the
// memory image must equal the golden encoder's bytes at the computed
// pointers, each byte written once, nothing outside.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine_harness.hpp"
#include "featuremap.hpp"
#include "port_bits.hpp"
#include "store_engine_model.hpp"

namespace zcomp::harness {

/// fault_variant / fault_cycle add 1 to that variant's req_addr_o.
/// (l1_error_rate > 0 turns the memory-image check off.)
struct StoreOptions : EngineOptions {
  std::size_t groups = 400;  ///< operation groups per variant (a final FENCE follows)
  double chain_rate = 0.85;
  double oob_rate = 0.03;
  bool lossless_only = false;  ///< CCF zero only
  /// New streams start at a multiple of this many bytes (1: at any byte).
  /// A stream whose runs are a multiple of it fills a buffer to its end.
  unsigned stream_align = 1;
  /// Given data instead of a random program (only_variant must be set): one
  /// chained stream of these vectors, CCF zero, full groups, starting at
  /// data_base (and header_base for the separate layout). The report then
  /// holds the variant's memory image.
  const std::vector<LaneArray>* data = nullptr;
  Layout data_layout = Layout::kInterleaved;
  Ccf data_ccf = Ccf::kZero;  ///< the CCF of the data-mode operations
  uint32_t data_thresh = 0;
  uint64_t data_base = 0x1000;
  uint64_t header_base = 0x40000000;
};

struct StoreVariantStats {
  uint64_t ops = 0;     ///< ZCOMPS operations
  uint64_t groups = 0;  ///< groups taken (op handshakes)
  uint64_t first_accept = UINT64_MAX;
  uint64_t last_accept = 0;
  uint64_t bytes = 0;         ///< compressed bytes (headers included) in bounds
  uint64_t lines = 0;         ///< L1 write requests
  uint64_t last_request = 0;  ///< cycle of the last L1 request taken
  uint64_t oob = 0;
  uint64_t l1_error_fences = 0;
  uint64_t resets = 0;
  uint64_t peak_outstanding = 0;  ///< the most L1 writes in flight at once
};

struct StoreReport {
  bool ok = false;
  std::optional<Mismatch> mismatch;
  std::string variant_desc;  ///< the mismatching variant
  std::string error;
  std::string trace_file;
  uint64_t cycles = 0;
  std::vector<StoreEngineParams> params;
  std::vector<StoreVariantStats> stats;
  std::map<uint64_t, uint8_t> memory;  ///< with StoreOptions::data: the image written
};

template <class VTop>
class StoreLockstep {
 public:
  static StoreReport run(const StoreOptions& opt) {
    return run_with_trace_replay(opt, "zcomp_store",
                                 [](const StoreOptions& o) { return StoreLockstep(o).run_once(); });
  }

 private:
  static constexpr unsigned kMaxP = 4;
  static constexpr unsigned kVecW = 512;
  static constexpr unsigned kMaxLB = 256;

  struct Group {
    std::vector<StoreOp> ops;  ///< p slots; slots >= num hold garbage
    unsigned num = 1;
    std::vector<StoreResult> expect;  ///< functional results (fence errors aside)
    std::vector<OpFacts> facts;       ///< each executed slot, for functional coverage
    /// The bytes each executed slot writes.
    std::vector<std::vector<std::pair<uint64_t, uint8_t>>> writes;
    uint64_t bytes = 0, zcomps = 0, oob = 0;
    uint64_t first_seq = 0;  ///< program-order number of slot 0, set when taken
  };

  struct Variant {
    StoreEngineParams p;
    StoreEngineModel model;
    L1Memory mem;
    std::mt19937_64 rng;
    std::deque<Group> program;          ///< groups not yet accepted
    std::deque<Group> in_flight;        ///< accepted, result not yet seen
    std::map<uint64_t, uint8_t> image;  ///< bytes that must be in memory
    std::map<uint64_t, uint8_t> maybe;  ///< bytes cut off by a reset: absent or this
    /// Accepted slots whose writes no FENCE has covered yet: (seq, bytes).
    std::deque<std::pair<uint64_t, std::vector<std::pair<uint64_t, uint8_t>>>> unfenced;
    uint64_t next_seq = 0;
    Layout layout = Layout::kInterleaved;
    std::size_t groups_made = 0;
    bool final_fence_made = false;
    bool fresh_start = false;   ///< the next executed op must not chain
    std::size_t data_next = 0;  ///< next vector of StoreOptions::data
    uint64_t reset_cycle = UINT64_MAX;
    StoreInputs in;
    bool offering = false;
    uint64_t prev_d = 0, prev_h = 0;  ///< pointers the last generated op returned
    Regions rg;                       ///< where the program's streams go
    uint64_t bump_d = 0, bump_h = 0;  ///< fresh memory starts here (from rg's origins)
    StoreVariantStats stats;
    EngineHandshakeBins ports;
    std::string cov_key;           ///< the configuration's name in the coverage bins
    EngineOpBins::Shape op_shape;  ///< what the operation bins need of it
  };

  explicit StoreLockstep(const StoreOptions& opt) : opt_(opt) {
    ctx_ = make_context(opt.x_seed.value_or(opt.seed), !opt.trace_path.empty());
    top_ = std::make_unique<VTop>(ctx_.get(), "tb");
  }

  ~StoreLockstep() {
    if (tfp_) tfp_->close();
    finish_model(*ctx_, *top_);
  }

  unsigned num_variants() const { return sizeof(top_->cfg_o) / 8; }
  bool active(unsigned i) const { return opt_.only_variant < 0 || opt_.only_variant == int(i); }

  // ----------------------------------------------------- functional coverage
  static EngineOpBins::Shape cov_shape(const StoreEngineParams& p) {
    // Codes 0..2: none, out of bounds, and L1 error (reported by a FENCE).
    std::vector<std::string> errs(std::begin(kErrorNames), std::begin(kErrorNames) + 3);
    return {p.fmt.lanes, p.line_bytes, p.p, true, 3, errs};
  }
  static OpFacts facts_of(const StoreEngineParams& p, const StoreOp& op, const StoreEffect& e) {
    OpFacts f{.fence = op.fence,
              .chain = op.chain,
              .separate = op.layout == Layout::kSeparateHeader,
              .ccf = static_cast<unsigned>(op.ccf)};
    if (op.fence || e.oob) return f;
    f.set_size(e.d_in, e.dbytes.size(), p.fmt.header_bytes(), p.fmt.elem_bytes());
    return f;
  }

  // ------------------------------------------------------------ the program
  StoreOp random_op(Variant& v, bool chain) {
    auto& r = v.rng;
    const VectorFormat& f = v.p.fmt;
    StoreOp op;
    op.chain = chain;
    op.fence = std::bernoulli_distribution(opt_.fence_rate)(r);
    op.ccf = opt_.lossless_only ? Ccf::kZero : static_cast<Ccf>(r() % 4 == 0 ? 1 + r() % 3 : 0);
    // A threshold of 0 now and then: int-threshold then keeps every non-zero element.
    const uint32_t raw = static_cast<uint32_t>(r());
    const uint64_t pick = r();
    op.thresh = pick % 8 == 0 ? 0 : raw & f.elem_mask() & (pick % 2 ? 0xFF : 0xFFFFFFFF);
    const double sp =
        opt_.sparsity >= 0 ? opt_.sparsity : std::uniform_real_distribution<double>(0, 1)(r);
    for (unsigned i = 0; i < f.lanes; ++i) {
      op.data[i] =
          std::bernoulli_distribution(sp)(r) ? 0 : (static_cast<uint32_t>(r()) & f.elem_mask());
      if (op.data[i] == 0 && !std::bernoulli_distribution(sp)(r)) op.data[i] = 1;
    }
    return op;
  }

  /// Makes the next group of the program (the program is made one group
  /// at a time, as it is offered, so that a reset can change its course).
  /// After opt_.groups groups comes one final FENCE; then it returns false.
  bool make_group(Variant& v) {
    if (opt_.data) return make_data_group(v);
    auto& r = v.rng;
    const unsigned p = v.p.p;
    const Regions& rg = v.rg;
    const uint64_t vec_max = v.p.vec_max();
    // Stop before fresh memory runs out (narrow addresses).
    const bool memory_left = v.bump_d + 4 * p * vec_max + 4 * v.p.line_bytes < rg.room &&
                             v.bump_h + 4 * p * vec_max + 4 * v.p.line_bytes < rg.room;
    if (v.groups_made >= opt_.groups || !memory_left) {
      if (v.final_fence_made) return false;
      // A final FENCE drains everything.
      Group fence;
      fence.num = 1;
      StoreOp f = random_op(v, true);
      f.fence = true;
      fence.ops.assign(p, f);
      fence.expect.push_back({v.prev_d, v.prev_h, kErrNone});
      fence.facts.push_back(OpFacts{.fence = true, .chain = f.chain});
      v.program.push_back(std::move(fence));
      v.final_fence_made = true;
      return true;
    }
    ++v.groups_made;
    Group grp;
    grp.num = opt_.full_groups ? p : 1 + static_cast<unsigned>(r() % p);
    if (!opt_.full_groups && r() % 2) grp.num = p;
    for (unsigned k = 0; k < p; ++k) {
      // After a reset the engine's carried pointers are 0: start afresh.
      const bool chain = std::bernoulli_distribution(opt_.chain_rate)(r) && !v.fresh_start;
      StoreOp op = random_op(v, chain);
      if (!chain) {
        // A new stream in fresh memory, at any byte offset in a line.
        // (Slots beyond the group's count are not executed and must not
        // change the stream.)
        const bool sep = std::bernoulli_distribution(opt_.sep_rate)(r);
        if (k < grp.num) v.layout = sep ? Layout::kSeparateHeader : Layout::kInterleaved;
        const uint64_t a = opt_.stream_align;
        op.dptr = (rg.d_org + v.bump_d + 1 + r() % (2 * v.p.line_bytes) + a - 1) / a * a;
        op.hptr = (rg.h_org + v.bump_h + 1 + r() % (2 * v.p.line_bytes) + a - 1) / a * a;
      } else {
        // Garbage that must be ignored.
        op.dptr = r() & v.p.addr_mask();
        op.hptr = r() & v.p.addr_mask();
      }
      op.layout = v.layout;
      op.limit = v.p.addr_mask();
      if (k < grp.num) {
        v.fresh_start = false;
        StoreEffect e = store_effect(v.p, op, v.prev_d, v.prev_h);
        if (!op.fence && std::bernoulli_distribution(opt_.oob_rate)(r)) {
          // A limit that cuts into the operation's areas.
          const uint64_t end = op.layout == Layout::kSeparateHeader && r() % 2
                                   ? e.h_in + v.p.fmt.header_bytes()
                                   : e.d_in + (e.d_out - e.d_in);
          op.limit =
              end == 0 ? 0 : end - 1 - r() % std::max<uint64_t>(1, std::min<uint64_t>(end, 4));
          e = store_effect(v.p, op, v.prev_d, v.prev_h);
        }
        v.prev_d = e.d_out;
        v.prev_h = e.h_out;
        v.bump_d = std::max(v.bump_d, e.d_out >= rg.d_org ? e.d_out - rg.d_org : 0);
        v.bump_h = std::max(v.bump_h, e.h_out >= rg.h_org ? e.h_out - rg.h_org : 0);
        grp.writes.emplace_back();
        if (!op.fence && !e.oob) {
          for (std::size_t b = 0; b < e.dbytes.size(); ++b)
            grp.writes.back().push_back({(e.d_in + b) & v.p.addr_mask(), e.dbytes[b]});
          for (std::size_t b = 0; b < e.hbytes.size(); ++b)
            grp.writes.back().push_back({(e.h_in + b) & v.p.addr_mask(), e.hbytes[b]});
          grp.bytes += e.dbytes.size() + e.hbytes.size();
          ++grp.zcomps;
        }
        if (e.oob) ++grp.oob;
        grp.expect.push_back({e.d_out, e.h_out, e.oob ? kErrOutOfBounds : kErrNone});
        grp.facts.push_back(facts_of(v.p, op, e));
      }
      grp.ops.push_back(op);
    }
    v.program.push_back(std::move(grp));
    return true;
  }

  /// The next group of the given data (StoreOptions::data), then a FENCE.
  bool make_data_group(Variant& v) {
    const std::vector<LaneArray>& data = *opt_.data;
    const unsigned p = v.p.p;
    if (v.data_next >= data.size()) {
      if (v.final_fence_made) return false;
      Group fence;
      fence.num = 1;
      StoreOp f;
      f.fence = true;
      f.chain = true;
      fence.ops.assign(p, f);
      fence.expect.push_back({v.prev_d, v.prev_h, kErrNone});
      fence.facts.push_back(OpFacts{.fence = true, .chain = f.chain});
      fence.writes.emplace_back();
      v.program.push_back(std::move(fence));
      v.final_fence_made = true;
      return true;
    }
    Group grp;
    grp.num = static_cast<unsigned>(std::min<std::size_t>(p, data.size() - v.data_next));
    for (unsigned k = 0; k < p; ++k) {
      StoreOp op;
      op.layout = opt_.data_layout;
      op.ccf = opt_.data_ccf;
      op.thresh = opt_.data_thresh;
      op.chain = v.data_next + k > 0;
      op.dptr = opt_.data_base;
      op.hptr = opt_.header_base;
      op.limit = v.p.addr_mask();
      if (k < grp.num) {
        op.data = data[v.data_next + k];
        const StoreEffect e = store_effect(v.p, op, v.prev_d, v.prev_h);
        v.prev_d = e.d_out;
        v.prev_h = e.h_out;
        grp.writes.emplace_back();
        for (std::size_t b = 0; b < e.dbytes.size(); ++b)
          grp.writes.back().push_back({(e.d_in + b) & v.p.addr_mask(), e.dbytes[b]});
        for (std::size_t b = 0; b < e.hbytes.size(); ++b)
          grp.writes.back().push_back({(e.h_in + b) & v.p.addr_mask(), e.hbytes[b]});
        grp.bytes += e.dbytes.size() + e.hbytes.size();
        ++grp.zcomps;
        grp.expect.push_back({e.d_out, e.h_out, kErrNone});
        grp.facts.push_back(facts_of(v.p, op, e));
      }
      grp.ops.push_back(op);
    }
    v.data_next += grp.num;
    v.program.push_back(std::move(grp));
    return true;
  }

  /// rst_ni low for two clock edges, on every variant at once. Whatever was
  /// accepted but not fenced may or may not have reached memory; the offered
  /// group is dropped; the L1 port drops the responses it has not delivered.
  void apply_reset(uint64_t cycle) {
    pulse_reset(*top_, 2);
    for (auto& vp : vars_) {
      Variant& v = *vp;
      v.model.reset();
      v.mem.drop_pending();
      for (const auto& slot : v.unfenced) {
        for (const auto& [a, b] : slot.second) {
          v.image.erase(a);
          v.maybe[a] = b;
        }
      }
      v.unfenced.clear();
      v.program.clear();
      v.in_flight.clear();
      v.offering = false;
      v.prev_d = v.prev_h = 0;
      v.fresh_start = true;
      v.reset_cycle = cycle;
      v.ports.reset();
      ++v.stats.resets;
    }
  }

  // --------------------------------------------------------------- driving
  void drive(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    auto& r = v.rng;
    const unsigned p = v.p.p;
    const VectorFormat& f = v.p.fmt;
    if (v.program.empty() && active(i)) make_group(v);
    if (!v.offering && !v.program.empty() && std::bernoulli_distribution(opt_.op_valid_rate)(r)) {
      v.offering = true;
      v.in.op_num = v.program.front().num;
      v.in.ops = v.program.front().ops;
    } else if (!v.offering) {
      v.in.op_num = static_cast<unsigned>(r() % (p + 1));
      for (auto& op : v.in.ops) op = random_op(v, r() % 2), op.dptr = r(), op.limit = r();
    }
    v.in.op_valid = v.offering;
    v.in.res_ready = std::bernoulli_distribution(opt_.res_ready_rate)(r);
    take_l1(v.in, v.mem, r);

    put_bits(top_->op_valid_i, i, 1, v.in.op_valid);
    put_bits(top_->op_num_i, 3 * i, 3, v.in.op_num);
    for (unsigned k = 0; k < kMaxP; ++k) {
      const unsigned s = i * kMaxP + k;
      const StoreOp& op = k < p ? v.in.ops[k] : v.in.ops[0];
      put_bits(top_->op_fence_i, s, 1, op.fence);
      put_bits(top_->op_sep_i, s, 1, op.layout == Layout::kSeparateHeader);
      put_bits(top_->op_chain_i, s, 1, op.chain);
      put_bits(top_->op_ccf_i, 2 * s, 2, static_cast<unsigned>(op.ccf));
      put_bits(top_->op_thresh_i, 32 * s, 32, op.thresh);
      put_bits(top_->op_dptr_i, 32 * s, 32, op.dptr);
      put_bits(top_->op_hptr_i, 32 * s, 32, op.hptr);
      put_bits(top_->op_limit_i, 32 * s, 32, op.limit);
      for (unsigned l = 0; l < f.lanes; ++l)
        put_bits(top_->op_data_i, kVecW * s + l * f.elem_bits, f.elem_bits, op.data[l]);
    }
    put_l1_side(*top_, i, v.in, 0, r);
    put_bits(top_->fault_i, i, 1, int(i) == opt_.fault_variant && cycle >= opt_.fault_cycle);
  }

  std::optional<Mismatch> compare(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    const StoreOutputs o = v.model.eval(v.in);
    std::optional<Mismatch> mm;
    auto check = [&](const std::string& port, uint64_t expected, uint64_t actual) {
      if (!mm && expected != actual) mm = Mismatch{cycle, i, port, expected, actual};
    };
    check("op_ready_o", o.op_ready, get_bits(top_->op_ready_o, i, 1));
    check("res_valid_o", o.res_valid, get_bits(top_->res_valid_o, i, 1));
    check("res_num_o", o.res_num, get_bits(top_->res_num_o, 3 * i, 3));
    for (unsigned k = 0; k < v.p.p; ++k) {
      const unsigned s = i * kMaxP + k;
      const std::string sk = "[" + std::to_string(k) + "]";
      check("res_dptr_o" + sk, o.res[k].dptr, get_bits(top_->res_dptr_o, 32 * s, 32));
      check("res_hptr_o" + sk, o.res[k].hptr, get_bits(top_->res_hptr_o, 32 * s, 32));
      check("res_err_o" + sk, o.res[k].err, get_bits(top_->res_err_o, 2 * s, 2));
    }
    check("req_valid_o", o.req_valid, get_bits(top_->req_valid_o, i, 1));
    check("req_write_o", o.req_write, get_bits(top_->req_write_o, i, 1));
    check("req_addr_o", o.req_addr, get_bits(top_->req_addr_o, 32 * i, 32));
    for (unsigned b = 0; b < v.p.line_bytes && !mm; ++b) {
      check("req_wstrb_o[" + std::to_string(b) + "]", o.req_wstrb[b],
            get_bits(top_->req_wstrb_o, i * kMaxLB + b, 1));
      check("req_wdata_o byte " + std::to_string(b), o.req_wdata[b],
            get_bits(top_->req_wdata_o, i * kMaxLB * 8 + 8 * b, 8));
    }
    check("rsp_ready_o", o.rsp_ready, get_bits(top_->rsp_ready_o, i, 1));
    return mm;
  }

  /// Handshakes from the DUT's ports, functional checks, then the models advance.
  std::optional<Mismatch> account(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    v.ports.sample(cov_, "store", v.cov_key,
                   engine_ports(*top_, i, v.in, !v.program.empty() || !v.final_fence_made));
    if (v.offering && get_bits(top_->op_ready_o, i, 1)) {
      Group& g = v.program.front();
      g.first_seq = v.next_seq;
      for (const auto& slot : g.writes) {
        for (const auto& [a, b] : slot) v.image[a] = b;
        v.unfenced.push_back({v.next_seq++, slot});
      }
      v.stats.bytes += g.bytes;
      v.stats.ops += g.zcomps;
      v.stats.oob += g.oob;
      v.in_flight.push_back(std::move(v.program.front()));
      v.program.pop_front();
      v.offering = false;
      ++v.stats.groups;
      v.stats.first_accept = std::min(v.stats.first_accept, cycle);
      v.stats.last_accept = cycle;
    }
    if (get_bits(top_->res_valid_o, i, 1) && v.in.res_ready) {
      if (v.in_flight.empty()) return Mismatch{cycle, i, "result with no operation", 0, 1};
      const Group g = std::move(v.in_flight.front());
      v.in_flight.pop_front();
      if (get_bits(top_->res_num_o, 3 * i, 3) != g.num)
        return Mismatch{cycle, i, "functional: res_num_o", g.num,
                        get_bits(top_->res_num_o, 3 * i, 3)};
      for (unsigned k = 0; k < g.num; ++k) {
        const unsigned s = i * kMaxP + k;
        const uint64_t d = get_bits(top_->res_dptr_o, 32 * s, 32);
        const uint64_t h = get_bits(top_->res_hptr_o, 32 * s, 32);
        const uint64_t e = get_bits(top_->res_err_o, 2 * s, 2);
        const std::string sk = "[" + std::to_string(k) + "]";
        if (d != g.expect[k].dptr)
          return Mismatch{cycle, i, "functional: res_dptr_o" + sk, g.expect[k].dptr, d};
        if (h != g.expect[k].hptr)
          return Mismatch{cycle, i, "functional: res_hptr_o" + sk, g.expect[k].hptr, h};
        const bool fence = g.ops[k].fence;
        if (fence) {
          // Every write before this FENCE has been acknowledged.
          while (!v.unfenced.empty() && v.unfenced.front().first < g.first_seq + k)
            v.unfenced.pop_front();
        }
        if (e == kErrL1 && fence) ++v.stats.l1_error_fences;
        const bool err_ok =
            e == g.expect[k].err || (fence && e == kErrL1 && opt_.l1_error_rate > 0);
        if (!err_ok) return Mismatch{cycle, i, "functional: res_err_o" + sk, g.expect[k].err, e};
        EngineOpBins::sample(cov_, "store", v.cov_key, v.op_shape, g.facts[k],
                             static_cast<unsigned>(e));
      }
      EngineOpBins::sample_group(cov_, "store", v.cov_key, g.num);
    }
    std::optional<L1Request> req;
    if (get_bits(top_->req_valid_o, i, 1)) {
      L1Request r;
      r.addr = get_bits(top_->req_addr_o, 32 * i, 32);
      r.write = get_bits(top_->req_write_o, i, 1);
      r.wdata.resize(v.p.line_bytes);
      r.wstrb.resize(v.p.line_bytes);
      for (unsigned b = 0; b < v.p.line_bytes; ++b) {
        r.wdata[b] = static_cast<uint8_t>(get_bits(top_->req_wdata_o, i * kMaxLB * 8 + 8 * b, 8));
        r.wstrb[b] = static_cast<uint8_t>(get_bits(top_->req_wstrb_o, i * kMaxLB + b, 1));
      }
      req = r;
      if (v.in.req_ready && !v.maybe.empty()) {
        for (unsigned b = 0; b < v.p.line_bytes; ++b) {
          if (r.wstrb[b] && v.maybe.count(r.addr + b))
            return Mismatch{cycle, i, "write after the reset to a byte of an earlier operation", 0,
                            r.addr + b};
        }
      }
      if (v.in.req_ready) {
        ++v.stats.lines;
        v.stats.last_request = cycle;
      }
    }
    if (opt_.check_model) v.model.clock(v.in);
    v.mem.clock(req ? &*req : nullptr, get_bits(top_->rsp_ready_o, i, 1));
    return std::nullopt;
  }

  bool finished(const Variant& v) const {
    return v.final_fence_made && v.program.empty() && v.in_flight.empty() && !v.offering &&
           v.mem.outstanding() == 0;
  }

  StoreReport run_once() {
    StoreReport rep;
    tfp_ = open_trace(*top_, opt_);
    top_->clk_i = 0;
    top_->rst_ni = 0;
    top_->eval();
    std::mt19937_64 seeder(opt_.seed);
    for (unsigned i = 0; i < num_variants(); ++i) {
      const uint64_t cfg = get_bits(top_->cfg_o, 64 * i, 64);
      StoreEngineParams p;
      decode_engine_cfg(cfg, p);
      p.comp_stages = (cfg >> 56) & 0xFF;  // tb_store_engine's CompStages
      L1Config lc = l1_config(opt_, p);
      lc.hi = p.addr_mask();  // the limits never allow the last byte
      const uint64_t vseed = seeder();
      auto v = std::make_unique<Variant>(
          Variant{p, StoreEngineModel(p), L1Memory(lc, vseed ^ 0xA5A5), std::mt19937_64(vseed)});
      v->in.ops.assign(p.p, StoreOp{});
      v->rg = place_regions(p, v->rng);
      v->final_fence_made = !active(i);
      rep.params.push_back(p);
      v->cov_key = engine_cov_config(p);
      v->op_shape = cov_shape(p);
      if (active(i)) {
        EngineHandshakeBins::declare(cov_, "store", v->cov_key);
        EngineOpBins::declare(cov_, "store", v->cov_key, v->op_shape);
      }
      vars_.push_back(std::move(v));
    }
    release_reset(*ctx_, *top_);
    for (auto& v : vars_) v->model.reset();

    uint64_t max_cycles = 10000;
    for (std::size_t i = 0; i < vars_.size(); ++i)
      max_cycles += (opt_.groups + 1) * (20 + 2 * opt_.l1_max_latency);
    CycleHooks hooks;
    hooks.finished = [&](unsigned i) { return finished(*vars_[i]); };
    std::mt19937_64 reset_rng(opt_.seed ^ 0x7E5E7);
    hooks.before = [&](uint64_t cycle) {
      if (opt_.reset_rate > 0 && std::bernoulli_distribution(opt_.reset_rate)(reset_rng))
        apply_reset(cycle);
    };
    hooks.drive = [&](unsigned i, uint64_t cycle) { drive(i, cycle); };
    hooks.compare = [&](unsigned i, uint64_t cycle) { return compare(i, cycle); };
    hooks.account = [&](unsigned i, uint64_t cycle) { return account(i, cycle); };
    const CycleResult cr = run_cycles(*ctx_, *top_, tfp_.get(), opt_,
                                      static_cast<unsigned>(vars_.size()), max_cycles, hooks);
    rep.cycles = cr.cycles;
    if (cr.hang) {
      rep.error = "no progress: not finished after " + std::to_string(cr.cycles) + " cycles";
      return rep;
    }
    if (cr.mismatch) {
      rep.mismatch = cr.mismatch;
      rep.error = "mismatch on " + rep.mismatch->port;
      const StoreEngineParams& p = rep.params[rep.mismatch->variant];
      rep.variant_desc = "store engine N=" + std::to_string(p.fmt.lanes) +
                         " EW=" + std::to_string(p.fmt.elem_bits) + " P=" + std::to_string(p.p) +
                         " LineBytes=" + std::to_string(p.line_bytes) +
                         " AddrW=" + std::to_string(p.addr_w) +
                         " CompStages=" + std::to_string(p.comp_stages);
      return rep;
    }
    for (unsigned i = 0; i < vars_.size(); ++i) {
      const Variant& v = *vars_[i];
      rep.stats.push_back(v.stats);
      rep.stats.back().peak_outstanding = v.mem.peak_outstanding();
      if (!rep.error.empty()) continue;
      const std::string who = "variant " + std::to_string(i) + ": ";
      // With L1 errors injected, failed writes leave holes: then only the
      // port rules are checked.
      const std::string e = opt_.l1_error_rate == 0
                                ? check_image(v.mem, v.image, v.maybe)
                                : (v.mem.violations().empty() ? "" : v.mem.violations().front());
      if (!e.empty()) rep.error = who + e;
    }
    if (!rep.error.empty()) std::printf("[zcomp] CHECK FAILED: %s\n", rep.error.c_str());
    if (opt_.data && opt_.only_variant >= 0) rep.memory = vars_[opt_.only_variant]->mem.bytes();
    rep.ok = rep.error.empty();
    return rep;
  }

  StoreOptions opt_;
  FunctionalCoverage cov_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<VTop> top_;
  std::unique_ptr<VerilatedFstC> tfp_;
  std::vector<std::unique_ptr<Variant>> vars_;
};

}  // namespace zcomp::harness
