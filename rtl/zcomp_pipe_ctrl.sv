// zcomp_pipe_ctrl: valid/ready control of a stall pipeline of Latency
// register stages in which every stage advances together.
//
// Parameters:
// - Latency: register stages between the input and output handshakes.
//
// Behaviour:
// - Latency = 0: valid_o = valid_i and ready_o = ready_i, with no state.
// - Latency > 0: the pipeline advances (en_o = 1) when the output stage
//   is empty or the consumer takes its word (ready_i). ready_o = en_o.
//   A vector accepted on cycle t comes out Latency advancing cycles later.
// Throughput: one vector per cycle while ready_i stays high.
// Guarantees: valid_o is 0 after reset. A word is never lost or duplicated,
// because a stage is overwritten only when the next stage takes it.
// ready_o depends combinationally on ready_i (one gate).
module zcomp_pipe_ctrl #(
  parameter int unsigned Latency = 1
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic valid_i,
  output logic ready_o,
  output logic valid_o,
  input  logic ready_i,
  output logic en_o
);
  zcomp_delay #(
    .Width(1),
    .Depth(Latency),
    .Reset(1'b1)
  ) u_valid (
    .clk_i (clk_i),
    .rst_ni(rst_ni),
    .en_i  (en_o),
    .d_i   (valid_i),
    .q_o   (valid_o)
  );

  if (Latency == 0) begin : gen_comb
    assign en_o = ready_i;
  end else begin : gen_stall
    assign en_o = ready_i | ~valid_o;
  end
  assign ready_o = en_o;
endmodule
