// GTKWave save files (.gtkw) for zcomp-sim's traces: the signals of one
// engine instance, grouped (operation stream, results, L1 request, L1
// response, datapath internals, pointers), buses in hex, and a marker when
// there is a cycle to point at.
//
// The signal names and widths are read from the FST file itself (with the
// FST reader that Verilator ships), so the save file always matches the
// trace it sits next to.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gtkwave/fstapi.h"

namespace zcomp {

struct GtkwGroup {
  std::string name;
  std::vector<std::string> signals;  ///< names below the instance scope
};

/// Every variable in `fst` as "scope.scope.name" -> width in bits.
inline std::map<std::string, uint32_t> fst_signals(const std::string& fst) {
  std::map<std::string, uint32_t> out;
  void* ctx = fstReaderOpen(fst.c_str());
  if (ctx == nullptr) return out;
  std::vector<std::string> scope;
  while (const fstHier* h = fstReaderIterateHier(ctx)) {
    if (h->htyp == FST_HT_SCOPE) {
      scope.emplace_back(h->u.scope.name);
    } else if (h->htyp == FST_HT_UPSCOPE) {
      if (!scope.empty()) scope.pop_back();
    } else if (h->htyp == FST_HT_VAR) {
      std::string name = h->u.var.name;
      const auto cut = name.find_first_of(" [");
      if (cut != std::string::npos) name.resize(cut);
      std::string full;
      for (const std::string& s : scope) full += s + ".";
      out.emplace(full + name, h->u.var.length);
    }
  }
  fstReaderClose(ctx);
  return out;
}

/// Writes `gtkw` for `fst`: the groups' signals under `instance` (signals
/// not in the trace are left out and listed in `missing`). `marker`: a time
/// to mark, or < 0 for none. `dumpfile`: the trace the save file opens, when
/// not `fst` itself (a VCD converted from it). Returns false when the file
/// cannot be written.
inline bool write_gtkw(const std::string& gtkw, const std::string& fst, const std::string& instance,
                       const std::vector<GtkwGroup>& groups, int64_t marker,
                       std::vector<std::string>& missing, const std::string& dumpfile = "") {
  const std::map<std::string, uint32_t> sig = fst_signals(fst);
  std::ofstream o(gtkw);
  o << "[*] zcomp-sim: " << instance << "\n";
  o << "[dumpfile] \"" << (dumpfile.empty() ? fst : dumpfile) << "\"\n";
  o << "[savefile] \"" << gtkw << "\"\n";
  o << "[timestart] 0\n[size] 1600 900\n[pos] -1 -1\n";
  o << "*-5.000000 " << marker;
  for (int k = 0; k < 26; ++k) o << " -1";
  o << "\n[sst_width] 260\n[signals_width] 360\n[sst_expanded] 1\n[sst_vpaned_height] 200\n";
  for (const GtkwGroup& g : groups) {
    o << "@800200\n-" << g.name << "\n";
    for (const std::string& s : g.signals) {
      const std::string full = instance + "." + s;
      auto it = sig.find(full);
      if (it == sig.end()) {
        missing.push_back(full);
        continue;
      }
      if (it->second <= 1) {
        o << "@28\n" << full << "\n";
      } else {
        o << "@22\n" << full << "[" << it->second - 1 << ":0]\n";
      }
    }
    o << "@1000200\n-" << g.name << "\n";
  }
  return static_cast<bool>(o);
}

/// The groups of a store engine and of a load engine.
inline std::vector<GtkwGroup> store_engine_groups() {
  return {
      {"operation stream",
       {"clk_i", "rst_ni", "op_valid_i", "op_ready_o", "op_num_i", "op_fence_i", "op_sep_i",
        "op_chain_i", "op_ccf_i", "op_dptr_i", "op_hptr_i", "op_limit_i", "op_data_i"}},
      {"results",
       {"res_valid_o", "res_ready_i", "res_num_o", "res_dptr_o", "res_hptr_o", "res_err_o"}},
      {"L1 request",
       {"req_valid_o", "req_ready_i", "req_addr_o", "req_write_o", "req_wstrb_o", "req_wdata_o"}},
      {"L1 response", {"rsp_valid_i", "rsp_ready_o", "rsp_error_i", "outstanding_q"}},
      {"compress internals",
       {"keep", "dsize", "hsize", "dexcl", "hexcl", "dtotal", "seg", "seg_end", "wd_run_valid",
        "wd_run_ready", "wh_run_valid", "wh_run_ready"}},
      {"pointers", {"carry_d_q", "carry_h_q", "d_in", "h_in", "d_out", "h_out", "g_next_q"}},
  };
}

inline std::vector<GtkwGroup> load_engine_groups() {
  return {
      {"operation stream",
       {"clk_i", "rst_ni", "op_valid_i", "op_ready_o", "op_num_i", "op_fence_i", "op_sep_i",
        "op_chain_i", "op_dptr_i", "op_hptr_i", "op_limit_i"}},
      {"results",
       {"res_valid_o", "res_ready_i", "res_num_o", "res_dptr_o", "res_hptr_o", "res_err_o",
        "res_data_o"}},
      {"L1 request", {"req_valid_o", "req_ready_i", "req_addr_o"}},
      {"L1 response",
       {"rsp_valid_i", "rsp_ready_o", "rsp_error_i", "rsp_rdata_i", "outstanding_q"}},
      {"expand internals", {"keep", "cnt", "hdr_bytes", "pay_bytes", "expanded", "ndone", "ln_go"}},
      {"pointers",
       {"carry_d_q", "carry_h_q", "d_in", "h_in", "d_out", "h_out", "g_next_q", "win_base_q",
        "win_valid_q"}},
  };
}

}  // namespace zcomp
