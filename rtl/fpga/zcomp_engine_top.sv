// zcomp_engine_top: one engine between registers, for measuring an engine's
// own area and Fmax on an FPGA (make fpga ... TOP_OVERRIDE=zcomp_engine_top,
// docs/fpga.md), apart from the self-test around it. As in zcomp_unit_top,
// every input comes from a shift register fed by one pin (din_i). Every
// output is registered, and then XOR-reduced to one pin (dout_o) in two more
// register stages, so every path timed runs from a register to a register
// through the engine and none through the reduction (until 2026-12-08 the
// reduction came before the one output register, and at 64e4b52 the store
// engine's path ran through it).
//
// Parameters: Engine (0 zcomp_store_engine, 1 zcomp_load_engine, 2
// zcomp_engine, the three as the self-test uses them), N, EW, P, LineBytes,
// AddrW, MaxOutstanding, WindowLines, CompStages (as the engines; CompStages
// is the store engine's, for Engine 0 and 2). The defaults are the
// ULX3S self-test's engine (N=16 EW=32 P=1, 64-byte lines, AddrW 16, 4
// reads or writes in flight, 4-line windows).
// Latency and throughput: not a functional block, only for area and Fmax.
module zcomp_engine_top
  import zcomp_pkg::*;
#(
  parameter int unsigned  Engine         = 2,
  parameter int unsigned  N              = 16,
  parameter int unsigned  EW             = 32,
  parameter int unsigned  P              = 1,
  parameter int unsigned  LineBytes      = 64,
  parameter int unsigned  AddrW          = 16,
  parameter int unsigned  MaxOutstanding = 4,
  parameter int unsigned  WindowLines    = 4,
  parameter int unsigned  CompStages     = 0,
  localparam int unsigned NumW           = $clog2(P + 1)
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic din_i,
  output logic dout_o
);
  if (Engine > 2) begin : gen_bad_engine
    $error("zcomp_engine_top: Engine must be 0 (store), 1 (load) or 2 (both)");
  end

  typedef struct packed {
    logic                        flush, op_valid, res_ready, req_ready, rsp_valid, rsp_error;
    logic [NumW-1:0]             num;
    logic [P-1:0]                fence, load, sep, chain;
    ccf_e [P-1:0]                ccf;
    logic [P-1:0][EW-1:0]        thresh;
    logic [P-1:0][AddrW-1:0]     dptr, hptr, limit;
    logic [P-1:0][N-1:0][EW-1:0] data;
    logic [LineBytes*8-1:0]      rdata;
  } in_t;
  localparam int unsigned InBits = $bits(in_t);

  logic [InBits-1:0] in_q;
  in_t               in;
  assign in = in_t'(in_q);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) in_q <= '0;
    else         in_q <= {in_q[InBits-2:0], din_i};
  end

  // Every output of the engine, XOR-reduced below.
  logic                        op_ready, res_valid, req_valid, req_write, rsp_ready, idle;
  logic [NumW-1:0]             res_num;
  logic [P-1:0][AddrW-1:0]     res_dptr, res_hptr;
  logic [P-1:0][1:0]           res_err;
  logic [P-1:0][N-1:0][EW-1:0] res_data;
  logic [AddrW-1:0]            req_addr;
  logic [LineBytes*8-1:0]      req_wdata;
  logic [LineBytes-1:0]        req_wstrb;

  if (Engine == 0) begin : gen_store
    zcomp_store_engine #(
      .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .AddrW(AddrW),
      .MaxOutstanding(MaxOutstanding), .CompStages(CompStages)
    ) u_engine (
      .clk_i, .rst_ni,
      .op_valid_i(in.op_valid), .op_ready_o(op_ready), .op_num_i(in.num),
      .op_fence_i(in.fence), .op_sep_i(in.sep), .op_chain_i(in.chain), .op_ccf_i(in.ccf),
      .op_thresh_i(in.thresh), .op_dptr_i(in.dptr), .op_hptr_i(in.hptr),
      .op_limit_i(in.limit), .op_data_i(in.data),
      .res_valid_o(res_valid), .res_ready_i(in.res_ready), .res_num_o(res_num),
      .res_dptr_o(res_dptr), .res_hptr_o(res_hptr), .res_err_o(res_err),
      .req_valid_o(req_valid), .req_ready_i(in.req_ready), .req_addr_o(req_addr),
      .req_write_o(req_write), .req_wdata_o(req_wdata), .req_wstrb_o(req_wstrb),
      .rsp_valid_i(in.rsp_valid), .rsp_ready_o(rsp_ready), .rsp_rdata_i(in.rdata),
      .rsp_error_i(in.rsp_error)
    );
    // The store engine has no flush, no kind and no vector out: those bits
    // go to the output in place of idle_o.
    assign res_data = '0;
    assign idle     = ^{in.flush, in.load};
  end else if (Engine == 1) begin : gen_load
    zcomp_load_engine #(
      .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .AddrW(AddrW),
      .MaxOutstanding(MaxOutstanding), .WindowLines(WindowLines)
    ) u_engine (
      .clk_i, .rst_ni, .flush_i(in.flush), .idle_o(idle),
      .op_valid_i(in.op_valid), .op_ready_o(op_ready), .op_num_i(in.num),
      .op_fence_i(in.fence), .op_sep_i(in.sep), .op_chain_i(in.chain),
      .op_dptr_i(in.dptr), .op_hptr_i(in.hptr), .op_limit_i(in.limit),
      .res_valid_o(res_valid), .res_ready_i(in.res_ready), .res_num_o(res_num),
      .res_dptr_o(res_dptr), .res_hptr_o(res_hptr), .res_err_o(res_err),
      .res_data_o(res_data),
      .req_valid_o(req_valid), .req_ready_i(in.req_ready), .req_addr_o(req_addr),
      .req_write_o(req_write), .req_wdata_o(req_wdata), .req_wstrb_o(req_wstrb),
      .rsp_valid_i(in.rsp_valid), .rsp_ready_o(rsp_ready), .rsp_rdata_i(in.rdata),
      .rsp_error_i(in.rsp_error)
    );
    // The load engine takes no CCF, threshold or data.
    logic unused_in;
    assign unused_in = ^{in.load, in.ccf, in.thresh, in.data};
  end else begin : gen_both
    zcomp_engine #(
      .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .AddrW(AddrW),
      .MaxOutstanding(MaxOutstanding), .WindowLines(WindowLines), .CompStages(CompStages)
    ) u_engine (
      .clk_i, .rst_ni,
      .op_valid_i(in.op_valid), .op_ready_o(op_ready), .op_num_i(in.num),
      .op_fence_i(in.fence), .op_load_i(in.load), .op_sep_i(in.sep), .op_chain_i(in.chain),
      .op_ccf_i(in.ccf), .op_thresh_i(in.thresh), .op_dptr_i(in.dptr), .op_hptr_i(in.hptr),
      .op_limit_i(in.limit), .op_data_i(in.data),
      .res_valid_o(res_valid), .res_ready_i(in.res_ready), .res_num_o(res_num),
      .res_dptr_o(res_dptr), .res_hptr_o(res_hptr), .res_err_o(res_err),
      .res_data_o(res_data),
      .req_valid_o(req_valid), .req_ready_i(in.req_ready), .req_addr_o(req_addr),
      .req_write_o(req_write), .req_wdata_o(req_wdata), .req_wstrb_o(req_wstrb),
      .rsp_valid_i(in.rsp_valid), .rsp_ready_o(rsp_ready), .rsp_rdata_i(in.rdata),
      .rsp_error_i(in.rsp_error)
    );
    assign idle = in.flush;  // zcomp_engine drives the load engine's flush itself
  end

  // Every output bit is registered as it leaves the engine, and the XOR
  // tree is pipelined behind those registers (groups of OutGroup bits, then
  // the groups), so that no path timed here runs through the reduction.
  localparam int unsigned OutBits  = $bits({op_ready, res_valid, req_valid, req_write, rsp_ready,
                                            idle, res_num, res_dptr, res_hptr, res_err, res_data,
                                            req_addr, req_wdata, req_wstrb});
  localparam int unsigned OutGroup = 16;
  localparam int unsigned Groups   = (OutBits + OutGroup - 1) / OutGroup;
  logic [Groups*OutGroup-1:0] outs_q;
  logic [Groups-1:0]          groups_q;
  logic                       out_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      outs_q   <= '0;
      groups_q <= '0;
      out_q    <= 1'b0;
    end else begin
      outs_q <= (Groups * OutGroup)'({op_ready, res_valid, req_valid, req_write, rsp_ready, idle,
                                      res_num, res_dptr, res_hptr, res_err, res_data, req_addr,
                                      req_wdata, req_wstrb});
      for (int unsigned g = 0; g < Groups; g++) groups_q[g] <= ^outs_q[g*OutGroup+:OutGroup];
      out_q <= ^groups_q;
    end
  end
  assign dout_o = out_q;
endmodule
