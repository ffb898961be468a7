#include "seed.hpp"

#include <cstdio>
#include <cstdlib>
#include <random>

namespace zcomp::harness {

uint64_t base_seed() {
  static const uint64_t seed = [] {
    uint64_t s = 0;
    if (const char* env = std::getenv("ZCOMP_SEED"); env != nullptr && *env != '\0') {
      s = std::strtoull(env, nullptr, 0);
      std::printf("[zcomp] ZCOMP_SEED=%llu (from the environment)\n",
                  static_cast<unsigned long long>(s));
    } else {
      std::random_device rd;
      s = (uint64_t{rd()} << 32) ^ rd();
      std::printf("[zcomp] ZCOMP_SEED=%llu (random; set ZCOMP_SEED to replay)\n",
                  static_cast<unsigned long long>(s));
    }
    std::fflush(stdout);
    return s;
  }();
  return seed;
}

uint64_t derive_seed(uint64_t base, const std::string& name) {
  uint64_t h = 0xCBF29CE484222325ull ^ base;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  // splitmix64 finalizer so that nearby names give unrelated seeds
  h += 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

}  // namespace zcomp::harness
