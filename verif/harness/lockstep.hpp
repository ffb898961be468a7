// Lockstep harness: drives a Verilated tb_units model and the golden cycle
// models with identical inputs on every cycle and compares every output port
// of every variant on every cycle.
//
// - Random gaps on every valid and random backpressure on every ready. A
//   valid, once raised, stays up with stable data until it is taken. While
//   no vector is offered the data inputs carry random garbage, which the
//   units must ignore.
// - Round trip: the compress outputs feed the expand inputs through a FIFO,
//   and every expanded vector must equal the original with the CCF applied
//   (exactly the original for the lossless CCF).
// - On the first mismatch it stops, prints cycle, variant, port, expected,
//   actual and seed, replays the same run with an FST trace of the cycles
//   around the mismatch, and prints the gtkwave command to open it.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <bit>
#include <cinttypes>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "featuremap.hpp"
#include "func_coverage.hpp"
#include "lockstep_common.hpp"
#include "port_bits.hpp"
#include "unit_model.hpp"
#include "zcomp_model.hpp"

namespace zcomp::harness {

inline constexpr unsigned kVecBits = 512;  // tb_units VecBits

/// One row of the test top's variant table, decoded from cfg_o.
struct VariantConfig {
  VectorFormat fmt;
  UnitTiming timing;
  unsigned topology = 0;
  unsigned network = 0;

  static VariantConfig decode(uint32_t cfg) {
    VariantConfig v;
    v.fmt.lanes = cfg & 0xFF;
    v.fmt.elem_bits = (cfg >> 8) & 0xFF;
    v.topology = (cfg >> 16) & 3;
    v.network = (cfg >> 18) & 1;
    v.timing.in_reg = (cfg >> 19) & 1;
    v.timing.prefix_stages = (cfg >> 20) & 0xF;
    v.timing.out_reg = (cfg >> 24) & 1;
    return v;
  }
  std::string name() const {
    static const char* const kTopo[] = {"ripple", "sklansky", "kogge-stone", "brent-kung"};
    std::ostringstream s;
    s << "N=" << fmt.lanes << " EW=" << fmt.elem_bits << " " << kTopo[topology] << " "
      << (network ? "shift" : "mux") << " in_reg=" << timing.in_reg
      << " prefix_stages=" << timing.prefix_stages << " out_reg=" << timing.out_reg << " (latency "
      << timing.latency() << ")";
    return s.str();
  }
};

/// One directed input vector.
struct Stimulus {
  LaneArray data{};
  Ccf ccf = Ccf::kZero;
  uint32_t threshold = 0;
};

enum class ExpandSource { kRoundTrip, kRandom };
enum class CcfMix { kZeroOnly, kAll };

/// fault_variant / fault_cycle flip payload bit 0 of that variant's
/// compress unit (tb_units' fault_i) on that one cycle.
struct LockstepOptions : CommonOptions {
  std::size_t vectors = 1000;  ///< compress vectors per variant
  WorkloadSpec workload;
  double valid_rate = 0.8;  ///< chance a producer offers a vector on a free cycle
  double ready_rate = 0.8;  ///< chance a consumer is ready on a cycle
  ExpandSource expand_source = ExpandSource::kRoundTrip;
  CcfMix ccf_mix = CcfMix::kAll;
  /// Directed mode: the vectors to send to each variant (replaces the generator).
  std::function<std::vector<Stimulus>(const VariantConfig&)> directed;
  int latency_skew_variant = -1;  ///< the model of this variant gets one extra stage
  /// Resets in the middle of traffic: the chance, before a cycle's inputs,
  /// that rst_ni drops on every variant at once, and the clock edges it
  /// stays low for (0: the asynchronous reset alone, no edge to flush a
  /// register that reset forgets). What was in flight is lost; the models
  /// restart, and every port must match them from the next cycle on.
  double reset_rate = 0;
  unsigned reset_edges = 0;
};

struct VariantStats {
  uint64_t vectors_in = 0;   ///< vectors accepted by the compress unit
  uint64_t vectors_out = 0;  ///< compressed vectors delivered
  uint64_t expanded = 0;     ///< vectors delivered by the expand unit
  uint64_t elements = 0;
  uint64_t kept = 0;
  uint64_t bytes_in = 0;   ///< uncompressed bytes
  uint64_t bytes_out = 0;  ///< header + payload bytes
  uint64_t first_in_cycle = UINT64_MAX;
  uint64_t first_out_cycle = UINT64_MAX;
  uint64_t last_out_cycle = 0;
  // The same three for the expand unit.
  uint64_t e_first_in_cycle = UINT64_MAX;
  uint64_t e_first_out_cycle = UINT64_MAX;
  uint64_t e_last_out_cycle = 0;
  uint64_t resets = 0;  ///< resets in the middle of traffic
};

struct LockstepReport {
  bool ok = false;
  std::optional<Mismatch> mismatch;
  std::string variant_desc;  ///< the mismatching variant
  std::string error;         ///< mismatch or hang, as printed
  uint64_t cycles = 0;
  uint64_t digest = 0;  ///< FNV-1a of every output port on every cycle
  std::string trace_file;
  std::vector<VariantConfig> variants;
  std::vector<VariantStats> stats;
};

template <class VTop>
class UnitsLockstep {
 public:
  /// Runs the lockstep; on a mismatch, replays with a trace around it.
  static LockstepReport run(const LockstepOptions& opt) {
    return run_with_trace_replay(
        opt, "zcomp", [](const LockstepOptions& o) { return UnitsLockstep(o).run_once(); });
  }

 private:
  struct Pending {
    bool valid = false;
    Stimulus stim;
  };
  struct ExpandPending {
    bool valid = false;
    uint64_t keep = 0;
    LaneArray payload{};
  };
  struct Variant {
    VariantConfig cfg;
    CompressUnitModel cmodel;
    ExpandUnitModel emodel;
    std::mt19937_64 rng;
    std::unique_ptr<FeatureMapGenerator> gen;
    std::vector<Stimulus> directed;
    std::size_t produced = 0;
    std::size_t e_produced = 0;
    Pending c_in;
    ExpandPending e_in;
    std::deque<ExpandPending> to_expand;
    std::deque<LaneArray> expected;  ///< round-trip expectations
    std::deque<Ccf> ccfs;            ///< the CCF of each vector in the compress unit
    bool c_out_stalled = false, e_out_stalled = false;  ///< valid and not ready last cycle
    std::string cov_key;  ///< the configuration's name in the coverage bins
    CompressInputs ci;
    ExpandInputs ei;
    VariantStats stats;
  };

  explicit UnitsLockstep(const LockstepOptions& opt) : opt_(opt) {
    ctx_ = make_context(opt.x_seed.value_or(opt.seed), !opt.trace_path.empty());
    top_ = std::make_unique<VTop>(ctx_.get(), "tb");
  }

  ~UnitsLockstep() {
    if (tfp_) tfp_->close();
    finish_model(*ctx_, *top_);
  }

  unsigned num_variants() const { return sizeof(top_->cfg_o) / 4; }

  void setup_variants() {
    top_->eval();
    std::mt19937_64 seeder(opt_.seed);
    for (unsigned v = 0; v < num_variants(); ++v) {
      VariantConfig cfg =
          VariantConfig::decode(static_cast<uint32_t>(get_bits(top_->cfg_o, 32 * v, 32)));
      UnitTiming model_timing = cfg.timing;
      if (static_cast<int>(v) == opt_.latency_skew_variant) model_timing.out_reg += 1;
      const uint64_t vseed = seeder();
      auto var = std::make_unique<Variant>(Variant{cfg,
                                                   CompressUnitModel(cfg.fmt, model_timing),
                                                   ExpandUnitModel(cfg.fmt, model_timing),
                                                   std::mt19937_64(vseed),
                                                   nullptr,
                                                   {}});
      const auto types = dtypes_of_width(cfg.fmt.elem_bits);
      const DType dt = types[vseed % types.size()];
      var->gen = std::make_unique<FeatureMapGenerator>(opt_.workload, dt, vseed ^ 0xA5A5A5A5ull);
      if (opt_.directed) var->directed = opt_.directed(cfg);
      var->cov_key = cov_config(cfg);
      declare_bins(*var);
      vars_.push_back(std::move(var));
    }
  }

  // ----------------------------------------------------- functional coverage
  static constexpr const char* kHandshakes[] = {
      "c_valid_i gap", "c_valid_i stalled", "c_valid_o stalled", "c_valid_o stalled when done",
      "e_valid_i gap", "e_valid_i stalled", "e_valid_o stalled", "e_valid_o stalled when done"};
  static std::string cov_config(const VariantConfig& c) {
    static const char* const kTopo[] = {"ripple", "sklansky", "kogge-stone", "brent-kung"};
    return "N=" + std::to_string(c.fmt.lanes) + " EW=" + std::to_string(c.fmt.elem_bits) + " " +
           kTopo[c.topology] + " " + (c.network ? "shift" : "mux");
  }
  void declare_bins(const Variant& v) {
    const VariantConfig& c = v.cfg;
    const std::string& k = v.cov_key;
    for (const char* ccf : kCcfNames)
      for (const auto& b : FunctionalCoverage::reachable_buckets(c.fmt.lanes))
        cov_.declare(FunctionalCoverage::bin("units", k, std::string("sparsity, ccf ") + ccf, b));
    for (unsigned i = 0; i < c.fmt.lanes; ++i) {
      cov_.declare(FunctionalCoverage::bin("units", k, "first kept lane", std::to_string(i)));
      cov_.declare(FunctionalCoverage::bin("units", k, "last kept lane", std::to_string(i)));
    }
    for (const char* h : kHandshakes)
      cov_.declare(FunctionalCoverage::bin("units", k, "handshake", h));
  }
  /// Samples the bins from the ports of variant idx on this cycle (before the edge).
  void sample(unsigned idx) {
    if (!cov_.enabled()) return;
    Variant& v = *vars_[idx];
    const std::string& k = v.cov_key;
    auto hs = [&](const char* h) { cov_.hit(FunctionalCoverage::bin("units", k, "handshake", h)); };
    const bool c_valid_o = get_bits(top_->c_valid_o, idx, 1),
               c_ready_o = get_bits(top_->c_ready_o, idx, 1);
    const bool e_valid_o = get_bits(top_->e_valid_o, idx, 1),
               e_ready_o = get_bits(top_->e_ready_o, idx, 1);
    if (!v.ci.valid && v.stats.vectors_in > 0 && v.produced < target(v)) hs("c_valid_i gap");
    if (v.ci.valid && !c_ready_o) hs("c_valid_i stalled");
    if (c_valid_o && !v.ci.ready)
      hs(v.c_out_stalled ? "c_valid_o stalled" : "c_valid_o stalled when done");
    if (!v.ei.valid && v.stats.expanded > 0 && v.stats.expanded < target(v)) hs("e_valid_i gap");
    if (v.ei.valid && !e_ready_o) hs("e_valid_i stalled");
    if (e_valid_o && !v.ei.ready)
      hs(v.e_out_stalled ? "e_valid_o stalled" : "e_valid_o stalled when done");
    v.c_out_stalled = c_valid_o && !v.ci.ready;
    v.e_out_stalled = e_valid_o && !v.ei.ready;
    if (c_valid_o && v.ci.ready && !v.ccfs.empty()) {
      const uint64_t keep = get_bits(top_->c_keep_o, 64 * idx, 64);
      const unsigned kept = static_cast<unsigned>(std::popcount(keep));
      cov_.hit(FunctionalCoverage::bin(
          "units", k,
          std::string("sparsity, ccf ") + kCcfNames[static_cast<unsigned>(v.ccfs.front())],
          FunctionalCoverage::sparsity_bucket(kept, v.cfg.fmt.lanes)));
      v.ccfs.pop_front();
      if (keep) {
        cov_.hit(FunctionalCoverage::bin("units", k, "first kept lane",
                                         std::to_string(std::countr_zero(keep))));
        cov_.hit(FunctionalCoverage::bin("units", k, "last kept lane",
                                         std::to_string(63 - std::countl_zero(keep))));
      }
    }
  }

  bool chance(Variant& v, double p) {
    return std::uniform_real_distribution<double>(0, 1)(v.rng) < p;
  }

  Stimulus make_stimulus(Variant& v) {
    if (opt_.directed) return v.directed[v.produced];
    Stimulus s;
    for (unsigned i = 0; i < v.cfg.fmt.lanes; ++i)
      s.data[i] = v.gen->next() & v.cfg.fmt.elem_mask();
    if (opt_.ccf_mix == CcfMix::kAll && chance(v, 0.5)) {
      s.ccf = static_cast<Ccf>(1 + v.rng() % 3);
      const double t = std::abs(std::normal_distribution<double>(0, 0.5)(v.rng));
      s.threshold = s.ccf == Ccf::kIntThreshold
                        ? static_cast<uint32_t>(v.rng() % 48)
                        : encode_value(t, v.cfg.fmt.elem_bits == 32   ? DType::kFp32
                                          : v.cfg.fmt.elem_bits == 16 ? v.gen->dtype()
                                                                      : DType::kInt8);
      // On 8-bit data the fp-threshold is read as a 1-4-3 minifloat: use small raw values.
      if (v.cfg.fmt.elem_bits == 8 && s.ccf == Ccf::kFpThreshold) s.threshold = v.rng() % 64;
    }
    return s;
  }

  std::size_t target(const Variant& v) const {
    return opt_.directed ? v.directed.size() : opt_.vectors;
  }

  void drive(unsigned idx, uint64_t cycle) {
    Variant& v = *vars_[idx];
    const VectorFormat& f = v.cfg.fmt;
    const unsigned base = idx * kVecBits;
    // Compress input.
    if (!v.c_in.valid && v.produced < target(v) && chance(v, opt_.valid_rate)) {
      v.c_in = Pending{true, make_stimulus(v)};
      ++v.produced;
    }
    v.ci.valid = v.c_in.valid;
    if (v.c_in.valid) {
      v.ci.data = v.c_in.stim.data;
      v.ci.ccf = v.c_in.stim.ccf;
      v.ci.threshold = v.c_in.stim.threshold;
    } else {  // garbage the unit must ignore
      for (unsigned i = 0; i < f.lanes; ++i)
        v.ci.data[i] = static_cast<uint32_t>(v.rng()) & f.elem_mask();
      v.ci.ccf = static_cast<Ccf>(v.rng() % 4);
      v.ci.threshold = static_cast<uint32_t>(v.rng()) & f.elem_mask();
    }
    v.ci.ready = chance(v, opt_.ready_rate);
    put_bits(top_->c_valid_i, idx, 1, v.ci.valid);
    put_bits(top_->c_ready_i, idx, 1, v.ci.ready);
    put_bits(top_->c_ccf_i, 2 * idx, 2, static_cast<uint64_t>(v.ci.ccf));
    put_bits(top_->c_thresh_i, 32 * idx, 32, v.ci.threshold);
    for (unsigned i = 0; i < f.lanes; ++i)
      put_bits(top_->c_data_i, base + i * f.elem_bits, f.elem_bits, v.ci.data[i]);
    put_bits(top_->fault_i, idx, 1,
             static_cast<int>(idx) == opt_.fault_variant && cycle == opt_.fault_cycle);

    // Expand input.
    if (!v.e_in.valid && chance(v, opt_.valid_rate)) {
      if (opt_.expand_source == ExpandSource::kRoundTrip) {
        if (!v.to_expand.empty()) {
          v.e_in = v.to_expand.front();
          v.to_expand.pop_front();
        }
      } else if (v.e_produced < target(v)) {
        ExpandPending e{true, 0, {}};
        const double density = 1.0 - opt_.workload.sparsity;
        for (unsigned i = 0; i < f.lanes; ++i) {
          if (chance(v, density)) e.keep |= uint64_t{1} << i;
          e.payload[i] = static_cast<uint32_t>(v.rng()) & f.elem_mask();  // garbage above count too
        }
        v.e_in = e;
        ++v.e_produced;
      }
    }
    v.ei.valid = v.e_in.valid;
    if (v.e_in.valid) {
      v.ei.keep = v.e_in.keep;
      v.ei.payload = v.e_in.payload;
    } else {
      v.ei.keep = v.rng() & f.lane_mask();
      for (unsigned i = 0; i < f.lanes; ++i)
        v.ei.payload[i] = static_cast<uint32_t>(v.rng()) & f.elem_mask();
    }
    v.ei.ready = chance(v, opt_.ready_rate);
    put_bits(top_->e_valid_i, idx, 1, v.ei.valid);
    put_bits(top_->e_ready_i, idx, 1, v.ei.ready);
    put_bits(top_->e_keep_i, 64 * idx, 64, v.ei.keep);
    for (unsigned i = 0; i < f.lanes; ++i)
      put_bits(top_->e_payload_i, base + i * f.elem_bits, f.elem_bits, v.ei.payload[i]);
  }

  /// Compares every output port of one variant; returns the first mismatch.
  std::optional<Mismatch> compare(unsigned idx, uint64_t cycle) {
    Variant& v = *vars_[idx];
    const VectorFormat& f = v.cfg.fmt;
    const unsigned base = idx * kVecBits;
    const CompressOutputs co = v.cmodel.eval(v.ci);
    const ExpandOutputs eo = v.emodel.eval(v.ei);
    std::optional<Mismatch> mm;
    auto check = [&](const std::string& port, uint64_t expected, uint64_t actual) {
      if (!mm && expected != actual) mm = Mismatch{cycle, idx, port, expected, actual};
    };
    check("c_ready_o", co.ready, get_bits(top_->c_ready_o, idx, 1));
    check("c_valid_o", co.valid, get_bits(top_->c_valid_o, idx, 1));
    check("c_keep_o", co.vec.keep, get_bits(top_->c_keep_o, 64 * idx, 64));
    check("c_count_o", co.vec.count, get_bits(top_->c_count_o, 8 * idx, 8));
    for (unsigned i = 0; i < f.lanes && !mm; ++i) {
      check("c_payload_o[" + std::to_string(i) + "]", co.vec.payload[i],
            get_bits(top_->c_payload_o, base + i * f.elem_bits, f.elem_bits));
    }
    check("e_ready_o", eo.ready, get_bits(top_->e_ready_o, idx, 1));
    check("e_valid_o", eo.valid, get_bits(top_->e_valid_o, idx, 1));
    for (unsigned i = 0; i < f.lanes && !mm; ++i) {
      check("e_data_o[" + std::to_string(i) + "]", eo.data[i],
            get_bits(top_->e_data_o, base + i * f.elem_bits, f.elem_bits));
    }
    return mm;
  }

  /// Handshakes and round-trip bookkeeping, from the DUT's ports.
  std::optional<Mismatch> account(unsigned idx, uint64_t cycle) {
    Variant& v = *vars_[idx];
    const VectorFormat& f = v.cfg.fmt;
    const unsigned base = idx * kVecBits;
    if (v.ci.valid && get_bits(top_->c_ready_o, idx, 1)) {
      v.c_in.valid = false;
      ++v.stats.vectors_in;
      v.stats.first_in_cycle = std::min(v.stats.first_in_cycle, cycle);
      v.expected.push_back(apply_ccf(f, std::span<const uint32_t>(v.ci.data.data(), f.lanes),
                                     v.ci.ccf, v.ci.threshold));
      v.ccfs.push_back(v.ci.ccf);
    }
    sample(idx);  // after the input handshake: a combinational unit passes it on at once
    if (get_bits(top_->c_valid_o, idx, 1) && v.ci.ready) {
      ExpandPending e{true, get_bits(top_->c_keep_o, 64 * idx, 64), {}};
      const unsigned count = static_cast<unsigned>(std::popcount(e.keep));
      for (unsigned i = 0; i < count; ++i)
        e.payload[i] =
            static_cast<uint32_t>(get_bits(top_->c_payload_o, base + i * f.elem_bits, f.elem_bits));
      if (opt_.expand_source == ExpandSource::kRoundTrip) v.to_expand.push_back(e);
      ++v.stats.vectors_out;
      v.stats.elements += f.lanes;
      v.stats.kept += count;
      v.stats.bytes_in += f.vector_bytes();
      v.stats.bytes_out += f.header_bytes() + count * f.elem_bytes();
      v.stats.first_out_cycle = std::min(v.stats.first_out_cycle, cycle);
      v.stats.last_out_cycle = cycle;
    }
    if (v.ei.valid && get_bits(top_->e_ready_o, idx, 1)) {
      v.e_in.valid = false;
      v.stats.e_first_in_cycle = std::min(v.stats.e_first_in_cycle, cycle);
    }
    if (get_bits(top_->e_valid_o, idx, 1) && v.ei.ready) {
      ++v.stats.expanded;
      v.stats.e_first_out_cycle = std::min(v.stats.e_first_out_cycle, cycle);
      v.stats.e_last_out_cycle = cycle;
      if (opt_.expand_source == ExpandSource::kRoundTrip) {
        if (v.expected.empty()) return Mismatch{cycle, idx, "roundtrip (unexpected vector)", 0, 1};
        const LaneArray want = v.expected.front();
        v.expected.pop_front();
        for (unsigned i = 0; i < f.lanes; ++i) {
          const uint64_t got = get_bits(top_->e_data_o, base + i * f.elem_bits, f.elem_bits);
          if (got != want[i])
            return Mismatch{cycle, idx, "roundtrip lane " + std::to_string(i), want[i], got};
        }
      }
    }
    return std::nullopt;
  }

  /// A reset in the middle of traffic (LockstepOptions::reset_rate). The
  /// count of vectors goes back to those that made the whole round trip;
  /// the producers make new ones for the rest.
  void apply_reset() {
    pulse_reset(*top_, static_cast<int>(opt_.reset_edges));
    for (auto& vp : vars_) {
      Variant& v = *vp;
      v.cmodel.reset();
      v.emodel.reset();
      v.c_in.valid = v.e_in.valid = false;
      v.to_expand.clear();
      v.expected.clear();
      v.ccfs.clear();
      v.c_out_stalled = v.e_out_stalled = false;
      v.stats.vectors_in = v.stats.vectors_out = v.stats.expanded;
      v.produced = v.e_produced = static_cast<std::size_t>(v.stats.expanded);
      ++v.stats.resets;
    }
  }

  bool finished(const Variant& v) const {
    const std::size_t n = target(v);
    return v.stats.vectors_out == n && v.stats.expanded == n && !v.c_in.valid && !v.e_in.valid;
  }

  LockstepReport run_once() {
    LockstepReport rep;
    uint64_t digest_h = 0xCBF29CE484222325ull;
    top_->clk_i = 0;
    top_->rst_ni = 0;
    tfp_ = open_trace(*top_, opt_);
    setup_variants();
    release_reset(*ctx_, *top_);
    for (auto& v : vars_) {
      v->cmodel.reset();
      v->emodel.reset();
    }
    std::size_t max_vectors = 0;
    for (auto& v : vars_) max_vectors = std::max(max_vectors, target(*v));
    const double rate = std::max(0.05, opt_.valid_rate * opt_.ready_rate);
    const uint64_t max_cycles =
        static_cast<uint64_t>(static_cast<double>(max_vectors) * 4 / rate) + 2000;

    CycleHooks hooks;
    hooks.finished = [&](unsigned i) { return finished(*vars_[i]); };
    std::mt19937_64 reset_rng(opt_.seed ^ 0x7E5E7);
    hooks.before = [&](uint64_t) {
      if (opt_.reset_rate > 0 && std::bernoulli_distribution(opt_.reset_rate)(reset_rng))
        apply_reset();
    };
    hooks.drive = [&](unsigned i, uint64_t cycle) { drive(i, cycle); };
    hooks.compare = [&](unsigned i, uint64_t cycle) { return compare(i, cycle); };
    hooks.account = [&](unsigned i, uint64_t cycle) {
      std::optional<Mismatch> mm = account(i, cycle);
      if (!mm && opt_.check_model) {
        vars_[i]->cmodel.clock(vars_[i]->ci);
        vars_[i]->emodel.clock(vars_[i]->ei);
      }
      return mm;
    };
    hooks.after = [&](uint64_t) {
      digest(digest_h, top_->c_ready_o);
      digest(digest_h, top_->c_valid_o);
      digest(digest_h, top_->c_keep_o);
      digest(digest_h, top_->c_payload_o);
      digest(digest_h, top_->e_ready_o);
      digest(digest_h, top_->e_valid_o);
      digest(digest_h, top_->e_data_o);
    };
    const CycleResult cr = run_cycles(*ctx_, *top_, tfp_.get(), opt_,
                                      static_cast<unsigned>(vars_.size()), max_cycles, hooks);
    const uint64_t cycle = cr.cycles;
    rep.mismatch = cr.mismatch;
    if (cr.hang) rep.error = "no progress: not finished after " + std::to_string(cycle) + " cycles";
    rep.cycles = cycle;
    rep.digest = digest_h;
    for (auto& v : vars_) {
      rep.variants.push_back(v->cfg);
      rep.stats.push_back(v->stats);
    }
    if (rep.mismatch) {
      std::ostringstream s;
      s << "mismatch at cycle " << rep.mismatch->cycle << " variant " << rep.mismatch->variant
        << " port " << rep.mismatch->port;
      rep.error = s.str();
      rep.variant_desc = vars_[rep.mismatch->variant]->cfg.name();
    }
    rep.ok = !rep.mismatch && rep.error.empty();
    return rep;
  }

  LockstepOptions opt_;
  FunctionalCoverage cov_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<VTop> top_;
  std::unique_ptr<VerilatedFstC> tfp_;
  std::vector<std::unique_ptr<Variant>> vars_;
};

}  // namespace zcomp::harness
