// tb_wc_buffer: write-combining buffers side by side, one per row of the
// variant table, so that one Verilated model covers several line sizes.
//
// Variant v has its own ports, each in a slice as wide as the largest
// variant needs. A narrower variant uses the low bits and ignores the rest.
// cfg_o[v] reports the parameters so that the C++ harness builds a
// matching model: [8:0] LineBytes, [19:9] RunBytes, [26:20] AddrW.
//
//   v  LineBytes  RunBytes  AddrW  what it stands for
//   0  64         264       32     P = 4 vectors of N=16/EW=32 (66 bytes) per run
//   1  16         66        32     runs of up to 4 lines into a small line
//   2  32         8         16     runs much shorter than a line; address wrap
//
// fault_i[v] flips bit 0 of the variant's req_wstrb_o while a request is
// offered (the planted bug: a broken strobe).
module tb_wc_buffer #(
  localparam int unsigned NumVariants = 3,
  localparam int unsigned MaxRun      = 264,
  localparam int unsigned MaxLine     = 64
) (
  input  logic                                  clk_i,
  input  logic                                  rst_ni,
  output logic [NumVariants-1:0][31:0]          cfg_o,
  input  logic [NumVariants-1:0]                fault_i,
  input  logic [NumVariants-1:0]                run_valid_i,
  input  logic [NumVariants-1:0]                run_en_i,
  output logic [NumVariants-1:0]                run_ready_o,
  input  logic [NumVariants-1:0][31:0]          run_addr_i,
  input  logic [NumVariants-1:0][15:0]          run_len_i,
  input  logic [NumVariants-1:0][MaxRun*8-1:0]  run_data_i,
  input  logic [NumVariants-1:0]                flush_i,
  output logic [NumVariants-1:0]                idle_o,
  output logic [NumVariants-1:0]                req_valid_o,
  input  logic [NumVariants-1:0]                req_ready_i,
  output logic [NumVariants-1:0][31:0]          req_addr_o,
  output logic [NumVariants-1:0][MaxLine*8-1:0] req_wdata_o,
  output logic [NumVariants-1:0][MaxLine-1:0]   req_wstrb_o
);
  typedef struct packed {
    int unsigned line_bytes;
    int unsigned run_bytes;
    int unsigned addr_w;
  } variant_t;

  localparam variant_t Variants[NumVariants] = '{
    '{line_bytes: 64, run_bytes: 264, addr_w: 32},
    '{line_bytes: 16, run_bytes: 66,  addr_w: 32},
    '{line_bytes: 32, run_bytes: 8,   addr_w: 16}
  };

  for (genvar v = 0; v < NumVariants; v++) begin : gen_variant
    localparam int unsigned LB   = Variants[v].line_bytes;
    localparam int unsigned RB   = Variants[v].run_bytes;
    localparam int unsigned AW   = Variants[v].addr_w;
    localparam int unsigned LenW = $clog2(RB + 1);

    assign cfg_o[v] = {5'd0, 7'(AW), 11'(RB), 9'(LB)};

    logic [LB-1:0] strb;
    zcomp_wc_buffer #(
      .LineBytes(LB),
      .AddrW    (AW),
      .RunBytes (RB)
    ) u_dut (
      .clk_i      (clk_i),
      .rst_ni     (rst_ni),
      .run_valid_i(run_valid_i[v]),
      .run_en_i   (run_en_i[v]),
      .run_ready_o(run_ready_o[v]),
      .run_addr_i (run_addr_i[v][AW-1:0]),
      .run_len_i  (run_len_i[v][LenW-1:0]),
      .run_data_i (run_data_i[v][RB*8-1:0]),
      .flush_i    (flush_i[v]),
      .idle_o     (idle_o[v]),
      .req_valid_o(req_valid_o[v]),
      .req_ready_i(req_ready_i[v]),
      .req_addr_o (req_addr_o[v][AW-1:0]),
      .req_wdata_o(req_wdata_o[v][LB*8-1:0]),
      .req_wstrb_o(strb)
    );
    assign req_wstrb_o[v][LB-1:0] = strb ^ LB'(fault_i[v] && req_valid_o[v]);

    // Unused high bits of the wide slices.
    if (AW < 32) begin : gen_addr_pad
      assign req_addr_o[v][31:AW] = '0;
      logic unused_addr;
      assign unused_addr = ^run_addr_i[v][31:AW];
    end
    if (LB < MaxLine) begin : gen_line_pad
      assign req_wdata_o[v][MaxLine*8-1:LB*8] = '0;
      assign req_wstrb_o[v][MaxLine-1:LB]     = '0;
    end
    if (RB < MaxRun) begin : gen_run_pad
      logic unused_run;
      assign unused_run = ^run_data_i[v][MaxRun*8-1:RB*8];
    end
    logic unused_len;
    assign unused_len = ^run_len_i[v][15:LenW];
  end
endmodule
