// zcomp_l1_bram: an L1 port slave (docs/l1-interface.md) on one block RAM,
// one line wide, for FPGA prototypes and the self-test top.
//
// Parameters:
// - LineBytes, AddrW: the L1 port (as the engines).
// - Lines: the RAM's depth in lines (a power of two, at least 2). It holds
//   bytes 0 .. Lines*LineBytes-1; an access at or above that gets a response
//   with rsp_error_o set and changes nothing.
//
// - ReqSlice: 1 puts a register slice (zcomp_spill: two flip-flops and a
//   multiplexer per request bit) on the request channel, so the requester's
//   logic ends at flip-flops, not at the block RAM's address and enable
//   pins; 0 (default) leaves it out. docs/fpga.md: what it did on the ULX3S.
//
// Latency: the response is offered on the cycle after the request reaches
// the RAM, the block RAM's registered read: 1 cycle after the request is
// taken with ReqSlice = 0 (the earliest the port allows), 2 with the slice.
// Throughput: one request per cycle while responses are taken; a stalled
// response holds the RAM's request side (it takes a request only while
// !rsp_valid_o || rsp_ready_i), so at most one response waits, at most two
// requests wait in the slice, and none is lost.
// Guarantees: every request gets exactly one response, in order; a write
// changes exactly the bytes whose strobe is set; the RAM itself has no
// reset (block RAM cannot be cleared in one cycle), so a line never written
// reads back unknown data. fault_i flips bit 0 of every read's data while
// it is high: the self-test uses it to prove that its checker fails.
module zcomp_l1_bram #(
  parameter int unsigned LineBytes = 64,
  parameter int unsigned AddrW     = 32,
  parameter int unsigned Lines     = 64,
  parameter bit          ReqSlice  = 1'b0
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  input  logic                   fault_i,
  input  logic                   req_valid_i,
  output logic                   req_ready_o,
  input  logic [AddrW-1:0]       req_addr_i,
  input  logic                   req_write_i,
  input  logic [LineBytes*8-1:0] req_wdata_i,
  input  logic [LineBytes-1:0]   req_wstrb_i,
  output logic                   rsp_valid_o,
  input  logic                   rsp_ready_i,
  output logic [LineBytes*8-1:0] rsp_rdata_o,
  output logic                   rsp_error_o
);
  localparam int unsigned OffW = $clog2(LineBytes);
  localparam int unsigned IdxW = $clog2(Lines);

  if (LineBytes < 16 || LineBytes > 256 || (LineBytes & (LineBytes - 1)) != 0) begin : gen_bad_line
    $error("zcomp_l1_bram: LineBytes must be a power of two from 16 to 256");
  end
  if (Lines < 2 || (Lines & (Lines - 1)) != 0) begin : gen_bad_lines
    $error("zcomp_l1_bram: Lines must be a power of two of at least 2");
  end
  if (AddrW < OffW + IdxW + 1 || AddrW > 64) begin : gen_bad_addr
    $error("zcomp_l1_bram: AddrW must be more than log2(Lines * LineBytes) bits, at most 64");
  end

  // The request as the RAM sees it: through the slice, or straight.
  localparam int unsigned ReqW = AddrW + 1 + LineBytes * 9;
  logic                   m_valid, m_ready, m_write;
  logic [AddrW-1:0]       m_addr;
  logic [LineBytes*8-1:0] m_wdata;
  logic [LineBytes-1:0]   m_wstrb;
  zcomp_spill #(.Width(ReqW), .Bypass(!ReqSlice)) u_req_slice (
    .clk_i, .rst_ni,
    .valid_i(req_valid_i), .ready_o(req_ready_o),
    .data_i ({req_addr_i, req_write_i, req_wdata_i, req_wstrb_i}),
    .valid_o(m_valid), .ready_i(m_ready),
    .data_o ({m_addr, m_write, m_wdata, m_wstrb})
  );

  logic                   take, in_range;
  logic [IdxW-1:0]        idx;
  logic                   valid_q, error_q;
  logic [LineBytes*8-1:0] rdata_q;
  logic [LineBytes*8-1:0] mem_q [Lines];

  assign m_ready  = !valid_q || rsp_ready_i;
  assign take     = m_valid && m_ready;
  assign idx      = m_addr[OffW +: IdxW];
  assign in_range = (m_addr >> (OffW + IdxW)) == '0;

  // The RAM: written byte by byte, read registered (no reset: block RAM).
  always_ff @(posedge clk_i) begin
    if (take && in_range && m_write) begin
      for (int unsigned b = 0; b < LineBytes; b++) begin
        if (m_wstrb[b]) mem_q[idx][8*b +: 8] <= m_wdata[8*b +: 8];
      end
    end
    if (take && in_range && !m_write) rdata_q <= mem_q[idx];
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= 1'b0;
      error_q <= 1'b0;
    end else if (m_ready) begin
      valid_q <= take;
      error_q <= take && !in_range;
    end
  end

  assign rsp_valid_o = valid_q;
  assign rsp_error_o = valid_q && error_q;
  assign rsp_rdata_o = valid_q ? (rdata_q ^ (LineBytes * 8)'(fault_i)) : '0;
endmodule
