// Seeds, replay hints and trace folders for the lockstep tests: every test
// derives its seed from ZCOMP_SEED (printed once per process) and its own
// name, so that `ZCOMP_SEED=<n> ./<binary> --gtest_filter=<test>` replays it.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "seed.hpp"

namespace zcomp::test {

/// "Suite.Name" of the running test.
inline std::string current_test_name() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return std::string(info->test_suite_name()) + "." + info->name();
}

/// Options of any lockstep harness (CommonOptions), set up for this test.
template <class Options>
Options options_for_this_test(const std::string& binary) {
  Options opt;
  const std::string name = current_test_name();
  opt.seed = harness::derive_seed(harness::base_seed(), name);
  opt.replay_hint = "ZCOMP_SEED=" + std::to_string(harness::base_seed()) + " ./" + binary +
                    " --gtest_filter='" + name + "'";
  opt.trace_dir = "traces";
  return opt;
}

}  // namespace zcomp::test
