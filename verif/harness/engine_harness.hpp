// What the store and load engine harnesses share: the traffic options
// (valid/ready rates, L1 latency and errors, resets, groups), the decoding
// of their test tops' cfg_o word, and the L1 memory model set up from both.
#pragma once

#include <cstdint>

#include "l1_model.hpp"
#include "lockstep_common.hpp"
#include "store_engine_model.hpp"

namespace zcomp::harness {

/// Options of an engine run, beside those of every harness.
struct EngineOptions : CommonOptions {
  double sparsity = -1;  ///< fixed sparsity, or < 0 for a random one per vector
  double op_valid_rate = 0.9;
  double res_ready_rate = 0.9;
  double l1_ready_rate = 0.9;
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

/// The L1 memory model for one variant, as the options ask.
inline L1Config l1_config(const EngineOptions& opt, const EngineParams& p) {
  L1Config lc;
  lc.line_bytes = p.line_bytes;
  lc.min_latency = opt.l1_min_latency;
  lc.max_latency = opt.l1_max_latency;
  lc.req_ready_rate = opt.l1_ready_rate;
  lc.error_rate = opt.l1_error_rate;
  lc.max_outstanding = p.max_outstanding;
  return lc;
}

}  // namespace zcomp::harness
