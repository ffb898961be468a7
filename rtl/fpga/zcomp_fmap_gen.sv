// zcomp_fmap_gen: a pseudo-random sparse feature-map generator for the
// self-test. Lanes lanes of EW bits, one vector per step.
//
// Each lane l runs its own xorshift32 generator (x ^= x << 13; x ^= x >> 17;
// x ^= x << 5). load_i seeds it from a 32-bit seed:
//   s = seed ^ (0x9E3779B9 * (l + 1)) (mod 2^32), s = 1 when that is 0,
//   state = xorshift32(s).
// The lane's element is the state's low EW bits, or 0 when the state's top
// four bits, read as 0..15, are below sparsity_i (so sparsity_i / 16 of the
// elements are zero on average; 0 keeps every element, 16 drops all).
// step_i moves every lane to xorshift32(state). The same definition is
// written out in docs/fpga.md, and the C++ test of the self-test top
// follows it.
//
// Parameters: Lanes (at least 1), EW (8, 16, 32).
// Latency: data_o is combinational from the state; load_i and step_i act at
// the clock edge (load_i wins). Throughput: one vector per cycle.
// Guarantees: a lane's state is never 0 (xorshift32 keeps a nonzero state
// nonzero), so no lane gets stuck.
module zcomp_fmap_gen
  import zcomp_fpga_pkg::xorshift32;
#(
  parameter int unsigned Lanes = 16,
  parameter int unsigned EW    = 32
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  input  logic                     load_i,
  input  logic [31:0]              seed_i,
  input  logic                     step_i,
  input  logic [4:0]               sparsity_i,
  output logic [Lanes-1:0][EW-1:0] data_o
);
  if (EW != 8 && EW != 16 && EW != 32) begin : gen_bad_ew
    $error("zcomp_fmap_gen: EW must be 8, 16 or 32");
  end
  if (Lanes < 1) begin : gen_bad_lanes
    $error("zcomp_fmap_gen: Lanes must be at least 1");
  end

  for (genvar l = 0; l < Lanes; l++) begin : gen_lane
    localparam logic [31:0] Mix = 32'(64'h9E3779B9 * (l + 1));
    logic [31:0] state_q, mixed;
    assign mixed = ((seed_i ^ Mix) == '0) ? 32'd1 : (seed_i ^ Mix);

    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        state_q <= 32'd1;
      end else if (load_i) begin
        state_q <= xorshift32(mixed);
      end else if (step_i) begin
        state_q <= xorshift32(state_q);
      end
    end

    assign data_o[l] = ({1'b0, state_q[31:28]} < sparsity_i) ? '0 : state_q[EW-1:0];
  end
endmodule
