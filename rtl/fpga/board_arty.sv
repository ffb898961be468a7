// board_arty: the self-test on a Digilent Arty A7-35T (Xilinx
// XC7A35T-1CSG324C, 100 MHz oscillator), pins and clock in
// constraints/arty/arty.xdc. There is no open place and route for Xilinx
// parts here: make fpga BOARD=arty gives a Yosys synth_xilinx area estimate
// only (docs/fpga.md). The RESET button (ck_rst, active low) resets, btn[0]
// plants a fault while held. LEDs: led[0] heartbeat, led[1] pass, led[2]
// fail. UART: uart_rxd_out (the FPGA's transmit line), 115200 8N1.
module board_arty #(
  parameter int unsigned N        = 16,
  parameter int unsigned EW       = 32,
  parameter int unsigned P        = 1,
  parameter int unsigned Sparsity = 8
) (
  input  logic       CLK100MHZ,
  input  logic       ck_rst,
  input  logic [3:0] btn,
  output logic [3:0] led,
  output logic       uart_rxd_out
);
  logic rst_n;
  zcomp_board_reset u_rst (.clk_i(CLK100MHZ), .btn_i(!ck_rst), .rst_no(rst_n));

  zcomp_selftest #(
    .N(N), .EW(EW), .P(P), .LineBytes(64), .MemLines(64), .BlockVecs(16),
    .ClkHz(100_000_000), .Baud(115_200)
  ) u_selftest (
    .clk_i(CLK100MHZ), .rst_ni(rst_n), .sparsity_i(5'(Sparsity)), .fault_i(btn[0]),
    .heartbeat_o(led[0]), .pass_o(led[1]), .fail_o(led[2]), .uart_tx_o(uart_rxd_out)
  );
  assign led[3] = 1'b0;

  logic unused_btn;
  assign unused_btn = ^btn[3:1];
endmodule
