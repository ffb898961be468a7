// zcomp_board_reset: the reset of a board top. It holds rst_no low for the
// first 16 cycles after configuration and while btn_i (already made active
// high by the board top) is pressed, and releases it synchronously.
// Latency: release 3 cycles after the button is let go (two synchronizer
// flip-flops and the output register). Guarantees: rst_no falls
// asynchronously with the button, rises only on a clock edge. The power-on
// count needs flip-flops that start at 0 after configuration, which ECP5,
// iCE40, Gowin and Xilinx parts all do.
module zcomp_board_reset (
  input  logic clk_i,
  input  logic btn_i,
  output logic rst_no
);
  logic [4:0] por_q  = '0;
  logic [1:0] sync_q = '0;
  always_ff @(posedge clk_i) begin
    if (!por_q[4]) por_q <= por_q + 1'b1;
  end
  always_ff @(posedge clk_i or posedge btn_i) begin
    if (btn_i) sync_q <= '0;
    else       sync_q <= {sync_q[0], por_q[4]};
  end
  assign rst_no = sync_q[1];
endmodule
