// Cycle-accurate models of the compress and expand units.
//
// Written from the unit contracts in docs/microarchitecture.md: a stall
// pipeline of L = InReg + PrefixStages + OutReg register stages. For every
// cycle they predict each output port from the current inputs and the
// state; clock() then advances one rising edge. The functional part comes
// from zcomp_model.hpp.
//
// Contract modelled (and nothing from the RTL's internals):
// - L = 0: valid_o = valid_i, ready_o = ready_i, outputs = f(inputs).
// - L > 0: ready_o = ready_i || !valid_o. A word accepted while ready_o is 1
//   appears at the output L advancing cycles later.
// - While valid_o is 0 every data output is 0.
#pragma once

#include <vector>

#include "zcomp_model.hpp"

namespace zcomp {

/// Pipeline parameters of a unit, as given to the RTL.
struct UnitTiming {
  unsigned in_reg = 0;
  unsigned prefix_stages = 0;
  unsigned out_reg = 1;
  unsigned latency() const { return in_reg + prefix_stages + out_reg; }
};

/// L register stages that all advance together (zcomp_pipe_ctrl's contract).
template <class Word>
class StallPipeline {
 public:
  explicit StallPipeline(unsigned latency) : stages_(latency) {}

  void reset() {
    for (auto& s : stages_) s = Slot{};
  }
  bool ready_o(bool ready_i) const {
    return stages_.empty() ? ready_i : (ready_i || !stages_.back().valid);
  }
  bool valid_o(bool valid_i) const { return stages_.empty() ? valid_i : stages_.back().valid; }
  /// The word on the output port this cycle (zero while valid_o is 0).
  Word out(bool valid_i, const Word& in_word) const {
    if (stages_.empty()) return valid_i ? in_word : Word{};
    return stages_.back().valid ? stages_.back().word : Word{};
  }
  /// One rising edge.
  void clock(bool valid_i, bool ready_i, const Word& in_word) {
    if (stages_.empty() || !ready_o(ready_i)) return;
    for (std::size_t s = stages_.size() - 1; s > 0; --s) stages_[s] = stages_[s - 1];
    stages_[0] = Slot{valid_i, valid_i ? in_word : Word{}};
  }

 private:
  struct Slot {
    bool valid = false;
    Word word{};
  };
  std::vector<Slot> stages_;
};

struct CompressInputs {
  bool valid = false;
  LaneArray data{};
  Ccf ccf = Ccf::kZero;
  uint32_t threshold = 0;
  bool ready = false;  ///< downstream ready_i
};

struct CompressOutputs {
  bool ready = false;  ///< ready_o
  bool valid = false;  ///< valid_o
  CompressedVector vec;
};

class CompressUnitModel {
 public:
  CompressUnitModel(VectorFormat fmt, UnitTiming timing)
      : fmt_(fmt), pipe_(timing.latency()), comb_(timing.latency() == 0) {}
  void reset() { pipe_.reset(); }
  CompressOutputs eval(const CompressInputs& in) const {
    CompressOutputs out;
    out.ready = pipe_.ready_o(in.ready);
    out.valid = pipe_.valid_o(in.valid);
    out.vec = pipe_.out(in.valid, comb_ && in.valid ? word(in) : CompressedVector{});
    return out;
  }
  void clock(const CompressInputs& in) {
    pipe_.clock(in.valid, in.ready,
                pipe_.ready_o(in.ready) && in.valid && !comb_ ? word(in) : CompressedVector{});
  }

 private:
  CompressedVector word(const CompressInputs& in) const {
    return compress(fmt_, std::span<const uint32_t>(in.data.data(), fmt_.lanes), in.ccf,
                    in.threshold);
  }
  VectorFormat fmt_;
  StallPipeline<CompressedVector> pipe_;
  bool comb_;
};

struct ExpandInputs {
  bool valid = false;
  uint64_t keep = 0;
  LaneArray payload{};
  bool ready = false;  ///< downstream ready_i
};

struct ExpandOutputs {
  bool ready = false;
  bool valid = false;
  LaneArray data{};
};

class ExpandUnitModel {
 public:
  ExpandUnitModel(VectorFormat fmt, UnitTiming timing)
      : fmt_(fmt), pipe_(timing.latency()), comb_(timing.latency() == 0) {}
  void reset() { pipe_.reset(); }
  ExpandOutputs eval(const ExpandInputs& in) const {
    ExpandOutputs out;
    out.ready = pipe_.ready_o(in.ready);
    out.valid = pipe_.valid_o(in.valid);
    out.data = pipe_.out(in.valid, comb_ && in.valid ? word(in) : LaneArray{});
    return out;
  }
  void clock(const ExpandInputs& in) {
    pipe_.clock(in.valid, in.ready,
                pipe_.ready_o(in.ready) && in.valid && !comb_ ? word(in) : LaneArray{});
  }

 private:
  LaneArray word(const ExpandInputs& in) const {
    return expand(fmt_, in.keep & fmt_.lane_mask(),
                  std::span<const uint32_t>(in.payload.data(), fmt_.lanes));
  }
  VectorFormat fmt_;
  StallPipeline<LaneArray> pipe_;
  bool comb_;
};

}  // namespace zcomp
