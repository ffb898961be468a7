// prefix_miter: ok_o is 1 when zcomp_prefix_sum built with Topology gives
// the same exclusive sums and total as the ripple reference, for the input
// bits_i. `make formal` proves ok_o == 1 for every input (Yosys sat).
// Parameters: N (lanes), Topology (zcomp_pkg::prefix_topo_e).
module prefix_miter
  import zcomp_pkg::*;
#(
  parameter int unsigned  N        = 8,
  parameter prefix_topo_e Topology = TopoSklansky,
  localparam int unsigned SumW     = $clog2(N + 1)
) (
  input  logic [N-1:0] bits_i,
  output logic         ok_o,
  output logic         bad_o   // !ok_o: the output a SAT-sweeping prover wants at 0
);
  logic [N-1:0][SumW-1:0] excl_ref, excl_dut;
  logic [SumW-1:0]        total_ref, total_dut;

  zcomp_prefix_sum #(.N(N), .Topology(TopoRipple), .Stages(0)) u_ref (
    .clk_i(1'b0), .rst_ni(1'b1), .en_i(1'b1), .bits_i, .excl_o(excl_ref), .total_o(total_ref)
  );
  zcomp_prefix_sum #(.N(N), .Topology(Topology), .Stages(0)) u_dut (
    .clk_i(1'b0), .rst_ni(1'b1), .en_i(1'b1), .bits_i, .excl_o(excl_dut), .total_o(total_dut)
  );
  assign ok_o = excl_ref == excl_dut && total_ref == total_dut;
  assign bad_o = !ok_o;
endmodule
