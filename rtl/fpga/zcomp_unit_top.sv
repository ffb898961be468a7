// zcomp_unit_top: one compress or expand unit between registers, for the
// FPGA report's variant table (prefix-sum topology, compaction network).
// A bare unit has more inputs and outputs than a package has pins, so the
// inputs come from a shift register fed by one pin (din_i), and the outputs
// are registered and XOR-reduced to one pin (dout_o). Every path the report
// times runs from a register to a register through the unit.
//
// Parameters: N, EW, Topology, Network (as the units), Unit (0 compress,
// 1 expand), Stages (registers inside the prefix sum: the unit's
// PrefixStages). Latency and throughput: those of the unit plus one input
// and one output register; not a functional block, only for area and Fmax.
module zcomp_unit_top
  import zcomp_pkg::*;
#(
  parameter int unsigned  N        = 16,
  parameter int unsigned  EW       = 32,
  parameter prefix_topo_e Topology = TopoSklansky,
  parameter compact_net_e Network  = NetMux,
  parameter int unsigned  Unit     = 0,
  parameter int unsigned  Stages   = 0
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic din_i,
  output logic dout_o
);
  localparam int unsigned InBits = N * EW + N + EW + 2;
  logic [InBits-1:0]    in_q;
  logic [N-1:0][EW-1:0] data;
  logic [N-1:0]         mask;
  logic [EW-1:0]        thresh;
  ccf_e                 ccf;
  assign {data, mask, thresh, ccf} = in_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) in_q <= '0;
    else         in_q <= {in_q[InBits-2:0], din_i};
  end

  logic [N*EW+N+8-1:0] result;
  logic                out_q;
  if (Unit == 0) begin : gen_compress
    logic [N-1:0]          keep;
    logic [$clog2(N+1)-1:0] count;
    logic [N-1:0][EW-1:0]  payload;
    logic                  vo, ro;
    zcomp_compress #(
      .N(N), .EW(EW), .Topology(Topology), .Network(Network),
      .InReg(0), .PrefixStages(Stages), .OutReg(1)
    ) u_unit (
      .clk_i, .rst_ni, .valid_i(1'b1), .ready_o(ro), .data_i(data), .ccf_i(ccf),
      .thresh_i(thresh), .valid_o(vo), .ready_i(1'b1), .keep_o(keep), .count_o(count),
      .payload_o(payload)
    );
    assign result = {payload, keep ^ mask, 8'(count) ^ {6'd0, vo, ro}};
  end else begin : gen_expand
    logic [N-1:0][EW-1:0] lanes;
    logic                 vo, ro;
    zcomp_expand #(
      .N(N), .EW(EW), .Topology(Topology), .Network(Network),
      .InReg(0), .PrefixStages(Stages), .OutReg(1)
    ) u_unit (
      .clk_i, .rst_ni, .valid_i(1'b1), .ready_o(ro), .keep_i(mask), .payload_i(data),
      .valid_o(vo), .ready_i(1'b1), .data_o(lanes)
    );
    assign result = {lanes, mask ^ N'(ccf), 6'd0, vo ^ (^thresh), ro};
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) out_q <= 1'b0;
    else         out_q <= ^result;
  end
  assign dout_o = out_q;
endmodule
