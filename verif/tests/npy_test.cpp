// The .npy reader of zcomp-sim (sim/npy.hpp): every supported dtype reads
// back bit for bit, and every kind of bad file gets one line naming the
// file and the problem.
#include "npy.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "npy_writer.hpp"

namespace zcomp {
namespace {

/// A scratch folder for this test's files, removed afterwards.
class NpyFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("zcomp_npy_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& dict,
                    const std::vector<uint8_t>& data, const std::string& magic = "\x93NUMPY") {
    const std::string path = (dir_ / name).string();
    test::write_npy(path, dict, data, magic);
    return path;
  }

  static std::string dict(const std::string& descr, const std::string& shape,
                          const std::string& fortran = "False") {
    return test::npy_dict(descr, shape, fortran);
  }

  std::filesystem::path dir_;
};

TEST_F(NpyFiles, EveryDtypeReadsBackBitForBit) {
  struct Case {
    std::string descr;
    bool bf16;
    unsigned size;
    DType dtype;
  };
  const Case cases[] = {{"<f4", false, 4, DType::kFp32},  {"<f2", false, 2, DType::kFp16},
                        {"|i1", false, 1, DType::kInt8},  {"|u1", false, 1, DType::kInt8},
                        {"<i2", false, 2, DType::kInt16}, {"<i4", false, 4, DType::kInt32},
                        {"<u2", true, 2, DType::kBf16},   {"<i2", true, 2, DType::kBf16}};
  for (const Case& c : cases) {
    std::vector<uint8_t> data;
    for (unsigned i = 0; i < 6 * c.size; ++i) data.push_back(static_cast<uint8_t>(i * 37 + 1));
    const std::string path = write("a.npy", dict(c.descr, "(2, 3)"), data);
    std::string err;
    const auto a = read_npy(path, c.bf16, err);
    ASSERT_TRUE(a.has_value()) << c.descr << ": " << err;
    EXPECT_EQ(a->dtype, c.dtype) << c.descr;
    EXPECT_EQ(a->shape, (std::vector<uint64_t>{2, 3}));
    ASSERT_EQ(a->elems.size(), 6u);
    for (unsigned i = 0; i < 6; ++i) {
      uint32_t v = 0;
      for (unsigned b = 0; b < c.size; ++b) v |= uint32_t{data[i * c.size + b]} << (8 * b);
      EXPECT_EQ(a->elems[i], v) << c.descr << " element " << i;
    }
  }
}

TEST_F(NpyFiles, OneDimensionalAndScalarShapes) {
  std::string err;
  auto a = read_npy(write("v.npy", dict("<i4", "(5,)"), std::vector<uint8_t>(20, 7)), false, err);
  ASSERT_TRUE(a) << err;
  EXPECT_EQ(a->elems.size(), 5u);
  a = read_npy(write("s.npy", dict("<i4", "()"), std::vector<uint8_t>(4, 1)), false, err);
  ASSERT_TRUE(a) << err;
  EXPECT_EQ(a->elems.size(), 1u);
}

// Each bad input: no array, and one line that names the file and the problem.
TEST_F(NpyFiles, BadFilesAreNamed) {
  struct Case {
    std::string path;
    std::string expect;  ///< part of the message
  };
  const std::vector<Case> cases = {
      {(dir_ / "absent.npy").string(), "cannot open the file"},
      {write("magic.npy", dict("<f4", "(2,)"), std::vector<uint8_t>(8), "PK\x03\x04zz"),
       "not a .npy file (bad magic"},
      {write("f8.npy", dict("<f8", "(2,)"), std::vector<uint8_t>(16)), "unsupported dtype '<f8'"},
      {write("be.npy", dict(">f4", "(2,)"), std::vector<uint8_t>(8)), "unsupported dtype '>f4'"},
      {write("fortran.npy", dict("<f4", "(2, 2)", "True"), std::vector<uint8_t>(16)),
       "Fortran-order"},
      {write("short.npy", dict("<f4", "(4,)"), std::vector<uint8_t>(10)),
       "truncated data: the header's shape needs 16 bytes, the file holds 10"},
      {write("long.npy", dict("<f4", "(2,)"), std::vector<uint8_t>(12)),
       "disagrees with the data size"},
      {write("nodescr.npy", "{'fortran_order': False, 'shape': (2,), }", std::vector<uint8_t>(8)),
       "malformed header"},
  };
  for (const Case& c : cases) {
    std::string err;
    const auto a = read_npy(c.path, false, err);
    EXPECT_FALSE(a.has_value()) << c.path;
    EXPECT_NE(err.find(c.path), std::string::npos) << err;
    EXPECT_NE(err.find(c.expect), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << "one line: " << err;
  }
}

}  // namespace
}  // namespace zcomp
