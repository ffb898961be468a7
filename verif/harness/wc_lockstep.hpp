// Lockstep harness for the write-combining buffers of tb_wc_buffer.
//
// Each variant's buffer gets a random stream of byte runs (mostly
// contiguous, with jumps forward and random flushes), random gaps in
// run_valid and random L1 ready. The cycle model (wc_model.hpp) predicts
// every output on every cycle, and the run stops at the first difference:
// it prints the cycle, variant, port, expected and actual values and the
// seed, then replays with an FST trace around that cycle. The L1 memory
// model (l1_model.hpp) takes the writes, and at the end its image must
// equal the bytes the runs carried, each byte written exactly once.
#pragma once

#include <verilated.h>
#include <verilated_fst_c.h>

#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "l1_model.hpp"
#include "lockstep_common.hpp"
#include "port_bits.hpp"
#include "wc_model.hpp"

namespace zcomp::harness {

/// fault_variant / fault_cycle flip strobe bit 0 of that variant's requests.
struct WcOptions : CommonOptions {
  uint64_t bytes = 20000;    ///< bytes of runs per variant
  double valid_rate = 0.8;   ///< chance a new run is offered on a free cycle
  double ready_rate = 0.8;   ///< L1 request ready
  double jump_rate = 0.03;   ///< chance a run starts somewhere new
  double flush_rate = 0.01;  ///< chance of a flush pulse on a cycle
  double run_en_rate = 0.9;  ///< chance run_en_i is high on a cycle
};

struct WcReport {
  bool ok = false;
  std::optional<Mismatch> mismatch;
  std::string variant_desc;  ///< the mismatching variant
  std::string error;
  std::string trace_file;
  uint64_t cycles = 0;
  std::vector<WcParams> params;
  std::vector<uint64_t> lines;      ///< write requests per variant
  std::vector<uint64_t> run_bytes;  ///< bytes carried by the runs per variant
};

template <class VTop>
class WcLockstep {
 public:
  static WcReport run(const WcOptions& opt) {
    return run_with_trace_replay(opt, "zcomp_wc",
                                 [](const WcOptions& o) { return WcLockstep(o).run_once(); });
  }

 private:
  static constexpr unsigned kMaxRun = 264;
  static constexpr unsigned kMaxLine = 64;

  struct Variant {
    WcParams p;
    WcBufferModel model;
    L1Memory mem;
    std::mt19937_64 rng;
    WcInputs in;
    uint64_t next_addr = 0;             ///< where a contiguous run would start
    uint64_t first_addr = 0;            ///< where the stream started
    uint64_t sent_bytes = 0;            ///< bytes of runs handed over so far
    std::map<uint64_t, uint8_t> image;  ///< what the runs carried
  };

  explicit WcLockstep(const WcOptions& opt) : opt_(opt) {
    ctx_ = make_context(opt.x_seed.value_or(opt.seed), !opt.trace_path.empty());
    top_ = std::make_unique<VTop>(ctx_.get(), "tb");
  }

  ~WcLockstep() {
    if (tfp_) tfp_->close();
    finish_model(*ctx_, *top_);
  }

  unsigned num_variants() const { return sizeof(top_->cfg_o) / 4; }

  bool gen_done(const Variant& v) const { return v.sent_bytes >= opt_.bytes; }

  /// Drives variant i's inputs for this cycle (clock low).
  void drive(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    auto chance = [&v](double p) { return std::bernoulli_distribution(p)(v.rng); };
    if (!v.in.run_valid && !gen_done(v) && chance(opt_.valid_rate)) {
      v.in.run_valid = true;
      // No jump that could make the stream come round a narrow address
      // space to bytes it wrote before.
      const uint64_t span_after = (v.next_addr - v.first_addr) + (opt_.bytes - v.sent_bytes) +
                                  4 * v.p.line_bytes + v.p.run_bytes;
      const bool room_to_jump = span_after < v.p.addr_mask();
      if (room_to_jump && chance(opt_.jump_rate)) {
        // Jump forward past what was written, to a fresh byte offset.
        v.next_addr += 1 + v.rng() % (3 * v.p.line_bytes);
      }
      const unsigned pick = v.rng() % 4;
      v.in.run_len = pick == 0   ? v.p.run_bytes
                     : pick == 1 ? static_cast<unsigned>(v.rng() % 4)
                                 : static_cast<unsigned>(v.rng() % (v.p.run_bytes + 1));
      v.in.run_addr = v.next_addr & v.p.addr_mask();
      for (auto& b : v.in.run_data) b = static_cast<uint8_t>(v.rng());
    } else if (!v.in.run_valid) {
      // Idle: garbage on the run fields, which must be ignored.
      v.in.run_addr = v.rng() & v.p.addr_mask();
      v.in.run_len = static_cast<unsigned>(v.rng() % (v.p.run_bytes + 1));
      for (auto& b : v.in.run_data) b = static_cast<uint8_t>(v.rng());
    }
    v.in.flush = (gen_done(v) && !v.in.run_valid) || chance(opt_.flush_rate);
    v.in.req_ready = v.mem.req_ready();
    v.in.run_en = chance(opt_.run_en_rate);
    put_bits(top_->run_valid_i, i, 1, v.in.run_valid);
    put_bits(top_->run_en_i, i, 1, v.in.run_en);
    put_bits(top_->run_addr_i, 32 * i, 32, v.in.run_addr);
    put_bits(top_->run_len_i, 16 * i, 16, v.in.run_len);
    for (unsigned k = 0; k < kMaxRun; ++k)
      put_bits(top_->run_data_i, i * kMaxRun * 8 + 8 * k, 8,
               k < v.p.run_bytes ? v.in.run_data[k] : static_cast<uint8_t>(v.rng()));
    put_bits(top_->flush_i, i, 1, v.in.flush);
    put_bits(top_->req_ready_i, i, 1, v.in.req_ready);
    put_bits(top_->fault_i, i, 1,
             static_cast<int>(i) == opt_.fault_variant && cycle >= opt_.fault_cycle);
  }

  std::optional<Mismatch> compare(unsigned i, uint64_t cycle) {
    Variant& v = *vars_[i];
    const WcOutputs o = v.model.eval(v.in);
    std::optional<Mismatch> mm;
    auto check = [&](const std::string& port, uint64_t expected, uint64_t actual) {
      if (!mm && expected != actual) mm = Mismatch{cycle, i, port, expected, actual};
    };
    check("run_ready_o", o.run_ready, get_bits(top_->run_ready_o, i, 1));
    check("idle_o", o.idle, get_bits(top_->idle_o, i, 1));
    check("req_valid_o", o.req_valid, get_bits(top_->req_valid_o, i, 1));
    check("req_addr_o", o.req_addr, get_bits(top_->req_addr_o, 32 * i, 32));
    for (unsigned b = 0; b < kMaxLine && !mm; ++b) {
      const bool in_line = b < v.p.line_bytes;
      check("req_wstrb_o[" + std::to_string(b) + "]", in_line ? o.req_wstrb[b] : 0,
            get_bits(top_->req_wstrb_o, i * kMaxLine + b, 1));
      check("req_wdata_o byte " + std::to_string(b), in_line ? o.req_wdata[b] : 0,
            get_bits(top_->req_wdata_o, i * kMaxLine * 8 + 8 * b, 8));
    }
    return mm;
  }

  /// Handshakes, from the DUT's ports; then the models advance.
  void account(unsigned i) {
    Variant& v = *vars_[i];
    const bool taken = v.in.run_valid && v.in.run_en && get_bits(top_->run_ready_o, i, 1);
    if (taken) {
      for (unsigned k = 0; k < v.in.run_len; ++k)
        v.image[(v.in.run_addr + k) & v.p.addr_mask()] = v.in.run_data[k];
      v.next_addr = v.in.run_addr + v.in.run_len;
      v.sent_bytes += v.in.run_len;
    }
    std::optional<L1Request> req;
    if (get_bits(top_->req_valid_o, i, 1)) {
      L1Request r;
      r.addr = get_bits(top_->req_addr_o, 32 * i, 32);
      r.write = true;
      r.wdata.resize(v.p.line_bytes);
      r.wstrb.resize(v.p.line_bytes);
      for (unsigned b = 0; b < v.p.line_bytes; ++b) {
        r.wdata[b] = static_cast<uint8_t>(get_bits(top_->req_wdata_o, i * kMaxLine * 8 + 8 * b, 8));
        r.wstrb[b] = static_cast<uint8_t>(get_bits(top_->req_wstrb_o, i * kMaxLine + b, 1));
      }
      req = r;
    }
    v.model.clock(v.in);
    v.mem.clock(req ? &*req : nullptr, true);
    if (taken) v.in.run_valid = false;
  }

  bool finished(const Variant& v) const { return gen_done(v) && !v.in.run_valid && v.model.idle(); }

  WcReport run_once() {
    WcReport rep;
    tfp_ = open_trace(*top_, opt_);
    top_->clk_i = 0;
    top_->rst_ni = 0;
    top_->eval();
    std::mt19937_64 seeder(opt_.seed);
    for (unsigned i = 0; i < num_variants(); ++i) {
      const uint32_t cfg = static_cast<uint32_t>(get_bits(top_->cfg_o, 32 * i, 32));
      WcParams p{cfg & 0x1FF, (cfg >> 9) & 0x7FF, (cfg >> 20) & 0x7F};
      L1Config lc;
      lc.line_bytes = p.line_bytes;
      lc.req_ready_rate = opt_.ready_rate;
      const uint64_t vseed = seeder();
      auto v = std::make_unique<Variant>(
          Variant{p, WcBufferModel(p), L1Memory(lc, vseed ^ 0x5A5A), std::mt19937_64(vseed)});
      v->in.run_data.assign(p.run_bytes, 0);
      // Start near the top of the address space for narrow addresses, so
      // that the stream wraps around to 0; anywhere for 32-bit addresses
      // (a start near 0 would leave the high address bits untoggled).
      v->next_addr = p.addr_w < 32 ? (p.addr_mask() - opt_.bytes / 2) : v->rng() & p.addr_mask();
      v->first_addr = v->next_addr;
      rep.params.push_back(p);
      vars_.push_back(std::move(v));
    }
    release_reset(*ctx_, *top_);
    for (auto& v : vars_) v->model.reset();

    const uint64_t max_cycles =
        static_cast<uint64_t>(static_cast<double>(opt_.bytes) * 4 /
                              std::max(0.05, opt_.valid_rate * opt_.ready_rate)) +
        5000;
    CycleHooks hooks;
    hooks.finished = [&](unsigned i) { return finished(*vars_[i]); };
    hooks.drive = [&](unsigned i, uint64_t cycle) { drive(i, cycle); };
    hooks.compare = [&](unsigned i, uint64_t cycle) { return compare(i, cycle); };
    hooks.account = [&](unsigned i, uint64_t) {
      account(i);
      return std::optional<Mismatch>{};
    };
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
      const WcParams& p = rep.params[rep.mismatch->variant];
      rep.variant_desc = "wc_buffer LineBytes=" + std::to_string(p.line_bytes) +
                         " RunBytes=" + std::to_string(p.run_bytes) +
                         " AddrW=" + std::to_string(p.addr_w);
      return rep;
    }
    // The memory image: exactly the bytes the runs carried, each written once.
    for (unsigned i = 0; i < vars_.size() && rep.error.empty(); ++i) {
      const Variant& v = *vars_[i];
      rep.lines.push_back(v.mem.requests());
      rep.run_bytes.push_back(v.sent_bytes);
      const std::string who = "variant " + std::to_string(i) + ": ";
      if (const std::string e = check_image(v.mem, v.image); !e.empty() && rep.error.empty())
        rep.error = who + e;
    }
    if (!rep.error.empty()) std::printf("[zcomp] CHECK FAILED: %s\n", rep.error.c_str());
    rep.ok = rep.error.empty();
    return rep;
  }

  WcOptions opt_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<VTop> top_;
  std::unique_ptr<VerilatedFstC> tfp_;
  std::vector<std::unique_ptr<Variant>> vars_;
};

}  // namespace zcomp::harness
