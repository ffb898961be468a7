// zcomp_pkg: types, codes and elaboration-time helpers shared by every
// zcomp module.
//
// What lives here:
// - ccf_e: the 2-bit comparison-condition code of docs/format.md section 4.
// - prefix_topo_e: the prefix-sum topologies that zcomp_prefix_sum can build.
// - compact_net_e: the two compaction networks (multiplexer or shifting).
// - Constant functions that describe each prefix-sum topology as a list of
//   levels. In every level a lane either passes its value on or adds the
//   value of one lower lane (prefix_src). Describing the topologies as data
//   means a single generate loop builds all of them, and a new topology
//   needs only a new case here.
package zcomp_pkg;

  /// Comparison condition: which lanes count as zero and are dropped.
  typedef enum logic [1:0] {
    CcfZero      = 2'd0,  ///< x == 0 (lossless)
    CcfFpZero    = 2'd1,  ///< +0.0 and -0.0 (ignores the sign bit)
    CcfIntThresh = 2'd2,  ///< |x| <= T, x two's complement, T unsigned
    CcfFpThresh  = 2'd3   ///< mag(x) <= mag(T), magnitude = all bits but the MSB
  } ccf_e;

  /// Prefix-sum topology.
  typedef enum int unsigned {
    TopoRipple     = 0,  ///< N-1 levels, one adder per level: the reference
    TopoSklansky   = 1,  ///< log2(N) levels, fan-out up to N/2
    TopoKoggeStone = 2,  ///< log2(N) levels, fan-out 2, most adders
    TopoBrentKung  = 3   ///< 2*log2(N)-1 levels, fewest adders
  } prefix_topo_e;

  /// Compaction network of the compress and expand units.
  typedef enum int unsigned {
    NetMux   = 0,  ///< output-indexed multiplexer: out[j] picks the lane whose rank is j
    NetShift = 1   ///< log2(N) stages; stage s moves an element by 2^s lanes
  } compact_net_e;

  /// True when x is a power of two (x > 0).
  function automatic bit is_pow2(int unsigned x);
    return (x != 0) && ((x & (x - 1)) == 0);
  endfunction

  /// Number of adder levels of a prefix-sum topology over n lanes (n a power of two).
  function automatic int unsigned prefix_levels(prefix_topo_e topo, int unsigned n);
    int unsigned lg = $clog2(n);
    unique case (topo)
      TopoRipple:     return n - 1;
      TopoSklansky:   return lg;
      TopoKoggeStone: return lg;
      TopoBrentKung:  return (lg == 0) ? 0 : 2 * lg - 1;
      default:        return 0;
    endcase
  endfunction

  /// Source lane added into `lane` at `level`, or -1 when the lane passes its
  /// value on unchanged. After the last level, lane i holds the inclusive sum
  /// of lanes 0..i.
  function automatic int prefix_src(prefix_topo_e topo, int unsigned n, int unsigned level,
                                    int unsigned lane);
    int unsigned lg = $clog2(n);
    int unsigned d;
    unique case (topo)
      TopoRipple: return (lane == level + 1) ? int'(level) : -1;
      TopoSklansky: begin
        // Blocks of 2^(level+1) lanes: the upper half adds the last lane of the lower half.
        if (((lane >> level) & 1) == 1) return int'(((lane >> level) << level)) - 1;
        return -1;
      end
      TopoKoggeStone: begin
        d = 1 << level;
        return (lane >= d) ? int'(lane - d) : -1;
      end
      TopoBrentKung: begin
        if (level < lg) begin
          // Up-sweep: the last lane of each 2^(level+1) block adds the middle one.
          d = 1 << level;
          return (((lane + 1) % (2 * d)) == 0) ? int'(lane - d) : -1;
        end
        // Down-sweep, level lg+k handles distance 2^(lg-2-k).
        d = 1 << (2 * lg - 2 - level);
        return ((((lane + 1) % (2 * d)) == d) && (lane >= 2 * d)) ? int'(lane - d) : -1;
      end
      default: return -1;
    endcase
  endfunction

  /// True when a pipeline register follows adder level `level` of `levels`,
  /// for `stages` registers spread evenly (the last one after the last level).
  function automatic bit prefix_reg_after(int unsigned level, int unsigned levels,
                                          int unsigned stages);
    for (int unsigned k = 0; k < stages; k++) begin
      if (level + 1 == ((k + 1) * levels + stages - 1) / stages) return 1'b1;
    end
    return 1'b0;
  endfunction

endpackage
