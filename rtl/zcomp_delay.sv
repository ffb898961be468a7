// zcomp_delay: a chain of Depth registers that advance together when en_i
// is high. Depth = 0 is a wire.
//
// Parameters:
// - Width: bits per stage.
// - Depth: number of register stages, 0 or more.
// - Reset: 1 resets every stage to 0 (use it for valid bits), and 0 leaves
//   the stages without reset (use it for datapath bits, which cost no reset
//   routing on an FPGA).
//
// Latency is Depth cycles of en_i. Throughput is one word per enabled cycle.
// Guarantees: when en_i is low, q_o holds its value.
module zcomp_delay #(
  parameter int unsigned Width = 1,
  parameter int unsigned Depth = 1,
  parameter bit          Reset = 1'b0
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic             en_i,
  input  logic [Width-1:0] d_i,
  output logic [Width-1:0] q_o
);
  if (Width == 0) begin : gen_bad_width
    $error("zcomp_delay: Width must be at least 1");
  end

  if (Depth == 0) begin : gen_wire
    // A zero-depth delay has no state, so it leaves the clock, reset and enable unused.
    logic unused_ctrl;
    assign unused_ctrl = ^{clk_i, rst_ni, en_i};
    assign q_o = d_i;
  end else begin : gen_regs
    logic [Width-1:0] stage_q[Depth];
    for (genvar s = 0; s < Depth; s++) begin : gen_stage
      logic [Width-1:0] stage_d;
      if (s == 0) begin : gen_first
        assign stage_d = d_i;
      end else begin : gen_next
        assign stage_d = stage_q[s-1];
      end
      if (Reset) begin : gen_rst
        always_ff @(posedge clk_i or negedge rst_ni) begin
          if (!rst_ni) stage_q[s] <= '0;
          else if (en_i) stage_q[s] <= stage_d;
        end
      end else begin : gen_norst
        // Datapath stage: no reset. The units gate their outputs with valid.
        logic unused_rst;
        assign unused_rst = rst_ni;
        always_ff @(posedge clk_i) begin
          if (en_i) stage_q[s] <= stage_d;
        end
      end
    end
    assign q_o = stage_q[Depth-1];
  end
endmodule
