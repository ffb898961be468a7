// zcomp_sync: a two-flip-flop synchronizer for a slow asynchronous input
// (a board button or switch) into the clock domain of clk_i.
//
// Parameters: Width, the number of independent bits (each synchronized on
// its own; use it only for bits that need not change together).
// Latency: 2 cycles. Throughput: any input that stays for 2 cycles or more
// is seen. Guarantees: q_o comes from a flip-flop whose input is a
// flip-flop of this clock, so a metastable first stage has a full cycle to
// settle before anything else sees it. The flip-flops start at 0 after
// configuration (ECP5, iCE40, Gowin and Xilinx parts all do); there is no
// reset, so it works before and during the board's reset.
module zcomp_sync #(
  parameter int unsigned Width = 1
) (
  input  logic             clk_i,
  input  logic [Width-1:0] d_i,
  output logic [Width-1:0] q_o
);
  logic [Width-1:0] meta_q = '0, sync_q = '0;
  always_ff @(posedge clk_i) begin
    meta_q <= d_i;
    sync_q <= meta_q;
  end
  assign q_o = sync_q;
endmodule
