// board_tangnano9k: a self-test on a Sipeed Tang Nano 9K (Gowin
// GW1NR-LV9QN88PC6/I5, 27 MHz oscillator, 8640 LUT4), pins in
// constraints/tangnano9k/tangnano9k.cst. Button S1 resets, S2 plants a fault
// while held (both active low). LEDs (active low): led[0] heartbeat, led[1]
// pass, led[2] fail, the rest off. UART: uart_tx, 115200 8N1.
//
// Engine selects what runs (docs/fpga.md has both in its table):
// - 0 (default): zcomp_unit_selftest, the compress and expand units back to
//   back (no L1, no engines), N=16 EW=8 by default; the fault flips header
//   bit 0 between the units. It fits.
// - 1: zcomp_selftest, the whole engine on a block RAM L1, N=4 EW=8 with
//   16-byte lines by default; the fault flips bit 0 of the lines the L1
//   returns. It needs more LUT4s than the part has, so it does not fit yet;
//   it is here to measure.
module board_tangnano9k #(
  parameter int unsigned Engine    = 0,
  parameter int unsigned N         = (Engine != 0) ? 4 : 16,
  parameter int unsigned EW        = 8,
  parameter int unsigned P         = 1,
  parameter int unsigned LineBytes = 16,
  parameter int unsigned Sparsity  = 8
) (
  input  logic       clk,
  input  logic       btn_s1,
  input  logic       btn_s2,
  output logic [5:0] led,
  output logic       uart_tx
);
  logic rst_n, heartbeat, pass, fail;
  zcomp_board_reset u_rst (.clk_i(clk), .btn_i(!btn_s1), .rst_no(rst_n));
  // The fault button (active low) goes to the self-test, which
  // synchronizes it.
  logic fault;
  assign fault = !btn_s2;

  if (Engine != 0) begin : gen_engine
    zcomp_selftest #(
      .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .MaxOutstanding(2), .MemLines(16),
      .BlockVecs(8), .ClkHz(27_000_000), .Baud(115_200), .CntW(32)
    ) u_selftest (
      .clk_i(clk), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(fault),
      .heartbeat_o(heartbeat), .pass_o(pass), .fail_o(fail), .uart_tx_o(uart_tx)
    );
  end else begin : gen_units
    zcomp_unit_selftest #(
      .N(N), .EW(EW), .BlockVecs(16), .ClkHz(27_000_000), .Baud(115_200), .CntW(32)
    ) u_selftest (
      .clk_i(clk), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(fault),
      .heartbeat_o(heartbeat), .pass_o(pass), .fail_o(fail), .uart_tx_o(uart_tx)
    );
    if (P != 1) begin : gen_bad_p
      $error("board_tangnano9k: the units-alone self-test (Engine = 0) has P = 1");
    end
  end
  assign led = ~{3'b000, fail, pass, heartbeat};
endmodule
