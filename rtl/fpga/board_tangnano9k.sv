// board_tangnano9k: the self-test on a Sipeed Tang Nano 9K (Gowin
// GW1NR-LV9QN88PC6/I5, 27 MHz oscillator), pins in
// constraints/tangnano9k/tangnano9k.cst. A smaller configuration than the
// ULX3S (8640 LUT4): N=8, EW=8, 32-byte lines. Button S1 resets, S2 plants a
// fault while held (both active low). LEDs (active low): led[0] heartbeat,
// led[1] pass, led[2] fail, the rest off. UART: uart_tx, 115200 8N1.
module board_tangnano9k #(
  parameter int unsigned N        = 8,
  parameter int unsigned EW       = 8,
  parameter int unsigned P        = 1,
  parameter int unsigned Sparsity = 8
) (
  input  logic       clk,
  input  logic       btn_s1,
  input  logic       btn_s2,
  output logic [5:0] led,
  output logic       uart_tx
);
  logic rst_n, heartbeat, pass, fail;
  zcomp_board_reset u_rst (.clk_i(clk), .btn_i(!btn_s1), .rst_no(rst_n));

  zcomp_selftest #(
    .N(N), .EW(EW), .P(P), .LineBytes(32), .MaxOutstanding(2), .MemLines(16),
    .BlockVecs(8), .ClkHz(27_000_000), .Baud(115_200), .CntW(32)
  ) u_selftest (
    .clk_i(clk), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(!btn_s2),
    .heartbeat_o(heartbeat), .pass_o(pass), .fail_o(fail), .uart_tx_o(uart_tx)
  );
  assign led = ~{3'b000, fail, pass, heartbeat};
endmodule
