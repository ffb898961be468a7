// zcomp_selftest: the engine on an FPGA with a self-test loop, the board-
// independent part of every board top (rtl/fpga/board_*.sv).
//
// zcomp_engine works on a block RAM L1 (zcomp_l1_bram). A loop, block after
// block:
//   1. stores BlockVecs generated vectors with ZCOMPS (chained from address
//      0; even blocks in the interleaved layout, odd blocks in the separate
//      layout with the headers at HBase), CCF "zero" (lossless);
//   2. sends a FENCE (its error code must be 0);
//   3. loads them back with ZCOMPL, chained the same way, and compares each
//      expanded vector with a second generator run from the block's seed;
//      the last load must return the pointers the last store returned;
//   4. waits for every result, adds the block to the totals, and moves the
//      seed on (xorshift32) for the next block.
// Every result with an error code, a wrong vector or wrong final pointers
// adds one to `errors`. The generator (zcomp_fmap_gen) drops sparsity_i/16
// of the elements on average. The first block's seed is Seed.
//
// Once a second a status line goes out on the UART and the LEDs show
// heartbeat, pass and fail (zcomp_status, where the line is defined): the
// totals of the blocks completed (blocks, vectors, bytes in before
// compression, bytes out written: headers and payload) and the errors.
// fault_i flips bit 0 of every line the L1 returns, to show that the check
// fails (docs/fpga.md). It may come straight from a button: it goes through
// a two-flip-flop synchronizer (zcomp_sync) first, so it acts 2 cycles late.
//
// Parameters: N, EW, P, LineBytes, MaxOutstanding (the engine); MemLines
// (the L1's lines); L1ReqSlice (the L1's request register slice,
// zcomp_l1_bram's ReqSlice: one more cycle of L1 latency for a shorter
// path into the block RAM); BlockVecs (vectors per block, a multiple of P, whose
// compressed size must fit the L1 below the header area); ClkHz, Baud;
// CntW (counter bits, a multiple of 4 from 16 to 64); Seed (not 0).
// The engine's WindowLines is the smallest legal, AddrW the fewest bits
// that address the L1 plus one (at least 16).
// Throughput: the engine's, one group of P operations per cycle within a
// phase, plus a few cycles per block for the FENCE and the phase switches.
module zcomp_selftest
  import zcomp_pkg::*;
  import zcomp_fpga_pkg::xorshift32;
#(
  parameter int unsigned N              = 16,
  parameter int unsigned EW             = 32,
  parameter int unsigned P              = 1,
  parameter int unsigned LineBytes      = 64,
  parameter int unsigned MaxOutstanding = 4,
  parameter int unsigned MemLines       = 64,
  parameter bit          L1ReqSlice     = 1'b0,
  parameter int unsigned BlockVecs      = 16,
  parameter int unsigned ClkHz          = 25_000_000,
  parameter int unsigned Baud           = 115_200,
  parameter int unsigned CntW           = 48,
  parameter logic [31:0] Seed           = 32'h2545_F491
) (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic [4:0] sparsity_i,
  input  logic       fault_i,
  output logic       heartbeat_o,
  output logic       pass_o,
  output logic       fail_o,
  output logic       uart_tx_o
);
  localparam int unsigned HB       = (N + 7) / 8;
  localparam int unsigned EB       = EW / 8;
  localparam int unsigned VecMax   = HB + N * EB;
  localparam int unsigned MemBytes = MemLines * LineBytes;
  localparam int unsigned AddrW    = ($clog2(MemBytes) + 1 > 16) ? $clog2(MemBytes) + 1 : 16;
  localparam int unsigned Span     = (VecMax + 2 * LineBytes - 2) / LineBytes;
  localparam int unsigned Window   = 1 << $clog2(Span + 1);
  localparam int unsigned HArea    = (BlockVecs * HB + LineBytes - 1) / LineBytes * LineBytes;
  localparam int unsigned HBase    = MemBytes - HArea;
  localparam int unsigned Groups   = BlockVecs / P;
  localparam int unsigned NumW     = $clog2(P + 1);
  localparam int unsigned GrpW     = $clog2(2 * Groups + 2);

  if (P != 1 && P != 2 && P != 4) begin : gen_bad_p
    $error("zcomp_selftest: P must be 1, 2 or 4");
  end
  if (BlockVecs == 0 || BlockVecs % P != 0) begin : gen_bad_block
    $error("zcomp_selftest: BlockVecs must be a positive multiple of P");
  end
  if (MemBytes < HArea || BlockVecs * VecMax > HBase) begin : gen_bad_mem
    $error("zcomp_selftest: MemLines * LineBytes must hold a block (BlockVecs * %0d bytes) and its header area (%0d bytes)",
           VecMax, HArea);
  end
  if (Seed == 0) begin : gen_bad_seed
    $error("zcomp_selftest: Seed must not be 0");
  end

  // ------------------------------------------------------------ engine and L1
  logic                        op_valid, op_ready;
  logic [NumW-1:0]             op_num;
  logic [P-1:0]                op_fence, op_load, op_sep, op_chain;
  ccf_e [P-1:0]                op_ccf;
  logic [P-1:0][EW-1:0]        op_thresh;
  logic [P-1:0][AddrW-1:0]     op_dptr, op_hptr, op_limit;
  logic [P-1:0][N-1:0][EW-1:0] op_data;
  logic                        res_valid;
  logic [NumW-1:0]             res_num;
  logic [P-1:0][AddrW-1:0]     res_dptr, res_hptr;
  logic [P-1:0][1:0]           res_err;
  logic [P-1:0][N-1:0][EW-1:0] res_data;
  logic                        req_valid, req_ready, req_write, rsp_valid, rsp_ready, rsp_error;
  logic [AddrW-1:0]            req_addr;
  logic [LineBytes*8-1:0]      req_wdata, rsp_rdata;
  logic [LineBytes-1:0]        req_wstrb;

  zcomp_engine #(
    .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .AddrW(AddrW),
    .MaxOutstanding(MaxOutstanding), .WindowLines(Window)
  ) u_engine (
    .clk_i, .rst_ni,
    .op_valid_i (op_valid),  .op_ready_o (op_ready), .op_num_i (op_num),
    .op_fence_i (op_fence),  .op_load_i  (op_load),  .op_sep_i (op_sep),
    .op_chain_i (op_chain),  .op_ccf_i   (op_ccf),   .op_thresh_i (op_thresh),
    .op_dptr_i  (op_dptr),   .op_hptr_i  (op_hptr),  .op_limit_i  (op_limit),
    .op_data_i  (op_data),
    .res_valid_o(res_valid), .res_ready_i(1'b1),     .res_num_o (res_num),
    .res_dptr_o (res_dptr),  .res_hptr_o (res_hptr), .res_err_o (res_err),
    .res_data_o (res_data),
    .req_valid_o(req_valid), .req_ready_i(req_ready), .req_addr_o(req_addr),
    .req_write_o(req_write), .req_wdata_o(req_wdata), .req_wstrb_o(req_wstrb),
    .rsp_valid_i(rsp_valid), .rsp_ready_o(rsp_ready), .rsp_rdata_i(rsp_rdata),
    .rsp_error_i(rsp_error)
  );

  // The fault input may be a button, asynchronous to the clock.
  logic fault;
  zcomp_sync u_fault_sync (.clk_i, .d_i(fault_i), .q_o(fault));

  zcomp_l1_bram #(
    .LineBytes(LineBytes), .AddrW(AddrW), .Lines(MemLines), .ReqSlice(L1ReqSlice)
  ) u_l1 (
    .clk_i, .rst_ni, .fault_i(fault),
    .req_valid_i(req_valid), .req_ready_o(req_ready), .req_addr_i(req_addr),
    .req_write_i(req_write), .req_wdata_i(req_wdata), .req_wstrb_i(req_wstrb),
    .rsp_valid_o(rsp_valid), .rsp_ready_i(rsp_ready), .rsp_rdata_o(rsp_rdata),
    .rsp_error_o(rsp_error)
  );

  // ------------------------------------------------------------ the loop
  typedef enum logic [2:0] {StInit, StStore, StFence, StLoad, StWait} state_e;
  state_e           st_q;
  logic [GrpW-1:0]  issued_q, results_q;
  logic             sep_q;
  logic [31:0]      seed_q;
  logic [AddrW-1:0] prev_d_q, prev_h_q, st_d_q, st_h_q;
  logic [CntW-1:0]  out_blk_q;
  logic [CntW-1:0]  blocks_q, vectors_q, in_q, out_q, errors_q;
  logic             gen_load, issue_step, check_step;
  logic [P*N-1:0][EW-1:0] issue_data, check_data;

  zcomp_fmap_gen #(.Lanes(P * N), .EW(EW)) u_gen_issue (
    .clk_i, .rst_ni, .load_i(gen_load), .seed_i(seed_q), .step_i(issue_step),
    .sparsity_i, .data_o(issue_data)
  );
  zcomp_fmap_gen #(.Lanes(P * N), .EW(EW)) u_gen_check (
    .clk_i, .rst_ni, .load_i(gen_load), .seed_i(seed_q), .step_i(check_step),
    .sparsity_i, .data_o(check_data)
  );

  logic op_take;
  assign gen_load = st_q == StInit;
  assign op_valid = st_q == StStore || st_q == StFence || st_q == StLoad;
  assign op_take  = op_valid && op_ready;
  assign op_num   = (st_q == StFence) ? NumW'(1) : NumW'(P);
  assign op_data  = issue_data;
  always_comb begin
    for (int unsigned k = 0; k < P; k++) begin
      op_fence[k]  = (st_q == StFence) && k == 0;
      op_load[k]   = st_q == StLoad;
      op_sep[k]    = sep_q;
      op_chain[k]  = k != 0 || st_q == StFence || issued_q != '0;
      op_ccf[k]    = CcfZero;
      op_thresh[k] = '0;
      op_dptr[k]   = '0;
      op_hptr[k]   = sep_q ? AddrW'(HBase) : '0;
      op_limit[k]  = AddrW'(MemBytes);
    end
  end
  assign issue_step = op_take && st_q == StStore;

  // Which result this is: stores 0..Groups-1, the FENCE, then the loads.
  logic is_store, is_fence, is_load, last_load, bad;
  logic [AddrW-1:0] grow_d, grow_h;   // bytes a store group wrote at D and at H
  assign grow_d = res_dptr[P-1] - prev_d_q;
  assign grow_h = res_hptr[P-1] - prev_h_q;
  assign is_store   = res_valid && results_q < GrpW'(Groups);
  assign is_fence   = res_valid && results_q == GrpW'(Groups);
  assign is_load    = res_valid && results_q > GrpW'(Groups);
  assign last_load  = is_load && results_q == GrpW'(2 * Groups);
  assign check_step = is_load;
  always_comb begin
    bad = 1'b0;
    for (int unsigned k = 0; k < P; k++) begin
      if ((is_store || is_load) && res_err[k] != 2'd0) bad = 1'b1;
      if (is_load && res_data[k] != check_data[k*N +: N]) bad = 1'b1;
    end
    if (is_fence && res_err[0] != 2'd0) bad = 1'b1;
    if (last_load && (res_dptr[P-1] != st_d_q || res_hptr[P-1] != st_h_q)) bad = 1'b1;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      st_q      <= StInit;
      issued_q  <= '0;
      results_q <= '0;
      sep_q     <= 1'b0;
      seed_q    <= Seed;
      prev_d_q  <= '0;
      prev_h_q  <= '0;
      st_d_q    <= '0;
      st_h_q    <= '0;
      out_blk_q <= '0;
      blocks_q  <= '0;
      vectors_q <= '0;
      in_q      <= '0;
      out_q     <= '0;
      errors_q  <= '0;
    end else begin
      unique case (st_q)
        StInit: begin
          st_q      <= StStore;
          issued_q  <= '0;
          results_q <= '0;
          prev_d_q  <= '0;
          prev_h_q  <= sep_q ? AddrW'(HBase) : '0;
          out_blk_q <= '0;
        end
        StStore, StLoad: if (op_take) begin
          issued_q <= issued_q + 1'b1;
          if (issued_q == GrpW'(Groups - 1)) begin
            issued_q <= '0;
            st_q     <= (st_q == StStore) ? StFence : StWait;
          end
        end
        StFence: if (op_take) st_q <= StLoad;
        StWait: if (results_q == GrpW'(2 * Groups + 1)) begin
          st_q      <= StInit;
          sep_q     <= !sep_q;
          seed_q    <= xorshift32(seed_q);
          blocks_q  <= blocks_q + 1'b1;
          vectors_q <= vectors_q + CntW'(BlockVecs);
          in_q      <= in_q + CntW'(BlockVecs * N * EB);
          out_q     <= out_q + out_blk_q;
        end
        default: st_q <= StInit;
      endcase
      if (res_valid) results_q <= results_q + 1'b1;
      if (is_store) begin
        out_blk_q <= out_blk_q + CntW'(grow_d) + CntW'(grow_h);
        prev_d_q  <= res_dptr[P-1];
        prev_h_q  <= res_hptr[P-1];
        st_d_q    <= res_dptr[P-1];
        st_h_q    <= res_hptr[P-1];
      end
      if (bad && errors_q != '1) errors_q <= errors_q + 1'b1;
    end
  end

  // The result fields not checked: the count (always the count sent) and
  // the pointers of slots before the last (the next slot chains from them).
  logic unused_res;
  assign unused_res = ^res_num;

  // ------------------------------------------------------------ status
  zcomp_status #(.ClkHz(ClkHz), .Baud(Baud), .CntW(CntW)) u_status (
    .clk_i, .rst_ni, .blocks_i(blocks_q), .vectors_i(vectors_q), .in_i(in_q), .out_i(out_q),
    .errors_i(errors_q), .heartbeat_o, .pass_o, .fail_o, .uart_tx_o
  );
endmodule
