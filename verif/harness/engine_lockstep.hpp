// Lockstep harness for the combined engines of tb_engine (ZCOMPS, ZCOMPL and
// FENCE in one stream).
//
// For every variant it fills a few memory areas with random bytes, then
// writes a program that stores streams into them (both layouts, every byte
// offset in a line, lossless and lossy CCFs, some limits cut short), loads
// them back, overwrites them with new data and loads again, loads from
// random places, and chains loads straight after stores. The operations go
// in groups of 1 to P that mix the kinds, with random gaps, result
// backpressure and L1 ready and latency. The cycle model (engine_model.hpp)
// predicts every port on every cycle. Independently, every result is
// checked against program_effect() (the operations one at a time, in
// program order, on a byte image), the final memory against that image,
// and every read must start below the limit of the load being worked on.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine_harness.hpp"
#include "engine_model.hpp"
#include "lockstep_common.hpp"
#include "port_bits.hpp"

namespace zcomp::harness {

/// fault_variant / fault_cycle move that variant's request address one
/// line up. (l1_error_rate > 0 or a reset: results and the final image are
/// checked by the cycle model only, since they change the course.)
struct EngineRunOptions : EngineOptions {
  std::size_t ops = 3000;          ///< operations per variant
  unsigned max_stream = 24;        ///< vectors per stream, 1 to this
  unsigned areas = 3;              ///< memory areas the streams share
  double load_back_rate = 0.45;    ///< a load stream reads an area back
  double random_load_rate = 0.1;   ///< a load stream starts at a random place
  double chain_across_rate = 0.2;  ///< a stream's first op chains to the previous op
  double lossy_rate = 0.2;         ///< a store stream uses a random lossy CCF
  double cut_rate = 0.1;           ///< a stream's limit cuts it short
};

struct EngineVariantStats {
  uint64_t stores = 0, loads = 0, fences = 0;
  uint64_t err[4] = {0, 0, 0, 0};
  uint64_t reads = 0, writes = 0;
  uint64_t switches = 0;  ///< phase changes between the store and load engines
  uint64_t first_accept = UINT64_MAX;
  uint64_t last_result = 0;
  uint64_t resets = 0;
};

struct EngineReport {
  bool ok = false;
  std::optional<Mismatch> mismatch;
  std::string variant_desc;
  std::string error;
  std::string trace_file;
  uint64_t cycles = 0;
  std::vector<LoadEngineParams> params;
  std::vector<EngineVariantStats> stats;
};

template <class VTop>
class EngineLockstep {
 public:
  static EngineReport run(const EngineRunOptions& opt) {
    return run_with_trace_replay(opt, "zcomp_engine", [](const EngineRunOptions& o) {
      return EngineLockstep(o).run_once();
    });
  }

 private:
  static constexpr unsigned kMaxP = kTopSlots;
  static constexpr unsigned kVecW = kTopVecW;
  static constexpr unsigned kMaxLB = 64;

  struct Group {
    std::vector<EngineOp> ops;  ///< p slots; slots >= num hold garbage
    unsigned num = 1;
    std::vector<EngineResult> expect;
  };

  struct Variant {
    LoadEngineParams p;
    EngineModel model;
    L1Memory mem;
    std::mt19937_64 rng;
    std::map<uint64_t, uint8_t> image;  ///< what memory must hold at the end
    std::deque<Group> program;
    std::deque<Group> in_flight;
    EngineInputs in;
    bool offering = false;
    bool exact = true;  ///< results and image still checked functionally
    bool was_load_phase = false;
    EngineVariantStats stats;
    EngineHandshakeBins ports;
    std::string last_kind;  ///< ZCOMPS or ZCOMPL: the last one returned
    std::string cov_key;    ///< the configuration's name in the coverage bins
  };

  explicit EngineLockstep(const EngineRunOptions& opt) : opt_(opt) {
    ctx_ = make_context(opt.x_seed.value_or(opt.seed), !opt.trace_path.empty());
    top_ = std::make_unique<VTop>(ctx_.get(), "tb");
  }

  ~EngineLockstep() {
    if (tfp_) tfp_->close();
    finish_model(*ctx_, *top_);
  }

  unsigned num_variants() const { return sizeof(top_->cfg_o) / 8; }
  bool active(unsigned i) const { return opt_.only_variant < 0 || opt_.only_variant == int(i); }

  // ---------------------------------------------------- memory and program
  void prepare(Variant& v) {
    auto& r = v.rng;
    const VectorFormat& f = v.p.fmt;
    const uint64_t lb = v.p.line_bytes;
    // Area k: data at dbase(k), headers at hbase(k) (above every data area),
    // each with room for the longest stream at the worst offset, in regions
    // placed anywhere in the address space.
    const uint64_t dsize = v.p.line_of(uint64_t{opt_.max_stream} * v.p.vec_max() + 3 * lb);
    const uint64_t hsize = v.p.line_of(uint64_t{opt_.max_stream} * f.header_bytes() + 3 * lb);
    const Regions rg = place_regions(v.p, r);
    if (lb * 2 + opt_.areas * dsize > rg.room || opt_.areas * hsize > rg.room)
      throw std::runtime_error("engine harness: the stream areas do not fit in the address space");
    // With narrow addresses the regions are the two halves of the address
    // space, and the areas start at a random line of their half, so that
    // the high bits of the pointers and limits (and of their copies in
    // every slot of a run) are 1 in some runs and 0 in others.
    const uint64_t d_slack = rg.room - (lb * 2 + opt_.areas * dsize);
    const uint64_t h_slack = rg.room - opt_.areas * hsize;
    const bool narrow = v.p.addr_w < 24;
    const uint64_t d_off = narrow ? r() % (d_slack / lb + 1) * lb : 0;
    const uint64_t h_off = narrow ? r() % (h_slack / lb + 1) * lb : 0;
    auto dbase = [&](unsigned k) { return rg.d_org + d_off + lb * 2 + k * dsize; };
    auto hbase = [&](unsigned k) { return rg.h_org + h_off + k * hsize; };
    for (unsigned k = 0; k < opt_.areas; ++k) {
      for (uint64_t b = 0; b < dsize; ++b) v.image[dbase(k) + b] = static_cast<uint8_t>(r());
      for (uint64_t b = 0; b < hsize; ++b) v.image[hbase(k) + b] = static_cast<uint8_t>(r());
    }
    for (const auto& [a, b] : v.image) v.mem.preload(a, b);

    struct Stored {
      bool valid = false;
      Layout layout = Layout::kInterleaved;
      uint64_t d0 = 0, h0 = 0;
      unsigned n = 0;
    };
    std::vector<Stored> stored(opt_.areas);
    std::vector<EngineOp> ops;
    auto coin = [&r](double p) { return std::bernoulli_distribution(p)(r); };
    while (ops.size() < opt_.ops) {
      const unsigned k = static_cast<unsigned>(r() % opt_.areas);
      const double pick = std::uniform_real_distribution<double>(0, 1)(r);
      const bool load_back = pick < opt_.load_back_rate && stored[k].valid;
      const bool random_load = !load_back && pick < opt_.load_back_rate + opt_.random_load_rate;
      const bool load = load_back || random_load;
      Layout layout = coin(opt_.sep_rate) ? Layout::kSeparateHeader : Layout::kInterleaved;
      uint64_t d0 = dbase(k) + r() % lb, h0 = hbase(k) + r() % lb;
      unsigned n = 1 + static_cast<unsigned>(r() % opt_.max_stream);
      if (load_back) {
        layout = stored[k].layout;
        d0 = stored[k].d0;
        h0 = stored[k].h0;
        n = 1 + static_cast<unsigned>(r() % (stored[k].n + 1));  // sometimes one too many
      }
      const bool sep = layout == Layout::kSeparateHeader;
      uint64_t limit = sep ? hbase(k) + hsize : dbase(k) + dsize;
      if (coin(opt_.cut_rate)) limit = (sep ? h0 : d0) + r() % (sep ? hsize / 2 : dsize / 2);
      const Ccf ccf = (!load && coin(opt_.lossy_rate)) ? static_cast<Ccf>(r() % 4) : Ccf::kZero;
      // Thresholds below 256 half the time (they keep some lanes of random
      // data), of the full element width otherwise.
      const uint32_t thresh = static_cast<uint32_t>(r()) & f.elem_mask() & (coin(0.5) ? 0xFF : ~0u);
      const double sp =
          opt_.sparsity >= 0 ? opt_.sparsity : std::uniform_real_distribution<double>(0, 1)(r);
      // Not for the program's first op: it would take (0, 0) as both the
      // data and the header pointer, and the two streams of a store must
      // not overlap (docs/engines.md, "Header and data areas").
      const bool chain_first = !ops.empty() && coin(opt_.chain_across_rate);
      for (unsigned j = 0; j < n && ops.size() < opt_.ops; ++j) {
        EngineOp op;
        op.load = load;
        op.layout = layout;
        op.chain = j > 0 || chain_first;
        op.dptr = op.chain ? (r() & v.p.addr_mask()) : d0;
        op.hptr = op.chain ? (r() & v.p.addr_mask()) : h0;
        op.limit = limit;
        op.ccf = ccf;
        op.thresh = thresh;
        for (unsigned l = 0; l < f.lanes; ++l)
          op.data[l] = coin(sp) ? 0 : (static_cast<uint32_t>(r()) & f.elem_mask());
        ops.push_back(op);
        if (coin(opt_.fence_rate)) {
          EngineOp fence;
          fence.fence = true;
          fence.chain = true;  // passes the pointers on
          fence.load = coin(0.5);
          ops.push_back(fence);
        }
      }
      if (!load && !chain_first) stored[k] = {true, layout, d0, h0, n};
      if (!load && chain_first) stored[k].valid = false;  // somewhere else now
    }
    // A FENCE at the end: the last posted writes reach memory before the
    // final image is compared.
    EngineOp last_fence;
    last_fence.fence = true;
    last_fence.chain = true;
    ops.push_back(last_fence);
    const std::vector<EngineResult> expect = program_effect(v.p, ops, v.image);
    // Groups of 1 to P, the kinds mixed as they come.
    const unsigned p = v.p.p;
    for (std::size_t i = 0; i < ops.size();) {
      Group g;
      g.num = opt_.full_groups ? p : 1 + static_cast<unsigned>(r() % p);
      g.num = static_cast<unsigned>(std::min<std::size_t>(g.num, ops.size() - i));
      for (unsigned k = 0; k < p; ++k) {
        if (k < g.num) {
          g.ops.push_back(ops[i + k]);
          g.expect.push_back(expect[i + k]);
        } else {
          EngineOp junk;
          junk.dptr = r();
          junk.limit = r();
          junk.chain = r() % 2;
          junk.load = r() % 2;
          g.ops.push_back(junk);
        }
      }
      i += g.num;
      v.program.push_back(std::move(g));
    }
  }

  // --------------------------------------------------------------- driving
  void drive(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    auto& r = v.rng;
    const unsigned p = v.p.p;
    const VectorFormat& f = v.p.fmt;
    if (!v.offering && !v.program.empty() && std::bernoulli_distribution(opt_.op_valid_rate)(r)) {
      v.offering = true;
      v.in.op_num = v.program.front().num;
      v.in.ops = v.program.front().ops;
    } else if (!v.offering) {
      v.in.op_num = static_cast<unsigned>(r() % (p + 1));
      for (auto& op : v.in.ops) {
        op.dptr = r();
        op.hptr = r();
        op.limit = r();
        op.chain = r() % 2;
        op.fence = r() % 2;
        op.load = r() % 2;
      }
    }
    v.in.op_valid = v.offering;
    v.in.res_ready = std::bernoulli_distribution(opt_.res_ready_rate)(r);
    take_l1(v.in, v.mem, r);

    put_bits(top_->op_valid_i, i, 1, v.in.op_valid);
    put_bits(top_->op_num_i, 3 * i, 3, v.in.op_num);
    for (unsigned k = 0; k < kMaxP; ++k) {
      const unsigned s = i * kMaxP + k;
      const EngineOp& op = k < p ? v.in.ops[k] : v.in.ops[0];
      put_bits(top_->op_fence_i, s, 1, op.fence);
      put_bits(top_->op_load_i, s, 1, op.load);
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
    put_l1_side(*top_, i, v.in, kMaxLB, r);
    put_bits(top_->fault_i, i, 1, int(i) == opt_.fault_variant && cycle >= opt_.fault_cycle);
  }

  std::optional<Mismatch> compare(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    const EngineOutputs o = v.model.eval(v.in);
    const VectorFormat& f = v.p.fmt;
    std::optional<Mismatch> mm;
    auto check = [&](const std::string& port, uint64_t expected, uint64_t actual) {
      if (!mm && expected != actual) mm = Mismatch{cycle, i, port, expected, actual};
    };
    check("op_ready_o", o.op_ready, get_bits(top_->op_ready_o, i, 1));
    check("res_valid_o", o.res_valid, get_bits(top_->res_valid_o, i, 1));
    check("res_num_o", o.res_num, get_bits(top_->res_num_o, 3 * i, 3));
    for (unsigned k = 0; k < v.p.p && !mm; ++k)
      mm = diff_result(cycle, i, k, "", o.res[k], read_result_slot(*top_, i, k, f), f);
    check("req_valid_o", o.req_valid, get_bits(top_->req_valid_o, i, 1));
    check("req_write_o", o.req_write, get_bits(top_->req_write_o, i, 1));
    check("req_addr_o", o.req_addr, get_bits(top_->req_addr_o, 32 * i, 32));
    for (unsigned b = 0; b < v.p.line_bytes && !mm && o.req_valid; ++b) {
      check("req_wstrb_o[" + std::to_string(b) + "]", o.req_wstrb[b],
            get_bits(top_->req_wstrb_o, i * kMaxLB + b, 1));
      if (o.req_wstrb[b])
        check("req_wdata_o[byte " + std::to_string(b) + "]", o.req_wdata[b],
              get_bits(top_->req_wdata_o, i * kMaxLB * 8 + 8 * b, 8));
    }
    check("rsp_ready_o", o.rsp_ready, get_bits(top_->rsp_ready_o, i, 1));
    return mm;
  }

  // ----------------------------------------------------- functional coverage
  static constexpr const char* kKinds[] = {"ZCOMPS", "ZCOMPL"};
  void declare_bins(const Variant& v) {
    const LoadEngineParams& p = v.p;
    const std::string& c = v.cov_key;
    EngineHandshakeBins::declare(cov_, "engine", c);
    for (const char* a : kKinds)
      for (const char* b : kKinds)
        cov_.declare(FunctionalCoverage::bin("engine", c, "order", std::string(a) + " then " + b));
    for (const char* k : {"FENCE after ZCOMPS", "FENCE after ZCOMPL"})
      cov_.declare(FunctionalCoverage::bin("engine", c, "order", k));
    // The errors each kind can return (docs/engines.md).
    // A malformed header needs reserved header bits: N not a multiple of 8.
    for (const char* e :
         {"ZCOMPS none", "ZCOMPS out of bounds", "ZCOMPL none", "ZCOMPL out of bounds",
          "ZCOMPL L1 error", "ZCOMPL malformed", "FENCE none", "FENCE L1 error"})
      if (std::string(e) != "ZCOMPL malformed" || p.fmt.lanes % 8 != 0)
        cov_.declare(FunctionalCoverage::bin("engine", c, "error", e));
    // A group of one operation cannot mix the kinds.
    cov_.declare(FunctionalCoverage::bin("engine", c, "group", "one kind"));
    if (p.p > 1) cov_.declare(FunctionalCoverage::bin("engine", c, "group", "stores and loads"));
  }
  /// One result the design returned (checked against program order when exact).
  void sample_op(Variant& v, const EngineOp& op, unsigned err, bool checked) {
    if (!cov_.enabled()) return;
    const std::string& c = v.cov_key;
    if (op.fence) {
      cov_.declare_and_hit(
          FunctionalCoverage::bin("engine", c, "error", "FENCE " + error_name(err)));
      if (!v.last_kind.empty())
        cov_.hit(FunctionalCoverage::bin("engine", c, "order", "FENCE after " + v.last_kind));
      return;
    }
    const std::string kind = op.is_load() ? "ZCOMPL" : "ZCOMPS";
    if (checked && !v.last_kind.empty())
      cov_.hit(FunctionalCoverage::bin("engine", c, "order", v.last_kind + " then " + kind));
    cov_.declare_and_hit(
        FunctionalCoverage::bin("engine", c, "error", kind + " " + error_name(err)));
    v.last_kind = kind;
  }
  void sample_group(Variant& v, const Group& g) {
    if (!cov_.enabled()) return;
    bool store = false, load = false;
    for (unsigned k = 0; k < g.num; ++k) {
      store = store || (!g.ops[k].fence && !g.ops[k].load);
      load = load || g.ops[k].is_load();
    }
    cov_.hit(FunctionalCoverage::bin("engine", v.cov_key, "group",
                                     store && load ? "stores and loads" : "one kind"));
  }

  std::optional<Mismatch> account(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    const VectorFormat& f = v.p.fmt;
    v.ports.sample(cov_, "engine", v.cov_key, engine_ports(*top_, i, v.in, !v.program.empty()));
    if (v.offering && get_bits(top_->op_ready_o, i, 1)) {
      v.in_flight.push_back(std::move(v.program.front()));
      v.program.pop_front();
      v.offering = false;
      v.stats.first_accept = std::min(v.stats.first_accept, cycle);
    }
    if (get_bits(top_->res_valid_o, i, 1) && v.in.res_ready) {
      if (v.in_flight.empty()) return Mismatch{cycle, i, "result with no operation", 0, 1};
      const Group g = std::move(v.in_flight.front());
      v.in_flight.pop_front();
      v.stats.last_result = cycle;
      if (get_bits(top_->res_num_o, 3 * i, 3) != g.num)
        return Mismatch{cycle, i, "functional: res_num_o", g.num,
                        get_bits(top_->res_num_o, 3 * i, 3)};
      for (unsigned k = 0; k < g.num; ++k) {
        const EngineOp& op = g.ops[k];
        const EngineResult got = read_result_slot(*top_, i, k, f);
        ++v.stats.err[got.err];
        if (op.fence)
          ++v.stats.fences;
        else if (op.load)
          ++v.stats.loads;
        else
          ++v.stats.stores;
        if (!v.exact) {
          sample_op(v, op, got.err, false);
          continue;
        }
        if (auto m = diff_result(cycle, i, k, "functional: ", g.expect[k], got, f)) return m;
        sample_op(v, op, got.err, true);
      }
      sample_group(v, g);
    }
    std::optional<L1Request> req;
    if (get_bits(top_->req_valid_o, i, 1)) {
      L1Request r;
      r.addr = get_bits(top_->req_addr_o, 32 * i, 32);
      r.write = get_bits(top_->req_write_o, i, 1);
      r.wdata.assign(v.p.line_bytes, 0);
      r.wstrb.assign(v.p.line_bytes, 0);
      for (unsigned b = 0; b < v.p.line_bytes; ++b) {
        r.wdata[b] = static_cast<uint8_t>(get_bits(top_->req_wdata_o, i * kMaxLB * 8 + 8 * b, 8));
        r.wstrb[b] = static_cast<uint8_t>(get_bits(top_->req_wstrb_o, i * kMaxLB + b, 1));
      }
      if (v.in.req_ready) {
        ++(r.write ? v.stats.writes : v.stats.reads);
        // Reads start below the limit of the load being worked on.
        if (const auto lim = v.model.working_limit(); !r.write && lim && r.addr >= *lim)
          return Mismatch{cycle, i, "read at or above the limit", *lim, r.addr};
      }
      req = r;
    }
    if (opt_.check_model) {
      v.model.clock(v.in);
      if (v.model.load_phase() != v.was_load_phase) ++v.stats.switches;
      v.was_load_phase = v.model.load_phase();
    }
    v.mem.clock(req ? &*req : nullptr, get_bits(top_->rsp_ready_o, i, 1));
    return std::nullopt;
  }

  /// rst_ni low for two clock edges on every variant. Accepted groups are
  /// gone and the port drops its responses. From here on the program's
  /// results no longer follow from program order (what reached memory
  /// before the reset is open), so only the cycle model checks them.
  void apply_reset() {
    pulse_reset(*top_, 2);
    for (auto& vp : vars_) {
      Variant& v = *vp;
      v.model.reset();
      v.mem.drop_pending();
      v.in_flight.clear();
      v.offering = false;
      v.exact = false;
      v.was_load_phase = false;
      v.ports.reset();
      v.last_kind.clear();
      ++v.stats.resets;
    }
  }

  bool finished(const Variant& v) const {
    return v.program.empty() && v.in_flight.empty() && !v.offering;
  }

  EngineReport run_once() {
    EngineReport rep;
    tfp_ = open_trace(*top_, opt_);
    top_->clk_i = 0;
    top_->rst_ni = 0;
    top_->eval();
    std::mt19937_64 seeder(opt_.seed);
    for (unsigned i = 0; i < num_variants(); ++i) {
      const uint64_t cfg = get_bits(top_->cfg_o, 64 * i, 64);
      LoadEngineParams p;
      decode_engine_cfg(cfg, p);
      p.comp_stages = static_cast<unsigned>(get_bits(top_->cstages_o, 8 * i, 8));
      const L1Config lc = l1_config(opt_, p);
      const uint64_t vseed = seeder();
      const bool spill = get_bits(top_->spill_o, i, 1) != 0;
      auto v = std::make_unique<Variant>(
          Variant{p, EngineModel(p, spill), L1Memory(lc, vseed ^ 0xE961), std::mt19937_64(vseed)});
      v->in.ops.assign(p.p, EngineOp{});
      v->in.rsp_rdata.assign(p.line_bytes, 0);
      v->exact = opt_.l1_error_rate == 0;
      v->cov_key = engine_cov_config(p);
      if (active(i)) {
        prepare(*v);
        declare_bins(*v);
      }
      rep.params.push_back(p);
      vars_.push_back(std::move(v));
    }
    release_reset(*ctx_, *top_);
    for (auto& v : vars_) v->model.reset();

    uint64_t max_cycles = 20000;
    for (auto& v : vars_) max_cycles += v->program.size() * kMaxP * (60 + 6 * opt_.l1_max_latency);
    CycleHooks hooks;
    hooks.finished = [&](unsigned i) { return finished(*vars_[i]); };
    std::mt19937_64 reset_rng(opt_.seed ^ 0x7E5E7);
    hooks.before = [&](uint64_t) {
      if (opt_.reset_rate > 0 && std::bernoulli_distribution(opt_.reset_rate)(reset_rng))
        apply_reset();
    };
    hooks.drive = [&](unsigned i, uint64_t cycle) { drive(i, cycle); };
    hooks.compare = [&](unsigned i, uint64_t cycle) { return compare(i, cycle); };
    hooks.account = [&](unsigned i, uint64_t cycle) { return account(i, cycle); };
    const CycleResult cr = run_cycles(*ctx_, *top_, tfp_.get(), opt_,
                                      static_cast<unsigned>(vars_.size()), max_cycles, hooks);
    rep.cycles = cr.cycles;
    for (auto& v : vars_) rep.stats.push_back(v->stats);
    if (cr.hang) {
      rep.error = "no progress: not finished after " + std::to_string(cr.cycles) + " cycles";
      return rep;
    }
    if (cr.mismatch) {
      rep.mismatch = cr.mismatch;
      rep.error = "mismatch on " + rep.mismatch->port;
      const LoadEngineParams& p = rep.params[rep.mismatch->variant];
      rep.variant_desc = "engine N=" + std::to_string(p.fmt.lanes) +
                         " EW=" + std::to_string(p.fmt.elem_bits) + " P=" + std::to_string(p.p) +
                         " LineBytes=" + std::to_string(p.line_bytes) +
                         " WindowLines=" + std::to_string(p.window_lines) +
                         " CompStages=" + std::to_string(p.comp_stages);
      return rep;
    }
    for (unsigned i = 0; i < vars_.size() && rep.error.empty(); ++i) {
      const Variant& v = *vars_[i];
      const std::string vi = "variant " + std::to_string(i) + ": ";
      if (!v.mem.violations().empty()) {
        rep.error = vi + v.mem.violations().front();
      } else if (v.exact && active(i)) {
        const std::string diff = image_difference(v);
        if (!diff.empty()) rep.error = vi + diff;
      }
    }
    if (!rep.error.empty()) std::printf("[zcomp] CHECK FAILED: %s\n", rep.error.c_str());
    rep.ok = rep.error.empty();
    return rep;
  }

  /// Empty when memory holds exactly the image program_effect() left.
  static std::string image_difference(const Variant& v) {
    for (const auto& [a, b] : v.image) {
      const uint8_t got = v.mem.byte(a);
      if (got != b)
        return "memory byte " + std::to_string(a) + " is " + std::to_string(got) + ", expected " +
               std::to_string(b) + " (program order)";
    }
    for (const auto& [a, b] : v.mem.bytes())
      if (!v.image.count(a)) return "memory byte " + std::to_string(a) + " written out of place";
    return {};
  }

  EngineRunOptions opt_;
  FunctionalCoverage cov_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<VTop> top_;
  std::unique_ptr<VerilatedFstC> tfp_;
  std::vector<std::unique_ptr<Variant>> vars_;
};

}  // namespace zcomp::harness
