// Lockstep harness for the load engines of tb_load_engine.
//
// For every variant it lays out compressed streams in the L1 memory model
// with the golden encoder (both layouts, every byte offset within a line,
// some streams of random bytes instead, some with a limit that cuts them
// short), then sends ZCOMPL operations that walk them: the first of a
// stream unchained, the rest chained, in groups of 1 to P, with random
// gaps, result backpressure and L1 ready and latency. The cycle model
// (load_engine_model.hpp) predicts every port on every cycle. Independently,
// every result is checked against load_effect() on the memory image, and
// every read must start below the limit of the operation being worked on.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine_harness.hpp"
#include "load_engine_model.hpp"
#include "lockstep_common.hpp"
#include "port_bits.hpp"

namespace zcomp::harness {

/// fault_variant / fault_cycle move that variant's read address one line up.
/// (l1_error_rate > 0: results are checked by the cycle model only.)
struct LoadOptions : EngineOptions {
  std::size_t ops = 600;       ///< ZCOMPL operations per variant
  double corrupt_rate = 0.05;  ///< chance a stream is random bytes
  double flush_rate = 0.01;    ///< chance per cycle of flush_i (windows emptied)
  double cut_rate = 0.1;       ///< chance a stream's limit cuts it short
  unsigned max_stream = 40;    ///< vectors per stream, 1 to this
  bool fixed_stream = false;   ///< every stream has max_stream vectors
  /// A given memory image instead of random streams (only_variant must be
  /// set): one chained stream of stream_vectors vectors from stream_d (and
  /// stream_h for the separate layout). The report then holds the vectors
  /// read, in order.
  const std::map<uint64_t, uint8_t>* memory = nullptr;
  Layout stream_layout = Layout::kInterleaved;
  uint64_t stream_d = 0;
  uint64_t stream_h = 0;
  std::size_t stream_vectors = 0;
};

struct LoadVariantStats {
  uint64_t ops = 0;  ///< ZCOMPL operations completed
  uint64_t ok = 0;
  uint64_t err[4] = {0, 0, 0, 0};
  uint64_t bytes = 0;  ///< compressed bytes of the operations that succeeded
  uint64_t reads = 0;
  uint64_t first_accept = UINT64_MAX;
  uint64_t last_result = 0;
  uint64_t resets = 0;
};

struct LoadReport {
  bool ok = false;
  std::optional<Mismatch> mismatch;
  std::string variant_desc;
  std::string error;
  std::string trace_file;
  uint64_t cycles = 0;
  std::vector<LoadEngineParams> params;
  std::vector<LoadVariantStats> stats;
  std::vector<LaneArray> loaded;  ///< with LoadOptions::memory: the vectors read
};

template <class VTop>
class LoadLockstep {
 public:
  static LoadReport run(const LoadOptions& opt) {
    return run_with_trace_replay(opt, "zcomp_load",
                                 [](const LoadOptions& o) { return LoadLockstep(o).run_once(); });
  }

 private:
  static constexpr unsigned kMaxP = kTopSlots;
  static constexpr unsigned kVecW = kTopVecW;
  static constexpr unsigned kMaxLB = 256;

  struct Group {
    std::vector<LoadOp> ops;  ///< p slots; slots >= num hold garbage
    unsigned num = 1;
    std::vector<LoadResult> expect;
    std::vector<uint64_t> bytes;  ///< compressed bytes of each slot
    std::vector<OpFacts> facts;   ///< each executed slot, for functional coverage
  };

  struct Variant {
    LoadEngineParams p;
    LoadEngineModel model;
    L1Memory mem;
    std::mt19937_64 rng;
    std::deque<Group> program;
    std::deque<Group> in_flight;
    LoadInputs in;
    bool offering = false;
    LoadVariantStats stats;
    std::vector<LaneArray> loaded;
    EngineHandshakeBins ports;
    std::string cov_key;           ///< the configuration's name in the coverage bins
    EngineOpBins::Shape op_shape;  ///< what the operation bins need of it
  };

  // ----------------------------------------------------- functional coverage
  static std::string cov_config(const LoadEngineParams& p) {
    return engine_cov_config(p) + " window=" + std::to_string(p.window_lines);
  }
  static EngineOpBins::Shape cov_shape(const LoadEngineParams& p) {
    std::vector<std::string> must(std::begin(kErrorNames), std::end(kErrorNames));
    // A header has reserved bits (a malformed stream is possible) only when N is not a multiple
    // of 8.
    if (p.fmt.lanes % 8 == 0) must.pop_back();
    return {p.fmt.lanes, p.line_bytes, p.p, false, static_cast<unsigned>(std::size(kErrorNames)),
            must};
  }
  static OpFacts facts_of(const LoadEngineParams& p, const LoadOp& op, uint64_t d_in,
                          const LoadResult& e) {
    OpFacts f{
        .fence = op.fence, .chain = op.chain, .separate = op.layout == Layout::kSeparateHeader};
    if (op.fence || e.err != kErrNone) return f;
    f.set_size(d_in, (e.dptr - d_in) & p.addr_mask(), p.fmt.header_bytes(), p.fmt.elem_bytes());
    return f;
  }

  explicit LoadLockstep(const LoadOptions& opt) : opt_(opt) {
    ctx_ = make_context(opt.x_seed.value_or(opt.seed), !opt.trace_path.empty());
    top_ = std::make_unique<VTop>(ctx_.get(), "tb");
  }

  ~LoadLockstep() {
    if (tfp_) tfp_->close();
    finish_model(*ctx_, *top_);
  }

  unsigned num_variants() const { return sizeof(top_->cfg_o) / 8; }
  bool active(unsigned i) const { return opt_.only_variant < 0 || opt_.only_variant == int(i); }

  // ---------------------------------------------------- memory and program
  /// Lays out streams and the operations that read them.
  void prepare(Variant& v) {
    auto& r = v.rng;
    const VectorFormat& f = v.p.fmt;
    const uint64_t lb = v.p.line_bytes;
    const uint64_t gap = (v.p.window_lines + 2) * lb;  // streams never share a window
    const Regions rg = place_regions(v.p, r);          // anywhere in the address space
    uint64_t next_d = rg.d_org + lb * (r() % 4), next_h = rg.h_org;
    std::vector<LoadOp> ops;
    std::vector<LoadResult> expect;
    std::vector<uint64_t> moved_bytes;  ///< compressed bytes each op consumes
    std::vector<OpFacts> facts;
    uint64_t prev_d = 0, prev_h = 0;
    auto byte = [&v](uint64_t a) { return v.mem.byte(a); };
    if (opt_.memory) {
      uint64_t top = 0;
      for (const auto& [a, b] : *opt_.memory) {
        v.mem.preload(a, b);
        top = std::max(top, a + 1);
      }
      for (std::size_t k = 0; k < opt_.stream_vectors; ++k) {
        LoadOp op;
        op.layout = opt_.stream_layout;
        op.chain = k > 0;
        op.dptr = opt_.stream_d;
        op.hptr = opt_.stream_h;
        op.limit = top;
        ops.push_back(op);
      }
    }
    while (!opt_.memory && ops.size() < opt_.ops) {
      const unsigned n =
          opt_.fixed_stream ? opt_.max_stream : 1 + static_cast<unsigned>(r() % opt_.max_stream);
      const bool sep = std::bernoulli_distribution(opt_.sep_rate)(r);
      const Layout layout = sep ? Layout::kSeparateHeader : Layout::kInterleaved;
      const uint64_t d0 = next_d + r() % lb, h0 = next_h + r() % lb;
      StreamEncoder enc(f, layout);
      const double sp =
          opt_.sparsity >= 0 ? opt_.sparsity : std::uniform_real_distribution<double>(0, 1)(r);
      for (unsigned k = 0; k < n; ++k) {
        LaneArray x{};
        for (unsigned i = 0; i < f.lanes; ++i)
          x[i] =
              std::bernoulli_distribution(sp)(r) ? 0 : (static_cast<uint32_t>(r()) & f.elem_mask());
        enc.append(std::span<const uint32_t>(x.data(), f.lanes), Ccf::kZero, 0);
      }
      Stream st = enc.stream();
      if (std::bernoulli_distribution(opt_.corrupt_rate)(r)) {
        for (auto& b : st.data) b = static_cast<uint8_t>(r());
        for (auto& b : st.headers) b = static_cast<uint8_t>(r());
        // Random headers claim sizes that have nothing to do with the
        // data: the walk goes wherever they say, up to the limit.
      }
      if (d0 + st.data.size() + gap >= rg.d_org + rg.room ||
          h0 + st.headers.size() + gap >= rg.h_org + rg.room)
        break;
      for (std::size_t b = 0; b < st.data.size(); ++b) v.mem.preload(d0 + b, st.data[b]);
      for (std::size_t b = 0; b < st.headers.size(); ++b) v.mem.preload(h0 + b, st.headers[b]);
      // The limit: the end of the stream (its header area lies above its
      // data area), or, to cut it short, somewhere inside its last area.
      const uint64_t top = sep ? h0 : d0;
      const uint64_t top_size = sep ? st.headers.size() : st.data.size();
      uint64_t limit = top + top_size;
      if (std::bernoulli_distribution(opt_.cut_rate)(r)) limit = top + r() % (top_size + 1);
      for (unsigned k = 0; k < n && ops.size() < opt_.ops; ++k) {
        LoadOp op;
        op.layout = layout;
        op.chain = k > 0;
        op.dptr = op.chain ? (r() & v.p.addr_mask()) : d0;
        op.hptr = op.chain ? (r() & v.p.addr_mask()) : h0;
        op.limit = limit;
        op.fence = std::bernoulli_distribution(opt_.fence_rate)(r);
        ops.push_back(op);
      }
      next_d = v.p.line_of(d0 + st.data.size()) + gap;
      next_h = v.p.line_of(h0 + st.headers.size()) + gap;
    }
    // The expected results, on the finished image: a corrupt header can send
    // the walk into the streams laid out after its own.
    for (const LoadOp& op : ops) {
      const LoadResult e = load_effect(v.p, op, prev_d, prev_h, byte);
      const uint64_t d_in = (op.chain ? prev_d : op.dptr) & v.p.addr_mask();
      const uint64_t h_in = (op.chain ? prev_h : op.hptr) & v.p.addr_mask();
      facts.push_back(facts_of(v.p, op, d_in, e));
      moved_bytes.push_back(((e.dptr - d_in) & v.p.addr_mask()) +
                            ((e.hptr - h_in) & v.p.addr_mask()));
      prev_d = e.dptr;
      prev_h = e.hptr;
      expect.push_back(e);
    }
    // Groups of 1 to P.
    const unsigned p = v.p.p;
    for (std::size_t i = 0; i < ops.size();) {
      Group g;
      g.num = opt_.full_groups ? p : 1 + static_cast<unsigned>(r() % p);
      if (!opt_.full_groups && r() % 2) g.num = p;
      g.num = static_cast<unsigned>(std::min<std::size_t>(g.num, ops.size() - i));
      for (unsigned k = 0; k < p; ++k) {
        if (k < g.num) {
          g.ops.push_back(ops[i + k]);
          g.expect.push_back(expect[i + k]);
          g.bytes.push_back(moved_bytes[i + k]);
          g.facts.push_back(facts[i + k]);
        } else {
          LoadOp junk;
          junk.dptr = r();
          junk.limit = r();
          junk.chain = r() % 2;
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
        op.layout = r() % 2 ? Layout::kSeparateHeader : Layout::kInterleaved;
      }
    }
    v.in.op_valid = v.offering;
    v.in.flush = opt_.flush_rate > 0 && std::bernoulli_distribution(opt_.flush_rate)(r);
    v.in.res_ready = std::bernoulli_distribution(opt_.res_ready_rate)(r);
    take_l1(v.in, v.mem, r);

    put_bits(top_->flush_i, i, 1, v.in.flush);
    put_bits(top_->op_valid_i, i, 1, v.in.op_valid);
    put_bits(top_->op_num_i, 3 * i, 3, v.in.op_num);
    for (unsigned k = 0; k < kMaxP; ++k) {
      const unsigned s = i * kMaxP + k;
      const LoadOp& op = k < p ? v.in.ops[k] : v.in.ops[0];
      put_bits(top_->op_fence_i, s, 1, op.fence);
      put_bits(top_->op_sep_i, s, 1, op.layout == Layout::kSeparateHeader);
      put_bits(top_->op_chain_i, s, 1, op.chain);
      put_bits(top_->op_dptr_i, 32 * s, 32, op.dptr);
      put_bits(top_->op_hptr_i, 32 * s, 32, op.hptr);
      put_bits(top_->op_limit_i, 32 * s, 32, op.limit);
    }
    put_l1_side(*top_, i, v.in, kMaxLB, r);
    put_bits(top_->fault_i, i, 1, int(i) == opt_.fault_variant && cycle >= opt_.fault_cycle);
  }

  std::optional<Mismatch> compare(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    const LoadOutputs o = v.model.eval(v.in);
    const VectorFormat& f = v.p.fmt;
    std::optional<Mismatch> mm;
    auto check = [&](const std::string& port, uint64_t expected, uint64_t actual) {
      if (!mm && expected != actual) mm = Mismatch{cycle, i, port, expected, actual};
    };
    check("idle_o", o.idle, get_bits(top_->idle_o, i, 1));
    check("op_ready_o", o.op_ready, get_bits(top_->op_ready_o, i, 1));
    check("res_valid_o", o.res_valid, get_bits(top_->res_valid_o, i, 1));
    check("res_num_o", o.res_num, get_bits(top_->res_num_o, 3 * i, 3));
    for (unsigned k = 0; k < v.p.p && !mm; ++k)
      mm = diff_result(cycle, i, k, "", o.res[k], read_result_slot(*top_, i, k, f), f);
    check("req_valid_o", o.req_valid, get_bits(top_->req_valid_o, i, 1));
    check("req_addr_o", o.req_addr, get_bits(top_->req_addr_o, 32 * i, 32));
    check("req_write_o", 0, get_bits(top_->req_write_o, i, 1));
    check("req_wdata_o/req_wstrb_o", 0, get_bits(top_->req_wstrb_any_o, i, 1));
    check("rsp_ready_o", 1, get_bits(top_->rsp_ready_o, i, 1));
    return mm;
  }

  std::optional<Mismatch> account(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    const VectorFormat& f = v.p.fmt;
    v.ports.sample(cov_, "load", v.cov_key, engine_ports(*top_, i, v.in, !v.program.empty()));
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
      for (unsigned k = 0; k < g.num; ++k) {
        const LoadResult got = read_result_slot(*top_, i, k, f);
        const unsigned err = got.err;
        if (opt_.memory) v.loaded.push_back(got.data);
        if (!g.ops[k].fence) {
          ++v.stats.ops;
          ++v.stats.err[err];
          if (err == 0) {
            ++v.stats.ok;
            v.stats.bytes += g.bytes[k];
          }
        }
        if (opt_.l1_error_rate > 0) {  // an L1 error changes the course
          OpFacts kind = g.facts[k];
          kind.sized = false;
          EngineOpBins::sample(cov_, "load", v.cov_key, v.op_shape, kind, err);
          continue;
        }
        if (auto m = diff_result(cycle, i, k, "functional: ", g.expect[k], got, f)) return m;
        EngineOpBins::sample(cov_, "load", v.cov_key, v.op_shape, g.facts[k], err);
      }
      EngineOpBins::sample_group(cov_, "load", v.cov_key, g.num);
    }
    std::optional<L1Request> req;
    if (get_bits(top_->req_valid_o, i, 1)) {
      L1Request r;
      r.addr = get_bits(top_->req_addr_o, 32 * i, 32);
      r.write = false;
      req = r;
      if (v.in.req_ready) {
        ++v.stats.reads;
        // Reads start below the limit of the op being worked on.
        if (const auto lim = v.model.working_limit(); lim && r.addr >= *lim)
          return Mismatch{cycle, i, "read at or above the limit", *lim, r.addr};
      }
    }
    if (opt_.check_model) v.model.clock(v.in);
    v.mem.clock(req ? &*req : nullptr, get_bits(top_->rsp_ready_o, i, 1));
    return std::nullopt;
  }

  /// rst_ni low for two clock edges on every variant. Accepted groups are
  /// gone and the port drops its responses; the program goes on at the next
  /// group that starts a stream (its first op does not chain), since the
  /// engine's carried pointers are 0 again.
  void apply_reset() {
    pulse_reset(*top_, 2);
    for (auto& vp : vars_) {
      Variant& v = *vp;
      v.model.reset();
      v.mem.drop_pending();
      v.in_flight.clear();
      v.offering = false;
      v.ports.reset();
      while (!v.program.empty() && v.program.front().ops[0].chain) v.program.pop_front();
      ++v.stats.resets;
    }
  }

  bool finished(const Variant& v) const {
    return v.program.empty() && v.in_flight.empty() && !v.offering;
  }

  LoadReport run_once() {
    LoadReport rep;
    tfp_ = open_trace(*top_, opt_);
    top_->clk_i = 0;
    top_->rst_ni = 0;
    top_->eval();
    std::mt19937_64 seeder(opt_.seed);
    for (unsigned i = 0; i < num_variants(); ++i) {
      const uint64_t cfg = get_bits(top_->cfg_o, 64 * i, 64);
      LoadEngineParams p;
      decode_engine_cfg(cfg, p);
      const L1Config lc = l1_config(opt_, p);
      const uint64_t vseed = seeder();
      auto v = std::make_unique<Variant>(
          Variant{p, LoadEngineModel(p), L1Memory(lc, vseed ^ 0x10AD), std::mt19937_64(vseed)});
      v->in.ops.assign(p.p, LoadOp{});
      v->in.rsp_rdata.assign(p.line_bytes, 0);
      v->cov_key = cov_config(p);
      v->op_shape = cov_shape(p);
      if (active(i)) {
        prepare(*v);
        EngineHandshakeBins::declare(cov_, "load", v->cov_key);
        EngineOpBins::declare(cov_, "load", v->cov_key, v->op_shape);
      }
      rep.params.push_back(p);
      vars_.push_back(std::move(v));
    }
    release_reset(*ctx_, *top_);
    for (auto& v : vars_) v->model.reset();

    uint64_t max_cycles = 20000;
    for (auto& v : vars_) max_cycles += v->program.size() * kMaxP * (40 + 4 * opt_.l1_max_latency);
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
    if (cr.hang) {
      rep.error = "no progress: not finished after " + std::to_string(cr.cycles) + " cycles";
      return rep;
    }
    if (cr.mismatch) {
      rep.mismatch = cr.mismatch;
      rep.error = "mismatch on " + rep.mismatch->port;
      const LoadEngineParams& p = rep.params[rep.mismatch->variant];
      rep.variant_desc = "load engine N=" + std::to_string(p.fmt.lanes) +
                         " EW=" + std::to_string(p.fmt.elem_bits) + " P=" + std::to_string(p.p) +
                         " LineBytes=" + std::to_string(p.line_bytes) +
                         " WindowLines=" + std::to_string(p.window_lines);
      for (auto& v : vars_) rep.stats.push_back(v->stats);
      return rep;
    }
    for (unsigned i = 0; i < vars_.size(); ++i) {
      rep.stats.push_back(vars_[i]->stats);
      if (rep.error.empty() && !vars_[i]->mem.violations().empty())
        rep.error = "variant " + std::to_string(i) + ": " + vars_[i]->mem.violations().front();
    }
    if (!rep.error.empty()) std::printf("[zcomp] CHECK FAILED: %s\n", rep.error.c_str());
    if (opt_.memory && opt_.only_variant >= 0) rep.loaded = vars_[opt_.only_variant]->loaded;
    rep.ok = rep.error.empty();
    return rep;
  }

  LoadOptions opt_;
  FunctionalCoverage cov_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<VTop> top_;
  std::unique_ptr<VerilatedFstC> tfp_;
  std::vector<std::unique_ptr<Variant>> vars_;
};

}  // namespace zcomp::harness
