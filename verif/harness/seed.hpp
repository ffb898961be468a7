// Seeds for randomized tests: ZCOMP_SEED replays a run bit for bit.
#pragma once

#include <cstdint>
#include <string>

namespace zcomp::harness {

/// The run's base seed: ZCOMP_SEED if set, else a fresh random one. Printed
/// once per process so any failure can be replayed.
uint64_t base_seed();
/// A per-test seed derived from the base seed and a test name.
uint64_t derive_seed(uint64_t base, const std::string& name);

}  // namespace zcomp::harness
