// tb_selftest: four self-test tops side by side on one clock, for
// verif/tests/selftest_test.cpp. ClkHz and Baud are small so that a
// "second" (one status line) is ClkHz cycles of simulation.
//   variant 0: zcomp_selftest N=16 EW=32 P=1, 64-byte lines (the ULX3S configuration)
//   variant 1: zcomp_selftest N=4  EW=8  P=1, 16-byte lines (the Tang Nano 9K configuration)
//   variant 2: zcomp_selftest N=8  EW=16 P=4, 32-byte lines (four operations per group),
//              with the L1's request slice (L1ReqSlice = 1; the others have none)
//   variant 3: zcomp_unit_selftest N=8 EW=8, the units alone (the iCEBreaker configuration)
// Each has its own sparsity and fault inputs; outputs are indexed by variant.
module tb_selftest #(
  parameter int unsigned ClkHz = 40_000,
  parameter int unsigned Baud  = 4_000
) (
  input  logic           clk_i,
  input  logic           rst_ni,
  input  logic [3:0][4:0] sparsity_i,
  input  logic [3:0]      fault_i,
  output logic [3:0]      heartbeat_o,
  output logic [3:0]      pass_o,
  output logic [3:0]      fail_o,
  output logic [3:0]      uart_tx_o
);
  zcomp_selftest #(
    .N(16), .EW(32), .P(1), .LineBytes(64), .MemLines(64), .BlockVecs(16),
    .ClkHz(ClkHz), .Baud(Baud), .CntW(48)
  ) u_v0 (
    .clk_i, .rst_ni, .sparsity_i(sparsity_i[0]), .fault_i(fault_i[0]),
    .heartbeat_o(heartbeat_o[0]), .pass_o(pass_o[0]), .fail_o(fail_o[0]),
    .uart_tx_o(uart_tx_o[0])
  );
  zcomp_selftest #(
    .N(4), .EW(8), .P(1), .LineBytes(16), .MaxOutstanding(2), .MemLines(16), .BlockVecs(8),
    .ClkHz(ClkHz), .Baud(Baud), .CntW(32)
  ) u_v1 (
    .clk_i, .rst_ni, .sparsity_i(sparsity_i[1]), .fault_i(fault_i[1]),
    .heartbeat_o(heartbeat_o[1]), .pass_o(pass_o[1]), .fail_o(fail_o[1]),
    .uart_tx_o(uart_tx_o[1])
  );
  zcomp_selftest #(
    .N(8), .EW(16), .P(4), .LineBytes(32), .MemLines(32), .L1ReqSlice(1'b1), .BlockVecs(16),
    .ClkHz(ClkHz), .Baud(Baud), .CntW(48)
  ) u_v2 (
    .clk_i, .rst_ni, .sparsity_i(sparsity_i[2]), .fault_i(fault_i[2]),
    .heartbeat_o(heartbeat_o[2]), .pass_o(pass_o[2]), .fail_o(fail_o[2]),
    .uart_tx_o(uart_tx_o[2])
  );
  zcomp_unit_selftest #(
    .N(8), .EW(8), .BlockVecs(16), .ClkHz(ClkHz), .Baud(Baud), .CntW(32)
  ) u_v3 (
    .clk_i, .rst_ni, .sparsity_i(sparsity_i[3]), .fault_i(fault_i[3]),
    .heartbeat_o(heartbeat_o[3]), .pass_o(pass_o[3]), .fail_o(fail_o[3]),
    .uart_tx_o(uart_tx_o[3])
  );
endmodule
