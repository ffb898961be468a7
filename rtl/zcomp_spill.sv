// zcomp_spill: a register slice for a valid/ready stream that cuts every
// combinational path through it, in both directions: valid_o and data_o come
// from a register, and ready_o comes from a register, so the producer's
// handshake never waits for the consumer's ready in the same cycle.
//
// Parameters:
// - Width: bits of data_i / data_o.
// - Bypass: 1 passes everything through with no state (valid_o = valid_i,
//   data_o = data_i, ready_o = ready_i), so that a user can take the slice
//   out with a parameter.
//
// Behaviour (Bypass = 0): two entries, the output entry and a side entry.
// ready_o is 1 while the side entry is empty. A word taken on cycle t is
// offered from cycle t+1 on. When the consumer stalls, the output entry
// holds its word and the next word taken goes to the side entry; when the
// output entry's word is taken, the side entry's word moves up.
// Latency: 1 cycle. Throughput: one word per cycle while ready_i stays high
// (the side entry lets the producer's word of the stall cycle in).
// Guarantees: valid_o is 0 after reset; words leave in the order they came,
// none lost or duplicated; data_o is stable while valid_o && !ready_i.
module zcomp_spill #(
  parameter int unsigned Width  = 8,
  parameter bit          Bypass = 1'b0
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic             valid_i,
  output logic             ready_o,
  input  logic [Width-1:0] data_i,
  output logic             valid_o,
  input  logic             ready_i,
  output logic [Width-1:0] data_o
);
  if (Width < 1) begin : gen_bad_width
    $error("zcomp_spill: Width must be at least 1");
  end

  if (Bypass) begin : gen_bypass
    assign valid_o = valid_i;
    assign ready_o = ready_i;
    assign data_o  = data_i;
    // A bypassed slice has no registers.
    logic unused_clk;
    assign unused_clk = ^{clk_i, rst_ni};
  end else begin : gen_slice
    logic             out_valid_q, side_valid_q;
    logic [Width-1:0] out_q, side_q;
    logic             take_in, take_out, out_free;
    assign ready_o  = !side_valid_q;
    assign take_in  = valid_i && !side_valid_q;
    assign take_out = out_valid_q && ready_i;
    assign out_free = !out_valid_q || take_out;   // the output entry can be written

    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        out_valid_q  <= 1'b0;
        side_valid_q <= 1'b0;
      end else begin
        // The side entry empties into the output entry before a new word.
        if (out_free) out_valid_q <= side_valid_q || take_in;
        side_valid_q <= (side_valid_q || take_in) && !out_free;
      end
    end

    // Data registers: no reset needed (their valid bits are reset).
    always_ff @(posedge clk_i) begin
      if (out_free) out_q <= side_valid_q ? side_q : data_i;
      if (take_in && !out_free) side_q <= data_i;
    end

    assign valid_o = out_valid_q;
    assign data_o  = out_q;
  end
endmodule
