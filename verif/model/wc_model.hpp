// Cycle-accurate model of the write-combining buffer (zcomp_wc_buffer).
//
// Written from docs/l1-interface.md, "Write combining", and from nothing in
// the RTL. eval() predicts every output for the current inputs and state;
// clock() advances one rising edge. Addresses wrap at 2^addr_w.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace zcomp {

struct WcParams {
  unsigned line_bytes = 64;
  unsigned run_bytes = 66;
  unsigned addr_w = 32;
  /// 2 * line_bytes + run_bytes, rounded up to whole lines.
  unsigned cap_bytes() const {
    return (2 * line_bytes + run_bytes + line_bytes - 1) / line_bytes * line_bytes;
  }
  uint64_t addr_mask() const { return addr_w >= 64 ? ~uint64_t{0} : (uint64_t{1} << addr_w) - 1; }
};

struct WcInputs {
  bool run_valid = false;
  bool run_en = true;  ///< the run may be taken (run_en_i)
  uint64_t run_addr = 0;
  unsigned run_len = 0;
  std::vector<uint8_t> run_data;  ///< run_bytes bytes; those at or above run_len are ignored
  bool flush = false;
  bool req_ready = false;
};

struct WcOutputs {
  bool run_ready = false;
  bool idle = false;
  bool req_valid = false;
  uint64_t req_addr = 0;
  std::vector<uint8_t> req_wdata;  ///< line_bytes bytes, 0 where there is no strobe
  std::vector<uint8_t> req_wstrb;  ///< line_bytes entries of 0 or 1
};

class WcBufferModel {
 public:
  explicit WcBufferModel(WcParams p) : p_(p), data_(p.cap_bytes(), 0), strb_(p.cap_bytes(), 0) {}

  void reset() {
    base_ = 0;
    fill_ = 0;
    flushing_ = false;
    std::fill(data_.begin(), data_.end(), 0);
    std::fill(strb_.begin(), strb_.end(), 0);
  }

  WcOutputs eval(const WcInputs& in) const {
    WcOutputs o;
    o.run_ready = run_ready(in);
    o.idle = fill_ == 0 && !flushing_;
    o.req_valid = sending();
    o.req_wdata.assign(p_.line_bytes, 0);
    o.req_wstrb.assign(p_.line_bytes, 0);
    if (o.req_valid) {
      o.req_addr = base_;
      for (unsigned b = 0; b < p_.line_bytes; ++b) {
        o.req_wdata[b] = data_[b];
        o.req_wstrb[b] = strb_[b];
      }
    }
    return o;
  }

  void clock(const WcInputs& in) {
    const bool empty = fill_ == 0;
    const bool sent = sending() && in.req_ready;
    const bool zero_len = in.run_len == 0;
    const bool take = in.run_valid && in.run_en && run_ready(in) && !zero_len;
    const bool start_flush =
        in.flush || (in.run_valid && !zero_len && !flushing_ && !empty && !contiguous(in));
    const uint64_t pos = position(in);
    if (sent) {
      data_.erase(data_.begin(), data_.begin() + p_.line_bytes);
      data_.resize(p_.cap_bytes(), 0);
      strb_.erase(strb_.begin(), strb_.begin() + p_.line_bytes);
      strb_.resize(p_.cap_bytes(), 0);
      base_ = (base_ + p_.line_bytes) & p_.addr_mask();
      fill_ = fill_ > p_.line_bytes ? fill_ - p_.line_bytes : 0;
    }
    if (take) {
      uint64_t put = pos;
      if (empty) {
        base_ = line_of(in.run_addr);
        std::fill(data_.begin(), data_.end(), 0);
        std::fill(strb_.begin(), strb_.end(), 0);
      } else if (sent) {
        put -= p_.line_bytes;
      }
      for (unsigned k = 0; k < in.run_len; ++k) {
        data_[put + k] = in.run_data[k];
        strb_[put + k] = 1;
      }
      fill_ = put + in.run_len;
    }
    flushing_ = (flushing_ || start_flush) && fill_ != 0;
  }

  bool idle() const { return fill_ == 0 && !flushing_; }

 private:
  uint64_t line_of(uint64_t addr) const {
    return addr & p_.addr_mask() & ~uint64_t{p_.line_bytes - 1};
  }
  bool sending() const { return fill_ >= p_.line_bytes || (flushing_ && fill_ != 0); }
  bool contiguous(const WcInputs& in) const {
    return (in.run_addr & p_.addr_mask()) == ((base_ + fill_) & p_.addr_mask());
  }
  /// Where the run starts, relative to the buffer's base (or its own line).
  uint64_t position(const WcInputs& in) const {
    const uint64_t base = fill_ == 0 ? line_of(in.run_addr) : base_;
    return (in.run_addr - base) & p_.addr_mask();
  }
  bool run_ready(const WcInputs& in) const {
    if (flushing_) return false;
    if (in.run_len == 0) return true;
    const bool placeable = fill_ == 0 || contiguous(in);
    return placeable && position(in) + in.run_len <= p_.cap_bytes();
  }

  WcParams p_;
  uint64_t base_ = 0;
  uint64_t fill_ = 0;
  bool flushing_ = false;
  std::vector<uint8_t> data_;
  std::vector<uint8_t> strb_;
};

}  // namespace zcomp
