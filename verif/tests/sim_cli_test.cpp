// zcomp-sim on the command line: a .npy file gives a row and exit status 0,
// and each bad input gives one line naming the file and the problem and
// exit status 2.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "npy_writer.hpp"

#ifndef ZCOMP_SIM_BINARY
#error "ZCOMP_SIM_BINARY must name the zcomp-sim executable"
#endif

namespace zcomp {
namespace {

struct SimRun {
  int status = -1;
  std::string out;  ///< stdout and stderr
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class SimCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("zcomp_sim_cli_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string file(const std::string& name) const { return (dir_ / name).string(); }

  SimRun sim(const std::string& args) const {
    const std::string log = file("out.txt");
    const std::string cmd = std::string(ZCOMP_SIM_BINARY) + " " + args + " > " + log + " 2>&1";
    SimRun r;
    const int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream in(log);
    std::stringstream ss;
    ss << in.rdbuf();
    r.out = ss.str();
    return r;
  }

  std::filesystem::path dir_;
};

TEST_F(SimCli, Float32FileGivesARowAndPasses) {
  std::vector<uint8_t> data;
  for (unsigned i = 0; i < 100; ++i) {  // 100 elements: the last vector is padded with 12
    const float v = (i % 3 == 0) ? 0.0f : static_cast<float>(i) * 0.5f;
    const auto* b = reinterpret_cast<const uint8_t*>(&v);
    data.insert(data.end(), b, b + 4);
  }
  test::write_npy(file("act.npy"), test::npy_dict("<f4", "(10, 10)"), data);
  const SimRun r = sim("--input " + file("act.npy"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("act.npy: the last vector is padded with 12 zero(s)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nact.npy"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RESULT: PASS"), std::string::npos) << r.out;
}

// A planted bug: the lockstep names it, writes a trace around it with a
// save file whose marker is on the mismatch, and the exit status is 1.
TEST_F(SimCli, MismatchGivesTraceSaveFileAndStatus1) {
  const std::string dir = file("run");
  std::filesystem::create_directories(dir);
  const std::string cmd = "cd " + dir + " && " + std::string(ZCOMP_SIM_BINARY) +
                          " --vectors 100 --plant-fault 40 > out.txt 2>&1";
  const int raw = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 1);
  const std::string out = slurp(dir + "/out.txt");
  EXPECT_NE(out.find("LOCKSTEP MISMATCH"), std::string::npos) << out;
  EXPECT_NE(out.find("RESULT: FAIL"), std::string::npos) << out;
  const auto at = out.find("waveform: gtkwave ");
  ASSERT_NE(at, std::string::npos) << out;
  EXPECT_NE(out.find("(mismatch at cycle", at), std::string::npos) << out;
  bool saw_gtkw = false;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".gtkw") continue;
    saw_gtkw = true;
    const std::string g = slurp(e.path().string());
    EXPECT_EQ(g.find("*-5.000000 -1 "), std::string::npos) << "no marker in " << e.path();
    EXPECT_NE(g.find("-operation stream"), std::string::npos);
  }
  EXPECT_TRUE(saw_gtkw);
}

// The synthetic workloads other than the VGG-16 profile: one row each.
TEST_F(SimCli, WorkloadPatternsGiveARow) {
  for (const std::string w : {"bernoulli:0.5", "relu:0.8", "clustered:0.6:32",
                              "dead-channels:0.5:64", "relu:0", "relu:1"}) {
    const SimRun r = sim("--vectors 200 --workload " + w);
    EXPECT_EQ(r.status, 0) << w << "\n" << r.out;
    EXPECT_NE(r.out.find("\n" + w + " "), std::string::npos) << w << "\n" << r.out;
    EXPECT_NE(r.out.find("RESULT: PASS"), std::string::npos) << w << "\n" << r.out;
  }
}

// A folder stands for its .npy files (sorted); a raw file needs --dtype.
TEST_F(SimCli, FolderAndRawFiles) {
  std::filesystem::create_directories(file("maps"));
  std::vector<uint8_t> data(400);
  for (std::size_t b = 0; b < data.size(); ++b) data[b] = b % 8 < 4 ? 0 : static_cast<uint8_t>(b);
  test::write_npy(file("maps/b.npy"), test::npy_dict("<f4", "(100,)"), data);
  test::write_npy(file("maps/a.npy"), test::npy_dict("<i2", "(200,)"), data);
  std::ofstream(file("maps/notes.txt")) << "not a feature map";
  SimRun r = sim("--input " + file("maps"));
  EXPECT_EQ(r.status, 0) << r.out;
  const auto a = r.out.find("\na.npy "), b = r.out.find("\nb.npy ");
  ASSERT_NE(a, std::string::npos) << r.out;
  ASSERT_NE(b, std::string::npos) << r.out;
  EXPECT_LT(a, b) << "rows in name order";
  EXPECT_EQ(r.out.find("notes.txt"), std::string::npos) << r.out;
  std::ofstream(file("act.bin"), std::ios::binary)
      .write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  r = sim("--dtype int8 --input " + file("act.bin"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("act.bin: int8 ('|i1'), engines N=64 EW=8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RESULT: PASS"), std::string::npos) << r.out;
}

// A lossy CCF: the round trip expects the input as the CCF leaves it, and
// the stream is smaller than with the lossless one.
TEST_F(SimCli, LossyCcfRoundTrip) {
  const SimRun zero = sim("--vectors 300 --workload relu:0.5 --json " + file("z.json"));
  const SimRun lossy =
      sim("--vectors 300 --workload relu:0.5 --ccf fp-threshold:0.3 --json " + file("l.json"));
  ASSERT_EQ(zero.status, 0) << zero.out;
  ASSERT_EQ(lossy.status, 0) << lossy.out;
  EXPECT_NE(lossy.out.find("read back as the CCF leaves it"), std::string::npos) << lossy.out;
  auto bytes_out = [](const std::string& j) {
    const auto at = j.find("\"total\": {");
    const auto b = j.find("\"bytes_out\": ", at);
    return std::stoull(j.substr(b + 13));
  };
  EXPECT_LT(bytes_out(slurp(file("l.json"))), bytes_out(slurp(file("z.json"))));
}

// --p picks engines of that P; the bound follows it.
TEST_F(SimCli, PickP) {
  for (const std::string p : {"1", "2"}) {
    const SimRun r = sim("--vectors 100 --p " + p);
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("ZCOMPS store engine (N=16 EW=32 P=" + p), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("with P = " + p + "."), std::string::npos) << r.out;
  }
}

// --json: the configuration, a row per layer and the result; FILE appears
// only when complete.
TEST_F(SimCli, JsonHasTheFiguresAndTheConfiguration) {
  const SimRun r = sim("--vectors 50 --latency 2 --json " + file("out.json"));
  ASSERT_EQ(r.status, 0) << r.out;
  std::ifstream in(file("out.json"));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string j = ss.str();
  for (const std::string key :
       {"\"config\": {\"workload\": \"vgg16-synthetic\"", "\"l1_latency\": 2", "\"seed\": 1",
        "\"name\": \"conv1_1\"", "\"name\": \"fc7\"", "\"compression_ratio\": ",
        "\"percent_of_bound\": ", "\"total\": {", "\"result\": \"pass\""})
    EXPECT_NE(j.find(key), std::string::npos) << key << "\n" << j;
  EXPECT_FALSE(std::filesystem::exists(file("out.json.part")));
}

// Every listed dtype gives a row, in lockstep, and reads back exactly.
TEST_F(SimCli, EveryDtypeGivesARow) {
  struct Case {
    std::string name, descr;
    unsigned size;
  };
  const Case cases[] = {{"f4", "<f4", 4}, {"f2", "<f2", 2}, {"i1", "|i1", 1},
                        {"u1", "|u1", 1}, {"i2", "<i2", 2}, {"i4", "<i4", 4}};
  std::string args;
  for (const Case& c : cases) {
    std::vector<uint8_t> data(300 * c.size);
    for (std::size_t b = 0; b < data.size(); ++b)
      data[b] = (b / c.size) % 3 == 0 ? 0 : static_cast<uint8_t>(b * 29 + 3);
    test::write_npy(file(c.name + ".npy"), test::npy_dict(c.descr, "(300,)"), data);
    args += " --input " + file(c.name + ".npy");
  }
  SimRun r = sim(args);
  EXPECT_EQ(r.status, 0) << r.out;
  for (const Case& c : cases)
    EXPECT_NE(r.out.find("\n" + c.name + ".npy "), std::string::npos) << c.name << "\n" << r.out;
  EXPECT_NE(r.out.find("RESULT: PASS"), std::string::npos) << r.out;
  // bfloat16: raw 16-bit words.
  std::vector<uint8_t> bf(200);
  for (std::size_t b = 0; b < bf.size(); ++b) bf[b] = b % 4 < 2 ? 0 : static_cast<uint8_t>(b);
  test::write_npy(file("bf.npy"), test::npy_dict("<u2", "(100,)"), bf);
  r = sim("--dtype bf16 --input " + file("bf.npy"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("bf16 ('<u2'), engines N=32 EW=16"), std::string::npos) << r.out;
}

// --dump-stream then --decode gives back the input file byte for byte, for
// every dtype and both layouts; --encode (the golden model, no RTL) writes
// the same stream files as the engine did.
TEST_F(SimCli, DumpDecodeAndEncodeRoundTrip) {
  struct Case {
    std::string name, descr, shape;
    unsigned size, count;
    bool bf16;
  };
  const Case cases[] = {
      {"f4", "<f4", "(7, 30)", 4, 210, false},   {"f2", "<f2", "(100,)", 2, 100, false},
      {"i1", "|i1", "(3, 5, 9)", 1, 135, false}, {"u1", "|u1", "(64,)", 1, 64, false},
      {"i2", "<i2", "(50,)", 2, 50, false},      {"i4", "<i4", "(33,)", 4, 33, false},
      {"bf", "<u2", "(40,)", 2, 40, true}};
  for (const std::string layout : {"interleaved", "separate"}) {
    for (const Case& c : cases) {
      std::vector<uint8_t> data(c.count * c.size);
      for (std::size_t b = 0; b < data.size(); ++b)
        data[b] = (b / c.size) % 2 == 0 ? 0 : static_cast<uint8_t>(b * 13 + 5);
      const std::string in = file(c.name + ".npy");
      test::write_npy(in, test::npy_dict(c.descr, c.shape), data);
      const std::string flags = (c.bf16 ? "--dtype bf16 " : "") + std::string("--layout ") + layout;
      SimRun r = sim(flags + " --input " + in + " --dump-stream " + file("dump"));
      ASSERT_EQ(r.status, 0) << c.name << " " << layout << "\n" << r.out;
      r = sim("--decode " + file("dump/" + c.name + ".stream.json") + " --output " +
              file(c.name + ".back.npy"));
      ASSERT_EQ(r.status, 0) << r.out;
      EXPECT_EQ(slurp(in), slurp(file(c.name + ".back.npy"))) << c.name << " " << layout;
      r = sim(flags + " --encode " + in + " --output " + file("enc"));
      ASSERT_EQ(r.status, 0) << r.out;
      for (const std::string part : {".data.bin", ".stream.json"})
        EXPECT_EQ(slurp(file("dump/" + c.name + part)), slurp(file("enc/" + c.name + part)))
            << c.name << part << " " << layout;
      if (layout == "separate")
        EXPECT_EQ(slurp(file("dump/" + c.name + ".headers.bin")),
                  slurp(file("enc/" + c.name + ".headers.bin")))
            << c.name;
    }
  }
}

// With a lossy CCF too, the engine's dump and the golden encoder agree on
// every file, the sidecar's "ccf" included.
TEST_F(SimCli, LossyDumpMatchesEncode) {
  std::vector<uint8_t> data;
  for (unsigned i = 0; i < 200; ++i) {
    const float v = static_cast<float>(i % 7) * 0.1f;
    const auto* b = reinterpret_cast<const uint8_t*>(&v);
    data.insert(data.end(), b, b + 4);
  }
  test::write_npy(file("l.npy"), test::npy_dict("<f4", "(200,)"), data);
  const std::string ccf = " --ccf fp-threshold:0.25";
  ASSERT_EQ(sim("--input " + file("l.npy") + ccf + " --dump-stream " + file("d")).status, 0);
  ASSERT_EQ(sim("--encode " + file("l.npy") + ccf + " --output " + file("e")).status, 0);
  for (const std::string part : {".data.bin", ".stream.json"})
    EXPECT_EQ(slurp(file("d/l" + part)), slurp(file("e/l" + part))) << part;
  EXPECT_NE(slurp(file("d/l.stream.json")).find("\"ccf\": \"fp-threshold:0.25\""),
            std::string::npos);
}

TEST_F(SimCli, BadStreamsAreNamedWithStatus2) {
  std::vector<uint8_t> data(64 * 4, 0);
  for (std::size_t b = 0; b < data.size(); b += 8) data[b] = 1;
  test::write_npy(file("x.npy"), test::npy_dict("<f4", "(64,)"), data);
  ASSERT_EQ(sim("--input " + file("x.npy") + " --dump-stream " + file("d")).status, 0);
  std::ofstream(file("d/x.data.bin"), std::ios::binary | std::ios::trunc) << "\x01\x02";
  std::ofstream(file("other.json")) << "{\"format\": \"png\"}";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--decode " + file("d/x.stream.json") + " --output " + file("o.npy"), "x.data.bin: "},
      {"--decode " + file("absent.json") + " --output " + file("o.npy"),
       "absent.json: cannot open the file"},
      {"--decode " + file("other.json") + " --output " + file("o.npy"),
       "other.json: not a zcomp stream sidecar"},
      {"--decode " + file("d/x.stream.json"), "--decode needs --output"},
      {"--input " + file("x.npy") + " --dump-stream /proc/zcomp-no",
       "cannot write to --dump-stream"},
  };
  for (const auto& [args, expect] : cases) {
    const SimRun r = sim(args);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.out;
    EXPECT_NE(r.out.find(expect), std::string::npos) << args << "\n" << r.out;
  }
}

TEST_F(SimCli, BadInputsAreNamedWithStatus2) {
  test::write_npy(file("magic.npy"), test::npy_dict("<f4", "(2,)"), std::vector<uint8_t>(8),
                  "GIF89a");
  test::write_npy(file("f8.npy"), test::npy_dict("<f8", "(2,)"), std::vector<uint8_t>(16));
  test::write_npy(file("fortran.npy"), test::npy_dict("<f4", "(2, 2)", "True"),
                  std::vector<uint8_t>(16));
  test::write_npy(file("short.npy"), test::npy_dict("<f4", "(4,)"), std::vector<uint8_t>(10));
  test::write_npy(file("long.npy"), test::npy_dict("<f4", "(2,)"), std::vector<uint8_t>(12));
  test::write_npy(file("half.npy"), test::npy_dict("<f2", "(4,)"), std::vector<uint8_t>(8));
  std::ofstream(file("raw.bin"), std::ios::binary) << std::string(16, '\x01');
  std::ofstream(file("odd.bin"), std::ios::binary) << std::string(5, '\x01');
  std::filesystem::create_directories(file("empty"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--input " + file("absent.npy"), "absent.npy: cannot open the file"},
      {"--input " + file("magic.npy"), "magic.npy: not a .npy file (bad magic"},
      {"--input " + file("f8.npy"), "f8.npy: unsupported dtype '<f8'"},
      {"--input " + file("fortran.npy"), "fortran.npy: Fortran-order arrays are not supported"},
      {"--input " + file("short.npy"), "short.npy: truncated data"},
      {"--input " + file("long.npy"), "long.npy: the header's shape"},
      {"--lanes 8 --input " + file("half.npy"),
       "half.npy: fp16 data: no engines built for N=8 with 16-bit elements; this build has "
       "N=16 EW=32 P=4, N=32 EW=16 P=4, N=64 EW=8 P=4, N=16 EW=32 P=2, N=16 EW=32 P=1"},
      {"--lanes 32", "the built-in workload is fp32: no engines built for N=32"},
      {"--lanes 0", "--lanes needs a whole number from 1 to 64, got '0'"},
      {"--workload relu:1.5",
       "--workload is vgg16, bernoulli:P, relu:S, clustered:S[:RUN] or "
       "dead-channels:S[:CHANNEL] (P, S from 0 to 1), got 'relu:1.5'"},
      {"--workload resnet", "got 'resnet'"},
      {"--p 3", "--p is 1, 2 or 4, got '3'"},
      {"--p 2 --input " + file("half.npy"), "no engines built for P=2 with 16-bit elements"},
      {"--ccf nonsense", "--ccf is zero, fp-zero, int-threshold:N or fp-threshold:X"},
      {"--ccf int-threshold:2",
       "conv1_1: --ccf int-threshold:2 is for integer data, and this row is fp32"},
      {"--trace " + file("t.ghw"), "--trace writes FST (*.fst) or VCD (*.vcd), got"},
      {"--trace /proc/zcomp-no/t.fst", "cannot write --trace"},
      {"--trace-window 9:3", "--trace-window is A:B with cycles A <= B, got '9:3'"},
      {"--workload clustered:0.5:0", "RUN and CHANNEL are whole numbers from 1"},
      {"--json " + file("no/such/dir/out.json"), "cannot write --json"},
      {"--dtype float64",
       "--dtype is fp32, fp16, bf16, int8, uint8, int16 or int32, got 'float64'"},
      {"--input " + file("raw.bin"), "raw.bin: a raw file (not .npy) needs --dtype"},
      {"--dtype int16 --input " + file("odd.bin"),
       "odd.bin: 5 bytes is not a whole number of int16 elements"},
      {"--input " + file("empty"), "empty: the folder has no .npy files"},
      {"--dtype int8 --input " + file("long.npy"), "--dtype int8 is for raw files"},
      {"--layout diagonal", "--layout is 'interleaved' or 'separate', got 'diagonal'"},
      {"--frobnicate", "unknown option or missing value: '--frobnicate'"},
  };
  for (const auto& [args, expect] : cases) {
    const SimRun r = sim(args);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.out;
    EXPECT_NE(r.out.find(expect), std::string::npos) << args << "\n" << r.out;
    EXPECT_EQ(r.out.find("RESULT"), std::string::npos) << "no report for " << args;
  }
}

}  // namespace
}  // namespace zcomp
