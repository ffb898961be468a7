// What the store and load engine harnesses share: the traffic options
// (valid/ready rates, L1 latency and errors, resets, groups), the decoding
// of their test tops' cfg_o word, and the L1 memory model set up from both.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "func_coverage.hpp"
#include "l1_model.hpp"
#include "load_engine_model.hpp"
#include "lockstep_common.hpp"
#include "port_bits.hpp"
#include "store_engine_model.hpp"

namespace zcomp::harness {

/// Options of an engine run, beside those of every harness.
struct EngineOptions : CommonOptions {
  double sparsity = -1;  ///< fixed sparsity, or < 0 for a random one per vector
  double op_valid_rate = 0.9;
  double res_ready_rate = 0.9;
  double l1_ready_rate = 0.9;
  double l1_stall_rate = 0.0;  ///< chance of a long L1 stall (L1Config::stall_rate)
  unsigned l1_stall_cycles = 0;
  unsigned l1_min_latency = 0;
  unsigned l1_max_latency = 8;
  double l1_error_rate = 0.0;  ///< > 0: the checks that need error-free memory are off
  double fence_rate = 0.02;
  double reset_rate = 0.0;   ///< chance per cycle of a reset in the middle of traffic
  double sep_rate = 0.5;     ///< chance a new stream uses the separate-header layout
  bool full_groups = false;  ///< always P operations per group
  int only_variant = -1;     ///< drive just this variant (the others stay idle)
};

/// The parameters an engine test top reports in cfg_o[v]:
/// [7:0] N, [15:8] EW, [23:16] P, [39:24] LineBytes, [47:40] AddrW,
/// [55:48] MaxOutstanding (and [63:56] WindowLines for the load engine).
inline void decode_engine_cfg(uint64_t cfg, EngineParams& p) {
  p.fmt.lanes = cfg & 0xFF;
  p.fmt.elem_bits = (cfg >> 8) & 0xFF;
  p.p = (cfg >> 16) & 0xFF;
  p.line_bytes = (cfg >> 24) & 0xFFFF;
  p.addr_w = (cfg >> 40) & 0xFF;
  p.max_outstanding = (cfg >> 48) & 0xFF;
}

/// The same, with the window of a test top that has load engines.
inline void decode_engine_cfg(uint64_t cfg, LoadEngineParams& p) {
  decode_engine_cfg(cfg, static_cast<EngineParams&>(p));
  p.window_lines = (cfg >> 56) & 0xFF;
}

/// The L1 memory model for one variant, as the options ask.
inline L1Config l1_config(const EngineOptions& opt, const EngineParams& p) {
  L1Config lc;
  lc.line_bytes = p.line_bytes;
  lc.min_latency = opt.l1_min_latency;
  lc.max_latency = opt.l1_max_latency;
  lc.req_ready_rate = opt.l1_ready_rate;
  lc.stall_rate = opt.l1_stall_rate;
  lc.stall_cycles = opt.l1_stall_cycles;
  lc.error_rate = opt.l1_error_rate;
  lc.max_outstanding = p.max_outstanding;
  return lc;
}

/// An engine variant's name in the coverage bins: P, N, EW and line size.
inline std::string engine_cov_config(const EngineParams& p) {
  return "P=" + std::to_string(p.p) + " N=" + std::to_string(p.fmt.lanes) +
         " EW=" + std::to_string(p.fmt.elem_bits) + " line=" + std::to_string(p.line_bytes);
}

/// Where a variant's program puts its streams: a data region and a header
/// region of `room` bytes each, the header region above the data region
/// (a separate-header stream's limit then bounds both), and the last line
/// of the address space left out (the limits never allow its last byte).
struct Regions {
  uint64_t d_org = 0;  ///< first byte of the data region
  uint64_t h_org = 0;  ///< first byte of the header region
  uint64_t room = 0;   ///< bytes in each
};

/// Draws the regions of one variant. With addresses of 24 bits or more they
/// lie anywhere in the address space, line-aligned, so that every bit of
/// the pointers, limits and request addresses is 1 in some variant (a
/// program near address 0 leaves the high bits at 0: coverage holes). With
/// narrower addresses they are the two halves, for the most room.
inline Regions place_regions(const EngineParams& p, std::mt19937_64& rng) {
  const uint64_t space = p.addr_mask() + 1;
  const uint64_t lb = p.line_bytes;
  if (p.addr_w < 24) return {0, space / 2, space / 2 - lb};
  Regions g;
  g.room = space / 16;
  auto line_floor = [lb](uint64_t a) { return a / lb * lb; };
  g.d_org = line_floor(rng() % (space - 2 * g.room - 2 * lb));
  // d_org + room is line-aligned, so the header region starts at or above it.
  g.h_org = line_floor(g.d_org + g.room + rng() % (space - g.d_org - 2 * g.room - lb));
  return g;
}

// ------------------------------------------------ test-top port helpers
// The engine test tops share their port shapes: per variant, result slots
// of kTopSlots (32-bit pointers, 2-bit errors, kTopVecW-bit vectors), and
// the L1 response wires.
constexpr unsigned kTopSlots = 4;
constexpr unsigned kTopVecW = 512;

/// Takes this cycle's L1 outputs into the inputs `in` of a model: ready,
/// response valid and error, and (for a reading engine's inputs) the line,
/// garbage when no response is due.
template <class In>
void take_l1(In& in, const L1Memory& mem, std::mt19937_64& rng) {
  in.req_ready = mem.req_ready();
  in.rsp_valid = mem.rsp_valid();
  in.rsp_error = mem.rsp_error();
  if constexpr (requires { in.rsp_rdata; }) {
    in.rsp_rdata = mem.rsp_rdata();
    if (!in.rsp_valid)
      for (auto& b : in.rsp_rdata) b = static_cast<uint8_t>(rng());
  }
}

/// Variant i's port values of this cycle, for the handshake bins.
template <class Top, class In>
EngineHandshakeBins::Ports engine_ports(const Top& top, unsigned i, const In& in, bool more_ops) {
  return {.op_valid = in.op_valid,
          .op_ready = get_bits(top.op_ready_o, i, 1) != 0,
          .res_valid = get_bits(top.res_valid_o, i, 1) != 0,
          .res_ready = in.res_ready,
          .req_valid = get_bits(top.req_valid_o, i, 1) != 0,
          .req_ready = in.req_ready,
          .rsp_valid = in.rsp_valid,
          .more_ops = more_ops};
}

/// Drives variant i's res_ready_i, req_ready_i, rsp_valid_i, rsp_error_i,
/// and, for a reading engine's inputs, rsp_rdata_i (max_lb-byte slices: the
/// line, then garbage above it).
template <class Top, class In>
void put_l1_side(Top& top, unsigned i, const In& in, unsigned max_lb, std::mt19937_64& rng) {
  put_bits(top.res_ready_i, i, 1, in.res_ready);
  put_bits(top.req_ready_i, i, 1, in.req_ready);
  put_bits(top.rsp_valid_i, i, 1, in.rsp_valid);
  put_bits(top.rsp_error_i, i, 1, in.rsp_error);
  if constexpr (requires { in.rsp_rdata; }) {
    for (unsigned b = 0; b < max_lb; ++b)
      put_bits(top.rsp_rdata_i, i * max_lb * 8 + 8 * b, 8,
               b < in.rsp_rdata.size() ? in.rsp_rdata[b] : static_cast<uint8_t>(rng()));
  }
}

/// Result slot k of variant i (pointers, error and vector).
template <class Top>
LoadResult read_result_slot(const Top& top, unsigned i, unsigned k, const VectorFormat& f) {
  const unsigned s = i * kTopSlots + k;
  LoadResult r;
  r.dptr = get_bits(top.res_dptr_o, 32 * s, 32);
  r.hptr = get_bits(top.res_hptr_o, 32 * s, 32);
  r.err = static_cast<unsigned>(get_bits(top.res_err_o, 2 * s, 2));
  for (unsigned l = 0; l < f.lanes; ++l)
    r.data[l] = static_cast<uint32_t>(
        get_bits(top.res_data_o, kTopVecW * s + l * f.elem_bits, f.elem_bits));
  return r;
}

/// The first field of result slot k where `got` differs from `want`
/// (pointers, error, then the lanes), named "<prefix>res_*_o[k]".
inline std::optional<Mismatch> diff_result(uint64_t cycle, unsigned i, unsigned k,
                                           const std::string& prefix, const LoadResult& want,
                                           const LoadResult& got, const VectorFormat& f) {
  const std::string sk = "[" + std::to_string(k) + "]";
  if (want.dptr != got.dptr)
    return Mismatch{cycle, i, prefix + "res_dptr_o" + sk, want.dptr, got.dptr};
  if (want.hptr != got.hptr)
    return Mismatch{cycle, i, prefix + "res_hptr_o" + sk, want.hptr, got.hptr};
  if (want.err != got.err) return Mismatch{cycle, i, prefix + "res_err_o" + sk, want.err, got.err};
  for (unsigned l = 0; l < f.lanes; ++l)
    if (want.data[l] != got.data[l])
      return Mismatch{cycle, i, prefix + "res_data_o" + sk + "[" + std::to_string(l) + "]",
                      want.data[l], got.data[l]};
  return std::nullopt;
}

}  // namespace zcomp::harness
