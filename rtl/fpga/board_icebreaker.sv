// board_icebreaker: the self-test on an iCEBreaker (Lattice iCE40 UP5K,
// 12 MHz oscillator), pins in constraints/icebreaker/icebreaker.pcf.
// The UP5K has 5280 logic cells, so the configuration is small: N=4, EW=8,
// 16-byte lines. The user button (BTN_N) resets; button 1 of the PMOD2
// board plants a fault while held. LEDs (active low on the board): green
// LEDG_N pass, red LEDR_N fail; PMOD2 LED1 heartbeat. UART: TX, 115200 8N1.
module board_icebreaker #(
  parameter int unsigned N        = 4,
  parameter int unsigned EW       = 8,
  parameter int unsigned P        = 1,
  parameter int unsigned Sparsity = 8
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

  zcomp_selftest #(
    .N(N), .EW(EW), .P(P), .LineBytes(16), .MaxOutstanding(2), .MemLines(16),
    .BlockVecs(8), .ClkHz(12_000_000), .Baud(115_200), .CntW(32)
  ) u_selftest (
    .clk_i(CLK), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(BTN1),
    .heartbeat_o(LED1), .pass_o(pass), .fail_o(fail), .uart_tx_o(TX)
  );
  assign LEDG_N = !pass;
  assign LEDR_N = !fail;
endmodule
