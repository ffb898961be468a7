// board_icebreaker: a self-test on an iCEBreaker (Lattice iCE40 UP5K,
// 12 MHz oscillator, 5280 logic cells), pins in
// constraints/icebreaker/icebreaker.pcf. The user button (BTN_N) resets;
// button 1 of the PMOD2 board plants a fault while held. LEDs (active low
// on the board): green LEDG_N pass, red LEDR_N fail; PMOD2 LED1 heartbeat.
// UART: TX, 115200 8N1.
//
// Engine selects what runs (docs/fpga.md has both in its table):
// - 0 (default): zcomp_unit_selftest, the compress and expand units back to
//   back (no L1, no engines), N=8 EW=8 by default; the fault flips header
//   bit 0 between the units. It fits.
// - 1: zcomp_selftest, the whole engine on a block RAM L1, N=4 EW=8 with
//   16-byte lines by default; the fault flips bit 0 of the lines the L1
//   returns. It needs more logic cells than the part has, so it does not
//   fit yet; it is here to measure.
module board_icebreaker #(
  parameter int unsigned Engine    = 0,
  parameter int unsigned N         = (Engine != 0) ? 4 : 8,
  parameter int unsigned EW        = 8,
  parameter int unsigned P         = 1,
  parameter int unsigned LineBytes = 16,
  parameter int unsigned Sparsity  = 8
) (
  input  logic CLK,
  input  logic BTN_N,
  input  logic BTN1,
  output logic LEDR_N,
  output logic LEDG_N,
  output logic LED1,
  output logic TX
);
  logic rst_n, pass, fail;
  zcomp_board_reset u_rst (.clk_i(CLK), .btn_i(!BTN_N), .rst_no(rst_n));

  if (Engine != 0) begin : gen_engine
    zcomp_selftest #(
      .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .MaxOutstanding(2), .MemLines(16),
      .BlockVecs(8), .ClkHz(12_000_000), .Baud(115_200), .CntW(32)
    ) u_selftest (
      .clk_i(CLK), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(BTN1),
      .heartbeat_o(LED1), .pass_o(pass), .fail_o(fail), .uart_tx_o(TX)
    );
  end else begin : gen_units
    zcomp_unit_selftest #(
      .N(N), .EW(EW), .BlockVecs(16), .ClkHz(12_000_000), .Baud(115_200), .CntW(32)
    ) u_selftest (
      .clk_i(CLK), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(BTN1),
      .heartbeat_o(LED1), .pass_o(pass), .fail_o(fail), .uart_tx_o(TX)
    );
    if (P != 1) begin : gen_bad_p
      $error("board_icebreaker: the units-alone self-test (Engine = 0) has P = 1");
    end
  end
  assign LEDG_N = !pass;
  assign LEDR_N = !fail;
endmodule
