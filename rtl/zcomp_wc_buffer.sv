// zcomp_wc_buffer: write-combining buffer. It turns a sequence of byte runs
// (any address, any length up to RunBytes) into line-aligned L1 writes. A
// line that the runs fill completely is written once with every strobe
// set. A partial line at either end of a contiguous stretch is written once,
// with exactly the strobes of the bytes the runs carried. No other byte is
// ever written. The cycle-by-cycle rules are in docs/l1-interface.md
// ("Write combining"), and the C++ model (verif/model/wc_model.hpp) follows
// them.
//
// Parameters:
// - LineBytes: bytes per L1 line (a power of two, 16 to 256).
// - AddrW: bits of a byte address (16 to 64).
// - RunBytes: largest run taken per handshake (1 to 1024).
// - CapBytes (derived): buffer size, 2*LineBytes + RunBytes rounded up to
//   whole lines.
//
// Latency: a run that completes a line is offered on req_* in the next
// cycle. A partial line waits for a flush (flush_i, or a run that is not
// contiguous). Throughput: one run and one line per cycle. While each run
// brings at most LineBytes bytes per cycle on average, the buffer never
// stalls the runs unless req_ready_i is low.
// run_en_i lets a user with several consumers offer a run (so that a run
// that is not contiguous starts the flush) without letting it be taken
// until every consumer is ready; tie it to 1 otherwise.
// Guarantees: req_wstrb_o is never all zero on a request; bytes without a
// strobe are driven as 0; every req_* output is 0 while req_valid_o is 0;
// run_ready_o depends on the run's address and length, never on its valid.
module zcomp_wc_buffer #(
  parameter int unsigned  LineBytes = 64,
  parameter int unsigned  AddrW     = 32,
  parameter int unsigned  RunBytes  = 66,
  localparam int unsigned CapBytes  = ((2 * LineBytes + RunBytes + LineBytes - 1) / LineBytes)
                                      * LineBytes,
  localparam int unsigned LenW      = $clog2(RunBytes + 1)
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  // Runs of bytes
  input  logic                     run_valid_i,
  input  logic                     run_en_i,     // 0: offer only, do not take yet
  output logic                     run_ready_o,
  input  logic [AddrW-1:0]         run_addr_i,
  input  logic [LenW-1:0]          run_len_i,
  input  logic [RunBytes*8-1:0]    run_data_i,   // byte k at bits [8k+7:8k]
  input  logic                     flush_i,      // send the partial line too
  output logic                     idle_o,       // empty and not flushing
  // L1 write requests (the read fields of the port are the engine's)
  output logic                     req_valid_o,
  input  logic                     req_ready_i,
  output logic [AddrW-1:0]         req_addr_o,
  output logic [LineBytes*8-1:0]   req_wdata_o,
  output logic [LineBytes-1:0]     req_wstrb_o
);
  localparam int unsigned OffW  = $clog2(LineBytes);
  localparam int unsigned FillW = $clog2(CapBytes + 1);
  localparam int unsigned PosW  = $clog2(CapBytes + 1) + 1;

  if (LineBytes < 16 || LineBytes > 256 || (LineBytes & (LineBytes - 1)) != 0)
  begin : gen_bad_line
    $error("zcomp_wc_buffer: LineBytes must be a power of two from 16 to 256");
  end
  if (AddrW < 16 || AddrW > 64) begin : gen_bad_addr
    $error("zcomp_wc_buffer: AddrW must be 16 to 64");
  end
  if (RunBytes < 1 || RunBytes > 1024) begin : gen_bad_run
    $error("zcomp_wc_buffer: RunBytes must be 1 to 1024");
  end

  // State: the bytes of unsent lines from the line at base_q on. Bytes at
  // or above fill_q, and bytes without a strobe, are 0.
  logic [AddrW-1:0]      base_q;
  logic [FillW-1:0]      fill_q;
  logic                  flushing_q;
  logic [CapBytes*8-1:0] data_q;
  logic [CapBytes-1:0]   strb_q;
  logic [AddrW-1:0]      end_q;      // base_q + fill_q while not empty

  // ---- send
  logic empty, send, sent;
  assign empty = (fill_q == '0);
  assign send  = (fill_q >= FillW'(LineBytes)) || (flushing_q && !empty);
  assign sent  = send && req_ready_i;

  assign req_valid_o = send;
  assign req_addr_o  = send ? base_q : '0;
  assign req_wdata_o = send ? data_q[LineBytes*8-1:0] : '0;
  assign req_wstrb_o = send ? strb_q[LineBytes-1:0] : '0;

  // ---- take (judged on the state at the start of the cycle)
  // A run is taken only into an empty buffer or contiguous with its bytes,
  // so its place needs no address arithmetic: from its line, its offset in
  // that line when the buffer is empty; from base_q, fill_q when it is
  // contiguous. And end_q (base_q + fill_q, a register of its own) makes the
  // contiguity test a compare with a register.
  logic [AddrW-1:0] line_of_run;
  logic [PosW-1:0]  pos;          // where a taken run starts (see above)
  logic             contiguous, room, take;
  assign contiguous  = (run_addr_i == end_q);
  assign line_of_run = {run_addr_i[AddrW-1:OffW], OffW'(0)};
  assign pos         = empty ? PosW'(run_addr_i[OffW-1:0]) : PosW'(fill_q);
  assign room        = (PosW'(pos) + PosW'(run_len_i)) <= PosW'(CapBytes);
  logic zero_len;
  assign zero_len    = (run_len_i == '0);
  assign run_ready_o = !flushing_q && (zero_len || ((empty || contiguous) && room));
  assign take        = run_valid_i && run_en_i && run_ready_o && !zero_len;

  logic start_flush;
  assign start_flush = flush_i ||
                       (run_valid_i && !zero_len && !flushing_q && !empty && !contiguous);

  // ---- next state
  logic [CapBytes*8-1:0] data_shift, run_bytes;
  logic [CapBytes-1:0]   strb_shift, run_strb;
  logic [FillW-1:0]      fill_shift, fill_d;
  logic [AddrW-1:0]      base_shift, base_d;
  logic [PosW-1:0]       put;          // run position in the buffer after the send

  assign data_shift = sent ? (data_q >> (LineBytes * 8)) : data_q;
  assign strb_shift = sent ? (strb_q >> LineBytes) : strb_q;
  assign fill_shift = !sent ? fill_q :
                      (fill_q > FillW'(LineBytes)) ? fill_q - FillW'(LineBytes) : '0;
  assign base_shift = sent ? base_q + AddrW'(LineBytes) : base_q;
  // A sent line only ever precedes a contiguous take (an empty buffer sends
  // nothing), and then the run starts at fill_q.
  assign put        = sent ? pos - PosW'(LineBytes) : pos;

  // The run's place: put = put_line * LineBytes + the offset of run_addr_i
  // in its line. (Whenever the run is taken, put and run_addr_i agree below
  // OffW: base_eff and the send's step are whole lines.) So the bytes are
  // rotated by the address's offset, which does not depend on the buffer's
  // state, and then moved by whole lines (put_line). That is a shifter of
  // RotLines lines by at most LineBytes - 1 bytes and a RotLines-way line
  // select, in place of a byte shifter of CapBytes by up to CapBytes - 1.
  // The rotated run is RotBytes wide (the last byte a run can reach), in
  // RotLines lines; put_line has the bits of a line of the buffer.
  localparam int unsigned RotBytes = RunBytes + LineBytes - 1;
  localparam int unsigned RotLines = (RotBytes + LineBytes - 1) / LineBytes;
  localparam int unsigned CapLines = CapBytes / LineBytes;
  localparam int unsigned LineW    = $clog2(CapLines);
  logic [RunBytes-1:0]               len_strb;
  logic [RunBytes*8-1:0]             run_masked;
  logic [RotBytes*8-1:0]             rot_bytes;
  logic [RotBytes-1:0]               rot_strb;
  logic [LineW-1:0]                  put_line;
  assign put_line = put[OffW+:LineW];

  always_comb begin
    for (int unsigned k = 0; k < RunBytes; k++) begin
      len_strb[k]        = (k < 32'(run_len_i));
      run_masked[k*8+:8] = len_strb[k] ? run_data_i[k*8+:8] : 8'h00;
    end
    rot_bytes = (RotBytes * 8)'(run_masked) << (32'(run_addr_i[OffW-1:0]) * 8);
    rot_strb  = RotBytes'(len_strb) << run_addr_i[OffW-1:0];
    run_bytes = '0;
    run_strb  = '0;
    for (int unsigned i = 0; i < CapLines; i++) begin
      for (int unsigned j = 0; j < RotLines; j++) begin
        if (32'(put_line) + j == i) begin
          for (int unsigned b = 0; b < LineBytes; b++) begin
            if (j * LineBytes + b < RotBytes) begin
              run_bytes[(i*LineBytes+b)*8+:8] = rot_bytes[(j*LineBytes+b)*8+:8];
              run_strb[i*LineBytes+b]         = rot_strb[j*LineBytes+b];
            end
          end
        end
      end
    end
  end

  assign base_d = (take && empty) ? line_of_run : base_shift;
  assign fill_d = take ? FillW'(put) + FillW'(run_len_i) : fill_shift;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      base_q     <= '0;
      fill_q     <= '0;
      flushing_q <= 1'b0;
      strb_q     <= '0;
      data_q     <= '0;
      end_q      <= '0;
    end else begin
      base_q     <= base_d;
      fill_q     <= fill_d;
      // A taken run ends the bytes; a sent line moves base_q and fill_q
      // and not their sum; an empty buffer's end_q is not used.
      if (take) end_q <= run_addr_i + AddrW'(run_len_i);
      flushing_q <= (flushing_q || start_flush) && (fill_d != '0);
      if (take && empty) begin
        data_q <= run_bytes;
        strb_q <= run_strb;
      end else begin
        data_q <= data_shift | (take ? run_bytes : '0);
        strb_q <= strb_shift | (take ? run_strb : '0);
      end
    end
  end

  assign idle_o = empty && !flushing_q;

`ifndef SYNTHESIS
  // A request always writes at least one byte.
  always_comb begin
    if (rst_ni && req_valid_o) begin
      assert (req_wstrb_o != '0)
      else $error("zcomp_wc_buffer: write request with no strobe");
    end
  end
  // end_q is where the bytes end.
  always_comb begin
    if (rst_ni && !empty) begin
      assert (end_q == base_q + AddrW'(fill_q))
      else $error("zcomp_wc_buffer: end_q %0h, base_q + fill_q %0h", end_q,
                  base_q + AddrW'(fill_q));
    end
  end
  // The run's place agrees with its address below OffW (see put_line).
  always_comb begin
    if (rst_ni && take) begin
      assert (put[OffW-1:0] == run_addr_i[OffW-1:0])
      else $error("zcomp_wc_buffer: run placed at %0d, address offset %0d", put,
                  run_addr_i[OffW-1:0]);
    end
  end
`endif
endmodule
