// board_ulx3s: the self-test on a ULX3S (Lattice ECP5 LFE5U-85F, 25 MHz
// oscillator), pins in constraints/ulx3s/ulx3s.lpf.
// FIRE2 (btn[2]) resets, FIRE1 (btn[1]) plants a fault while held; btn[0]
// (PWR) is not used.
// LEDs: led[0] heartbeat, led[1] pass, led[2] fail, led[7:3] off.
// UART: ftdi_rxd (the FPGA's transmit line, the FTDI's receive), 115200 8N1.
// Parameters: the engine's (N, EW, P), the sparsity code (0 to 16, in
// sixteenths) and L1ReqSlice (zcomp_selftest's register slice in front of
// the block RAM L1, off by default); the defaults are the main
// configuration of docs/fpga.md.
module board_ulx3s #(
  parameter int unsigned N          = 16,
  parameter int unsigned EW         = 32,
  parameter int unsigned P          = 1,
  parameter int unsigned Sparsity   = 8,
  parameter bit          L1ReqSlice = 1'b0
) (
  input  logic       clk_25mhz,
  input  logic [2:0] btn,
  output logic [7:0] led,
  output logic       ftdi_rxd
);
  logic rst_n;
  zcomp_board_reset u_rst (.clk_i(clk_25mhz), .btn_i(btn[2]), .rst_no(rst_n));

  zcomp_selftest #(
    .N(N), .EW(EW), .P(P), .LineBytes(64), .MemLines(64), .L1ReqSlice(L1ReqSlice),
    .BlockVecs(16), .ClkHz(25_000_000), .Baud(115_200)
  ) u_selftest (
    .clk_i(clk_25mhz), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(btn[1]),
    .heartbeat_o(led[0]), .pass_o(led[1]), .fail_o(led[2]), .uart_tx_o(ftdi_rxd)
  );
  assign led[7:3] = '0;

  logic unused_btn;
  assign unused_btn = btn[0];
endmodule
