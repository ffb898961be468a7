// zcomp-sim: pushes a synthetic VGG-16-shaped workload through the
// Verilated compress and expand units (N=16, EW=32), in lockstep with the
// golden model, and prints what happened per layer.
//
// This is the first slice of the simulator (issue 5 adds .npy input, the
// engines and waveforms). Exit status: 0 when the lockstep saw no mismatch
// and every round trip matched, 1 otherwise, 2 for bad arguments.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "Vtb_units_default.h"
#include "lockstep.hpp"
#include "seed.hpp"

namespace {

using zcomp::harness::LockstepOptions;
using zcomp::harness::LockstepReport;

struct Args {
  uint64_t vectors_per_layer = 2000;
  double valid_rate = 1.0;
  double ready_rate = 1.0;
  std::optional<uint64_t> seed;
  bool help = false;
};

void usage(std::FILE* out) {
  std::fprintf(out,
               "usage: zcomp-sim [--vectors N] [--valid-rate P] [--ready-rate P] [--seed S]\n"
               "  Runs the synthetic VGG-16 profile (docs/verification.md) through the\n"
               "  compress and expand units (N=16, EW=32, fp32) in lockstep with the golden\n"
               "  model. Each layer is scaled down to N vectors (default 2000).\n"
               "  The seed is --seed, else ZCOMP_SEED, else 1, so that a plain run always\n"
               "  prints the same table.\n");
}

bool parse_double(const char* s, double& out) {
  char* end = nullptr;
  out = std::strtod(s, &end);
  return end != s && *end == '\0' && out > 0.0 && out <= 1.0;
}

int parse(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "-h" || arg == "--help") {
      a.help = true;
    } else if (arg == "--vectors" && has_value) {
      char* end = nullptr;
      a.vectors_per_layer = std::strtoull(argv[++i], &end, 10);
      if (*end != '\0' || a.vectors_per_layer == 0) {
        std::fprintf(stderr, "zcomp-sim: --vectors needs a positive whole number, got '%s'\n",
                     argv[i]);
        return 2;
      }
    } else if (arg == "--seed" && has_value) {
      char* end = nullptr;
      a.seed = std::strtoull(argv[++i], &end, 0);
      if (*end != '\0' || *argv[i] == '\0' || *argv[i] == '-') {
        std::fprintf(stderr, "zcomp-sim: --seed needs a whole number, got '%s'\n", argv[i]);
        return 2;
      }
    } else if ((arg == "--valid-rate" || arg == "--ready-rate") && has_value) {
      double& dst = arg == "--valid-rate" ? a.valid_rate : a.ready_rate;
      if (!parse_double(argv[++i], dst)) {
        std::fprintf(stderr, "zcomp-sim: %s needs a number in (0, 1], got '%s'\n", arg.c_str(),
                     argv[i]);
        return 2;
      }
    } else {
      std::fprintf(stderr, "zcomp-sim: unknown option or missing value: '%s' (try --help)\n",
                   arg.c_str());
      return 2;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (int rc = parse(argc, argv, args); rc != 0) return rc;
  if (args.help) {
    usage(stdout);
    return 0;
  }
  const char* env_seed = std::getenv("ZCOMP_SEED");
  const bool from_env = env_seed != nullptr && *env_seed != '\0';
  const uint64_t seed = args.seed ? *args.seed : from_env ? zcomp::harness::base_seed() : 1;
  std::printf(
      "zcomp-sim: compress + expand units, N=16 EW=32 Sklansky/mux, CCF zero, lockstep on\n");
  std::printf("workload : synthetic VGG-16 profile, ReLU feature maps, %" PRIu64
              " vectors per layer\n",
              args.vectors_per_layer);
  std::printf("seed     : %" PRIu64 " (%s)\n", seed,
              args.seed  ? "--seed"
              : from_env ? "ZCOMP_SEED"
                         : "default; --seed S to change");
  std::printf("handshake: valid rate %.2f, ready rate %.2f\n\n", args.valid_rate, args.ready_rate);
  std::printf("%-8s %9s %9s %10s %10s %7s %8s %8s %10s\n", "layer", "elements", "sparsity",
              "bytes in", "bytes out", "ratio", "cycles", "vec/cyc", "mismatches");

  uint64_t tot_elems = 0, tot_kept = 0, tot_in = 0, tot_out = 0, tot_cycles = 0, tot_vectors = 0;
  int failures = 0;
  for (const auto& layer : zcomp::vgg16_profile()) {
    LockstepOptions opt;
    opt.seed = zcomp::harness::derive_seed(seed, layer.name);
    opt.workload.pattern = zcomp::Pattern::kRelu;
    opt.workload.sparsity = layer.sparsity;
    opt.vectors = std::min<uint64_t>(args.vectors_per_layer, layer.elements / 16);
    opt.ccf_mix = zcomp::harness::CcfMix::kZeroOnly;
    opt.valid_rate = args.valid_rate;
    opt.ready_rate = args.ready_rate;
    opt.trace_dir = "zcomp-traces";
    const LockstepReport rep = zcomp::harness::UnitsLockstep<Vtb_units_default>::run(opt);
    const auto& s = rep.stats.at(0);
    const bool ok = rep.ok;
    failures += ok ? 0 : 1;
    std::printf(
        "%-8s %9" PRIu64 " %8.1f%% %10" PRIu64 " %10" PRIu64 " %6.2fx %8" PRIu64 " %8.2f %10d\n",
        layer.name.c_str(), s.elements,
        s.elements
            ? 100.0 * static_cast<double>(s.elements - s.kept) / static_cast<double>(s.elements)
            : 0.0,
        s.bytes_in, s.bytes_out,
        s.bytes_out ? static_cast<double>(s.bytes_in) / static_cast<double>(s.bytes_out) : 0.0,
        rep.cycles,
        rep.cycles ? static_cast<double>(s.vectors_out) / static_cast<double>(rep.cycles) : 0.0,
        ok ? 0 : 1);
    tot_elems += s.elements;
    tot_kept += s.kept;
    tot_in += s.bytes_in;
    tot_out += s.bytes_out;
    tot_cycles += rep.cycles;
    tot_vectors += s.vectors_out;
  }
  std::printf(
      "%-8s %9" PRIu64 " %8.1f%% %10" PRIu64 " %10" PRIu64 " %6.2fx %8" PRIu64 " %8.2f %10d\n",
      "total", tot_elems,
      100.0 * static_cast<double>(tot_elems - tot_kept) / static_cast<double>(tot_elems), tot_in,
      tot_out, static_cast<double>(tot_in) / static_cast<double>(tot_out), tot_cycles,
      static_cast<double>(tot_vectors) / static_cast<double>(tot_cycles), failures);
  std::printf(
      "\nbytes out = headers + payload (interleaved layout); ratio = bytes in / bytes out.\n"
      "cycles include each layer's pipeline fill and drain. Round trip checked on every vector.\n");
  std::printf("%s\n", failures == 0 ? "RESULT: PASS (no lockstep mismatch, every round trip exact)"
                                    : "RESULT: FAIL (see the mismatch report above)");
  return failures == 0 ? 0 : 1;
}
